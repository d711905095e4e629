#pragma once
// Legal thresholds as an evaluator of their own: given the votes, which lists take part.
// A threshold is a share of a base (the valid votes of the district or of the nation) or an
// absolute number of votes; a list exactly at the threshold passes unless `strict`.
// Exempt lists (national minorities) always pass; per-list thresholds override the default.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "seatsim/rational.hpp"

namespace seatsim {

struct ThresholdValue {
  enum class Kind { share, votes };
  Kind kind = Kind::share;
  Rational share;          // for Kind::share, a fraction of one (5% = 1/20)
  std::int64_t votes = 0;  // for Kind::votes

  // "5%" -> share 1/20; "1000v" -> 1000 votes. A bare number ("5") is refused: it was read as
  // votes before 2026-12-06 and people meant a share (interface.md, amendment 1). Throws seatsim::Error.
  static ThresholdValue parse(std::string_view text);
  std::string to_string() const;  // "5%" or "1000v"

  // Does `list_votes` out of `base_votes` pass? Exact: v·den ≥ num·base (or >).
  bool passes(std::int64_t list_votes, std::int64_t base_votes, bool strict) const noexcept;
};

enum class ThresholdScope { district, national };
ThresholdScope threshold_scope_by_name(std::string_view name);
std::string_view threshold_scope_name(ThresholdScope scope) noexcept;

struct Threshold {
  std::optional<ThresholdValue> value;  // none: no threshold except per-party ones
  ThresholdScope scope = ThresholdScope::district;
  bool strict = false;
  std::set<std::string> exempt;
  // party -> its own threshold; std::nullopt means exempt.
  std::map<std::string, std::optional<ThresholdValue>> per_party;

  bool empty() const noexcept { return !value && per_party.empty(); }

  // The threshold that applies to `party`, or none (no threshold or exempt).
  std::optional<ThresholdValue> for_party(std::string_view party) const;
  std::string describe() const;
};

}  // namespace seatsim
