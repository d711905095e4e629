// List alliances (issue 21): seats first to groups, then inside them. A Swiss canton constructed for the test
// and checked by hand (no public file holds a canton's apparentments: docs/data-sources.md §5), Israel's 2022
// Knesset with its surplus agreements against the published seats, the scenario operation, and bad input.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

// A canton of 8 seats. Party votes; two apparentments, one of them with a sub-apparentment "Grün".
const char* const canton_votes =
    "district,party,votes\n"
    "Testkanton,SP,31000\nTestkanton,GLP,10000\nTestkanton,Grüne,9000\nTestkanton,Junge Grüne,8000\n"
    "Testkanton,SVP,40000\nTestkanton,FDP,17000\nTestkanton,Mitte,14000\nTestkanton,EVP,3000\n";
const char* const canton_alliances =
    "district,alliance,party,sub_alliance\n"
    "Testkanton,Links-Mitte,SP,\nTestkanton,Links-Mitte,GLP,\nTestkanton,Links-Mitte,Grüne,Grün\n"
    "Testkanton,Links-Mitte,Junge Grüne,Grün\nTestkanton,Bürgerlich,SVP,\nTestkanton,Bürgerlich,FDP,\n";

std::map<std::string, std::string> column_of(const std::string& csv, const std::string& column) {
  std::map<std::string, std::string> values;
  for (const auto& record : csv_records(csv)) values[record.at("party")] = record.at(column);
  return values;
}

std::map<std::string, std::string> seats_of(const RunResult& run) { return column_of(run.out, "seats"); }

RunResult allocate_canton(const TempDir& tmp, const std::string& alliances, std::vector<std::string> extra = {}) {
  const fs::path votes = tmp.write("canton.csv", canton_votes);
  std::vector<std::string> args = {
      "allocate", votes.string(), "--seats", "8", "--system", "switzerland-national-council", "--format", "csv"};
  if (!alliances.empty()) args.insert(args.end(), {"--alliances", tmp.write("alliances.csv", alliances).string()});
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

const fs::path israel = source_dir() / "scenarios" / "israel-2022";

}  // namespace

TEST_SUITE("alliances") {
  TEST_CASE("a canton with apparentments and a sub-apparentment gives the seats worked out by hand") {
    // Hagenbach-Bischoff, worked by hand. Canton: 132000 votes, 8 seats, quotient 132000/9 -> 14667.
    // Groups: Links-Mitte 58000 (3 whole quotients), Bürgerlich 57000 (3), Mitte 14000 (0), EVP 3000 (0); the
    // 2 remaining seats by votes/(seats+1): Links-Mitte 14500 > Bürgerlich 14250 > Mitte 14000, then
    // Bürgerlich 14250 > Links-Mitte 11600: 4 and 4, and Mitte none.
    // Links-Mitte, 4 seats, quotient 58000/5 -> 11601: SP 31000 (2), Grün 17000 (1), GLP 10000 (0); the last
    // seat: SP 10333 > GLP 10000 > Grün 8500. Grün's 1 seat: Grüne 9000 > Junge Grüne 8000.
    // Bürgerlich, 4 seats, quotient 57000/5 -> 11401: SVP 40000 (3), FDP 17000 (1).
    TempDir tmp;
    const RunResult run = allocate_canton(tmp, canton_alliances);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const std::map<std::string, std::string> expected = {{"SP", "3"},          {"GLP", "0"}, {"Grüne", "1"},
                                                         {"Junge Grüne", "0"}, {"SVP", "3"}, {"FDP", "1"},
                                                         {"Mitte", "0"},       {"EVP", "0"}};
    CHECK(seats_of(run) == expected);
    const std::map<std::string, std::string> groups = column_of(run.out, "group");
    CHECK(groups.at("SP") == "Links-Mitte");
    CHECK(groups.at("Grüne") == "Links-Mitte/Grün");
    CHECK(groups.at("FDP") == "Bürgerlich");
    CHECK(groups.at("Mitte").empty());
    CHECK(run.out.rfind("district,party,group,votes,seats,tie\n", 0) == 0);
  }

  TEST_CASE("the apparentments decide seats: without them, or without the sub-apparentment, others win") {
    TempDir tmp;
    // No apparentments: D'Hondt over the lists: 40000 SVP, 31000 SP, 20000 SVP, 17000 FDP, 15500 SP, 14000 Mitte,
    // 13333 SVP, 10333 SP.
    const RunResult alone = allocate_canton(tmp, "");
    REQUIRE(alone.status == 0);
    CHECK(seats_of(alone).at("Mitte") == "1");
    CHECK(seats_of(alone).at("SP") == "3");
    CHECK(seats_of(alone).at("SVP") == "3");
    CHECK(seats_of(alone).at("Grüne") == "0");
    CHECK(alone.out.rfind("district,party,votes,seats,tie\n", 0) == 0);  // no group column without alliances
    // No sub-apparentment: Links-Mitte's 4 seats among SP 31000, GLP 10000, Grüne 9000, Junge Grüne 8000:
    // 31000, 15500, 10333 (SP), 10000 (GLP): GLP takes the seat Grün took together.
    const RunResult flat = allocate_canton(tmp,
                                           "district,alliance,party\nTestkanton,Links-Mitte,SP\n"
                                           "Testkanton,Links-Mitte,GLP\nTestkanton,Links-Mitte,Grüne\n"
                                           "Testkanton,Links-Mitte,Junge Grüne\nTestkanton,Bürgerlich,SVP\n"
                                           "Testkanton,Bürgerlich,FDP\n");
    REQUIRE(flat.status == 0);
    CHECK(seats_of(flat).at("GLP") == "1");
    CHECK(seats_of(flat).at("Grüne") == "0");
    CHECK(seats_of(flat).at("SP") == "3");
  }

  TEST_CASE("thresholds apply to lists or to groups, as alliance_threshold says") {
    // 10 seats, D'Hondt, 5%: A 600, B 300, C 60, D 40 (C and D in alliance X). On lists, D (4%) drops out and
    // X holds C alone: quotients 600 300 300 200 150 150 120 100 100 85.7 give A 7, B 3, X 0. On groups, X (10%)
    // passes whole with 100 votes: 600 300 300 200 150 150 120 and then 100 three times (A, B, X): A 6, B 3, X 1,
    // which goes to C (60 > 40).
    TempDir tmp;
    const fs::path votes = tmp.write("v.csv", "party,votes\nA,600\nB,300\nC,60\nD,40\n");
    const fs::path alliances = tmp.write("a.csv", "district,alliance,party\n,X,C\n,X,D\n");
    const auto run = [&](const std::string& on) {
      return run_cli({"allocate", votes.string(), "--seats", "10", "--method", "dhondt", "--threshold", "5%",
                      "--alliances", alliances.string(), "--alliance-threshold", on, "--format", "csv"});
    };
    const RunResult lists = run("lists"), groups = run("groups");
    REQUIRE(lists.status == 0);
    REQUIRE(groups.status == 0);
    CHECK(seats_of(lists) == std::map<std::string, std::string>{{"A", "7"}, {"B", "3"}, {"C", "0"}, {"D", "0"}});
    CHECK(seats_of(groups) == std::map<std::string, std::string>{{"A", "6"}, {"B", "3"}, {"C", "1"}, {"D", "0"}});
    // The method inside alliances is its own key: Sainte-Laguë inside X still gives C its one seat.
    const RunResult inner = run_cli({"allocate", votes.string(), "--seats", "10", "--method", "dhondt", "--threshold",
                                     "5%", "--alliances", alliances.string(), "--alliance-threshold", "groups",
                                     "--alliance-method", "sainte-lague", "--format", "json"});
    REQUIRE(inner.status == 0);
    CHECK(inner.out.find("\"alliance_method\": \"sainte-lague\"") != std::string::npos);
  }

  TEST_CASE("Israel 2022: compare reproduces the published 120 seats with the surplus agreements") {
    const RunResult compared = run_cli({"compare", israel.string(), "--format", "csv"});
    CHECK_MESSAGE(compared.status == 0, compared.err);
    CHECK(compared.err.find("districts matched: 1/1, seats differing: 0") != std::string::npos);
    const RunResult by_system =
        run_cli({"compare", israel.string(), "--system", "israel-knesset-2014", "--format", "csv"});
    CHECK(by_system.status == 0);
    // Without the agreements (an alliances file with no row), Likud loses the seat its agreement with the
    // Religious Zionist Party won it, and Labor (whose partner Meretz fell below 3.25%) takes it.
    TempDir tmp;
    const fs::path none = tmp.write("none.csv", "district,alliance,party\n");
    const RunResult without = run_cli({"allocate", (israel / "results.csv").string(), "--system", "israel-knesset-2014",
                                       "--alliances", none.string(), "--format", "csv"});
    REQUIRE(without.status == 0);
    CHECK(seats_of(without).at("Likud") == "31");
    CHECK(seats_of(without).at("Labor") == "5");
  }

  TEST_CASE("the checked-in Israel 2022 data set is the importer's output for its source files") {
    TempDir tmp;
    const fs::path source = israel / "source";
    const RunResult imported = run_cli(
        {"import", "knesset", (source / "expc.csv").string(), "--lists", (source / "lists.csv").string(),
         "--agreements", (source / "SurplusAgreement.py").string(), "--manifest", (source / "manifest.toml").string(),
         "--provenance", (source / "PROVENANCE.md").string(), "-o", (tmp.path / "out").string()});
    REQUIRE_MESSAGE(imported.status == 0, imported.err);
    for (const char* file : {"results.csv", "alliances.csv", "election.toml", "QUALITY.md"}) {
      CAPTURE(file);
      CHECK(read_text_file((tmp.path / "out" / file).string()) == read_text_file((israel / file).string()));
    }
    CHECK(read_text_file((tmp.path / "out" / "QUALITY.md").string()).find("valid votes (כשרים) 4764742") !=
          std::string::npos);
  }

  TEST_CASE("import knesset stops with exit 2 naming the file and line, and writes nothing") {
    TempDir tmp;
    const fs::path source = israel / "source";
    const fs::path lists = tmp.write("lists.csv", "letter,party,published_seats\nמחל,Likud,32\nXX,Nobody,0\n");
    const RunResult run =
        run_cli({"import", "knesset", (source / "expc.csv").string(), "--lists", lists.string(), "--agreements",
                 (source / "SurplusAgreement.py").string(), "-o", (tmp.path / "out").string()});
    CHECK(run.status == 2);
    CHECK(run.err.find("lists.csv:3: no ballot letter 'XX'") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "out"));
  }

  TEST_CASE("scenario operation kind = alliance dissolves and forms alliances") {
    TempDir tmp;
    // Without Likud's agreement with the Religious Zionist Party, the Shas–UTJ pair takes the seat: Likud 31,
    // United Torah Judaism 8 (computed independently with exact fractions when this test was written).
    const fs::path dissolve = tmp.write("dissolve.toml", "name = \"no Likud agreement\"\nbase = \"" + israel.string() +
                                                             "\"\n[[op]]\nkind = \"alliance\"\nname = \"Likud + "
                                                             "Religious Zionist Party\"\ndissolve = true\n");
    const RunResult dissolved = run_cli({"allocate", dissolve.string(), "--format", "csv"});
    REQUIRE_MESSAGE(dissolved.status == 0, dissolved.err);
    CHECK(seats_of(dissolved).at("Likud") == "31");
    CHECK(seats_of(dissolved).at("United Torah Judaism") == "8");
    CHECK(column_of(dissolved.out, "group").at("Likud").empty());
    // The canton as a data set: Mitte and EVP form an alliance (17000): groups Links-Mitte 58000, Bürgerlich
    // 57000, Mitte+EVP 17000; D'Hondt: 58000 57000 29000 28500 19333 19000 17000 14500 gives 4, 3 and 1.
    fs::create_directories(tmp.path / "canton");
    tmp.write("canton/election.toml", "name = \"Testkanton\"\nsystem = \"switzerland-national-council\"\n");
    tmp.write("canton/results.csv", canton_votes);
    tmp.write("canton/districts.csv", "district,seats\nTestkanton,8\n");
    tmp.write("canton/alliances.csv", canton_alliances);
    const fs::path form = tmp.write("form.toml",
                                    "base = \"canton\"\n[[op]]\nkind = \"alliance\"\nname = "
                                    "\"Mitte+EVP\"\nparties = [\"Mitte\", \"EVP\"]\n");
    const RunResult formed = run_cli({"allocate", form.string(), "--format", "csv"});
    REQUIRE_MESSAGE(formed.status == 0, formed.err);
    CHECK(seats_of(formed) == std::map<std::string, std::string>{{"SP", "3"},
                                                                 {"GLP", "0"},
                                                                 {"Grüne", "1"},
                                                                 {"Junge Grüne", "0"},
                                                                 {"SVP", "2"},
                                                                 {"FDP", "1"},
                                                                 {"Mitte", "1"},
                                                                 {"EVP", "0"}});
    CHECK(column_of(formed.out, "group").at("EVP") == "Mitte+EVP");
    // A list already in an alliance cannot join another; an unknown alliance cannot be dissolved.
    const fs::path twice = tmp.write("twice.toml",
                                     "base = \"canton\"\n[[op]]\nkind = \"alliance\"\nname = "
                                     "\"New\"\nparties = [\"SP\", \"Mitte\"]\n");
    const RunResult refused = run_cli({"allocate", twice.string(), "--format", "csv"});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("twice.toml:") != std::string::npos);
    CHECK(refused.err.find("two alliances") != std::string::npos);
    const fs::path unknown = tmp.write("unknown.toml",
                                       "base = \"canton\"\n[[op]]\nkind = \"alliance\"\nname = "
                                       "\"Nowhere\"\ndissolve = true\n");
    const RunResult missing = run_cli({"allocate", unknown.string(), "--format", "csv"});
    CHECK(missing.status == 2);
    CHECK(missing.err.find("no alliance 'Nowhere'") != std::string::npos);
  }

  TEST_CASE("bad alliances files stop with exit 2, the file and the line") {
    TempDir tmp;
    const auto refused = [&](const std::string& text, const std::string& line, const std::string& message) {
      CAPTURE(text);
      const RunResult run = allocate_canton(tmp, text);
      CHECK(run.status == 2);
      CHECK(run.out.empty());
      CHECK_MESSAGE(run.err.find("alliances.csv:" + line + ": ") != std::string::npos, run.err);
      CHECK_MESSAGE(run.err.find(message) != std::string::npos, run.err);
    };
    const std::string header = "district,alliance,party,sub_alliance\n";
    refused(header + "Testkanton,L,SP,\nTestkanton,L,Greens,\n", "3", "no list 'Greens'");
    refused(header + "Nowhere,L,SP,\n", "2", "no district 'Nowhere'");
    refused(header + "Testkanton,L,SP,\nTestkanton,R,SP,\n", "3", "two alliances");
    refused(header + ",L,SP,\nTestkanton,L,SP,\n", "3", "named twice");
    refused(header + "Testkanton,L,,\n", "2", "alliance 'L' is empty");
    refused(header + "Testkanton,,SP,\n", "2", "names no alliance");
    refused(header + "Testkanton,L,SP,S\nTestkanton,R,FDP,S\n", "3", "sub-alliance 'S' lies in alliance 'L'");
    refused("district,alliance\nTestkanton,L\n", "1", "party");
  }
}
