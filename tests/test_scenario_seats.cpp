// A scenario's [seats] table (seat totals per district, in the scenario only), and rule layering
// that lets a later layer pick a quota method over a data set's first divisor. Both are what the
// explorer's "seats per district" and "method" controls export.
#include <doctest/doctest.h>

#include "reference_allocation.hpp"
#include "seatsim/analysis/scenario_run.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/scenario.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

// North: 7 seats, one reserved for the Christian list with most votes; South: 5 seats.
fs::path demo_set(const TempDir& tmp) {
  tmp.write("demo/election.toml", "name = \"Demo\"\n[rule]\nmethod = \"sainte-lague\"\nfirst_divisor = \"1\"\n");
  tmp.write("demo/results.csv",
            "district,party,votes,published_seats,quota\nNorth,A,5000,3,\nNorth,B,3000,2,\nNorth,C,1200,1,\n"
            "North,Q1,90,1,christian\nNorth,Q2,60,0,christian\nSouth,A,2000,1,\nSouth,B,4500,3,\nSouth,D,800,1,\n");
  tmp.write("demo/districts.csv", "district,seats,reserved\nNorth,7,1\nSouth,5,0\n");
  return tmp.path / "demo";
}

}  // namespace

TEST_CASE("scenario [seats]: a district's seat total changes in the scenario, not in the base") {
  TempDir tmp;
  demo_set(tmp);
  const fs::path file = tmp.write("demo/what-if/seats.toml", "base = \"../\"\n[seats]\nSouth = 9\n\"North\" = \"8\"\n");
  const RunResult r = run_cli({"scenario", file.string(), "--format", "csv"});
  REQUIRE(r.status == 0);
  const auto rows = csv_records(r.out);
  // South: 9 seats by Sainte-Laguë, against 5 in the base; North: 7 general seats, 1 reserved.
  const auto south = sainte_lague({2000, 4500, 800}, 9).seats;
  const auto south_base = sainte_lague({2000, 4500, 800}, 5).seats;
  const auto north = sainte_lague({5000, 3000, 1200}, 7).seats;
  CHECK(row(rows, "district", "South", "A").at("seats") == std::to_string(south[0]));
  CHECK(row(rows, "district", "South", "B").at("seats") == std::to_string(south[1]));
  CHECK(row(rows, "district", "South", "D").at("seats") == std::to_string(south[2]));
  CHECK(row(rows, "district", "South", "B").at("base_seats") == std::to_string(south_base[1]));
  CHECK(row(rows, "district", "North", "A").at("seats") == std::to_string(north[0]));
  CHECK(row(rows, "district", "North", "Q1").at("seats") == "1");
  std::int64_t total = 0;
  for (const auto& r2 : rows)
    if (r2.at("level") == "national") total += std::stoll(r2.at("seats"));
  CHECK(total == 17);
  const RunResult table = run_cli({"scenario", file.string(), "--format", "table"});
  CHECK(table.out.find("seats: South 5 -> 9") != std::string::npos);
  const RunResult json = run_cli({"scenario", file.string(), "--format", "json"});
  CHECK(json.out.find("\"seats\": {") != std::string::npos);
}

TEST_CASE("scenario [seats]: sweeps start from the scenario's seat totals") {
  TempDir tmp;
  demo_set(tmp);
  const fs::path file = tmp.write("demo/what-if/sweep.toml",
                                  "base = \"../\"\n[seats]\nSouth = 9\n[[op]]\nkind = \"transfer\"\nfrom = \"B\"\n"
                                  "to = \"A\"\nshare = \"0%\"\ndistricts = [\"South\"]\n[sweep]\nparameter = "
                                  "\"op.1.share\"\nvalues = [\"0%\", \"10%\"]\n");
  const Scenario scenario = load_scenario(file.string());
  const ScenarioBase base = load_scenario_base(scenario);
  const SweepResult sweep = run_sweep(scenario, base);
  REQUIRE(sweep.steps.size() == 2);
  const auto& seats = sweep.steps[0].seats[1];
  CHECK(seats[0] + seats[1] + seats[2] == 9);
  const auto expected = sainte_lague({2000 + 450, 4500 - 450, 800}, 9).seats;
  CHECK(sweep.steps[1].seats[1] == std::vector<std::int64_t>(expected.begin(), expected.end()));
}

TEST_CASE("scenario [seats]: bad totals are errors with file and line") {
  TempDir tmp;
  demo_set(tmp);
  const auto error_of = [&](const std::string& text) {
    const fs::path file = tmp.write("demo/what-if/bad.toml", text);
    const RunResult r = run_cli({"scenario", file.string()});
    CHECK(r.status == 2);
    return r.err;
  };
  CHECK(error_of("base = \"../\"\n[seats]\nSouht = 9\n")
            .find("bad.toml:3: seats: no district 'Souht' in the base "
                  "(did you mean 'South'?)") != std::string::npos);
  CHECK(error_of("base = \"../\"\n[seats]\nNorth = 0\n")
            .find("bad.toml:3: seats.North: 0 seats, but the district "
                  "has 1 reserved seat(s)") != std::string::npos);
  CHECK(error_of("base = \"../\"\n[seats]\nNorth = \"7.5\"\n").find("bad.toml:3: seats.North:") != std::string::npos);
  CHECK(error_of("base = \"../\"\n[seats]\nNorth = -1\n").find("bad.toml:3:") != std::string::npos);
  CHECK(error_of("base = \"../\"\nseats = 5\n").find("bad.toml:2: seats: expected a table") != std::string::npos);
  CHECK(error_of("base = \"../\"\n[seat]\nNorth = 5\n").find("did you mean 'seats'") != std::string::npos);
}

TEST_CASE("rule layers: a quota method over a data set's first divisor") {
  RuleSettings manifest;
  manifest.method = "sainte-lague";
  manifest.first_divisor = "1.4";
  RuleSettings flags;
  flags.method = "hare";
  RuleSettings merged = manifest;
  merged.override_with(flags);
  CHECK_FALSE(merged.first_divisor.has_value());
  CHECK(merged.build().method.name == "hare");
  // A divisor method keeps the first divisor below it; a quota method given one is an error.
  RuleSettings dhondt;
  dhondt.method = "dhondt";
  merged = manifest;
  merged.override_with(dhondt);
  CHECK(merged.first_divisor == "1.4");
  RuleSettings both;
  both.method = "hare";
  both.first_divisor = "1.4";
  merged = manifest;
  merged.override_with(both);
  CHECK_THROWS_WITH_AS(merged.build(), doctest::Contains("first-divisor"), Error);

  TempDir tmp;
  const fs::path demo = demo_set(tmp);
  const RunResult allocate = run_cli({"allocate", demo.string(), "--method", "hare", "--format", "csv"});
  CHECK(allocate.status == 0);
  const fs::path file = tmp.write("demo/what-if/hare.toml", "base = \"../\"\n[rule]\nmethod = \"hare\"\n");
  const RunResult scenario = run_cli({"scenario", file.string(), "--format", "csv"});
  CHECK(scenario.status == 0);
}
