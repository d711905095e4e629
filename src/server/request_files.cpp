#include "request_files.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/io/rule_keys.hpp"

namespace seatsim::server {
namespace {

std::string refusal(const std::string& key) {
  return key +
         " names a file, and the explorer reads no file a request names (give the served data set that file in "
         "its election.toml, or use the command line)";
}

}  // namespace

// From the key registry (seatsim/io/rule_keys.hpp): a key added there with a file value is refused here
// without an edit.
const std::vector<std::string>& file_valued_rule_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> names;
    for (const RuleKey& key : rule_keys())
      if (key.file != FileUse::never) names.emplace_back(key.name);
    return names;
  }();
  return keys;
}

void refuse_file_keys(const Scenario& scenario) {
  for (const std::string& key : file_keys_set(scenario.rule)) {
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
