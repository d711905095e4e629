#pragma once
// Generated inputs for seatsim_bench: fixed seeds, realistic vote distributions (a few large
// lists and a long tail), and a tie-heavy variant. Shared by every bench_*.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/batch.hpp"
#include "seatsim/kernel/method.hpp"

namespace seatsim::bench {

// The method every case uses unless it says otherwise: Sainte-Laguë with first divisor 1.6
// (as in performance-notes.md), the rule whose first-divisor jump makes estimates hardest.
inline Method bench_method() { return with_first_divisor(method_by_name("sainte-lague"), parse_rational("1.6")); }
inline TieBreak bench_ties() { return TieBreak{TieRule::more_votes, 0, 0, "bench", {}}; }

// Votes of `lists` lists totalling about `total`: Zipf-like shares (rank^-1.1) with log-normal
// noise, in random order, so that a few lists are large and most are small.
inline std::vector<std::int64_t> realistic_votes(std::size_t lists, double total, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> noise(0.0, 0.6);
  std::vector<double> share(lists);
  double sum = 0;
  for (std::size_t i = 0; i < lists; ++i) sum += share[i] = noise(rng) / std::pow(static_cast<double>(i + 1), 1.1);
  std::vector<std::int64_t> votes(lists);
  for (std::size_t i = 0; i < lists; ++i) votes[i] = std::max<std::int64_t>(1, std::llround(total * share[i] / sum));
  std::shuffle(votes.begin(), votes.end(), rng);
  return votes;
}

// Votes that make exact ties at the boundary common: small multiples of one unit.
inline std::vector<std::int64_t> tie_heavy_votes(std::size_t lists, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::int64_t> votes(lists);
  for (std::int64_t& v : votes) v = 3000 * static_cast<std::int64_t>(1 + rng() % 12);
  return votes;
}

// The total votes of a generated district: a governorate has about 40,000 per seat; larger
// assemblies are capped so that votes stay realistic (at most about 10^9 in all).
inline double total_votes(std::size_t lists, std::int64_t seats) {
  return std::min(
      1e9, 40000.0 * static_cast<double>(std::max<std::int64_t>(seats, 1)) + 1000.0 * static_cast<double>(lists));
}

// `count` distinct districts: at least 4,096 for small ones, so that the branch predictor
// cannot learn them (performance-notes.md), fewer where memory forbids.
inline std::vector<std::vector<std::int64_t>> district_pool(std::size_t lists, std::int64_t seats, std::size_t count,
                                                            bool ties, std::uint64_t seed = 2013) {
  std::vector<std::vector<std::int64_t>> pool;
  pool.reserve(count);
  for (std::size_t n = 0; n < count; ++n)
    pool.push_back(ties ? tie_heavy_votes(lists, seed + n)
                        : realistic_votes(lists, total_votes(lists, seats), seed + n));
  return pool;
}

// Monte Carlo draws around one district: each list's votes scaled by an independent factor
// within ±10 % (lists × scenarios, column-major: one scenario is contiguous).
inline VoteMatrix perturbed_scenarios(const std::vector<std::int64_t>& base, std::size_t scenarios,
                                      std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> factor(0.9, 1.1);
  VoteMatrix votes(static_cast<Eigen::Index>(base.size()), static_cast<Eigen::Index>(scenarios));
  for (Eigen::Index s = 0; s < votes.cols(); ++s)
    for (Eigen::Index i = 0; i < votes.rows(); ++i)
      votes(i, s) = std::llround(static_cast<double>(base[static_cast<std::size_t>(i)]) * factor(rng));
  return votes;
}

inline bool same_result(const DistrictSeats& a, const DistrictSeats& b) {
  return a.seats == b.seats && a.tie == b.tie && a.tie_decided == b.tie_decided &&
         a.boundary.last_awarded == b.boundary.last_awarded && a.boundary.first_missed == b.boundary.first_missed &&
         a.boundary.last_priority == b.boundary.last_priority &&
         a.boundary.missed_priority == b.boundary.missed_priority;
}

}  // namespace seatsim::bench
