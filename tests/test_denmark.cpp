// Denmark's Folketing (Folketingsvalgloven §§ 76–79) as components of the leveling tier: the national
// apportionment by the largest remainders among the parties that pass 2% or another route (a
// constituency seat; the regional average in two of three landsdele), the compensatory seats to the
// regions in one ranking by 1, 3, 5, ... and to the districts by 1, 4, 7, ...; each example is worked
// out by hand in the comments. Then the system on the constructed data set and `seatsim explain`.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <numeric>
#include <tuple>

#include "district_of.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/leveling_qualification.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

// Two regions of two districts, 4 compensatory seats, two in each region.
Election worked_election() {
  return make_election({{"E1", 3, {{"A", 5000}, {"B", 3000}, {"C", 1200}, {"D", 100}}},
                        {"E2", 2, {{"A", 2000}, {"B", 2600}, {"C", 900}, {"D", 50}}},
                        {"W1", 3, {{"A", 4000}, {"B", 1000}, {"C", 2500}, {"D", 100}}},
                        {"W2", 2, {{"A", 1500}, {"B", 1700}, {"C", 700}, {"D", 50}}}});
}

Rule denmark_rule(std::int64_t seats, const std::vector<std::string>& regions) {
  Rule rule;
  rule.method = method_by_name("dhondt");
  rule.ties = TieRule::lot;
  rule.leveling.seats = seats;
  rule.leveling.threshold = ThresholdValue::parse("2%");
  rule.leveling.threshold_or = {QualificationRoute::parse("district-seats 1"),
                                QualificationRoute::parse("region-average 2")};
  rule.leveling.method = method_by_name("hare");
  rule.leveling.placement = "denmark";
  for (const std::string& region : regions) rule.leveling.regions.push_back(LevelingRegion::parse(region));
  return rule;
}

std::string seats_of(const ElectionOutcome& outcome) {
  std::string text;
  for (const DistrictOutcome& district : outcome.districts)
    for (const ListOutcome& list : district.lists)
      text += std::to_string(list.district_seats) + "+" + std::to_string(list.leveling_seats) + " ";
  return text;
}

std::vector<std::string> awards_of(const std::vector<LevelingAward>& awards) {
  std::vector<std::string> out;
  for (const LevelingAward& award : awards)
    out.push_back(award.seat.party + "@" + award.seat.district + "/" + exact_text(award.seat.comparison));
  return out;
}

std::vector<std::string> skipped_of(const LevelingAward& award) {
  std::vector<std::string> out;
  for (const SkippedCandidate& skip : award.skipped)
    out.push_back(skip.candidate.party + "@" + skip.candidate.district + "/" + exact_text(skip.candidate.comparison) +
                  ": " + skip.reason);
  return out;
}

}  // namespace

TEST_SUITE("denmark") {
  TEST_CASE("regions parse as 'NAME (SEATS): D, D' and every district must be in exactly one") {
    const LevelingRegion region =
        LevelingRegion::parse("Sjælland-Syddanmark (15): Sjællands Storkreds; Fyns Storkreds");
    CHECK(region.name == "Sjælland-Syddanmark");
    CHECK(region.seats == 15);
    CHECK(region.districts == std::vector<std::string>{"Sjællands Storkreds", "Fyns Storkreds"});
    CHECK(LevelingRegion::parse(region.to_string()).districts == region.districts);
    CHECK_THROWS_WITH_AS(LevelingRegion::parse("East: E1"), doctest::Contains("no '(SEATS):'"), Error);
    CHECK_THROWS_WITH_AS(LevelingRegion::parse("East (x): E1"), doctest::Contains("not a whole number"), Error);
    const Election election = worked_election();
    const std::vector<LevelingRegion> missing = {LevelingRegion::parse("East (2): E1; E2; W1")};
    CHECK_THROWS_WITH_AS(region_of_districts(election, missing), doctest::Contains("'W2' is in no region"), Error);
    const std::vector<LevelingRegion> twice = {LevelingRegion::parse("East (2): E1; E2; W1"),
                                               LevelingRegion::parse("West (2): W1; W2")};
    CHECK_THROWS_WITH_AS(region_of_districts(election, twice), doctest::Contains("'W1' is in two regions"), Error);
  }

  TEST_CASE("qualification routes: a district seat, the region's votes per district seat in k regions") {
    // Votes: A 12500, B 8300, C 5300, D 300 of 26400. District seats by d'Hondt (worked in the next case):
    // A 6, B 3, C 1, D 0. Region East (E1 9300 + E2 5550 = 14850 votes, 5 seats): 2970 per seat; West
    // (7600 + 3950 = 11550, 5 seats): 2310. A: East 7000, West 5500 -> 2 regions; B: 5600, 2700 -> 2;
    // C: 2100 (no), 3200 (yes) -> 1; D: 150, 150 -> 0.
    const Election election = worked_election();
    const std::vector<std::vector<std::int64_t>> seats = {{2, 1, 0, 0}, {1, 1, 0, 0}, {2, 0, 1, 0}, {1, 1, 0, 0}};
    const std::vector<LevelingRegion> regions = {LevelingRegion::parse("East (2): E1; E2"),
                                                 LevelingRegion::parse("West (2): W1; W2")};
    const std::vector<std::string> parties = {"A", "B", "C", "D"};
    const QualificationInput input{election, seats, regions, parties};
    CHECK(qualifies_by_district_seats(input, 1) == std::vector<bool>{true, true, true, false});
    CHECK(qualifies_by_district_seats(input, 2) == std::vector<bool>{true, true, false, false});
    CHECK(qualifies_by_region_average(input, 2) == std::vector<bool>{true, true, false, false});
    CHECK(qualifies_by_region_average(input, 1) == std::vector<bool>{true, true, true, false});
    CHECK(leveling_qualification("region-average").test(input, 2) == std::vector<bool>{true, true, false, false});
    CHECK_THROWS_WITH_AS(QualificationRoute::parse("a-seat"), doctest::Contains("known: district-seats"), Error);
    // A composite threshold: at 25% only A (47.3%) and B (31.4%) pass; C (20.1%) comes in by its district seat.
    Rule rule = denmark_rule(4, {"East (2): E1; E2", "West (2): W1; W2"});
    rule.leveling.threshold = ThresholdValue::parse("25%");
    CHECK(allocate(election, rule).leveling->takes_part == std::vector<bool>{true, true, true, false});
    rule.leveling.threshold_or.clear();
    CHECK(allocate(election, rule).leveling->takes_part == std::vector<bool>{true, true, false, false});
  }

  TEST_CASE("worked example: 10 constituency seats, 4 compensatory seats, two regions") {
    // § 76, d'Hondt per district. E1 (3): A 5000, B 3000, A 2500 (B 1500, C 1200 miss) -> A 2, B 1.
    // E2 (2): B 2600, A 2000 (B 1300, A 1000, C 900 miss) -> A 1, B 1. W1 (3): A 4000, C 2500, A 2000
    // (A 1333, B 1000 miss) -> A 2, C 1. W2 (2): B 1700, A 1500 (B 850 misses) -> A 1, B 1.
    // District seats: A 6, B 3, C 1, D 0.
    // § 77: D has 300 of 26400 votes (1.1%), no seat and no region above its average: out. The 14 seats by
    // Hare among A 12500, B 8300, C 5300 (26100): v*14/26100 = A 6 r 18400, B 4 r 11800, C 2 r 22000
    // (remainders over 26100); the 2 seats left go to C and A: A 7, B 4, C 3; compensatory A 1, B 1, C 2.
    // § 78, 1, 3, 5, ... from the constituency seats in the region. Region votes and seats: East A 7000
    // (3 seats), B 5600 (2), C 2100 (0); West A 5500 (3), B 2700 (1), C 3200 (1). Quotients: C East 2100/1,
    // B East 5600/5 = 1120, C West 3200/3 = 1066.7, A East 7000/7 = 1000, B West 2700/3 = 900, B East
    // 5600/7 = 800, A West 5500/7 = 785.7. Walk: C East, B East (East full, B done), C West (C done);
    // A East 1000 passed over (East full), B West 900 (B done), B East 800 (East full); A West.
    // § 79, 1, 4, 7, ... from the constituency seats in the district: B in East: E1 3000/4 = 750 > E2
    // 2600/4 = 650 -> E1. C in East: E1 1200/1 > E2 900/1 -> E1. A in West: W1 4000/7 = 571.4 > W2
    // 1500/4 = 375 -> W1. C in West: W2 700/1 = 700 > W1 2500/4 = 625 -> W2.
    const Rule rule = denmark_rule(4, {"East (2): E1; E2", "West (2): W1; W2"});
    const ElectionOutcome outcome = allocate(worked_election(), rule);
    REQUIRE(outcome.leveling);
    const LevelingOutcome& leveling = *outcome.leveling;
    CHECK(leveling.takes_part == std::vector<bool>{true, true, true, false});
    CHECK(leveling.district_seats == std::vector<std::int64_t>{6, 3, 1, 0});
    CHECK(leveling.national_seats == std::vector<std::int64_t>{7, 4, 3, 0});
    CHECK(leveling.leveling_seats == std::vector<std::int64_t>{1, 1, 2, 0});
    CHECK(awards_of(leveling.region_awards) ==
          std::vector<std::string>{"C@East/2100", "B@East/1120", "C@West/3200/3", "A@West/5500/7"});
    CHECK(leveling.region_awards[1].seat.divisor == Rational(5));
    CHECK(leveling.region_awards[3].seat.divisor == Rational(7));
    CHECK(skipped_of(leveling.region_awards[3]) ==
          std::vector<std::string>{"A@East/1000: region has its leveling seats already",
                                   "B@West/900: party has no leveling seat left",
                                   "B@East/800: region has its leveling seats already"});
    CHECK(awards_of(leveling.awards) == std::vector<std::string>{"B@E1/750", "C@E1/1200", "A@W1/4000/7", "C@W2/700"});
    CHECK(leveling.awards[0].seat.divisor == Rational(4));
    CHECK(leveling.awards[2].seat.divisor == Rational(7));
    CHECK(seats_of(outcome) == "2+0 1+1 0+1 0+0 1+0 1+0 0+0 0+0 2+1 0+0 1+0 0+0 1+0 1+0 0+1 0+0 ");
    // The regional split: each party's votes, constituency and compensatory seats per region.
    std::map<std::string, std::int64_t> split;
    for (const RegionShare& share : leveling.region_shares)
      split[share.party + "@" + share.region] = share.leveling_seats;
    CHECK(split == std::map<std::string, std::int64_t>{
                       {"A@East", 0}, {"A@West", 1}, {"B@East", 1}, {"B@West", 0}, {"C@East", 1}, {"C@West", 1}});
  }

  TEST_CASE("a party whose regions fill up before it has its seats is placed first (§ 78 (3), last sentence)") {
    // E (1 seat): A 2400, Z 500 -> A. W (1): A 900 (Z stands in E only) -> A. National, 4 seats by Hare on
    // A 3300, Z 500 (3800): A 13200/3800 = 3 r 1800, Z 2000/3800 = 0 r 2000 -> Z takes the seat left: A 3,
    // Z 1; compensatory A 1, Z 1. Ranking: A East 2400/3 = 800 first fills East, and Z (votes in East only)
    // is left without a seat: Z is placed in advance, Z East 500/1, then A West 900/3 = 300, passing over
    // A East's quotients above 300 (East full).
    const Election election = make_election({{"E", 1, {{"A", 2400}, {"Z", 500}}}, {"W", 1, {{"A", 900}}}});
    Rule rule = denmark_rule(2, {"East (1): E", "West (1): W"});
    rule.leveling.threshold.reset();
    rule.leveling.threshold_or.clear();
    const ElectionOutcome outcome = allocate(election, rule);
    REQUIRE(outcome.leveling);
    CHECK(outcome.leveling->leveling_seats == std::vector<std::int64_t>{1, 1});
    CHECK(awards_of(outcome.leveling->region_awards) == std::vector<std::string>{"Z@East/500", "A@West/300"});
    // Every quotient of A in East above 300 is walked past: 2400/3, 2400/5 = 480, 2400/7 = 342.9.
    CHECK(skipped_of(outcome.leveling->region_awards[1]) ==
          std::vector<std::string>{"A@East/800: region has its leveling seats already",
                                   "A@East/480: region has its leveling seats already",
                                   "A@East/2400/7: region has its leveling seats already"});
    CHECK(seats_of(outcome) == "1+0 0+1 1+1 ");
  }

  TEST_CASE("the regions must take exactly the compensatory seats, and placement by region needs regions") {
    const Election election = worked_election();
    CHECK_THROWS_WITH_AS(allocate(election, denmark_rule(4, {"East (3): E1; E2", "West (2): W1; W2"})),
                         doctest::Contains("the regions take 5 leveling seats, but 4 are to be placed"), Error);
    Rule rule = denmark_rule(4, {});
    rule.leveling.threshold_or = {QualificationRoute::parse("district-seats 1")};
    CHECK_THROWS_WITH_AS(allocate(election, rule), doctest::Contains("give leveling-regions"), Error);
  }

  TEST_CASE("the worked example through the command line: the rule keys of the Danish components") {
    // The same election and rule as the worked example above, written as flags: the same seats.
    TempDir tmp;
    std::string csv = "district,party,votes\n";
    for (const District& district : worked_election().districts)
      for (const ListResult& list : district.lists)
        csv += district.name + "," + list.party + "," + std::to_string(list.votes) + "\n";
    const fs::path votes = tmp.write("dk.csv", csv);
    const fs::path seats = tmp.write("seats.csv", "district,seats\nE1,3\nE2,2\nW1,3\nW2,2\n");
    const std::vector<std::string> rule = {"--method",
                                           "dhondt",
                                           "--leveling-seats",
                                           "4",
                                           "--leveling-threshold",
                                           "2%",
                                           "--leveling-threshold-or",
                                           "district-seats 1",
                                           "--leveling-threshold-or",
                                           "region-average 2",
                                           "--leveling-method",
                                           "hare",
                                           "--leveling-placement",
                                           "denmark",
                                           "--leveling-regions",
                                           "East (2): E1; E2",
                                           "--leveling-regions",
                                           "West (2): W1; W2"};
    std::vector<std::string> args = {"allocate", votes.string(), "--seats-file", seats.string(), "--format", "csv"};
    args.insert(args.end(), rule.begin(), rule.end());
    const RunResult r = run_cli(args);
    REQUIRE(r.status == 0);
    std::string placed;
    for (const auto& record : csv_records(r.out))
      placed += record.at("district_seats") + "+" + record.at("leveling_seats") + " ";
    CHECK(placed == "2+0 1+1 0+1 0+0 1+0 1+0 0+0 0+0 2+1 0+0 1+0 0+0 1+0 1+0 0+1 0+0 ");

    std::vector<std::string> unknown = args;
    unknown.insert(unknown.end(), {"--leveling-threshold-or", "a-seat 1"});
    const RunResult bad = run_cli(unknown);
    CHECK(bad.status == 2);
    CHECK(bad.err.find("unknown leveling qualification route 'a-seat'") != std::string::npos);
    const RunResult alone =
        run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "--leveling-regions", "East (2): E1; E2"});
    CHECK(alone.status == 2);
    CHECK(alone.err.find("leveling-regions: applies only with leveling-seats") != std::string::npos);
  }

  TEST_CASE("denmark-folketing-2007 on the constructed data set: 175 seats, 40 compensatory, 11/15/14 by landsdel") {
    const fs::path data = source_dir() / "scenarios" / "denmark-constructed";
    const RunResult r = run_cli({"allocate", data.string(), "--format", "csv"});
    REQUIRE(r.status == 0);
    const auto rows = csv_records(r.out);
    std::map<std::string, std::int64_t> seats, leveling, by_district;
    std::int64_t total = 0, compensatory = 0;
    for (const auto& record : rows) {
      const std::int64_t s = std::stoll(record.at("seats")), l = std::stoll(record.at("leveling_seats"));
      seats[record.at("party")] += s;
      leveling[record.at("party")] += l;
      by_district[record.at("district")] += l;
      total += s;
      compensatory += l;
    }
    CHECK(total == 175);
    CHECK(compensatory == 40);
    CHECK(by_district["Københavns Storkreds"] + by_district["Københavns Omegns Storkreds"] +
              by_district["Nordsjællands Storkreds"] + by_district["Bornholms Storkreds"] ==
          11);
    CHECK(by_district["Sjællands Storkreds"] + by_district["Fyns Storkreds"] + by_district["Sydjyllands Storkreds"] ==
          15);
    CHECK(by_district["Østjyllands Storkreds"] + by_district["Vestjyllands Storkreds"] +
              by_district["Nordjyllands Storkreds"] ==
          14);
    CHECK(seats["K"] == 0);
    CHECK(seats["Q"] == 0);
    // A's largest-remainder share of 175 is at most 50 (175 × 1062021 / 3768318 = 49.3, the votes of the
    // parties that pass, K and Q left out); d'Hondt gives it more constituency seats than that: it keeps
    // them, takes no compensatory seat, and the others share the rest without it (§ 77 (4)).
    CHECK(leveling["A"] == 0);
    CHECK(seats["A"] >= 50);
    const RunResult listed = run_cli({"systems", "--format", "csv"});
    CHECK(listed.out.find("\ndenmark-folketing-2007,Folketing,Denmark,2007–,") != std::string::npos);
  }

  TEST_CASE("Folketing 2015: denmark-folketing-2007 reproduces every party's published seats") {
    // scenarios/denmark-2015: Danmarks Statistik's votes per storkreds (their sums equal the ministry's national
    // votes, checked by the importer) and the ministry's seats per party (national.csv).
    const fs::path data = source_dir() / "scenarios" / "denmark-2015";
    const RunResult r = run_cli({"allocate", data.string(), "--format", "csv"});
    REQUIRE(r.status == 0);
    std::map<std::string, std::int64_t> seats, leveling;
    for (const auto& record : csv_records(r.out)) {
      seats[record.at("party")] += std::stoll(record.at("seats"));
      leveling[record.at("party")] += std::stoll(record.at("leveling_seats"));
    }
    std::map<std::string, std::int64_t> published;
    for (const auto& record : csv_records(read_text_file((data / "national.csv").string())))
      published[record.at("party")] = std::stoll(record.at("published_seats"));
    CHECK(published.size() == 10);
    CHECK(seats == published);
    std::int64_t compensatory = 0;
    for (const auto& [party, count] : leveling) compensatory += count;
    CHECK(compensatory == 40);
  }

  TEST_CASE("the Danish 2015 import reproduces its folder") {
    TempDir tmp;
    const fs::path data = source_dir() / "scenarios" / "denmark-2015";
    const std::string command = "python3 " + quote((source_dir() / "scripts" / "import_mandatfordeling.py").string()) +
                                " " + quote((data / "source").string()) + " " + quote(tmp.path.string()) +
                                " >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* name : {"results.csv", "national.csv"}) {
      CAPTURE(name);
      CHECK(read_text_file((tmp.path / name).string()) == read_text_file((data / name).string()));
    }
  }

  TEST_CASE("seatsim explain on Denmark: national apportionment, regional split, both award orders") {
    const std::string data = (source_dir() / "scenarios" / "denmark-constructed").string();
    const RunResult csv = run_cli({"explain", data, "--format", "csv"});
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("step,party,district,comparison,divisor,reason\n", 0) == 0);
    std::map<std::string, std::int64_t> to_region;
    std::int64_t region_awards = 0, district_awards = 0;
    for (const auto& record : csv_records(csv.out)) {
      if (record.at("reason") == "region step: awarded") ++region_awards, ++to_region[record.at("district")];
      if (record.at("reason") == "awarded") ++district_awards;
    }
    CHECK(region_awards == 40);
    CHECK(district_awards == 40);
    CHECK(to_region == std::map<std::string, std::int64_t>{
                           {"Hovedstaden", 11}, {"Midtjylland-Nordjylland", 14}, {"Sjælland-Syddanmark", 15}});
    // The last region seat is won past the quotients of full landsdele and served parties.
    CHECK(csv.out.find("region step: region has its leveling seats already") != std::string::npos);

    const RunResult json = run_cli({"explain", data, "--format", "json"});
    REQUIRE(json.status == 0);
    const Json j = Json::parse(json.out);
    CHECK(j["region_awards"].size() == 40);
    CHECK(j["awards"].size() == 40);
    std::int64_t split = 0;
    for (const Json& share : j["regions"]) split += share["leveling_seats"].get<std::int64_t>();
    CHECK(split == 40);
    for (const Json& party : j["national"])
      if (party["party"] == "A") CHECK(party["status"] == "dropped");

    const RunResult table = run_cli({"explain", data, "--format", "table"});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Regional split") != std::string::npos);
    CHECK(table.out.find("Award of the leveling seats, in order: to regions, then districts") != std::string::npos);
  }
}

}  // namespace seatsim::test
