// seatsim allocate: seats per district and list under a rule.
#include "command.hpp"
#include "common.hpp"
#include "seatsim/election_allocation.hpp"

namespace seatsim::cli {
namespace {

Table allocation_table(const Election& election, const ElectionOutcome& outcome) {
  Table table;
  table.columns = {"district", "party", "votes", "seats", "tie"};
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListOutcome& list = outcome.districts[d].lists[i];
      table.add({district.name, district.lists[i].party, Cell(district.lists[i].votes), Cell(list.seats),
                 list.tie ? "tie" : ""});
    }
  }
  return table;
}

struct AllocateCommand {
  std::string input;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare(input, rule);
    const ElectionOutcome outcome = allocate(prepared.input.election, prepared.rule);
    print_notes(outcome.notes);
    const Table table = allocation_table(prepared.input.election, outcome);
    emit(output, render(output, table, make_meta("allocate", prepared)));
    return 0;
  }
};

const bool registered = register_command({
    "allocate",
    "Allocate seats from votes under a rule (divisor or quota method, threshold, ties)",
    10,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<AllocateCommand>();
      app.footer(
          "Output columns: district,party,votes,seats,tie ('tie' where a tie decided the list's last seat or the "
          "seat it missed).\nSeat totals, first that applies: --seats, --seats-file, the data set's districts.csv, "
          "the sum of district_seats, the sum of published_seats.\nExample: seatsim allocate votes.csv --seats 11 "
          "--method sainte-lague --first-divisor 1.4");
      add_input(app, command->input);
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
