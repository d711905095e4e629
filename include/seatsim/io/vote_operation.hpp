#pragma once
// A vote operation as a scenario file states it: what to change, where, and where it was written.
// Applying it to an election is analysis (seatsim/analysis/vote_operations.hpp); reading and
// writing it, and naming its kinds, is all this layer knows.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/rational.hpp"

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
  // with `dissolve`, removes the alliance `name` (seatsim/core/alliance.hpp). Votes do not change.
  std::string name = {};
  bool dissolve = false;
  // set, for a mixed-member election: the constituency whose winner becomes `winner` (a party of the votes
  // or `independent:NAME`), instead of a list's votes.
  std::string constituency = {};
  std::string winner = {};

  // Where it was written, for messages: file, the line of its [[op]] and of each key.
  std::string source;
  std::size_t line = 0;
  std::map<std::string, std::size_t, std::less<>> key_lines;
  std::size_t line_of(std::string_view key) const;

  // "transfer 10% of 'A' to 'B' in Baghdad Governorate, Basra Governorate"
  std::string describe() const;
};

// Sets an operation's numeric field ("share", "votes", "points", "factor") to `value`; a
// transfer given a share and swept over votes (or the reverse) switches to the swept field.
// Throws seatsim::Error when the field does not belong to the operation's kind.
void set_operation_parameter(VoteOperation& op, const std::string& field, const Rational& value);
// The numeric fields `field` may name for this kind ("share", "votes" for transfer; ...).
std::vector<std::string> operation_parameters(OperationKind kind);

}  // namespace seatsim
