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

#include "seatsim/election.hpp"
#include "seatsim/int128.hpp"
#include "seatsim/rational.hpp"

namespace seatsim {

enum class OperationKind { transfer, uniform, proportional, turnout, merge, split, remove, set, alliance };

std::string_view operation_kind_name(OperationKind kind) noexcept;
// Throws seatsim::Error naming the known kinds.
OperationKind operation_kind_by_name(std::string_view name);

struct SplitPart {
  std::string party;
  Rational share;  // of the split list's votes, 0..1
};

struct VoteOperation {
  OperationKind kind = OperationKind::transfer;
  std::vector<std::string> districts;  // empty: every district
  // transfer: `share` of `from`'s votes, or `votes` votes, go to `to` (in each district).
  std::string from, to;
  std::optional<Rational> share;
  std::optional<std::int64_t> votes;  // transfer: votes moved per district; set: the list's new votes
  // uniform, proportional, split, remove, set: the list concerned.
  std::string party;
  // uniform: percentage points added to `party`'s share of the district's votes (negative:
  // taken away), taken from (or given to) the other lists in proportion to their votes.
  std::optional<Rational> points;
  std::optional<Rational> factor;    // proportional: `party`'s votes times factor; turnout: every list's
  std::vector<std::string> parties;  // merge: these lists become `into`
  std::string into;
  std::vector<SplitPart> parts;  // split: each part takes its share; `party` keeps the rest
  // alliance: forms the list alliance `name` of `parties` (in each district where they all stand), or,
  // with `dissolve`, removes the alliance `name` (seatsim/alliance.hpp). Votes do not change.
  std::string name = {};
  bool dissolve = false;

  // Where it was written, for messages: file, the line of its [[op]] and of each key.
  std::string source;
  std::size_t line = 0;
  std::map<std::string, std::size_t, std::less<>> key_lines;
  std::size_t line_of(std::string_view key) const;

  // "transfer 10% of 'A' to 'B' in Baghdad Governorate, Basra Governorate"
  std::string describe() const;
};

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

// Sets an operation's numeric field ("share", "votes", "points", "factor") to `value`; a
// transfer given a share and swept over votes (or the reverse) switches to the swept field.
// Throws seatsim::Error when the field does not belong to the operation's kind.
void set_operation_parameter(VoteOperation& op, const std::string& field, const Rational& value);
// The numeric fields `field` may name for this kind ("share", "votes" for transfer; ...).
std::vector<std::string> operation_parameters(OperationKind kind);

// Rounds num/den (den > 0) to the nearest integer, halves to even.
i128 round_half_even(i128 num, i128 den) noexcept;

}  // namespace seatsim
