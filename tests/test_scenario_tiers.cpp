// Scenarios on multi-tier rules: the tier keys in a scenario's [rule], operations and sweeps on a
// leveling data set and a biproportional one, each result checked against `seatsim allocate` on
// the same votes (computed in the test), and first-divisor break points under leveling seats
// checked for completeness against a fine grid of allocations.
#include <doctest/doctest.h>

#include <algorithm>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

// Seats per "district/party" from `seatsim allocate` CSV output.
std::map<std::string, std::string> seats_by_key(const Records& rows) {
  std::map<std::string, std::string> out;
  for (const auto& row : rows) out[row.at("district") + "/" + row.at("party")] = row.at("seats");
  return out;
}

std::map<std::string, std::string> allocate_seats(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"allocate", "--format", "csv"};
  full.insert(full.end(), args.begin(), args.end());
  const RunResult r = run_cli(full);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return seats_by_key(csv_records(r.out));
}

const char* leveling_manifest =
    "name = \"two districts\"\n[rule]\nmethod = \"sainte-lague\"\nfirst_divisor = 1.4\nleveling_seats = 2\n"
    "leveling_threshold = \"4%\"\n";
const char* leveling_votes =
    "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nN,D,300\nS,A,2000\nS,B,3500\nS,C,1200\nS,D,400\n";

}  // namespace

TEST_CASE("a scenario on a leveling data set equals allocate on the changed votes") {
  TempDir tmp;
  tmp.write("set/election.toml", leveling_manifest);
  tmp.write("set/results.csv", leveling_votes);
  tmp.write("set/districts.csv", "district,seats\nN,4\nS,3\n");
  // C's votes in S set to 2600: C passes more, B and A change their district and leveling seats.
  const fs::path scenario = tmp.write("set/what-if/c-up.toml",
                                      "name = \"C up in S\"\nbase = \"../\"\n[[op]]\nkind = \"set\"\nparty = \"C\"\n"
                                      "votes = 2600\ndistricts = [\"S\"]\n");
  const RunResult r = run_cli({"scenario", scenario.string(), "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::map<std::string, std::string> mine;
  for (const auto& row : csv_records(r.out))
    if (row.at("level") == "district") mine[row.at("district") + "/" + row.at("party")] = row.at("seats");
  const fs::path changed =
      tmp.write("changed.csv",
                "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nN,D,300\nS,A,2000\nS,B,3500\nS,C,2600\nS,D,400\n");
  const fs::path seats = tmp.write("seats.csv", "district,seats\nN,4\nS,3\n");
  const auto expected = allocate_seats({changed.string(), "--seats-file", seats.string(), "--first-divisor", "1.4",
                                        "--leveling-seats", "2", "--leveling-threshold", "4%"});
  CHECK(mine == expected);
  std::int64_t total = 0;
  for (const auto& [key, value] : mine) total += std::stoll(value);
  CHECK(total == 9);  // 7 district seats and 2 leveling seats

  // The tier keys in the scenario's [rule]: no leveling tier, then three leveling seats.
  const fs::path off =
      tmp.write("set/what-if/no-leveling.toml",
                "base = \"../\"\n[rule]\nleveling_seats = 0\n[[op]]\nkind = \"turnout\"\nfactor = 1\n");
  const RunResult plain = run_cli({"scenario", off.string(), "--format", "csv"});
  REQUIRE_MESSAGE(plain.status == 0, plain.err);
  std::int64_t plain_total = 0;
  for (const auto& row : csv_records(plain.out))
    if (row.at("level") == "district") plain_total += std::stoll(row.at("seats"));
  CHECK(plain_total == 7);
  tmp.write("set/capacity.csv", "district,seats\nN,2\nS,1\n");
  const fs::path more =
      tmp.write("set/what-if/three.toml",
                "base = \"../\"\n[rule]\nleveling_seats = 3\nleveling_per_district = \"../capacity.csv\"\n"
                "[[op]]\nkind = \"turnout\"\nfactor = 1\n");
  const RunResult three = run_cli({"scenario", more.string(), "--format", "csv"});
  REQUIRE_MESSAGE(three.status == 0, three.err);
  std::int64_t three_total = 0;
  for (const auto& row : csv_records(three.out))
    if (row.at("level") == "district") three_total += std::stoll(row.at("seats"));
  CHECK(three_total == 10);
}

TEST_CASE("a vote sweep on a leveling data set: every step equals allocate, break points where seats change") {
  TempDir tmp;
  tmp.write("set/election.toml", leveling_manifest);
  tmp.write("set/results.csv", leveling_votes);
  tmp.write("set/districts.csv", "district,seats\nN,4\nS,3\n");
  const fs::path scenario =
      tmp.write("set/what-if/sweep.toml",
                "base = \"../\"\n[[op]]\nkind = \"set\"\nparty = \"C\"\nvotes = 0\ndistricts = "
                "[\"S\"]\n[sweep]\nparameter = \"op.1.votes\"\nvalues = [1200, 2000, 2600, 4000]\n");
  const RunResult r = run_cli({"scenario", scenario.string(), "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const Records rows = csv_records(r.out);
  const fs::path seats = tmp.write("seats.csv", "district,seats\nN,4\nS,3\n");
  for (const std::string value : {"1200", "2000", "2600", "4000"}) {
    std::string votes = leveling_votes;
    votes.replace(votes.find("S,C,1200"), 8, "S,C," + value);
    const fs::path file = tmp.write("v" + value + ".csv", votes);
    const auto expected = allocate_seats({file.string(), "--seats-file", seats.string(), "--first-divisor", "1.4",
                                          "--leveling-seats", "2", "--leveling-threshold", "4%"});
    std::map<std::string, std::string> mine;
    for (const auto& row : rows)
      if (row.at("value") == value) mine[row.at("district") + "/" + row.at("party")] = row.at("seats");
    INFO("C in S = " << value);
    CHECK(mine == expected);
  }
  // Break points by bisection: each is a one-vote step at which some list's seats change.
  const RunResult points = run_cli({"scenario", scenario.string(), "--break-points", "--format", "csv"});
  REQUIRE_MESSAGE(points.status == 0, points.err);
  const Records changes = csv_records(points.out);
  CHECK_FALSE(changes.empty());
  for (const auto& change : changes) {
    CHECK(std::stoll(change.at("after")) - std::stoll(change.at("before")) == 1);
    CHECK(change.at("seats_before") != change.at("seats_after"));
  }
}

TEST_CASE("first-divisor break points under leveling seats: no change on a fine grid is missed") {
  TempDir tmp;
  tmp.write("set/election.toml", leveling_manifest);
  tmp.write("set/results.csv", leveling_votes);
  tmp.write("set/districts.csv", "district,seats\nN,4\nS,3\n");
  const fs::path scenario =
      tmp.write("set/what-if/f.toml",
                "base = \"../\"\n[sweep]\nparameter = \"rule.first_divisor\"\nvalues = { from = \"0.5\", to = "
                "\"2.9\", step = \"0.8\" }\n");
  const RunResult r = run_cli({"scenario", scenario.string(), "--format", "json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const seatsim::Json json = seatsim::Json::parse(r.out);
  std::vector<double> points;
  for (const auto& point : json["break_points"]) points.push_back(point["approximately"].get<double>());
  REQUIRE_FALSE(points.empty());
  // Allocate every 0.02 from 0.5 to 2.9: wherever two neighbours differ, a break point lies between.
  const fs::path seats = tmp.write("seats.csv", "district,seats\nN,4\nS,3\n");
  const fs::path votes = tmp.write("v.csv", leveling_votes);
  std::map<std::string, std::string> previous;
  for (int step = 0; step <= 120; ++step) {
    const std::string f = std::to_string(50 + 2 * step);
    const std::string decimal = f.substr(0, f.size() - 2) + "." + f.substr(f.size() - 2);
    const auto now = allocate_seats({votes.string(), "--seats-file", seats.string(), "--first-divisor", decimal,
                                     "--leveling-seats", "2", "--leveling-threshold", "4%"});
    if (step > 0 && now != previous) {
      const double low = (50 + 2 * (step - 1)) / 100.0, high = (50 + 2 * step) / 100.0;
      INFO("seats change between " << low << " and " << high);
      CHECK(std::any_of(points.begin(), points.end(), [&](double p) { return p > low - 1e-12 && p <= high + 1e-12; }));
    }
    previous = now;
  }
}

TEST_CASE("a scenario on a biproportional data set equals allocate on the changed votes") {
  TempDir tmp;
  tmp.write("set/election.toml", "name = \"de\"\n[rule]\nbiproportional = true\n");
  tmp.write("set/results.csv",
            "district,party,votes\nA,1,51\nA,2,60\nA,3,63\nB,1,98\nB,2,100\nB,3,102\nC,1,45\nC,2,120\nC,3,144\n");
  tmp.write("set/districts.csv", "district,seats\nA,4\nB,5\nC,6\n");
  const fs::path scenario = tmp.write("set/what-if/up.toml",
                                      "base = \"../\"\n[[op]]\nkind = \"set\"\nparty = \"1\"\nvotes = 90\n"
                                      "districts = [\"C\"]\n");
  const RunResult r = run_cli({"scenario", scenario.string(), "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::map<std::string, std::string> mine;
  for (const auto& row : csv_records(r.out))
    if (row.at("level") == "district") mine[row.at("district") + "/" + row.at("party")] = row.at("seats");
  const fs::path changed =
      tmp.write("changed.csv",
                "district,party,votes\nA,1,51\nA,2,60\nA,3,63\nB,1,98\nB,2,100\nB,3,102\nC,1,90\nC,2,120\nC,3,144\n");
  const fs::path seats = tmp.write("seats.csv", "district,seats\nA,4\nB,5\nC,6\n");
  CHECK(mine == allocate_seats({changed.string(), "--seats-file", seats.string(), "--biproportional"}));
}
