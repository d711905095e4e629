#pragma once
// One district of an election, alone, ready to be re-allocated under variations of a rule (other
// first divisors, other methods, moved votes). Thresholds are decided once over the whole election
// (a national threshold needs every district); lists below it are dropped from the view and the
// view's rule has no threshold, so that re-allocating the view gives the district's own result.
// Tiers above the districts are dropped too: the view is the district tier.
#include <cstddef>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim::analysis {

struct DistrictView {
  Election single;                    // one district: the lists that pass the threshold
  std::vector<std::size_t> original;  // the district's index of each list in `single`
  std::vector<std::size_t> dropped;   // the district's lists below the threshold
  Rule rule;                          // the rule, threshold removed

  const District& district() const { return single.districts.front(); }
  // Re-allocates the view under `rule_variant` (its threshold is ignored).
  DistrictOutcome allocate(Rule rule_variant) const;
  // True when `outcome` gives every list of the view exactly its published seats and every
  // dropped list has 0 published seats. Lists without published seats never match.
  bool reproduces(const DistrictOutcome& outcome, const District& full) const;
};

DistrictView isolate(const Election& election, std::size_t d, const Rule& rule);

// The rule of one district alone: no threshold (decided over the election), and no tier above the
// districts (a leveling system's district tier is the plain district allocation).
Rule district_rule(Rule rule);

}  // namespace seatsim::analysis
