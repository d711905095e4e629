// The fast kernels against the seat-by-seat reference on generated inputs, ties and all: the
// single fast kernel on every SIMD level this processor runs, and the batched kernel on every
// level and thread count against the single kernel column by column. Equal means equal seats,
// tie flags, boundary, and the same error where one is thrown.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <variant>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/batch.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/simd.hpp"

using namespace seatsim;

namespace {

DivisorRule random_rule(std::mt19937_64& rng) {
  switch (rng() % 11) {
    case 10:  // two explicit divisors before the tail: 1.4, 4, then 5.5, 7, ...
      return DivisorRule::custom({parse_rational("2.5"), Rational(4)}).with_first_divisor(parse_rational("1.4"));
    case 0:
      return DivisorRule::dhondt();
    case 1:
      return DivisorRule::sainte_lague();
    case 2: {
      static const char* firsts[] = {"1.4", "1.6", "1.7", "1.2", "0.7", "2.9"};
      return DivisorRule::sainte_lague().with_first_divisor(parse_rational(firsts[rng() % 6]));
    }
    case 3:
      return DivisorRule::danish();
    case 4:
      return DivisorRule::imperiali();
    case 5:
      return DivisorRule::adams();
    case 6:
      return DivisorRule::dean();
    case 7:
      return DivisorRule::huntington_hill();
    case 8:
      return DivisorRule::custom({Rational(0), Rational(3, 2), Rational(5, 2), Rational(7, 2)});
    default:
      return DivisorRule::custom({Rational(1), Rational(5, 2), Rational(4)});
  }
}

std::int64_t random_vote(std::mt19937_64& rng, int shape) {
  switch (shape) {
    case 0:
      return static_cast<std::int64_t>(rng() % 8);  // tiny: many ties and zeros
    case 1:
      return static_cast<std::int64_t>(rng() % 100) * 15;  // multiples: exact ties
    case 2:
      return static_cast<std::int64_t>(rng() % 1'000'000);  // realistic
    case 3:
      return static_cast<std::int64_t>(1 + rng() % 1000) * (1 + static_cast<std::int64_t>(rng() % 3));
    default:  // huge: beyond what exact doubles cover for large divisors
      return 900'000'000'000 + static_cast<std::int64_t>(rng() % 100'000'000'000);
  }
}

std::vector<std::int64_t> random_votes(std::mt19937_64& rng, std::size_t max_lists) {
  const std::size_t lists = 1 + rng() % max_lists;
  std::vector<std::int64_t> votes(lists);
  const int shape = static_cast<int>(rng() % 5);
  for (std::int64_t& v : votes) v = random_vote(rng, shape);
  if (std::all_of(votes.begin(), votes.end(), [](std::int64_t v) { return v == 0; })) votes[0] = 1;
  return votes;
}

// A result or the error it threw, comparable.
struct Outcome {
  std::variant<DistrictSeats, std::string> value;
};

bool operator==(const Outcome& a, const Outcome& b) {
  if (a.value.index() != b.value.index()) return false;
  if (const auto* error = std::get_if<std::string>(&a.value)) return *error == std::get<std::string>(b.value);
  const DistrictSeats& x = std::get<DistrictSeats>(a.value);
  const DistrictSeats& y = std::get<DistrictSeats>(b.value);
  return x.seats == y.seats && x.tie == y.tie && x.tie_decided == y.tie_decided &&
         x.boundary.last_awarded == y.boundary.last_awarded && x.boundary.first_missed == y.boundary.first_missed &&
         x.boundary.last_priority == y.boundary.last_priority &&
         x.boundary.missed_priority == y.boundary.missed_priority;
}

template <class Kernel>
Outcome outcome(Kernel kernel) {
  try {
    return {kernel()};
  } catch (const TieError& e) {
    return {std::string("TieError: ") + e.what()};
  } catch (const Error& e) {
    return {std::string("Error: ") + e.what()};
  }
}

std::string describe(const Outcome& o) {
  if (const auto* error = std::get_if<std::string>(&o.value)) return *error;
  std::string text = "seats";
  for (const std::int64_t s : std::get<DistrictSeats>(o.value).seats) text += " " + std::to_string(s);
  return text + (std::get<DistrictSeats>(o.value).tie_decided ? " (tie)" : "");
}

TieBreak random_ties(std::mt19937_64& rng, const std::vector<std::uint64_t>& keys) {
  TieBreak ties{static_cast<TieRule>(rng() % 5), rng() % 5, rng(), "district", {}};
  if (rng() % 2) ties.list_keys = keys;
  return ties;
}

// Runs `body` once per SIMD level this processor runs, pinned, then restores the best level.
template <class Body>
void on_every_simd_level(Body body) {
  for (const std::string& level : simd_targets()) {
    set_simd_target(level);
    body(level);
  }
  set_simd_target("");
}

}  // namespace

TEST_CASE("the SIMD levels are listed, best first, and can be pinned") {
  const std::vector<std::string> levels = simd_targets();
  REQUIRE_FALSE(levels.empty());
  CHECK(simd_target() == levels.front());
  set_simd_target(levels.back());
  CHECK(simd_target() == levels.back());
  set_simd_target("");
  CHECK(simd_target() == levels.front());
  CHECK_THROWS_AS(set_simd_target("NO-SUCH-LEVEL"), Error);
  MESSAGE("SIMD levels here: " << [&] {
    std::string all;
    for (const auto& l : levels) all += l + " ";
    return all;
  }());
}

TEST_CASE("fast divisor kernel equals the reference on 100,000 generated cases, ties and errors included") {
  std::mt19937_64 rng(20131020);
  std::vector<std::uint64_t> keys(15);
  for (std::uint64_t& k : keys) k = rng();
  int ties_seen = 0, errors_seen = 0;
  DistrictSeats reused;
  for (int n = 0; n < 100'000; ++n) {
    const DivisorRule rule = random_rule(rng);
    const std::vector<std::int64_t> votes = random_votes(rng, 15);
    const std::int64_t seats = static_cast<std::int64_t>(rng() % 60);
    const TieBreak ties = random_ties(rng, keys);
    const Outcome reference = outcome([&] { return allocate_divisor_reference(votes, seats, rule, ties); });
    const Outcome fast = outcome([&] { return allocate_divisor(votes, seats, rule, ties); });
    // The overload that refills a result must not depend on what the result held before.
    const Outcome refilled = outcome([&] {
      allocate_divisor(votes, seats, rule, ties, reused);
      return reused;
    });
    if (const auto* r = std::get_if<DistrictSeats>(&reference.value)) ties_seen += r->tie_decided;
    errors_seen += reference.value.index() == 1;
    if (!(fast == reference) || !(refilled == reference)) {
      INFO("case " << n << ", rule " << rule.describe() << ", seats " << seats);
      CHECK(describe(fast) == describe(reference));
      CHECK(describe(refilled) == describe(reference));
      CHECK(fast == reference);
      break;
    }
  }
  CHECK(ties_seen > 1000);   // the generator really produces ties
  CHECK(errors_seen > 100);  // and ties under TieRule::error
}

TEST_CASE("fast divisor kernel equals the reference on every SIMD level") {
  on_every_simd_level([](const std::string& level) {
    std::mt19937_64 rng(447);
    std::vector<std::uint64_t> keys(40);
    for (std::uint64_t& k : keys) k = rng();
    for (int n = 0; n < 6'000; ++n) {
      const DivisorRule rule = random_rule(rng);
      const std::vector<std::int64_t> votes = random_votes(rng, 40);
      const std::int64_t seats = static_cast<std::int64_t>(rng() % 120);
      const TieBreak ties = random_ties(rng, keys);
      const Outcome reference = outcome([&] { return allocate_divisor_reference(votes, seats, rule, ties); });
      const Outcome fast = outcome([&] { return allocate_divisor(votes, seats, rule, ties); });
      if (!(fast == reference)) {
        INFO("level " << level << ", case " << n << ", rule " << rule.describe() << ", seats " << seats);
        CHECK(describe(fast) == describe(reference));
        CHECK(fast == reference);
        break;
      }
    }
  });
}

TEST_CASE("fast kernel equals the reference on large districts, where it re-jumps") {
  std::mt19937_64 rng(1504);
  for (int n = 0; n < 120; ++n) {
    const DivisorRule rule = random_rule(rng);
    std::vector<std::int64_t> votes(1 + rng() % 3000);
    // A long tail: a few large lists and many small ones (the first-divisor jump is hardest).
    for (std::size_t i = 0; i < votes.size(); ++i)
      votes[i] = static_cast<std::int64_t>(rng() % (1 + 100'000'000 / (1 + i * i)));
    const std::int64_t seats = static_cast<std::int64_t>(rng() % 30'000);
    const TieBreak ties{TieRule::more_votes, 0, 0, "", {}};
    const Outcome reference = outcome([&] { return allocate_divisor_reference(votes, seats, rule, ties); });
    const Outcome fast = outcome([&] { return allocate_divisor(votes, seats, rule, ties); });
    if (!(fast == reference)) {
      INFO("case " << n << ", rule " << rule.describe() << ", lists " << votes.size() << ", seats " << seats);
      CHECK(describe(fast) == describe(reference));
      CHECK(fast == reference);
      break;
    }
  }
}

TEST_CASE("fast kernel on exact ties between large lists and on votes at the limit") {
  const TieBreak more{TieRule::more_votes, 0, 0, "", {}};
  const DivisorRule dhondt = DivisorRule::dhondt();
  // 10^12 votes: beyond 2^53 / d(k) for the single kernel's doubles only with huge divisors;
  // the kernel must fall back or stay exact either way.
  const std::vector<std::int64_t> huge{1'000'000'000'000, 999'999'999'999, 500'000'000'000, 1};
  for (const std::int64_t seats : {1, 2, 3, 7, 1000, 100'000}) {
    CHECK(allocate_divisor(huge, seats, dhondt, more).seats ==
          allocate_divisor_reference(huge, seats, dhondt, more).seats);
    const DivisorRule rule = DivisorRule::custom({Rational(1), Rational(1'000'000'001, 1'000'000'000)});
    CHECK(allocate_divisor(huge, seats, rule, more).seats == allocate_divisor_reference(huge, seats, rule, more).seats);
  }
  // Equal lists: every seat is a tie once the seats run out evenly.
  const std::vector<std::int64_t> equal(1000, 777);
  for (const std::int64_t seats : {999, 1000, 1001, 2500}) {
    const Outcome reference = outcome([&] { return allocate_divisor_reference(equal, seats, dhondt, more); });
    CHECK(outcome([&] { return allocate_divisor(equal, seats, dhondt, more); }) == reference);
  }
}

namespace {

Method random_method(std::mt19937_64& rng) {
  static const char* names[] = {"dhondt", "sainte-lague",    "danish", "imperiali", "adams",
                                "dean",   "huntington-hill", "hare",   "droop"};
  Method method = method_by_name(names[rng() % 9]);
  if (method.name == "sainte-lague" && rng() % 2) method = with_first_divisor(method, parse_rational("1.6"));
  return method;
}

// Scenarios around one district (Monte Carlo draws), with tie-prone and error-prone columns.
VoteMatrix random_scenarios(std::mt19937_64& rng, Eigen::Index lists, Eigen::Index scenarios) {
  std::vector<std::int64_t> base(static_cast<std::size_t>(lists));
  const int shape = static_cast<int>(rng() % 4);
  for (std::int64_t& v : base) v = random_vote(rng, shape);
  VoteMatrix votes(lists, scenarios);
  for (Eigen::Index s = 0; s < scenarios; ++s)
    for (Eigen::Index i = 0; i < lists; ++i) {
      const std::int64_t v = base[static_cast<std::size_t>(i)];
      votes(i, s) = rng() % 4 == 0 ? v : v + static_cast<std::int64_t>(rng() % (1 + v / 10));
    }
  if (rng() % 8 == 0) votes.col(rng() % static_cast<std::uint64_t>(scenarios)).setZero();           // no votes at all
  if (rng() % 8 == 0) votes(0, rng() % static_cast<std::uint64_t>(scenarios)) = 3'000'000'000'000;  // too large
  return votes;
}

// Column by column through the single kernel: what allocate_batch must equal.
std::variant<BatchSeats, std::string> by_column(const VoteMatrix& votes, std::int64_t seats, const Method& method,
                                                const TieBreak& ties) {
  BatchSeats out{SeatMatrix(votes.rows(), votes.cols()), TieMatrix(votes.rows(), votes.cols())};
  for (Eigen::Index s = 0; s < votes.cols(); ++s) {
    const std::span<const std::int64_t> column(votes.col(s).data(), static_cast<std::size_t>(votes.rows()));
    const Outcome result = outcome([&] { return allocate(column, seats, method, ties); });
    if (const auto* error = std::get_if<std::string>(&result.value)) return *error;
    const DistrictSeats& r = std::get<DistrictSeats>(result.value);
    for (Eigen::Index i = 0; i < votes.rows(); ++i) {
      out.seats(i, s) = static_cast<std::int32_t>(r.seats[static_cast<std::size_t>(i)]);
      out.tie(i, s) = r.tie[static_cast<std::size_t>(i)];
    }
  }
  return out;
}

std::variant<BatchSeats, std::string> batched(const VoteMatrix& votes, std::int64_t seats, const Method& method,
                                              const TieBreak& ties, unsigned threads) {
  try {
    return allocate_batch(votes, seats, method, ties, threads);
  } catch (const TieError& e) {
    return std::string("TieError: ") + e.what();
  } catch (const Error& e) {
    return std::string("Error: ") + e.what();
  }
}

bool same(const std::variant<BatchSeats, std::string>& a, const std::variant<BatchSeats, std::string>& b) {
  if (a.index() != b.index()) return false;
  if (a.index() == 1) return std::get<1>(a) == std::get<1>(b);
  return std::get<0>(a).seats == std::get<0>(b).seats && std::get<0>(a).tie == std::get<0>(b).tie;
}

}  // namespace

TEST_CASE("batched kernel equals the single kernel column by column, on every SIMD level and thread count") {
  on_every_simd_level([](const std::string& level) {
    std::mt19937_64 rng(2014);
    int ties_seen = 0;
    for (int n = 0; n < 150; ++n) {
      const Method method = random_method(rng);
      const Eigen::Index lists = 1 + static_cast<Eigen::Index>(rng() % 20);
      const Eigen::Index scenarios = 1 + static_cast<Eigen::Index>(rng() % 100);
      const VoteMatrix votes = random_scenarios(rng, lists, scenarios);
      const std::int64_t seats = static_cast<std::int64_t>(rng() % 50);
      const TieBreak ties{static_cast<TieRule>(rng() % 5), rng() % 3, rng(), "district", {}};
      const auto expected = by_column(votes, seats, method, ties);
      if (expected.index() == 0) ties_seen += (std::get<0>(expected).tie.array() != 0).count() > 0;
      const auto got = batched(votes, seats, method, ties, 1 + static_cast<unsigned>(rng() % 3));
      if (!same(got, expected)) {
        INFO("level " << level << ", case " << n << ", " << method.describe() << ", " << lists << " lists, "
                      << scenarios << " scenarios, " << seats << " seats");
        CHECK(same(got, expected));
        break;
      }
    }
    CHECK(ties_seen > 10);
  });
}

// The single-precision batch kernel (votes and divisors below 2^24): rules with 0, 1 and 2
// explicit divisors, first divisors below and above the tail's, a >= b (D'Hondt, Imperiali),
// several vectors of lists, votes just below and at 2^24, negative votes.
TEST_CASE("the generated rules reach every shape the single-precision kernels specialise") {
  // 0, 1 and 2 explicit divisors before a linear tail; a - b negative and not (the sentinel).
  CHECK(DivisorRule::sainte_lague().scaled_prefix().empty());
  CHECK(DivisorRule::sainte_lague().with_first_divisor(parse_rational("1.6")).scaled_prefix().size() == 1);
  const DivisorRule two =
      DivisorRule::custom({parse_rational("2.5"), Rational(4)}).with_first_divisor(parse_rational("1.4"));
  CHECK(two.family() == DivisorRule::Family::linear);
  CHECK(two.scaled_prefix().size() == 2);
  CHECK(DivisorRule::dhondt().tail_a() >= DivisorRule::dhondt().tail_b());
  CHECK(DivisorRule::sainte_lague().tail_a() < DivisorRule::sainte_lague().tail_b());
}

TEST_CASE("batched kernel equals the single kernel where votes are exact floats, and at the limit") {
  const std::vector<Method> methods = {
      method_by_name("sainte-lague"),
      with_first_divisor(method_by_name("sainte-lague"), parse_rational("1.6")),
      with_first_divisor(method_by_name("sainte-lague"), parse_rational("0.7")),
      method_by_name("dhondt"),
      method_by_name("imperiali"),
      method_by_name("danish"),
      with_first_divisor(custom_divisor_method({parse_rational("2.5"), Rational(4)}), parse_rational("1.4")),
      with_first_divisor(custom_divisor_method({Rational(2), parse_rational("2.2")}), parse_rational("0.5")),
  };
  on_every_simd_level([&](const std::string& level) {
    std::mt19937_64 rng(2024);
    for (int n = 0; n < 120; ++n) {
      const Method& method = methods[rng() % methods.size()];
      const Eigen::Index lists = 1 + static_cast<Eigen::Index>(rng() % 40);
      const Eigen::Index scenarios = 16 + static_cast<Eigen::Index>(rng() % 200);
      const std::int64_t seats = static_cast<std::int64_t>(rng() % 60);
      const int shape = static_cast<int>(rng() % 4);
      VoteMatrix votes(lists, scenarios);
      for (Eigen::Index s = 0; s < scenarios; ++s)
        for (Eigen::Index i = 0; i < lists; ++i) {
          const std::int64_t limit = std::int64_t{1} << 24;
          switch (shape) {
            case 0:  // realistic, a few large lists and a long tail
              votes(i, s) = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(1 + 4'000'000 / (1 + i)));
              break;
            case 1:  // just below the limit, and at it
              votes(i, s) = limit - 1 - static_cast<std::int64_t>(rng() % (rng() % 64 == 0 ? 1 : 5'000'000));
              if (rng() % 500 == 0) votes(i, s) = limit;
              break;
            case 2:  // ties: multiples
              votes(i, s) = static_cast<std::int64_t>(rng() % 40) * 3'000;
              break;
            default:  // negative votes count as none
              votes(i, s) = static_cast<std::int64_t>(rng() % 100'000) - (rng() % 50 == 0 ? 200'000 : 0);
          }
        }
      for (Eigen::Index s = 0; s < scenarios; ++s)
        if (votes.col(s).maxCoeff() <= 0) votes(0, s) = 1;
      const TieBreak ties{static_cast<TieRule>(rng() % 4), rng() % 3, rng(), "district", {}};
      const auto expected = by_column(votes, seats, method, ties);
      const auto got = batched(votes, seats, method, ties, 1 + static_cast<unsigned>(rng() % 3));
      if (!same(got, expected)) {
        INFO("level " << level << ", case " << n << ", " << method.describe() << ", " << lists << " lists, "
                      << scenarios << " scenarios, " << seats << " seats, shape " << shape);
        CHECK(same(got, expected));
        break;
      }
    }
  });
}

TEST_CASE("batched kernel gives identical results for any thread count on many scenarios") {
  std::mt19937_64 rng(790);
  const Method method = with_first_divisor(method_by_name("sainte-lague"), parse_rational("1.6"));
  const TieBreak ties{TieRule::lot, 7, 11, "district", {}};
  for (const Eigen::Index lists : {3, 15, 33}) {
    VoteMatrix votes = random_scenarios(rng, lists, 9'000);
    // Keep every column valid, so that the whole matrix is compared (not only up to an error).
    for (Eigen::Index s = 0; s < votes.cols(); ++s)
      if (votes.col(s).maxCoeff() <= 0) votes(0, s) = 1;
    const auto expected = by_column(votes, 30, method, ties);
    REQUIRE(expected.index() == 0);
    for (const unsigned threads : {1u, 2u, 3u, 0u}) {
      INFO(lists << " lists, " << threads << " threads");
      CHECK(same(batched(votes, 30, method, ties, threads), expected));
    }
    // The refilling overload, reused across calls of different shapes.
    BatchSeats reused;
    allocate_batch(votes, 30, method, ties, reused, 2);
    CHECK(same(reused, expected));
  }
}

TEST_CASE("batched kernel reports the error of the lowest failing column") {
  const Method method = method_by_name("dhondt");
  VoteMatrix votes(4, 10'000);
  for (Eigen::Index s = 0; s < votes.cols(); ++s) votes.col(s) << 100, 90, 80, 70;
  votes.col(7'000).setZero();        // no votes: Error
  votes.col(9'000) << 10, 10, 0, 0;  // a tie for one seat under TieRule::error
  const TieBreak error{TieRule::error, 0, 0, "d", {}};
  for (const unsigned threads : {1u, 2u, 3u}) {
    const auto got = batched(votes, 1, method, error, threads);
    REQUIRE(got.index() == 1);
    CHECK(std::get<1>(got).rfind("Error: no list has a vote", 0) == 0);
  }
  votes(0, 7'000) = 5;
  const auto tie = batched(votes, 1, method, error, 2);
  REQUIRE(tie.index() == 1);
  CHECK(std::get<1>(tie).rfind("TieError", 0) == 0);
}
