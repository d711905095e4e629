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

  TEST_CASE("explain refuses a rule with neither a leveling tier nor a quota tier") {
    TempDir tmp;
    const fs::path votes = tmp.write("v.csv", "district,party,votes\nN,A,100\nN,B,50\n");
    const RunResult r = run_cli({"explain", votes.string(), "--seats", "3"});
    CHECK(r.status == 2);
    CHECK(r.err.find("no leveling tier and no quota tier") != std::string::npos);
  }
}

}  // namespace seatsim::test
