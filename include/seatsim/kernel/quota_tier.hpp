#pragma once
// A quota tier in the districts with a remainder tier above it: the Czech Chamber of Deputies since
// 2021 and Austria's National Council (docs/multi-tier.md, "Quota tier").
//
// 1. (optional) The house is apportioned to the districts by the votes cast in each (Czechia: Hare,
//    largest remainders, on all valid votes).
// 2. Each district hands out whole quotas: a list takes ⌊v/Q⌋ seats, Q a quota of the district's
//    votes and seats (Hare, Droop, Hagenbach-Bischoff or Imperiali, exact or rounded). When the whole
//    quotas exceed the district's seats, the excess is withdrawn one seat at a time from the lists with
//    the smallest remainders (Czechia, Act 247/1995 § 50), ties by the tie rule.
// 3. The seats the districts left over go to a national tier, apportioned by a named method either on
//    the votes the districts did not use, v − s·Q summed over districts (Czechia), or on all votes, each
//    list's national share less the seats it already won (Austria; a list whose district seats exceed
//    its share keeps them and the rest is apportioned again without it).
// 4. The national seats are placed back into districts with room, each list's in the districts where
//    its unused votes are largest, one per district and round.
// All arithmetic is integer; Q is an exact rational, or a whole number when rounded.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/rational.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/threshold.hpp"

namespace seatsim {

struct QuotaTierRule {
  enum class Rounding { exact, up, nearest };  // nearest: half up
  enum class Base { passing, all };            // the quota's votes: lists that pass the threshold, or all
  enum class UpperVotes { unused, all };       // what the national tier apportions

  std::optional<QuotaRule::Kind> quota;  // none: no quota tier
  Rounding rounding = Rounding::exact;
  Base base = Base::passing;
  Method upper_method = method_by_name("hare");
  UpperVotes upper_votes = UpperVotes::unused;
  // A national share of all valid votes a list needs for the national tier; a list with a district
  // seat takes part as well (Austria, NRWO § 100 (1)). Unset: every list that passes the threshold.
  std::optional<ThresholdValue> upper_threshold;
  std::optional<Method> seats_by_votes;  // apportions the house to the districts by votes cast there

  bool enabled() const noexcept { return quota.has_value(); }
  // The district quota for `votes` and `seats`, rounded as the rule says.
  Rational quota_for(std::int64_t votes, std::int64_t seats) const;
  std::string describe() const;
};

// Names as the rule keys write them.
QuotaRule::Kind quota_kind_by_name(const std::string& name);
QuotaTierRule::Rounding quota_rounding_by_name(const std::string& name);
QuotaTierRule::Base quota_base_by_name(const std::string& name);
QuotaTierRule::UpperVotes upper_votes_by_name(const std::string& name);
std::vector<std::string> quota_kind_names();
std::vector<std::string> quota_rounding_names();
std::vector<std::string> quota_base_names();
std::vector<std::string> upper_votes_names();

// What the tiers did, for `allocate`'s footer and JSON and for checking by hand.
struct QuotaTierOutcome {
  std::vector<std::int64_t> district_seats;  // each district's seats (apportioned by votes when asked)
  std::vector<Rational> quotas;              // each district's quota
  std::vector<std::int64_t> excess;          // whole quotas beyond a district's seats, withdrawn
  std::vector<std::string> parties;          // every list name, in order of first appearance
  std::vector<std::int64_t> upper_votes;     // the votes the national tier apportioned
  std::vector<bool> takes_part;              // in the national tier
  std::vector<std::int64_t> lower_seats;     // won in the districts
  std::vector<std::int64_t> upper_seats;     // won in the national tier
  std::int64_t upper_total = 0;              // seats the districts left to the national tier
  // [district][list]: the votes v − s·Q each list passed up (0 where it did not pass the threshold).
  std::vector<std::vector<Rational>> unused;
};

}  // namespace seatsim
