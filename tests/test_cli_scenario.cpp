// `seatsim scenario` as users and scripts see it: the comparison table, the sweep's long table
// and break points, JSON meta, and bad input as one line with file and line, exit 2.
#include <doctest/doctest.h>

#include "reference_allocation.hpp"
#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

// North: 7 seats, one reserved for the Christian list with most votes (Q1); South: 5 seats.
fs::path demo_set(const TempDir& tmp) {
  tmp.write("demo/election.toml", "name = \"Demo\"\n[rule]\nmethod = \"sainte-lague\"\n");
  tmp.write("demo/results.csv",
            "district,party,votes,published_seats,quota\nNorth,A,5000,3,\nNorth,B,3000,2,\nNorth,C,1200,1,\n"
            "North,Q1,90,1,christian\nNorth,Q2,60,0,christian\nSouth,A,2000,1,\nSouth,B,4500,3,\nSouth,D,800,1,\n");
  tmp.write("demo/districts.csv", "district,seats,reserved\nNorth,7,1\nSouth,5,0\n");
  return tmp.path / "demo";
}

const char* transfer_scenario = R"(# What if A had lost 10% of its votes to B, under a first divisor of 1.4?
name = "A loses 10% to B"
base = "../"
[rule]
first_divisor = "1.4"
[[op]]
kind = "transfer"
from = "A"
to = "B"
share = "10%"
)";

}  // namespace

TEST_CASE("scenario: seats per list per district and nationally, next to the base and the published seats") {
  TempDir tmp;
  demo_set(tmp);
  const fs::path file = tmp.write("demo/what-if/transfer.toml", transfer_scenario);
  const RunResult r = run_cli({"scenario", file.string(), "--format", "csv"});
  REQUIRE(r.status == 0);
  const auto rows = csv_records(r.out);
  CHECK(r.out.rfind("level,district,party,base_votes,votes,published_seats,base_seats,seats,change\n", 0) == 0);
  // Independently: 10% of A moves to B (exact here); the general seats by the reference allocator.
  const auto base_north = sainte_lague({5000, 3000, 1200}, 6).seats;
  const auto base_south = sainte_lague({2000, 4500, 800}, 5).seats;
  const auto north = sainte_lague({4500, 3500, 1200}, 6, 7, 5).seats;
  const auto south = sainte_lague({1800, 4700, 800}, 5, 7, 5).seats;
  const auto b_north = row(rows, "district", "North", "B");
  CHECK(b_north.at("base_votes") == "3000");
  CHECK(b_north.at("votes") == "3500");
  CHECK(b_north.at("published_seats") == "2");
  CHECK(b_north.at("base_seats") == std::to_string(base_north[1]));
  CHECK(b_north.at("seats") == std::to_string(north[1]));
  const auto d_south = row(rows, "district", "South", "D");
  CHECK(d_south.at("seats") == std::to_string(south[2]));
  CHECK(d_south.at("change") == std::to_string(south[2] - base_south[2]));
  CHECK(row(rows, "district", "North", "Q1").at("seats") == "1");  // the reserved seat
  const auto b_national = row(rows, "national", "", "B");
  CHECK(b_national.at("seats") == std::to_string(north[1] + south[1]));
  CHECK(b_national.at("base_votes") == "7500");
  CHECK(b_national.at("votes") == "8200");
  CHECK(b_national.at("published_seats") == "5");
  CHECK(rows.front().at("level") == "national");

  const RunResult table = run_cli({"scenario", file.string(), "--format", "table"});
  CHECK(table.out.find(" *") != std::string::npos);  // changes are marked for people
  CHECK(table.out.find("operation 1: transfer 10% of 'A' to 'B'") != std::string::npos);
  CHECK(table.out.find("rounding to whole votes moved 0 vote(s)") != std::string::npos);
}

TEST_CASE("scenario JSON: meta with the rule applied and every input's digest, operations with rounding") {
  TempDir tmp;
  demo_set(tmp);
  const fs::path file = tmp.write("demo/what-if/t.toml", R"(base = "../"
[[op]]
kind = "transfer"
from = "C"
to = "B"
share = "10.05%"
)");
  const RunResult r = run_cli({"scenario", file.string(), "--format", "json"});
  REQUIRE(r.status == 0);
  const seatsim::Json json = seatsim::Json::parse(r.out);
  CHECK(json["meta"]["command"] == "scenario");
  CHECK(json["meta"]["rule"]["method"] == "sainte-lague");
  CHECK(json["meta"]["inputs"].size() == 4);  // scenario, election.toml, results.csv, districts.csv
  CHECK(json["meta"]["inputs"][0]["path"] == file.string());
  // 10.05% of 1,200 is 120.6: C keeps 1,079.4 -> 1,079, B gets 3,120.6 -> 3,121; 0.4 + 0.4 moved.
  const seatsim::Json& op = json["operations"][0];
  CHECK(op["districts"][0]["rounding_moved"] == "0.8");
  CHECK(op["districts"][0]["rounding_net"] == "0");
  CHECK(op["skipped"][0] == "South: no list 'C'");
  bool found = false;
  for (const auto& result : json["results"])
    if (result["district"] == "North" && result["party"] == "C") found = result["votes"] == 1079;
  CHECK(found);
}

TEST_CASE("scenario sweep: long table for plotting, break points, --break-points") {
  TempDir tmp;
  demo_set(tmp);
  const fs::path file = tmp.write("demo/what-if/sweep.toml", R"(base = "../"
[[op]]
kind = "transfer"
from = "A"
to = "B"
districts = ["North"]
[sweep]
parameter = "op.1.share"
values = { from = "0%", to = "40%", step = "10%" }
)");
  const RunResult r = run_cli({"scenario", file.string(), "--format", "csv"});
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("value,district,party,votes,seats\n0%,North,A,5000,", 0) == 0);
  const auto rows = csv_records(r.out);
  CHECK(rows.size() == 5 * 8);
  CHECK(r.err.find("break point(s) of op.1.share; --break-points lists them") != std::string::npos);
  // Independently: North's A and B after moving k votes, general seats 6 (one seat is reserved).
  std::int64_t first_change = 0;
  const auto start = sainte_lague({5000, 3000, 1200}, 6).seats;
  for (std::int64_t k = 1; k <= 2000 && first_change == 0; ++k)
    if (sainte_lague({5000 - k, 3000 + k, 1200}, 6).seats != start) first_change = k;
  REQUIRE(first_change > 0);
  const RunResult breaks = run_cli({"scenario", file.string(), "--format", "csv", "--break-points"});
  REQUIRE(breaks.status == 0);
  const auto points = csv_records(breaks.out);
  REQUIRE(!points.empty());
  CHECK(breaks.out.rfind("before,after,district,party,seats_before,seats_after,votes_before,votes_after,at_value\n",
                         0) == 0);
  // Every change moves a seat from A or to B: the first break point names one of them.
  bool checked = false;
  for (const auto& p : points) {
    if (p.at("before") != points.front().at("before")) break;
    if (p.at("party") == "A") {
      CHECK(p.at("votes_before") == std::to_string(5000 - (first_change - 1)));
      CHECK(p.at("votes_after") == std::to_string(5000 - first_change));
      checked = true;
    }
    if (p.at("party") == "B") {
      CHECK(p.at("votes_before") == std::to_string(3000 + first_change - 1));
      CHECK(p.at("votes_after") == std::to_string(3000 + first_change));
      checked = true;
    }
  }
  CHECK(checked);
  const seatsim::Json json = seatsim::Json::parse(run_cli({"scenario", file.string(), "--format", "json"}).out);
  CHECK(json["meta"]["sweep"]["batched"] == true);
  CHECK(json["break_points"].size() >= 1);
  CHECK(json["meta"]["sweep"]["resolution"].get<std::string>().find("at most one vote") != std::string::npos);
}

TEST_CASE("scenario bad input: one line with file and line, exit 2, nothing written to -o") {
  TempDir tmp;
  demo_set(tmp);
  const fs::path out = tmp.path / "out.csv";
  struct Case {
    std::string text;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"base = \"../\"\n[[op]]\nkind = \"transfer\"\nfrom = \"AA\"\nto = \"B\"\nshare = \"1%\"\n",
       ":4: operation 1 (transfer): no list 'AA' in any district (did you mean 'A'"},
      {"base = \"../\"\n[[op]]\nkind = \"transfer\"\nfrom = \"A\"\nto = \"B\"\nvotes = 2500\n",
       ":6: operation 1 (transfer): would take 2500 votes from 'A' in South, which has 2000"},
      {"base = \"../\"\n[[op]]\nkind = \"transfer\"\nfrom = \"A\"\nto = \"B\"\nshare = \"101%\"\n",
       ":6: operation 1 (transfer): share: '101%' is above 100%"},
      {"base = \"../\"\n[sweep]\nparameter = \"rule.first_divisor\"\nvalues = []\n", ":4: sweep has no values"},
      {"base = \"../\"\nclmap = true\n", ":2: unknown key 'clmap' in the scenario (did you mean 'clamp'?)"},
      {"base = \"../\"\n[[op]]\nkind = \"remove\"\nparty = \"A\"\ndistricts = [\"Sough\"]\n",
       ":5: operation 1 (remove): no district 'Sough' (did you mean 'South'?)"},
  };
  for (const Case& c : cases) {
    const fs::path file = tmp.write("demo/what-if/bad.toml", c.text);
    const RunResult r = run_cli({"scenario", file.string(), "-o", out.string()});
    CHECK(r.status == 2);
    CHECK(r.err.find("seatsim: " + file.string() + c.error) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
  }
  // clamp = true caps the transfer instead.
  const fs::path clamped = tmp.write("demo/what-if/clamped.toml",
                                     "base = \"../\"\nclamp = true\n[[op]]\nkind = "
                                     "\"transfer\"\nfrom = \"A\"\nto = \"B\"\nvotes = 2500\n");
  const RunResult r = run_cli({"scenario", clamped.string(), "-o", out.string()});
  CHECK(r.status == 0);
  CHECK(row(csv_records(seatsim::read_text_file(out.string())), "district", "South", "A").at("votes") == "0");
}
