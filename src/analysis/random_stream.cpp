#include "seatsim/analysis/random_stream.hpp"

namespace seatsim {
namespace {

// log(k!) − [(k + ½)·log(k + 1) − (k + 1) + ½·log(2π)], the Stirling series' tail, as in
// Hörmann's BTRS paper: a table for small k, three terms of the series beyond.
double stirling_tail(double k) noexcept {
  static constexpr double table[] = {0.0810614667953272,  0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
                                     0.0166446911898211,  0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
                                     0.00925546218271273, 0.00833056343336287};
  if (k <= 9) return table[static_cast<int>(k)];
  const double kp1 = k + 1, kp1sq = kp1 * kp1;
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / kp1;
}

// The ziggurat's layers for the standard normal density f(x) = exp(−x²/2): 128 layers of equal
// area V, the base layer reaching the tail at R (Doornik 2005, "An improved ziggurat method").
struct Ziggurat {
  static constexpr int layers = 128;
  static constexpr double tail = 3.442619855899;
  static constexpr double area = 9.91256303526217e-3;
  double x[layers + 1];
  double ratio[layers];

  Ziggurat() {
    double f = std::exp(-0.5 * tail * tail);
    x[0] = area / f;  // the base layer, tail included, as a rectangle of the same area
    x[1] = tail;
    x[layers] = 0;
    for (int i = 2; i < layers; ++i) {
      x[i] = std::sqrt(-2 * std::log(area / x[i - 1] + f));
      f = std::exp(-0.5 * x[i] * x[i]);
    }
    for (int i = 0; i < layers; ++i) ratio[i] = x[i + 1] / x[i];
  }
};

const Ziggurat& ziggurat() {
  static const Ziggurat table;
  return table;
}

}  // namespace

double RandomStream::normal() noexcept {
  const Ziggurat& z = ziggurat();
  for (;;) {
    const std::uint64_t bits = next_u64();
    const int layer = static_cast<int>(bits & 0x7F);
    const double u = 2 * ((static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53) - 1;
    if (std::fabs(u) < z.ratio[layer]) return u * z.x[layer];  // inside the layer's inner rectangle
    if (layer == 0) {
      // The tail beyond R (Marsaglia 1964).
      double x = 0, y = 0;
      do {
        x = std::log(uniform()) / Ziggurat::tail;
        y = std::log(uniform());
      } while (-2 * y < x * x);
      return u < 0 ? x - Ziggurat::tail : Ziggurat::tail - x;
    }
    // The wedge between the inner rectangle and the density.
    const double x = u * z.x[layer];
    const double f0 = std::exp(-0.5 * (z.x[layer] * z.x[layer] - x * x));
    const double f1 = std::exp(-0.5 * (z.x[layer + 1] * z.x[layer + 1] - x * x));
    if (f1 + uniform() * (f0 - f1) < 1.0) return x;
  }
}

std::int64_t RandomStream::binomial(std::int64_t n, double p) noexcept {
  if (n <= 0 || p <= 0.0) return 0;
  if (p >= 1.0) return n;
  if (p > 0.5) return n - binomial(n, 1.0 - p);
  const double count = static_cast<double>(n);
  if (count * p < 10.0) {
    // Inversion: the number of geometric waiting times that fit into n trials.
    const double log_q = std::log1p(-p);
    std::int64_t successes = 0;
    double trials = 0;
    for (;;) {
      trials += std::ceil(std::log(uniform()) / log_q);
      if (trials > count) return successes;
      ++successes;
    }
  }
  // BTRS (Hörmann 1993, "The generation of binomial random variates").
  const double spread = std::sqrt(count * p * (1.0 - p));
  const double b = 1.15 + 2.53 * spread;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = count * p + 0.5;
  const double v_r = 0.92 - 4.2 / b;
  const double r = p / (1.0 - p);
  const double alpha = (2.83 + 5.1 / b) * spread;
  const double m = std::floor((count + 1) * p);
  for (;;) {
    const double u = uniform() - 0.5;
    double v = uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + c);
    if (k < 0 || k > count) continue;
    if (us >= 0.07 && v <= v_r) return static_cast<std::int64_t>(k);
    v = std::log(v * alpha / (a / (us * us) + b));
    const double bound = (m + 0.5) * std::log((m + 1) / (r * (count - m + 1))) +
                         (count + 1) * std::log((count - m + 1) / (count - k + 1)) +
                         (k + 0.5) * std::log(r * (count - k + 1) / (k + 1)) + stirling_tail(m) +
                         stirling_tail(count - m) - stirling_tail(k) - stirling_tail(count - k);
    if (v <= bound) return static_cast<std::int64_t>(k);
  }
}

}  // namespace seatsim
