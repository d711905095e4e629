#include "seatsim/analysis/swing_model.hpp"

#include <algorithm>
#include <numeric>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {
namespace {

Error too_large() {
  return Error("the projection's exact arithmetic passes 128 bits (an election this large is not supported)")
      .with_kind(ErrorKind::limit);
}

i128 times(i128 a, i128 b) {
  i128 product = 0;
  if (__builtin_mul_overflow(a, b, &product)) throw too_large();
  return product;
}

i128 plus(i128 a, i128 b) {
  i128 sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw too_large();
  return sum;
}

}  // namespace

SwingModel SwingModel::parse(std::string_view text) {
  SwingModel model;
  model.text = std::string(text);
  if (text == "uniform") {
    model.uniform_weight = Rational(1);
  } else if (text == "proportional") {
    model.uniform_weight = Rational(0);
  } else if (text.starts_with("mix:")) {
    const std::string_view weight = text.substr(4);
    try {
      if (weight.find('/') != std::string_view::npos) throw Error("not a decimal");
      model.uniform_weight = parse_rational(weight);
    } catch (const Error&) {
      throw Error("--swing '" + model.text + "': the weight W must be a decimal from 0 to 1");
    }
    if (model.uniform_weight < Rational(0) || model.uniform_weight > Rational(1))
      throw Error("--swing '" + model.text + "': the weight W must be a decimal from 0 to 1");
  } else {
    throw Error("--swing '" + model.text + "': unknown swing model (known: uniform, proportional, mix:W)");
  }
  return model;
}

std::string SwingModel::describe() const {
  if (uniform_weight == Rational(1)) return "uniform: district share + (poll share - base share)";
  if (uniform_weight == Rational(0)) return "proportional: district share * poll share / base share";
  return "mix: " + uniform_weight.to_string() + " * uniform + (1 - " + uniform_weight.to_string() + ") * proportional";
}

std::vector<std::int64_t> proportional_factors(const SwingBase& base, std::span<const std::int64_t> target) {
  std::vector<std::int64_t> factors(target.size(), 0);
  for (std::size_t p = 0; p < target.size(); ++p) {
    const std::int64_t base_votes = p < base.party_votes.size() ? base.party_votes[p] : 0;
    if (base_votes <= 0) continue;
    const i128 numerator = times(target[p], base.total);
    // round half up: floor((2n + d) / 2d)
    const i128 factor = (2 * numerator + base_votes) / (2 * static_cast<i128>(base_votes));
    if (factor > static_cast<i128>(INT64_MAX)) throw too_large();
    factors[p] = static_cast<std::int64_t>(factor);
  }
  return factors;
}

void project_district(const SwingModel& model, const SwingBase& base, std::span<const std::int64_t> target,
                      std::span<const std::int64_t> factors, std::span<const std::int64_t> base_votes,
                      std::span<const std::size_t> list_party, std::span<std::int64_t> out, std::int64_t votes_total) {
  const std::size_t lists = base_votes.size();
  const i128 w_num = model.uniform_weight.num(), w_den = model.uniform_weight.den();
  const i128 scale = swing_share_scale;
  const i128 district_total = std::accumulate(base_votes.begin(), base_votes.end(), i128{0});
  thread_local std::vector<i128> weights;
  weights.assign(lists, 0);
  for (std::size_t j = 0; j < lists; ++j) {
    const std::size_t p = list_party[j];
    const i128 v = base_votes[j];
    const i128 area_votes = p < base.party_votes.size() ? base.party_votes[p] : 0;
    i128 w = 0;
    if (area_votes <= 0) {
      w = times(times(times(w_den, district_total), target[p]), base.total);  // q = t_p
    } else {
      const i128 base_term = times(times(times(w_den, v), scale), base.total);
      const i128 swing = plus(times(target[p], base.total), -times(area_votes, scale));
      const i128 uniform_term = times(times(w_num, district_total), swing);
      const i128 proportional_term = times(times(times(w_den - w_num, v), base.total), factors[p] - scale);
      w = plus(plus(base_term, uniform_term), proportional_term);
    }
    weights[j] = std::max<i128>(w, 0);
  }
  largest_remainders(votes_total >= 0 ? votes_total : static_cast<std::int64_t>(district_total), weights, out);
}

std::int64_t pattern_target(std::int64_t target, std::int64_t weight, std::int64_t area_total, i128 spread) {
  if (spread <= 0) return target;
  const i128 numerator = times(times(target, weight), area_total);
  const i128 rounded = plus(times(2, numerator), spread) / times(2, spread);  // half up
  if (rounded > static_cast<i128>(INT64_MAX)) throw too_large();
  return static_cast<std::int64_t>(rounded);
}

void largest_remainders(std::int64_t total, std::span<const i128> weights, std::span<std::int64_t> out) {
  i128 sum = 0;
  for (const i128 w : weights) sum = plus(sum, w);
  if (sum == 0) {
    std::fill(out.begin(), out.end(), 0);
    return;
  }
  thread_local std::vector<std::pair<i128, std::size_t>> remainders;
  remainders.clear();
  std::int64_t given = 0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    const i128 quota = times(total, weights[j]);
    out[j] = static_cast<std::int64_t>(quota / sum);
    given += out[j];
    remainders.emplace_back(quota % sum, j);
  }
  std::sort(remainders.begin(), remainders.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (std::size_t k = 0; given < total; ++k, ++given) ++out[remainders[k].second];
}

}  // namespace seatsim
