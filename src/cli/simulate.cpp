// seatsim simulate: Monte Carlo seat distributions under a noise model, reproducible from the
// seed whatever the number of threads (or MPI ranks, through seatsim-mpi).
#include "simulate.hpp"

#include <unistd.h>

#include <iostream>

#include "analysis_input.hpp"
#include "command.hpp"
#include "common.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/render/progress_bar.hpp"
#include "seatsim/render/simulation_report.hpp"

namespace seatsim::cli {

namespace {
DrawRunner& draw_runner() {
  static DrawRunner runner = [](const Simulation& simulation, std::uint64_t draws,
                                unsigned threads) -> std::optional<SimulationCounts> {
    return run_draws_here(simulation, 0, draws, threads, true);
  };
  return runner;
}
}  // namespace

void set_draw_runner(DrawRunner runner) { draw_runner() = std::move(runner); }
const DrawRunner& current_draw_runner() { return draw_runner(); }

SimulationCounts run_draws_here(const Simulation& simulation, std::uint64_t first, std::uint64_t last, unsigned threads,
                                bool show_progress) {
  if (!show_progress || !::isatty(STDERR_FILENO)) return simulation.run(first, last, threads);
  ProgressBar bar(std::cerr, "simulate", last - first);
  SimulationCounts counts = simulation.run(first, last, threads, [&](std::uint64_t done) { bar.update(done); });
  bar.finish();
  return counts;
}

namespace {

// More draws than anyone waits for; a larger number is a typo, not a wish to run for years.
constexpr std::uint64_t max_draws = 1'000'000'000'000;

struct SimulateCommand {
  std::string input;
  InputFlags reading;
  std::int64_t draws = 0;
  std::string noise;
  unsigned threads = 0;
  std::vector<std::string> coalitions;
  std::string view;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    if (draws < 1) throw Error("--draws must be at least 1 (got " + std::to_string(draws) + ")");
    const NoiseModel model = NoiseModel::parse(noise);
    const Prepared prepared = prepare_analysis_input(input, rule, reading);
    Simulation simulation(prepared.input.election, prepared.rule, model, prepared.rule.seed, coalitions);
    if (view == "indices") simulation.track_indices();
    const std::optional<SimulationCounts> counts =
        draw_runner()(simulation, static_cast<std::uint64_t>(draws), threads);
    if (!counts) return 0;  // another process writes the output
    print_notes(simulation.cast_outcome().notes);

    const SimulationTables tables = simulation_tables(simulation, *counts);
    Meta meta = make_meta("simulate", prepared);
    meta.seed = prepared.rule.seed;
    meta.extra["draws"] = draws;
    meta.extra["noise"] = model.text;
    meta.extra["noise_model"] = model.describe();
    meta.extra["coalitions"] = coalitions;
    const std::vector<std::string> footer = {"draws: " + std::to_string(draws) + "; noise: " + model.describe() +
                                             "; seed " + std::to_string(prepared.rule.seed)};
    emit(output, rendered(tables, meta, footer));
    return 0;
  }

  // The same view in every format and wherever stdout goes (interface.md, amendment 5): the
  // summary unless --view asks for another. Tables for people put the coalitions under it; a CSV
  // holds one table (--view coalitions gives theirs); JSON carries summary, coalitions and histogram.
  std::string rendered(const SimulationTables& tables, const Meta& meta, const std::vector<std::string>& footer) const {
    const Format format = chosen_format(output);
    const std::string shown = view.empty() ? "summary" : view;
    if (shown == "indices") {  // per district in CSV and JSON; people read the national rows
      const bool whole = format == Format::csv || format == Format::json;
      return render(output, whole ? tables.indices : tables.national_indices, meta, "results", {}, footer);
    }
    if (format == Format::json) {
      Json extra;
      extra["coalitions"] = to_records(tables.coalitions);
      extra["histogram"] = to_records(tables.histogram);
      return render(output, tables.summary, meta, "summary", extra);
    }
    const bool with_coalitions = shown == "summary" && !tables.coalitions.rows.empty();
    if (with_coalitions && format == Format::table)
      return render_text(tables.summary) + "\n" + render(output, tables.coalitions, meta, "", {}, footer);
    if (with_coalitions && format == Format::markdown)
      return render_markdown(tables.summary) + "\n" + render(output, tables.coalitions, meta, "", {}, footer);
    const Table& table = shown == "summary"      ? tables.summary
                         : shown == "coalitions" ? tables.coalitions
                         : shown == "districts"  ? tables.districts
                                                 : tables.histogram;
    return render(output, table, meta, "results", {}, footer);
  }
};

const bool registered = register_command({
    "simulate",
    "Monte Carlo seat distributions under a noise model (dirichlet:K, multinomial, swing:SD)",
    70,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<SimulateCommand>();
      app.footer(
          "Noise models (per district; shares p_j = cast votes / district total V; lists without votes stay at 0):\n"
          "  dirichlet:K     shares ~ Dirichlet(K p_1, ..., K p_n), votes round(share V); variance p(1-p)/(K+1)\n"
          "  multinomial     the V ballots resampled: votes ~ Multinomial(V; p_1, ..., p_n)\n"
          "  swing:SD[,DSD]  votes round(V max(0, p_j + (s + e)/100)): s ~ N(0, SD^2) per party and draw, shared by\n"
          "                  its lists in every district; e ~ N(0, DSD^2) per list (DSD defaults to SD), in points\n"
          "Every random number comes from Philox4x64-10 keyed by (seed, draw, district): the same seed gives\n"
          "byte-identical output whatever --threads (and under seatsim-mpi whatever the number of ranks).\n"
          "Views: summary (per party: seats as cast, mean, sd, q05/q50/q95, p_majority = P(more than half of all\n"
          "seats); coalitions below it), coalitions, districts (P(seats = k) per list and district), histogram (the\n"
          "long CSV: level,district,party,seats,count,probability,at_least for national, district and coalition\n"
          "distributions). Default: summary, in every format (CSV holds one table: the coalitions with --view\n"
          "coalitions). JSON carries summary, coalitions and histogram. indices: every disproportionality index's\n"
          "distribution over the draws (level,district,index,cast,draws,mean,sd,q05,q50,q95; national rows in a table\n"
          "or markdown, every district too in CSV and JSON; docs/indices.md). A progress bar with rate and ETA goes to "
          "stderr when it is a terminal.\n"
          "Example: seatsim simulate scenarios/iraq-2013 --draws 100000 --noise dirichlet:2000 --seed 7 "
          "--coalition 'State of Law Coalition+Citizens Alliance'");
      add_analysis_input(app, command->input, command->reading);
      app.add_option("--draws", command->draws, "Number of draws (1 to 10^12)")
          ->required()
          ->check(CLI::Validator(
              [](std::string& text) {
                // 0 is a whole number: run() says it must be at least 1, as the Python module does.
                return text == "0" ? std::string() : whole_number_from(1, max_draws)(text);
              },
              "UINT"));
      app.add_option("--noise", command->noise, "Noise model: dirichlet:K, multinomial, swing:SD[,DSD]")->required();
      app.add_option("--threads", command->threads, "Worker threads (default 0: every core)");
      repeatable(app.add_option("--coalition", command->coalitions,
                                "Parties counted together, joined by '+' (repeatable: one coalition each time): "
                                "P(majority) and the distribution"));
      app.add_option("--view", command->view, "What to print: summary, coalitions, districts, histogram, indices")
          ->check(CLI::IsMember({"summary", "coalitions", "districts", "histogram", "indices"}));
      add_rule_flags(app, command->rule);
      if (CLI::Option* seed = app.get_option_no_throw("--seed"))
        seed->description("Seed of the draws (and of the 'lot' tie rule); default 0 or the data set's [rule] seed");
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
