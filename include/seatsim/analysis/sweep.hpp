#pragma once
// Sweeps: one parameter of a scenario over values (an operation's share, votes, points or
// factor; the first divisor; the threshold; a district's seats), and the break points, the
// exact parameter values at which any list's seat count changes.
//
// Steps that change votes only are allocated as one batch per district (`allocate_variants`);
// rule and seat sweeps loop over the election allocation. Either way each step equals
// `allocate` on that step's election.
//
// Break points are searched between every two neighbouring values (sorted) whose seats differ,
// by bisection on exact allocations, and again from each break found until the seats agree with
// the upper value; so a change that is undone before the next value of the sweep is not seen.
// Their precision depends on the parameter (`SweepResult::resolution` says it in words):
//  - an operation's parameter: on a grid of 10^-k (k chosen per sweep) fine enough that one
//    step of the grid changes the swept operation's result by at most one vote per list; a
//    break point is the pair of neighbouring grid values, the last with the old seats and the
//    first with the new ones;
//  - rule.first_divisor: exact, the divisor at which two quotients are equal (v_a/f = v_b/d(k));
//  - rule.threshold: exact, a list's own share of the base (or its votes);
//  - seats.<district>: every whole number between the values, when they span at most 10,000 seat
//    totals; beyond that cap, only between the sweep's own values (SweepResult::limited).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/scenario.hpp"

namespace seatsim {

struct SweepStep {
  std::string value;  // as the file wrote it (or as the range generated it)
  Rational exact;
  Election election;                             // after the operations, with this value
  std::vector<std::vector<std::int64_t>> seats;  // [district][list], the election's shape
  std::vector<std::vector<std::uint8_t>> tie;    // 1: a tie decided the list's last seat or the one it missed
};

struct SeatChange {
  std::string district;
  std::string party;
  std::int64_t seats_before = 0, seats_after = 0;
  std::int64_t votes_before = 0, votes_after = 0;
};

struct BreakPoint {
  // The seats change between `before` (the last value with the old seats) and `after` (the
  // first with the new ones). Equal for an exact boundary: then `at_value` says what the value
  // itself gives.
  Rational before, after;
  std::string before_text, after_text;  // as the sweep shows values ("2.1689%", "8/5")
  std::string at_value;
  std::vector<SeatChange> changes;
};

struct SweepResult {
  Sweep sweep;
  std::vector<SweepStep> steps;          // in the file's order
  std::vector<BreakPoint> break_points;  // ascending
  std::string resolution;                // what a break point's precision means, one sentence
  // The break points were searched only between the sweep's own values (a cap, or no finite
  // search): a change between two neighbouring values may hide more than one break point.
  bool limited = false;
  bool batched = false;  // the steps went through the batched kernel
};

struct SweepOptions {
  unsigned threads = 1;  // for the batched kernel; 0 = every core
  bool break_points = true;
  // Called before each value's election is made and in the break points' searches; it may throw
  // to stop the sweep (the explorer's time limit, a client that left).
  std::function<void()> checkpoint = {};
};

// Throws seatsim::Error (file and line of the sweep, or of the operation at fault).
SweepResult run_sweep(const Scenario& scenario, const ScenarioBase& base, const SweepOptions& options = {});

// A sweep with its result: what a report draws for each of a data set's what-if sweeps.
struct SweepRun {
  Scenario scenario;
  SweepResult result;
};
// The data set's what-if sweeps (load_what_if_sweeps), each run over its base read with `options`.
std::vector<SweepRun> run_what_if_sweeps(const std::string& folder, const CsvOptions& options = {});

// The election and seats at one value of the scenario's sweep (the single, unbatched path).
SweepStep evaluate_sweep_value(const Scenario& scenario, const ScenarioBase& base, const Rational& value);

}  // namespace seatsim
