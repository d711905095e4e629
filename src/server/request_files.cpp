#include "request_files.hpp"

#include <algorithm>

#include "seatsim/error.hpp"

namespace seatsim::server {
namespace {

std::string refusal(const std::string& key) {
  return key +
         " names a file, and the explorer reads no file a request names (give the served data set that file in "
         "its election.toml, or use the command line)";
}

bool whole_number(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// The value a scenario set for a file-valued key, when it names (or may name) a file.
bool sets_file(const RuleSettings& rule, const std::string& key) {
  if (key == "party_thresholds") return rule.party_thresholds.has_value();
  if (key == "seat_bounds") return rule.seat_bounds.has_value();
  if (key == "leveling_per_district") return rule.leveling_per_district && !whole_number(*rule.leveling_per_district);
  return false;
}

}  // namespace

const std::vector<std::string>& file_valued_rule_keys() {
  static const std::vector<std::string> keys = {"party_thresholds", "seat_bounds", "leveling_per_district"};
  return keys;
}

void refuse_file_keys(const Scenario& scenario) {
  for (const std::string& key : file_valued_rule_keys()) {
    if (!sets_file(scenario.rule, key)) continue;
    const auto line = scenario.rule_lines.find(key);
    throw Error(scenario.path, line == scenario.rule_lines.end() ? 0 : line->second, refusal(key));
  }
}

void refuse_file_parameter(const std::string& flag) {
  std::string key = flag;
  std::replace(key.begin(), key.end(), '-', '_');
  const auto& keys = file_valued_rule_keys();
  if (std::find(keys.begin(), keys.end(), key) != keys.end()) throw Error(refusal(flag));
}

}  // namespace seatsim::server
