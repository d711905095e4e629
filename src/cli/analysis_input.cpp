#include "analysis_input.hpp"

#include <filesystem>

#include "seatsim/error.hpp"
#include "seatsim/scenario.hpp"
#include "seatsim/vote_operations.hpp"

namespace seatsim::cli {
namespace {

bool is_scenario_file(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path file(path);
  return path != "-" && file.extension() == ".toml" && std::filesystem::is_regular_file(file, ec);
}

Prepared prepare_scenario(const std::string& path, const RuleFlags& flags, const CsvOptions& csv) {
  const Scenario scenario = load_scenario(path);
  if (scenario.sweep)
    throw Error(scenario.path, scenario.sweep->line,
                "this scenario sweeps '" + scenario.sweep->parameter +
                    "'; margins and simulate take a scenario without a sweep (run `seatsim scenario` for sweeps)");
  if ((flags.seats_option && flags.seats_option->count() > 0) ||
      (flags.seats_file_option && flags.seats_file_option->count() > 0))
    throw Error("--seats and --seats-file do not apply to a scenario: it takes its seats from its base data set");
  ScenarioBase base = load_scenario_base(scenario, csv);
  Prepared prepared;
  // Layers: the base's rule, the scenario's [rule], the flags. A rule error from the first two
  // names the scenario file, as `seatsim scenario` does.
  (void)scenario_rule(scenario, base);
  prepared.settings = base.settings;
  prepared.settings.override_with(scenario.rule);
  const RuleSettings given = flags.given();
  prepared.settings.override_with(given);
  prepared.rule = prepared.settings.build(given.party_thresholds ? std::string() : base.input.folder);

  AppliedOperations applied =
      apply_operations(std::move(base.input.election), scenario.operations, OperationOptions{scenario.clamp});
  prepared.input = std::move(base.input);
  prepared.input.election = std::move(applied.election);
  prepared.input.name = scenario.name;
  std::vector<InputFile> files = scenario.files;
  files.insert(files.end(), prepared.input.files.begin(), prepared.input.files.end());
  prepared.input.files = std::move(files);
  return prepared;
}

}  // namespace

void add_analysis_input(CLI::App& app, std::string& path, InputFlags& reading) {
  app.add_option("INPUT", path,
                 "A data-set folder (election.toml, results.csv, districts.csv), a scenario file (.toml, without a "
                 "sweep: its operations applied to its base data set), or a votes CSV ('-' for stdin)")
      ->required();
  add_input_flags(app, reading);
}

Prepared prepare_analysis_input(const std::string& path, const RuleFlags& flags, const InputFlags& reading) {
  const CsvOptions csv = reading.options();
  return is_scenario_file(path) ? prepare_scenario(path, flags, csv) : prepare(path, flags, csv);
}

}  // namespace seatsim::cli
