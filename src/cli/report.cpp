// seatsim report: one self-contained HTML file with the comparison, the charts and the caveats.
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "projection_flags.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/election_report.hpp"
#include "seatsim/render/html_report.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/projection_section.hpp"

namespace seatsim::cli {
namespace {

struct ReportCommand {
  std::string input;
  InputFlags reading;
  RuleFlags rule;
  std::string output;
  std::string parties_file;
  bool sweeps = true;
  ProjectionFlags projection;  // --polls and the options of seatsim project: the projection section

  // parties.csv of --parties, else the data set's: the colours every chart of this run shares.
  PartyStyles given_styles(const std::string& folder) const {
    if (parties_file.empty()) return load_party_styles(folder).value_or(PartyStyles{});
    std::vector<InputFile> ignored;
    return read_party_styles(read_csv_file(parties_file, ignored));
  }

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    const std::vector<SweepRun> what_ifs =
        sweeps ? run_what_if_sweeps(prepared.input.folder, reading.options()) : std::vector<SweepRun>{};
    if (projection.polls.empty() && projection.options_given())
      throw Error("--mapping, --draws, --coalition and the other projection options need --polls FILE");
    const PartyStyles given = given_styles(prepared.input.folder);
    HtmlReport report = election_report(prepared.input, prepared.rule, given, what_ifs);
    if (!projection.polls.empty())
      report.sections.push_back(projected(prepared, run_party_styles(prepared.input.election, given)));
    print_notes(report.notes);
    report.meta = make_meta("report", prepared).to_json();
    emit(OutputFlags{"", output}, render_html_report(report));
    return 0;
  }

  // The polls projected onto the report's election under its rule, as `seatsim project` would.
  HtmlSection projected(const Prepared& prepared, const PartyStyles& styles) const {
    std::vector<std::string> warnings;
    const PollSet polls = projection.read_polls(warnings);
    const ProjectionOptions options = projection.options(prepared.rule.seed);
    const ProjectionResult result = project(prepared.input.election, prepared.rule, polls, options);
    for (const std::string& warning : warnings) std::cerr << "seatsim: warning: " << warning << '\n';
    for (const std::string& warning : result.warnings) std::cerr << "seatsim: warning: " << warning << '\n';
    return projection_section(prepared.input.election, polls, options, result, styles);
  }
};

const bool registered = register_command({
    "report",
    "Write one self-contained HTML report: comparison, charts and the data set's caveats",
    90,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ReportCommand>();
      app.footer(
          "The report starts with a summary (the districts that match, those that differ and why) and a table of "
          "contents, then the caveats of the data set's manifest, why the charts' seat totals differ from the data "
          "set's, every district that differs explained (its quotients with the disputed seats marked), the charts "
          "(hemicycle, published against recomputed, seats won and lost per district, and the seats against the swept "
          "parameter of every what-if/*.toml scenario of the data set that has a [sweep]), the full tables "
          "(comparison, disproportionality indices) and how it was made (version, rule, SHA-256 of the inputs). "
          "Without published seats it is a results report (summary, hemicycle, sweeps, the seats of every list). "
          "With --polls FILE it adds a section 'Projection from polls': the polls swung onto the election as "
          "`seatsim project` does (the same options: --mapping, --swing, --draws, --seed, --coalition, ...), the "
          "seats per party (mean, median, intervals), the coalitions' majority probabilities and, with --draws, the "
          "fan chart. "
          "Exit 0 when written, whether or not the seats differ.\nExample: seatsim report scenarios/iraq-2013 -o "
          "report.html");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_flag("!--no-sweeps", command->sweeps, "Leave out the sweeps of the data set's what-if/ scenarios");
      add_rule_flags(app, command->rule);
      app.add_option("--parties", command->parties_file,
                     "CSV party,colour,short for the charts (default: the data set's parties.csv)");
      add_projection_flags(app, command->projection, false);
      app.add_option("--output,-o", command->output, "Write the HTML to this file (atomically) instead of stdout");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
