#include "seatsim/kernel/quota_rule.hpp"

#include "seatsim/core/error.hpp"

namespace seatsim {

Rational QuotaRule::quota(std::int64_t total_votes, std::int64_t seats) const {
  if (seats <= 0) throw Error("a quota needs at least one seat");
  switch (kind_) {
    case Kind::hare:
      return Rational(total_votes, seats);
    case Kind::droop:
      return Rational(total_votes / (seats + 1) + 1);
    case Kind::hagenbach_bischoff:
      return Rational(total_votes, seats + 1);
    case Kind::imperiali:
      return Rational(total_votes, seats + 2);
  }
  return Rational(1);
}

std::string QuotaRule::describe() const {
  switch (kind_) {
    case Kind::hare:
      return "quota V/S, largest remainders";
    case Kind::droop:
      return "quota floor(V/(S+1))+1, largest remainders";
    case Kind::hagenbach_bischoff:
      return "quota V/(S+1), largest remainders";
    case Kind::imperiali:
      return "quota V/(S+2), largest remainders";
  }
  return {};
}

}  // namespace seatsim
