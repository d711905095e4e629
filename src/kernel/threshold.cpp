#include "seatsim/kernel/threshold.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {

namespace {

// The readings a bare number could have, for the message that refuses it: "5" is 5% or 5v;
// "5.5" can only be a share and "1000" only votes.
std::string bare_number_message(std::string_view text, const Rational& number) {
  const std::string shown(text);
  std::string readings;
  const bool share = !number.is_negative() && number <= Rational(100);
  const bool votes = !number.is_negative() && number.is_integer();
  if (share) readings = "write " + shown + "% for a share";
  if (votes) readings += std::string(share ? " or " : "write ") + shown + "v for votes";
  if (!share && !votes) readings = "write a share like 5% or a number of votes like 1000v";
  return "'" + shown + "' has no unit: " + readings + " (before 2026-12-06 a bare number meant votes)";
}

}  // namespace

ThresholdValue ThresholdValue::parse(std::string_view text) {
  ThresholdValue value;
  if (!text.empty() && text.back() == '%') {
    value.kind = Kind::share;
    value.share = parse_share(text);
    if (value.share.is_negative() || value.share > Rational(1))
      throw Error("threshold '" + std::string(text) + "' must be between 0% and 100%");
    return value;
  }
  if (!text.empty() && text.back() == 'v') {
    const Rational votes = parse_rational(text.substr(0, text.size() - 1));
    if (!votes.is_integer() || votes.is_negative())
      throw Error("threshold '" + std::string(text) + "' must be a whole number of votes like 1000v");
    value.kind = Kind::votes;
    value.votes = votes.num();
    return value;
  }
  Rational number;
  try {
    number = parse_rational(text);
  } catch (const Error&) {
    throw Error("threshold '" + std::string(text) + "' must be a share like 5% or a number of votes like 1000v");
  }
  throw Error(bare_number_message(text, number));
}

std::string ThresholdValue::to_string() const {
  return kind == Kind::share ? format_percent(share) : std::to_string(votes) + "v";
}

bool ThresholdValue::passes(std::int64_t list_votes, std::int64_t base_votes, bool strict) const noexcept {
  if (kind == Kind::votes) return strict ? list_votes > votes : list_votes >= votes;
  const i128 lhs = static_cast<i128>(list_votes) * share.den();
  const i128 rhs = static_cast<i128>(share.num()) * base_votes;
  return strict ? lhs > rhs : lhs >= rhs;
}

ThresholdScope threshold_scope_by_name(std::string_view name) {
  if (name == "district") return ThresholdScope::district;
  if (name == "national") return ThresholdScope::national;
  throw Error("unknown threshold scope '" + std::string(name) + "' (known: district, national)");
}

std::string_view threshold_scope_name(ThresholdScope scope) noexcept {
  return scope == ThresholdScope::district ? "district" : "national";
}

ThresholdAlternative ThresholdAlternative::parse(std::string_view text) {
  const std::size_t space = text.find(' ');
  ThresholdAlternative alternative;
  alternative.value = ThresholdValue::parse(text.substr(0, space));
  if (space != std::string_view::npos) {
    std::string_view scope = text.substr(space + 1);
    while (!scope.empty() && scope.front() == ' ') scope.remove_prefix(1);
    alternative.scope = threshold_scope_by_name(scope);
  }
  return alternative;
}

std::string ThresholdAlternative::to_string() const {
  return value.to_string() + " " + std::string(threshold_scope_name(scope));
}

bool Threshold::needs_national() const noexcept {
  if (!empty() && scope == ThresholdScope::national) return true;
  return std::ranges::any_of(alternatives, [](const ThresholdAlternative& alternative) {
    return alternative.scope == ThresholdScope::national;
  });
}

bool Threshold::passes(const std::optional<ThresholdValue>& own, const ThresholdVotes& votes) const noexcept {
  const auto measured = [&](const ThresholdValue& bar, ThresholdScope where) {
    return where == ThresholdScope::district ? bar.passes(votes.list, votes.district_total, strict)
                                             : bar.passes(votes.party_national, votes.national_total, strict);
  };
  if (own && measured(*own, scope)) return true;
  return std::ranges::any_of(alternatives, [&](const ThresholdAlternative& alternative) {
    return measured(alternative.value, alternative.scope);
  });
}

bool Threshold::exempts(std::string_view party) const {
  if (exempt.contains(std::string(party))) return true;
  const auto it = per_party.find(std::string(party));
  return it != per_party.end() && !it->second;
}

bool Threshold::is_coalition(std::string_view party) const {
  return std::ranges::any_of(coalition_patterns, [&](const std::string& pattern) {
    if (!pattern.empty() && pattern.back() == '*')  // a prefix pattern
      return party.substr(0, pattern.size() - 1) == std::string_view(pattern).substr(0, pattern.size() - 1);
    return party == pattern;
  });
}

std::optional<ThresholdValue> Threshold::for_party(std::string_view party) const {
  if (exempt.contains(std::string(party))) return std::nullopt;
  if (const auto it = per_party.find(std::string(party)); it != per_party.end()) return it->second;
  if (coalition && is_coalition(party)) return coalition;
  return value;
}

std::string Threshold::describe() const {
  if (empty()) return "none";
  std::string text = value ? value->to_string() : "per party";
  text += std::string(" (") + (strict ? "strictly above" : "at least") + ", " +
          std::string(threshold_scope_name(scope)) + ")";
  for (const auto& [party, own] : per_party) text += "; " + party + ": " + (own ? own->to_string() : "exempt");
  for (const std::string& party : exempt) text += "; " + party + ": exempt";
  for (const ThresholdAlternative& alternative : alternatives) text += "; or " + alternative.to_string();
  if (coalition) text += "; coalitions " + coalition->to_string();
  return text;
}

}  // namespace seatsim
