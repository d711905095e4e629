#pragma once
// The allocation kernel: seats for the lists of one district, from their votes, under one
// method, with ties detected exactly and broken by a named rule. It knows nothing of files,
// names or thresholds: callers pass only the lists that take part.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "seatsim/core/priority.hpp"
#include "seatsim/kernel/divisor_rule.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/quota_rule.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {

// Where a divisor allocation was decided: the smallest priority that won a seat and the largest
// that did not. A published result that differs is explained by how far apart these are.
struct Boundary {
  std::optional<std::size_t> last_awarded;  // list whose priority took the last seat
  Priority last_priority;
  std::optional<std::size_t> first_missed;  // list whose priority came next
  Priority missed_priority;
};

struct DistrictSeats {
  std::vector<std::int64_t> seats;
  // 1 where a tie decided this list's last seat or the seat it missed.
  std::vector<std::uint8_t> tie;
  bool tie_decided = false;
  Boundary boundary;              // divisor methods only
  std::int64_t quota_excess = 0;  // quota methods: whole quotas beyond the seats, withdrawn
};

// Lists with 0 votes never take a seat. Throws seatsim::Error when seats > 0 and no list has a
// vote, and TieError when a tie decides a seat under TieRule::error.
DistrictSeats allocate(std::span<const std::int64_t> votes, std::int64_t seats, const Method& method,
                       const TieBreak& ties);

// Divisor methods: the fast exact path. It estimates the divisor from the totals, counts every
// list's seats at it at once, and moves it until the counts are certified exactly, falling back
// to exact single-seat steps and, for ties, to the reference's boundary rule
// (docs/performance.md). Equal to allocate_divisor_reference seat for seat, tie flag for tie flag
// and boundary for boundary, under every rule and tie rule.
DistrictSeats allocate_divisor(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                               const TieBreak& ties);
// The same into `out`, whose vectors keep their capacity: a loop over many districts allocates
// no memory (the result is overwritten completely).
void allocate_divisor(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                      const TieBreak& ties, DistrictSeats& out);
// Divisor methods, seat by seat from a priority queue: the reference every fast path is
// tested against, and the baseline of the benchmarks.
DistrictSeats allocate_divisor_reference(std::span<const std::int64_t> votes, std::int64_t seats,
                                         const DivisorRule& rule, const TieBreak& ties);

// Largest-remainder methods.
DistrictSeats allocate_quota(std::span<const std::int64_t> votes, std::int64_t seats, const QuotaRule& rule,
                             const TieBreak& ties);

}  // namespace seatsim
