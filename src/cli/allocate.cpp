// seatsim allocate: seats per district and list under a rule.
#include <array>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/lot_record.hpp"
#include "seatsim/render/allocation_table.hpp"
#include "seatsim/render/indices_report.hpp"

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

// The quota tier: each district's quota and the national remainder tier (leveling_seats are the
// national tier's seats placed in a district).
Json quota_tier_report(const Election& election, const QuotaTierOutcome& tier, std::vector<std::string>& footer) {
  Json districts = Json::array(), lists = Json::array();
  std::string quota_line = "quotas:";
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    districts.push_back({{"district", election.districts[d].name},
                         {"seats", tier.district_seats[d]},
                         {"quota", tier.quotas[d].to_string()},
                         {"excess_withdrawn", tier.excess[d]}});
    quota_line += " " + election.districts[d].name + " " + tier.quotas[d].to_string() + " (" +
                  std::to_string(tier.district_seats[d]) + " seats);";
  }
  std::string upper_line = "national tier: " + std::to_string(tier.upper_total) + " seats;";
  for (std::size_t p = 0; p < tier.parties.size(); ++p) {
    lists.push_back({{"party", tier.parties[p]},
                     {"takes_part", static_cast<bool>(tier.takes_part[p])},
                     {"upper_votes", tier.upper_votes[p]},
                     {"district_seats", tier.lower_seats[p]},
                     {"national_seats", tier.upper_seats[p]}});
    if (tier.takes_part[p])
      upper_line += " " + tier.parties[p] + " " + std::to_string(tier.upper_seats[p]) + " (votes " +
                    std::to_string(tier.upper_votes[p]) + "),";
  }
  quota_line.pop_back();
  upper_line.pop_back();
  footer.push_back(quota_line);
  footer.push_back(upper_line);
  return {{"upper_total", tier.upper_total}, {"districts", districts}, {"lists", lists}};
}

// A mixed-member result party by party: constituency seats, share, list seats, overhang; the House.
Json mixed_member_report(const MixedMemberOutcome& mixed, std::vector<std::string>& footer) {
  Json lists = Json::array();
  std::string line = "mixed member: house " + std::to_string(mixed.house) + " seats (" +
                     std::to_string(mixed.apportioned) + " apportioned, " + std::to_string(mixed.others) +
                     " taken off first);";
  for (std::size_t p = 0; p < mixed.parties.size(); ++p) {
    lists.push_back({{"party", mixed.parties[p]},
                     {"votes", mixed.votes[p]},
                     {"takes_part", static_cast<bool>(mixed.takes_part[p])},
                     {"constituency_seats", mixed.constituency_seats[p]},
                     {"share", mixed.share[p]},
                     {"list_seats", mixed.list_seats[p]},
                     {"overhang", mixed.overhang[p]}});
    if (mixed.overhang[p] > 0) line += " overhang " + mixed.parties[p] + " " + std::to_string(mixed.overhang[p]) + ",";
  }
  line.pop_back();
  footer.push_back(line);
  Json unseated = Json::array(), independents = Json::array();
  for (const std::string& c : mixed.unseated) unseated.push_back(c);
  for (const std::string& c : mixed.independents) independents.push_back(c);
  return {{"house", mixed.house}, {"apportioned", mixed.apportioned}, {"taken_off_first", mixed.others},
          {"lists", lists},       {"independents", independents},     {"unseated", unseated}};
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
  if (const auto& tier = outcome.quota_tier) json["quota_tier"] = quota_tier_report(election, *tier, footer);
  if (const auto& mixed = outcome.mixed_member) json["mixed_member"] = mixed_member_report(*mixed, footer);
  return json;
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

// The run's provenance; with the seed and `lot_decided` when a lot decided a seat.
Meta allocate_meta(const Prepared& prepared, const LotRecord& lot) {
  Meta meta = make_meta("allocate", prepared);
  if (lot.drawn()) {
    meta.seed = prepared.rule.seed;
    meta.extra["lot_decided"] = true;
  }
  return meta;
}

struct AllocateCommand {
  std::string input;
  InputFlags reading;
  std::string view = "seats";
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    const LotRecord lot;  // a seat decided by lot makes the seed provenance
    const ElectionOutcome outcome = allocate(prepared.input.election, prepared.rule);
    print_notes(outcome.notes);
    const Election& election = prepared.input.election;
    if (view == "indices") {
      const Table table = indices_table(election_indices(election, outcome_seats(outcome)));
      emit(output, render(output, table, make_meta("allocate", prepared)));
      return 0;
    }
    const bool tiers = outcome.leveling.has_value() || outcome.biproportional.has_value() ||
                       outcome.quota_tier.has_value() || outcome.mixed_member.has_value() || has_alliances(election);
    // CSV and JSON stream (a large election is not held a second time); the table is for people.
    // A tiered result is small and carries its national tier beside the rows: it goes through render(),
    // as does a result with alliances (its `group` column).
    if (!tiers) switch (chosen_format(output)) {
        case Format::csv:
          emit_stream(output, [&](std::ostream& out) { write_allocation_csv(out, election, outcome); });
          return 0;
        case Format::json: {
          const Json meta = allocate_meta(prepared, lot).to_json();
          emit_stream(output, [&](std::ostream& out) { write_allocation_json(out, meta, election, outcome); });
          return 0;
        }
        default:
          break;
      }
    std::vector<std::string> footer;
    const Json extra = tier_report(election, outcome, footer);
    emit(output,
         render(output, allocation_table(election, outcome), allocate_meta(prepared, lot), "results", extra, footer));
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
          "seat it missed); with leveling seats district,party,votes,district_seats,leveling_seats,seats,tie; with "
          "list alliances (--alliances, a data set's alliances.csv) a group column after party.\n"
          "Seat totals, first that applies: --seats, --seats-file, the data set's districts.csv, "
          "the sum of district_seats, the sum of published_seats.\nExamples: seatsim allocate votes.csv --seats 11 "
          "--method sainte-lague --first-divisor 1.4\n  seatsim allocate norway.csv --first-divisor 1.4 "
          "--leveling-seats 19 --leveling-threshold 4%\n  seatsim allocate zurich.csv --biproportional "
          "--quorum-any-district 5% --list-votes\n"
          "--view indices: disproportionality indices per district and national (level,district,gallagher,"
          "loosemore_hanby,sainte_lague,dhondt,rae,enp_votes,enp_seats,wasted_share; docs/indices.md).");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_option("--view", command->view, "What to print: seats (default), indices")
          ->check(CLI::IsMember({"seats", "indices"}));
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
