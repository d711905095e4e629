// seatsim explain: how the leveling (adjustment) tier was reached — the national apportionment,
// each party's entitlement against its district seats, excess seats returned, the regional split
// (Denmark), and the award table; or how a quota tier was reached (Austria, Czechia): each district's
// quota and whole quotas, the remainders passed up, and the national remainder tier.
#include <algorithm>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"
#include "seatsim/render/alliance_report.hpp"
#include "seatsim/render/leveling_report.hpp"
#include "seatsim/render/mixed_member_report.hpp"
#include "seatsim/render/quota_tier_report.hpp"

namespace seatsim::cli {
namespace {

struct ExplainCommand {
  std::string input;
  InputFlags reading;
  std::string district;
  RuleFlags rule;
  OutputFlags output;

  void check_district(const Election& election) const {
    if (district.empty()) return;
    std::vector<std::string> names;
    for (const District& d : election.districts) names.push_back(d.name);
    if (std::find(names.begin(), names.end(), district) != names.end()) return;
    throw Error(election.source, 0, "--district: no district named '" + district + "'" + did_you_mean(district, names));
  }

  // List alliances (issue 21): the group level and the split inside each group, one row per competitor.
  int explain_alliances(const Prepared& prepared, const ElectionOutcome& outcome) const {
    print_notes(outcome.notes);
    const Election& election = prepared.input.election;
    emit(output, render(output, alliance_split_table(election, outcome, district), make_meta("explain", prepared),
                        "rows", alliance_split_json(election, outcome, district)));
    return 0;
  }

  // Austria, Czechia: the districts' quotas and whole quotas, the remainders passed up, the national tier.
  int explain_quota_tier(const Election& election, const ElectionOutcome& outcome, const Meta& meta) const {
    const Format format = chosen_format(output);
    if (format == Format::table || format == Format::markdown) {
      emit(output,
           quota_tier_text(election, outcome, district, format == Format::markdown) + output.last_line(meta) + "\n");
      return 0;
    }
    emit(output, render(output, quota_tier_district_table(election, outcome, district), meta, "rows",
                        quota_tier_to_json(election, outcome)));
    return 0;
  }

  // Mixed-member systems: who takes part and why, entitlement against constituency seats, overhang, the
  // Land lists and second-vote coverage (Germany), the regional award table (Scotland). CSV: the step
  // table, or the national table where there are no steps (New Zealand).
  int explain_mixed_member(const Prepared& prepared) const {
    const Election& election = prepared.input.election;
    MixedMemberTrace trace;
    const ElectionOutcome outcome = allocate_mixed_member_traced(election, prepared.rule, trace);
    print_notes(outcome.notes);
    const Meta meta = make_meta("explain", prepared);
    const MixedMemberRule::Kind kind = prepared.rule.mixed_member.kind;
    const Format format = chosen_format(output);
    if (format == Format::table || format == Format::markdown) {
      emit(output, mixed_member_text(election, outcome, trace, kind, district, format == Format::markdown) +
                       output.last_line(meta) + "\n");
      return 0;
    }
    const Table rows = trace.steps.empty() ? mixed_member_national_table(*outcome.mixed_member, trace, kind)
                                           : mixed_member_step_table(trace, district);
    emit(output, render(output, rows, meta, "rows", mixed_member_to_json(election, outcome, trace, kind, district)));
    return 0;
  }

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    const Election& election = prepared.input.election;
    check_district(election);
    if (prepared.rule.mixed_member.enabled()) return explain_mixed_member(prepared);
    const ElectionOutcome outcome = allocate(election, prepared.rule);
    if (!outcome.leveling && !outcome.quota_tier && has_alliances(election))
      return explain_alliances(prepared, outcome);
    if (!outcome.leveling && !outcome.quota_tier)
      throw Error(
          "explain: the rule has no leveling tier, no quota tier and no list alliances (give --system, or "
          "--leveling-seats or --quota-tier and their flags, or --alliances)");
    print_notes(outcome.notes);
    const Meta meta = make_meta("explain", prepared);
    if (outcome.quota_tier) return explain_quota_tier(election, outcome, meta);
    const LevelingOutcome& leveling = *outcome.leveling;
    const Format format = chosen_format(output);
    if (format == Format::table || format == Format::markdown) {
      const bool markdown = format == Format::markdown;
      emit(output, leveling_text(leveling, district, markdown) + output.last_line(meta) + "\n");
      return 0;
    }
    emit(output,
         render(output, leveling_award_table(leveling, district), meta, "rows", leveling_to_json(leveling, district)));
    return 0;
  }
};

const bool registered = register_command({
    "explain",
    "How the upper tier was reached: leveling seats (national apportionment, regions, award order), a quota tier "
    "or a mixed-member system",
    25,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ExplainCommand>();
      app.footer(
          "The upper tier of a leveling system (Norway, Sweden): the national apportionment (party,votes,status,"
          "national_seats,district_seats,returned_seats,leveling_seats), then the award table: each leveling seat "
          "in the order it was placed, with the candidates passed over before it and why.\n"
          "CSV columns: step,party,district,comparison,divisor,reason (reason: awarded, awarded by tie rule, or "
          "why the candidate was passed over; step 0: a district seat returned). comparison is shown rounded to 6 "
          "decimals; the seats are decided exactly. JSON: meta, rows (the CSV's), awards (each seat with its exact "
          "comparison_exact and the candidates skipped before it), national, returned.\n"
          "List alliances (an election with alliances and no leveling tier): one row per competitor, the groups "
          "first and then the split inside each (CSV columns district,level,within,competitor,kind,votes,seats,"
          "status; JSON: meta, rows, districts with each group's members nested).\n"
          "Placement by region (Denmark): a regional split table (party,region,votes,district_seats,leveling_seats) "
          "and, before the districts' rows, the region step's rows (district = the region, reason 'region step: "
          "...'); JSON adds regions and region_awards.\n"
          "A quota tier (Austria, Czechia): each district's quota and whole quotas (district,seats,quota,quota_seats,"
          "withdrawn,left_over), each list's row (CSV columns: district,party,votes,quota,quota_seats,remainder,"
          "upper_seats,seats; remainder = votes − quota_seats × quota, passed up), and the national tier (party,"
          "votes,upper_votes,status,quota_seats,upper_seats,seats). JSON: meta, rows, districts, national, "
          "upper_total, quota_exact.\n"
          "A mixed-member system (New Zealand, Scotland, Germany 2023): who takes part and why (threshold or "
          "constituency route), each party's entitlement against its constituency wins (party,votes,status,"
          "constituency_wins,entitlement,constituency_seats,unseated,list_seats,overhang,seats), the House; per "
          "Land or region the same split (district,party,votes,entitlement,constituency_wins,constituency_seats,"
          "unseated,list_seats,seats); and the steps: Scotland's list seats region by region in award order (step "
          "0: the constituency seats a party starts with), Germany's constituency winners ranked by first-vote "
          "share, seated or not (second-vote coverage). CSV: the steps (step,party,district,comparison,divisor,"
          "reason), New Zealand the national table. JSON: meta, rows, house, apportioned, taken_off_first, route, "
          "national, districts, steps, independents, unseated.\n"
          "Example: seatsim explain ../shared/data/norway_2021_storting_full.csv --system norway-storting-2005");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_option("--district", command->district,
                     "Only the award rows (quota tier: the list rows) of this district");
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
