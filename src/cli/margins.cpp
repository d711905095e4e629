// seatsim margins: how many votes each list needs to win one more seat, how many it can lose and
// keep its seats, the closest seat of each district and the national ranking of fragile seats.
#include "seatsim/analysis/margins.hpp"
#include "analysis_input.hpp"
#include "command.hpp"
#include "common.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/render/margins_report.hpp"

namespace seatsim::cli {
namespace {

struct MarginsCommand {
  std::string input;
  InputFlags reading;
  std::string view = "lists";
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare_analysis_input(input, rule, reading);
    const Election& election = prepared.input.election;
    const Margins margins = compute_margins(election, prepared.rule);
    print_notes(margins.outcome.notes);
    const auto [lists, closest, ranking] = margins_tables(election, margins);
    const Meta meta = make_meta("margins", prepared);
    if (chosen_format(output) == Format::json) {
      Json extra;
      extra["closest"] = to_records(closest);
      extra["ranking"] = to_records(ranking);
      emit(output, render(output, lists, meta, "results", extra));
    } else {
      emit(output, render(output, view == "closest" ? closest : view == "ranking" ? ranking : lists, meta));
    }
    return 0;
  }
};

const bool registered = register_command({
    "margins",
    "Seat margins: votes each list needs to gain a seat or can lose and keep its seats",
    60,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<MarginsCommand>();
      app.footer(
          "For every list, all other votes unchanged: votes_to_gain = the fewest added votes that win it one more "
          "seat; votes_to_lose = the most votes it can lose and keep all its seats (empty without seats); gain_from "
          "= the list(s) that lose the seat it gains; lose_to = the list(s) that gain the seat it loses. Exact under "
          "the whole rule (thresholds crossed either way, reserved seats, seat bounds). Under leveling seats or a "
          "biproportional rule every probe re-allocates the whole election and each margin is confirmed (won at it, "
          "not one vote short) but not proven the smallest: a note says so. At an exact tie the tie rule decides; "
          "under --ties error a tie is not a win.\n"
          "--view closest: each district's closest seat; --view ranking: every seat that can change hands, most "
          "fragile first (margin = the fewer of the votes its holder must lose, holder_loss, and the votes the "
          "cheapest challenger must gain, challenger_gain). JSON carries all three.\n"
          "Example: seatsim margins scenarios/iraq-2013 --view ranking --format table");
      add_analysis_input(app, command->input, command->reading);
      app.add_option("--view", command->view, "What to print: lists (default), closest, ranking")
          ->check(CLI::IsMember({"lists", "closest", "ranking"}));
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
