#pragma once
// A scenario: a "what if" question about a data set, written as a TOML file (docs/scenarios.md).
// It names its base data set, optional rule overrides (keys as in election.toml), vote
// operations applied in order, and optionally one parameter swept over values. Loading checks
// everything that can be checked without the data (keys, numbers, kinds); names of lists and
// districts are checked when the operations meet the data. Every error names file and line.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/vote_operation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

// What a sweep varies.
enum class SweepTarget {
  operation,      // "op.N.FIELD": share, votes, points or factor of the N-th operation (1-based)
  first_divisor,  // "rule.first_divisor"
  threshold,      // "rule.threshold"
  seats,          // "seats.<district>": the district's seat total
};

struct Sweep {
  std::string parameter;  // as written
  SweepTarget target = SweepTarget::operation;
  std::size_t operation = 0;  // 0-based index into Scenario::operations (target operation)
  std::string field;          // "share", "votes", "points", "factor" (target operation)
  std::string district;       // target seats
  // The values in the file's order, as text ("0.5%", "1.6", "12") and exactly.
  std::vector<std::string> texts;
  std::vector<Rational> values;
  bool percent = false;  // the values were written as percentages (shown so in reports)
  std::string source;
  std::size_t line = 0;         // of `parameter`
  std::size_t values_line = 0;  // of `values`

  // A value as this sweep shows it: "2.5%" for percentages, "1000v" for thresholds in votes, "1.6" or
  // "8/5" otherwise.
  std::string format(const Rational& value) const;
};

struct Scenario {
  std::string path;  // the scenario file
  std::string name;
  std::string base;   // the data set folder (or votes file), resolved against the file's folder
  RuleSettings rule;  // overrides of the base's rule, key by key
  bool clamp = false;
  std::vector<VoteOperation> operations;
  // [seats]: seat totals (reserved seats included) that replace the base's for these districts,
  // in the scenario only; the line of each, for messages.
  std::map<std::string, std::int64_t> seats;
  std::map<std::string, std::size_t> seats_lines;
  std::optional<Sweep> sweep;
  std::vector<InputFile> files;  // the scenario file and its SHA-256
  // Lines of `base` and of each [rule] key, for messages about them.
  std::size_t base_line = 0;
  std::map<std::string, std::size_t> rule_lines;
};

// Reads and checks a scenario file. Throws seatsim::Error(path, line, ...).
Scenario load_scenario(const std::string& path);
// The same from text already in memory; `path` names it in messages and anchors `base`.
Scenario parse_scenario(const std::string& path, const std::string& text);
// A scenario whose base the caller supplies (Python's scenario(..., base=table)): `base` may be left out, and
// is ignored when written.
Scenario parse_scenario_on_given_base(const std::string& path, const std::string& text);

// The scenarios of a data set's what-if/*.toml (by file name) that have a [sweep] on that data set: the sweeps
// a report draws. None when the folder is empty (a votes file) or has no what-if/.
std::vector<Scenario> load_what_if_sweeps(const std::string& folder);

// The data set a scenario starts from: loaded (its CSV files read with `options`), seat totals
// applied, its own rule built.
struct ScenarioBase {
  LoadedInput input;  // input.election has its seat totals
  RuleSettings settings;
  Rule rule;
};
ScenarioBase load_scenario_base(const Scenario& scenario, const CsvOptions& options = {});
// The same for an input already loaded (a table in memory): seat totals applied, the rule built.
ScenarioBase scenario_base_of(const Scenario& scenario, LoadedInput input);

// The rule a scenario runs under: the base's settings, then the scenario's [rule] over them.
Rule scenario_rule(const Scenario& scenario, const ScenarioBase& base);

// The election a scenario's operations start from: the base's, with the seat totals of the
// scenario's [seats] over it. Throws seatsim::Error(file, line, ...) for a district that does not
// exist (with the closest names) or a total below the district's reserved seats.
Election scenario_start(const Scenario& scenario, const ScenarioBase& base);

}  // namespace seatsim
