#pragma once
// Exact rational numbers for everything that defines a rule: divisors (1.4 = 7/5),
// thresholds (5% = 1/20), shares. Numbers typed by people are decimals and are read as
// decimals, never through binary floating point.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace seatsim {

class Rational {
 public:
  constexpr Rational() = default;
  Rational(std::int64_t numerator, std::int64_t denominator = 1);

  std::int64_t num() const noexcept { return num_; }
  std::int64_t den() const noexcept { return den_; }

  bool is_integer() const noexcept { return den_ == 1; }
  bool is_zero() const noexcept { return num_ == 0; }
  bool is_negative() const noexcept { return num_ < 0; }

  // Largest integer not above the value.
  std::int64_t floor() const noexcept;
  // Nearest double, for display and for estimates only.
  double to_double() const noexcept { return static_cast<double>(num_) / static_cast<double>(den_); }

  // Shortest exact decimal when the denominator is 2^a 5^b, else "n/d".
  std::string to_string() const;

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b) = default;
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// Parses "1.4", "-0.25", "7/5", "3". Throws seatsim::Error (without location) on anything
// else, on more than 18 significant digits, or on overflow.
Rational parse_rational(std::string_view text);

// Parses a share: "5%" is 1/20, "0.05" stays 0.05 (a fraction of one).
Rational parse_share(std::string_view text);

// Formats a share as a percentage, e.g. 1/20 -> "5%".
std::string format_percent(const Rational& share);

}  // namespace seatsim
