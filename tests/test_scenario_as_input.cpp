// A scenario file without a sweep is a first-class input (issue 18, point 10): every command that takes a
// data set takes it, through the one pipeline (seatsim/analysis/election_setup.hpp), its operations applied.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

namespace seatsim::test {

TEST_SUITE("scenario as input") {
  TEST_CASE("compare, report, chart and the explorer take a scenario without a sweep") {
    const std::string scenario =
        (source_dir() / "scenarios" / "iraq-2013" / "what-if" / "differential-turnout-basra.toml").string();
    const RunResult compared = run_cli({"compare", scenario, "--format", "csv"});
    CHECK(compared.status <= 1);
    CHECK(compared.out.rfind("district,party,votes,published_seats,seats,diff", 0) == 0);
    TempDir tmp;
    const RunResult report = run_cli({"report", scenario, "-o", (tmp.path / "r.html").string()});
    CHECK(report.status == 0);
    CHECK(fs::exists(tmp.path / "r.html"));
    const RunResult chart = run_cli({"chart", scenario, "--kind", "hemicycle", "-o", (tmp.path / "h.svg").string()});
    CHECK_MESSAGE(chart.status == 0, chart.err);
    CHECK(read_text_file((tmp.path / "h.svg").string()).find("<svg") != std::string::npos);
    const RunResult allocated = run_cli({"allocate", scenario, "--format", "csv"});
    CHECK(allocated.status == 0);
    // The explorer serves the scenario's election: its seats are allocate's.
    const Explorer explorer(scenario);
    const ExplorerResponse response = explorer.handle({"GET", "/api/allocate", {}, "", "", {}});
    REQUIRE(response.status == 200);
    const Json body = Json::parse(response.body);
    REQUIRE_MESSAGE(body.contains("results"), response.body.substr(0, 300));
    CHECK(body["results"].size() + 1 ==
          static_cast<std::size_t>(std::count(allocated.out.begin(), allocated.out.end(), '\n')));
  }

  TEST_CASE("a scenario with a sweep is refused where one election is needed, with the scenario's line") {
    const std::string sweep =
        (source_dir() / "scenarios" / "iraq-2013" / "what-if" / "first-divisor-sweep.toml").string();
    const RunResult compared = run_cli({"compare", sweep});
    CHECK(compared.status == 2);
    CHECK(compared.err.find("first-divisor-sweep.toml:") != std::string::npos);
    CHECK(compared.err.find("takes a scenario without a sweep") != std::string::npos);
    const RunResult chart = run_cli({"chart", sweep, "--kind", "hemicycle"});
    CHECK(chart.status == 2);
    CHECK(chart.err.find("--kind sweep") != std::string::npos);
  }
}

}  // namespace seatsim::test
