// The amendments of 2026-12-06 that change how values are written on the command line
// (interface.md): 1. a threshold says its unit ("5%" or "1000v") and a bare number is refused
// everywhere, flags, files, TOML, scenario sweeps and the explorer's API alike; 3. a repeatable
// option takes one value per occurrence, so that a positional may follow it, and names may hold commas.
#include <doctest/doctest.h>

#include "seatsim/core/error.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/threshold.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

const std::string example_votes = (source_dir() / "scenarios/example/votes.csv").string();
const std::string bare_five =
    "threshold: '5' has no unit: write 5% for a share or 5v for votes (before 2026-12-06 a bare number meant votes)";

std::string parse_error(const std::string& text) {
  try {
    (void)ThresholdValue::parse(text);
  } catch (const Error& error) {
    return error.message();
  }
  return "";
}

// The seats column of `allocate`'s CSV, by party.
std::map<std::string, std::string> seats_by_party(const RunResult& run) {
  std::map<std::string, std::string> seats;
  for (const auto& row : csv_records(run.out)) seats[row.at("party")] = row.at("seats");
  return seats;
}

}  // namespace

TEST_CASE("a threshold is a share with % or votes with v, a bare number is refused with both readings") {
  const ThresholdValue share = ThresholdValue::parse("5.5%");
  CHECK(share.kind == ThresholdValue::Kind::share);
  CHECK(share.share == Rational(11, 200));
  const ThresholdValue votes = ThresholdValue::parse("1000v");
  CHECK(votes.kind == ThresholdValue::Kind::votes);
  CHECK(votes.votes == 1000);
  CHECK(votes.to_string() == "1000v");
  CHECK(share.to_string() == "5.5%");
  CHECK(parse_error("5") ==
        "'5' has no unit: write 5% for a share or 5v for votes (before 2026-12-06 a bare "
        "number meant votes)");
  CHECK(parse_error("1000").find("'1000' has no unit: write 1000v for votes") == 0);   // 1000% is no share
  CHECK(parse_error("5.5").find("'5.5' has no unit: write 5.5% for a share (") == 0);  // 5.5 votes is none
  CHECK(parse_error("0").find("write 0% for a share or 0v for votes") != std::string::npos);
  CHECK(parse_error("2.5v").find("whole number of votes") != std::string::npos);
  CHECK(parse_error("5x").find("a share like 5% or a number of votes like 1000v") != std::string::npos);
  Threshold threshold;
  threshold.value = votes;
  threshold.per_party["A"] = ThresholdValue::parse("200v");
  CHECK(threshold.describe() == "1000v (at least, district); A: 200v");
}

TEST_CASE("every threshold flag refuses a bare number, with its unit it applies") {
  for (const auto& [flags, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--threshold", "5"}, bare_five},
           {{"--leveling-seats", "1", "--leveling-threshold", "4"}, "leveling-threshold: '4' has no unit"},
           {{"--biproportional", "--quorum-any-district", "5"}, "quorum-any-district: '5' has no unit"},
           {{"--biproportional", "--quorum-total", "3"}, "quorum-total: '3' has no unit"},
       }) {
    std::vector<std::string> args = {"allocate", example_votes, "--seats", "11"};
    args.insert(args.end(), flags.begin(), flags.end());
    const RunResult run = run_cli(args);
    CHECK(run.status == 2);
    CHECK_MESSAGE(run.err.find("seatsim: " + message) == 0, run.err);
  }
  // Purple has 4,700 of 98,000 votes (4.8%): out at 5%, in at 4,700 votes, out at 4,701.
  CHECK(seats_by_party(run_cli({"allocate", example_votes, "--seats", "11", "--threshold", "5%"}))["Purple"] == "0");
  CHECK(seats_by_party(run_cli({"allocate", example_votes, "--seats", "11", "--threshold", "4700v"}))["Purple"] == "1");
  CHECK(seats_by_party(run_cli({"allocate", example_votes, "--seats", "11", "--threshold", "4701v"}))["Purple"] == "0");
  // Output that shows a threshold shows its unit.
  const RunResult json =
      run_cli({"allocate", example_votes, "--seats", "11", "--threshold", "4700v", "--format", "json"});
  REQUIRE_MESSAGE(json.status == 0, json.err);
  CHECK(Json::parse(json.out)["meta"]["rule"]["threshold"] == "4700v");
}

TEST_CASE("party thresholds, election.toml and scenario files refuse a bare threshold, with file and line") {
  TempDir tmp;
  const fs::path thresholds = tmp.write("thresholds.csv", "party,threshold\nBlue,10%\nPurple,5\n");
  const RunResult file = run_cli(
      {"allocate", example_votes, "--seats", "11", "--threshold", "5%", "--party-thresholds", thresholds.string()});
  CHECK(file.status == 2);
  CHECK(file.err.find("thresholds.csv:3: threshold: '5' has no unit") != std::string::npos);

  tmp.write("set/results.csv", "party,votes\nA,900\nB,50\nC,50\n");
  tmp.write("set/districts.csv", "district,seats,reserved\n,11,0\n");
  for (const std::string value : {"5", "\"5\""}) {
    tmp.write("set/election.toml", "name = \"test\"\n[rule]\nmethod = \"sainte-lague\"\nthreshold = " + value + "\n");
    const RunResult toml = run_cli({"allocate", (tmp.path / "set").string()});
    CHECK(toml.status == 2);
    CHECK_MESSAGE(toml.err.find("election.toml:4: " + bare_five) != std::string::npos, toml.err);
  }
  tmp.write("set/election.toml", "name = \"test\"\n[rule]\nthreshold = \"50v\"\n");
  CHECK(seats_by_party(run_cli({"allocate", (tmp.path / "set").string()}))["C"] == "1");

  tmp.write("set/what-if/w.toml", "base = \"../\"\n[rule]\nthreshold = 51\n");
  const RunResult scenario = run_cli({"scenario", (tmp.path / "set/what-if/w.toml").string()});
  CHECK(scenario.status == 2);
  CHECK_MESSAGE(scenario.err.find("w.toml:3: threshold: '51' has no unit") != std::string::npos, scenario.err);
}

TEST_CASE("a threshold sweep in votes says its unit: values and ranges with v, bare numbers refused") {
  const auto sweep_of = [](const std::string& values) {
    return parse_scenario("x.toml", "base = \".\"\n[sweep]\nparameter = \"rule.threshold\"\nvalues = " + values + "\n")
        .sweep;
  };
  const std::optional<Sweep> list = sweep_of("[\"100v\", \"200v\"]");
  REQUIRE(list);
  CHECK(list->values == std::vector<Rational>{Rational(100), Rational(200)});
  CHECK(list->format(Rational(100)) == "100v");
  const std::optional<Sweep> range = sweep_of("{ from = \"100v\", to = \"300v\", step = \"100v\" }");
  REQUIRE(range);
  CHECK(range->texts == std::vector<std::string>{"100v", "200v", "300v"});
  CHECK_THROWS_WITH_AS(sweep_of("[100, 200]"), doctest::Contains("'100' has no unit"), Error);
  CHECK_THROWS_AS(sweep_of("{ from = \"100\", to = \"300\", step = \"100\" }"), Error);
}

TEST_CASE("repeatable options take one value each time, so that the input may follow them") {
  // issue 18, point 3: the flag used to swallow the positional ("INPUT is required").
  const RunResult run =
      run_cli({"allocate", "--threshold-exempt", "Purple", example_votes, "--seats", "11", "--threshold", "5%"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(seats_by_party(run)["Purple"] == "1");  // exempt: in despite its 4.8%

  // Twice, once per occurrence; a name with a comma stays whole.
  // Red, White and Green have 100 of 1,200 votes each (8.3%): below 10% unless exempt.
  const std::string votes = "party,votes\n\"Red, White\",100\nBlue,1000\nGreen,100\n";
  const RunResult both = run_cli({"allocate", "--threshold-exempt", "Red, White", "--threshold-exempt", "Green", "-",
                                  "--seats", "11", "--threshold", "10%"},
                                 votes);
  REQUIRE_MESSAGE(both.status == 0, both.err);
  CHECK(seats_by_party(both) == std::map<std::string, std::string>{{"Red, White", "1"}, {"Blue", "9"}, {"Green", "1"}});
  // Two values after one occurrence: the second is not an exempt list but a stray argument.
  CHECK(run_cli({"allocate", "-", "--seats", "11", "--threshold-exempt", "Green", "Blue"}, votes).status == 2);

  const std::string set = (source_dir() / "tests/data/synthetic-reserved").string();
  const RunResult simulate = run_cli({"simulate", "--coalition", "Unity+Greens", set, "--draws", "50", "--noise",
                                      "dirichlet:300", "--view", "coalitions", "--format", "csv"});
  REQUIRE_MESSAGE(simulate.status == 0, simulate.err);
  CHECK(simulate.out.find("Unity+Greens") != std::string::npos);
}
