// The Bundestag under the 2013 law (seatsim/kernel/germany_2013.hpp): a worked example checked by hand, the
// 2017 election against its published seats, the import that wrote scenarios/germany-2017, bad input.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::Json;
using seatsim::read_text_file;

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

const fs::path germany_2017() { return source_dir() / "scenarios" / "germany-2017"; }

std::map<std::string, std::string> row_of(const Records& rows, const std::string& key, const std::string& value,
                                          const std::string& party) {
  for (const auto& r : rows)
    if ((key.empty() || r.at(key) == value) && r.at("party") == party) return r;
  FAIL("no row for " << value << "/" << party);
  return {};
}

// Two Länder, 10 seats; C (300 of 9,800 second votes, 3.1%) does not take part, its winner in L2 comes off first.
fs::path example(const TempDir& tmp, const std::string& districts) {
  tmp.write("de/election.toml",
            "name = \"example\"\nsystem = \"germany-bundestag-2013\"\n[rule]\nhouse_seats = \"10\"\n");
  tmp.write("de/results.csv", "district,party,votes\nL1,A,3000\nL1,B,2700\nL1,C,100\nL2,A,1000\nL2,B,2800\nL2,C,200\n");
  tmp.write("de/districts.csv", districts);
  tmp.write("de/constituencies.csv",
            "constituency,region,winner\nK1,L1,A\nK2,L1,A\nK3,L1,A\nK4,L1,A\nK5,L1,A\nM1,L2,B\nM2,L2,B\nM3,L2,C\n");
  return tmp.path / "de";
}

}  // namespace

TEST_SUITE("germany 2013 law") {
  TEST_CASE("worked example: contingents by population, minimums, the House enlarged, Land lists at least their wins") {
    // 1. 10 seats by population 600:400: L1 1200, L2 800, L1 400, L2 266.7, L1 240, L1 171.4, L2 160, L1 133.3,
    //    L2 114.3, L1 109.1 (next L1 92.3): L1 6, L2 4.
    // 2. L1's 6: A 6000, B 5400, A 2000, B 1800, A 1200, B 1080: A 3, B 3. L2's 4 less C's winner: B 5600, A 2000,
    //    B 1866.7: A 1, B 2.
    // 3. Minimums: A max(5, 3) + max(0, 1) = 6 (2 overhang in L1); B max(0, 3) + max(2, 2) = 5.
    // 4. From 9 seats: A 4000 and B 5500 give A 8000, 2666.7, 1600, 1142.9, 888.9, 727.3; B 11000, 3666.7, 2200,
    //    1571.4, 1222.2, 1000, 846.2, 733.3. At 9 seats A has 4; A's 6th quotient 727.3 comes 14th: 14 seats,
    //    A 6, B 8 (B's 8th quotient 733.3 just before it); the House 14 + C's 1 = 15.
    // 5. A's 6: L1 its 5 wins, then L2 1000/0.5 = 2000 before L1 3000/5.5 = 545.5: L1 5, L2 1. B's 8 by
    //    Sainte-Laguë on 2700:2800: L2 5600, L1 5400, L2 1866.7, L1 1800, L2 1120, L1 1080, L2 800, L1 771.4: 4 and 4.
    TempDir tmp;
    const fs::path data = example(tmp, "district,seats,population\nL1,6,600\nL2,4,400\n");
    const RunResult r = run_cli({"allocate", data.string(), "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    const std::map<std::string, std::array<const char*, 3>> expected = {
        {"L1/A", {"5", "0", "5"}}, {"L1/B", {"0", "4", "4"}}, {"L1/C", {"0", "0", "0"}},
        {"L2/A", {"0", "1", "1"}}, {"L2/B", {"2", "2", "4"}}, {"L2/C", {"1", "0", "1"}}};
    for (const auto& [key, seats] : expected) {
      const auto& captured_key = key;  // clang 14 cannot capture a structured binding
      CAPTURE(captured_key);
      const auto row = row_of(rows, "district", key.substr(0, 2), key.substr(3));
      CHECK(row.at("constituency_seats") == seats[0]);
      CHECK(row.at("list_seats") == seats[1]);
      CHECK(row.at("seats") == seats[2]);
    }
    CHECK(r.err.find("enlarged from 9 to 14") != std::string::npos);
    CHECK(r.err.find("A 6, 2 overhang in the first distribution") != std::string::npos);
    const Json json = Json::parse(run_cli({"allocate", data.string(), "--format", "json"}).out);
    CHECK(json["mixed_member"]["house"].get<std::int64_t>() == 15);
    CHECK(json["mixed_member"]["apportioned"].get<std::int64_t>() == 14);
  }

  TEST_CASE("a Land without a population stops with the file and line") {
    TempDir tmp;
    const fs::path data = example(tmp, "district,seats,population\nL1,6,600\nL2,4,\n");
    const RunResult r = run_cli({"allocate", data.string()});
    CHECK(r.status == 2);
    CHECK_MESSAGE(r.err.find("results.csv:5: Land 'L2' has no population") != std::string::npos, r.err);
    const RunResult bad = run_cli({"allocate", example(tmp, "district,seats,population\nL1,6,600\nL2,4,x\n").string()});
    CHECK(bad.status == 2);
    CHECK_MESSAGE(bad.err.find("districts.csv:3:") != std::string::npos, bad.err);
  }

  TEST_CASE("Bundestag 2017: compare reproduces all 709 seats per party and Mecklenburg-Vorpommern") {
    const RunResult r = run_cli({"compare", germany_2017().string(), "--system", "germany-bundestag-2013", "--view",
                                 "parties", "--format", "csv"});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.err.find("parties matched: 10/10, seats differing: 0") != std::string::npos);
    const Records rows = csv_records(r.out);
    const std::map<std::string, const char*> published = {{"CDU", "200"}, {"SPD", "153"},      {"AfD", "94"},
                                                          {"FDP", "80"},  {"DIE LINKE", "69"}, {"GRÜNE", "67"},
                                                          {"CSU", "46"},  {"total", "709"}};
    for (const auto& [party, seats] : published) {
      const auto& captured_party = party;
      CAPTURE(captured_party);
      CHECK(row_of(rows, "", "", party).at("seats") == seats);
      CHECK(row_of(rows, "", "", party).at("diff") == "0");
    }
    // The one Land whose published seats the source gives, party by party.
    const RunResult land = run_cli({"compare", germany_2017().string(), "--format", "csv"});
    std::size_t checked = 0;
    for (const auto& row : csv_records(land.out))
      if (row.at("district") == "Mecklenburg-Vorpommern") {
        CAPTURE(row.at("party"));
        CHECK(row.at("diff") == "0");
        ++checked;
      }
    CHECK(checked == 8);
    const Json json = Json::parse(run_cli({"allocate", germany_2017().string(), "--format", "json"}).out);
    CHECK(json["mixed_member"]["house"].get<std::int64_t>() == 709);
  }

  TEST_CASE("Bundestag 2017: the import reproduces this folder") {
    TempDir tmp;
    const fs::path source = germany_2017() / "source";
    const std::string command =
        "python3 " + quote((source_dir() / "scripts" / "import_bundestag_votelib.py").string()) + " " +
        quote((source / "votelib_test_real_mmp.py.txt").string()) + " " + quote((source / "de_bdt_2017.csv").string()) +
        " --year 2017 --date 2017-09-24 --manifest " + quote((source / "manifest.toml").string()) + " -o " +
        quote(tmp.path.string());
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* name :
         {"results.csv", "constituencies.csv", "districts.csv", "national.csv", "election.toml", "QUALITY.md"}) {
      CAPTURE(name);
      std::string made = read_text_file((tmp.path / name).string());
      std::string kept = read_text_file((germany_2017() / name).string());
      if (std::string(name) == "QUALITY.md") {  // the source paths differ; the checksums do not
        REQUIRE(made.find("## Checks") != std::string::npos);
        CHECK(made.substr(made.find("## Checks")) == kept.substr(kept.find("## Checks")));
      } else {
        CHECK(made == kept);
      }
    }
  }

  TEST_CASE("the systems library lists the 2013 law with its statute and verified election") {
    const RunResult r = run_cli({"systems", "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("germany-bundestag-2013") != std::string::npos);
    CHECK(r.out.find("Bundestag 2017 per Land") != std::string::npos);
    const RunResult show = run_cli({"systems", "show", "germany-bundestag-2013"});
    REQUIRE_MESSAGE(show.status == 0, show.err);
    CHECK(show.out.find("BWahlG") != std::string::npos);
    CHECK(show.out.find("mixed_member = \"germany-2013\"") != std::string::npos);
  }
}
