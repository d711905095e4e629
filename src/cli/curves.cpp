// seatsim curves: seats–votes curves of one or more parties under a uniform or proportional swing,
// as a table of pieces with exact break points.
#include <iostream>

#include "analysis_input.hpp"
#include "command.hpp"
#include "common.hpp"
#include "seatsim/analysis/seats_votes.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/seats_votes_report.hpp"
#include "seatsim/render/svg_chart.hpp"

namespace seatsim::cli {
namespace {

struct CurvesCommand {
  std::string input;
  InputFlags reading;
  std::vector<std::string> parties;
  std::string swing = "proportional";
  std::string view = "pieces";
  std::string chart;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare_analysis_input(input, rule, reading);
    const Election& election = prepared.input.election;
    std::vector<SeatsVotesCurve> curves;
    for (const std::string& party : parties)
      curves.push_back(
          seats_votes_curve(election, prepared.rule, party, swing == "uniform" ? Swing::uniform : Swing::proportional));
    const std::vector<std::string> footer = seats_votes_footer(curves);
    const Table& table = view == "bias" ? seats_votes_bias_table(curves) : seats_votes_table(curves);
    Json extra;
    extra["bias"] = to_records(seats_votes_bias_table(curves));
    const std::string text = render(output, table, make_meta("curves", prepared), "results", extra, footer);
    if (!chart.empty()) {
      const PartyStyles styles = data_set_party_styles(prepared.input.election, prepared.input.folder);
      const std::string title = prepared.input.name + ": seats against vote share (" + swing + " swing)";
      emit(OutputFlags{"", chart}, seats_votes_svg(seats_votes_chart(curves, styles, title)));
    }
    emit(output, text);
    const Format format = chosen_format(output);
    if (format == Format::csv || format == Format::json)
      for (const std::string& line : footer) std::cerr << line << '\n';
    return 0;
  }
};

const bool registered = register_command({
    "curves",
    "Seats-votes curves: a party's seats as a function of its national vote share, with exact break points",
    66,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<CurvesCommand>();
      app.footer(
          "--swing proportional (default): the party's votes in every district scaled by one factor, the others "
          "unchanged; uniform: its share in every district moved by the same points, the other lists sharing the "
          "rest as cast. Columns: party,swing,seats,seat_share,votes_from,votes_to,share_from,share_to: one row "
          "per piece of the step function, its ends the first and last probe with those seats (votes exact, "
          "shares in percent); the last lines give the seats at 50 % of the votes and the bias. --view bias: one row "
          "per party, party,swing,house,seats_at_half,seat_share_at_half,bias (JSON always carries it as 'bias'). "
          "--chart FILE also writes the curves as one SVG: a step line per party, the break points marked. Every "
          "probe allocates the whole election under the rule.\nExample: seatsim curves scenarios/example/votes.csv "
          "--seats 11 --party Blue --party Green");
      add_analysis_input(app, command->input, command->reading);
      app.add_option("--party", command->parties, "A party (repeat for several)")->required();
      app.add_option("--swing", command->swing, "proportional (default) or uniform")
          ->check(CLI::IsMember({"proportional", "uniform"}));
      app.add_option("--view", command->view, "What to print: pieces (default), bias")
          ->check(CLI::IsMember({"pieces", "bias"}));
      app.add_option("--chart", command->chart, "Also write the curves as an SVG chart to this file (atomically)");
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
