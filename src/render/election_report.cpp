#include "seatsim/render/election_report.hpp"

#include <filesystem>
#include <string>

#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/allocation_table.hpp"
#include "seatsim/render/chart_data.hpp"
#include "seatsim/render/comparison_html.hpp"
#include "seatsim/render/comparison_report.hpp"
#include "seatsim/render/indices_report.hpp"
#include "seatsim/render/leveling_report.hpp"
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
void add_comparison(HtmlReport& report, const ElectionSetup& setup, const ElectionCharts& charts) {
  const Election& election = setup.input.election;
  const Comparison comparison = compare(election, setup.rule);
  report.compared = true;
  report.summary.push_back(comparison.summary_line());
  report.differing = differing_findings(election, comparison);
  report.matched = matched_districts(comparison);
  report.districts = explained_districts(election, comparison, setup.rule);
  report.charts.push_back({"Published (left) and recomputed (right) seats; the seat counts section says why "
                           "their totals may differ.",
                           compare_svg(*charts.published, charts.recomputed, CompareLayout::side_by_side,
                                       "Published against recomputed", charts.changes)});
  report.charts.push_back({"Recomputed seats; the ringed ones are won against the published result in some district.",
                           compare_svg(*charts.published, charts.recomputed, CompareLayout::marked,
                                       "Seats that change hands", charts.changes)});
  report.charts.push_back({"Per district: outlined seats are won, hollow dashed seats lost, against the published result.",
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

void add_upper_tier(HtmlReport& report, const ElectionOutcome& outcome) {
  if (!outcome.leveling) return;
  report.tables.push_back({"Leveling tier: the national apportionment", "", leveling_national_table(*outcome.leveling)});
  report.tables.push_back({"Leveling tier: each leveling seat in the order it was placed (seatsim explain)", "",
                           leveling_award_table(*outcome.leveling)});
}

}  // namespace

HtmlReport election_report(const ElectionSetup& setup, const PartyStyles& given, const std::vector<SweepRun>& sweeps) {
  const Election& election = setup.input.election;
  const ElectionOutcome outcome = allocate(election, setup.rule);
  const PartyStyles styles = run_party_styles(election, given);
  const ElectionCharts charts = election_charts(election, outcome, styles);

  HtmlReport report;
  report.title = setup.input.name;
  report.summary = {"Rule: " + setup.rule.describe()};
  report.caveats = setup.input.caveats;
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
    add_comparison(report, setup, charts);
  else
    add_results(report, election, outcome, charts);
  for (const SweepRun& sweep : sweeps)
    report.charts.push_back({"What if: " + sweep.scenario.name + " (" +
                                 std::filesystem::path(sweep.scenario.path).filename().string() + "). " +
                                 sweep.result.resolution,
                             sweep_svg(sweep_chart(sweep.scenario, sweep.result, styles))});
  add_indices(report, election, outcome, published);
  add_upper_tier(report, outcome);
  return report;
}

}  // namespace seatsim
