#include "seatsim/render/election_report.hpp"

#include <filesystem>
#include <string>

#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"
#include "seatsim/render/allocation_table.hpp"
#include "seatsim/render/chart_data.hpp"
#include "seatsim/render/comparison_html.hpp"
#include "seatsim/render/comparison_report.hpp"
#include "seatsim/render/indices_report.hpp"
#include "seatsim/render/leveling_report.hpp"
#include "seatsim/render/mixed_member_report.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/seat_count_notes.hpp"
#include "seatsim/render/svg_chart.hpp"

namespace seatsim {
namespace {

bool has_published_seats(const Election& election) {
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (list.published_seats) return true;
  return false;
}

// "Results: 328 seats; most seats: A 40, B 31, C 12" — the summary of a report without published seats.
std::string results_line(const Parliament& recomputed) {
  std::string largest;
  std::size_t shown = 0;
  for (const ParliamentParty& party : recomputed.parties) {
    if (party.seats == 0 || shown == 5) continue;
    largest += (largest.empty() ? "" : ", ") + party.name + " " + std::to_string(party.seats);
    ++shown;
  }
  return "Results: " + std::to_string(recomputed.total_seats()) + " seats" +
         (largest.empty() ? std::string() : "; most seats: " + largest) + ". No published seats to compare with.";
}

// The published result against the recomputed one: summary, explanations, charts, the table.
void add_comparison(HtmlReport& report, const Election& election, const Rule& rule, const ElectionCharts& charts) {
  const Comparison comparison = compare(election, rule);
  report.compared = true;
  report.summary.push_back(comparison.summary_line());
  report.differing = differing_findings(election, comparison);
  report.matched = matched_districts(comparison);
  report.districts = explained_districts(election, comparison, rule);
  report.charts.push_back(
      {"Published (left) and recomputed (right) seats; the seat counts section says why "
       "their totals may differ.",
       compare_svg(*charts.published, charts.recomputed, CompareLayout::side_by_side, "Published against recomputed",
                   charts.changes)});
  report.charts.push_back({"Recomputed seats; the ringed ones are won against the published result in some district.",
                           compare_svg(*charts.published, charts.recomputed, CompareLayout::marked,
                                       "Seats that change hands", charts.changes)});
  report.charts.push_back(
      {"Per district: outlined seats are won, hollow dashed seats lost, against the published result.",
       diff_svg(charts.districts, charts.recomputed, "Seats won and lost per district")});
  report.table_caption = "Comparison, every list";
  report.table = comparison_table(election, comparison);
  report.notes = comparison.notes;
}

void add_results(HtmlReport& report, const Election& election, const ElectionOutcome& outcome,
                 const ElectionCharts& charts) {
  report.summary.push_back(results_line(charts.recomputed));
  report.table_caption = "Seats of every list";
  report.table = allocation_table(election, outcome);
  report.notes = outcome.notes;
}

void add_indices(HtmlReport& report, const Election& election, const ElectionOutcome& outcome, bool published) {
  if (published)
    report.tables.push_back({"Disproportionality indices",
                             "Recomputed and published seats, per district and national (docs/indices.md); "
                             "percentage points except dhondt (a ratio) and the effective numbers of parties.",
                             recomputed_and_published_indices(election, outcome)});
  else
    report.tables.push_back({"Disproportionality indices",
                             "Per district and national (docs/indices.md); percentage points except dhondt (a "
                             "ratio) and the effective numbers of parties.",
                             indices_table(election_indices(election, outcome_seats(outcome)))});
}

void add_leveling(HtmlReport& report, const ElectionOutcome& outcome) {
  report.tables.push_back(
      {"Leveling tier: the national apportionment", "", leveling_national_table(*outcome.leveling)});
  report.tables.push_back({"Leveling tier: each leveling seat in the order it was placed (seatsim explain)", "",
                           leveling_award_table(*outcome.leveling)});
}

// A mixed-member system (seatsim explain): who takes part and why, per Land or region, and the steps.
void add_mixed_member(HtmlReport& report, const Election& election, const ElectionOutcome& outcome,
                      const MixedMemberTrace& trace, MixedMemberRule::Kind kind) {
  report.tables.push_back({"Mixed member: who takes part and why, entitlement against constituency seats", "",
                           mixed_member_national_table(*outcome.mixed_member, trace, kind)});
  if (kind == MixedMemberRule::Kind::new_zealand) return;
  report.tables.push_back(
      {"Mixed member: each Land list or region", "", mixed_member_district_table(election, outcome, trace, kind)});
  report.tables.push_back({kind == MixedMemberRule::Kind::scotland
                               ? "Mixed member: each region's list seats in award order (seatsim explain)"
                               : "Mixed member: second-vote coverage of the constituency winners (seatsim explain)",
                           "", mixed_member_step_table(trace)});
}

}  // namespace

HtmlReport election_report(const LoadedInput& input, const Rule& rule, const PartyStyles& given,
                           const std::vector<SweepRun>& sweeps) {
  const Election& election = input.election;
  MixedMemberTrace trace;  // filled only for a mixed-member rule: the record its tables show
  const ElectionOutcome outcome =
      rule.mixed_member.enabled() ? allocate_mixed_member_traced(election, rule, trace) : allocate(election, rule);
  const PartyStyles styles = run_party_styles(election, given);
  const ElectionCharts charts = election_charts(election, outcome, styles);

  HtmlReport report;
  report.title = input.name;
  report.summary = {"Rule: " + rule.describe()};
  report.caveats = input.caveats;
  // Shown only when some total differs from the data set's: then its first line gives that total.
  if (std::vector<std::string> counts = seat_count_notes(election, outcome); counts.size() > 1)
    report.seat_counts = std::move(counts);
  Parliament recomputed = charts.recomputed;
  recomputed.title = "Recomputed seats, all districts";
  const bool totals_differ = charts.recomputed.total_seats() != election.total_seats();
  report.charts.push_back({"The parliament as recomputed, all districts together" +
                               std::string(totals_differ ? " (the seat counts section says why its total is not "
                                                           "the data set's)."
                                                         : "."),
                           hemicycle_svg(recomputed)});
  const bool published = has_published_seats(election);
  if (published)
    add_comparison(report, election, rule, charts);
  else
    add_results(report, election, outcome, charts);
  for (const SweepRun& sweep : sweeps)
    report.charts.push_back({"What if: " + sweep.scenario.name + " (" +
                                 std::filesystem::path(sweep.scenario.path).filename().string() + "). " +
                                 sweep.result.resolution,
                             sweep_svg(sweep_chart(sweep.scenario, sweep.result, styles))});
  add_indices(report, election, outcome, published);
  if (outcome.leveling) add_leveling(report, outcome);
  if (outcome.mixed_member) add_mixed_member(report, election, outcome, trace, rule.mixed_member.kind);
  return report;
}

}  // namespace seatsim
