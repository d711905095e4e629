#pragma once
// Where leveling seats go: placement rules as components, registered by name (as methods are in
// method.hpp), so that another country's rule is one more function and one more registry entry,
// and the leveling layer itself never changes. A rule receives the district tier's result and each
// party's number of leveling seats, and returns the leveling seats per district and list.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/leveling_award.hpp"
#include "seatsim/kernel/leveling_regions.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {

struct PlacementInput {
  const Election& election;
  const std::vector<std::vector<std::int64_t>>& district_seats;  // [district][list], district tier
  const std::map<std::string, std::int64_t>& leveling_seats;     // party -> seats to place (> 0 only)
  const std::vector<std::int64_t>& capacity;                     // [district] leveling seats it can take
  TieRule ties = TieRule::more_votes;
  std::uint64_t seed = 0;
  const std::vector<LevelingRegion>* regions = nullptr;  // the rule's regions (placement by region)
};

struct Placement {
  std::vector<std::vector<std::int64_t>> seats;  // [district][list] leveling seats
  std::vector<std::vector<std::uint8_t>> tie;    // 1 where a tie decided this list's leveling seat
  std::vector<std::string> notes;                // ties, one line each
  std::vector<LevelingAward> awards;             // every leveling seat, in the order placed
  std::vector<LevelingAward> region_awards;      // placement by region: the region step, in order
  std::vector<RegionShare> region_shares;        // placement by region: each party's seats per region
};

// A party whose district seats exceed its national share gives back `excess[party]` of them
// (Sweden); the rule says which. `district_method` is the district tier's method, whose divisors
// give the comparison numbers the seats were won with.
struct ExcessInput {
  const Election& election;
  const std::vector<std::vector<std::int64_t>>& district_seats;  // [district][list], district tier
  const std::map<std::string, std::int64_t>& excess;             // party -> seats to give back (> 0 only)
  const Method& district_method;
  TieRule ties = TieRule::more_votes;
  std::uint64_t seed = 0;
};
struct ReturnedSeats {
  std::vector<ReturnedSeat> seats;
  std::vector<std::vector<std::int64_t>> count;  // [district][list] seats given back
  std::vector<std::string> notes;
};
using ExcessRule = std::function<ReturnedSeats(const ExcessInput&)>;

// Throws seatsim::Error when the seats cannot all be placed.
using PlacementRule = std::function<Placement(const PlacementInput&)>;

struct PlacementEntry {
  std::string name;
  std::string description;
  PlacementRule place;
  // Empty: a party whose district seats exceed its national share is dropped with its seats and the
  // national apportionment repeated (Norway). Set: the party keeps its share and returns the excess.
  ExcessRule return_excess = {};
  bool per_district_cap = true;  // false: a district takes any number of leveling seats (Sweden)
};

// Adds a rule (replacing one of the same name). The built-in rules are always registered.
void register_leveling_placement(PlacementEntry entry);
// A copy of the rule named `name`; throws seatsim::Error naming the known rules.
PlacementEntry leveling_placement(std::string_view name);
std::vector<std::string> leveling_placement_names();

// Norway (valgloven § 11-6): for every party with leveling seats and every district, the quotient
// votes / (2n + 1), n its district seats there, divided by the district's votes per district seat;
// from the highest quotient down, each gives its party the district's leveling seat unless the
// district has none left or the party has no leveling seat left.
Placement place_norway(const PlacementInput& input);

// Sweden (vallagen 2005:837, 14 kap., as in force since 2018): each party's adjustment seats one at
// a time to the constituency where its comparison number votes / (2n + 1) is highest, n the seats it
// holds there already (fixed and adjustment); no cap per constituency; equal numbers by the tie rule.
// Parties are served in order of first appearance: with no cap, the order changes no seat.
Placement place_sweden(const PlacementInput& input);
// Sweden: a party with more fixed seats than its national share loses the excess, the seats it won
// with the lowest comparison numbers (votes / the district method's divisor) first.
ReturnedSeats return_excess_sweden(const ExcessInput& input);

// Placement by region (Denmark, Folketingsvalgloven §§ 78–79): first the leveling seats to regions,
// every party's votes in each region divided by `region_divisors` from its district seats there on
// ("the largest quotients equal to its constituency seats are omitted"), all quotients in one ranking,
// each region and each party served until it has its seats; a party that could not get its seats
// because its regions are full has them placed first ("in advance") and the ranking is run again.
// Then each party's seats in a region to its districts by `district_divisors` (the same omission),
// highest quotients first, no cap per district. Equal quotients that matter: the tie rule.
Placement place_by_region(const PlacementInput& input, const DivisorRule& region_divisors,
                          const DivisorRule& district_divisors, const std::string& rule_name);
// Denmark: regions by Sainte-Laguë (1, 3, 5, ...), districts by the Danish method (1, 4, 7, ...).
Placement place_denmark(const PlacementInput& input);

}  // namespace seatsim
