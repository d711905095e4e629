#include "seatsim/noise_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <vector>

#include "seatsim/election.hpp"
#include "seatsim/error.hpp"

namespace seatsim {
namespace {

Error noise_error(std::string_view text, const std::string& what) {
  return Error("--noise '" + std::string(text) + "': " + what);
}

double parse_number(std::string_view model, std::string_view text, const char* what) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw noise_error(model, std::string(what) + " '" + std::string(text) + "' is not a number");
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

void NoiseModel::draw(std::span<const std::int64_t> cast, std::span<const double> party_swing, RandomStream& random,
                      std::span<std::int64_t> out) const {
  const std::size_t n = cast.size();
  const std::int64_t total = std::accumulate(cast.begin(), cast.end(), std::int64_t{0});
  if (total <= 0) {
    std::fill(out.begin(), out.end(), 0);
    return;
  }
  const double scale = static_cast<double>(total);
  switch (kind) {
    case Kind::dirichlet: {
      // Gamma variates into a per-thread buffer, then normalised to shares of the cast total.
      double sum = 0;
      thread_local std::vector<double> gammas;
      gammas.assign(n, 0.0);
      for (std::size_t j = 0; j < n; ++j) {
        if (cast[j] <= 0) continue;
        gammas[j] = random.gamma(concentration * static_cast<double>(cast[j]) / scale);
        sum += gammas[j];
      }
      for (std::size_t j = 0; j < n; ++j) out[j] = sum > 0 ? round_votes(gammas[j] / sum * scale) : 0;
      return;
    }
    case Kind::multinomial: {
      std::int64_t ballots = total, weight = total;
      for (std::size_t j = 0; j < n; ++j) {
        if (cast[j] <= 0 || ballots == 0) {
          out[j] = 0;
          weight -= std::max<std::int64_t>(cast[j], 0);
          continue;
        }
        const std::int64_t drawn =
            cast[j] == weight ? ballots
                              : random.binomial(ballots, static_cast<double>(cast[j]) / static_cast<double>(weight));
        out[j] = drawn;
        ballots -= drawn;
        weight -= cast[j];
      }
      return;
    }
    case Kind::swing:
      for (std::size_t j = 0; j < n; ++j) {
        if (cast[j] <= 0) {
          out[j] = 0;
          continue;
        }
        const double noise = district_sd > 0 ? district_sd * random.normal() : 0.0;
        const double share = static_cast<double>(cast[j]) / scale + (party_swing[j] + noise) / 100.0;
        out[j] = round_votes(share * scale);
      }
      return;
  }
}

}  // namespace seatsim
