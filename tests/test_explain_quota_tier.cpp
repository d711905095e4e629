// `seatsim explain` on a quota tier (issue 22): each district's quota and whole quotas, each list's
// remainder passed up, the national tier and where its seats went, on the Czech Chamber 2021
// (scenarios/czechia-2021), with the numbers checked by hand in the comments.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

std::map<std::string, std::string> list_row(const std::vector<std::map<std::string, std::string>>& rows,
                                            const std::string& district, const std::string& party) {
  for (const auto& r : rows)
    if (r.at("district") == district && r.at("party") == party) return r;
  FAIL("no row for " << party << " in " << district);
  return {};
}

}  // namespace

TEST_SUITE("explain quota tier") {
  TEST_CASE("czechia 2021: quotas, whole quotas, remainders passed up, the one national seat") {
    const std::string data = (source_dir() / "scenarios" / "czechia-2021").string();
    const RunResult r = run_cli({"explain", data, "--format", "csv"});
    REQUIRE(r.status == 0);
    const auto rows = csv_records(r.out);
    // Praha, 23 seats: the passing lists' votes 251090 + 142100 + 109588 + 28859 = 531637, divided by
    // 23 + 2 = 21265.48, rounded: 21265 (§ 50). SPOLU 251090 = 11 × 21265 + 17175.
    const auto praha = list_row(rows, "Hlavní město Praha", "SPOLU");
    CHECK(praha.at("quota") == "21265");
    CHECK(praha.at("quota_seats") == "11");
    CHECK(praha.at("remainder") == "17175");
    // A list below the threshold passes nothing up.
    CHECK(list_row(rows, "Hlavní město Praha", "ČSSD").at("remainder").empty());
    // The regions leave one seat (Středočeský kraj: 26 seats, 25 whole quotas); SPOLU's unused votes win
    // it nationally and it is placed where they are largest: Středočeský, 203091 − 9 × 20422 = 19293.
    std::int64_t quota_seats = 0, upper_seats = 0;
    for (const auto& record : rows) {
      quota_seats += std::stoll(record.at("quota_seats"));
      upper_seats += std::stoll(record.at("upper_seats"));
    }
    CHECK(quota_seats == 199);
    CHECK(upper_seats == 1);
    const auto placed = list_row(rows, "Středočeský kraj", "SPOLU");
    CHECK(placed.at("upper_seats") == "1");
    CHECK(placed.at("remainder") == "19293");
    CHECK(placed.at("seats") == "10");

    const RunResult json = run_cli({"explain", data, "--format", "json"});
    REQUIRE(json.status == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["upper_total"] == 1);
    CHECK(j["quota_exact"]["Hlavní město Praha"] == "21265");
    bool spolu = false;
    for (const Json& party : j["national"])
      if (party["party"] == "SPOLU") {
        spolu = true;
        CHECK(party["quota_seats"] == 70);
        CHECK(party["upper_seats"] == 1);
        CHECK(party["seats"] == 71);
      }
    CHECK(spolu);
    for (const Json& district : j["districts"])
      if (district["district"] == "Středočeský kraj") CHECK(district["left_over"] == 1);

    const RunResult table = run_cli({"explain", data, "--format", "table", "--district", "Hlavní město Praha"});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Quota tier: each district's quota") != std::string::npos);
    CHECK(table.out.find("National tier (seats left over by the districts: 1)") != std::string::npos);
    CHECK(table.out.find("national seats placed (Hlavní město Praha)") != std::string::npos);
  }

  TEST_CASE("austria, the worked example of test_quota_tier.cpp: quotas raised, all votes nationally") {
    // Land A: 9300 votes / 10 seats = 930: 9 whole quotas, 1 seat left. Land B: 4600 / 6 = 766.67, raised
    // to 767: P 1500 = 1 x 767 + 733, Q 2500 = 3 x 767 + 199; 4 seats, 2 left. Land C: 2650 / 4 = 662.5 ->
    // 663: 2 seats, 2 left. Nationally D'Hondt on all votes (P 6500, Q 6100, R 3400; S 550 = 3.3%, no seat:
    // out) gives P 8, Q 8, R 4, less the seats below (6, 6, 3): P 2, Q 2, R 1 national seats; P's are
    // placed in B (733) and C (337).
    TempDir tmp;
    tmp.write("at/election.toml", "name = \"Worked example\"\nsystem = \"austria-national-council\"\n");
    tmp.write("at/districts.csv", "district,seats,reserved\nA,10,0\nB,6,0\nC,4,0\n");
    tmp.write("at/results.csv",
              "district,party,votes\nA,P,4000\nA,Q,3000\nA,R,2000\nA,S,300\nB,P,1500\nB,Q,2500\nB,R,500\nB,S,100\n"
              "C,P,1000\nC,Q,600\nC,R,900\nC,S,150\n");
    const std::string data = (tmp.path / "at").string();
    const RunResult r = run_cli({"explain", data, "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto rows = csv_records(r.out);
    const auto bp = list_row(rows, "B", "P");
    CHECK(bp.at("quota") == "767");
    CHECK(bp.at("quota_seats") == "1");
    CHECK(bp.at("remainder") == "733");
    CHECK(bp.at("upper_seats") == "1");
    CHECK(list_row(rows, "B", "Q").at("remainder") == "199");
    CHECK(list_row(rows, "C", "P").at("upper_seats") == "1");
    const Json j = Json::parse(run_cli({"explain", data, "--format", "json"}).out);
    CHECK(j["upper_total"] == 5);
    std::vector<std::int64_t> left_over;
    for (const Json& district : j["districts"]) left_over.push_back(district["left_over"].get<std::int64_t>());
    CHECK(left_over == std::vector<std::int64_t>{1, 2, 2});
    for (const Json& party : j["national"]) {
      CAPTURE(party.dump());
      if (party["party"] == "P") {
        CHECK(party["upper_votes"] == 6500);
        CHECK(party["quota_seats"] == 6);
        CHECK(party["upper_seats"] == 2);
      }
      if (party["party"] == "S") CHECK(party["status"] == "below_threshold");
    }
  }

  TEST_CASE("explain refuses a rule with neither a leveling tier nor a quota tier") {
    TempDir tmp;
    const fs::path votes = tmp.write("v.csv", "district,party,votes\nN,A,100\nN,B,50\n");
    const RunResult r = run_cli({"explain", votes.string(), "--seats", "3"});
    CHECK(r.status == 2);
    CHECK(r.err.find("no leveling tier, no quota tier and no list alliances") != std::string::npos);
  }
}

}  // namespace seatsim::test
