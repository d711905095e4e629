// The fast divisor kernel's entry points: the SIMD kernels of divisor_simd.cpp (single precision
// first where it applies, then jump-and-step) where their floating-point shortcuts are exact, the
// general exact path everywhere else.
#include "kernel/divisor_detail.hpp"

namespace seatsim {

void allocate_divisor(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                      const TieBreak& ties, DistrictSeats& out) {
  if (seats == 0) {
    detail::reset_result(out, votes.size());
    detail::settle_boundary(votes, rule, ties, out);
    return;
  }
  // The kernel writes every seat; the tie flags and the boundary start cleared.
  out.seats.resize(votes.size());
  out.tie.assign(votes.size(), 0);
  out.tie_decided = false;
  out.boundary = Boundary{};
  out.quota_excess = 0;
  if (!detail::jump_and_step(votes, seats, rule, ties, out))
    detail::allocate_divisor_by_repair(votes, seats, rule, ties, out);  // also throws when no list has a vote
}

DistrictSeats allocate_divisor(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                               const TieBreak& ties) {
  DistrictSeats out;
  allocate_divisor(votes, seats, rule, ties, out);
  return out;
}

}  // namespace seatsim
