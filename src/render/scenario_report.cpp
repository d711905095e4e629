#include "seatsim/render/scenario_report.hpp"

#include <cstdio>

namespace seatsim {
namespace {

std::string signed_text(std::int64_t n) { return n > 0 ? "+" + std::to_string(n) : std::to_string(n); }

Cell optional_cell(const std::optional<std::int64_t>& value) { return value ? Cell(*value) : Cell(""); }

std::string rounding_text(const DistrictEffect& effect) {
  return effect.rounding_moved.to_string() + (effect.rounding_approximate ? " (approximately)" : "");
}

}  // namespace

Table scenario_table(const std::vector<SeatComparison>& rows, bool for_people) {
  Table table;
  table.columns = {"level",           "district",   "party", "base_votes", "votes",
                   "published_seats", "base_seats", "seats", "change"};
  table.group_by = {"level", "district"};
  table.rank_by = {"seats", "votes"};
  for (const SeatComparison& row : rows) {
    const Cell change =
        for_people ? Cell(row.change() == 0 ? std::string() : signed_text(row.change()) + " *") : Cell(row.change());
    table.add({row.national ? "national" : "district", row.district, row.party, optional_cell(row.base_votes),
               optional_cell(row.votes), optional_cell(row.published_seats), Cell(row.base_seats), Cell(row.seats),
               change});
  }
  return table;
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

std::vector<std::string> scenario_footer(const Scenario& scenario, const ScenarioBase& base,
                                         const ScenarioResult& result) {
  std::vector<std::string> lines = {"scenario: " + scenario.name, "base rule: " + result.base_rule.describe(),
                                    "scenario rule: " + result.rule.describe()};
  for (const auto& [name, seats] : scenario.seats)
    if (const District* district = base.input.election.find(name))
      lines.push_back("seats: " + name + " " + std::to_string(district->seats) + " -> " + std::to_string(seats));
  const std::vector<std::string> operations = operations_footer(result.operations);
  lines.insert(lines.end(), operations.begin(), operations.end());
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
  if (!scenario.seats.empty()) {
    Json seats = Json::object();
    for (const auto& [name, total] : scenario.seats) seats[name] = total;
    meta.extra["seats"] = seats;
  }
  return meta;
}

Meta sweep_meta(const Scenario& scenario, const ScenarioBase& base, const SweepResult& sweep) {
  Meta meta = scenario_meta(scenario, base, scenario_rule(scenario, base));
  meta.extra["sweep"] = {{"parameter", sweep.sweep.parameter},
                         {"values", sweep.sweep.texts},
                         {"batched", sweep.batched},
                         {"resolution", sweep.resolution},
                         {"limited", sweep.limited}};
  return meta;
}

Table sweep_table(const SweepResult& sweep) {
  Table table;
  table.columns = {"value", "district", "party", "votes", "seats"};
  table.group_by = {"value", "district"};
  table.rank_by = {"seats", "votes"};
  for (const SweepStep& step : sweep.steps)
    for (std::size_t d = 0; d < step.election.districts.size(); ++d) {
      const District& district = step.election.districts[d];
      for (std::size_t i = 0; i < district.lists.size(); ++i)
        table.add({step.value, district.name, district.lists[i].party, Cell(district.lists[i].votes),
                   Cell(step.seats[d][i])});
    }
  return table;
}

Table break_points_table(const SweepResult& sweep) {
  Table table;
  table.columns = {"before",      "after",        "district",    "party",   "seats_before",
                   "seats_after", "votes_before", "votes_after", "at_value"};
  for (const BreakPoint& point : sweep.break_points)
    for (const SeatChange& change : point.changes)
      table.add({point.before_text, point.after_text, change.district, change.party, Cell(change.seats_before),
                 Cell(change.seats_after), Cell(change.votes_before), Cell(change.votes_after), point.at_value});
  return table;
}

Json break_points_json(const SweepResult& sweep) {
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

std::vector<std::string> break_points_footer(const SweepResult& sweep) {
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

}  // namespace seatsim
