#pragma once
// Counter-based random numbers for reproducible simulation. Every number is a pure function of
// (seed, draw, district, position in that stream), computed by Random123's Philox4x64-10: the
// key is the seed, the counter is (draw, district, block). No state passes between draws or
// districts, so the draws come out the same whatever the number of threads or MPI ranks, and
// whichever thread or rank computes them.
//
// The samplers are written out here (not taken from <random>, whose algorithms differ between
// standard libraries) so that the formulas are documented and the same everywhere:
//  - uniform: the top 53 bits of a 64-bit word, shifted into the open interval (0, 1);
//  - normal: the ziggurat of Marsaglia & Tsang (2000) in Doornik's (2005) form, 128 layers
//    (one 64-bit word per normal in 98.8% of cases: 7 bits pick the layer, 53 the abscissa);
//  - gamma: Marsaglia & Tsang (2000), with the shape < 1 boost Gamma(a) = Gamma(a+1)·U^(1/a);
//  - binomial: inversion by geometric waiting times when n·min(p, 1−p) < 10, otherwise the
//    transformed rejection BTRS of Hörmann (1993).
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace seatsim {

class RandomStream {
 public:
  // The stream of district `district` in draw `draw`; `national_stream` names the draw's
  // nation-wide numbers (the swing model's national swings).
  static constexpr std::uint64_t national_stream = ~std::uint64_t{0};

  RandomStream(std::uint64_t seed, std::uint64_t draw, std::uint64_t district) noexcept
      : key_{{seed, 0x5ea751a5eed5ULL}}, counter_{{draw, district, 0, 0}} {}

  std::uint64_t next_u64() noexcept {
    if (used_ == 4) {
      block_ = philox_(counter_, key_);
      ++counter_.v[2];
      used_ = 0;
    }
    return block_.v[used_++];
  }

  // Uniform on the open interval (0, 1): never 0, so that log(u) is finite.
  double uniform() noexcept { return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53; }

  double normal() noexcept;

  // Gamma(shape, 1) for shape > 0; GammaShape holds the constants of one shape, for callers
  // that draw the same shape many times.
  struct GammaShape {
    double d = 0, c = 0;       // Marsaglia–Tsang: d = a − 1/3 (of a + 1 when boosted), c = 1/sqrt(9d)
    double inverse_shape = 0;  // 1/a when a < 1 (the boost U^(1/a)), else 0
    explicit GammaShape(double shape) noexcept {
      const double a = shape < 1.0 ? shape + 1.0 : shape;
      d = a - 1.0 / 3.0;
      c = 1.0 / std::sqrt(9.0 * d);
      inverse_shape = shape < 1.0 ? 1.0 / shape : 0.0;
    }
  };
  double gamma(const GammaShape& shape) noexcept {
    for (;;) {
      double x = 0, v = 0;
      do {
        x = normal();
        v = 1.0 + shape.c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const double u = uniform();
      const double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + shape.d * (1.0 - v + std::log(v))) {
        const double value = shape.d * v;
        return shape.inverse_shape > 0 ? value * std::pow(uniform(), shape.inverse_shape) : value;
      }
    }
  }
  double gamma(double shape) noexcept { return gamma(GammaShape(shape)); }

  // Binomial(n, p).
  std::int64_t binomial(std::int64_t n, double p) noexcept;

 private:
  r123::Philox4x64 philox_;
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type counter_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

}  // namespace seatsim
