#include "seatsim/kernel/divisor_rule.hpp"

#include <limits>
#include <numeric>

#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {

double Priority::to_double() const noexcept {
  if (infinite()) return std::numeric_limits<double>::infinity();
  return static_cast<double>(num) / static_cast<double>(den);
}

DivisorRule DivisorRule::linear(const std::vector<Rational>& prefix, const Rational& a, const Rational& b) {
  if (b <= Rational(0)) throw Error("a divisor sequence must increase");
  const auto at = [&](std::size_t k) {
    return k < prefix.size() ? prefix[k] : a + b * Rational(static_cast<std::int64_t>(k));
  };
  for (std::size_t k = 0; k <= prefix.size(); ++k) {
    const Rational d = at(k);
    if (d.is_negative() || (k > 0 && d.is_zero())) throw Error("divisors must be positive (only the first may be 0)");
    if (k > 0 && !(at(k - 1) < d))
      throw Error("divisors must increase strictly, but " + at(k - 1).to_string() + " is followed by " + d.to_string());
  }
  std::int64_t scale = std::lcm(a.den(), b.den());
  for (const Rational& d : prefix) {
    scale = std::lcm(scale, d.den());
    if (scale > 1'000'000'000) throw Error("divisors with more than 9 decimal places are not supported");
  }
  if (scale > 1'000'000'000) throw Error("divisors with more than 9 decimal places are not supported");
  DivisorRule rule;
  rule.family_ = Family::linear;
  rule.exact_prefix_ = prefix;
  rule.exact_a_ = a;
  rule.exact_b_ = b;
  rule.scale_ = scale;
  for (const Rational& d : prefix) rule.prefix_.push_back(d.num() * (scale / d.den()));
  rule.tail_a_ = a.num() * (scale / a.den());
  rule.tail_b_ = b.num() * (scale / b.den());
  // Priorities are votes (< 2^40) over scaled divisors; keep every divisor up to the seat
  // limit below 2^62 so that cross-products stay far inside 128 bits.
  const i128 largest = static_cast<i128>(rule.tail_b_) * max_seats + rule.tail_a_;
  if (largest > (static_cast<i128>(1) << 62)) throw Error("divisor sequence too large to compare exactly");
  return rule;
}

DivisorRule DivisorRule::dhondt() { return linear({}, Rational(1), Rational(1)); }
DivisorRule DivisorRule::sainte_lague() { return linear({}, Rational(1), Rational(2)); }
DivisorRule DivisorRule::danish() { return linear({}, Rational(1), Rational(3)); }
DivisorRule DivisorRule::imperiali() { return linear({}, Rational(2), Rational(1)); }
DivisorRule DivisorRule::adams() { return linear({}, Rational(0), Rational(1)); }

DivisorRule DivisorRule::dean() {
  DivisorRule rule;
  rule.family_ = Family::dean;
  return rule;
}

DivisorRule DivisorRule::huntington_hill() {
  DivisorRule rule;
  rule.family_ = Family::huntington_hill;
  return rule;
}

DivisorRule DivisorRule::custom(const std::vector<Rational>& divisors) {
  if (divisors.empty()) throw Error("a custom divisor sequence needs at least one divisor");
  const std::size_t n = divisors.size();
  const Rational step = n >= 2 ? divisors[n - 1] - divisors[n - 2] : Rational(1);
  const Rational a = divisors[n - 1] - step * Rational(static_cast<std::int64_t>(n - 1));
  return linear(divisors, a, step);
}

DivisorRule DivisorRule::with_first_divisor(const Rational& first) const {
  if (family_ != Family::linear) throw Error("--first-divisor applies only to linear divisor sequences");
  std::vector<Rational> prefix = exact_prefix_;
  if (prefix.empty())
    prefix.push_back(first);
  else
    prefix[0] = first;
  return linear(prefix, exact_a_, exact_b_);
}

bool DivisorRule::first_divisor_is_zero() const noexcept { return family_ != Family::linear || scaled_divisor(0) == 0; }

Rational DivisorRule::divisor(std::int64_t k) const {
  switch (family_) {
    case Family::linear:
      return Rational(scaled_divisor(k), scale_);
    case Family::dean:
      return Rational(2 * k * (k + 1), 2 * k + 1);
    case Family::huntington_hill:
      return Rational(k * (k + 1));
  }
  return Rational(0);
}

std::string DivisorRule::describe() const {
  std::string text;
  if (family_ == Family::huntington_hill) return "sqrt(k(k+1)): 0, sqrt 2, sqrt 6, sqrt 12, ...";
  for (std::int64_t k = 0; k < 4; ++k) text += divisor(k).to_string() + ", ";
  return text + "...";
}

}  // namespace seatsim
