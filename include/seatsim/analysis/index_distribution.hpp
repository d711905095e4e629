#pragma once
// The distribution of the disproportionality indices (indices.hpp) over the draws of a Monte Carlo
// run. Each draw's indices are exact (value × 10^6, as compute_indices gives them); over the draws
// each index keeps the integer sums of its values and of their squares, and a histogram of its
// values rounded to 0.001 (halves up). The summary's mean and standard deviation are the exact ones
// of the per-draw values, rounded to 10^-6; its quantiles are those of the values rounded to 0.001.
// Tallies add exactly and in any order, so a summary does not depend on how the draws were split.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "seatsim/analysis/indices.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {

// One index at one level (a district, or national) over the draws.
struct IndexTally {
  std::uint64_t draws = 0;                            // draws in which the index is defined
  u128 sum = 0;                                       // Σ value × 10^6
  u128 squares = 0;                                   // Σ (value × 10^6)²
  std::map<std::int64_t, std::uint64_t> thousandths;  // value rounded to 0.001, × 1000 -> draws

  void add(std::int64_t micro);  // throws seatsim::Error if the sums would overflow
  void merge(const IndexTally& other);
};

// Every value × 10^6; none when no draw defines the index.
struct IndexSummary {
  std::uint64_t draws = 0;
  std::optional<std::int64_t> mean, sd, q05, q50, q95;
};

IndexSummary summarize(const IndexTally& tally);

// The quantile of index_tally's histogram (the smallest rounded value v with P(value ≤ v) ≥
// percent/100), × 10^6; none when no draw defines the index.
std::optional<std::int64_t> index_quantile(const IndexTally& tally, unsigned percent);

// Per district (input order), then national; each index of index_names.
struct IndexDistributions {
  std::vector<std::array<IndexTally, index_names.size()>> levels;

  // One draw's indices, as district_and_national_indices gives them.
  void add(const std::vector<Indices>& draw);
  void merge(const IndexDistributions& other);
};

}  // namespace seatsim
