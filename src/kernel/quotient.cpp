#include "seatsim/kernel/quotient.hpp"

#include <cmath>

namespace seatsim {

Quotient Quotient::of(const DivisorRule& rule, std::size_t list, std::int64_t votes, std::int64_t seat) {
  Quotient q;
  q.list = list;
  q.seat = seat;
  q.votes = votes;
  q.divisor = rule.divisor(seat - 1);
  q.squared_divisor = rule.family() == DivisorRule::Family::huntington_hill;
  return q;
}

Priority Quotient::priority() const noexcept {
  const u128 v = static_cast<u128>(votes);
  const u128 num = static_cast<u128>(divisor.num()), den = static_cast<u128>(divisor.den());
  if (squared_divisor) return {v * v * den, num};
  return {v * den, num};
}

std::string Quotient::decimal(int places) const {
  if (infinite()) return "inf";
  if (!squared_divisor)
    return format_fraction(static_cast<u128>(votes) * static_cast<u128>(divisor.den()),
                           static_cast<u128>(divisor.num()), places);
  const double value = static_cast<double>(votes) / std::sqrt(divisor.to_double());
  const double scale = std::pow(10.0, places);
  const double rounded = std::floor(value * scale + 0.5);
  return format_fraction(static_cast<u128>(rounded), static_cast<u128>(scale), places);
}

std::string Quotient::fraction() const {
  const std::string d = divisor.to_string();
  if (squared_divisor) return std::to_string(votes) + "/√" + d;
  return std::to_string(votes) + "/" + d;
}

std::string format_fraction(u128 num, u128 den, int places) {
  u128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const u128 scaled = (num * scale * 2 + den) / (2 * den);  // round half up
  std::string digits = to_string(scaled / scale);
  if (places == 0) return digits;
  std::string fraction = to_string(scaled % scale);
  fraction.insert(0, static_cast<std::size_t>(places) - fraction.size(), '0');
  return digits + "." + fraction;
}

std::string format_decimal(const Rational& value, int places) {
  const bool negative = value.is_negative();
  std::string text =
      format_fraction(static_cast<u128>(negative ? -value.num() : value.num()), static_cast<u128>(value.den()), places);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return negative && text != "0" ? "-" + text : text;
}

std::string format_fraction_text(const Rational& value) {
  if (value.is_integer()) return std::to_string(value.num());
  return std::to_string(value.num()) + "/" + std::to_string(value.den());
}

std::string group_thousands(std::int64_t value) {
  const bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return negative ? "-" + digits : digits;
}

}  // namespace seatsim
