#include "seatsim/analysis/noise_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

Error noise_error(std::string_view text, const std::string& what) {
  return Error("--noise '" + std::string(text) + "': " + what);
}

double parse_number(std::string_view noise, std::string_view number, const char* what) {
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size() || !std::isfinite(value))
    throw noise_error(noise, std::string(what) + " '" + std::string(number) + "' is not a number");
  return value;
}

std::int64_t round_votes(double votes) noexcept {
  if (!(votes > 0)) return 0;
  return static_cast<std::int64_t>(std::min(std::floor(votes + 0.5), static_cast<double>(max_votes)));
}

}  // namespace

NoiseModel NoiseModel::parse(std::string_view text) {
  NoiseModel model;
  model.text = std::string(text);
  const std::size_t colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  const std::string_view arguments = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  if (name == "multinomial") {
    if (colon != std::string_view::npos) throw noise_error(text, "multinomial takes no parameter");
    model.kind = Kind::multinomial;
  } else if (name == "dirichlet") {
    model.kind = Kind::dirichlet;
    model.concentration = parse_number(text, arguments, "the concentration K");
    if (!(model.concentration > 0)) throw noise_error(text, "the concentration K must be greater than 0");
  } else if (name == "swing") {
    model.kind = Kind::swing;
    const std::size_t comma = arguments.find(',');
    model.national_sd = parse_number(text, arguments.substr(0, comma), "the national SD");
    model.district_sd = comma == std::string_view::npos
                            ? model.national_sd
                            : parse_number(text, arguments.substr(comma + 1), "the district SD");
    if (model.national_sd < 0 || model.district_sd < 0)
      throw noise_error(text, "a standard deviation cannot be negative");
  } else {
    throw noise_error(text, "unknown noise model (known: dirichlet:K, multinomial, swing:SD[,DSD])");
  }
  return model;
}

std::string NoiseModel::describe() const {
  switch (kind) {
    case Kind::dirichlet:
      return "dirichlet: district shares ~ Dirichlet(K * cast shares), K = " + text.substr(text.find(':') + 1);
    case Kind::multinomial:
      return "multinomial: each district's ballots resampled, Multinomial(cast total, cast shares)";
    case Kind::swing: {
      const std::string arguments = text.substr(text.find(':') + 1);
      const std::size_t comma = arguments.find(',');
      return "swing: share + national swing N(0, " + arguments.substr(0, comma) +
             " pp) per party + district noise N(0, " +
             (comma == std::string::npos ? arguments : arguments.substr(comma + 1)) + " pp)";
    }
  }
  return {};
}

DistrictNoise::DistrictNoise(const NoiseModel& model, std::span<const std::int64_t> cast)
    : kind_(model.kind), district_sd_(model.district_sd), cast_(cast.begin(), cast.end()) {
  std::int64_t total = 0;
  for (const std::int64_t v : cast_) total += std::max<std::int64_t>(v, 0);
  total_ = static_cast<double>(total);
  if (total == 0) return;
  std::int64_t remaining = total;
  for (const std::int64_t v : cast_) {
    const double votes = static_cast<double>(std::max<std::int64_t>(v, 0));
    switch (model.kind) {
      case NoiseModel::Kind::dirichlet:
        shapes_.emplace_back(v > 0 ? model.concentration * votes / total_ : 1.0);
        break;
      case NoiseModel::Kind::multinomial:
        conditional_.push_back(remaining > 0 ? votes / static_cast<double>(remaining) : 0.0);
        remaining -= std::max<std::int64_t>(v, 0);
        break;
      case NoiseModel::Kind::swing:
        share_.push_back(votes / total_);
        break;
    }
  }
}

void DistrictNoise::draw(std::span<const double> party_swing, RandomStream& random, std::span<std::int64_t> out) const {
  const std::size_t n = cast_.size();
  if (total_ <= 0) {
    std::fill(out.begin(), out.end(), 0);
    return;
  }
  switch (kind_) {
    case NoiseModel::Kind::dirichlet: {
      // Gamma variates into a per-thread buffer, then normalised to shares of the cast total.
      thread_local std::vector<double> gammas;
      gammas.assign(n, 0.0);
      double sum = 0;
      for (std::size_t j = 0; j < n; ++j) {
        if (cast_[j] <= 0) continue;
        gammas[j] = random.gamma(shapes_[j]);
        sum += gammas[j];
      }
      for (std::size_t j = 0; j < n; ++j) out[j] = sum > 0 ? round_votes(gammas[j] / sum * total_) : 0;
      return;
    }
    case NoiseModel::Kind::multinomial: {
      std::int64_t ballots = static_cast<std::int64_t>(total_);
      for (std::size_t j = 0; j < n; ++j) {
        if (cast_[j] <= 0 || ballots == 0) {
          out[j] = 0;
          continue;
        }
        // The last list with votes has probability 1 and takes what is left.
        const std::int64_t drawn = conditional_[j] >= 1.0 ? ballots : random.binomial(ballots, conditional_[j]);
        out[j] = drawn;
        ballots -= drawn;
      }
      return;
    }
    case NoiseModel::Kind::swing: {
      const double district_sd = district_sd_;
      for (std::size_t j = 0; j < n; ++j) {
        if (cast_[j] <= 0) {
          out[j] = 0;
          continue;
        }
        const double noise = district_sd > 0 ? district_sd * random.normal() : 0.0;
        out[j] = round_votes((share_[j] + (party_swing[j] + noise) / 100.0) * total_);
      }
      return;
    }
  }
}

}  // namespace seatsim
