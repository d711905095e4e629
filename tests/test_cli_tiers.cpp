// The tiers from the command line and from a data set's [rule]: the acceptance elections (Norway
// 2021 all 169 seats, Zürich 2019, the US House with a minimum of 2), the output columns, JSON
// divisors, and the bad-input errors (exit 2, one line, nothing written to -o).
#include <doctest/doctest.h>

#include <algorithm>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

// Rows keyed by district and party (allocate groups lists by district; a file may not).
std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>> by_key(const Records& records) {
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>> out;
  for (const auto& row : records) out[{row.at("district"), row.at("party")}] = row;
  return out;
}

const char* two_districts =
    "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nN,D,300\nS,A,2000\nS,B,3500\nS,C,1200\nS,D,400\n";
const char* two_seats = "district,seats\nN,4\nS,3\n";

}  // namespace

TEST_CASE("Norway 2021: all 169 seats, every list's district and leveling seats in the right district") {
  const fs::path file = shared_data("norway_2021_storting_full.csv");
  if (file.empty()) return;
  const RunResult r =
      run_cli({"allocate", file.string(), "--method", "sainte-lague", "--first-divisor", "1.4", "--leveling-seats",
               "19", "--leveling-threshold", "4%", "--leveling-placement", "norway", "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.rfind("district,party,votes,district_seats,leveling_seats,seats,tie\n", 0) == 0);
  const auto published = by_key(csv_records(read_text_file(file.string())));
  const auto computed = by_key(csv_records(r.out));
  REQUIRE(published.size() == computed.size());
  std::int64_t district = 0, leveling = 0;
  std::set<std::string> leveled_districts;
  for (const auto& [key, row] : published) {
    const auto& where = key;  // clang 14 cannot capture a structured binding in INFO's lambda
    INFO(where.first << " / " << where.second);
    const auto& mine = computed.at(key);
    CHECK(mine.at("district_seats") == row.at("district_seats"));
    CHECK(mine.at("leveling_seats") == row.at("leveling_seats"));
    CHECK(std::stoll(mine.at("seats")) == std::stoll(row.at("district_seats")) + std::stoll(row.at("leveling_seats")));
    district += std::stoll(mine.at("district_seats"));
    leveling += std::stoll(mine.at("leveling_seats"));
    if (mine.at("leveling_seats") != "0") leveled_districts.insert(key.first);
  }
  CHECK(district == 150);
  CHECK(leveling == 19);
  CHECK(leveled_districts.size() == 19);
}

TEST_CASE("Zürich 2019: all 180 seats per list and district, and the divisors in JSON") {
  const fs::path file = shared_data("zurich_2019_kantonsrat.csv");
  if (file.empty()) return;
  const std::vector<std::string> rule = {"--biproportional", "--quorum-any-district", "5%", "--list-votes"};
  std::vector<std::string> args = {"allocate", file.string(), "--format", "csv"};
  args.insert(args.end(), rule.begin(), rule.end());
  const RunResult r = run_cli(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto published = by_key(csv_records(read_text_file(file.string())));
  const auto computed = by_key(csv_records(r.out));
  REQUIRE(published.size() == 185);
  REQUIRE(computed.size() == 185);
  std::int64_t total = 0;
  for (const auto& [key, row] : published) {
    const auto& where = key;  // clang 14 cannot capture a structured binding in INFO's lambda
    INFO(where.first << " / " << where.second);
    CHECK(computed.at(key).at("seats") == row.at("published_seats"));
    total += std::stoll(computed.at(key).at("seats"));
  }
  CHECK(total == 180);
  args[3] = "json";
  const seatsim::Json json = seatsim::Json::parse(run_cli(args).out);
  CHECK(json["meta"]["rule"]["biproportional"] == true);
  CHECK(json["meta"]["rule"]["quorum_any_district"] == "5%");
  CHECK(json["biproportional"]["district_divisors"].size() == 18);
  std::size_t with_divisor = 0;
  for (const auto& list : json["biproportional"]["lists"]) with_divisor += !list["divisor"].is_null();
  CHECK(with_divisor == 9);
}

TEST_CASE("US House 2020 with --min-seats 2: the minimum binds, the total stays 435, a cap binds too") {
  const fs::path file = shared_data("us_2020_house_apportionment.csv");
  if (file.empty()) return;
  const RunResult r = run_cli({"allocate", file.string(), "--method", "huntington-hill", "--min-seats", "2"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const Records published = csv_records(read_text_file(file.string()));
  const Records computed = csv_records(r.out);
  REQUIRE(computed.size() == 50);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < 50; ++i) {
    const std::int64_t mine = std::stoll(computed[i].at("seats"));
    const std::int64_t official = std::stoll(published[i].at("published_seats"));
    CHECK(mine >= 2);
    if (official == 1) CHECK(mine == 2);
    total += mine;
  }
  CHECK(total == 435);
  // A cap of 40: California (52 seats) stops at 40, the 12 seats go elsewhere.
  const Records capped =
      csv_records(run_cli({"allocate", file.string(), "-m", "huntington-hill", "--max-seats", "40"}).out);
  const auto ca = std::find_if(capped.begin(), capped.end(), [](const auto& row) { return row.at("party") == "CA"; });
  REQUIRE(ca != capped.end());
  CHECK(ca->at("seats") == "40");
}

TEST_CASE("a data set's [rule] sets the tiers, flags override them key by key, files are relative to it") {
  TempDir tmp;
  tmp.write("set/results.csv", two_districts);
  tmp.write("set/districts.csv", two_seats);
  tmp.write("set/capacity.csv", "district,seats\nN,2\nS,0\n");
  tmp.write("set/election.toml",
            "name = \"test\"\n[rule]\nmethod = \"sainte-lague\"\nfirst_divisor = 1.4\nleveling_seats = 2\n"
            "leveling_threshold = \"4%\"\nleveling_placement = \"norway\"\n");
  const std::string folder = (tmp.path / "set").string();
  const RunResult r = run_cli({"allocate", folder, "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out ==
        "district,party,votes,district_seats,leveling_seats,seats,tie\nN,A,5100,2,1,3,\nN,B,3000,1,0,1,\n"
        "N,C,1500,1,0,1,\nN,D,300,0,0,0,\nS,A,2000,1,0,1,\nS,B,3500,2,1,3,\nS,C,1200,0,0,0,\nS,D,400,0,0,0,\n");
  // The capacity file of the manifest: N can take both leveling seats, S none.
  tmp.write("set/election.toml",
            "name = \"test\"\n[rule]\nfirst_divisor = 1.4\nleveling_seats = 2\nleveling_per_district = "
            "\"capacity.csv\"\n");
  const auto rows = csv_records(run_cli({"allocate", folder, "--format", "csv"}).out);
  CHECK(rows[0].at("leveling_seats") == "1");
  CHECK(rows[1].at("leveling_seats") == "1");
  CHECK(rows[5].at("leveling_seats") == "0");
  // A flag overrides a key: no leveling seats, the plain columns again (the other leveling keys are moot).
  const RunResult plain = run_cli({"allocate", folder, "--leveling-seats", "0", "--format", "csv"});
  CHECK(plain.status == 0);
  CHECK(plain.out.rfind("district,party,votes,seats,tie\n", 0) == 0);
  // Biproportional keys.
  tmp.write("set/election.toml", "name = \"test\"\n[rule]\nbiproportional = true\nquorum_total = \"5%\"\n");
  const RunResult bp = run_cli({"allocate", folder, "--format", "json"});
  REQUIRE_MESSAGE(bp.status == 0, bp.err);
  const seatsim::Json json = seatsim::Json::parse(bp.out);
  CHECK(json["meta"]["rule"]["quorum_total"] == "5%");
  CHECK(json["biproportional"]["lists"][3]["passes_quorum"] == false);  // D: 700 of 17000 votes
  // A typo in a tier key is an error with its line and a suggestion.
  tmp.write("set/election.toml", "name = \"test\"\n[rule]\nleveling_seat = 2\n");
  const RunResult typo = run_cli({"allocate", folder});
  CHECK(typo.status == 2);
  CHECK(typo.err.find("election.toml:3: unknown key 'leveling_seat' in [rule] (did you mean 'leveling_seats'?)") !=
        std::string::npos);
  tmp.write("set/election.toml", "name = \"test\"\n[rule]\nleveling_seats = 2\nleveling_threshold = \"4 percent\"\n");
  const RunResult bad = run_cli({"allocate", folder});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("election.toml:4: leveling-threshold:") != std::string::npos);
}

TEST_CASE("--seat-bounds: per-list minimums and maximums from a file") {
  TempDir tmp;
  const fs::path bounds = tmp.write("bounds.csv", "party,min,max\nA,,4\nC,1,\n");
  const RunResult r = run_cli({"allocate", "-", "--seats", "10", "-m", "dhondt", "--seat-bounds", bounds.string()},
                              "party,votes\nA,620\nB,310\nC,10\n");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  // A capped at 4, C lifted to 1; B takes the other 5.
  CHECK(r.out == "district,party,votes,seats,tie\n,A,620,4,\n,B,310,5,\n,C,10,1,\n");
}

TEST_CASE("bad tier input: one line, exit 2, nothing written to -o") {
  TempDir tmp;
  const fs::path out = tmp.path / "out.csv";
  const fs::path votes = tmp.write("v.csv", two_districts);
  const fs::path seats = tmp.write("s.csv", two_seats);
  // C wins both seats in the upper apportionment but has votes only where there is no seat.
  const fs::path lonely = tmp.write("lonely.csv", "district,party,votes\nN,A,10\nN,B,12\nS,C,50\n");
  const fs::path lonely_seats = tmp.write("lonely_seats.csv", "district,seats\nN,2\nS,0\n");
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{votes.string(), "--seats-file", seats.string(), "--min-seats", "2"},
       "district 'N': seat bounds: the minimums add up to 8 seats, more than the 4 to fill"},
      {{votes.string(), "--seats-file", seats.string(), "--max-seats", "0"},
       "the maximums (of the lists with votes) allow only 0 of the 4 seats"},
      {{votes.string(), "--seats-file", seats.string(), "--min-seats", "2", "--max-seats", "1"},
       "min-seats: 2 is above max-seats 1"},
      {{votes.string(), "--seats-file", seats.string(), "--min-seats", "1", "-m", "hare"}, "need a divisor method"},
      {{votes.string(), "--seats-file", seats.string(), "--leveling-seats", "3"},
       "3 leveling seats, but the districts can take only 2"},
      {{votes.string(), "--seats-file", seats.string(), "--leveling-seats", "2", "--leveling-placement", "atlantis"},
       "leveling-placement: unknown leveling placement 'atlantis' (known: norway"},
      {{votes.string(), "--seats-file", seats.string(), "--quorum-total", "5%"},
       "quorum-total: applies only with biproportional"},
      {{votes.string(), "--seats-file", seats.string(), "--biproportional", "--leveling-seats", "2"},
       "cannot be combined"},
      {{votes.string(), "--seats-file", seats.string(), "--biproportional", "--threshold", "5%"},
       "--biproportional takes --quorum-any-district / --quorum-total, not --threshold"},
      {{votes.string(), "--seats-file", seats.string(), "--biproportional", "-m", "huntington-hill"},
       "needs a divisor method with a linear divisor sequence"},
      {{lonely.string(), "--seats-file", lonely_seats.string(), "--biproportional"},
       "no seat matrix fits: list(s) 'C' are to get 2 seat(s) but the districts where they have votes ('S') have only "
       "0"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"allocate", "-o", out.string()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const RunResult r = run_cli(args);
    INFO(c.expected);
    CHECK(r.status == 2);
    CHECK(r.err.find(c.expected) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("compare: Norway 2021 tier by tier, Zürich 2019 cell by cell, both match under their rules") {
  const fs::path norway = shared_data("norway_2021_storting_full.csv");
  if (norway.empty()) return;
  const RunResult r = run_cli({"compare", norway.string(), "--first-divisor", "1.4", "--leveling-seats", "19",
                               "--leveling-threshold", "4%", "--format", "csv"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.rfind("district,party,votes,published_seats,seats,diff,published_district_seats,"
                    "published_leveling_seats,district_seats,leveling_seats\n",
                    0) == 0);
  CHECK(r.err.find("districts matched: 19/19, seats differing: 0") != std::string::npos);
  // Another leveling threshold gives other leveling seats: the district tier still matches.
  const RunResult other =
      run_cli({"compare", norway.string(), "--first-divisor", "1.4", "--leveling-seats", "19", "--format", "table"});
  CHECK(other.status == 1);
  CHECK(other.out.find("the district seats match; leveling seats differ:") != std::string::npos);
  const fs::path zurich = shared_data("zurich_2019_kantonsrat.csv");
  if (zurich.empty()) return;
  const RunResult z = run_cli({"compare", zurich.string(), "--biproportional", "--quorum-any-district", "5%",
                               "--list-votes", "--format", "csv"});
  CHECK_MESSAGE(z.status == 0, z.err);
  CHECK(z.err.find("districts matched: 18/18, seats differing: 0") != std::string::npos);
}

TEST_CASE("compare tier by tier: equal sums with seats in the wrong tier do not match") {
  // Published: A wins the district seat and B levels; recomputed the other way round would give the
  // same sums. Here the published tiers are swapped against the rule's result.
  const std::string swapped = "district,party,votes,district_seats,leveling_seats\nX,A,10,0,1\nX,B,5,1,0\n";
  const RunResult r = run_cli({"compare", "-", "--leveling-seats", "1", "--format", "csv"}, swapped);
  CHECK(r.status == 1);
  const auto rows = csv_records(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("diff") == "0");  // the sums agree
  CHECK(rows[0].at("district_seats") == "1");
  CHECK(rows[0].at("published_district_seats") == "0");
  CHECK(r.err.find("districts matched: 0/1, seats differing: 2") != std::string::npos);
}

TEST_CASE("fit: the district tier of a leveling result, not for biproportional rules or seat bounds") {
  const fs::path norway = shared_data("norway_2021_storting_full.csv");
  if (norway.empty()) return;
  const RunResult r = run_cli({"fit", norway.string(), "--first-divisor", "1.4", "--leveling-seats", "19",
                               "--leveling-threshold", "4%", "--format", "table"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("the rule's own first divisor 1.4 is inside it") != std::string::npos);
  const RunResult bp = run_cli({"fit", norway.string(), "--biproportional"});
  CHECK(bp.status == 2);
  CHECK(bp.err.find("fit does not apply to a biproportional rule") != std::string::npos);
  const RunResult bounds = run_cli({"fit", norway.string(), "--min-seats", "1"});
  CHECK(bounds.status == 2);
  CHECK(bounds.err.find("fit does not take seat bounds") != std::string::npos);
}

TEST_CASE("compare under seat bounds: the US House with a minimum of 2 differs from the official result") {
  const fs::path file = shared_data("us_2020_house_apportionment.csv");
  if (file.empty()) return;
  const RunResult r =
      run_cli({"compare", file.string(), "-m", "huntington-hill", "--min-seats", "2", "--format", "csv"});
  CHECK(r.status == 1);
  CHECK(r.err.find("districts matched: 0/1, seats differing: 6") != std::string::npos);
}
