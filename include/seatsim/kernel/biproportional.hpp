#pragma once
// Biproportional apportionment ("doppelter Pukelsheim"): seats per district and list such that
// every district gets its seats, every list the seats of its upper apportionment, and
// seats(d, p) = round(votes(d, p) / (district divisor d × list divisor p)) with the method's
// rounding (standard rounding for Sainte-Laguë). Exact throughout: divisors are rationals, every
// rounding is an integer comparison, and a quotient exactly on a rounding threshold that could go
// either way is a tie, reported and never resolved silently.
//
// The lower apportionment is found by alternating scaling (Balinski & Demange; Pukelsheim,
// Proportional Representation, 2014; Oelbermann 2016) with exact divisor intervals: a row step
// apportions each district's seats with the current list divisors and takes a district divisor
// from the exact interval of divisors that give that apportionment; a column step does the same
// for each list. The divisor picked from an interval is the decimal with the fewest digits inside
// it, so the reported divisors can be checked by hand, as in BAZI and proporz.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "seatsim/core/rational.hpp"
#include "seatsim/kernel/divisor_rule.hpp"
#include "seatsim/kernel/threshold.hpp"

namespace seatsim {

struct BiproportionalRule {
  bool enabled = false;
  std::optional<ThresholdValue> quorum_any_district;  // share of a district's votes, in at least one district
  std::optional<ThresholdValue> quorum_total;         // share of all votes; with both, either suffices
  bool list_votes = false;       // votes are list votes: the upper apportionment divides them by district seats
  bool winner_take_one = false;  // a district's strongest list gets at least one seat there, when entitled

  std::string describe() const;
};

// The rounding thresholds ("signposts") of a linear divisor rule, scaled so that the step is 1:
// s(k) = d(k) / (d(k+1) − d(k)) for large k; Sainte-Laguë k + ½, D'Hondt k + 1, with a modified
// first divisor 1.4 s(0) = 0.7. A quotient q takes k seats when s(k−1) ≤ q ≤ s(k).
class Signposts {
 public:
  explicit Signposts(const DivisorRule& rule);  // throws seatsim::Error for a non-linear rule
  Rational at(std::int64_t k) const { return Rational(scaled(k), scale()); }
  // s(k) = scaled(k) / scale(), both integers.
  std::int64_t scaled(std::int64_t k) const noexcept { return rule_.scaled_divisor(k); }
  std::int64_t scale() const noexcept { return rule_.tail_b(); }

 private:
  DivisorRule rule_;
};

// One vector apportionment with rational weights and its exact divisor interval: the divisors D
// for which rounding weight / D gives these seats are [lo, hi] (hi absent: unbounded above).
// Entries flagged `at_least_one` have s(0) = 0: any positive weight takes a first seat.
struct VectorApportionment {
  std::vector<std::int64_t> seats;
  Rational lo;
  std::optional<Rational> hi;
  bool tie() const { return hi && lo == *hi; }
};
VectorApportionment apportion_vector(std::span<const Rational> weights, std::span<const std::uint8_t> at_least_one,
                                     std::int64_t seats, const Signposts& signposts);

// The decimal with the fewest significant digits strictly inside (lo, hi), nearest the middle;
// lo itself when lo == hi. Without hi, one above lo.
Rational pick_divisor(const Rational& lo, const std::optional<Rational>& hi);

// The lower apportionment as a matrix problem: rows are districts, columns lists.
struct MatrixProblem {
  std::size_t rows = 0, cols = 0;
  std::vector<std::int64_t> votes;                // rows × cols, row-major; 0 where a list has no votes
  std::vector<std::int64_t> row_seats;            // district seats
  std::vector<std::int64_t> col_seats;            // list seats (upper apportionment)
  std::vector<std::uint8_t> at_least_one;         // rows × cols or empty: winner-take-one cells
  std::vector<std::string> row_names, col_names;  // for messages
};

struct MatrixApportionment {
  std::vector<std::int64_t> seats;  // rows × cols, row-major
  std::vector<Rational> row_divisors, col_divisors;
  std::vector<std::uint8_t> tie;  // rows × cols: 1 on cells another valid matrix changes
  bool tied = false;
  int steps = 0;  // half-steps of alternating scaling
};

// Throws seatsim::Error when no matrix fits (a list whose seats its districts cannot hold, a
// district with seats and no list), and when alternating scaling cannot settle (a tie that leaves
// no consistent matrix). A tie between valid matrices is returned with `tied` and the cells.
MatrixApportionment apportion_matrix(const MatrixProblem& problem, const DivisorRule& rule);

// Whether `divisors` certify `seats`: every cell rounds to its seats, exactly.
bool certifies(const MatrixProblem& problem, const Signposts& signposts, const MatrixApportionment& result);

}  // namespace seatsim
