// A scenario's sweep as a chart: seats per party in the districts the sweep changes (or all of
// them, summed), at each swept value, with the sweep's exact break points; the seat lines step at
// those break points, so that the dashed mark and the step are one.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "seatsim/analysis/sweep.hpp"
#include "seatsim/render/chart_data.hpp"

namespace seatsim {
namespace {

// Beyond this many districts a chart of their sum says no more than the national one.
constexpr std::size_t most_districts_drawn = 3;
// At most this many lines: those whose seats change first, largest first (the subtitle counts the rest).
constexpr std::size_t most_lines = 12;

std::set<std::string> districts_that_change(const SweepResult& result) {
  std::set<std::string> changed;
  if (result.steps.empty()) return changed;
  const SweepStep& first = result.steps.front();
  for (const SweepStep& step : result.steps)
    for (std::size_t d = 0; d < step.seats.size() && d < first.seats.size(); ++d)
      if (step.seats[d] != first.seats[d]) changed.insert(step.election.districts[d].name);
  for (const BreakPoint& at : result.break_points)
    for (const SeatChange& change : at.changes) changed.insert(change.district);
  return changed;
}

// The districts the scenario's operations name (empty when one of them applies everywhere).
std::set<std::string> districts_operated_on(const Scenario& scenario) {
  std::set<std::string> named;
  for (const VoteOperation& op : scenario.operations) {
    if (op.districts.empty()) return {};
    named.insert(op.districts.begin(), op.districts.end());
  }
  if (scenario.sweep && scenario.sweep->target == SweepTarget::seats) named.insert(scenario.sweep->district);
  return named;
}

// The districts to draw: those whose seats change, else those the scenario operates on; empty
// (every district, summed) when that is more than a few, or all of them.
std::set<std::string> chart_scope(const Scenario& scenario, const SweepResult& result) {
  std::set<std::string> scope = districts_that_change(result);
  if (scope.empty()) scope = districts_operated_on(scenario);
  const std::size_t all = result.steps.empty() ? 0 : result.steps.front().election.districts.size();
  if (scope.size() > most_districts_drawn || scope.size() >= all) return {};
  return scope;
}

std::string scope_text(const std::set<std::string>& scope) {
  if (scope.empty()) return "all districts";
  std::string text;
  for (const std::string& district : scope) text += (text.empty() ? "" : ", ") + district;
  return text;
}

bool in_scope(const std::set<std::string>& scope, const std::string& district) {
  return scope.empty() || scope.contains(district);
}

std::string quoted(const std::string& name) { return "\u2018" + name + "\u2019"; }

}  // namespace

std::string sweep_parameter_label(const Scenario& scenario) {
  if (!scenario.sweep) return {};
  const Sweep& sweep = *scenario.sweep;
  switch (sweep.target) {
    case SweepTarget::first_divisor:
      return "first divisor";
    case SweepTarget::threshold:
      return "threshold";
    case SweepTarget::seats:
      return "seats of " + sweep.district;
    case SweepTarget::operation:
      break;
  }
  if (sweep.operation >= scenario.operations.size()) return sweep.parameter;
  const VoteOperation& op = scenario.operations[sweep.operation];
  const std::string per_district = op.districts.size() == 1 ? "" : " (in each district)";
  if (op.kind == OperationKind::transfer) {
    if (sweep.field == "votes") return "votes moved from " + quoted(op.from) + " to " + quoted(op.to) + per_district;
    return "share of " + quoted(op.from) + "\u2019s votes moved to " + quoted(op.to) + per_district;
  }
  if (op.kind == OperationKind::uniform) return "percentage points gained by " + quoted(op.party) + per_district;
  if (op.kind == OperationKind::proportional) return quoted(op.party) + "\u2019s votes times" + per_district;
  if (op.kind == OperationKind::turnout) return "every list\u2019s votes times" + per_district;
  if (op.kind == OperationKind::set) return "votes of " + quoted(op.party) + per_district;
  return sweep.field + " of operation " + std::to_string(sweep.operation + 1) + " (" + op.describe() + ")";
}

SweepChart sweep_chart(const Scenario& scenario, const SweepResult& result, const PartyStyles& styles,
                       const std::string& title) {
  const std::set<std::string> scope = chart_scope(scenario, result);
  std::vector<std::size_t> order(result.steps.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return result.steps[a].exact < result.steps[b].exact; });

  std::vector<std::string> parties;
  std::map<std::string, std::vector<std::int64_t>> seats;  // party -> seats per sorted step
  for (std::size_t j = 0; j < order.size(); ++j) {
    const SweepStep& step = result.steps[order[j]];
    for (std::size_t d = 0; d < step.election.districts.size(); ++d) {
      if (!in_scope(scope, step.election.districts[d].name)) continue;
      for (std::size_t i = 0; i < step.election.districts[d].lists.size(); ++i) {
        const std::string& party = step.election.districts[d].lists[i].party;
        auto [it, added] = seats.try_emplace(party, std::vector<std::int64_t>(order.size(), 0));
        if (added) parties.push_back(party);
        it->second[j] += step.seats[d][i];
      }
    }
  }
  const auto most = [&](const std::string& p) { return *std::max_element(seats[p].begin(), seats[p].end()); };
  const auto changes = [&](const std::string& p) {
    return std::adjacent_find(seats[p].begin(), seats[p].end(), std::not_equal_to<>()) != seats[p].end();
  };
  // Seating order: most seats at any step first; lists that never win a seat are not drawn, and of
  // many lists, only those whose seats change and the largest of the others.
  std::erase_if(parties, [&](const std::string& p) { return most(p) == 0; });
  std::stable_sort(parties.begin(), parties.end(),
                   [&](const std::string& a, const std::string& b) { return most(a) > most(b); });
  // The lists whose seats change first (largest first), then the largest of the others.
  std::vector<std::string> drawn;
  for (const std::string& p : parties)
    if (changes(p) && drawn.size() < most_lines) drawn.push_back(p);
  for (const std::string& p : parties)
    if (!changes(p) && drawn.size() < most_lines) drawn.push_back(p);
  std::stable_sort(drawn.begin(), drawn.end(), [&](const std::string& a, const std::string& b) {
    return std::find(parties.begin(), parties.end(), a) < std::find(parties.begin(), parties.end(), b);
  });

  SweepChart chart;
  chart.scope = scope_text(scope);
  chart.title = title.empty() ? scenario.name + ": seats in " + chart.scope : title;
  chart.parameter = sweep_parameter_label(scenario);
  chart.lists_left_out = parties.size() - drawn.size();
  for (const std::size_t i : order) {
    chart.x.push_back(result.steps[i].exact.to_double());
    chart.x_labels.push_back(result.steps[i].value);
  }
  std::map<std::string, std::size_t> line_of;
  for (const StyledParty& party : style_parties(drawn, styles)) {
    line_of[party.party] = chart.lists.size();
    chart.lists.push_back({party.party, 0, party.colour, party.label});
    chart.seats.push_back(seats.at(party.party));
  }
  for (const BreakPoint& at : result.break_points) {
    std::vector<std::int64_t> change(chart.lists.size(), 0);
    bool here = false;
    for (const SeatChange& seat_change : at.changes) {
      if (!in_scope(scope, seat_change.district)) continue;
      here = true;
      if (const auto it = line_of.find(seat_change.party); it != line_of.end())
        change[it->second] += seat_change.seats_after - seat_change.seats_before;
    }
    if (!here && !at.changes.empty()) continue;
    const std::string label =
        at.before == at.after
            ? "seats change at " + at.before_text + (at.at_value.empty() ? "" : " (" + at.at_value + ")")
            : "seats change between " + at.before_text + " and " + at.after_text;
    chart.breaks.push_back(
        {at.before.to_double(), at.after.to_double(), label, at.before_text, at.after_text, std::move(change)});
  }
  return chart;
}

}  // namespace seatsim
