#include "seatsim/analysis/index_distribution.hpp"

#include "seatsim/core/checked_arithmetic.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/integer_sqrt.hpp"

namespace seatsim {
namespace {

[[noreturn]] void too_many_draws() {
  throw Error("indices over draws: too many draws for exact sums of the index values");
}

// The tallies' sums, exact or an error.
u128 sum_of(u128 a, u128 b) {
  try {
    return checked_add(a, b);
  } catch (const ArithmeticOverflow&) {
    too_many_draws();
  }
}

u128 product_of(u128 a, u128 b) {
  try {
    return checked_mul(a, b);
  } catch (const ArithmeticOverflow&) {
    too_many_draws();
  }
}

}  // namespace

void IndexTally::add(std::int64_t micro) {
  const u128 value = static_cast<u128>(micro < 0 ? 0 : micro);  // every index is ≥ 0
  ++draws;
  sum = sum_of(sum, value);
  squares = sum_of(squares, product_of(value, value));
  ++thousandths[(micro + 500) / 1000];
}

void IndexTally::merge(const IndexTally& other) {
  draws += other.draws;
  sum = sum_of(sum, other.sum);
  squares = sum_of(squares, other.squares);
  for (const auto& [value, count] : other.thousandths) thousandths[value] += count;
}

std::optional<std::int64_t> index_quantile(const IndexTally& tally, unsigned percent) {
  if (tally.draws == 0) return std::nullopt;
  u128 cumulative = 0;
  for (const auto& [value, count] : tally.thousandths) {
    cumulative += count;
    if (cumulative * 100 >= static_cast<u128>(percent) * tally.draws) return value * 1000;
  }
  return tally.thousandths.rbegin()->first * 1000;
}

IndexSummary summarize(const IndexTally& tally) {
  IndexSummary summary;
  summary.draws = tally.draws;
  if (tally.draws == 0) return summary;
  const u128 n = tally.draws;
  summary.mean = static_cast<std::int64_t>((product_of(tally.sum, 2) / n + 1) / 2);  // nearest, halves up
  // sd = √(n·Σx² − (Σx)²) / n; ⌊2·sd⌋ = ⌊√(⌊⌊4A/n⌋/n⌋)⌋ with A = n·Σx² − (Σx)², then halves up.
  const u128 spread = product_of(n, tally.squares) - product_of(tally.sum, tally.sum);
  summary.sd = static_cast<std::int64_t>((isqrt(product_of(spread, 4) / n / n) + 1) / 2);
  summary.q05 = index_quantile(tally, 5);
  summary.q50 = index_quantile(tally, 50);
  summary.q95 = index_quantile(tally, 95);
  return summary;
}

void IndexDistributions::add(const std::vector<Indices>& draw) {
  if (levels.empty()) levels.resize(draw.size());
  for (std::size_t level = 0; level < draw.size(); ++level)
    for (std::size_t index = 0; index < index_names.size(); ++index)
      if (const std::optional<std::int64_t>& micro = draw[level].micro[index]) levels[level][index].add(*micro);
}

void IndexDistributions::merge(const IndexDistributions& other) {
  if (levels.empty()) levels.resize(other.levels.size());
  for (std::size_t level = 0; level < other.levels.size(); ++level)
    for (std::size_t index = 0; index < index_names.size(); ++index)
      levels[level][index].merge(other.levels[level][index]);
}

}  // namespace seatsim
