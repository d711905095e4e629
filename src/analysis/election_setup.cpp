#include "seatsim/analysis/election_setup.hpp"

#include <filesystem>
#include <set>

#include "seatsim/analysis/vote_operations.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/alliances_file.hpp"
#include "seatsim/io/constituencies_file.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/io/system_file.hpp"

namespace seatsim {
namespace {

namespace fs = std::filesystem;

std::string suggestion(const std::string& name, const std::vector<std::string>& known) {
  const std::vector<std::string> close = closest_names(name, known, 1);
  return close.empty() ? std::string() : " (did you mean '" + close.front() + "'?)";
}

void require_name(const std::string& key, const std::string& what, const std::string& name,
                  const std::set<std::string>& known, const std::vector<std::string>& ordered) {
  if (known.contains(name)) return;
  throw Error(key + ": no " + what + " '" + name + "' in the data" + suggestion(name, ordered)).with_key(key);
}

// The file-valued keys a request sets, refused before anything is read.
void refuse_files(const RuleSources& sources) {
  if (sources.file_access == FileAccess::allowed) return;
  if (sources.system && names_system_file(*sources.system))
    throw Error("system: '" + *sources.system +
                "' names a file, and this path reads no file a request names; name a system of the library")
        .with_key("system");
  const std::vector<std::string> keys = file_keys_set(sources.overrides);
  if (!keys.empty())
    throw Error(keys.front() +
                ": names a file, and this path reads no file a request names; give the data set that file in its "
                "election.toml instead")
        .with_key(keys.front());
}

// The input's own layers: its system (a data set's `system = ...`), then its [rule].
RuleSettings input_layers(const LoadedInput& input, System& described) {
  RuleSettings settings;
  if (input.system) {
    try {
      described = load_system(*input.system);
    } catch (Error& error) {
      if (!error.file().empty()) throw;
      throw Error(input.folder + "/election.toml", input.system_line, error.message()).with_key("system");
    }
    settings = described.rule;
  }
  RuleSettings own = input.rule;
  own.resolve_files(input.folder);  // the data set's files are relative to its folder
  settings.override_with(own);
  return settings;
}

bool is_regular_toml(const std::string& path) {
  std::error_code ec;
  const fs::path file(path);
  return path != "-" && file.extension() == ".toml" && fs::is_regular_file(file, ec);
}

// A scenario without a sweep as an input: its operations applied to its base data set, its [rule]
// over the base's rule.
LoadedInput load_scenario_input(const std::string& path, const SeatOverrides& seats, const CsvOptions& csv,
                                RuleSettings& scenario_layer) {
  const Scenario scenario = load_scenario(path);
  if (scenario.sweep)
    throw Error(scenario.path, scenario.sweep->line,
                "this scenario sweeps '" + scenario.sweep->parameter +
                    "'; this command takes a scenario without a sweep (run `seatsim scenario` for sweeps)");
  if (seats.seats || seats.seats_file)
    throw Error("seats and seats-file do not apply to a scenario: it takes its seats from its base data set");
  if (seats.alliances_file)
    throw Error(
        "alliances does not apply to a scenario: it takes its alliances from its base data set and its "
        "operations");
  if (seats.constituencies_file)
    throw Error("constituencies does not apply to a scenario: it takes its constituencies from its base data set");
  ScenarioBase base = load_scenario_base(scenario, csv);
  (void)scenario_rule(scenario, base);  // a rule error of the scenario's [rule] names the scenario's line
  scenario_layer = scenario.rule;
  scenario_layer.resolve_files(base.input.folder);
  Election start = scenario_start(scenario, base);
  AppliedOperations applied = apply_operations(std::move(start), scenario.operations, OperationOptions{scenario.clamp});
  LoadedInput input = std::move(base.input);
  input.election = std::move(applied.election);
  input.name = scenario.name;
  std::vector<InputFile> files = scenario.files;
  files.insert(files.end(), input.files.begin(), input.files.end());
  input.files = std::move(files);
  return input;
}

void apply_seat_overrides(LoadedInput& input, const SeatOverrides& overrides, const CsvOptions& csv) {
  SeatSources seats;
  seats.seats = overrides.seats;
  if (overrides.seats_file) {
    seats.seats_file = read_seat_totals(read_csv_file(*overrides.seats_file, input.files, csv, {"district", "seats"}));
    seats.seats_file_name = *overrides.seats_file;
  } else if (input.districts) {
    seats.seats_file = input.districts;
    seats.seats_file_name = input.districts_file;
  }
  apply_seat_totals(input.election, seats);
}

ElectionSetup settle(LoadedInput input, const RuleSources& sources, const RuleSettings& extra_layer) {
  ElectionSetup setup;
  const RuleSettings settings = layer_rule(input, extra_layer, sources, setup.system);
  setup.rule = settings.build();
  check_rule_names(input.election, setup.rule);
  setup.settings = settings;
  setup.input = std::move(input);
  return setup;
}

}  // namespace

RuleSettings layer_rule(const LoadedInput& input, const RuleSettings& scenario_rule, const RuleSources& sources,
                        System& applied) {
  RuleSettings settings = input_layers(input, applied);
  settings.override_with(scenario_rule);
  return layer_over(std::move(settings), sources, applied);
}

RuleSettings layer_over(RuleSettings settings, const RuleSources& sources, System& applied) {
  refuse_files(sources);
  if (sources.system_value || sources.system) {
    applied = sources.system_value ? *sources.system_value : load_system(*sources.system);
    settings.override_with(applied.rule);
  }
  settings.override_with(sources.overrides);
  applied.rule = settings;
  return settings;
}

bool is_scenario_path(const std::string& path) { return is_regular_toml(path); }

void check_rule_names(const Election& election, const Rule& rule) {
  std::set<std::string> parties, districts;
  std::vector<std::string> party_order, district_order;
  for (const District& district : election.districts) {
    if (districts.insert(district.name).second) district_order.push_back(district.name);
    for (const ListResult& list : district.lists)
      if (parties.insert(list.party).second) party_order.push_back(list.party);
  }
  for (const std::string& party : rule.threshold.exempt)
    require_name("threshold_exempt", "list", party, parties, party_order);
  for (const auto& [party, value] : rule.threshold.per_party)
    require_name("party_thresholds", "list", party, parties, party_order);
  for (const std::string& pattern : rule.threshold.coalition_patterns)
    if (pattern.empty() || pattern.back() != '*')
      require_name("coalition_lists", "list", pattern, parties, party_order);
  for (const auto& [party, bound] : rule.bounds.per_list)
    require_name("seat_bounds", "list", party, parties, party_order);
  for (const auto& [district, seats] : rule.leveling.per_district_of)
    require_name("leveling_per_district", "district", district, districts, district_order);
}

ElectionSetup prepare_election(const std::string& path, const RuleSources& sources, const SeatOverrides& seats,
                               const CsvOptions& csv) {
  if (is_regular_toml(path)) {
    RuleSettings scenario_layer;
    LoadedInput input = load_scenario_input(path, seats, csv, scenario_layer);
    return settle(std::move(input), sources, scenario_layer);
  }
  LoadedInput input = load_input(path, csv);
  apply_seat_overrides(input, seats, csv);
  if (seats.alliances_file) read_alliances_file(*seats.alliances_file, input.election, input.files, csv);
  if (seats.constituencies_file) read_constituencies_file(*seats.constituencies_file, input.election, input.files, csv);
  return settle(std::move(input), sources, {});
}

ElectionSetup settle_election(LoadedInput input, const RuleSources& sources) {
  return settle(std::move(input), sources, {});
}

}  // namespace seatsim
