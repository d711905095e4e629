// seatsim scenario: a "what if" file applied to its data set, reported next to the base result
// and the published seats; with a sweep, a long table for plotting and the break points.
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/analysis/scenario_run.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/lot_record.hpp"
#include "seatsim/render/indices_report.hpp"
#include "seatsim/render/scenario_report.hpp"

namespace seatsim::cli {
namespace {

// table and markdown: a change column that shows changes only.
bool for_people(const OutputFlags& output) {
  const Format format = chosen_format(output);
  return format == Format::table || format == Format::markdown;
}

struct ScenarioCommand {
  std::string file;
  InputFlags reading;
  OutputFlags output;
  bool break_points_only = false;
  unsigned threads = 1;
  std::string view = "seats";

  int run() const {
    const Scenario scenario = load_scenario(file);
    const ScenarioBase base = load_scenario_base(scenario, reading.options());
    if (scenario.sweep) return run_sweep_file(scenario, base);
    const LotRecord lot;  // a seat decided by lot makes the seed provenance
    const ScenarioResult result = run_scenario(scenario, base);
    print_notes(result.outcome.notes);
    if (view == "indices") {  // the base, then the scenario: one set of rows per variant
      const Table table = indices_table(
          {{{{"variant", "base"}}, election_indices(result.base, outcome_seats(result.base_outcome))},
           {{{"variant", "scenario"}}, election_indices(result.election, outcome_seats(result.outcome))}});
      emit(output, render(output, table, scenario_meta(scenario, base, result.rule)));
      return 0;
    }
    const Table table = scenario_table(compare_with_base(result), for_people(output));
    const std::vector<std::string> footer = scenario_footer(scenario, base, result);
    Json extra;
    extra["operations"] = operations_json(result.operations);
    Meta meta = scenario_meta(scenario, base, result.rule);
    if (lot.drawn()) {
      meta.seed = result.rule.seed;
      meta.extra["lot_decided"] = true;
    }
    emit(output, render(output, table, meta, "results", extra, footer));
    return 0;
  }

  int run_sweep_file(const Scenario& scenario, const ScenarioBase& base) const {
    const SweepResult sweep = run_sweep(scenario, base, {threads, view != "indices"});
    const Meta meta = sweep_meta(scenario, base, sweep);
    if (view == "indices") {  // one set of rows per value of the sweep
      std::vector<LabelledIndices> sets;
      for (const SweepStep& step : sweep.steps)
        sets.push_back({{{"value", step.value}}, election_indices(step.election, step.seats)});
      emit(output, render(output, indices_table(sets), meta));
      return 0;
    }
    Json extra;
    extra["break_points"] = break_points_json(sweep);
    const Table table = break_points_only ? break_points_table(sweep) : sweep_table(sweep);
    const std::vector<std::string> footer = break_points_footer(sweep);
    const bool csv = chosen_format(output) == Format::csv;
    // The table's footer says how precise the break points are; every other format hears it here.
    if (sweep.limited && chosen_format(output) != Format::table)
      std::cerr << "seatsim: note: break points of " << sweep.sweep.parameter << ": " << sweep.resolution << "\n";
    if (csv && !break_points_only)
      std::cerr << "seatsim: note: " << sweep.break_points.size() << " break point(s) of " << sweep.sweep.parameter
                << "; --break-points lists them\n";
    emit(output, render(output, table, meta, break_points_only ? "break_points" : "results",
                        break_points_only ? Json() : extra, footer));
    return 0;
  }
};

const bool registered = register_command({
    "scenario",
    "Apply a scenario file (vote swings, rule changes, sweeps) and compare with the base result",
    40,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ScenarioCommand>();
      app.footer(
          "Without a sweep, columns: level,district,party,base_votes,votes,published_seats,base_seats,seats,change "
          "(national rows first; base = the data set under its own rule).\nWith a [sweep]: value,district,party,"
          "votes,seats per value, and the break points (exact parameter values where any list's seats change); "
          "--break-points prints those instead: before,after,district,party,seats_before,seats_after,votes_before,"
          "votes_after,at_value.\nFile format: docs/scenarios.md. Example: seatsim scenario "
          "scenarios/iraq-2013/what-if/first-divisor-1.6.toml");
      app.add_option("FILE", command->file, "Scenario file (TOML)")->required();
      add_input_flags(app, command->reading);  // for the CSV files of its base
      add_output_flags(app, command->output);
      app.add_flag("--break-points", command->break_points_only,
                   "With a sweep: print the break points table instead of the long table");
      app.add_option("--threads", command->threads, "Threads of the batched kernel for sweeps (0 = every core)");
      app.add_option("--view", command->view,
                     "seats (default) or indices: disproportionality indices of the base and the scenario, or of "
                     "every value of a sweep (variant|value,level,district,gallagher,...; docs/indices.md)")
          ->check(CLI::IsMember({"seats", "indices"}));
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
