#pragma once
// Leveling (adjustment) seats: a second, national tier on top of the district seats (Norway's 19
// utjevningsmandater; Sweden, Iceland and Denmark work alike). A national apportionment of all
// seats among the lists that pass a national threshold fixes every list's total; its leveling
// seats are that total minus its district seats; a placement rule (leveling_placement.hpp) then
// puts each leveling seat into a district. The district tier is the ordinary allocation: this
// layer only reads its result.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/leveling_award.hpp"
#include "seatsim/kernel/leveling_qualification.hpp"
#include "seatsim/kernel/leveling_regions.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/threshold.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {

struct LevelingRule {
  std::int64_t seats = 0;                               // leveling seats in all; 0: no leveling tier
  std::optional<ThresholdValue> threshold;              // national, on all votes; a list exactly at it passes
  std::string placement = "norway";                     // a name in the placement registry
  std::int64_t per_district = 1;                        // leveling seats a district can take
  std::map<std::string, std::int64_t> per_district_of;  // per named district, overriding per_district
  std::optional<Method> method;                         // the national apportionment's; none: the district method
  std::vector<QualificationRoute> threshold_or;         // other ways in than the threshold (Denmark)
  std::vector<LevelingRegion> regions;                  // for placement by region and region routes

  bool enabled() const noexcept { return seats > 0; }
  std::int64_t capacity(const std::string& district) const;
  std::string describe() const;
};

// The national tier, party by party (parties in order of first appearance in the election).
struct LevelingOutcome {
  std::vector<std::string> parties;
  std::vector<std::int64_t> votes;           // national votes
  std::vector<std::int64_t> district_seats;  // won in the district tier
  std::vector<bool> takes_part;              // passed the threshold and was not dropped
  std::vector<bool> dropped;                 // passed, but its district seats exceeded its national share
  std::vector<std::int64_t> national_seats;  // its total (takes_part only)
  std::vector<std::int64_t> leveling_seats;  // national − district (takes_part only; 0 with excess)
  std::vector<std::int64_t> excess;          // district seats given back (placements that return them)
  std::int64_t apportioned = 0;              // seats shared in the last national apportionment
  std::vector<std::string> notes;            // ties of the national apportionment
  std::vector<ReturnedSeat> returned;        // the seats given back, in order
  std::vector<LevelingAward> awards;         // the leveling seats, in the order placed
  std::vector<LevelingAward> region_awards;  // placement by region: the seats to regions, in order (Denmark)
  std::vector<RegionShare> region_shares;    // placement by region: each party's split between regions

  std::optional<std::size_t> find(const std::string& party) const;
};

// The national tier: every list's total and leveling seats. `district_seats[d][i]` are the seats
// list i of district d won in the district tier; the house is their sum plus `rule.seats`. A list
// takes part when it passes the threshold or one of `rule.threshold_or`. Lists outside keep their
// district seats, which are taken off the house; the rest is apportioned on national votes by
// `rule.method`, or by `method` (the district tier's) when that is unset; a list whose district seats exceed its share
// is dropped with its seats and the apportionment repeated, or, where the placement rule returns excess seats, keeps
// its share and gives back the rest (`excess`). Throws seatsim::Error for a rule the districts cannot take (more
// leveling seats than their capacity) or nothing to apportion.
LevelingOutcome apportion_leveling(const Election& election,
                                   const std::vector<std::vector<std::int64_t>>& district_seats,
                                   const LevelingRule& rule, const Method& method, TieRule ties, std::uint64_t seed);

}  // namespace seatsim
