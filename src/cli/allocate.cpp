// seatsim allocate: seats per district and list under a rule.
#include <array>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/election_allocation.hpp"

namespace seatsim::cli {
namespace {

constexpr std::array<std::string_view, 5> columns = {"district", "party", "votes", "seats", "tie"};

// Calls visit(district, list, outcome) for every list, in output order.
template <class Visit>
void for_each_list(const Election& election, const ElectionOutcome& outcome, Visit visit) {
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i)
      visit(district, district.lists[i], outcome.districts[d].lists[i]);
  }
}

Table allocation_table(const Election& election, const ElectionOutcome& outcome) {
  Table table;
  table.columns.assign(columns.begin(), columns.end());
  for_each_list(election, outcome, [&](const District& district, const ListResult& list, const ListOutcome& result) {
    table.add({district.name, list.party, Cell(list.votes), Cell(result.seats), result.tie ? "tie" : ""});
  });
  return table;
}

// CSV goes out row by row: a large election never exists a second time as a Table.
void write_allocation_csv(std::ostream& out, const Election& election, const ElectionOutcome& outcome) {
  write_csv_row(out, columns);
  for_each_list(election, outcome, [&](const District& district, const ListResult& list, const ListOutcome& result) {
    write_csv_row(out, {district.name, list.party, std::to_string(list.votes), std::to_string(result.seats),
                        result.tie ? "tie" : ""});
  });
}

struct AllocateCommand {
  std::string input;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare(input, rule);
    const ElectionOutcome outcome = allocate(prepared.input.election, prepared.rule);
    print_notes(outcome.notes);
    const Election& election = prepared.input.election;
    if (chosen_format(output) == Format::csv) {
      emit_stream(output, [&](std::ostream& out) { write_allocation_csv(out, election, outcome); });
      return 0;
    }
    emit(output, render(output, allocation_table(election, outcome), make_meta("allocate", prepared)));
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
