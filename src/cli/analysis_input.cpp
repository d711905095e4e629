#include "analysis_input.hpp"

namespace seatsim::cli {

void add_analysis_input(CLI::App& app, std::string& path, InputFlags& reading) {
  app.add_option("INPUT", path,
                 "A data-set folder (election.toml, results.csv, districts.csv), a scenario file (.toml, without a "
                 "sweep: its operations applied to its base data set), or a votes CSV ('-' for stdin)")
      ->required();
  add_input_flags(app, reading);
}

// The pipeline takes scenario files as it takes data sets (seatsim/analysis/election_setup.hpp).
Prepared prepare_analysis_input(const std::string& path, const RuleFlags& flags, const InputFlags& reading) {
  return prepare(path, flags, reading.options());
}

}  // namespace seatsim::cli
