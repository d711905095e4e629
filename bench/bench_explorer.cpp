// The explorer's recompute (seatsim serve, docs/explorer.md) without the network: what one
// /api/scenario request costs on the Iraq 2013 data set, from the scenario file's text to the
// JSON answer, as the page sends it on every change (a transfer everywhere, a first divisor, one
// seat total changed), and the break points of the transfer slider the page asks for after it.
#include <benchmark/benchmark.h>

#include <string>

#include "seatsim/server/explorer.hpp"

namespace {

const std::string iraq = std::string(SEATSIM_SOURCE_DIR) + "/scenarios/iraq-2013";

const char* page_scenario = R"(name = "Explorer"
base = "../"
clamp = true
[rule]
first_divisor = "1.6"
[seats]
"Baghdad Governorate" = 60
[[op]]
kind = "transfer"
from = "State of Law Coalition"
to = "Citizens Alliance"
share = "16.1%"
)";

void run(benchmark::State& state, const std::string& body, const std::string& query) {
  const seatsim::Explorer explorer(iraq);
  seatsim::ExplorerRequest request;
  request.method = "POST";
  request.path = "/api/scenario";
  request.body = body;
  if (!query.empty()) request.params = seatsim::parse_query(query);
  for (auto _ : state) {
    const seatsim::ExplorerResponse response = explorer.handle(request);
    if (response.status != 200) state.SkipWithError(response.body.c_str());
    benchmark::DoNotOptimize(response.body.data());
  }
}

void explorer_scenario(benchmark::State& state) { run(state, page_scenario, ""); }

void explorer_break_points(benchmark::State& state) {
  run(state,
      std::string(page_scenario) +
          "[sweep]\nparameter = \"op.1.share\"\nvalues = { from = \"0%\", to = \"100%\", step = \"2%\" }\n",
      "break-points=1");
}

}  // namespace

BENCHMARK(explorer_scenario)->Name("explorer/scenario/iraq-2013")->Unit(benchmark::kMillisecond);
BENCHMARK(explorer_break_points)->Name("explorer/break_points/transfer/iraq-2013")->Unit(benchmark::kMillisecond);
