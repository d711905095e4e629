#pragma once
// How a system treats list alliances: the method that shares an alliance's seats among its members
// (and a sub-alliance's among its lists), and whether the threshold is measured per list or per group.
// Seats go first to groups (an alliance counts as one competitor with the sum of its lists' votes) by the
// rule's own method.
#include <optional>
#include <string>

#include "seatsim/kernel/method.hpp"

namespace seatsim {

enum class AllianceThreshold {
  lists,   // each list faces the threshold; a list that fails drops out of its alliance (Israel)
  groups,  // an alliance faces the threshold with its summed votes; its lists pass or fail together
};

struct AllianceRule {
  std::optional<Method> inner;  // inside alliances; none: the rule's method
  AllianceThreshold threshold = AllianceThreshold::lists;

  bool set() const noexcept { return inner.has_value() || threshold != AllianceThreshold::lists; }
  std::string describe() const;
};

AllianceThreshold alliance_threshold_by_name(const std::string& name);  // throws seatsim::Error
const char* alliance_threshold_name(AllianceThreshold threshold) noexcept;

}  // namespace seatsim
