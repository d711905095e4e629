#pragma once
// Internal pieces shared by the divisor kernels (reference, fast single, batched). Not part of
// the public API: include only from src/kernel.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/divisor_rule.hpp"

namespace seatsim::detail {

// Throws seatsim::Error when seats > 0 and no list has a vote (the message every kernel gives).
void require_votes(std::span<const std::int64_t> votes, std::int64_t seats);

// `out` sized for n lists, every seat and tie flag 0, no boundary (keeps the vectors' capacity).
void reset_result(DistrictSeats& out, std::size_t n);

// Given any allocation that satisfies the divisor condition (every awarded priority at least
// every missed one), finds the decisive boundary and, when equal priorities straddle it,
// re-decides those seats by the tie rule. Every kernel that meets a tie ends here, so that
// they all agree seat for seat and flag for flag.
void settle_boundary(std::span<const std::int64_t> votes, const DivisorRule& rule, const TieBreak& ties,
                     DistrictSeats& out);

// The general exact path: one estimated divisor, exact single-seat repair from two lazy heaps,
// then settle_boundary. Any rule, any input; the fast kernels fall back to it where their
// floating-point shortcuts are not proven exact.
void allocate_divisor_by_repair(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                                const TieBreak& ties, DistrictSeats& out);

// The fast exact kernel (divisor_simd.cpp, SIMD across lists, dispatched at run time). False
// when its floating-point keys would not be exact for this input (votes or divisors beyond
// 2^53, or fewer seats than lists under a rule with d(0) = 0), or when its re-jumps do not
// converge: the caller then takes allocate_divisor_by_repair. On true, `out` is complete.
bool jump_and_step(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                   const TieBreak& ties, DistrictSeats& out);

// Whether the single-precision kernels (divisor_float-inl.h, batch_float-inl.h) can take a
// linear rule and house: every scaled divisor up to D(seats + 1) an exact float, below 2^24.
// Votes are checked where they are read.
inline bool float_kernel_applies(const DivisorRule& rule, std::int64_t seats) {
  constexpr std::int64_t two_to_24 = std::int64_t{1} << 24;
  const auto& prefix = rule.scaled_prefix();
  if (rule.family() != DivisorRule::Family::linear || prefix.size() > 2 || seats >= two_to_24) return false;
  const std::int64_t a = rule.tail_a(), b = rule.tail_b();  // b > 0
  if (rule.scaled_divisor(0) <= 0 || b >= two_to_24 || a >= two_to_24 || a <= -two_to_24) return false;
  if (a + b * (seats + 1) >= two_to_24) return false;  // no overflow: every factor below 2^25
  return std::all_of(prefix.begin(), prefix.end(), [](std::int64_t d) { return d < two_to_24; });
}

// The batched divisor kernel (batch_simd.cpp, SIMD across scenarios). One job: a lists ×
// scenarios column-major matrix of votes and the outputs of the same shape.
struct BatchJob {
  const std::int64_t* votes;
  std::size_t lists;
  std::int64_t seats;
  const DivisorRule* rule;
  std::int32_t* seats_out;
  std::uint8_t* tie_out;
};

// Whether the batched kernel handles this rule and seat count at all: linear rules with
// d(0) > 0 whose divisors up to seats + 1 stay below 2^53 (Dean, Huntington-Hill, Adams go
// column by column through the single kernel).
bool batch_kernel_applies(const DivisorRule& rule, std::int64_t seats);

// Allocates the scenarios [first, last) it can certify exactly and appends the others (in
// increasing order) to `leftovers`, for the single kernel: a tie, votes too large for exact
// doubles, no votes at all, or the last scenarios that do not fill a vector.
void batch_divisor(const BatchJob& job, std::size_t first, std::size_t last, std::vector<std::size_t>& leftovers);

}  // namespace seatsim::detail
