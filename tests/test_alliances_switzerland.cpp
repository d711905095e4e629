// Swiss list apparentments on a published canton (issue 21): the National Council election of 2019 in
// Basel-Landschaft (7 seats, three apparentments with sub-apparentments), imported by
// scripts/import_onegov_proporz.py from OneGov/onegov-cloud's copy of the canton's final result; and
// `explain` for alliance systems (the group level and the split inside each group).
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

const fs::path basel_landschaft = source_dir() / "scenarios" / "switzerland-2019-basel-landschaft";

using Records = std::vector<std::map<std::string, std::string>>;

std::map<std::string, std::string> seats_by_party(const std::string& csv) {
  std::map<std::string, std::string> seats;
  for (const auto& record : csv_records(csv)) seats[record.at("party")] = record.at("seats");
  return seats;
}

// The explain row of `competitor` under `within` ("" for the district's level).
std::map<std::string, std::string> explain_row(const Records& rows, const std::string& within,
                                               const std::string& competitor) {
  for (const auto& record : rows)
    if (record.at("within") == within && record.at("competitor") == competitor) return record;
  FAIL("no explain row for " << competitor << " within '" << within << "'");
  return {};
}

}  // namespace

TEST_SUITE("alliances: Switzerland") {
  TEST_CASE("Basel-Landschaft 2019: compare matches every list's published seats") {
    const RunResult run =
        run_cli({"compare", basel_landschaft.string(), "--system", "switzerland-national-council", "--format", "csv"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(run.err.find("districts matched: 1/1, seats differing: 0") != std::string::npos);
    const Records rows = csv_records(run.out);
    CHECK(rows.size() == 20);
    std::int64_t seats = 0;
    for (const auto& record : rows) {
      CAPTURE(record.at("party"));
      CHECK(record.at("seats") == record.at("published_seats"));
      seats += std::stoll(record.at("seats"));
    }
    CHECK(seats == 7);
    const auto won = seats_by_party(run.out);
    CHECK(won.at("Schweizerische Volkspartei Baselland") == "2");
    CHECK(won.at("Christlichdemokratische Volkspartei") == "1");
    // The data set names its system: compare without --system gives the same.
    CHECK(run_cli({"compare", basel_landschaft.string(), "--format", "csv"}).status == 0);
  }

  TEST_CASE("Basel-Landschaft 2019: the apparentments decide a seat") {
    // Without them, D'Hondt over the lists: SVP 131564, SP 113689, FDP 88885, Greens 87578, SVP 65782, SP 56844,
    // FDP 44442 (> SVP 43855 > Greens 43789 > CVP 37974): FDP takes the seat the CVP won in apparentment 3.
    TempDir tmp;
    const fs::path none = tmp.write("none.csv", "district,alliance,party\n");
    const RunResult run = run_cli({"allocate", (basel_landschaft / "results.csv").string(), "--seats", "7", "--system",
                                   "switzerland-national-council", "--alliances", none.string(), "--format", "csv"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto won = seats_by_party(run.out);
    CHECK(won.at("FDP.Die Liberalen Baselland") == "2");
    CHECK(won.at("Christlichdemokratische Volkspartei") == "0");
  }

  TEST_CASE("the Basel-Landschaft import reproduces this folder") {
    TempDir tmp;
    const std::string command = "python3 " + quote((source_dir() / "scripts" / "import_onegov_proporz.py").string()) +
                                " " + quote((basel_landschaft / "source" / "internal_proporz.tar.gz").string()) +
                                " --member nationalratswahlen-2019.csv --district Basel-Landschaft -o " +
                                quote(tmp.path.string()) + " >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* name : {"results.csv", "alliances.csv"}) {
      CAPTURE(name);
      CHECK(read_text_file((tmp.path / name).string()) == read_text_file((basel_landschaft / name).string()));
    }
  }

  TEST_CASE("explain shows the group level and the split inside each apparentment and sub-apparentment") {
    const RunResult run = run_cli({"explain", basel_landschaft.string(), "--format", "csv"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(run.out.rfind("district,level,within,competitor,kind,votes,seats,status\n", 0) == 0);
    const Records rows = csv_records(run.out);
    // Level 1: three apparentments and one list alone; 227896 + 217635 + 100777 + 634 votes; D'Hondt gives
    // 227896, 217635, 113948, 108817, 100777, 75965, 72545: 3, 3, 1.
    const auto first = explain_row(rows, "", "Listenverbindung 1");
    CHECK(first.at("level") == "1");
    CHECK(first.at("kind") == "alliance");
    CHECK(first.at("votes") == "227896");
    CHECK(first.at("seats") == "3");
    CHECK(explain_row(rows, "", "Listenverbindung 2").at("seats") == "3");
    const auto third = explain_row(rows, "", "Listenverbindung 3");
    CHECK(third.at("votes") == "100777");
    CHECK(third.at("seats") == "1");
    CHECK(explain_row(rows, "", "Christ-und-Politik.CH").at("kind") == "list");
    // Level 2 inside apparentment 3: the CVP's sub-apparentment (37974 + 4341 + 4111) takes its one seat; BDP is
    // a direct member.
    const auto cvp = explain_row(rows, "Listenverbindung 3", "Unterlistenverbindung 32");
    CHECK(cvp.at("level") == "2");
    CHECK(cvp.at("kind") == "sub_alliance");
    CHECK(cvp.at("votes") == "46426");
    CHECK(cvp.at("seats") == "1");
    CHECK(explain_row(rows, "Listenverbindung 3", "Bürgerlich-Demokratische Partei").at("seats") == "0");
    // Level 3: inside the sub-apparentment, its main list.
    const auto list =
        explain_row(rows, "Listenverbindung 3/Unterlistenverbindung 32", "Christlichdemokratische Volkspartei");
    CHECK(list.at("level") == "3");
    CHECK(list.at("seats") == "1");
    CHECK(rows.size() == 3 + 7 + 20);  // 3 apparentments, 7 sub-apparentments, 20 lists: each once
    // Every level shares exactly the seats of the level above.
    std::int64_t top = 0;
    for (const auto& record : rows)
      if (record.at("level") == "1") top += std::stoll(record.at("seats"));
    CHECK(top == 7);
  }

  TEST_CASE(
      "explain of alliances: JSON nests the members, --district filters, the table renders, a bad district is "
      "refused") {
    const RunResult json = run_cli({"explain", basel_landschaft.string(), "--format", "json"});
    REQUIRE_MESSAGE(json.status == 0, json.err);
    const seatsim::Json parsed = seatsim::Json::parse(json.out);
    CHECK(parsed["meta"]["command"] == "explain");
    const seatsim::Json& district = parsed["districts"][0];
    CHECK(district["district"] == "Basel-Landschaft");
    CHECK(district["seats"] == 7);
    const seatsim::Json& second = district["groups"][1];
    CHECK(second["name"] == "Listenverbindung 2");
    CHECK(second["seats"] == 3);
    CHECK(second["members"][0]["name"] == "Unterlistenverbindung 21");
    CHECK(second["members"][0]["seats"] == 2);
    CHECK(second["members"][0]["members"][0]["name"] == "Sozialdemokratische Partei und Gewerkschaften");
    CHECK(parsed["rows"].size() == 30);
    const RunResult table = run_cli({"explain", basel_landschaft.string(), "--format", "table"});
    CHECK(table.status == 0);
    CHECK(table.out.find("Unterlistenverbindung 33") != std::string::npos);
    const RunResult filtered =
        run_cli({"explain", basel_landschaft.string(), "--district", "Basel-Landschaft", "--format", "csv"});
    CHECK(csv_records(filtered.out).size() == 30);
    const RunResult bad = run_cli({"explain", basel_landschaft.string(), "--district", "Basel", "--format", "csv"});
    CHECK(bad.status == 2);
  }

  TEST_CASE("explain of alliances marks lists below the threshold and groups that failed as a whole") {
    TempDir tmp;
    const fs::path votes = tmp.write("votes.csv", "district,party,votes\nX,A,600\nX,B,20\nX,C,300\nX,D,80\n");
    const fs::path alliances = tmp.write("alliances.csv", "district,alliance,party\nX,AB,A\nX,AB,B\nX,CD,C\nX,CD,D\n");
    // Threshold 5% on lists: B (2%) drops out of AB and counts nothing; D (8%) stays in CD.
    const RunResult lists = run_cli({"explain", votes.string(), "--seats", "10", "--method", "dhondt", "--threshold",
                                     "5%", "--alliances", alliances.string(), "--format", "csv"});
    REQUIRE_MESSAGE(lists.status == 0, lists.err);
    const Records rows = csv_records(lists.out);
    CHECK(explain_row(rows, "AB", "B").at("status") == "below_threshold");
    CHECK(explain_row(rows, "", "AB").at("votes") == "600");
    CHECK(explain_row(rows, "", "CD").at("votes") == "380");
    CHECK(explain_row(rows, "", "AB").at("seats") == "6");  // 600, 380, 300, 200, 190, 150, 126.7, 120, 100, 95
    CHECK(explain_row(rows, "", "CD").at("seats") == "4");
    // Threshold 40% on groups: CD (38%) fails as a whole.
    const RunResult groups =
        run_cli({"explain", votes.string(), "--seats", "10", "--method", "dhondt", "--threshold", "40%",
                 "--alliance-threshold", "groups", "--alliances", alliances.string(), "--format", "csv"});
    REQUIRE_MESSAGE(groups.status == 0, groups.err);
    const Records group_rows = csv_records(groups.out);
    CHECK(explain_row(group_rows, "", "CD").at("status") == "below_threshold");
    CHECK(explain_row(group_rows, "", "CD").at("seats") == "0");
    CHECK(explain_row(group_rows, "", "AB").at("seats") == "10");
  }

  TEST_CASE("margins with apparentments never rest on a lot between groups") {
    // FDP + 47192 votes: its sub-apparentment (90352 + 47192) ties the SVP's (137544) for apparentment 1's third
    // seat, which only a lot decides: the margin is one vote more, and the lot beside it.
    const RunResult run = run_cli({"margins", basel_landschaft.string(), "--format", "csv"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    std::map<std::string, std::string> fdp;
    for (const auto& record : csv_records(run.out))
      if (record.at("party") == "FDP.Die Liberalen Baselland") fdp = record;
    CHECK(fdp.at("votes_to_gain") == "47193");
    CHECK(fdp.at("gain_at_lot") == "47192");
    TempDir tmp;
    const auto with_fdp = [&](long long votes, std::vector<std::string> extra) {
      std::string text = read_text_file((basel_landschaft / "results.csv").string());
      const std::string from = "FDP.Die Liberalen Baselland,88885,";
      text.replace(text.find(from), from.size(), "FDP.Die Liberalen Baselland," + std::to_string(votes) + ",");
      std::vector<std::string> args = {
          "allocate",    tmp.write("votes.csv", text).string(),         "--system", "switzerland-national-council",
          "--alliances", (basel_landschaft / "alliances.csv").string(), "--format", "csv"};
      args.insert(args.end(), extra.begin(), extra.end());
      return run_cli(args);
    };
    for (const char* seed : {"0", "1", "2", "3"}) {
      const RunResult won = with_fdp(88885 + 47193, {"--seed", seed});
      REQUIRE_MESSAGE(won.status == 0, won.err);
      CHECK(seats_by_party(won.out).at("FDP.Die Liberalen Baselland") == "2");
    }
    const RunResult tie = with_fdp(88885 + 47192, {"--ties", "error"});
    CHECK(tie.status == 2);
    CHECK(tie.err.find("tie") != std::string::npos);
  }

  TEST_CASE("margins measure a threshold on groups as allocate does") {
    // 40% on groups: CD (300 + 80 of 1000) fails. C needs (380 + x) / (1000 + x) >= 40%: x = 34 (413/1033 is
    // short), and CD's 414 then take 4 of 10 seats, all C's. On its own C would need 167 votes more.
    TempDir tmp;
    const fs::path votes = tmp.write("votes.csv", "district,party,votes\nX,A,600\nX,B,20\nX,C,300\nX,D,80\n");
    const fs::path alliances = tmp.write("alliances.csv", "district,alliance,party\nX,AB,A\nX,AB,B\nX,CD,C\nX,CD,D\n");
    const RunResult run =
        run_cli({"margins", votes.string(), "--seats", "10", "--method", "dhondt", "--threshold", "40%",
                 "--alliance-threshold", "groups", "--alliances", alliances.string(), "--format", "csv"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    std::map<std::string, std::map<std::string, std::string>> by_party;
    for (const auto& record : csv_records(run.out)) by_party[record.at("party")] = record;
    CHECK(by_party.at("C").at("votes_to_gain") == "34");
    CHECK(by_party.at("D").at("votes_to_gain") == "34");
    // A at 550: CD's 380 of 950 reach 40% and take seats from it; at 551 they do not.
    CHECK(by_party.at("A").at("votes_to_lose") == "49");
  }

  TEST_CASE("margins under --ties error: a tie between groups is no win for the list's group") {
    // 2 seats, D'Hondt. G = A 10 + C t against Bx 100: G takes the second seat when 10 + t > 50 (at 50 it ties Bx's
    // 100/2), and C's t then beats A's 10 inside G. C needs t = 41: 40 votes more, not 39 (the tie).
    TempDir tmp;
    const fs::path votes = tmp.write("votes.csv", "district,party,votes\nX,A,10\nX,Bx,100\nX,C,1\n");
    const fs::path alliances = tmp.write("alliances.csv", "district,alliance,party\nX,G,A\nX,G,C\n");
    const RunResult run = run_cli({"margins", votes.string(), "--seats", "2", "--method", "dhondt", "--alliances",
                                   alliances.string(), "--ties", "error", "--format", "csv"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    std::map<std::string, std::map<std::string, std::string>> by_party;
    for (const auto& record : csv_records(run.out)) by_party[record.at("party")] = record;
    CHECK(by_party.at("C").at("votes_to_gain") == "40");
    CHECK(by_party.at("A").at("votes_to_gain") == "40");
    CHECK(by_party.at("Bx").at("votes_to_lose") == "77");  // at 22 its 11 ties G's 11 for the second seat
  }

  TEST_CASE("margins with a quota method inside alliances say they are not proven the smallest") {
    const RunResult divisor = run_cli({"margins", basel_landschaft.string(), "--format", "csv"});
    CHECK(divisor.err.find("not proven the smallest") == std::string::npos);
    const RunResult quota =
        run_cli({"margins", basel_landschaft.string(), "--alliance-method", "hare", "--format", "csv"});
    REQUIRE_MESSAGE(quota.status == 0, quota.err);
    CHECK(quota.err.find("margins under list alliances with a quota method") != std::string::npos);
  }
}
