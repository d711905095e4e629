#pragma once
// Largest-remainder (quota) rules. Each list first takes ⌊v/Q⌋ seats; the rest go to the
// largest remainders v − ⌊v/Q⌋·Q, compared exactly.
//
// Hagenbach-Bischoff (V/(S+1)) and the Imperiali quota (V/(S+2)) can hand out more whole
// quotas than seats. seatsim's documented correction: the excess seats are withdrawn one at a
// time from the lists with the smallest remainders (among lists that hold a whole-quota seat),
// ties by the tie rule, and the allocation reports `quota_excess`.
#include <cstdint>
#include <string>

#include "seatsim/core/rational.hpp"

namespace seatsim {

class QuotaRule {
 public:
  enum class Kind { hare, droop, hagenbach_bischoff, imperiali };

  explicit QuotaRule(Kind kind) : kind_(kind) {}
  Kind kind() const noexcept { return kind_; }

  // The quota for `total_votes` valid votes and `seats` seats, exactly.
  Rational quota(std::int64_t total_votes, std::int64_t seats) const;
  std::string describe() const;

 private:
  Kind kind_;
};

}  // namespace seatsim
