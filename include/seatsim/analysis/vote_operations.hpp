#pragma once
// Vote operations: the "what if" edits a scenario makes to an election's votes, applied in
// order (docs/scenarios.md). Every operation computes each list's new votes exactly, as a
// fraction, and rounds it half to even, because votes stay whole numbers; what rounding moved
// is reported per district, so that a reader can tell the edit from its rounding.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/vote_operation.hpp"

namespace seatsim {

struct OperationOptions {
  bool clamp = false;  // cap a change that would make votes negative instead of failing
};

// What one operation did in one district.
struct DistrictEffect {
  std::string district;
  std::int64_t votes_before = 0;  // the district's total before and after the operation
  std::int64_t votes_after = 0;
  // Σ |rounded − exact| and Σ (rounded − exact) over the lists it changed, in votes. Exact
  // unless `rounding_approximate` (a denominator beyond 64 bits: then rounded to 10^-9).
  Rational rounding_moved;
  Rational rounding_net;
  bool rounding_approximate = false;
  bool clamped = false;  // clamp = true capped the change here
};

struct OperationReport {
  std::size_t index = 0;  // 1-based position in the scenario
  std::string description;
  std::vector<DistrictEffect> districts;  // where it changed something
  std::vector<std::string> skipped;       // "Anbar Governorate: no list 'Citizens Alliance'"

  // Σ of the districts' rounding_moved, for display (floating point: the parts are exact).
  double rounding_moved() const noexcept;
  bool clamped() const noexcept;
};

// Applies `op` (the `index`-th operation, 1-based, for messages) to `election` in place.
// Throws seatsim::Error(op.source, line of the offending key, ...) for a district or list that
// does not exist (with the closest names), for a change that would make votes negative (unless
// options.clamp), and for a share outside 0..100%.
OperationReport apply_operation(Election& election, const VoteOperation& op, std::size_t index,
                                const OperationOptions& options = {});

struct AppliedOperations {
  Election election;
  std::vector<OperationReport> reports;  // one per operation, in order
};
AppliedOperations apply_operations(Election election, std::span<const VoteOperation> operations,
                                   const OperationOptions& options = {});

// Rounds num/den (den > 0) to the nearest integer, halves to even.
i128 round_half_even(i128 num, i128 den) noexcept;

}  // namespace seatsim
