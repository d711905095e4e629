#pragma once
// "Which rule produced these seats?" For a linear divisor method (d(0) = f, every later divisor
// fixed), the set of first divisors f for which the recomputation gives exactly the published
// seats is one interval (possibly empty or a single point): the published seats are a divisor
// outcome iff a few inequalities between quotients hold, and only the quotients of first seats
// depend on f, as votes / f. The endpoints are exact fractions; whether each is included is decided
// by recomputing there, with the tie rule in force.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

struct FirstDivisorSet {
  bool empty = true;
  Rational low, high;  // when not empty: low ≤ high
  bool low_included = false, high_included = false;

  static FirstDivisorSet none() { return {}; }
  static FirstDivisorSet interval(Rational low, bool low_included, Rational high, bool high_included);

  bool contains(const Rational& f) const;
  FirstDivisorSet intersect(const FirstDivisorSet& other) const;
  // "[1/2, 7/5)", "{3/2}", "∅"
  std::string describe() const;
  // "[0.5, 1.4)" with endpoints exactly rounded to `places` decimals ("≈" is the caller's to add).
  std::string describe_decimal(int places = 4) const;
};

struct DistrictFit {
  FirstDivisorSet first_divisors;
  std::string reason;                         // why no first divisor can work, when that is known
  std::vector<std::string> methods_matching;  // standard methods (usual divisors) that reproduce it
  bool explained() const noexcept { return !first_divisors.empty || !methods_matching.empty(); }
};

struct RuleFit {
  std::string method;                  // the linear method whose first divisor varies
  Rational first_divisor_limit;        // d(1): the first divisor must stay below it
  std::vector<DistrictFit> districts;  // in election order
  // Over the districts some first divisor explains (all of them when none is unexplained).
  FirstDivisorSet intersection;
  std::vector<std::size_t> unexplained_by_first_divisor;
  std::vector<std::size_t> unexplained;  // by no first divisor and no standard method
};

// The first divisors under which district `d` of `election` (seat totals applied) is reproduced
// by `rule`, a linear divisor method whose own first divisor is ignored (thresholds are applied
// over the whole election). `methods_matching` is left empty. Throws seatsim::Error for a method
// that is not a linear divisor method.
DistrictFit fit_district(const Election& election, std::size_t d, const Rule& rule);

// The same for every district, their intersection, and which standard methods reproduce each.
// For a multi-tier result (published leveling seats) the district tier is fitted: each district's
// published district seats. Throws seatsim::Error for a biproportional rule or seat bounds.
RuleFit fit_rule(const Election& election, const Rule& rule, bool standard_methods = true);

Json rule_fit_to_json(const Election& election, const RuleFit& fit);

}  // namespace seatsim
