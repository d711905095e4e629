// seatsim report: one self-contained HTML file with the comparison, the charts and the caveats.
#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/election_report.hpp"
#include "seatsim/render/html_report.hpp"

namespace seatsim::cli {
namespace {

struct ReportCommand {
  std::string input;
  InputFlags reading;
  RuleFlags rule;
  std::string output;
  std::string parties_file;
  bool sweeps = true;

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
    HtmlReport report = election_report(prepared.input, prepared.rule, given_styles(prepared.input.folder), what_ifs);
    print_notes(report.notes);
    report.meta = make_meta("report", prepared).to_json();
    emit(OutputFlags{"", output}, render_html_report(report));
    return 0;
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
          "Exit 0 when written, whether or not the seats differ.\nExample: seatsim report scenarios/iraq-2013 -o "
          "report.html");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_flag("!--no-sweeps", command->sweeps, "Leave out the sweeps of the data set's what-if/ scenarios");
      add_rule_flags(app, command->rule);
      app.add_option("--parties", command->parties_file,
                     "CSV party,colour,short for the charts (default: the data set's parties.csv)");
      app.add_option("--output,-o", command->output, "Write the HTML to this file (atomically) instead of stdout");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
