#pragma once
// Divisor (highest-averages) rules as exact sequences d(0), d(1), ...
//
// Three families cover every rule seatsim knows:
//  - linear: an explicit prefix of rational divisors, then d(k) = a + b·k (D'Hondt, Sainte-Laguë
//    and its modified first divisors, Danish, Imperiali, Adams, any custom sequence);
//  - Dean: d(k) = 2k(k+1)/(2k+1), the harmonic mean of k and k+1;
//  - Huntington-Hill: d(k) = √(k(k+1)), the geometric mean, compared through squares.
// All divisors of a linear rule are scaled by one common denominator to integers, so that a
// priority is votes / integer and comparisons are exact 128-bit cross-multiplications.
#include <cstdint>
#include <string>
#include <vector>

#include "seatsim/core/priority.hpp"
#include "seatsim/core/rational.hpp"

namespace seatsim {

class DivisorRule {
 public:
  enum class Family { linear, dean, huntington_hill };

  static DivisorRule dhondt();
  static DivisorRule sainte_lague();
  static DivisorRule danish();
  static DivisorRule imperiali();
  static DivisorRule adams();
  static DivisorRule dean();
  static DivisorRule huntington_hill();
  // An explicit sequence, continued arithmetically from its last two entries (a single entry
  // continues with step 1). Entries must increase strictly; only the first may be 0.
  static DivisorRule custom(const std::vector<Rational>& divisors);

  // The same rule with d(0) replaced (modified Sainte-Laguë: 1.4, 1.6, 1.7, ...).
  // Only for the linear family; the new d(0) must stay below d(1).
  DivisorRule with_first_divisor(const Rational& first) const;

  Family family() const noexcept { return family_; }
  // d(k) exactly; for Huntington-Hill, d(k)² (the rule is irrational).
  Rational divisor(std::int64_t k) const;
  bool first_divisor_is_zero() const noexcept;

  // votes / d(seats), exactly. Votes <= 10^12 and seats <= 10^6 never overflow.
  Priority priority(std::int64_t votes, std::int64_t seats) const noexcept {
    switch (family_) {
      case Family::linear:
        return {static_cast<u128>(votes), static_cast<u128>(scaled_divisor(seats))};
      case Family::dean: {
        const u128 k = static_cast<u128>(seats);
        return {static_cast<u128>(votes) * (2 * k + 1), 2 * k * (k + 1)};
      }
      case Family::huntington_hill: {
        const u128 v = static_cast<u128>(votes);
        const u128 k = static_cast<u128>(seats);
        return {v * v, k * (k + 1)};
      }
    }
    return {};
  }

  // d(k) times the common denominator, for the linear family.
  std::int64_t scaled_divisor(std::int64_t k) const noexcept {
    if (k < static_cast<std::int64_t>(prefix_.size())) return prefix_[static_cast<std::size_t>(k)];
    return tail_a_ + tail_b_ * k;
  }
  // Linear family: d(k)·scale = prefix[k] for k < prefix size, else tail_a + tail_b·k.
  const std::vector<std::int64_t>& scaled_prefix() const noexcept { return prefix_; }
  std::int64_t tail_a() const noexcept { return tail_a_; }
  std::int64_t tail_b() const noexcept { return tail_b_; }
  std::int64_t scale() const noexcept { return scale_; }

  // "1, 3, 5, 7, ..." — the first divisors, for reports and JSON meta.
  std::string describe() const;

 private:
  static DivisorRule linear(const std::vector<Rational>& prefix, const Rational& a, const Rational& b);

  Family family_ = Family::linear;
  std::vector<Rational> exact_prefix_;  // unscaled, to rebuild on with_first_divisor
  Rational exact_a_{1}, exact_b_{1};
  std::vector<std::int64_t> prefix_;
  std::int64_t tail_a_ = 1, tail_b_ = 1, scale_ = 1;
};

}  // namespace seatsim
