#pragma once
// The rule's keys, defined once. Every key of a system's rule (`[rule]` in election.toml, `[system.rule]`
// in a system file, scenario files, the JSON of the explorer's API, Python keywords, command-line flags)
// is one entry here: its name, its type, whether it may name a file, its help text, and where its value
// lives in RuleSettings. Readers, writers, `--help`, the explorer's parameters, the JSON Schema and the
// Python keywords are all derived from this table, so a key added here appears everywhere at once.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "seatsim/core/json.hpp"
#include "seatsim/io/rule_settings.hpp"

namespace seatsim {

enum class KeyType {
  text,       // a word or an exact decimal, as written ("sainte-lague", "1.4")
  threshold,  // a threshold with its unit ("5%", "1000v")
  count,      // a whole number of seats
  flag,       // true or false
  names,      // a list of names (repeatable on the command line)
  seed,       // a whole number from 0 to 2^64 - 1
};

// Where a key's value lives in RuleSettings.
using RuleField =
    std::variant<std::optional<std::string> RuleSettings::*, std::optional<bool> RuleSettings::*,
                 std::optional<std::vector<std::string>> RuleSettings::*, std::optional<std::uint64_t> RuleSettings::*>;

enum class FileUse {
  never,   // the value is never a file name
  always,  // the value is a file name (party_thresholds, seat_bounds)
  maybe,   // a number, or a file name (leveling_per_district)
};

struct RuleKey {
  std::string_view name;  // the TOML/JSON key and Python keyword: "first_divisor"
  KeyType type;
  FileUse file;
  std::string_view group;  // "rule" or "tiers", for --help
  std::string_view help;
  RuleField field;
  // The values a word-valued key takes (methods, tie rules, ...), from their own registries.
  std::function<std::vector<std::string>()> choices;

  std::string flag() const;  // "--first-divisor"
  bool set_in(const RuleSettings& settings) const;
  void clear_in(RuleSettings& settings) const;
  // Copies this key's value from `from` into `into` when `from` sets it.
  void copy(const RuleSettings& from, RuleSettings& into) const;
  // Sets the value from text as written on a command line or in a query string. A `names` key adds
  // one name per call; a flag takes true/false/1/0 (empty: true). Throws seatsim::Error("<key>: ...").
  void set_text(RuleSettings& settings, std::string_view text) const;
  // The value as JSON (string, bool, number, or array of strings); null when not set.
  Json to_json(const RuleSettings& settings) const;
  // Sets the value from JSON as the system serialization writes it (a number is accepted where text
  // is expected only when it is a whole number: decimals must be strings, to stay exact).
  void set_json(RuleSettings& settings, const Json& value) const;
  // The value as a TOML value's source text: "\"1.4\"", "true", "[\"A\", \"B\"]".
  std::string toml_text(const RuleSettings& settings) const;
};

// Every key, in the order of interface.md (the rule, then the tiers).
const std::vector<RuleKey>& rule_keys();
// Looks a key up by name; '-' and '_' are the same ("first-divisor" finds first_divisor).
const RuleKey* find_rule_key(std::string_view name);
// Every key name (for "did you mean" and for error messages).
std::vector<std::string> rule_key_names();

// The keys set in `settings` whose value names a file (for the explorer's request path, which reads
// no file: a `maybe` key names a file when its value is not a whole number).
std::vector<std::string> file_keys_set(const RuleSettings& settings);

}  // namespace seatsim
