#pragma once
// The full rule an allocation runs under: method, threshold, ties, reserved seats, and the tiers
// above the districts (seat bounds, leveling seats, biproportional apportionment).
// Data-set manifests set it, flags override it key by key, JSON meta reports it.
#include <cstdint>
#include <string>

#include "seatsim/kernel/alliance_rule.hpp"
#include "seatsim/kernel/biproportional.hpp"
#include "seatsim/kernel/leveling.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/mixed_member.hpp"
#include "seatsim/kernel/quota_tier.hpp"
#include "seatsim/kernel/seat_bounds.hpp"
#include "seatsim/kernel/threshold.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {

// How reserved (minority quota) seats are filled.
enum class ReservedRule {
  top_list_of_group,  // each group's list with most votes takes one reserved seat
};

struct Rule {
  Method method = method_by_name("sainte-lague");
  Threshold threshold;
  TieRule ties = TieRule::more_votes;
  std::uint64_t seed = 0;
  ReservedRule reserved = ReservedRule::top_list_of_group;
  SeatBounds bounds;                  // per list, in the allocation that gives lists their seats
  LevelingRule leveling;              // a national leveling tier on top of the districts
  BiproportionalRule biproportional;  // lists nationally, then districts by alternating scaling
  QuotaTierRule quota_tier;           // whole quotas in districts, the remainders nationally
  AllianceRule alliances;             // inside a district's list alliances, when the data has some
  MixedMemberRule mixed_member;       // constituency winners and compensating list seats

  bool tiered() const noexcept {
    return leveling.enabled() || biproportional.enabled || quota_tier.enabled() || mixed_member.enabled();
  }
  // Throws seatsim::Error for tiers that cannot be combined (see docs/multi-tier.md).
  void check() const;
  std::string describe() const;  // one line, for the table footer
};

}  // namespace seatsim
