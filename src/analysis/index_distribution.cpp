#include "seatsim/analysis/index_distribution.hpp"

#include "seatsim/core/error.hpp"
#include "seatsim/core/integer_sqrt.hpp"

namespace seatsim {
namespace {

[[noreturn]] void too_many_draws() {
  throw Error("indices over draws: too many draws for exact sums of the index values");
}

u128 checked_add(u128 a, u128 b) {
  u128 sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) too_many_draws();
  return sum;
}

u128 checked_mul(u128 a, u128 b) {
  u128 product = 0;
  if (__builtin_mul_overflow(a, b, &product)) too_many_draws();
  return product;
}

}  // namespace

void IndexTally::add(std::int64_t micro) {
  const u128 value = static_cast<u128>(micro < 0 ? 0 : micro);  // every index is ≥ 0
  ++draws;
  sum = checked_add(sum, value);
  squares = checked_add(squares, checked_mul(value, value));
  ++thousandths[(micro + 500) / 1000];
}

void IndexTally::merge(const IndexTally& other) {
  draws += other.draws;
  sum = checked_add(sum, other.sum);
  squares = checked_add(squares, other.squares);
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
  summary.mean = static_cast<std::int64_t>((checked_mul(tally.sum, 2) / n + 1) / 2);  // nearest, halves up
  // sd = √(n·Σx² − (Σx)²) / n; ⌊2·sd⌋ = ⌊√(⌊⌊4A/n⌋/n⌋)⌋ with A = n·Σx² − (Σx)², then halves up.
  const u128 spread = checked_mul(n, tally.squares) - checked_mul(tally.sum, tally.sum);
  summary.sd = static_cast<std::int64_t>((isqrt(checked_mul(spread, 4) / n / n) + 1) / 2);
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
