#include "seatsim/core/rational.hpp"

#include <cctype>
#include <limits>
#include <numeric>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {
namespace {

std::int64_t checked(i128 value) {
  if (value > std::numeric_limits<std::int64_t>::max() || value < -std::numeric_limits<std::int64_t>::max())
    throw Error("number out of range (more than 18 digits)");
  return static_cast<std::int64_t>(value);
}

Rational make(i128 num, i128 den) {
  if (den == 0) throw Error("division by zero");
  if (den < 0) num = -num, den = -den;
  i128 a = num < 0 ? -num : num, b = den;
  while (b != 0) {
    const i128 t = a % b;
    a = b;
    b = t;
  }
  const i128 g = a == 0 ? 1 : a;
  return Rational(checked(num / g), checked(den / g));
}

}  // namespace

Rational::Rational(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) throw Error("division by zero");
  if (denominator < 0) numerator = -numerator, denominator = -denominator;
  const std::int64_t g = std::gcd(numerator, denominator);
  num_ = numerator / (g == 0 ? 1 : g);
  den_ = denominator / (g == 0 ? 1 : g);
}

std::int64_t Rational::floor() const noexcept {
  const std::int64_t q = num_ / den_;
  return (num_ % den_ != 0 && num_ < 0) ? q - 1 : q;
}

Rational operator+(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_ + static_cast<i128>(b.num_) * a.den_,
              static_cast<i128>(a.den_) * b.den_);
}
Rational operator-(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_ - static_cast<i128>(b.num_) * a.den_,
              static_cast<i128>(a.den_) * b.den_);
}
Rational operator*(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.num_, static_cast<i128>(a.den_) * b.den_);
}
Rational operator/(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_, static_cast<i128>(a.den_) * b.num_);
}
std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  return static_cast<i128>(a.num_) * b.den_ <=> static_cast<i128>(b.num_) * a.den_;
}

std::string Rational::to_string() const {
  std::int64_t d = den_;
  int twos = 0, fives = 0;
  while (d % 2 == 0) d /= 2, ++twos;
  while (d % 5 == 0) d /= 5, ++fives;
  if (d != 1) return std::to_string(num_) + "/" + std::to_string(den_);
  const int places = std::max(twos, fives);
  i128 scaled = static_cast<i128>(num_);
  for (int i = 0; i < places; ++i) scaled *= 10;
  scaled /= den_;
  const bool negative = scaled < 0;
  std::string digits = seatsim::to_string(static_cast<u128>(negative ? -scaled : scaled));
  if (places > 0) {
    if (static_cast<int>(digits.size()) <= places)
      digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
  }
  return negative ? "-" + digits : digits;
}

Rational parse_rational(std::string_view text) {
  const std::string shown(text);
  auto fail = [&](const char* why) -> Error { return Error("'" + shown + "' is not a number (" + why + ")"); };
  if (text.empty()) throw fail("empty");
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    const Rational n = parse_rational(text.substr(0, slash));
    const Rational d = parse_rational(text.substr(slash + 1));
    if (!n.is_integer() || !d.is_integer()) throw fail("a fraction takes whole numbers");
    if (d.is_zero()) throw fail("zero denominator");
    return Rational(n.num(), d.num());
  }
  std::size_t pos = 0;
  bool negative = false;
  if (text[pos] == '+' || text[pos] == '-') negative = text[pos++] == '-';
  i128 num = 0, den = 1;
  int digits = 0, seen = 0;
  bool point = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) throw fail("unexpected character");
    ++seen;
    if (num != 0 || c != '0') ++digits;
    if (digits > 18) throw fail("more than 18 significant digits");
    num = num * 10 + (c - '0');
    if (point) den *= 10;
    if (den > static_cast<i128>(1'000'000'000'000'000'000)) throw fail("more than 18 decimal places");
  }
  if (seen == 0) throw fail("no digits");
  return make(negative ? -num : num, den);
}

Rational parse_share(std::string_view text) {
  if (!text.empty() && text.back() == '%') return parse_rational(text.substr(0, text.size() - 1)) / Rational(100);
  return parse_rational(text);
}

std::string format_percent(const Rational& share) { return (share * Rational(100)).to_string() + "%"; }

}  // namespace seatsim
