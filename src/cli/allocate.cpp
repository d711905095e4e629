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

// JSON, one record at a time, as render() would write it whole.
void write_allocation_json(std::ostream& out, const Json& meta, const Election& election,
                           const ElectionOutcome& outcome) {
  std::size_t d = 0, i = 0;
  write_json_records(out, Json{{"meta", meta}}, "results", [&](Json& record) {
    while (d < election.districts.size() && i == election.districts[d].lists.size()) ++d, i = 0;
    if (d == election.districts.size()) return false;
    const District& district = election.districts[d];
    const ListOutcome& result = outcome.districts[d].lists[i];
    record = Json::object();
    record["district"] = district.name;
    record["party"] = district.lists[i].party;
    record["votes"] = district.lists[i].votes;
    record["seats"] = result.seats;
    record["tie"] = result.tie ? "tie" : "";
    ++i;
    return true;
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
    // CSV and JSON stream (a large election is not held a second time); the table is for people.
    switch (chosen_format(output)) {
      case Format::csv:
        emit_stream(output, [&](std::ostream& out) { write_allocation_csv(out, election, outcome); });
        return 0;
      case Format::json: {
        const Json meta = make_meta("allocate", prepared).to_json();
        emit_stream(output, [&](std::ostream& out) { write_allocation_json(out, meta, election, outcome); });
        return 0;
      }
      default:
        break;
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
