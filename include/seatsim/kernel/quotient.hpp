#pragma once
// The quotient ("average") that decides a seat under a divisor method: a list's votes divided
// by d(k), the divisor of its (k+1)-th seat. Held exactly so that reports can show where a
// result was decided and comparisons never rest on floating point; decimals are for reading.
#include <cstdint>
#include <string>

#include "seatsim/core/int128.hpp"
#include "seatsim/core/priority.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/kernel/divisor_rule.hpp"

namespace seatsim {

struct Quotient {
  std::size_t list = 0;   // the list's index in its district
  std::int64_t seat = 0;  // which of its seats: 1 for the first (divisor d(0))
  std::int64_t votes = 0;
  Rational divisor;              // d(seat − 1); for Huntington-Hill its square
  bool squared_divisor = false;  // Huntington-Hill: the quotient is votes / √divisor

  // votes / d(seat − 1) for the list's seat `seat` (1-based) under `rule`.
  static Quotient of(const DivisorRule& rule, std::size_t list, std::int64_t votes, std::int64_t seat);

  bool infinite() const noexcept { return divisor.is_zero(); }
  // Exact ordering (squared quotients compare like the quotients themselves).
  Priority priority() const noexcept;
  // "7409.9" (exactly rounded, half up; Huntington-Hill through a double); "inf" for d = 0.
  std::string decimal(int places = 1) const;
  // "51869/7" or "51869/√6" — the quotient as votes over divisor.
  std::string fraction() const;
};

// num/den rounded half up to `places` decimals, exactly ("8386.4"). den must not be 0.
std::string format_fraction(u128 num, u128 den, int places);
// A rational as a decimal with at most `places` decimals, exactly rounded ("1.4", "0.3333").
std::string format_decimal(const Rational& value, int places);
// A rational as a fraction: "3/4", "7/5", "3" — exact, for intervals reported as fractions.
std::string format_fraction_text(const Rational& value);
// "1234567" -> "1,234,567" (for people; CSV and JSON keep plain digits).
std::string group_thousands(std::int64_t value);

}  // namespace seatsim
