#include "seatsim/kernel/rule.hpp"

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {

void Rule::check() const {
  if (biproportional.enabled) {
    if (leveling.enabled()) throw Error("--biproportional and --leveling-seats cannot be combined");
    if (!method.is_divisor()) throw Error("--biproportional needs a divisor method, not " + method.name);
    (void)Signposts(method.divisor());
    if (!threshold.empty())
      throw Error("--biproportional takes --quorum-any-district / --quorum-total, not --threshold");
  }
  if (!bounds.empty() && !method.is_divisor())
    throw Error("seat bounds (--min-seats, --max-seats, --seat-bounds) need a divisor method, not " + method.name);
  if (leveling.enabled()) (void)leveling_placement(leveling.placement);
  if (quota_tier.enabled() && (leveling.enabled() || biproportional.enabled || !bounds.empty()))
    throw Error("--quota-tier cannot be combined with leveling seats, a biproportional rule or seat bounds");
  if (mixed_member.enabled()) {
    if (leveling.enabled() || biproportional.enabled || quota_tier.enabled() || !bounds.empty())
      throw Error(
          "--mixed-member cannot be combined with leveling seats, a biproportional rule, a quota tier or seat bounds");
    if (!method.is_divisor()) throw Error("--mixed-member needs a divisor method, not " + method.name);
  }
}

std::string Rule::describe() const {
  std::string text = method.describe() + "; threshold " + threshold.describe() + "; ties " +
                     std::string(tie_rule_name(ties)) +
                     (ties == TieRule::lot ? " (seed " + std::to_string(seed) + ")" : "");
  if (!bounds.empty()) text += "; seat bounds " + bounds.describe();
  if (leveling.enabled()) text += "; " + leveling.describe();
  if (biproportional.enabled) text += "; " + biproportional.describe();
  if (quota_tier.enabled()) text += "; " + quota_tier.describe();
  if (alliances.set()) text += "; " + alliances.describe();
  if (mixed_member.enabled()) text += "; " + mixed_member.describe();
  return text;
}

}  // namespace seatsim
