#pragma once
// The record of how a mixed-member allocation was reached, for `seatsim explain`: which parties take
// part and by which route, each Land's split and second-vote coverage (Germany), and each region's list
// seats step by step (Scotland). The kernel fills it as it decides, and only when asked
// (allocate_mixed_member_traced), so that Monte Carlo and the other analyses do not pay for it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/priority.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {

// One row of the step table. Scotland: a list seat of a region (step its number in the region, district
// the region, comparison votes / divisor), or a candidate passed over for it, or (step 0) the
// constituency seats a party starts with. Germany: a constituency winner (step its rank by first-vote
// share among its party's winners in the Land, district the constituency, comparison
// winner_votes/valid_votes), seated or not.
struct MixedMemberStep {
  std::int64_t step = 0;
  std::string party;
  std::string district;
  std::string region;  // the region or Land the row belongs to
  std::optional<Priority> comparison;
  std::optional<Rational> divisor;
  std::string reason;
};

// Germany: one party in one Land.
struct MixedMemberLand {
  std::string party;
  std::string land;
  std::int64_t votes = 0;
  std::int64_t list_seats = 0;  // the Land list's seats from the party's split (its entitlement there)
  std::int64_t wins = 0;        // constituencies the party won in the Land
  std::int64_t seated = 0;      // those with second-vote coverage
};

struct MixedMemberTrace {
  // Per party, in the order of MixedMemberOutcome::parties.
  std::vector<bool> passes_threshold;           // in at least one district (Scotland: region)
  std::vector<bool> by_constituency_route;      // won at least `route` constituencies
  std::vector<bool> threshold_exempt;           // exempt from the threshold (threshold_exempt: SSW)
  std::vector<std::int64_t> constituency_wins;  // before second-vote coverage
  std::int64_t route = 0;                       // constituency wins that qualify (0: no such route)
  std::vector<MixedMemberLand> lands;           // Germany
  std::vector<MixedMemberStep> steps;           // Scotland, Germany
};

// As allocate(election, rule) for a rule with a mixed-member component, filling `trace` on the way.
ElectionOutcome allocate_mixed_member_traced(const Election& election, const Rule& rule, MixedMemberTrace& trace);

}  // namespace seatsim
