#pragma once
// Running a scenario: its operations applied to the base data set, both allocated (the base
// under its own rule, the scenario under the base's rule with the scenario's [rule] over it),
// and the seats compared list by list, per district and nationally, next to the published ones.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "seatsim/analysis/vote_operations.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

struct ScenarioResult {
  Election base;
  Rule base_rule;
  ElectionOutcome base_outcome;
  Election election;  // after the operations
  Rule rule;
  ElectionOutcome outcome;
  std::vector<OperationReport> operations;
};

// Throws seatsim::Error (file and line) for an operation or a rule that does not apply.
ScenarioResult run_scenario(const Scenario& scenario, const ScenarioBase& base);
// The same without a file: any election, rules and operations.
ScenarioResult evaluate_scenario(const Election& base, const Rule& base_rule, const Rule& rule,
                                 std::span<const VoteOperation> operations, const OperationOptions& options = {});

// One list in one district (or nationally: summed over the districts) in the base and the
// scenario. A list that runs only in one of them has no votes in the other.
struct SeatComparison {
  bool national = false;
  std::string district;  // empty for national rows
  std::string party;
  std::optional<std::int64_t> base_votes;
  std::optional<std::int64_t> votes;
  std::optional<std::int64_t> published_seats;  // the base's, where every district of the row has them
  std::int64_t base_seats = 0;
  std::int64_t seats = 0;

  std::int64_t change() const noexcept { return seats - base_seats; }
};

// National rows first (lists in order of first appearance), then each district's: the
// scenario's lists in their order, then the base lists the operations removed.
std::vector<SeatComparison> compare_with_base(const ScenarioResult& result);

}  // namespace seatsim
