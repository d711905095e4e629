#pragma once
// The full rule an allocation runs under: method, threshold, ties and reserved seats.
// Data-set manifests set it, flags override it key by key, JSON meta reports it.
#include <cstdint>
#include <string>

#include "seatsim/method.hpp"
#include "seatsim/threshold.hpp"
#include "seatsim/tie_rule.hpp"

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

  std::string describe() const;  // one line, for the table footer
};

}  // namespace seatsim
