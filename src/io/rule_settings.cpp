#include "seatsim/rule_settings.hpp"

#include <filesystem>

#include "seatsim/error.hpp"
#include "seatsim/file_io.hpp"
#include "seatsim/input.hpp"

namespace seatsim {
namespace {

// True for a known quota method; false for a divisor method or an unknown name (which `build`
// then reports).
bool names_quota_method(const std::string& name) {
  try {
    return !method_by_name(name).is_divisor();
  } catch (const Error&) {
    return false;
  }
}

template <typename T>
void take(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}

std::vector<Rational> parse_divisor_list(const std::string& text) {
  std::vector<Rational> divisors;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto first = item.find_first_not_of(' ');
    if (first == std::string::npos) throw Error("an empty entry in the divisor list");
    divisors.push_back(parse_rational(item.substr(first, item.find_last_not_of(' ') - first + 1)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return divisors;
}

// Runs `parse` and prefixes any error with the key it came from.
template <typename F>
auto keyed(const char* key, F&& parse) {
  try {
    return parse();
  } catch (const Error& error) {
    if (!error.file().empty()) throw;
    throw Error(std::string(key) + ": " + error.message());
  }
}

std::map<std::string, std::optional<ThresholdValue>> read_party_thresholds(const std::string& path) {
  std::vector<InputFile> ignored;
  const CsvTable table = read_csv_file(path, ignored);
  const std::size_t party = table.require_column("party");
  const std::size_t value = table.require_column("threshold");
  std::map<std::string, std::optional<ThresholdValue>> thresholds;
  for (const CsvRow& row : table.rows) {
    const std::string& text = row.fields[value];
    try {
      thresholds[row.fields[party]] =
          text.empty() ? std::nullopt : std::optional<ThresholdValue>(ThresholdValue::parse(text));
    } catch (const Error& error) {
      throw Error(path, row.line, error.message());
    }
  }
  return thresholds;
}

}  // namespace

void RuleSettings::override_with(const RuleSettings& other) {
  take(method, other.method);
  take(first_divisor, other.first_divisor);
  take(divisors, other.divisors);
  take(threshold, other.threshold);
  take(threshold_scope, other.threshold_scope);
  take(threshold_strict, other.threshold_strict);
  take(threshold_exempt, other.threshold_exempt);
  take(party_thresholds, other.party_thresholds);
  take(ties, other.ties);
  take(seed, other.seed);
  take(reserved, other.reserved);
  // A method named in a later layer replaces an earlier custom sequence and vice versa.
  if (other.method && !other.divisors) divisors.reset();
  if (other.divisors && !other.method) method.reset();
  // A first divisor belongs to divisor methods: a later layer that names a quota method sets
  // aside the first divisor of the layers below (a data set's first_divisor = "1" must not stop
  // `--method hare`), unless it gives one itself (an error then, as it should be).
  if (other.method && !other.first_divisor && names_quota_method(*other.method)) first_divisor.reset();
}

Rule RuleSettings::build(const std::string& base_folder) const {
  Rule rule;
  if (divisors) {
    if (method && *method != "custom") throw Error("divisors: give a custom sequence or a method, not both");
    rule.method = keyed("divisors", [&] { return custom_divisor_method(parse_divisor_list(*divisors)); });
  } else if (method) {
    rule.method = keyed("method", [&] { return method_by_name(*method); });
  }
  if (first_divisor) {
    rule.method = keyed("first-divisor", [&] {
      const Rational first = parse_rational(*first_divisor);
      return with_first_divisor(rule.method, first);
    });
  }
  if (threshold) rule.threshold.value = keyed("threshold", [&] { return ThresholdValue::parse(*threshold); });
  if (threshold_scope)
    rule.threshold.scope = keyed("threshold-scope", [&] { return threshold_scope_by_name(*threshold_scope); });
  if (threshold_strict) rule.threshold.strict = *threshold_strict;
  if (threshold_exempt) rule.threshold.exempt.insert(threshold_exempt->begin(), threshold_exempt->end());
  if (party_thresholds) {
    std::filesystem::path path(*party_thresholds);
    if (path.is_relative() && !base_folder.empty()) path = std::filesystem::path(base_folder) / path;
    rule.threshold.per_party = read_party_thresholds(path.string());
  }
  if (ties) rule.ties = keyed("ties", [&] { return tie_rule_by_name(*ties); });
  if (seed) rule.seed = *seed;
  if (reserved && *reserved != "top-list-of-group")
    throw Error("reserved: unknown rule '" + *reserved + "' (known: top-list-of-group)");
  return rule;
}

}  // namespace seatsim
