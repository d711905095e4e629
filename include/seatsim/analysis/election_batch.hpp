#pragma once
// Many variants of one election at once (the steps of a sweep, a set of scenarios): the same
// districts and lists with different votes. Per district, the variants' votes form one
// lists × variants matrix for the batched kernel (`allocate_batch`); thresholds and reserved
// seats are applied per variant first. The result equals `allocate(variant, rule)` for every
// variant, list by list, ties included.
#include <cstdint>
#include <span>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

// Seats of one variant, in the election's shape: [district][list].
struct ElectionSeats {
  std::vector<std::vector<std::int64_t>> seats;
  std::vector<std::vector<std::uint8_t>> tie;  // 1: a tie decided the list's last seat or the seat it missed
};

// A variant whose districts or lists differ from the first variant's (names, seat totals) is
// allocated on its own, and so is every variant under a rule with tiers or seat bounds.
// Throws seatsim::Error as `allocate` does.
std::vector<ElectionSeats> allocate_variants(std::span<const Election> variants, const Rule& rule,
                                             unsigned threads = 1);

// The seats of `allocate(election, rule)` in the same shape, for comparisons.
ElectionSeats seats_of(const Election& election, const Rule& rule);

}  // namespace seatsim
