#include "seatsim/analysis/sweep.hpp"

#include <algorithm>
#include <map>

#include "seatsim/analysis/election_batch.hpp"
#include "seatsim/analysis/vote_operations.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/threshold.hpp"

namespace seatsim {
namespace {

constexpr std::int64_t max_seat_steps = 10'000;

using Seats = std::vector<std::vector<std::int64_t>>;

// The simplest rational strictly between a and b (0 <= a < b): the smallest denominator, so
// that a representative of an interval keeps the divisor rule's scale small.
Rational simplest_between(const Rational& a, const Rational& b) {
  const std::int64_t n = a.floor();
  if (Rational(n + 1) < b) return Rational(n + 1);
  const Rational fa = a - Rational(n), fb = b - Rational(n);
  if (fa.is_zero()) return Rational(n) + Rational(1, (Rational(1) / fb).floor() + 1);
  return Rational(n) + Rational(1) / simplest_between(Rational(1) / fb, Rational(1) / fa);
}

Rational power_of_ten_at_least(const Rational& x) {
  std::int64_t p = 1;
  while (Rational(p) < x) p *= 10;
  return Rational(p);
}

// Everything a sweep needs to evaluate one value exactly: the scenario, its base, its rule.
class SweepModel {
 public:
  SweepModel(const Scenario& scenario, const ScenarioBase& base)
      : scenario_(scenario),
        base_(base),
        sweep_(*scenario.sweep),
        rule_(scenario_rule(scenario, base)),
        start_(scenario_start(scenario, base)) {
    if (sweep_.target != SweepTarget::operation) {
      fixed_ = apply_operations(start_, scenario.operations, {scenario.clamp}).election;
      if (sweep_.target == SweepTarget::seats) seats_district_ = find_district(sweep_.district);
    }
  }

  const Sweep& sweep() const { return sweep_; }
  const Scenario& scenario() const { return scenario_; }
  const ScenarioBase& base() const { return base_; }

  Election election_at(const Rational& value) const {
    checkpoint();
    if (sweep_.target == SweepTarget::operation) {
      std::vector<VoteOperation> operations = scenario_.operations;
      at_sweep([&] { set_operation_parameter(operations[sweep_.operation], sweep_.field, value); }, value);
      try {
        return apply_operations(start_, operations, {scenario_.clamp}).election;
      } catch (const Error& error) {
        throw Error(error.file(), error.line(),
                    error.message() + " (at " + sweep_.parameter + " = " + sweep_.format(value) + ")");
      }
    }
    Election election = *fixed_;
    if (sweep_.target == SweepTarget::seats) {
      District& district = election.districts[seats_district_];
      if (value < Rational(district.reserved))
        throw Error(sweep_.source, sweep_.values_line,
                    "sweep value " + value.to_string() + ": " + district.name + " has " +
                        std::to_string(district.reserved) + " reserved seat(s)");
      district.seats = value.num();
    }
    return election;
  }

  Rule rule_at(const Rational& value) const {
    Rule rule = rule_;
    if (sweep_.target == SweepTarget::first_divisor)
      at_sweep([&] { rule.method = with_first_divisor(rule.method, value); }, value);
    if (sweep_.target == SweepTarget::threshold) {
      ThresholdValue threshold;
      threshold.kind = sweep_.percent ? ThresholdValue::Kind::share : ThresholdValue::Kind::votes;
      if (sweep_.percent)
        threshold.share = value;
      else
        threshold.votes = value.num();
      rule.threshold.value = threshold;
    }
    return rule;
  }

  const Rule& rule() const { return rule_; }

  void set_checkpoint(std::function<void()> checkpoint) { checkpoint_ = std::move(checkpoint); }
  void checkpoint() const {
    if (checkpoint_) checkpoint_();
  }

  // The single path: the election at `value` allocated by `allocate`.
  SweepStep evaluate(const Rational& value) const {
    SweepStep step;
    step.value = sweep_.format(value);
    step.exact = value;
    step.election = election_at(value);
    const Rule rule = rule_at(value);
    ElectionSeats seats;
    try {
      seats = seats_of(step.election, rule);
    } catch (const Error& error) {
      throw Error(error.file(), error.line(),
                  error.message() + " (at " + sweep_.parameter + " = " + sweep_.format(value) + ")");
    }
    step.seats = std::move(seats.seats);
    step.tie = std::move(seats.tie);
    return step;
  }

 private:
  template <typename F>
  void at_sweep(F&& change, const Rational& value) const {
    try {
      change();
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(sweep_.source, sweep_.line, sweep_.parameter + " = " + sweep_.format(value) + ": " + error.message());
    }
  }

  std::size_t find_district(const std::string& name) const {
    std::vector<std::string> names;
    for (const District& district : fixed_->districts) names.push_back(district.name);
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw Error(sweep_.source, sweep_.line,
                  "sweep parameter: no district '" + name + "'" + did_you_mean(name, names));
    return static_cast<std::size_t>(it - names.begin());
  }

  const Scenario& scenario_;
  const ScenarioBase& base_;
  const Sweep& sweep_;
  Rule rule_;
  Election start_;                 // the base's election with the scenario's [seats]
  std::optional<Election> fixed_;  // the operations' result when the sweep does not touch them
  std::size_t seats_district_ = 0;
  std::function<void()> checkpoint_;
};

std::vector<SeatChange> seat_changes(const SweepStep& before, const SweepStep& after) {
  std::vector<SeatChange> changes;
  for (std::size_t d = 0; d < before.seats.size(); ++d) {
    const District& district = before.election.districts[d];
    for (std::size_t i = 0; i < before.seats[d].size(); ++i) {
      if (before.seats[d][i] == after.seats[d][i]) continue;
      changes.push_back({district.name, district.lists[i].party, before.seats[d][i], after.seats[d][i],
                         district.lists[i].votes, after.election.districts[d].lists[i].votes});
    }
  }
  return changes;
}

BreakPoint make_break(const SweepModel& model, const SweepStep& before, const SweepStep& after) {
  BreakPoint point;
  point.before = before.exact;
  point.after = after.exact;
  point.before_text = model.sweep().format(before.exact);
  point.after_text = model.sweep().format(after.exact);
  point.changes = seat_changes(before, after);
  return point;
}

// Distinct values of the sweep, ascending, each with its step (the steps are exact allocations).
std::vector<const SweepStep*> sorted_steps(const std::vector<SweepStep>& steps) {
  std::vector<const SweepStep*> sorted;
  sorted.reserve(steps.size());
  for (const SweepStep& step : steps) sorted.push_back(&step);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const SweepStep* a, const SweepStep* b) { return a->exact < b->exact; });
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [](const SweepStep* a, const SweepStep* b) { return a->exact == b->exact; }),
               sorted.end());
  return sorted;
}

// ---- operation parameters: bisection on a grid of one vote ----

// How many votes of any list one unit of the parameter moves at most, from the votes the
// swept operation starts from (the operations before it do not depend on the parameter).
Rational parameter_slope(const SweepModel& model) {
  const Scenario& scenario = model.scenario();
  const Sweep& sweep = model.sweep();
  const std::span<const VoteOperation> before(scenario.operations.data(), sweep.operation);
  const Election election = apply_operations(model.base().input.election, before, {scenario.clamp}).election;
  const VoteOperation& op = scenario.operations[sweep.operation];
  Rational slope(1);
  for (const District& district : election.districts) {
    if (!op.districts.empty() &&
        std::find(op.districts.begin(), op.districts.end(), district.name) == op.districts.end())
      continue;
    for (const ListResult& list : district.lists) {
      if (sweep.field == "share" && list.party == op.from) slope = std::max(slope, Rational(list.votes));
      if (sweep.field == "factor" && (op.kind == OperationKind::turnout || list.party == op.party))
        slope = std::max(slope, Rational(list.votes));
    }
    // A point moves the party by V/100 votes and every other list by less.
    if (sweep.field == "points") slope = std::max(slope, Rational(district.total_votes(), 100));
  }
  return slope;
}

void operation_break_points(const SweepModel& model, const std::vector<SweepStep>& steps, SweepResult& result) {
  const Sweep& sweep = model.sweep();
  const Rational grid = Rational(1) / power_of_ten_at_least(parameter_slope(model));
  result.resolution = "between a break point's two values the swept operation (" + sweep.parameter +
                      ") changes any list's votes by at most one vote (a grid of " + sweep.format(grid) +
                      "); seats at both values are exact allocations";
  const std::vector<const SweepStep*> sorted = sorted_steps(steps);
  for (std::size_t k = 0; k + 1 < sorted.size(); ++k) {
    const SweepStep& upper = *sorted[k + 1];
    SweepStep lower = *sorted[k];
    while (lower.seats != upper.seats) {
      // Grid points lower + j·grid, j = 0..J, the last one being `upper` itself.
      const std::int64_t steps_to_upper = ((upper.exact - lower.exact) / grid).floor() + 1;
      const auto at = [&](std::int64_t j) {
        return j >= steps_to_upper ? upper.exact : lower.exact + grid * Rational(j);
      };
      std::int64_t lo = 0, hi = steps_to_upper;
      SweepStep hi_step = upper;
      SweepStep lo_step = lower;
      while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        SweepStep probe = model.evaluate(at(mid));
        if (probe.seats == lower.seats) {
          lo = mid, lo_step = std::move(probe);
        } else {
          hi = mid, hi_step = std::move(probe);
        }
      }
      result.break_points.push_back(make_break(model, lo_step, hi_step));
      lower = std::move(hi_step);
    }
  }
}

// ---- rule.first_divisor: exact boundaries ----

// Every f in (low, high) at which v_i/f = v_j/d(k) for k = 1..seats: where a first-seat quotient
// meets another list's later one.
void add_first_divisor_candidates(const std::vector<std::int64_t>& votes, std::int64_t seats,
                                  const DivisorRule& divisors, const Rational& low, const Rational& high,
                                  std::vector<Rational>& candidates) {
  for (const std::int64_t vi : votes) {
    if (vi == 0) continue;
    for (const std::int64_t vj : votes) {
      if (vj == 0) continue;
      for (std::int64_t k = 1; k <= seats; ++k) {
        const Rational c = Rational(vi) * divisors.divisor(k) / Rational(vj);
        if (!(c < high)) break;  // d(k) grows with k
        if (low < c) candidates.push_back(c);
      }
    }
  }
}

// The votes of everything that competes for seats at some level of a district: its lists and, with list
// alliances, each alliance's and sub-alliance's summed votes (a superset of each level's competitors, so that no
// break point is missed).
std::vector<std::int64_t> competitor_votes(const District& district, const std::vector<std::size_t>& general) {
  std::vector<std::int64_t> votes;
  std::map<std::string, std::int64_t> groups;
  for (const std::size_t i : general) {
    const ListResult& list = district.lists[i];
    votes.push_back(list.votes);
    if (const Alliance* alliance = alliance_of(district.alliances, list.party)) {
      groups[alliance->name] += list.votes;
      const std::string label = group_label(district.alliances, list.party);
      if (label != alliance->name) groups[label] += list.votes;
    }
  }
  for (const auto& [name, sum] : groups) votes.push_back(sum);
  return votes;
}

// Every first divisor f in (low, high) at which a list's first-seat quotient v_i/f equals
// another list's quotient for a later seat v_j/d(k): only there can the seats change. With
// leveling seats the national apportionment's quotients count too (the placement does not use
// the first divisor).
std::vector<Rational> first_divisor_candidates(const SweepModel& model, const Election& election, const Rule& rule,
                                               const Rational& low, const Rational& high) {
  const DivisorRule& divisors = rule.method.divisor();
  const ElectionOutcome outcome = allocate(election, rule);
  std::vector<Rational> candidates;
  if (outcome.leveling) {
    const std::int64_t house = election.total_seats() + rule.leveling.seats;
    add_first_divisor_candidates(outcome.leveling->votes, house, divisors, low, high, candidates);
  }
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const DistrictOutcome& out = outcome.districts[d];
    const std::vector<std::int64_t> competitors = competitor_votes(election.districts[d], out.general_lists);
    for (std::size_t i = 0; i < competitors.size(); ++i) {
      model.checkpoint();
      const std::int64_t vi = competitors[i];
      if (vi == 0) continue;
      for (std::size_t j = 0; j < competitors.size(); ++j) {
        const std::int64_t vj = competitors[j];
        if (i == j || vj == 0) continue;
        for (std::int64_t k = 1; k <= out.general_seats; ++k) {
          const Rational c = Rational(vi) * divisors.divisor(k) / Rational(vj);
          if (!(c < high)) break;  // d(k) grows with k
          if (low < c) candidates.push_back(c);
        }
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

// Seats are constant between neighbouring candidates; a representative of each interval
// tells them, and a change across a candidate is a break point exactly there.
void boundary_break_points(const SweepModel& model, const std::vector<Rational>& candidates,
                           const std::vector<SweepStep>& representatives, const std::string& at_value,
                           std::vector<BreakPoint>& points) {
  for (std::size_t m = 0; m + 1 < representatives.size(); ++m) {
    if (representatives[m].seats == representatives[m + 1].seats) continue;
    BreakPoint point = make_break(model, representatives[m], representatives[m + 1]);
    point.before = point.after = candidates[m];
    point.before_text = point.after_text = model.sweep().format(candidates[m]);
    point.at_value = at_value;
    points.push_back(std::move(point));
  }
}

// Break points found part by part (district by district) become one list, those at the same
// value one break point.
std::vector<BreakPoint> merge_break_points(std::vector<BreakPoint> points) {
  std::stable_sort(points.begin(), points.end(), [](const BreakPoint& a, const BreakPoint& b) {
    return a.before != b.before ? a.before < b.before : a.after < b.after;
  });
  std::vector<BreakPoint> merged;
  for (BreakPoint& point : points) {
    if (!merged.empty() && merged.back().before == point.before && merged.back().after == point.after) {
      merged.back().changes.insert(merged.back().changes.end(), point.changes.begin(), point.changes.end());
      continue;
    }
    merged.push_back(std::move(point));
  }
  return merged;
}

void first_divisor_break_points(const SweepModel& model, const std::vector<SweepStep>& steps, SweepResult& result) {
  result.resolution =
      "exact: at a break point's value two quotients are equal (v_a/f = v_b/d(k)) and the tie rule decides; "
      "the seats shown are those just below and just above it";
  const std::vector<const SweepStep*> sorted = sorted_steps(steps);
  if (sorted.size() < 2) return;
  const Rational low = sorted.front()->exact, high = sorted.back()->exact;
  const Rule& base_rule = model.rule();
  if (!base_rule.method.is_divisor() || base_rule.method.divisor().family() != DivisorRule::Family::linear) return;
  if (base_rule.biproportional.enabled) {
    // The first divisor moves the lower apportionment's rounding thresholds of every cell: no
    // finite list of candidate values is known, so the sweep's own values bound the break points.
    result.resolution =
        "only between the sweep's own values (a biproportional rule: the first divisor moves every cell's "
        "rounding)";
    result.limited = true;
    for (std::size_t k = 0; k + 1 < sorted.size(); ++k)
      if (sorted[k]->seats != sorted[k + 1]->seats)
        result.break_points.push_back(make_break(model, *sorted[k], *sorted[k + 1]));
    return;
  }
  // The first divisor touches every district alike, but a district's seats depend on its own
  // votes only, unless a national threshold or a leveling tier ties the districts together: then
  // all at once.
  const Election election = model.election_at(low);
  std::vector<Election> parts;
  if ((!base_rule.threshold.empty() && base_rule.threshold.scope == ThresholdScope::national) ||
      base_rule.leveling.enabled()) {
    parts.push_back(election);
  } else {
    for (const District& district : election.districts) parts.push_back({{district}, election.source});
  }
  std::vector<BreakPoint> points;
  for (const Election& part : parts) {
    const std::vector<Rational> candidates = first_divisor_candidates(model, part, model.rule_at(low), low, high);
    if (candidates.empty()) continue;
    std::vector<SweepStep> representatives;
    Rational left = low;
    for (std::size_t m = 0; m <= candidates.size(); ++m) {
      const Rational right = m < candidates.size() ? candidates[m] : high;
      // The simplest rational inside keeps the divisor rule's common denominator small.
      model.checkpoint();
      SweepStep step;
      step.exact = simplest_between(left, right);
      step.election = part;
      ElectionSeats seats = seats_of(part, model.rule_at(step.exact));
      step.seats = std::move(seats.seats);
      step.tie = std::move(seats.tie);
      representatives.push_back(std::move(step));
      left = right;
    }
    boundary_break_points(model, candidates, representatives,
                          "quotients equal: the tie rule (" + std::string(tie_rule_name(base_rule.ties)) + ") decides",
                          points);
  }
  result.break_points = merge_break_points(std::move(points));
}

// ---- rule.threshold: exact boundaries at the lists' own shares ----

void threshold_break_points(const SweepModel& model, const std::vector<SweepStep>& steps, SweepResult& result) {
  const Rule& rule = model.rule();
  const bool strict = rule.threshold.strict;
  const bool national = rule.threshold.scope == ThresholdScope::national;
  result.resolution =
      std::string("exact: a break point's value is a list's own ") +
      (model.sweep().percent ? "share of the " + std::string(national ? "national" : "district") + " votes" : "votes") +
      (strict ? "; from that threshold on it fails (threshold_strict)"
              : "; at that threshold it still passes, above it it fails");
  const std::vector<const SweepStep*> sorted = sorted_steps(steps);
  if (sorted.size() < 2) return;
  const Rational low = sorted.front()->exact, high = sorted.back()->exact;
  const Election election = model.election_at(low);
  std::map<std::string, std::int64_t> national_votes;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) national_votes[list.party] += list.votes;
  std::vector<Rational> candidates;
  for (const District& district : election.districts) {
    for (const ListResult& list : district.lists) {
      // Only lists that the swept threshold governs (not exempt, no threshold of their own).
      if (!list.quota_group.empty() || rule.threshold.exempt.contains(list.party) ||
          rule.threshold.per_party.contains(list.party))
        continue;
      const std::int64_t votes = national ? national_votes[list.party] : list.votes;
      const std::int64_t base = national ? election.total_votes() : district.total_votes();
      if (model.sweep().percent && base == 0) continue;
      const Rational c = model.sweep().percent ? Rational(votes, base) : Rational(votes);
      // Non-strict: a list passes up to c, fails above; strict: fails from c on.
      if (strict ? (low < c && c <= high) : (low <= c && c < high)) candidates.push_back(c);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // Seats are constant on (c_m, c_m+1] (non-strict) or [c_m, c_m+1) (strict): the closed end
  // of each interval represents it exactly.
  std::vector<SweepStep> representatives;
  for (std::size_t m = 0; m <= candidates.size(); ++m) {
    const Rational value = strict ? (m == 0 ? low : candidates[m - 1]) : (m < candidates.size() ? candidates[m] : high);
    representatives.push_back(model.evaluate(value));
  }
  boundary_break_points(model, candidates, representatives,
                        strict ? "a list exactly at this threshold fails (threshold_strict)"
                               : "a list exactly at this threshold still passes",
                        result.break_points);
}

// ---- seats.<district>: every whole number ----

void seat_break_points(const SweepModel& model, const std::vector<SweepStep>& steps, SweepResult& result) {
  const std::vector<const SweepStep*> sorted = sorted_steps(steps);
  if (sorted.size() < 2) return;
  const std::int64_t low = sorted.front()->exact.num(), high = sorted.back()->exact.num();
  std::vector<SweepStep> every;
  if (high - low <= max_seat_steps) {
    result.resolution = "one seat: every seat total between the sweep's values was allocated";
    for (std::int64_t n = low; n <= high; ++n) every.push_back(model.evaluate(Rational(n)));
  } else {
    result.resolution = "only between the sweep's own values (their range exceeds the cap of " +
                        std::to_string(max_seat_steps) + " seat totals searched one by one)";
    result.limited = true;
    for (const SweepStep* step : sorted) every.push_back(*step);
  }
  for (std::size_t n = 0; n + 1 < every.size(); ++n) {
    if (every[n].seats == every[n + 1].seats) continue;
    BreakPoint point = make_break(model, every[n], every[n + 1]);
    for (const SeatChange& change : point.changes)
      if (change.seats_after < change.seats_before) {
        point.at_value = "a list loses a seat as the district grows (Alabama paradox)";
        break;
      }
    result.break_points.push_back(std::move(point));
  }
}

}  // namespace

SweepStep evaluate_sweep_value(const Scenario& scenario, const ScenarioBase& base, const Rational& value) {
  if (!scenario.sweep) throw Error(scenario.path, 0, "the scenario has no [sweep]");
  return SweepModel(scenario, base).evaluate(value);
}

SweepResult run_sweep(const Scenario& scenario, const ScenarioBase& base, const SweepOptions& options) {
  if (!scenario.sweep) throw Error(scenario.path, 0, "the scenario has no [sweep]");
  SweepModel model(scenario, base);
  model.set_checkpoint(options.checkpoint);
  const Sweep& sweep = *scenario.sweep;
  SweepResult result;
  result.sweep = sweep;
  if (sweep.target == SweepTarget::operation) {
    // Votes change, the rule does not: every district's steps are one batch.
    std::vector<Election> elections;
    for (const Rational& value : sweep.values) elections.push_back(model.election_at(value));
    std::vector<ElectionSeats> seats;
    try {
      seats = allocate_variants(elections, model.rule(), options.threads);
    } catch (const Error& error) {
      throw Error(error.file(), error.line(), error.message() + " (in the sweep " + sweep.parameter + ")");
    }
    for (std::size_t s = 0; s < elections.size(); ++s)
      result.steps.push_back({sweep.texts[s], sweep.values[s], std::move(elections[s]), std::move(seats[s].seats),
                              std::move(seats[s].tie)});
    result.batched = true;
  } else {
    for (std::size_t s = 0; s < sweep.values.size(); ++s) {
      result.steps.push_back(model.evaluate(sweep.values[s]));
      result.steps.back().value = sweep.texts[s];
    }
  }
  if (!options.break_points) return result;
  switch (sweep.target) {
    case SweepTarget::operation:
      operation_break_points(model, result.steps, result);
      break;
    case SweepTarget::first_divisor:
      first_divisor_break_points(model, result.steps, result);
      break;
    case SweepTarget::threshold:
      threshold_break_points(model, result.steps, result);
      break;
    case SweepTarget::seats:
      seat_break_points(model, result.steps, result);
      break;
  }
  return result;
}

std::vector<SweepRun> run_what_if_sweeps(const std::string& folder, const CsvOptions& options) {
  std::vector<SweepRun> runs;
  for (Scenario& scenario : load_what_if_sweeps(folder)) {
    const ScenarioBase base = load_scenario_base(scenario, options);
    SweepResult result = run_sweep(scenario, base);
    runs.push_back({std::move(scenario), std::move(result)});
  }
  return runs;
}

}  // namespace seatsim
