// The fast divisor kernel against the seat-by-seat reference on generated inputs, ties and all.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "seatsim/allocation.hpp"
#include "seatsim/method.hpp"

using namespace seatsim;

namespace {

DivisorRule random_rule(std::mt19937_64& rng) {
  switch (rng() % 9) {
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
    default:
      return DivisorRule::custom({Rational(1), Rational(5, 2), Rational(4)});
  }
}

std::vector<std::int64_t> random_votes(std::mt19937_64& rng) {
  const std::size_t lists = 1 + rng() % 15;
  std::vector<std::int64_t> votes(lists);
  const int shape = static_cast<int>(rng() % 4);
  for (std::int64_t& v : votes) {
    switch (shape) {
      case 0:
        v = static_cast<std::int64_t>(rng() % 8);
        break;  // tiny: many ties and zeros
      case 1:
        v = static_cast<std::int64_t>(rng() % 100) * 15;
        break;  // multiples: exact ties
      case 2:
        v = static_cast<std::int64_t>(rng() % 1'000'000);
        break;  // realistic
      default:
        v = static_cast<std::int64_t>(1 + rng() % 1000) * (1 + static_cast<std::int64_t>(rng() % 3));
        break;
    }
  }
  if (std::all_of(votes.begin(), votes.end(), [](std::int64_t v) { return v == 0; })) votes[0] = 1;
  return votes;
}

}  // namespace

TEST_CASE("fast divisor kernel equals the reference on 100,000 generated cases, ties included") {
  std::mt19937_64 rng(20131020);
  int ties_seen = 0;
  for (int n = 0; n < 100'000; ++n) {
    const DivisorRule rule = random_rule(rng);
    const std::vector<std::int64_t> votes = random_votes(rng);
    const std::int64_t seats = static_cast<std::int64_t>(rng() % 60);
    const TieBreak ties{static_cast<TieRule>(rng() % 4), rng() % 5, rng(), "", {}};
    const DistrictSeats fast = allocate_divisor(votes, seats, rule, ties);
    const DistrictSeats reference = allocate_divisor_reference(votes, seats, rule, ties);
    ties_seen += reference.tie_decided ? 1 : 0;
    if (fast.seats != reference.seats || fast.tie != reference.tie) {
      INFO("case " << n << " rule " << rule.describe() << " seats " << seats);
      CHECK(fast.seats == reference.seats);
      CHECK(fast.tie == reference.tie);
      break;
    }
  }
  CHECK(ties_seen > 1000);  // the generator really produces ties
}

TEST_CASE("fast kernel equals the reference on large districts") {
  std::mt19937_64 rng(447);
  for (int n = 0; n < 200; ++n) {
    const DivisorRule rule = random_rule(rng);
    std::vector<std::int64_t> votes(1 + rng() % 2000);
    for (std::int64_t& v : votes) v = static_cast<std::int64_t>(rng() % 1'000'000'000);
    const std::int64_t seats = static_cast<std::int64_t>(rng() % 20'000);
    const TieBreak ties{TieRule::more_votes, 0, 0, "", {}};
    CHECK(allocate_divisor(votes, seats, rule, ties).seats ==
          allocate_divisor_reference(votes, seats, rule, ties).seats);
  }
}
