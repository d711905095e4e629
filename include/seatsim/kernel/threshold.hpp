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
#include <vector>

#include "seatsim/core/rational.hpp"

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

// The votes a threshold can be measured against, for one list in one district.
struct ThresholdVotes {
  std::int64_t list = 0;            // the list's votes in the district
  std::int64_t district_total = 0;  // all votes in the district
  std::int64_t party_national = 0;  // the party's votes in every district
  std::int64_t national_total = 0;  // all votes in every district
};

// Another way to pass: "4% nationally OR 12% in the constituency" (Sweden) is a threshold of 4%
// (national) with the alternative 12% (district).
struct ThresholdAlternative {
  ThresholdValue value;
  ThresholdScope scope = ThresholdScope::district;

  // "12% district", "5000v national"; the scope defaults to district.
  static ThresholdAlternative parse(std::string_view text);
  std::string to_string() const;
};

struct Threshold {
  std::optional<ThresholdValue> value;  // none: no threshold except per-party ones
  ThresholdScope scope = ThresholdScope::district;
  bool strict = false;
  std::set<std::string> exempt;
  // party -> its own threshold; std::nullopt means exempt.
  std::map<std::string, std::optional<ThresholdValue>> per_party;
  // A list that fails its threshold still passes when it passes any of these.
  std::vector<ThresholdAlternative> alternatives;
  // Coalitions of parties face their own threshold (Poland: 8%). A list is a coalition when its name
  // matches a pattern: the exact name, or a prefix ending in '*' ("KOALICYJNY KOMITET WYBORCZY*": the
  // Polish Electoral Code makes coalition committees carry the words in their name).
  std::optional<ThresholdValue> coalition;
  std::vector<std::string> coalition_patterns;

  bool is_coalition(std::string_view party) const;

  bool empty() const noexcept { return !value && per_party.empty() && alternatives.empty() && !coalition; }
  // Exempt by name (threshold_exempt) or by an empty per-party threshold.
  bool exempts(std::string_view party) const;
  // Whether any part of the threshold is measured nationally (the caller must then sum parties).
  bool needs_national() const noexcept;
  // Does a list whose own threshold is `own` (for_party) pass, alternatives included?
  bool passes(const std::optional<ThresholdValue>& own, const ThresholdVotes& votes) const noexcept;

  // The threshold that applies to `party`, or none (no threshold or exempt).
  std::optional<ThresholdValue> for_party(std::string_view party) const;
  std::string describe() const;
};

}  // namespace seatsim
