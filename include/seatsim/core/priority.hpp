#pragma once
// The exact priority ("quotient") of a list in a divisor method: votes / d(seats), held as
// a fraction num/den of unsigned 128-bit integers so that two priorities are compared by
// cross-multiplication, never by floating point. den == 0 means an infinite priority
// (d(k) = 0, the first seat under Adams, Dean and Huntington-Hill); infinite priorities rank
// by num, which is then an increasing function of the votes.
#include <compare>

#include "seatsim/core/int128.hpp"

namespace seatsim {

struct Priority {
  u128 num = 0;
  u128 den = 1;

  bool infinite() const noexcept { return den == 0; }

  friend std::strong_ordering operator<=>(const Priority& a, const Priority& b) noexcept {
    if (a.infinite() || b.infinite()) {
      if (a.infinite() && b.infinite()) return a.num <=> b.num;
      return a.infinite() ? std::strong_ordering::greater : std::strong_ordering::less;
    }
    return a.num * b.den <=> b.num * a.den;
  }
  friend bool operator==(const Priority& a, const Priority& b) noexcept {
    return (a <=> b) == std::strong_ordering::equal;
  }

  // For display and estimates only.
  double to_double() const noexcept;
};

}  // namespace seatsim
