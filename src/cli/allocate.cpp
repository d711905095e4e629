// seatsim allocate: seats per district and list under a rule.
#include "command.hpp"
#include "common.hpp"
#include "seatsim/election_allocation.hpp"

namespace seatsim::cli {
namespace {

Table allocation_table(const Election& election, const ElectionOutcome& outcome) {
  const bool tiers = outcome.leveling.has_value();
  Table table;
  table.columns = {"district", "party", "votes"};
  if (tiers) table.columns.insert(table.columns.end(), {"district_seats", "leveling_seats"});
  table.columns.insert(table.columns.end(), {"seats", "tie"});
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListOutcome& list = outcome.districts[d].lists[i];
      std::vector<Cell> row{district.name, district.lists[i].party, Cell(district.lists[i].votes)};
      if (tiers) row.insert(row.end(), {Cell(list.district_seats), Cell(list.leveling_seats)});
      row.insert(row.end(), {Cell(list.seats), list.tie ? "tie" : ""});
      table.add(std::move(row));
    }
  }
  return table;
}

// The national tier and the divisors, for the table footer and the JSON output: with them a
// result can be checked by hand.
Json tier_report(const Election& election, const ElectionOutcome& outcome, std::vector<std::string>& footer) {
  Json json = Json::object();
  if (const auto& leveling = outcome.leveling) {
    Json lists = Json::array();
    std::string line = "leveling: " + std::to_string(leveling->apportioned) + " seats apportioned nationally;";
    for (std::size_t p = 0; p < leveling->parties.size(); ++p) {
      lists.push_back({{"party", leveling->parties[p]},
                       {"votes", leveling->votes[p]},
                       {"takes_part", static_cast<bool>(leveling->takes_part[p])},
                       {"dropped", static_cast<bool>(leveling->dropped[p])},
                       {"national_seats", leveling->national_seats[p]},
                       {"district_seats", leveling->district_seats[p]},
                       {"leveling_seats", leveling->leveling_seats[p]}});
      if (leveling->takes_part[p] && leveling->leveling_seats[p] > 0)
        line += " " + leveling->parties[p] + " " + std::to_string(leveling->leveling_seats[p]) + ",";
    }
    if (line.back() == ',') line.pop_back();
    footer.push_back(line);
    json["leveling"] = {{"apportioned", leveling->apportioned}, {"lists", lists}};
  }
  if (const auto& bp = outcome.biproportional) {
    Json districts = Json::object(), lists = Json::array();
    std::string district_line = "district divisors:", list_line = "list divisors:";
    for (std::size_t d = 0; d < election.districts.size(); ++d) {
      const std::string divisor = bp->district_divisors[d].to_string();
      districts[election.districts[d].name] = divisor;
      district_line += " " + election.districts[d].name + " " + divisor + ";";
    }
    for (std::size_t p = 0; p < bp->parties.size(); ++p) {
      const std::optional<Rational>& divisor = bp->list_divisors[p];
      lists.push_back({{"party", bp->parties[p]},
                       {"passes_quorum", static_cast<bool>(bp->passes_quorum[p])},
                       {"upper_votes", bp->upper_votes[p].to_string()},
                       {"seats", bp->party_seats[p]},
                       {"divisor", divisor ? Json(divisor->to_string()) : Json(nullptr)}});
      if (divisor)
        list_line +=
            " " + bp->parties[p] + " " + divisor->to_string() + " (" + std::to_string(bp->party_seats[p]) + " seats);";
    }
    district_line.pop_back();
    list_line.pop_back();
    footer.push_back("biproportional: seats = round(votes / (district divisor x list divisor))");
    footer.push_back(district_line);
    footer.push_back(list_line);
    json["biproportional"] = {{"district_divisors", districts}, {"lists", lists}};
  }
  return json;
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
    std::vector<std::string> footer;
    const Json extra = tier_report(prepared.input.election, outcome, footer);
    emit(output, render(output, table, make_meta("allocate", prepared), "results", extra, footer));
    return 0;
  }
};

const bool registered = register_command({
    "allocate",
    "Allocate seats from votes under a rule (divisor or quota method, threshold, ties, tiers)",
    10,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<AllocateCommand>();
      app.footer(
          "Output columns: district,party,votes,seats,tie ('tie' where a tie decided the list's last seat or the "
          "seat it missed); with leveling seats district,party,votes,district_seats,leveling_seats,seats,tie.\n"
          "Seat totals, first that applies: --seats, --seats-file, the data set's districts.csv, "
          "the sum of district_seats, the sum of published_seats.\nExamples: seatsim allocate votes.csv --seats 11 "
          "--method sainte-lague --first-divisor 1.4\n  seatsim allocate norway.csv --first-divisor 1.4 "
          "--leveling-seats 19 --leveling-threshold 4%\n  seatsim allocate zurich.csv --biproportional "
          "--quorum-any-district 5% --list-votes");
      add_input(app, command->input);
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
