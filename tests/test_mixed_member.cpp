// Mixed-member systems (seatsim/kernel/mixed_member.hpp): the constituencies file and its errors, New
// Zealand's overhang (a worked example and the 2014 general election), Scotland's regional list seats and
// Germany's second-vote coverage on worked examples checked by hand below.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::Json;
using seatsim::read_text_file;

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

const fs::path new_zealand_2014() { return source_dir() / "scenarios" / "new-zealand-2014"; }
const fs::path germany_2025_laender() { return source_dir() / "scenarios" / "germany-2025-laender"; }

std::map<std::string, std::string> list_row(const Records& rows, const std::string& district,
                                            const std::string& party) {
  for (const auto& r : rows)
    if (r.at("district") == district && r.at("party") == party) return r;
  FAIL("no row for " << district << "/" << party);
  return {};
}

// New Zealand in small: 10 seats; D (3.96%) takes part through its electorates; one independent.
fs::path nz_example(const TempDir& tmp, const std::string& constituencies) {
  tmp.write("nz/election.toml", "name = \"example\"\nsystem = \"new-zealand-house\"\n");
  tmp.write("nz/results.csv", "district,party,votes\nNZ,A,5000\nNZ,B,3100\nNZ,C,1600\nNZ,D,400\n");
  tmp.write("nz/districts.csv", "district,seats\nNZ,10\n");
  tmp.write("nz/constituencies.csv", constituencies);
  return tmp.path / "nz";
}

const std::string nz_winners =
    "constituency,region,winner\nE1,NZ,A\nE2,NZ,A\nE3,NZ,B\nE4,NZ,D\nE5,NZ,D\nE6,NZ,independent:X\n";

}  // namespace

TEST_SUITE("mixed member") {
  TEST_CASE("New Zealand, worked example: electorates off first, overhang kept, the House grows") {
    // The independent's electorate comes off the 10 seats: 9 by Sainte-Laguë among A, B, C and D (D by its
    // electorates). Quotients: A 5000, B 3100, A 1666.7, C 1600, B 1033.3, A 1000, A 714.3, B 620, A 555.6 take
    // the 9; C's 533.3 is next. A 5, B 3, C 1, D 0: D keeps its 2 electorates (overhang 2); House 9 + 2 + 1 = 12.
    TempDir tmp;
    const fs::path data = nz_example(tmp, nz_winners);
    const RunResult r = run_cli({"allocate", data.string(), "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    const std::map<std::string, std::array<const char*, 3>> expected = {
        {"A", {"2", "3", "5"}}, {"B", {"1", "2", "3"}}, {"C", {"0", "1", "1"}}, {"D", {"2", "0", "2"}}};
    for (const auto& [party, seats] : expected) {
      const auto& captured_party = party;  // clang 14 cannot capture a structured binding
      CAPTURE(captured_party);
      const auto row = list_row(rows, "NZ", party);
      CHECK(row.at("constituency_seats") == seats[0]);
      CHECK(row.at("list_seats") == seats[1]);
      CHECK(row.at("seats") == seats[2]);
    }
    CHECK(r.err.find("outside the lists: X (E6)") != std::string::npos);
    const Json json = Json::parse(run_cli({"allocate", data.string(), "--format", "json"}).out);
    CHECK(json["mixed_member"]["house"].get<std::int64_t>() == 12);
    CHECK(json["mixed_member"]["taken_off_first"].get<std::int64_t>() == 1);
  }

  TEST_CASE("New Zealand, worked example: without the electorate route D's electorates come off too") {
    // D does not take part: 10 - 1 - 2 = 7 seats among A, B, C: A 5000, B 3100, A 1666.7, C 1600, B 1033.3,
    // A 1000, A 714.3: A 4, B 2, C 1.
    TempDir tmp;
    const RunResult r =
        run_cli({"allocate", nz_example(tmp, nz_winners).string(), "--constituency-route", "0", "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    CHECK(list_row(rows, "NZ", "A").at("seats") == "4");
    CHECK(list_row(rows, "NZ", "B").at("seats") == "2");
    CHECK(list_row(rows, "NZ", "C").at("seats") == "1");
    CHECK(list_row(rows, "NZ", "D").at("seats") == "2");
  }

  TEST_CASE("New Zealand, worked example: a scenario that removes a party leaves its electorates outside the lists") {
    // D removed: its 2 electorates and X's come off first, 7 seats among A, B, C as without the route.
    TempDir tmp;
    const fs::path data = nz_example(tmp, nz_winners);
    const fs::path scenario = tmp.write("what-if.toml", "name = \"no D\"\nbase = " + Json(data.string()).dump() +
                                                            "\n[[op]]\nkind = \"remove\"\nparty = \"D\"\n");
    const RunResult s = run_cli({"scenario", scenario.string(), "--format", "csv"});
    REQUIRE_MESSAGE(s.status == 0, s.err);
    const Records rows = csv_records(s.out);
    CHECK(row(rows, "district", "NZ", "A").at("seats") == "4");
    CHECK(row(rows, "district", "NZ", "B").at("seats") == "2");
    CHECK(row(rows, "district", "NZ", "C").at("seats") == "1");
    CHECK(s.err.find("D, no list in NZ (E4)") != std::string::npos);
  }

  TEST_CASE("New Zealand, worked example: a scenario sets a constituency's winner") {
    // E4 goes from D to A: D keeps one electorate (still its route in), A has 3. The 9 seats are shared as before
    // (A 5, B 3, C 1, D 0): D's one electorate is an overhang seat, the House 11.
    TempDir tmp;
    const fs::path data = nz_example(tmp, nz_winners);
    const fs::path scenario =
        tmp.write("what-if.toml", "name = \"E4 to A\"\nbase = " + Json(data.string()).dump() +
                                      "\n[[op]]\nkind = \"set\"\nconstituency = \"E4\"\nwinner = \"A\"\n");
    const RunResult s = run_cli({"scenario", scenario.string(), "--format", "csv"});
    REQUIRE_MESSAGE(s.status == 0, s.err);
    const Records rows = csv_records(s.out);
    CHECK(row(rows, "district", "NZ", "A").at("seats") == "5");
    CHECK(row(rows, "district", "NZ", "D").at("base_seats") == "2");
    CHECK(row(rows, "district", "NZ", "D").at("seats") == "1");
    // An unknown constituency or winner stops with the scenario's line.
    const fs::path wrong =
        tmp.write("wrong.toml", "name = \"typo\"\nbase = " + Json(data.string()).dump() +
                                    "\n[[op]]\nkind = \"set\"\nconstituency = \"E44\"\nwinner = \"A\"\n");
    const RunResult w = run_cli({"scenario", wrong.string()});
    CHECK(w.status == 2);
    CHECK_MESSAGE(w.err.find("wrong.toml:5: operation 1 (set): no constituency 'E44'") != std::string::npos, w.err);
  }

  TEST_CASE("--constituencies gives a votes file its constituency winners") {
    TempDir tmp;
    const fs::path votes = tmp.write("votes.csv", "party,votes\nA,5000\nB,3100\nC,1600\nD,400\n");
    const fs::path winners = tmp.write("winners.csv", "constituency,region,winner\nE1,,D\nE2,,D\n");
    // A votes file without a district column has one district named "".
    const RunResult r = run_cli({"allocate", votes.string(), "--seats", "10", "--constituencies", winners.string(),
                                 "--system", "new-zealand-house", "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(list_row(csv_records(r.out), "", "D").at("seats") == "2");
  }

  TEST_CASE("bad constituency files stop with file and line (exit 2)") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"constituency,region,winner\nE1,NZ,A\nE2,NZ,Labour\n", "constituencies.csv:3: winner 'Labour' is no party"},
        {"constituency,region,winner\nE1,NZ,A\nE1,NZ,B\n",
         "constituencies.csv:3: constituency 'E1' has a second winner"},
        {"constituency,region,winner\nE1,NZ,A\nE2,Nz,B\n", "constituencies.csv:3: no region 'Nz'"},
        {"constituency,region,winner\nE1,NZ,independent:\n",
         "constituencies.csv:2: an independent winner needs a name"},
        {"constituency,region,winner,winner_votes,valid_votes\nE1,NZ,A,600,500\n",
         "constituencies.csv:2: winner_votes (600) exceed valid_votes (500)"},
        {"constituency,region,winner\nE1,NZ,A\nE2,NZ,A\nE3,NZ,A\nE4,NZ,A\nE5,NZ,A\nE6,NZ,A\nE7,NZ,A\nE8,NZ,A\n"
         "E9,NZ,A\nE10,NZ,A\nE11,NZ,B\n",
         "constituencies.csv:12: region 'NZ' has 11 constituency winners but 10 seats"},
    };
    for (const auto& [text, message] : cases) {
      const auto& captured_text = text;  // clang 14 cannot capture a structured binding
      CAPTURE(captured_text);
      TempDir tmp;
      const RunResult r = run_cli({"allocate", nz_example(tmp, text).string()});
      CHECK(r.status == 2);
      CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
      const bool suggested = r.err.find("did you mean 'NZ'") != std::string::npos;
      CHECK(suggested == (message.find("no region") != std::string::npos));
    }
  }

  TEST_CASE("New Zealand 2014: compare reproduces the published seats (121, one overhang)") {
    const RunResult r = run_cli({"compare", new_zealand_2014().string(), "--format", "csv"});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.err.find("districts matched: 1/1, seats differing: 0") != std::string::npos);
    const Records rows = csv_records(r.out);
    std::int64_t total = 0;
    for (const auto& row : rows) {
      CAPTURE(row.at("party"));
      CHECK(row.at("diff") == "0");
      total += std::stoll(row.at("seats"));
    }
    CHECK(total == 121);
    const RunResult a = run_cli({"allocate", new_zealand_2014().string(), "--format", "csv"});
    REQUIRE_MESSAGE(a.status == 0, a.err);
    const auto united_future = list_row(csv_records(a.out), "New Zealand", "United Future");
    CHECK(united_future.at("constituency_seats") == "1");  // Ōhāriu
    CHECK(united_future.at("list_seats") == "0");
    CHECK(a.err.find("United Future won 1 electorates, 1 more than its share") != std::string::npos);
  }

  TEST_CASE("New Zealand 2014: the import reproduces this folder") {
    TempDir tmp;
    const fs::path source = new_zealand_2014() / "source";
    const std::string command = "python3 " + quote((source_dir() / "scripts" / "import_nz_votelib.py").string()) + " " +
                                quote((source / "votelib_test_real_mmp.py.txt").string()) + " " +
                                quote((source / "nz_leg_2014_electorate.csv").string()) +
                                " --year 2014 --date 2014-09-20 --manifest " +
                                quote((source / "manifest.toml").string()) + " -o " + quote(tmp.path.string());
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* name : {"results.csv", "constituencies.csv", "districts.csv", "election.toml", "QUALITY.md"}) {
      CAPTURE(name);
      std::string made = read_text_file((tmp.path / name).string());
      std::string kept = read_text_file((new_zealand_2014() / name).string());
      if (std::string(name) == "QUALITY.md") {  // the source paths differ; the checksums do not
        CHECK(made.find("## Checks") != std::string::npos);
        CHECK(made.substr(made.find("## Checks")) == kept.substr(kept.find("## Checks")));
      } else {
        CHECK(made == kept);
      }
    }
  }

  TEST_CASE("New Zealand 2014: scenario and simulate allocate the whole system") {
    TempDir tmp;
    // A tenth of National's party votes go to the Conservatives, who pass 5% and take list seats.
    const fs::path scenario = tmp.write(
        "what-if.toml", "name = \"more NZ First\"\nbase = " + Json(new_zealand_2014().string()).dump() +
                            "\n[[op]]\nkind = \"transfer\"\nfrom = \"National Party\"\nto = \"Conservative\"\n"
                            "share = \"10%\"\n");
    const RunResult s = run_cli({"scenario", scenario.string(), "--format", "csv"});
    REQUIRE_MESSAGE(s.status == 0, s.err);
    // Conservative: 95,598 + 113,150 = 208,748 votes, 8.6%: above 5%, it takes seats.
    CHECK(std::stoll(row(csv_records(s.out), "national", "", "Conservative").at("seats")) > 0);
    const RunResult sim = run_cli({"simulate", new_zealand_2014().string(), "--draws", "20", "--noise",
                                   "dirichlet:2000", "--seed", "1", "--format", "csv"});
    CHECK_MESSAGE(sim.status == 0, sim.err);
    CHECK(sim.out.find("United Future") != std::string::npos);
  }

  TEST_CASE("Scotland, worked example: list seats by D'Hondt, divisors starting at 1 + constituency seats") {
    // Region R: 3 constituencies (all A) + 7 list seats. A's divisors start at 4: 7500, 6000, 5000; B 20000,
    // 10000, 6666.7, 5000; C 12600, 6300, 4200; D 5000. The 7 list seats: B 20000, C 12600, B 10000, A 7500,
    // B 6666.7, C 6300, A 6000; the next quotient is 5000. A 3 + 2 = 5, B 3, C 2, D 0.
    TempDir tmp;
    tmp.write("sc/election.toml", "name = \"example\"\nsystem = \"scotland-parliament\"\n");
    tmp.write("sc/results.csv", "district,party,votes\nR,A,30000\nR,B,20000\nR,C,12600\nR,D,5000\n");
    tmp.write("sc/districts.csv", "district,seats\nR,10\n");
    tmp.write("sc/constituencies.csv", "constituency,region,winner\nK1,R,A\nK2,R,A\nK3,R,A\n");
    const RunResult r = run_cli({"allocate", (tmp.path / "sc").string(), "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    CHECK(list_row(rows, "R", "A").at("list_seats") == "2");
    CHECK(list_row(rows, "R", "A").at("seats") == "5");
    CHECK(list_row(rows, "R", "B").at("seats") == "3");
    CHECK(list_row(rows, "R", "C").at("seats") == "2");
    CHECK(list_row(rows, "R", "D").at("seats") == "0");
  }

  TEST_CASE("Germany 2023 law, worked example: Länder split and second-vote coverage by exact shares") {
    // 20 seats; C (500 of 15,600 second votes, 3.2%, one constituency) does not take part: its winner and the
    // independent come off first; 18 by Sainte-Laguë: A 8100 -> 10, B 7000 -> 8 (18th quotient A 426.3, next
    // B 411.8). A's 10 to its Länder: L1 6000 -> 7, L2 2100 -> 3 (10th quotient L2 420 before L1 400). B's 8: L1
    // 3000 -> 3, L2 4000 -> 5 (444.4 before 428.6). A won 8 constituencies in L1 for 7 seats: the lowest share
    // stays unseated, K7 with 333/1000, just below K8's 1000/3000 = 1/3 (equal when rounded to 0.333).
    TempDir tmp;
    tmp.write("de/election.toml",
              "name = \"example\"\nsystem = \"germany-bundestag-2023\"\n[rule]\nhouse_seats = \"20\"\n");
    tmp.write("de/results.csv",
              "district,party,votes\nL1,A,6000\nL1,B,3000\nL1,C,200\nL2,A,2100\nL2,B,4000\nL2,C,300\n");
    tmp.write("de/districts.csv", "district,seats\nL1,10\nL2,10\n");  // the Länder's seats are the count's
    tmp.write("de/constituencies.csv",
              "constituency,region,winner,winner_votes,valid_votes\n"
              "K1,L1,A,500,1000\nK2,L1,A,450,1000\nK3,L1,A,440,1000\nK4,L1,A,430,1000\nK5,L1,A,420,1000\n"
              "K6,L1,A,410,1000\nK7,L1,A,333,1000\nK8,L1,A,1000,3000\nK9,L1,B,400,1000\n"
              "M1,L2,B,400,1000\nM2,L2,B,400,1000\nM3,L2,C,400,1000\nM4,L2,independent:Y,400,1000\n");
    const RunResult r = run_cli({"allocate", (tmp.path / "de").string(), "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    const std::map<std::string, std::array<const char*, 2>> expected = {{"L1/A", {"7", "7"}}, {"L1/B", {"1", "3"}},
                                                                        {"L1/C", {"0", "0"}}, {"L2/A", {"0", "3"}},
                                                                        {"L2/B", {"2", "5"}}, {"L2/C", {"1", "1"}}};
    for (const auto& [key, seats] : expected) {
      const auto& captured_key = key;  // clang 14 cannot capture a structured binding
      CAPTURE(captured_key);
      const auto row = list_row(rows, key.substr(0, 2), key.substr(3));
      CHECK(row.at("constituency_seats") == seats[0]);
      CHECK(row.at("seats") == seats[1]);
    }
    const Json json = Json::parse(run_cli({"allocate", (tmp.path / "de").string(), "--format", "json"}).out);
    REQUIRE(json["mixed_member"]["unseated"].size() == 1);
    CHECK(json["mixed_member"]["unseated"][0].get<std::string>() == "K7 (A, L1)");
    CHECK(json["mixed_member"]["house"].get<std::int64_t>() == 20);
  }

  TEST_CASE("Bundestag 2025 per Land: compare reproduces every party in every Land, 23 winners unseated") {
    const RunResult r = run_cli({"compare", germany_2025_laender().string(), "--format", "csv"});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.err.find("districts matched: 16/16, seats differing: 0") != std::string::npos);
    std::int64_t total = 0;
    for (const auto& row : csv_records(r.out)) total += std::stoll(row.at("seats"));
    CHECK(total == 630);
    const Json json = Json::parse(run_cli({"allocate", germany_2025_laender().string(), "--format", "json"}).out);
    const Json& mixed = json["mixed_member"];
    CHECK(mixed["house"].get<std::int64_t>() == 630);
    // The Bundeswahlleiterin's count: 23 constituency winners without second-vote coverage, among them
    // Bremen I (SPD), Tübingen (CDU) and München-Süd (CSU).
    REQUIRE(mixed["unseated"].size() == 23);
    std::string unseated;
    for (const Json& c : mixed["unseated"]) unseated += c.get<std::string>() + ";";
    for (const char* name : {"054 Bremen I (SPD, Bremen)", "290 Tübingen (CDU, Baden-Württemberg)",
                             "218 München-Süd (CSU, Bayern)", "151 Leipzig I (AfD, Sachsen)"})
      CHECK_MESSAGE(unseated.find(name) != std::string::npos, name);
    // The national upper apportionment alone (scenarios/germany-2025, no constituencies) still gives the 630.
    const RunResult upper = run_cli({"compare", (source_dir() / "scenarios" / "germany-2025").string(), "--system",
                                     "germany-bundestag-2023", "--format", "csv"});
    CHECK_MESSAGE(upper.status == 0, upper.err);
  }

  TEST_CASE("Bundestag 2025 per Land: the import reproduces this folder") {
    TempDir tmp;
    const fs::path source = germany_2025_laender() / "source";
    const std::string command =
        "python3 " + quote((source_dir() / "scripts" / "import_kerg2_constituencies.py").string()) + " " +
        quote((source / "kerg2-wahlkreise-erststimmen.csv").string()) + " --laender " +
        quote((source_dir() / "scenarios" / "germany-2025" / "laender.csv").string()) + " --manifest " +
        quote((source / "manifest.toml").string()) + " -o " + quote(tmp.path.string());
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* name : {"results.csv", "constituencies.csv", "districts.csv", "election.toml", "QUALITY.md"}) {
      CAPTURE(name);
      CHECK(read_text_file((tmp.path / name).string()) == read_text_file((germany_2025_laender() / name).string()));
    }
  }

  TEST_CASE("the systems library lists the mixed-member systems with statutes") {
    const RunResult r = run_cli({"systems", "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("new-zealand-house") != std::string::npos);
    CHECK(r.out.find("scotland-parliament") != std::string::npos);
    CHECK(r.out.find("germany-bundestag-2023") != std::string::npos);
    const RunResult show = run_cli({"systems", "show", "new-zealand-house"});
    REQUIRE_MESSAGE(show.status == 0, show.err);
    CHECK(show.out.find("Electoral Act 1993") != std::string::npos);
    CHECK(show.out.find("mixed_member = \"new-zealand\"") != std::string::npos);
  }
}
