// Leveling seats: the national tier (threshold, drop-and-repeat), the Norwegian placement, ties,
// the placement registry, and the errors. Expected values were worked out by hand from the rule
// in ../shared/data/norway_2021_storting_full.meta.txt (and checked with an independent script).
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "district_of.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

using namespace seatsim;
using seatsim::test::make_election;

namespace {

Rule norway_rule(std::int64_t leveling_seats, const std::string& threshold) {
  Rule rule;
  rule.method = with_first_divisor(method_by_name("sainte-lague"), Rational(7, 5));
  rule.leveling.seats = leveling_seats;
  if (!threshold.empty()) rule.leveling.threshold = ThresholdValue::parse(threshold);
  return rule;
}

// "district+leveling" per list, district by district, for compact checks.
std::vector<std::string> tiers(const ElectionOutcome& outcome) {
  std::vector<std::string> out;
  for (const DistrictOutcome& district : outcome.districts)
    for (const ListOutcome& list : district.lists) {
      CHECK(list.seats == list.district_seats + list.leveling_seats);
      out.push_back(std::to_string(list.district_seats) + "+" + std::to_string(list.leveling_seats));
    }
  return out;
}

}  // namespace

TEST_CASE("two districts, two leveling seats: national shares, then the Norwegian quotients place them") {
  // District seats (SL 1.4): N 4 -> A 2, B 1, C 1; S 3 -> A 1, B 2. House 9; national votes A 7100,
  // B 6500, C 2700, D 700 (4.1%, passes 4%): SL 1.4 gives A 4, B 4, C 1, D 0, so A and B level 1.
  // Placement quotients (votes / (2n+1) per votes-per-seat): A in N 1020/2475 = 0.412, B in N
  // 1000/2475 = 0.404, B in S 700/2366.7 = 0.296, A in S 666.7/2366.7 = 0.282: N's seat goes to A,
  // B's quotient in N comes too late (N is full), S's seat to B.
  const Election election = make_election({{"N", 4, {{"A", 5100}, {"B", 3000}, {"C", 1500}, {"D", 300}}},
                                           {"S", 3, {{"A", 2000}, {"B", 3500}, {"C", 1200}, {"D", 400}}}});
  const ElectionOutcome outcome = allocate(election, norway_rule(2, "4%"));
  CHECK(tiers(outcome) == std::vector<std::string>{"2+1", "1+0", "1+0", "0+0", "1+0", "2+1", "0+0", "0+0"});
  REQUIRE(outcome.leveling);
  const LevelingOutcome& national = *outcome.leveling;
  CHECK(national.parties == std::vector<std::string>{"A", "B", "C", "D"});
  CHECK(national.national_seats == std::vector<std::int64_t>{4, 4, 1, 0});
  CHECK(national.leveling_seats == std::vector<std::int64_t>{1, 1, 0, 0});
  CHECK(national.apportioned == 9);
  CHECK(outcome.notes.empty());
}

TEST_CASE("a list below the leveling threshold keeps its district seats, which leave the national apportionment") {
  // D (700 of 17000 votes) fails 10%; it holds no district seat, so the nine seats go to A, B, C.
  const Election election = make_election({{"N", 4, {{"A", 5100}, {"B", 3000}, {"C", 1500}, {"D", 300}}},
                                           {"S", 3, {{"A", 2000}, {"B", 3500}, {"C", 1200}, {"D", 400}}}});
  const ElectionOutcome outcome = allocate(election, norway_rule(2, "10%"));
  // C (2700, 15.9%) passes, D fails: A 4, B 4, C 1 as before.
  CHECK(outcome.leveling->takes_part == std::vector<bool>{true, true, true, false});
  // At 20% C fails with its district seat: 9 − 1 = 8 seats for A and B: 4 and 4, C keeps 1.
  const ElectionOutcome strict = allocate(election, norway_rule(2, "20%"));
  CHECK(strict.leveling->apportioned == 8);
  CHECK(strict.leveling->national_seats == std::vector<std::int64_t>{4, 4, 0, 0});
  CHECK(tiers(strict) == std::vector<std::string>{"2+1", "1+0", "1+0", "0+0", "1+0", "2+1", "0+0", "0+0"});
}

TEST_CASE("a list whose district seats exceed its national share is dropped and the apportionment repeated") {
  // A wins the single seat of X and Y narrowly but has 1030 of 7930 votes: its national share of
  // the 6 seats is 1 < 2. It is dropped with its 2 seats; the 4 others go to B 2 and C 2, so B levels
  // 1 and C 2. Placement: C in Z, then B in X (B's quotient there beats C's), then C in Y.
  const Election election = make_election({{"X", 1, {{"A", 510}, {"B", 490}, {"C", 10}}},
                                           {"Y", 1, {{"A", 510}, {"B", 490}, {"C", 10}}},
                                           {"Z", 1, {{"A", 10}, {"B", 3000}, {"C", 2900}}}});
  const ElectionOutcome outcome = allocate(election, norway_rule(3, ""));
  CHECK(outcome.leveling->dropped == std::vector<bool>{true, false, false});
  CHECK(outcome.leveling->apportioned == 4);
  CHECK(tiers(outcome) == std::vector<std::string>{"1+0", "0+1", "0+0", "1+0", "0+0", "0+1", "0+0", "1+0", "0+1"});
}

TEST_CASE("equal placement quotients that compete for one leveling seat are a tie, broken by the rule") {
  // X and Y are identical: A's single leveling seat has equal quotients in both.
  const Election election = make_election({{"X", 2, {{"A", 600}, {"B", 400}}}, {"Y", 2, {{"A", 600}, {"B", 400}}}});
  // District seats: A 1, B 1 in each (600/1.4 = 428.6, 400/1.4 = 285.7, 600/3 = 200). National
  // 5 seats: A 3, B 2? 1200/1.4 = 857, 800/1.4 = 571, 400, 266.7, 240: A 3, B 2 -> A levels 1.
  Rule rule = norway_rule(1, "");
  const ElectionOutcome outcome = allocate(election, rule);
  REQUIRE(outcome.notes.size() == 1);
  CHECK(outcome.notes[0].find("tie in the leveling placement") != std::string::npos);
  CHECK(outcome.districts[0].lists[0].tie);
  CHECK(outcome.districts[1].lists[0].tie);
  CHECK(outcome.districts[0].lists[0].leveling_seats + outcome.districts[1].lists[0].leveling_seats == 1);
  rule.ties = TieRule::error;
  CHECK_THROWS_AS(allocate(election, rule), TieError);
}

TEST_CASE("more leveling seats than the districts can take is an error, --leveling-per-district raises it") {
  const Election election = make_election({{"X", 2, {{"A", 600}, {"B", 400}}}, {"Y", 2, {{"A", 500}, {"B", 300}}}});
  Rule rule = norway_rule(3, "");
  CHECK_THROWS_WITH_AS(allocate(election, rule), doctest::Contains("the districts can take only 2"), Error);
  rule.leveling.per_district = 2;
  const ElectionOutcome outcome = allocate(election, rule);
  std::int64_t leveling = 0;
  for (const DistrictOutcome& district : outcome.districts)
    for (const ListOutcome& list : district.lists) leveling += list.leveling_seats;
  CHECK(leveling == 3);
}

TEST_CASE("placement rules are components: a registered rule is used by name, an unknown name is an error") {
  // A toy rule: every leveling seat into the last district with room, parties in name order.
  register_leveling_placement({"last-room", "test rule", [](const PlacementInput& input) {
                                 Placement out;
                                 std::vector<std::int64_t> room = input.capacity;
                                 for (const District& district : input.election.districts) {
                                   out.seats.emplace_back(district.lists.size(), 0);
                                   out.tie.emplace_back(district.lists.size(), 0);
                                 }
                                 for (const auto& [party, count] : input.leveling_seats)
                                   for (std::int64_t k = 0; k < count; ++k)
                                     for (std::size_t d = room.size(); d-- > 0;) {
                                       const auto& lists = input.election.districts[d].lists;
                                       const auto it = std::find_if(
                                           lists.begin(), lists.end(),
                                           [&party = party](const ListResult& l) { return l.party == party; });
                                       if (room[d] == 0 || it == lists.end()) continue;
                                       ++out.seats[d][static_cast<std::size_t>(it - lists.begin())];
                                       --room[d];
                                       break;
                                     }
                                 return out;
                               }});
  const Election election = make_election({{"X", 1, {{"A", 510}, {"B", 490}, {"C", 10}}},
                                           {"Y", 1, {{"A", 510}, {"B", 490}, {"C", 10}}},
                                           {"Z", 1, {{"A", 10}, {"B", 3000}, {"C", 2900}}}});
  Rule rule = norway_rule(3, "");
  rule.leveling.placement = "last-room";
  // B 1 and C 2 (as in the drop-and-repeat case): B into Z, C into Y and X.
  CHECK(tiers(allocate(election, rule)) ==
        std::vector<std::string>{"1+0", "0+0", "0+1", "1+0", "0+0", "0+1", "0+0", "1+1", "0+0"});
  const std::vector<std::string> names = leveling_placement_names();
  CHECK(std::find(names.begin(), names.end(), "last-room") != names.end());
  rule.leveling.placement = "iceland-2024";
  CHECK_THROWS_WITH_AS(allocate(election, rule), doctest::Contains("unknown leveling placement 'iceland-2024'"), Error);
}
