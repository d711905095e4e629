#pragma once
// The one front-end pipeline: "input + system + overrides -> an election ready to allocate, with its
// provenance". The command line, the explorer, Python and seatsim-mpi all call it, so that they layer
// the rule the same way, check the same names and refuse the same things.
//
// Rule layers, each overriding the one before key by key (interface.md, amendment 9):
//   1. the input's own rule: a data set's `system = ...` and then its [rule]; a scenario's base, then
//      the scenario's [rule];
//   2. `--system NAME|FILE` (a library system, or a file);
//   3. the overrides: command-line flags, request parameters, Python keywords.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/io/input.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/system.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

// Whether the rule layers may read files. The explorer's request path refuses: a request that names a
// file (a file-valued key, a system file) is an error, whatever the file.
enum class FileAccess { allowed, refused };

struct RuleSources {
  std::optional<std::string> system;   // --system NAME|FILE
  std::optional<System> system_value;  // a system already in memory (Python's seatsim.System), instead
  RuleSettings overrides;              // the top layer
  FileAccess file_access = FileAccess::allowed;
};

// Seat totals named outside the input (`--seats`, `--seats-file`), and the list alliances of a votes
// file (`--alliances`, which replaces a data set's alliances.csv).
struct SeatOverrides {
  std::optional<std::int64_t> seats;
  std::optional<std::string> seats_file;
  std::optional<std::string> alliances_file;
  std::optional<std::string> constituencies_file;  // --constituencies: replaces a data set's constituencies.csv
};

struct ElectionSetup {
  LoadedInput input;      // the election, seat totals applied (and a scenario's operations)
  RuleSettings settings;  // every layer merged
  Rule rule;
  System system;  // the system as applied: the named one's description with the merged rule
  std::vector<std::string> warnings;
};

// Loads `path` (a votes CSV, "-", a data-set folder, or a scenario file without a sweep) and applies
// the rule layers. Throws seatsim::Error (file, line, key) for anything wrong.
ElectionSetup prepare_election(const std::string& path, const RuleSources& sources, const SeatOverrides& seats = {},
                               const CsvOptions& csv = {});

// The rule layers over an input already loaded (seat totals applied): for front ends that load once
// and take rule overrides per request.
ElectionSetup settle_election(LoadedInput input, const RuleSources& sources);

// The rule layers alone: the input's own (with `scenario_rule`, a scenario's [rule], over it), the
// system, the overrides. `applied` receives the system as applied. Refuses files as `sources` says.
RuleSettings layer_rule(const LoadedInput& input, const RuleSettings& scenario_rule, const RuleSources& sources,
                        System& applied);

// The layers of `sources` (system, then overrides) over rule settings already merged (a front end's
// starting rule). Refuses files as `sources` says.
RuleSettings layer_over(RuleSettings settings, const RuleSources& sources, System& applied);

// Every party and district a rule names must exist in the election (amendment 2): throws
// seatsim::Error naming the key, with the closest names.
void check_rule_names(const Election& election, const Rule& rule);

// True when `path` is a scenario file (a .toml file that is not a data set).
bool is_scenario_path(const std::string& path);

}  // namespace seatsim
