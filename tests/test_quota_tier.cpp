// The quota tier (seatsim/kernel/quota_tier.hpp): whole quotas in the districts, the excess withdrawn, the
// remainders passed up to a national tier; the Czech Chamber 2021 reproduced from its imported data
// set, and Austria's National Council on a worked example checked by hand below.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::Json;
using seatsim::read_text_file;

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

const fs::path czechia() { return source_dir() / "scenarios" / "czechia-2021"; }

// Seats per party over all districts, from `allocate --format csv`.
std::map<std::string, std::int64_t> party_totals(const Records& rows) {
  std::map<std::string, std::int64_t> totals;
  for (const auto& r : rows) totals[r.at("party")] += std::stoll(r.at("seats"));
  return totals;
}

// One list's row of `allocate --format csv`.
std::map<std::string, std::string> list_row(const Records& rows, const std::string& district,
                                            const std::string& party) {
  for (const auto& r : rows)
    if (r.at("district") == district && r.at("party") == party) return r;
  FAIL("no row for " << party << " in " << district);
  return {};
}

// Austria, worked example: three Länder (10, 6 and 4 seats), four parties.
fs::path austria_example(const TempDir& tmp) {
  tmp.write("at/election.toml", "name = \"Worked example\"\nsystem = \"austria-national-council\"\n");
  tmp.write("at/districts.csv", "district,seats,reserved\nA,10,0\nB,6,0\nC,4,0\n");
  tmp.write("at/results.csv",
            "district,party,votes\nA,P,4000\nA,Q,3000\nA,R,2000\nA,S,300\nB,P,1500\nB,Q,2500\nB,R,500\nB,S,100\n"
            "C,P,1000\nC,Q,600\nC,R,900\nC,S,150\n");
  return tmp.path / "at";
}

}  // namespace

TEST_SUITE("quota tier") {
  TEST_CASE("whole Imperiali quotas beyond the seats are withdrawn from the smallest remainder") {
    // 990 votes, 5 seats: Q = 990/7. A 400 = 2Q + 117 1/7, B 300 = 2Q + 17 1/7, C 290 = 2Q + 7 1/7: six whole
    // quotas for five seats; C has the smallest remainder and gives one back. Nothing is left to pass up.
    const std::string votes = "district,party,votes\nD,A,400\nD,B,300\nD,C,290\n";
    const RunResult r =
        run_cli({"allocate", "-", "--seats", "5", "--quota-tier", "imperiali", "--format", "json"}, votes);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Json json = Json::parse(r.out);
    CHECK(json["quota_tier"]["districts"][0]["quota"] == "990/7");
    CHECK(json["quota_tier"]["districts"][0]["excess_withdrawn"] == 1);
    CHECK(json["quota_tier"]["upper_total"] == 0);
    CHECK(r.err.find("D: whole quotas exceed the seats by 1") != std::string::npos);
    const Records rows = csv_records(
        run_cli({"allocate", "-", "--seats", "5", "--quota-tier", "imperiali", "--format", "csv"}, votes).out);
    CHECK(list_row(rows, "D", "A").at("seats") == "2");
    CHECK(list_row(rows, "D", "B").at("seats") == "2");
    CHECK(list_row(rows, "D", "C").at("seats") == "1");
  }

  TEST_CASE("the remainders pass up: Hare quotas rounded to the nearest whole number, unused votes nationally") {
    // North 5 seats, 1000 votes: Q = 200. A 530 = 2Q + 130, B 470 = 2Q + 70: one seat left.
    // South 3 seats, 1000 votes: Q = 333 (333 1/3 rounded). A 300 = 0Q + 300, B 700 = 2Q + 34: one seat left.
    // Unused votes nationally A 430, B 104; the 2 seats by Hare: quota 267, A 1 (rem 163), B 0 (rem 104), the
    // last seat to A's larger remainder: A 2. A's unused votes are largest in South (300), then North (130).
    TempDir tmp;
    const fs::path seats = tmp.write("seats.csv", "district,seats\nNorth,5\nSouth,3\n");
    const std::string votes = "district,party,votes\nNorth,A,530\nNorth,B,470\nSouth,A,300\nSouth,B,700\n";
    const RunResult r = run_cli({"allocate", "-", "--seats-file", seats.string(), "--quota-tier", "hare",
                                 "--quota-tier-rounding", "nearest", "--format", "csv"},
                                votes);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    CHECK(list_row(rows, "North", "A").at("district_seats") == "2");
    CHECK(list_row(rows, "North", "A").at("leveling_seats") == "1");
    CHECK(list_row(rows, "North", "B").at("seats") == "2");
    CHECK(list_row(rows, "South", "A").at("district_seats") == "0");
    CHECK(list_row(rows, "South", "A").at("leveling_seats") == "1");
    CHECK(list_row(rows, "South", "B").at("seats") == "2");
  }

  TEST_CASE("a quota tier key without quota-tier, or an exact quota passing fractions up, is refused") {
    const std::string votes = "district,party,votes\nD,A,400\nD,B,300\nD,C,290\n";
    const RunResult stray = run_cli({"allocate", "-", "--seats", "5", "--remainder-method", "dhondt"}, votes);
    CHECK(stray.status == 2);
    CHECK(stray.err.find("remainder-method: applies only with quota-tier") != std::string::npos);
    const RunResult fraction = run_cli({"allocate", "-", "--seats", "7", "--quota-tier", "hare"}, votes);
    CHECK(fraction.status == 2);
    CHECK(fraction.err.find("quota-tier-rounding") != std::string::npos);
  }

  TEST_CASE("Czech Chamber 2021: every party and Praha as published, the regions' seats from the votes cast") {
    const RunResult r = run_cli({"allocate", czechia().string(), "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    const std::map<std::string, std::int64_t> totals = party_totals(rows);
    // The published seats of every party, as the data set cites them (national.csv).
    const Records national = csv_records(read_text_file((czechia() / "national.csv").string()));
    REQUIRE(national.size() == 22);
    for (const auto& party : national) {
      CAPTURE(party.at("party"));
      CHECK(totals.at(party.at("party")) == std::stoll(party.at("published_seats")));
    }
    CHECK(totals.at("ANO") == 72);
    CHECK(totals.at("SPOLU") == 71);
    CHECK(totals.at("Piráti+STAN") == 37);
    CHECK(totals.at("SPD") == 20);
    // Three regions hand out one whole quota too many (§ 50's correction); one seat goes up to the nation.
    CHECK(r.err.find("Pardubický kraj: whole quotas exceed the seats by 1") != std::string::npos);
    CHECK(r.err.find("Kraj Vysočina: whole quotas exceed the seats by 1") != std::string::npos);
    CHECK(r.err.find("Olomoucký kraj: whole quotas exceed the seats by 1") != std::string::npos);
    const Json json = Json::parse(run_cli({"allocate", czechia().string(), "--format", "json"}).out);
    CHECK(json["quota_tier"]["upper_total"] == 1);
    // The regions' seats the rule computes from the votes equal those the importer computed.
    const Records districts = csv_records(read_text_file((czechia() / "districts.csv").string()));
    REQUIRE(json["quota_tier"]["districts"].size() == districts.size());
    for (std::size_t d = 0; d < districts.size(); ++d)
      CHECK(json["quota_tier"]["districts"][d]["seats"] == std::stoll(districts[d].at("seats")));
  }

  TEST_CASE("Czech Chamber 2021: compare matches Praha, the one region published, with no seat differing") {
    const RunResult r = run_cli({"compare", czechia().string(), "--format", "csv"});
    CHECK(r.status == 1);  // 13 regions have no published seats to compare with
    CHECK(r.err.find("districts matched: 1/14, seats differing: 0") != std::string::npos);
    const Records rows = csv_records(r.out);
    for (const char* party : {"SPOLU", "Piráti+STAN", "ANO", "SPD"}) {
      CAPTURE(party);
      const auto praha = list_row(rows, "Hlavní město Praha", party);
      CHECK(praha.at("seats") == praha.at("published_seats"));
    }
  }

  TEST_CASE("the Czech import reproduces this folder") {
    TempDir tmp;
    const fs::path source = czechia() / "source";
    const std::string command = "python3 " + quote((source_dir() / "scripts" / "import_votelib_wide.py").string()) +
                                " " + quote((source / "cz_psp_2021.csv").string()) + " --coalitions " +
                                quote((source / "coalitions.csv").string()) + " --published " +
                                quote((source / "published-seats.csv").string()) +
                                " --house 200 --thresholds 5%,8%,11% -o " + quote(tmp.path.string()) + " >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* name : {"results.csv", "districts.csv", "national.csv", "party-thresholds.csv"}) {
      CAPTURE(name);
      CHECK(read_text_file((tmp.path / name).string()) == read_text_file((czechia() / name).string()));
    }
  }

  TEST_CASE("Czech Chamber 2021: scenario and simulate run on the quota tier") {
    TempDir tmp;
    // ANO loses 2% of its votes to PŘÍSAHA everywhere: PŘÍSAHA (4.68% + 0.54%) crosses 5% and takes seats, ANO
    // loses some. The scenario takes the base data set's system (its `system = ...`), as allocate does.
    const fs::path scenario =
        tmp.write("what-if.toml", "name = \"ANO loses 2%\"\nbase = " + Json(czechia().string()).dump() +
                                      "\n[[op]]\nkind = \"transfer\"\nfrom = \"ANO\"\n"
                                      "to = \"PŘÍSAHA\"\nshare = \"2%\"\n");
    const RunResult s = run_cli({"scenario", scenario.string(), "--format", "csv"});
    REQUIRE_MESSAGE(s.status == 0, s.err);
    const auto ano = row(csv_records(s.out), "national", "", "ANO");
    CHECK(ano.at("base_seats") == "72");
    CHECK(std::stoll(ano.at("seats")) < 72);
    CHECK(std::stoll(row(csv_records(s.out), "national", "", "PŘÍSAHA").at("seats")) > 0);
    const RunResult sim = run_cli({"simulate", czechia().string(), "--draws", "20", "--noise", "dirichlet:200",
                                   "--seed", "1", "--format", "csv"});
    CHECK_MESSAGE(sim.status == 0, sim.err);
    CHECK(sim.out.find("SPOLU") != std::string::npos);
  }

  TEST_CASE("Austria, worked example checked by hand: Land electoral numbers, then D'Hondt nationally") {
    // Land A: 9,300 votes / 10 seats = 930 (whole): P 4000 = 4 x 930 + 280, Q 3000 = 3 x 930 + 210,
    //   R 2000 = 2 x 930 + 140, S 300: 9 seats, 1 left.
    // Land B: 4,600 / 6 = 766.67, raised to 767: P 1500 = 1 x 767 + 733, Q 2500 = 3 x 767 + 199, R 500, S 100:
    //   4 seats, 2 left.
    // Land C: 2,650 / 4 = 662.5, raised to 663: P 1000 = 1 x 663 + 337, Q 600, R 900 = 1 x 663 + 237, S 150:
    //   2 seats, 2 left.
    // Below: P 6, Q 6, R 3, S 0. Nationally P 6500, Q 6100, R 3400, S 550 of 16,550: S has 3.3% and no seat, so
    // it is out. D'Hondt for 20 among P, Q, R: P 8 (8th quotient 812.5), Q 8 (762.5), R 4 (850); the next
    // quotients are P 722.2, R 680, Q 677.8, all below 762.5. National seats: P 8-6 = 2, Q 2, R 1.
    // Placement by unused votes where there is room (A 1, B 2, C 2): P in B (733), Q in C (600), R in B (500),
    // P in C (337), then Q in A (210), A's one free seat.
    TempDir tmp;
    const fs::path data = austria_example(tmp);
    const RunResult r = run_cli({"allocate", data.string(), "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Records rows = csv_records(r.out);
    const std::map<std::string, std::int64_t> totals = party_totals(rows);
    CHECK(totals.at("P") == 8);
    CHECK(totals.at("Q") == 8);
    CHECK(totals.at("R") == 4);
    CHECK(totals.at("S") == 0);
    const std::map<std::string, std::string> expected = {{"A/P", "4"}, {"A/Q", "4"}, {"A/R", "2"},
                                                         {"B/P", "2"}, {"B/Q", "3"}, {"B/R", "1"},
                                                         {"C/P", "2"}, {"C/Q", "1"}, {"C/R", "1"}};
    for (const auto& [key, seats] : expected) {
      const auto& captured_key = key;  // clang 14 cannot capture a structured binding
      CAPTURE(captured_key);
      CHECK(list_row(rows, key.substr(0, 1), key.substr(2)).at("seats") == seats);
    }
    CHECK(list_row(rows, "B", "P").at("district_seats") == "1");
    CHECK(list_row(rows, "B", "P").at("leveling_seats") == "1");
    const Json json = Json::parse(run_cli({"allocate", data.string(), "--format", "json"}).out);
    CHECK(json["quota_tier"]["districts"][0]["quota"] == "930");
    CHECK(json["quota_tier"]["districts"][1]["quota"] == "767");
    CHECK(json["quota_tier"]["districts"][2]["quota"] == "663");
    CHECK(json["quota_tier"]["upper_total"] == 5);
    CHECK(json["quota_tier"]["lists"][3]["party"] == "S");
    CHECK(json["quota_tier"]["lists"][3]["takes_part"] == false);
  }

  TEST_CASE("Austria: a party under 4% with a seat below takes part in the national tier (NRWO § 100)") {
    // Land A, 10 seats, 1,000 votes: electoral number 100, P 9, S 1. Land B, 30 seats, 3,000 votes: 100, P 15
    // (rest 50), Q 14 (rest 50), one seat left. Nationally S has 100 of 4,000 votes (2.5%) but a seat: it takes
    // part. D'Hondt for 40 among P 2450, Q 1450, S 100: P 25, Q 14, S 1, so P takes the one national seat.
    TempDir tmp;
    tmp.write("at/election.toml", "name = \"Route\"\nsystem = \"austria-national-council\"\n");
    tmp.write("at/districts.csv", "district,seats,reserved\nA,10,0\nB,30,0\n");
    tmp.write("at/results.csv", "district,party,votes\nA,P,900\nA,S,100\nB,P,1550\nB,Q,1450\n");
    const RunResult r = run_cli({"allocate", (tmp.path / "at").string(), "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Json json = Json::parse(r.out);
    const Json& lists = json["quota_tier"]["lists"];
    CHECK(lists[1]["party"] == "S");
    CHECK(lists[1]["takes_part"] == true);
    CHECK(lists[1]["district_seats"] == 1);
    CHECK(lists[0]["national_seats"] == 1);
    CHECK(lists[2]["national_seats"] == 0);
  }

  TEST_CASE("both systems are in the library with their statutes") {
    const RunResult list = run_cli({"systems", "--format", "csv"});
    REQUIRE(list.status == 0);
    CHECK(list.out.find("\nczechia-chamber-2021,") != std::string::npos);
    CHECK(list.out.find("\naustria-national-council,") != std::string::npos);
    const RunResult shown = run_cli({"systems", "show", "czechia-chamber-2021"});
    CHECK(shown.out.find("189/2021") != std::string::npos);
    CHECK(run_cli({"systems", "show", "austria-national-council"}).out.find("471/1992") != std::string::npos);
  }
}
