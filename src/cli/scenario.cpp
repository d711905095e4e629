// seatsim scenario: a "what if" file applied to its data set, reported next to the base result
// and the published seats; with a sweep, a long table for plotting and the break points.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/scenario.hpp"
#include "seatsim/scenario_run.hpp"
#include "seatsim/sweep.hpp"

namespace seatsim::cli {
namespace {

std::string signed_text(std::int64_t n) { return n > 0 ? "+" + std::to_string(n) : std::to_string(n); }

Cell optional_cell(const std::optional<std::int64_t>& value) { return value ? Cell(*value) : Cell(""); }

bool text_format(const OutputFlags& output) {
  if (!output.format.empty()) return output.format == "table";
  return output.output.empty() && ::isatty(STDOUT_FILENO);
}

Table comparison_table(const std::vector<SeatComparison>& rows, bool for_people) {
  Table table;
  table.columns = {"level",           "district",   "party", "base_votes", "votes",
                   "published_seats", "base_seats", "seats", "change"};
  for (const SeatComparison& row : rows) {
    // People see changes only; scripts get every number.
    const Cell change =
        for_people ? Cell(row.change() == 0 ? std::string() : signed_text(row.change()) + " *") : Cell(row.change());
    table.add({row.national ? "national" : "district", row.district, row.party, optional_cell(row.base_votes),
               optional_cell(row.votes), optional_cell(row.published_seats), Cell(row.base_seats), Cell(row.seats),
               change});
  }
  return table;
}

std::string rounding_text(const DistrictEffect& effect) {
  return effect.rounding_moved.to_string() + (effect.rounding_approximate ? " (approximately)" : "");
}

Json operations_json(const std::vector<OperationReport>& reports) {
  Json list = Json::array();
  for (const OperationReport& report : reports) {
    Json districts = Json::array();
    for (const DistrictEffect& effect : report.districts)
      districts.push_back({{"district", effect.district},
                           {"votes_before", effect.votes_before},
                           {"votes_after", effect.votes_after},
                           {"rounding_moved", rounding_text(effect)},
                           {"rounding_net", effect.rounding_net.to_string()},
                           {"clamped", effect.clamped}});
    list.push_back({{"operation", report.index},
                    {"description", report.description},
                    {"rounding_moved", report.rounding_moved()},
                    {"districts", districts},
                    {"skipped", report.skipped}});
  }
  return list;
}

std::vector<std::string> operations_footer(const std::vector<OperationReport>& reports) {
  std::vector<std::string> lines;
  for (const OperationReport& report : reports) {
    std::string line = "operation " + std::to_string(report.index) + ": " + report.description + "; " +
                       std::to_string(report.districts.size()) + " district(s)";
    char moved[64];
    std::snprintf(moved, sizeof moved, "%.6g", report.rounding_moved());
    line += std::string("; rounding to whole votes moved ") + moved + " vote(s)";
    if (report.clamped()) line += "; clamped at zero votes";
    if (!report.skipped.empty()) line += "; skipped " + std::to_string(report.skipped.size()) + " district(s)";
    lines.push_back(line);
    for (const std::string& skipped : report.skipped) lines.push_back("  skipped " + skipped);
  }
  return lines;
}

Meta scenario_meta(const Scenario& scenario, const ScenarioBase& base, const Rule& rule) {
  Meta meta;
  meta.command = "scenario";
  meta.rule = rule_to_json(rule);
  if (rule.ties == TieRule::lot) meta.seed = rule.seed;
  meta.inputs = scenario.files;
  meta.inputs.insert(meta.inputs.end(), base.input.files.begin(), base.input.files.end());
  meta.extra["scenario"] = scenario.name;
  meta.extra["base"] = scenario.base;
  meta.extra["base_rule"] = rule_to_json(base.rule);
  return meta;
}

// ---- sweeps ----

Table long_table(const SweepResult& sweep) {
  Table table;
  table.columns = {"value", "district", "party", "votes", "seats"};
  for (const SweepStep& step : sweep.steps)
    for (std::size_t d = 0; d < step.election.districts.size(); ++d) {
      const District& district = step.election.districts[d];
      for (std::size_t i = 0; i < district.lists.size(); ++i)
        table.add({step.value, district.name, district.lists[i].party, Cell(district.lists[i].votes),
                   Cell(step.seats[d][i])});
    }
  return table;
}

Table break_table(const SweepResult& sweep) {
  Table table;
  table.columns = {"before",      "after",        "district",    "party",   "seats_before",
                   "seats_after", "votes_before", "votes_after", "at_value"};
  for (const BreakPoint& point : sweep.break_points)
    for (const SeatChange& change : point.changes)
      table.add({point.before_text, point.after_text, change.district, change.party, Cell(change.seats_before),
                 Cell(change.seats_after), Cell(change.votes_before), Cell(change.votes_after), point.at_value});
  return table;
}

Json break_json(const SweepResult& sweep) {
  Json points = Json::array();
  for (const BreakPoint& point : sweep.break_points) {
    Json changes = Json::array();
    for (const SeatChange& change : point.changes)
      changes.push_back({{"district", change.district},
                         {"party", change.party},
                         {"seats_before", change.seats_before},
                         {"seats_after", change.seats_after},
                         {"votes_before", change.votes_before},
                         {"votes_after", change.votes_after}});
    points.push_back({{"before", point.before_text},
                      {"after", point.after_text},
                      {"before_exact", point.before.to_string()},
                      {"after_exact", point.after.to_string()},
                      {"approximately", point.before.to_double()},
                      {"at_value", point.at_value},
                      {"changes", changes}});
  }
  return points;
}

std::vector<std::string> break_footer(const SweepResult& sweep) {
  std::vector<std::string> lines;
  lines.push_back("break points of " + sweep.sweep.parameter + " (" + std::to_string(sweep.break_points.size()) + "; " +
                  sweep.resolution + "):");
  for (const BreakPoint& point : sweep.break_points) {
    std::string line = "  " + (point.before == point.after ? "at " + point.before_text
                                                           : point.before_text + " -> " + point.after_text);
    if (point.before == point.after && !point.before.is_integer())
      line += " (~" + std::to_string(point.before.to_double() * (sweep.sweep.percent ? 100 : 1)) +
              (sweep.sweep.percent ? "%)" : ")");
    line += ":";
    for (const SeatChange& change : point.changes) {
      line += " " + change.district + ": " + change.party + " " + std::to_string(change.seats_before) + " -> " +
              std::to_string(change.seats_after);
      if (change.votes_before != change.votes_after)
        line += " (votes " + std::to_string(change.votes_before) + " -> " + std::to_string(change.votes_after) + ")";
      line += ";";
    }
    if (!point.at_value.empty()) line += " " + point.at_value;
    lines.push_back(line);
  }
  return lines;
}

struct ScenarioCommand {
  std::string file;
  OutputFlags output;
  bool break_points_only = false;
  unsigned threads = 1;

  int run() const {
    const Scenario scenario = load_scenario(file);
    const ScenarioBase base = load_scenario_base(scenario);
    if (scenario.sweep) return run_sweep_file(scenario, base);
    const ScenarioResult result = run_scenario(scenario, base);
    print_notes(result.outcome.notes);
    const bool people = text_format(output);
    const Table table = comparison_table(compare_with_base(result), people);
    std::vector<std::string> footer = {"scenario: " + scenario.name, "base rule: " + result.base_rule.describe(),
                                       "scenario rule: " + result.rule.describe()};
    const std::vector<std::string> operations = operations_footer(result.operations);
    footer.insert(footer.end(), operations.begin(), operations.end());
    Json extra;
    extra["operations"] = operations_json(result.operations);
    emit(output, render(output, table, scenario_meta(scenario, base, result.rule), "results", extra, footer));
    return 0;
  }

  int run_sweep_file(const Scenario& scenario, const ScenarioBase& base) const {
    const SweepResult sweep = run_sweep(scenario, base, {threads, true});
    Meta meta = scenario_meta(scenario, base, scenario_rule(scenario, base));
    meta.extra["sweep"] = {{"parameter", sweep.sweep.parameter},
                           {"values", sweep.sweep.texts},
                           {"batched", sweep.batched},
                           {"resolution", sweep.resolution}};
    Json extra;
    extra["break_points"] = break_json(sweep);
    const Table table = break_points_only ? break_table(sweep) : long_table(sweep);
    const std::vector<std::string> footer = break_footer(sweep);
    const bool csv = !text_format(output) && output.format != "json";
    if (csv && !break_points_only)
      std::cerr << "seatsim: note: " << sweep.break_points.size() << " break point(s) of " << sweep.sweep.parameter
                << "; --break-points lists them\n";
    emit(output, render(output, table, meta, break_points_only ? "break_points" : "results",
                        break_points_only ? Json() : extra, footer));
    return 0;
  }
};

const bool registered = register_command({
    "scenario",
    "Apply a scenario file (vote swings, rule changes, sweeps) and compare with the base result",
    40,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ScenarioCommand>();
      app.footer(
          "Without a sweep, columns: level,district,party,base_votes,votes,published_seats,base_seats,seats,change "
          "(national rows first; base = the data set under its own rule).\nWith a [sweep]: value,district,party,"
          "votes,seats per value, and the break points (exact parameter values where any list's seats change); "
          "--break-points prints those instead: before,after,district,party,seats_before,seats_after,votes_before,"
          "votes_after,at_value.\nFile format: docs/scenarios.md. Example: seatsim scenario "
          "scenarios/iraq-2013/what-if/first-divisor-1.6.toml");
      app.add_option("FILE", command->file, "Scenario file (TOML)")->required();
      add_output_flags(app, command->output);
      app.add_flag("--break-points", command->break_points_only,
                   "With a sweep: print the break points table instead of the long table");
      app.add_option("--threads", command->threads, "Threads of the batched kernel for sweeps (0 = every core)");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
