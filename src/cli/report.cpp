// seatsim report: one self-contained HTML file with the comparison, the charts and the caveats.
#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"
#include "seatsim/render/allocation_table.hpp"
#include "seatsim/render/chart_data.hpp"
#include "seatsim/render/comparison_html.hpp"
#include "seatsim/render/comparison_report.hpp"
#include "seatsim/render/html_report.hpp"
#include "seatsim/render/indices_report.hpp"
#include "seatsim/render/leveling_report.hpp"
#include "seatsim/render/mixed_member_report.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/seat_count_notes.hpp"
#include "seatsim/render/svg_chart.hpp"

#include <algorithm>
#include <filesystem>

namespace seatsim::cli {
namespace {

bool charts_published(const Election& election) {
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (list.published_seats) return true;
  return false;
}

namespace fs = std::filesystem;

// The data set's what-if scenarios with a [sweep] on this data set (what-if/*.toml, by name).
std::vector<Scenario> dataset_sweeps(const std::string& folder) {
  std::vector<Scenario> sweeps;
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(fs::path(folder) / "what-if", ec)) return sweeps;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(folder) / "what-if"))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    Scenario scenario = load_scenario(file.string());
    if (scenario.sweep && fs::weakly_canonical(scenario.base, ec) == fs::weakly_canonical(folder, ec))
      sweeps.push_back(std::move(scenario));
  }
  return sweeps;
}

// "Results: 328 seats; largest lists: A 40, B 31, C 12" — the summary of a report without published seats.
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

struct ReportCommand {
  std::string input;
  InputFlags reading;
  RuleFlags rule;
  std::string output;
  std::string parties_file;

  // parties.csv of --parties, else the data set's: the colours every chart of this run shares.
  PartyStyles given_styles(const std::string& folder) const {
    if (parties_file.empty()) return load_party_styles(folder).value_or(PartyStyles{});
    std::vector<InputFile> ignored;
    return read_party_styles(read_csv_file(parties_file, ignored));
  }
  bool sweeps = true;

  // The published result against the recomputed one: summary, explanations, charts, the table.
  static void add_comparison(HtmlReport& report, const Prepared& prepared, const ElectionCharts& charts) {
    const Election& election = prepared.input.election;
    const Comparison comparison = compare(election, prepared.rule);
    print_notes(comparison.notes);
    report.compared = true;
    report.summary.push_back(comparison.summary_line());
    report.differing = differing_findings(election, comparison);
    report.matched = matched_districts(comparison);
    report.districts = explained_districts(election, comparison, prepared.rule);
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

  // A mixed-member system (seatsim explain): who takes part and why, per Land or region, and the steps.
  static void add_mixed_member(HtmlReport& report, const Election& election, const ElectionOutcome& outcome,
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

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    const Election& election = prepared.input.election;
    MixedMemberTrace trace;  // filled only for a mixed-member rule
    const ElectionOutcome outcome = prepared.rule.mixed_member.enabled()
                                        ? allocate_mixed_member_traced(election, prepared.rule, trace)
                                        : allocate(election, prepared.rule);
    const PartyStyles styles = run_party_styles(election, given_styles(prepared.input.folder));
    const ElectionCharts charts = election_charts(election, outcome, styles);

    HtmlReport report;
    report.title = prepared.input.name;
    report.summary = {"Rule: " + prepared.rule.describe()};
    report.caveats = prepared.input.caveats;
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
    if (charts_published(election)) {
      add_comparison(report, prepared, charts);
    } else {
      print_notes(outcome.notes);
      report.summary.push_back(results_line(charts.recomputed));
      report.table_caption = "Seats of every list";
      report.table = allocation_table(election, outcome);
      report.notes = outcome.notes;
    }
    if (sweeps)
      for (const Scenario& scenario : dataset_sweeps(prepared.input.folder)) {
        const ScenarioBase base = load_scenario_base(scenario, reading.options());
        const SweepResult result = run_sweep(scenario, base);
        report.charts.push_back({"What if: " + scenario.name + " (" + fs::path(scenario.path).filename().string() +
                                     "). " + result.resolution,
                                 sweep_svg(sweep_chart(scenario, result, styles))});
      }
    if (charts_published(election))
      report.tables.push_back({"Disproportionality indices",
                               "Recomputed and published seats, per district and national (docs/indices.md); "
                               "percentage points except dhondt (a ratio) and the effective numbers of parties.",
                               recomputed_and_published_indices(election, outcome)});
    else
      report.tables.push_back({"Disproportionality indices",
                               "Per district and national (docs/indices.md); percentage points except dhondt (a "
                               "ratio) and the effective numbers of parties.",
                               indices_table(election_indices(election, outcome_seats(outcome)))});
    if (outcome.leveling) {
      report.tables.push_back(
          {"Leveling tier: the national apportionment", "", leveling_national_table(*outcome.leveling)});
      report.tables.push_back({"Leveling tier: each leveling seat in the order it was placed (seatsim explain)", "",
                               leveling_award_table(*outcome.leveling)});
    }
    if (outcome.mixed_member) add_mixed_member(report, election, outcome, trace, prepared.rule.mixed_member.kind);
    report.meta = make_meta("report", prepared).to_json();
    emit(OutputFlags{"", output}, render_html_report(report));
    return 0;
  }
};

const bool registered = register_command({
    "report",
    "Write one self-contained HTML report: comparison, charts and the data set's caveats",
    90,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ReportCommand>();
      app.footer(
          "The report starts with a summary (the districts that match, those that differ and why) and a table of "
          "contents, then the caveats of the data set's manifest, why the charts' seat totals differ from the data "
          "set's, every district that differs explained (its quotients with the disputed seats marked), the charts "
          "(hemicycle, published against recomputed, seats won and lost per district, and the seats against the swept "
          "parameter of every what-if/*.toml scenario of the data set that has a [sweep]), the full tables "
          "(comparison, disproportionality indices) and how it was made (version, rule, SHA-256 of the inputs). "
          "Without published seats it is a results report (summary, hemicycle, sweeps, the seats of every list). "
          "Exit 0 when written, whether or not the seats differ.\nExample: seatsim report scenarios/iraq-2013 -o "
          "report.html");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_flag("!--no-sweeps", command->sweeps, "Leave out the sweeps of the data set's what-if/ scenarios");
      add_rule_flags(app, command->rule);
      app.add_option("--parties", command->parties_file,
                     "CSV party,colour,short for the charts (default: the data set's parties.csv)");
      app.add_option("--output,-o", command->output, "Write the HTML to this file (atomically) instead of stdout");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
