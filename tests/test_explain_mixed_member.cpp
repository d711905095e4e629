// `seatsim explain` on mixed-member systems (issue 20, capability 2): New Zealand 2014 (the 121-seat
// House, United Future's overhang), the Bundestag 2025 per Land (the 23 constituency winners without
// second-vote coverage) and a Scottish region built here and checked by hand in the comments.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

using Records = std::vector<std::map<std::string, std::string>>;

std::map<std::string, std::string> party_row(const Records& rows, const std::string& party) {
  for (const auto& r : rows)
    if (r.at("party") == party) return r;
  FAIL("no row for " << party);
  return {};
}

// The rows of one step (list seat) of the award table, in order.
Records step_rows(const Records& rows, const std::string& step) {
  Records out;
  for (const auto& r : rows)
    if (r.at("step") == step) out.push_back(r);
  return out;
}

}  // namespace

TEST_SUITE("explain mixed member") {
  TEST_CASE("New Zealand 2014: who takes part and why, 120 apportioned, United Future's overhang, 121 seats") {
    const std::string data = (source_dir() / "scenarios" / "new-zealand-2014").string();
    const RunResult r = run_cli({"explain", data, "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    // National: 41 electorates against a share of 60 of the 120 (published: 60 seats, 19 from the list).
    const auto national = party_row(rows, "National Party");
    CHECK(national.at("status") == "takes_part (threshold and constituency route)");
    CHECK(national.at("constituency_wins") == "41");
    CHECK(national.at("entitlement") == "60");
    CHECK(national.at("list_seats") == "19");
    // United Future (0.22%) takes part through Ohariu; its share is 0 seats, it keeps the electorate.
    const auto united = party_row(rows, "United Future");
    CHECK(united.at("status") == "takes_part (constituency route: 1 wins)");
    CHECK(united.at("entitlement") == "0");
    CHECK(united.at("overhang") == "1");
    CHECK(united.at("seats") == "1");
    // The Conservatives, 3.97% and no electorate, are out.
    CHECK(party_row(rows, "Conservative").at("status") == "below_threshold");
    CHECK(party_row(rows, "Conservative").at("entitlement").empty());

    const RunResult json = run_cli({"explain", data, "--format", "json"});
    REQUIRE(json.status == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["house"] == 121);
    CHECK(j["apportioned"] == 120);
    CHECK(j["taken_off_first"] == 0);
    CHECK(j["route"] == 1);
    CHECK(j["steps"].empty());

    const RunResult table = run_cli({"explain", data, "--system", "new-zealand-house", "--format", "table"});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("House: 121 seats") != std::string::npos);
    CHECK(table.out.find("overhang 1 (kept, the House grows)") != std::string::npos);
  }

  TEST_CASE("Bundestag 2025 per Land: the 23 constituency winners without second-vote coverage") {
    const std::string data = (source_dir() / "scenarios" / "germany-2025-laender").string();
    const RunResult r = run_cli({"explain", data, "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    std::size_t unseated = 0;
    for (const auto& record : rows)
      if (record.at("reason").rfind("unseated", 0) == 0) ++unseated;
    CHECK(unseated == 23);  // officially: CDU 15, AfD 4, CSU 3, SPD 1
    // Bremen: the SPD won both constituencies but its Land list has one seat; Bremen II – Bremerhaven has the
    // higher first-vote share (0.302716 against 0.251974), so the winner of Bremen I is not seated.
    const RunResult bremen = run_cli({"explain", data, "--district", "Bremen", "--format", "csv"});
    REQUIRE(bremen.status == 0);
    const Records b = csv_records(bremen.out);
    REQUIRE(b.size() == 2);
    CHECK(b[0].at("district") == "055 Bremen II – Bremerhaven");
    CHECK(b[0].at("reason").rfind("seated: covered", 0) == 0);
    CHECK(b[1].at("district") == "054 Bremen I");
    CHECK(b[1].at("party") == "SPD");
    CHECK(b[1].at("comparison") == "0.251974");
    CHECK(b[1].at("reason") == "unseated: no second-vote coverage (rank 2 of 2 winners, 1 Land list seats in Bremen)");

    const RunResult json = run_cli({"explain", data, "--format", "json"});
    REQUIRE(json.status == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["house"] == 630);
    CHECK(j["unseated"].size() == 23);
    for (const Json& party : j["national"]) {
      if (party["party"] == "CDU") CHECK(party["unseated"] == 15);
      if (party["party"] == "CSU") CHECK(party["unseated"] == 3);
      if (party["party"] == "AfD") CHECK(party["unseated"] == 4);
      // The SSW (0.15%) takes part as the party of a national minority, exempt from the threshold.
      if (party["party"] == "SSW") CHECK(party["status"] == "takes_part (exempt from the threshold)");
      if (party["party"] == "FDP") CHECK(party["status"] == "below_threshold");
    }
    for (const Json& land : j["districts"])
      if (land["district"] == "Bremen" && land["party"] == "SPD") {
        CHECK(land["entitlement"] == 1);
        CHECK(land["constituency_wins"] == 2);
        CHECK(land["constituency_seats"] == 1);
        CHECK(land["list_seats"] == 0);
      }
  }

  TEST_CASE("Scotland, worked example: the award table of a region's list seats") {
    // Region R: 3 constituencies (all A) + 7 list seats; D'Hondt, A's divisor starting at 1 + 3 = 4.
    // Seat 1: B 20000/1 (A 30000/4 = 7500, C 12600, D 5000 passed over); 2: C 12600/1; 3: B 20000/2 = 10000;
    // 4: A 7500; 5: B 20000/3 = 6666.666667; 6: C 12600/2 = 6300; 7: A 30000/5 = 6000 (B 5000, C 4200,
    // D 5000 passed over). A 3 + 2 = 5, B 3, C 2, D 0.
    TempDir tmp;
    tmp.write("sc/election.toml", "name = \"example\"\nsystem = \"scotland-parliament\"\n");
    tmp.write("sc/results.csv", "district,party,votes\nR,A,30000\nR,B,20000\nR,C,12600\nR,D,5000\n");
    tmp.write("sc/districts.csv", "district,seats\nR,10\n");
    tmp.write("sc/constituencies.csv", "constituency,region,winner\nK1,R,A\nK2,R,A\nK3,R,A\n");
    const std::string data = (tmp.path / "sc").string();
    const RunResult r = run_cli({"explain", data, "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    const Records start = step_rows(rows, "0");
    REQUIRE(start.size() == 1);
    CHECK(start[0].at("party") == "A");
    CHECK(start[0].at("divisor") == "4");
    CHECK(start[0].at("reason") == "starts with 3 constituency seat(s)");
    const std::vector<std::pair<std::string, std::string>> awarded = {
        {"B", "20000"},       {"C", "12600"}, {"B", "10000"}, {"A", "7500"},
        {"B", "6666.666667"}, {"C", "6300"},  {"A", "6000"}};
    for (std::size_t seat = 0; seat < awarded.size(); ++seat) {
      const Records step = step_rows(rows, std::to_string(seat + 1));
      REQUIRE(step.size() == 4);  // three passed over, then the seat
      CHECK(step.back().at("reason") == "awarded");
      CHECK(step.back().at("party") == awarded[seat].first);
      CHECK(step.back().at("comparison") == awarded[seat].second);
      CHECK(step.front().at("reason") == "lower comparison");
    }
    const Records last = step_rows(rows, "7");
    CHECK(party_row(last, "D").at("comparison") == "5000");
    CHECK(party_row(last, "B").at("divisor") == "4");

    const RunResult json = run_cli({"explain", data, "--format", "json"});
    REQUIRE(json.status == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["house"] == 10);
    CHECK(j["apportioned"] == 7);
    bool fifth = false;
    for (const Json& step : j["steps"])
      if (step["step"] == 5 && step["reason"] == "awarded") {
        fifth = true;
        CHECK(step["comparison_exact"] == "20000/3");
        CHECK(step["divisor"] == "3");
      }
    CHECK(fifth);
    for (const Json& region : j["districts"])
      if (region["party"] == "A") {
        CHECK(region["constituency_seats"] == 3);
        CHECK(region["list_seats"] == 2);
        CHECK(region["seats"] == 5);
      }

    const RunResult table = run_cli({"explain", data, "--format", "table"});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Award table: each region's list seats in the order they were placed") != std::string::npos);
    // The HTML report carries the same tables.
    const fs::path html = tmp.path / "report.html";
    REQUIRE(run_cli({"report", data, "-o", html.string()}).status == 0);
    const std::string page = read_text_file(html.string());
    CHECK(page.find("Mixed member: each region&apos;s list seats in award order") != std::string::npos);
  }
}

}  // namespace seatsim::test
