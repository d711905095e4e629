#pragma once
// A reference allocator written for the tests, independently of the kernel, so that expected
// seats are derived rather than copied from seatsim's output: Sainte-Laguë with any first
// divisor p/q, seat by seat, quotients compared exactly by cross-multiplication.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "seatsim/core/int128.hpp"

namespace seatsim::test {

// Sainte-Laguë with first divisor p/q, seat by seat, written independently of the kernel:
// priorities compared exactly by cross-multiplication. `tie` is set when the last seat
// awarded and the first one missed have equal quotients (a tie that decides a seat).
struct Reference {
  std::vector<std::int64_t> seats;
  bool tie = false;
};
inline Reference sainte_lague(const std::vector<std::int64_t>& votes, std::int64_t seats, std::int64_t p = 1,
                              std::int64_t q = 1) {
  Reference out{std::vector<std::int64_t>(votes.size(), 0), false};
  // The quotient of list i for its (k+1)-th seat, as num/den: d(0) = p/q, d(k) = 2k+1.
  const auto quotient = [&](std::size_t i, std::int64_t k) {
    return k == 0 ? std::pair<i128, i128>{static_cast<i128>(votes[i]) * q, p}
                  : std::pair<i128, i128>{votes[i], 2 * k + 1};
  };
  const auto less = [](std::pair<i128, i128> a, std::pair<i128, i128> b) {
    return a.first * b.second < b.first * a.second;
  };
  for (std::int64_t s = 0; s < seats; ++s) {
    std::size_t best = votes.size();
    for (std::size_t i = 0; i < votes.size(); ++i)
      if (votes[i] > 0 && (best == votes.size() || less(quotient(best, out.seats[best]), quotient(i, out.seats[i]))))
        best = i;
    ++out.seats[best];
  }
  // Deciding tie: the smallest quotient that won equals the largest that did not.
  std::optional<std::pair<i128, i128>> won, missed;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (votes[i] == 0) continue;
    if (out.seats[i] > 0 && (!won || less(quotient(i, out.seats[i] - 1), *won))) won = quotient(i, out.seats[i] - 1);
    if (!missed || less(*missed, quotient(i, out.seats[i]))) missed = quotient(i, out.seats[i]);
  }
  out.tie = won && missed && !less(*won, *missed) && !less(*missed, *won);
  return out;
}

}  // namespace seatsim::test
