#pragma once
// Turnout in a projection (analysis/projection.hpp): each district's total of valid votes V_d is
// kept (`unchanged`, the default) or scaled (`scale:F`, F an exact decimal greater than 0): the
// district's projected votes then sum to round-half-up(V_d · F), computed exactly in integers, and
// are shared out by the swing's largest remainders as before (swing_model.hpp). The district
// shares, and so the seats of a rule that depends on shares alone, do not change; a rule with an
// absolute quorum or threshold in votes can.
#include <cstdint>
#include <string>
#include <string_view>

#include "seatsim/core/rational.hpp"

namespace seatsim {

struct TurnoutChange {
  Rational factor{1};  // F
  std::string text = "unchanged";

  // "unchanged" or "scale:F" (F a decimal > 0). Throws seatsim::Error naming --turnout.
  static TurnoutChange parse(std::string_view text);
  // round-half-up(votes · F); throws seatsim::Error (limit) past 63 bits.
  std::int64_t total(std::int64_t votes) const;
  std::string describe() const;
};

}  // namespace seatsim
