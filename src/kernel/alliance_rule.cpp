#include "seatsim/kernel/alliance_rule.hpp"

#include "seatsim/core/error.hpp"

namespace seatsim {

AllianceThreshold alliance_threshold_by_name(const std::string& name) {
  if (name == "lists") return AllianceThreshold::lists;
  if (name == "groups") return AllianceThreshold::groups;
  throw Error("unknown alliance threshold '" + name + "' (known: lists, groups)");
}

const char* alliance_threshold_name(AllianceThreshold threshold) noexcept {
  return threshold == AllianceThreshold::groups ? "groups" : "lists";
}

std::string AllianceRule::describe() const {
  std::string text = "alliances: ";
  text += inner ? inner->describe() : std::string("the same method");
  return text + " inside, threshold on " + alliance_threshold_name(threshold);
}

}  // namespace seatsim
