// Display of the comparison numbers in the leveling award record.
#include "seatsim/kernel/leveling_award.hpp"

#include "seatsim/kernel/quotient.hpp"

namespace seatsim {
namespace {

u128 gcd(u128 a, u128 b) {
  while (b != 0) {
    const u128 r = a % b;
    a = b;
    b = r;
  }
  return a;
}

}  // namespace

std::string exact_text(const Priority& value) {
  if (value.infinite()) return "inf";
  const u128 divisor = gcd(value.num, value.den);
  const u128 num = divisor == 0 ? value.num : value.num / divisor;
  const u128 den = divisor == 0 ? value.den : value.den / divisor;
  return den == 1 ? to_string(num) : to_string(num) + "/" + to_string(den);
}

std::string decimal_text(const Priority& value, int digits) {
  if (value.infinite()) return "inf";
  std::string text = format_fraction(value.num, value.den, digits);
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();  // 11667.000000 -> 11667, 9789.800000 -> 9789.8
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace seatsim
