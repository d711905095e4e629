// seatsim project: from polls to seats. The polls are pooled, a swing model carries them onto a
// base election's districts, the rule allocates; with --draws, a Monte Carlo of the poll
// uncertainty (analysis/projection.hpp). Wiring only: options in, ProjectionResult out, rendered.
#include <filesystem>
#include <iostream>

#include "analysis_input.hpp"
#include "command.hpp"
#include "common.hpp"
#include "projection_flags.hpp"
#include "seatsim/analysis/projection.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/projection_fan_chart.hpp"
#include "seatsim/render/projection_report.hpp"

namespace seatsim::cli {
namespace {

struct ProjectCommand {
  std::string input;
  InputFlags reading;
  ProjectionFlags projection;
  std::string view;
  std::string chart;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare_analysis_input(input, rule, reading);
    if (!chart.empty() && projection.draws == 0)
      throw Error("--chart draws the seat intervals of the draws: give --draws N (N > 0)");
    std::vector<std::string> reading_warnings;
    const PollSet poll_set = projection.read_polls(reading_warnings);
    const ProjectionOptions chosen = projection.options(prepared.rule.seed);
    const ProjectionResult result = project(prepared.input.election, prepared.rule, poll_set, chosen);
    if (!result.counted) return 0;  // another MPI rank writes the output
    for (const std::string& warning : reading_warnings) std::cerr << "seatsim: warning: " << warning << '\n';
    for (const std::string& warning : result.warnings) std::cerr << "seatsim: warning: " << warning << '\n';
    print_notes(result.point.notes);

    const ProjectionTables tables = projection_tables(prepared.input.election, result);
    Meta meta = make_meta("project", prepared);
    describe_projection(meta, projection.polls, chosen, result);
    std::string footer = "swing: " + chosen.swing.describe() + "; draws: " + std::to_string(projection.draws);
    if (projection.draws > 0) footer += "; seed " + std::to_string(prepared.rule.seed);
    const std::string text = rendered(tables, result, meta, reading_warnings, {footer});
    if (!chart.empty()) emit(OutputFlags{"", chart}, fan_chart(prepared, result));
    emit(output, text);
    return 0;
  }

  // The fan chart in the data set's colours (its parties.csv, else by vote rank), as every chart of a run.
  std::string fan_chart(const Prepared& prepared, const ProjectionResult& result) const {
    const PartyStyles styles = data_set_party_styles(prepared.input.election, prepared.input.folder);
    return projection_fan_svg(
        result, styles,
        std::filesystem::path(prepared.input.name).filename().string() + ": seats projected from the polls");
  }

  std::string rendered(const ProjectionTables& tables, const ProjectionResult& result, const Meta& meta,
                       const std::vector<std::string>& reading_warnings, const std::vector<std::string>& footer) const {
    const Format format = chosen_format(output);
    if (format == Format::json) return projection_document(meta, tables, result, reading_warnings).dump(2) + "\n";
    const std::string shown = !view.empty() ? view : projection.draws == 0 ? "districts" : "parties";
    const Table& table = shown == "histogram"    ? tables.histogram
                         : shown == "districts"  ? tables.districts
                         : shown == "coalitions" ? tables.coalitions
                                                 : tables.parties;
    if (format == Format::csv || view == "coalitions" || view == "districts" || view == "histogram")
      return render(output, table, meta, "results", {}, footer);
    // People get the parties, then the coalitions (and before them the districts at --draws 0 with no --view).
    std::string text;
    if (shown == "districts") text += render_text(tables.districts) + "\n";
    if (tables.coalitions.rows.empty()) return text + render(output, tables.parties, meta, "results", {}, footer);
    return text + render_text(tables.parties) + "\n" + render(output, tables.coalitions, meta, "", {}, footer);
  }
};

const bool registered = register_command({
    "project",
    "From polls to seats: swing a base election to the polls, with poll uncertainty by Monte Carlo",
    72,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ProjectCommand>();
      app.footer(
          "Polls (--polls): CSV pollster,fieldwork_end,sample_size,area,party,share (share: percent, exact decimal; "
          "or a ROPF file, *.ropf, of ASAPOP / Europe Elects; "
          "area: national, a district of INPUT (its polls swing that district alone) or a region (--regions, "
          "or the rule's leveling regions; its polls swing its districts against the region's base shares; the "
          "most specific area with polls swings each district). A poll's shares must sum "
          "to 100 +- 5 points (rescaled to 100 with a warning). Poll parties map to INPUT's lists through --mapping "
          "(CSV poll_party,base_party,weight; weights sum to 1 per poll party; base_party new:NAME adds a list "
          "spread uniformly over the districts, or by --new-party-pattern: district share t * g_d * B / sum g V); an "
          "unmapped name equal to a list maps to it. Lists no poll names "
          "keep their base share.\n"
          "Swing (per list j of party p in a district, share s_j; poll share t_p, base national share b_p):\n"
          "  uniform       s_j + (t_p - b_p)\n"
          "  proportional  s_j * t_p / b_p\n"
          "  mix:W         W * uniform + (1 - W) * proportional\n"
          "negative shares set to 0; the district's votes kept and shared out in proportion by largest remainders, "
          "exactly in integers (docs/projection.md).\n"
          "--draws 0 (default) prints the projected votes and seats of every list (--view districts) and the party "
          "seats. With draws: per party mean, median, 80/90/95/99 % intervals and P(passing each national "
          "threshold); per --coalition P(majority), inclusive and exclusive. Each draw: poll sampling error "
          "(Dirichlet with the pooled effective sample size; weights n * 2^(-age/half-life)), house effects "
          "(each pollster's mean deviation from the pooled average, removed), a national error (--covariance), "
          "a regional error added for each region's districts (--regional-covariance), "
          "district noise (--noise); reproducible for a seed whatever --threads.\n"
          "Example: seatsim project ../shared/data/norway_2021_storting_full.csv --system norway-storting-2005 "
          "--polls scenarios/norway-polls/polls.csv --mapping scenarios/norway-polls/mapping.csv --draws 10000");
      add_analysis_input(app, command->input, command->reading);
      add_projection_flags(app, command->projection, true);
      app.add_option("--view", command->view, "What to print: parties, coalitions, districts, histogram")
          ->check(CLI::IsMember({"parties", "coalitions", "districts", "histogram"}));
      app.add_option("--chart", command->chart,
                     "Also write the fan chart (per party the 50-99 % seat intervals, median, base seats) as SVG to "
                     "this file (atomically; needs --draws)");
      add_rule_flags(app, command->rule);
      if (CLI::Option* seed = app.get_option_no_throw("--seed"))
        seed->description("Seed of the draws (and of the 'lot' tie rule); default 0 or the data set's [rule] seed");
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
