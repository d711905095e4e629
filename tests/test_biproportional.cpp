// Biproportional apportionment: exact divisor intervals, divisor picking, the textbook examples
// with their published matrices, winner-take-one, ties, infeasible inputs, a brute-force check of
// the defining optimality property on random matrices, and Zürich 2019 from ../shared/data.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <map>
#include <random>

#include "seatsim/core/error.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/biproportional.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/method.hpp"
#include "support.hpp"

using namespace seatsim;

namespace {

using Seats = std::vector<std::int64_t>;

MatrixProblem problem(const std::vector<Seats>& votes, const Seats& rows, const Seats& cols) {
  MatrixProblem p;
  p.rows = rows.size();
  p.cols = cols.size();
  for (const Seats& row : votes) p.votes.insert(p.votes.end(), row.begin(), row.end());
  p.row_seats = rows;
  p.col_seats = cols;
  for (std::size_t d = 0; d < p.rows; ++d) p.row_names.push_back("d" + std::to_string(d + 1));
  for (std::size_t c = 0; c < p.cols; ++c) p.col_names.push_back("p" + std::to_string(c + 1));
  return p;
}

Election election_of(const std::vector<std::string>& districts, const Seats& seats,
                     const std::vector<std::string>& parties, const std::vector<Seats>& votes) {
  Election election;
  election.source = "test";
  for (std::size_t d = 0; d < districts.size(); ++d) {
    District& district = election.districts.emplace_back();
    district.name = districts[d];
    district.seats = seats[d];
    for (std::size_t p = 0; p < parties.size(); ++p)
      district.lists.push_back({parties[p], votes[d][p], {}, {}, {}, {}, 0});
  }
  return election;
}

Seats flatten(const ElectionOutcome& outcome) {
  Seats out;
  for (const DistrictOutcome& district : outcome.districts)
    for (const ListOutcome& list : district.lists) out.push_back(list.seats);
  return out;
}

Rule biproportional_rule() {
  Rule rule;
  rule.biproportional.enabled = true;
  return rule;
}

// The biproportional apportionment is the matrix with the given margins that minimizes
// sum over cells and seats k < x of ln(s(k) / votes) (Gaffke & Pukelsheim 2008). Brute force over
// all matrices with those margins (zero where a cell has no votes); returns the best and the gap
// to the second best (a tiny gap means a near-tie the floating point cannot judge).
struct Optimum {
  Seats seats;
  double gap = INFINITY;
  bool any = false;
};
Optimum brute_force(const MatrixProblem& p, const Signposts& s) {
  Optimum best;
  double best_cost = INFINITY, second_cost = INFINITY;
  Seats x(p.rows * p.cols, 0), col_left = p.col_seats;
  std::function<void(std::size_t, std::int64_t, double)> walk = [&](std::size_t cell, std::int64_t row_left,
                                                                    double cost) {
    const std::size_t d = cell / p.cols, c = cell % p.cols;
    if (cell == p.rows * p.cols) {
      for (const std::int64_t left : col_left)
        if (left != 0) return;
      if (cost < best_cost) {
        second_cost = best_cost;
        best_cost = cost;
        best.seats = x;
      } else {
        second_cost = std::min(second_cost, cost);
      }
      best.gap = second_cost - best_cost;
      best.any = true;
      return;
    }
    const bool last_in_row = c + 1 == p.cols;
    const std::int64_t low = last_in_row ? row_left : 0;
    const std::int64_t high = p.votes[cell] == 0 ? 0 : std::min(row_left, col_left[c]);
    double added = 0;
    for (std::int64_t k = 0; k < low && k <= high; ++k)
      added += std::log(s.at(k).to_double() / static_cast<double>(p.votes[cell]));
    for (std::int64_t k = low; k <= high; ++k) {
      x[cell] = k;
      col_left[c] -= k;
      walk(cell + 1, last_in_row ? p.row_seats[std::min(d + 1, p.rows - 1)] : row_left - k, cost + added);
      col_left[c] += k;
      if (p.votes[cell] > 0) added += std::log(s.at(k).to_double() / static_cast<double>(p.votes[cell]));
    }
    x[cell] = 0;
  };
  walk(0, p.row_seats.empty() ? 0 : p.row_seats[0], 0.0);
  return best;
}

}  // namespace

TEST_CASE("a divisor interval is exact, and collapses to a point at a tie") {
  const Signposts sl(DivisorRule::sainte_lague());
  const std::vector<Rational> weights{Rational(5), Rational(3), Rational(2)};
  // Quotients 5/0.5 = 10, 3/0.5 = 6, 2/0.5 = 4, 5/1.5 = 3.33: four seats 2, 1, 1 for divisors
  // from max(5/2.5, 3/1.5, 2/1.5) = 2 to min(5/1.5, 3/0.5, 2/0.5) = 10/3.
  const VectorApportionment four = apportion_vector(weights, {}, 4, sl);
  CHECK(four.seats == Seats{2, 1, 1});
  CHECK(four.lo == Rational(2));
  CHECK(*four.hi == Rational(10, 3));
  CHECK_FALSE(four.tie());
  // The fifth seat: 5/2.5 = 2 = 3/1.5, a tie; the interval is the single divisor 2.
  const VectorApportionment five = apportion_vector(weights, {}, 5, sl);
  CHECK(five.tie());
  CHECK(five.lo == Rational(2));
  // A guaranteed first seat (winner-take-one): weight 1 of 100 still takes a seat.
  const std::vector<std::uint8_t> first{0, 1};
  CHECK(apportion_vector(std::vector<Rational>{Rational(100), Rational(1)}, first, 2, sl).seats == Seats{1, 1});
}

TEST_CASE("divisors are picked as the shortest decimal inside their interval") {
  CHECK(pick_divisor(Rational(49932, 10), Rational(52107, 10)) == Rational(5000));
  CHECK(pick_divisor(Rational(97, 100), Rational(103, 100)) == Rational(1));
  CHECK(pick_divisor(Rational(101, 100), Rational(102, 100)) == Rational(1015, 1000));
  CHECK(pick_divisor(Rational(7, 3), Rational(7, 3)) == Rational(7, 3));
  CHECK(pick_divisor(Rational(1234, 10), std::nullopt) == Rational(200));
}

TEST_CASE("English Wikipedia's example: the published seat matrix, and divisors that certify it") {
  // Districts I, II, III with 7, 5, 8 seats; parties A, B, C with 5, 11, 4 (upper apportionment).
  const std::vector<Seats> votes{{123, 912, 312}, {45, 714, 255}, {815, 414, 215}};
  const MatrixProblem p = problem(votes, {7, 5, 8}, {5, 11, 4});
  const MatrixApportionment result = apportion_matrix(p, DivisorRule::sainte_lague());
  CHECK(result.seats == Seats{1, 4, 2, 0, 4, 1, 4, 3, 1});
  CHECK_FALSE(result.tied);
  CHECK(certifies(p, Signposts(DivisorRule::sainte_lague()), result));
  // The whole method, upper apportionment included, with list votes or without.
  for (const bool list_votes : {false, true}) {
    Rule rule = biproportional_rule();
    rule.biproportional.list_votes = list_votes;
    const ElectionOutcome outcome = allocate(election_of({"I", "II", "III"}, {7, 5, 8}, {"A", "B", "C"}, votes), rule);
    CHECK(flatten(outcome) == Seats{1, 4, 2, 0, 4, 1, 4, 3, 1});
    CHECK(outcome.biproportional->party_seats == Seats{5, 11, 4});
  }
}

TEST_CASE("German Wikipedia's example (Doppeltproportionales Zuteilungsverfahren): the published matrix") {
  // Districts A, B, C with 4, 5, 6 seats; lists 1, 2, 3 with 4, 5, 6.
  const std::vector<Seats> votes{{51, 60, 63}, {98, 100, 102}, {45, 120, 144}};
  const ElectionOutcome outcome =
      allocate(election_of({"A", "B", "C"}, {4, 5, 6}, {"1", "2", "3"}, votes), biproportional_rule());
  CHECK(flatten(outcome) == Seats{1, 1, 2, 2, 2, 1, 1, 2, 3});
  CHECK(outcome.biproportional->party_seats == Seats{4, 5, 6});
  // The reported divisors reproduce every cell by standard rounding, exactly.
  const BiproportionalOutcome& bp = *outcome.biproportional;
  for (std::size_t d = 0; d < 3; ++d)
    for (std::size_t p = 0; p < 3; ++p) {
      const Rational q = Rational(votes[d][p]) / (bp.district_divisors[d] * *bp.list_divisors[p]);
      const std::int64_t rounded = (q + Rational(1, 2)).floor();
      CHECK(q != Rational(rounded) + Rational(1, 2));  // never exactly on a half
      CHECK(rounded == outcome.districts[d].lists[p].seats);
    }
}

TEST_CASE("winner-take-one: a district's strongest list gets a seat there (proporz's example)") {
  // District A (2 seats): 200 and 100 votes; B (1 seat): 10 and 11. List votes: upper 2 and 1.
  const Election election = election_of({"A", "B"}, {2, 1}, {"1", "2"}, {{200, 100}, {10, 11}});
  Rule rule = biproportional_rule();
  rule.biproportional.list_votes = true;
  CHECK(flatten(allocate(election, rule)) == Seats{1, 1, 1, 0});
  rule.biproportional.winner_take_one = true;
  const ElectionOutcome outcome = allocate(election, rule);
  CHECK(flatten(outcome) == Seats{2, 0, 0, 1});
  CHECK(outcome.biproportional->winners == std::vector<std::string>{"1", "2"});
  // A list without seats from the upper apportionment is not entitled: 2 wins B but has no seat.
  CHECK(flatten(allocate(election_of({"A", "B"}, {1, 1}, {"1", "2"}, {{60, 10}, {10, 11}}), rule)) ==
        Seats{1, 0, 1, 0});
  // A list that wins more districts than it has seats cannot have them all: an error. Totals 85,
  // 125, 105 give one seat each, but list 1 is strongest in A and B.
  const Election greedy =
      election_of({"A", "B", "C"}, {1, 1, 1}, {"1", "2", "3"}, {{40, 35, 25}, {40, 30, 30}, {5, 60, 50}});
  CHECK_THROWS_WITH_AS(allocate(greedy, rule), doctest::Contains("has the most votes in"), Error);
}

TEST_CASE("quorums: in at least one district, or in total, a list that passes neither gets nothing") {
  // C has 4% of district X and 3% overall.
  const Election election = election_of({"X", "Y"}, {10, 10}, {"A", "B", "C"}, {{500, 460, 40}, {600, 380, 20}});
  Rule rule = biproportional_rule();
  CHECK(flatten(allocate(election, rule))[2] > 0);
  rule.biproportional.quorum_any_district = ThresholdValue::parse("5%");
  const ElectionOutcome without = allocate(election, rule);
  CHECK(without.biproportional->passes_quorum == std::vector<bool>{true, true, false});
  CHECK(flatten(without)[2] == 0);
  CHECK(flatten(without)[5] == 0);
  rule.biproportional.quorum_total = ThresholdValue::parse("3%");  // either suffices
  CHECK(allocate(election, rule).biproportional->passes_quorum == std::vector<bool>{true, true, true});
}

TEST_CASE("a tie between seat matrices is reported, never resolved silently") {
  // Two equal districts and two equal lists, one seat each way: two matrices fit.
  const Election election = election_of({"X", "Y"}, {1, 1}, {"A", "B"}, {{1, 1}, {1, 1}});
  CHECK_THROWS_WITH_AS(allocate(election, biproportional_rule()), doctest::Contains("tie in the biproportional"),
                       Error);
  // Not a tie, though naive floating point sees quotients of exactly one half (proporz's edge
  // case): p1 belongs in d2, where it has 20 votes.
  const MatrixProblem p = problem({{10, 10}, {20, 10}}, {1, 1}, {1, 1});
  const MatrixApportionment result = apportion_matrix(p, DivisorRule::sainte_lague());
  CHECK_FALSE(result.tied);
  CHECK(result.seats == Seats{0, 1, 1, 0});
}

TEST_CASE("infeasible matrices are errors that name the lists and districts") {
  // p2 is to get 2 seats but has votes only in d2, which has 1 seat.
  CHECK_THROWS_WITH_AS(
      apportion_matrix(problem({{10, 0}, {10, 10}}, {2, 1}, {1, 2}), DivisorRule::sainte_lague()),
      doctest::Contains("list(s) 'p2' are to get 2 seat(s) but the districts where they have votes ('d2') have only 1"),
      Error);
  // A list with no votes where there are seats.
  CHECK_THROWS_WITH_AS(apportion_matrix(problem({{10, 0}, {10, 0}}, {1, 1}, {1, 1}), DivisorRule::sainte_lague()),
                       doctest::Contains("have no votes in any district with seats"), Error);
  CHECK_THROWS_WITH_AS(apportion_matrix(problem({{10, 5}, {0, 0}}, {1, 1}, {1, 1}), DivisorRule::sainte_lague()),
                       doctest::Contains("district 'd2' has 1 seat(s) but no list"), Error);
  CHECK_THROWS_AS(apportion_matrix(problem({{10}}, {1}, {1}), DivisorRule::huntington_hill()), Error);
}

namespace {

struct FuzzCounts {
  int compared = 0, infeasible = 0, ties = 0;
};

// Random small matrices with votes 1..max_votes (small maxima make ties frequent).
FuzzCounts fuzz(std::uint64_t seed, int rounds, std::int64_t max_votes) {
  std::mt19937_64 random(seed);
  FuzzCounts counts;
  for (int round = 0; round < rounds; ++round) {
    const std::size_t rows = 2 + random() % 2, cols = 2 + random() % 2;
    std::vector<Seats> votes(rows, Seats(cols));
    Seats row_seats(rows);
    for (std::size_t d = 0; d < rows; ++d) {
      row_seats[d] = static_cast<std::int64_t>(random() % 4);
      for (std::size_t c = 0; c < cols; ++c)
        votes[d][c] =
            random() % 6 == 0 ? 0 : static_cast<std::int64_t>(1 + random() % static_cast<std::uint64_t>(max_votes));
    }
    std::int64_t total = 0;
    for (const std::int64_t s : row_seats) total += s;
    // Column seats: a random split of the total (not always feasible for the zero pattern).
    Seats col_seats(cols, 0);
    for (std::int64_t k = 0; k < total; ++k) ++col_seats[random() % cols];
    const MatrixProblem p = problem(votes, row_seats, col_seats);
    const DivisorRule rule = random() % 2 ? DivisorRule::sainte_lague() : DivisorRule::dhondt();
    const Signposts signposts(rule);
    const Optimum best = brute_force(p, signposts);
    INFO("seed " << seed << " round " << round);
    if (!best.any) {
      CHECK_THROWS_AS(apportion_matrix(p, rule), Error);
      ++counts.infeasible;
    } else if (best.gap < 1e-9) {
      // Several matrices are optimal (the logarithms of equal products): a tie, to be reported.
      bool reported = false;
      try {
        reported = apportion_matrix(p, rule).tied;
      } catch (const Error& error) {
        reported = error.message().find("tie in the biproportional") != std::string::npos;
      }
      CHECK(reported);
      ++counts.ties;
    } else {
      const MatrixApportionment result = apportion_matrix(p, rule);
      CHECK(result.seats == best.seats);
      CHECK(certifies(p, signposts, result));
      CHECK_FALSE(result.tied);
      ++counts.compared;
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("random matrices: the result is the unique optimum found by brute force, with certifying divisors") {
  const FuzzCounts counts = fuzz(77, 250, 500);
  CHECK(counts.compared > 150);
  CHECK(counts.infeasible > 0);
}

TEST_CASE("random matrices with many equal votes: every tie between optimal matrices is reported") {
  const FuzzCounts counts = fuzz(78, 400, 4);
  CHECK(counts.ties > 5);
  CHECK(counts.compared > 200);
}

TEST_CASE("Zürich 2019 cantonal council: all 180 seats per list and district, with certifying divisors") {
  const auto file = test::shared_data("zurich_2019_kantonsrat.csv");
  if (file.empty()) return;
  Election election = read_votes(parse_csv(read_text_file(file.string()), file.string()));
  apply_seat_totals(election, {});
  Rule rule = biproportional_rule();
  rule.biproportional.quorum_any_district = ThresholdValue::parse("5%");
  rule.biproportional.list_votes = true;
  const ElectionOutcome outcome = allocate(election, rule);
  std::int64_t total = 0;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      INFO(election.districts[d].name << " / " << election.districts[d].lists[i].party);
      CHECK(outcome.seats(d, i) == *election.districts[d].lists[i].published_seats);
      total += outcome.seats(d, i);
    }
  CHECK(total == 180);
  const BiproportionalOutcome& bp = *outcome.biproportional;
  CHECK(std::count(bp.passes_quorum.begin(), bp.passes_quorum.end(), true) == 9);
  // Every cell is round(votes / (district divisor × list divisor)), exactly and never at a half.
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      const ListResult& list = election.districts[d].lists[i];
      const std::size_t p =
          static_cast<std::size_t>(std::find(bp.parties.begin(), bp.parties.end(), list.party) - bp.parties.begin());
      if (!bp.list_divisors[p]) continue;
      const Rational q = Rational(list.votes) / (bp.district_divisors[d] * *bp.list_divisors[p]);
      CHECK((q + Rational(1, 2)).floor() == outcome.seats(d, i));
      CHECK(q != Rational((q + Rational(1, 2)).floor()) + Rational(1, 2));
    }
}
