#pragma once
// ⌊√x⌋ of a 128-bit integer, exactly: the indices (indices.hpp) and their distributions take square
// roots without letting a floating-point rounding through.
#include "seatsim/core/int128.hpp"

namespace seatsim {

// A long double estimate, corrected by integer comparisons (x below 2^126).
inline u128 isqrt(u128 x) {
  if (x < 2) return x;
  u128 root = static_cast<u128>(__builtin_sqrtl(static_cast<long double>(x)));
  while (root * root > x) --root;
  while ((root + 1) * (root + 1) <= x) ++root;
  return root;
}

}  // namespace seatsim
