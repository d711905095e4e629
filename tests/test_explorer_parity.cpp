// The explorer and the command line give the same seats, margins and break points for the same system
// and scenario (issue 24): Iraq 2013 under its data set's rule, and Norway 2021 (all 169 seats, from
// ../shared/data, skipped when absent) under the library's norway-storting-2005, given at start as
// `seatsim serve --system` would and as a request's `system` parameter.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

// The default 10 s of work per request: Norway's margins under a sanitizer on a loaded machine take longer,
// and this test is about the answers, not the limits (tests/test_server_limits.cpp checks those).
ExplorerLimits slow_machine() {
  ExplorerLimits limits;
  limits.max_time = std::chrono::minutes(10);
  return limits;
}

Json api(const Explorer& explorer, const std::string& path, const Params& params = {}, const std::string& body = {}) {
  const std::string method = body.empty() ? "GET" : "POST";
  const ExplorerResponse response =
      explorer.handle({method, path, params, body.empty() ? "" : "application/toml", body, {}});
  REQUIRE_MESSAGE(response.status == 200, response.body);
  return Json::parse(response.body);
}

Json cli_json(std::vector<std::string> args) {
  args.insert(args.end(), {"--format", "json"});
  const RunResult run = run_cli(args);
  REQUIRE_MESSAGE(run.status <= 1, run.err);  // compare exits 1 when seats differ
  return Json::parse(run.out);
}

// The rule's first divisor swept over the values where Norway's and Iraq's seats change.
const std::string divisor_sweep =
    "name = \"first divisor\"\n"
    "[sweep]\nparameter = \"rule.first_divisor\"\nvalues = [\"1\", \"1.2\", \"1.4\", \"1.6\", \"1.8\"]\n";

// Seats, margins (every table) and a sweep's break points: the API's answer against the command's.
void check_answers(const Explorer& explorer, const std::string& data, const std::vector<std::string>& flags,
                   const Params& params) {
  const auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), flags.begin(), flags.end());
    return cli_json(args);
  };
  const Json allocated = api(explorer, "/api/allocate", params);
  const Json cli_allocated = with({"allocate", data});
  CHECK(allocated["results"] == cli_allocated["results"]);
  CHECK(allocated["meta"]["rule"] == cli_allocated["meta"]["rule"]);
  const Json compared = api(explorer, "/api/compare", params);
  const Json cli_compared = with({"compare", data});
  CHECK(compared["results"] == cli_compared["results"]);
  CHECK(compared["districts"] == cli_compared["districts"]);
  const Json margins = api(explorer, "/api/margins", params);
  const Json cli_margins = with({"margins", data});
  for (const char* key : {"results", "closest", "ranking"}) {
    CAPTURE(key);
    CHECK(margins[key] == cli_margins[key]);
  }
}

// A sweep's results and break points: `seatsim scenario` on a file whose base is `data` (a data set that
// carries its own system, as scenario files take no rule flags), against the explorer serving `data`.
void check_sweep(const std::string& data, const TempDir& tmp) {
  const Explorer explorer(data, slow_machine());
  const std::string scenario = tmp.write("sweep.toml", "base = \"" + data + "\"\n" + divisor_sweep).string();
  const Json sweep = api(explorer, "/api/scenario", {}, read_text_file(scenario));
  const Json cli_sweep = cli_json({"scenario", scenario});
  CHECK(sweep["results"] == cli_sweep["results"]);
  CHECK(sweep["break_points"] == cli_sweep["break_points"]);
  CHECK(!sweep["break_points"].empty());
}

}  // namespace

TEST_SUITE("explorer parity") {
  TEST_CASE("Iraq 2013: the explorer's seats, margins and break points are the command line's") {
    TempDir tmp;
    const std::string iraq = (source_dir() / "scenarios" / "iraq-2013").string();
    const Explorer explorer(iraq, slow_machine());
    check_answers(explorer, iraq, {}, {});
    check_sweep(iraq, tmp);
  }

  TEST_CASE("Norway 2021, all 169 seats under norway-storting-2005: the explorer's answers are the CLI's") {
    const fs::path norway = shared_data("norway_2021_storting_full.csv");
    if (norway.empty()) return;
    TempDir tmp;
    RuleSources system;
    system.system = "norway-storting-2005";
    const Explorer explorer(norway.string(), slow_machine(), system);
    check_answers(explorer, norway.string(), {"--system", "norway-storting-2005"}, {});
    // The same votes as a data set whose election.toml names the system, for the sweep.
    tmp.write("norway/results.csv", read_text_file(norway.string()));
    tmp.write("norway/election.toml", "name = \"Norway 2021\"\nsystem = \"norway-storting-2005\"\n");
    check_sweep((tmp.path / "norway").string(), tmp);
    // The same system as a request's parameter, on an explorer started without it.
    const Explorer plain(norway.string(), slow_machine());
    const Json by_parameter = api(plain, "/api/allocate", {{"system", "norway-storting-2005"}});
    CHECK(by_parameter["results"] == api(explorer, "/api/allocate")["results"]);
    const std::string summary = api(explorer, "/api/compare")["summary_line"].get<std::string>();
    CHECK_MESSAGE(summary.find("districts matched: 19/19") != std::string::npos, summary);
  }
}
