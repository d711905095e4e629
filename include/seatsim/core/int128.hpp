#pragma once
// 128-bit integers for exact cross-multiplication of quotients (votes up to 10^12 times
// scaled divisors). `__extension__` keeps -Wpedantic quiet about the GCC/Clang builtin.
#include <cstdint>
#include <string>

namespace seatsim {

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

inline std::string to_string(u128 value) {
  if (value == 0) return "0";
  std::string digits;
  while (value > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  return digits;
}

}  // namespace seatsim
