// `seatsim compare` as scripts see it: the contract's CSV and summary line, exit codes, reserved
// seats, the explanations of a difference, bad data sets, and the shared real elections.
#include <doctest/doctest.h>

#include "seatsim/analysis/comparator.hpp"
#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

// A data set folder with the given files.
fs::path make_dataset(const TempDir& tmp, const std::string& results, const std::string& districts,
                      const std::string& manifest = "name = \"test\"\n[rule]\nmethod = \"sainte-lague\"\n") {
  tmp.write("ds/results.csv", results);
  tmp.write("ds/districts.csv", districts);
  tmp.write("ds/election.toml", manifest);
  return tmp.path / "ds";
}

}  // namespace

TEST_CASE("compare CSV has the contract columns for every list and the summary line on stderr") {
  const std::string votes = "district,party,votes,published_seats\nN,A,60,2\nN,B,40,1\nS,A,10,0\nS,B,90,2\n";
  const RunResult same = run_cli({"compare", "-", "--method", "dhondt", "--format", "csv"}, votes);
  CHECK(same.status == 0);
  CHECK(same.out ==
        "district,party,votes,published_seats,seats,diff\nN,A,60,2,2,0\nN,B,40,1,1,0\nS,A,10,0,0,0\nS,B,90,2,2,0\n");
  CHECK(same.err == "districts matched: 2/2, seats differing: 0\n");
  // Sainte-Laguë gives N 2/1 too but S: A 10 vs B 90 for 2 seats: B 2. Now change N's published seats.
  const std::string other = "district,party,votes,published_seats\nN,A,60,3\nN,B,40,0\nS,A,10,0\nS,B,90,2\n";
  const RunResult differs = run_cli({"compare", "-", "--format", "csv"}, other);
  CHECK(differs.status == 1);
  CHECK(differs.out.find("N,A,60,3,2,-1\nN,B,40,0,1,1\n") != std::string::npos);
  CHECK(differs.err == "districts matched: 1/2, seats differing: 1\n");
}

TEST_CASE("compare: a blank published seat cell and a published total that does not add up are data faults") {
  const std::string votes = "district,party,votes,published_seats\nN,A,60,\nN,B,40,1\nS,A,50,2\nS,B,50,2\n";
  TempDir tmp;
  const fs::path seats = tmp.write("s.csv", "district,seats\nN,3\nS,3\n");
  const RunResult r = run_cli({"compare", "-", "--seats-file", seats.string(), "--format", "json"}, votes);
  CHECK(r.status == 1);
  const seatsim::Json json = seatsim::Json::parse(r.out);
  CHECK(json["districts"][0]["match"] == "published seats missing");
  CHECK(json["districts"][0]["explanation"].get<std::string>().find("no published seats for A") != std::string::npos);
  CHECK(json["results"][0]["published_seats"].is_null());
  CHECK(json["results"][0]["diff"].is_null());
  CHECK(json["districts"][1]["match"] == "published total wrong");
  CHECK(json["districts"][1]["explanation"].get<std::string>().find("sum to 4, but the district has 3 seats") !=
        std::string::npos);
  CHECK(json["summary"]["matched"] == 0);
  const RunResult csv = run_cli({"compare", "-", "--seats-file", seats.string(), "--format", "csv"}, votes);
  CHECK(csv.out.find("N,A,60,,2,\n") != std::string::npos);
}

TEST_CASE("compare: the report explains a difference a first divisor would remove") {
  // 3 seats; A 100, B 60, C 25. Plain Sainte-Laguë: A 100, B 60, A 33.3 → A 2, B 1, C 0.
  // Published A 1, B 1, C 1: with d(0) = f, C's first seat 25/f must beat A's second 33.3 and
  // B's 20 ... that needs f ≤ 0.75; A's second seat 33.3 must lose, fine for any f.
  const std::string votes = "party,votes,published_seats\nA,100,1\nB,60,1\nC,25,1\n";
  const RunResult r = run_cli({"compare", "-", "--format", "table"}, votes);
  CHECK(r.status == 1);
  CHECK(r.out.find("a rule question: first divisors [0, 3/4)") != std::string::npos);
  CHECK(r.out.find("votes moved from A to C would give them") != std::string::npos);
  CHECK(r.out.find("districts matched: 0/1, seats differing: 1") != std::string::npos);
  const RunResult markdown = run_cli({"compare", "-", "--format", "markdown"}, votes);
  CHECK(markdown.out.find("| district | seats |") != std::string::npos);
  CHECK(markdown.out.find("### ") != std::string::npos);
  // With f = 0.7 it matches.
  CHECK(run_cli({"compare", "-", "--first-divisor", "0.7", "--format", "csv"}, votes).status == 0);
}

TEST_CASE("reserved seats go to the top list of each group and the general lists share the rest") {
  TempDir tmp;
  const fs::path ds = make_dataset(tmp,
                                   "district,party,votes,published_seats,quota\n"
                                   "X,A,600,3,\nX,B,300,1,\nX,Q1,50,1,Yazidi\nX,Q2,70,0,Yazidi\nX,C,20,0,\n",
                                   "district,seats,reserved\nX,5,2\n");
  // Reserved: Yazidi to Q2 (70 > 50); the second reserved group has no list: unfilled. General:
  // 3 seats for A, B, C: A 600, B 300, A 200, A 120, B 100 -> A 2, B 1 ... (A 600/1, B 300/1, A 600/3)
  const RunResult r = run_cli({"allocate", ds.string(), "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out == "district,party,votes,seats,tie\nX,A,600,2,\nX,B,300,1,\nX,Q1,50,0,\nX,Q2,70,1,\nX,C,20,0,\n");
  CHECK(r.err.find("X: 1 reserved seat(s) stay unfilled") != std::string::npos);
  const RunResult c = run_cli({"compare", ds.string(), "--format", "json"});
  CHECK(c.status == 1);
  const seatsim::Json json = seatsim::Json::parse(c.out);
  CHECK(json["districts"][0]["match"] == "published total wrong");  // 5 published, 4 can be filled
}

TEST_CASE("compare exits 2 on a bad data set with one line naming file and line") {
  TempDir tmp;
  struct Case {
    std::string results, districts, expected;
  };
  const std::string header = "district,party,votes,published_seats,quota,extra\n";
  const std::vector<Case> cases = {
      {header + "X,A,10,1,,u\nY,B,5,1,,v\n", "district,seats,reserved\nX,1,0\n",
       "results.csv:3: no seat total for district 'Y': it has no row in"},
      {header + "X,A,10,1,,u\n", "district,seats,reserved\nX,-3,0\n", "districts.csv:2: seats '-3' is negative"},
      {header + "X,A,10,1,,u\n", "district,seats,reserved\nX,1,2\n",
       "districts.csv:2: reserved seats (2) exceed seats (1)"},
      {header + "X,A,10,1,,u\nX,Q,5,0,Yazidi,w\n", "district,seats,reserved\nX,1,0\n",
       "results.csv:3: district 'X' has 1 quota group(s) but 0 reserved seat(s)"},
      {"district,party,votes\nX,A,10\n", "district,seats,reserved\nX,1,0\n",
       "results.csv:1: no published seats to compare with"},
  };
  for (const Case& c : cases) {
    const fs::path ds = make_dataset(tmp, c.results, c.districts);
    const RunResult r = run_cli({"compare", ds.string(), "--format", "csv"});
    INFO(c.results << c.districts);
    CHECK(r.status == 2);
    CHECK(r.err.find(c.expected) != std::string::npos);
    // The error is one line; the unknown column 'extra' adds one warning line before it.
    const bool warned =
        r.err.find("warning: " + ds.string() + "/results.csv:1: unknown column 'extra' ignored") != std::string::npos;
    CHECK(warned == c.results.starts_with(header));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == (warned ? 2 : 1));
  }
  // A multi-tier result is compared tier by tier: without leveling seats in the rule the leveling
  // tier differs; with them it matches (docs/multi-tier.md).
  const std::string tiered = "district,party,votes,district_seats,leveling_seats\nX,A,10,1,0\nX,B,5,0,1\n";
  CHECK(run_cli({"compare", "-", "--format", "csv"}, tiered).status == 1);
  CHECK(run_cli({"compare", "-", "--format", "csv", "--leveling-seats", "1"}, tiered).status == 0);
  // Unknown columns are fine.
  const fs::path ok = make_dataset(tmp, header + "X,A,10,1,,u\n", "district,seats,reserved,note\nX,1,0,hi\n");
  CHECK(run_cli({"compare", ok.string(), "--format", "csv"}).status == 0);
  CHECK(run_cli({"fit", ok.string(), "--format", "csv"}).status == 0);
}

TEST_CASE("compare as a library call returns the structured result") {
  seatsim::Election election;
  seatsim::District& d = election.districts.emplace_back();
  d.name = "D";
  d.seats = 2;
  d.lists = {{"A", 30, 1, {}, {}, "", 1}, {"B", 10, 1, {}, {}, "", 2}};
  const seatsim::Comparison c = seatsim::compare(election, seatsim::Rule{});
  REQUIRE(c.districts.size() == 1);
  CHECK(c.districts[0].match == seatsim::DistrictMatch::differs);  // Sainte-Laguë: A 30, A 10, B 10 tie -> A 2
  CHECK(c.districts[0].lists[0].seats == 2);
  CHECK(c.summary_line() == "districts matched: 0/1, seats differing: 1");
  REQUIRE(c.districts[0].to_move);
  CHECK(c.districts[0].to_move->found);
  CHECK(c.districts[0].to_move->votes == 1);  // A 29, B 11: A 29, B 11 > A 9.67
}

TEST_CASE("compare on the shared real elections reports every district matched") {
  struct Election {
    std::string file;
    std::vector<std::string> rule;
    std::string summary;
  };
  const std::vector<Election> elections = {
      {"norway_2021_storting_district_seats.csv",
       {"--first-divisor", "1.4"},
       "districts matched: 19/19, seats differing: 0"},
      {"poland_2023_sejm.csv",
       {"--method", "dhondt", "--threshold", "5%", "--threshold-scope", "national"},
       "districts matched: 41/41, seats differing: 0"},
      {"portugal_2025_local_camara.csv",
       {"--method", "dhondt", "--ties", "fewer-votes"},
       "districts matched: 308/308, seats differing: 0"},
      {"us_2020_house_apportionment.csv",
       {"--method", "huntington-hill"},
       "districts matched: 1/1, seats differing: 0"},
  };
  for (const Election& e : elections) {
    const fs::path file = shared_data(e.file);
    if (file.empty()) return;
    std::vector<std::string> args = {"compare", file.string(), "--format", "csv"};
    args.insert(args.end(), e.rule.begin(), e.rule.end());
    const RunResult r = run_cli(args);
    INFO(e.file);
    CHECK(r.status == 0);
    CHECK(r.err.find(e.summary) != std::string::npos);
  }
  // And Norway under plain Sainte-Laguë differs, each difference a rule question that 1.4 answers.
  const fs::path norway = shared_data("norway_2021_storting_district_seats.csv");
  if (norway.empty()) return;
  const RunResult plain = run_cli({"compare", norway.string(), "--format", "json"});
  CHECK(plain.status == 1);
  const seatsim::Json json = seatsim::Json::parse(plain.out);
  for (const auto& d : json["districts"])
    if (d["match"] == "differs")
      CHECK(d["explanation"].get<std::string>().find("a rule question") != std::string::npos);
  const RunResult fit = run_cli({"fit", norway.string(), "--format", "table"});
  CHECK(fit.status == 0);
  CHECK(fit.out.find("districts no first divisor explains: none") != std::string::npos);
}
