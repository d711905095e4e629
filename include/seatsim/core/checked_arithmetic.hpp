#pragma once
// Exact sums and products of 128-bit integers that report overflow instead of wrapping. They throw
// ArithmeticOverflow, which carries no message: each caller catches it at its own entry point and
// words the limit in its own terms (too many draws, votes × seats too large, ...).
#include <type_traits>

#include "seatsim/core/int128.hpp"

namespace seatsim {

struct ArithmeticOverflow {};

// The first argument fixes the type; the second converts to it.
template <class Integer>
Integer checked_add(Integer a, std::type_identity_t<Integer> b) {
  Integer sum;
  if (__builtin_add_overflow(a, b, &sum)) throw ArithmeticOverflow{};
  return sum;
}

template <class Integer>
Integer checked_mul(Integer a, std::type_identity_t<Integer> b) {
  Integer product;
  if (__builtin_mul_overflow(a, b, &product)) throw ArithmeticOverflow{};
  return product;
}

}  // namespace seatsim
