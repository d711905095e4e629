// seatsim margins: how many votes each list needs to win one more seat, how many it can lose and
// keep its seats, the closest seat of each district and the national ranking of fragile seats.
#include "seatsim/margins.hpp"
#include "analysis_input.hpp"
#include "command.hpp"
#include "common.hpp"
#include "seatsim/error.hpp"

namespace seatsim::cli {
namespace {

Cell optional_count(const std::optional<std::int64_t>& value) {
  return value ? Cell(static_cast<long long>(*value)) : Cell::number("");
}

std::string names(const District& district, const std::vector<std::size_t>& lists) {
  std::string text;
  for (const std::size_t i : lists) text += (text.empty() ? "" : "; ") + district.lists[i].party;
  return text;
}

Table lists_table(const Election& election, const Margins& margins) {
  Table table;
  table.columns = {"district", "party", "votes", "seats", "votes_to_gain", "votes_to_lose", "gain_from", "lose_to"};
  for (const ListMargin& m : margins.lists) {
    const District& district = election.districts[m.district];
    table.add({district.name, district.lists[m.list].party, Cell(static_cast<long long>(m.votes)),
               Cell(static_cast<long long>(m.seats)), optional_count(m.votes_to_gain), optional_count(m.votes_to_lose),
               names(district, m.gain_from), names(district, m.lose_to)});
  }
  return table;
}

std::vector<Cell> seat_cells(const Election& election, const FragileSeat& seat, const Margins& margins) {
  const District& district = election.districts[seat.district];
  const ElectionOutcome& outcome = margins.outcome;
  return {district.name,
          district.lists[seat.holder].party,
          Cell(static_cast<long long>(outcome.seats(seat.district, seat.holder))),
          Cell(static_cast<long long>(seat.margin)),
          optional_count(seat.holder_loss),
          names(district, seat.lose_to),
          seat.challenger ? district.lists[*seat.challenger].party : "",
          optional_count(seat.challenger_gain)};
}

const std::vector<std::string> seat_columns = {"district",    "party",   "seats",      "margin",
                                               "holder_loss", "lose_to", "challenger", "challenger_gain"};

Table closest_table(const Election& election, const Margins& margins) {
  Table table;
  table.columns = seat_columns;
  for (const std::optional<std::size_t>& k : margins.closest)
    if (k) table.add(seat_cells(election, margins.ranking[*k], margins));
  return table;
}

Table ranking_table(const Election& election, const Margins& margins) {
  Table table;
  table.columns = {"rank"};
  table.columns.insert(table.columns.end(), seat_columns.begin(), seat_columns.end());
  for (std::size_t k = 0; k < margins.ranking.size(); ++k) {
    std::vector<Cell> row{Cell(static_cast<long long>(k + 1))};
    const std::vector<Cell> cells = seat_cells(election, margins.ranking[k], margins);
    row.insert(row.end(), cells.begin(), cells.end());
    table.add(std::move(row));
  }
  return table;
}

struct MarginsCommand {
  std::string input;
  std::string view = "lists";
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare_analysis_input(input, rule);
    const Election& election = prepared.input.election;
    const Margins margins = compute_margins(election, prepared.rule);
    print_notes(margins.outcome.notes);
    const Table lists = lists_table(election, margins);
    const Table closest = closest_table(election, margins);
    const Table ranking = ranking_table(election, margins);
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
          "the whole rule (thresholds crossed either way, reserved seats). At an exact tie the tie rule decides; "
          "under --ties error a tie is not a win.\n"
          "--view closest: each district's closest seat; --view ranking: every seat that can change hands, most "
          "fragile first (margin = the fewer of the votes its holder must lose, holder_loss, and the votes the "
          "cheapest challenger must gain, challenger_gain). JSON carries all three.\n"
          "Example: seatsim margins scenarios/iraq-2013 --view ranking --format table");
      add_analysis_input(app, command->input);
      app.add_option("--view", command->view, "What to print: lists (default), closest, ranking")
          ->check(CLI::IsMember({"lists", "closest", "ranking"}));
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
