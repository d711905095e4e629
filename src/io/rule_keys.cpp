#include "seatsim/io/rule_keys.hpp"

#include <algorithm>
#include <charconv>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/leveling_placement.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/mixed_member.hpp"
#include "seatsim/kernel/quota_tier.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {
namespace {

using S = RuleSettings;

std::vector<std::string> method_choices() {
  std::vector<std::string> names = method_names();
  names.emplace_back("custom");
  return names;
}

// The table itself: one line per key. Help texts are those of `--help`.
std::vector<RuleKey> make_keys() {
  const std::string_view rule = "rule", tiers = "tiers";
  using F = FileUse;
  using T = KeyType;
  return {
      {"method", T::text, F::never, rule, "Allocation method (default sainte-lague)", &S::method, method_choices},
      {"first_divisor",
       T::text,
       F::never,
       rule,
       "First divisor of a divisor method, as an exact decimal (1.4 = 7/5)",
       &S::first_divisor,
       {}},
      {"divisors",
       T::text,
       F::never,
       rule,
       "Custom divisor sequence '1.4,3,5'; continues arithmetically from the last two",
       &S::divisors,
       {}},
      {"threshold",
       T::threshold,
       F::never,
       rule,
       "Legal threshold: a share ('5%') or a number of votes ('1000v')",
       &S::threshold,
       {}},
      {"threshold_scope", T::text, F::never, rule, "The base of the threshold: district (default) or national",
       &S::threshold_scope,
       [] {
         return std::vector<std::string>{"district", "national"};
       }},
      {"threshold_strict",
       T::flag,
       F::never,
       rule,
       "A list exactly at the threshold fails (default: it passes)",
       &S::threshold_strict,
       {}},
      {"threshold_exempt",
       T::names,
       F::never,
       rule,
       "A list exempt from the threshold (one per flag; repeatable)",
       &S::threshold_exempt,
       {}},
      {"threshold_or",
       T::names,
       F::never,
       rule,
       "An alternative threshold a list may pass instead, with its scope: '12% district' (repeatable)",
       &S::threshold_or,
       {}},
      {"coalition_threshold",
       T::threshold,
       F::never,
       rule,
       "The threshold of coalition lists (Poland: 8%), instead of the threshold",
       &S::coalition_threshold,
       {}},
      {"coalition_lists",
       T::names,
       F::never,
       rule,
       "Which lists are coalitions: a name, or a prefix ending in '*' (repeatable)",
       &S::coalition_lists,
       {}},
      {"party_thresholds",
       T::text,
       F::always,
       rule,
       "CSV party,threshold overriding the threshold (empty = exempt)",
       &S::party_thresholds,
       {}},
      {"ties", T::text, F::never, rule, "Tie rule (default more-votes)", &S::ties, tie_rule_names},
      {"seed", T::seed, F::never, rule, "Seed of the 'lot' tie rule (default 0)", &S::seed, {}},
      {"reserved", T::text, F::never, rule, "How reserved seats are filled (top-list-of-group)", &S::reserved,
       [] { return std::vector<std::string>{"top-list-of-group"}; }},
      {"min_seats",
       T::count,
       F::never,
       tiers,
       "Every list takes at least this many seats (divisor methods)",
       &S::min_seats,
       {}},
      {"max_seats",
       T::count,
       F::never,
       tiers,
       "No list takes more than this many seats (divisor methods)",
       &S::max_seats,
       {}},
      {"seat_bounds",
       T::text,
       F::always,
       tiers,
       "CSV party,min,max with per-list bounds (an empty field: the general one)",
       &S::seat_bounds,
       {}},
      {"leveling_seats",
       T::count,
       F::never,
       tiers,
       "National leveling seats on top of the district seats",
       &S::leveling_seats,
       {}},
      {"leveling_threshold",
       T::threshold,
       F::never,
       tiers,
       "National threshold for the leveling tier: a share ('4%') or votes ('1000v')",
       &S::leveling_threshold,
       {}},
      {"leveling_placement", T::text, F::never, tiers, "How leveling seats go into districts (default norway)",
       &S::leveling_placement, leveling_placement_names},
      {"leveling_per_district",
       T::text,
       F::maybe,
       tiers,
       "Leveling seats each district can take: a number (default 1) or a CSV district,seats",
       &S::leveling_per_district,
       {}},
      {"leveling_method", T::text, F::never, tiers,
       "The national apportionment of the leveling tier (default: the method; Denmark: hare)", &S::leveling_method,
       method_names},
      {"leveling_threshold_or",
       T::names,
       F::never,
       tiers,
       "Another way into the leveling tier than its threshold: 'district-seats 1', 'region-average 2' (repeatable)",
       &S::leveling_threshold_or,
       {}},
      {"leveling_regions",
       T::names,
       F::never,
       tiers,
       "A region of districts with its leveling seats: 'NAME (SEATS): DISTRICT; DISTRICT' (repeatable)",
       &S::leveling_regions,
       {}},
      {"biproportional",
       T::flag,
       F::never,
       tiers,
       "Biproportional apportionment: lists nationally, then districts by alternating scaling",
       &S::biproportional,
       {}},
      {"quorum_any_district",
       T::threshold,
       F::never,
       tiers,
       "Biproportional quorum: this share ('5%') or number of votes ('1000v') in at least one district",
       &S::quorum_any_district,
       {}},
      {"quorum_total",
       T::threshold,
       F::never,
       tiers,
       "Biproportional quorum: this share of all votes (with quorum-any-district, either suffices)",
       &S::quorum_total,
       {}},
      {"list_votes",
       T::flag,
       F::never,
       tiers,
       "Votes are list votes: the upper apportionment divides them by the district's seats",
       &S::list_votes,
       {}},
      {"winner_take_one",
       T::flag,
       F::never,
       tiers,
       "Biproportional: a district's strongest list takes at least one seat there, when entitled to seats",
       &S::winner_take_one,
       {}},
      {"quota_tier", T::text, F::never, tiers,
       "Quota tier: each district gives whole quotas of this kind, the remainders go to a national tier",
       &S::quota_tier, quota_kind_names},
      {"quota_tier_rounding", T::text, F::never, tiers,
       "The quota tier's quota: exact (default), up (Austria's electoral number) or nearest (half up)",
       &S::quota_tier_rounding, quota_rounding_names},
      {"quota_tier_base", T::text, F::never, tiers,
       "The votes of the quota: of the lists that pass the threshold (default) or of all lists", &S::quota_tier_base,
       quota_base_names},
      {"remainder_method", T::text, F::never, tiers, "Quota tier: the national tier's method (default hare)",
       &S::remainder_method, method_names},
      {"remainder_votes", T::text, F::never, tiers,
       "Quota tier: the national tier apportions unused votes (default) or all votes less seats won",
       &S::remainder_votes, upper_votes_names},
      {"remainder_threshold",
       T::threshold,
       F::never,
       tiers,
       "Quota tier: national share a list needs for the national tier, unless it won a district seat",
       &S::remainder_threshold,
       {}},
      {"seats_by_votes", T::text, F::never, tiers,
       "Quota tier: apportion the house to the districts by the votes cast there, by this method", &S::seats_by_votes,
       method_names},
      {"alliance_method", T::text, F::never, rule,
       "Method that shares a list alliance's seats among its lists (default: the method)", &S::alliance_method,
       method_names},
      {"alliance_threshold", T::text, F::never, rule,
       "Whether the threshold applies to each list of an alliance or to the alliance's summed votes",
       &S::alliance_threshold,
       [] {
         return std::vector<std::string>{"lists", "groups"};
       }},
      {"mixed_member", T::text, F::never, tiers,
       "Mixed-member system: constituency winners (constituencies.csv) and compensating list seats", &S::mixed_member,
       mixed_member_kind_names},
      {"constituency_route",
       T::count,
       F::never,
       tiers,
       "Mixed member: a party with this many constituency wins takes part whatever the threshold",
       &S::constituency_route,
       {}},
      {"house_seats",
       T::count,
       F::never,
       tiers,
       "Mixed member: the seats apportioned nationally (default: the districts' seats added up)",
       &S::house_seats,
       {}},
  };
}

std::string dashed(std::string_view name) {
  std::string flag(name);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

bool parse_bool(std::string_view key, std::string_view text) {
  if (text.empty() || text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  throw Error(std::string(key) + ": '" + std::string(text) + "' is not true or false");
}

std::uint64_t parse_seed(std::string_view key, std::string_view text) {
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    throw Error(std::string(key) + ": '" + std::string(text) +
                "' is not a whole number from 0 to 18446744073709551615");
  return seed;
}

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char hex[] = "0123456789ABCDEF";
          out += "\\u00";
          out += hex[(c >> 4) & 0xF];
          out += hex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string RuleKey::flag() const { return "--" + dashed(name); }

bool RuleKey::set_in(const RuleSettings& settings) const {
  return std::visit([&](auto member) { return (settings.*member).has_value(); }, field);
}

void RuleKey::clear_in(RuleSettings& settings) const {
  std::visit([&](auto member) { (settings.*member).reset(); }, field);
}

void RuleKey::copy(const RuleSettings& from, RuleSettings& into) const {
  std::visit(
      [&](auto member) {
        if ((from.*member).has_value()) into.*member = from.*member;
      },
      field);
}

void RuleKey::set_text(RuleSettings& settings, std::string_view text) const {
  std::visit(
      [&](auto member) {
        auto& slot = settings.*member;
        using Value = typename std::decay_t<decltype(slot)>::value_type;
        if constexpr (std::is_same_v<Value, std::string>) {
          slot = std::string(text);
        } else if constexpr (std::is_same_v<Value, bool>) {
          slot = parse_bool(name, text);
        } else if constexpr (std::is_same_v<Value, std::uint64_t>) {
          slot = parse_seed(name, text);
        } else {
          if (!slot) slot.emplace();
          slot->emplace_back(text);
        }
      },
      field);
}

Json RuleKey::to_json(const RuleSettings& settings) const {
  return std::visit(
      [&](auto member) -> Json {
        const auto& slot = settings.*member;
        if (!slot) return nullptr;
        return Json(*slot);
      },
      field);
}

void RuleKey::set_json(RuleSettings& settings, const Json& value) const {
  const std::string key(name);
  std::visit(
      [&](auto member) {
        auto& slot = settings.*member;
        using Value = typename std::decay_t<decltype(slot)>::value_type;
        if constexpr (std::is_same_v<Value, std::string>) {
          if (value.is_string()) {
            slot = value.get<std::string>();
          } else if (value.is_number_integer()) {
            slot = value.dump();
          } else if (value.is_number()) {
            throw Error(key + ": write decimal numbers as strings (\"1.4\"), so that they are read exactly");
          } else if (value.is_array() && name == "divisors") {
            std::string joined;
            for (const Json& item : value) {
              if (!item.is_string() && !item.is_number_integer())
                throw Error(key + ": write decimal numbers as strings (\"1.4\"), so that they are read exactly");
              joined += (joined.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
            }
            slot = joined;
          } else {
            throw Error(key + ": expected a string");
          }
        } else if constexpr (std::is_same_v<Value, bool>) {
          if (!value.is_boolean()) throw Error(key + ": expected true or false");
          slot = value.get<bool>();
        } else if constexpr (std::is_same_v<Value, std::uint64_t>) {
          if (value.is_number_unsigned()) {
            slot = value.get<std::uint64_t>();
          } else if (value.is_string()) {
            slot = parse_seed(name, value.get<std::string>());
          } else {
            throw Error(key + ": expected a whole number from 0 to 18446744073709551615");
          }
        } else {
          std::vector<std::string> names;
          if (value.is_string()) {
            names.push_back(value.get<std::string>());
          } else if (value.is_array()) {
            for (const Json& item : value) {
              if (!item.is_string()) throw Error(key + ": expected a list of names");
              names.push_back(item.get<std::string>());
            }
          } else {
            throw Error(key + ": expected a name or a list of names");
          }
          slot = std::move(names);
        }
      },
      field);
}

std::string RuleKey::toml_text(const RuleSettings& settings) const {
  return std::visit(
      [&](auto member) -> std::string {
        const auto& slot = settings.*member;
        if (!slot) return {};
        using Value = typename std::decay_t<decltype(slot)>::value_type;
        if constexpr (std::is_same_v<Value, std::string>) {
          return toml_string(*slot);
        } else if constexpr (std::is_same_v<Value, bool>) {
          return *slot ? "true" : "false";
        } else if constexpr (std::is_same_v<Value, std::uint64_t>) {
          // TOML integers are signed 64-bit: a larger seed is written as a string.
          return *slot > static_cast<std::uint64_t>(INT64_MAX) ? toml_string(std::to_string(*slot))
                                                               : std::to_string(*slot);
        } else {
          std::string out = "[";
          for (std::size_t i = 0; i < slot->size(); ++i) out += (i ? ", " : "") + toml_string((*slot)[i]);
          return out + "]";
        }
      },
      field);
}

const std::vector<RuleKey>& rule_keys() {
  static const std::vector<RuleKey> keys = make_keys();
  return keys;
}

const RuleKey* find_rule_key(std::string_view name) {
  std::string wanted(name);
  std::replace(wanted.begin(), wanted.end(), '-', '_');
  for (const RuleKey& key : rule_keys())
    if (key.name == wanted) return &key;
  return nullptr;
}

std::vector<std::string> rule_key_names() {
  std::vector<std::string> names;
  for (const RuleKey& key : rule_keys()) names.emplace_back(key.name);
  return names;
}

std::vector<std::string> file_keys_set(const RuleSettings& settings) {
  std::vector<std::string> keys;
  for (const RuleKey& key : rule_keys()) {
    if (key.file == FileUse::never || !key.set_in(settings)) continue;
    if (key.file == FileUse::maybe) {
      const Json value = key.to_json(settings);
      const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
      if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) continue;
    }
    keys.emplace_back(key.name);
  }
  return keys;
}

}  // namespace seatsim
