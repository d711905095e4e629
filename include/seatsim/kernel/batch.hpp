#pragma once
// The batched kernel: many scenarios of one district (Monte Carlo draws, sweep steps) in one
// call. Votes are a lists × scenarios matrix (column-major, so one scenario is contiguous);
// the result has the same shape and equals, column by column, the single-district kernel
// `allocate` on that column with the same tie rule.
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {

using VoteMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;
using SeatMatrix = Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic>;
using TieMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>;

struct BatchSeats {
  SeatMatrix seats;  // lists × scenarios
  TieMatrix tie;     // 1 where a tie decided that list's last seat or the seat it missed
};

// `threads` = 0 uses every core. Lists with 0 votes take no seat; a scenario without votes and
// with seats to fill throws seatsim::Error, as `allocate` does (the lowest such column's error,
// whatever the thread count).
//
// Divisor methods run a SIMD kernel across scenarios (docs/performance.md); a scenario it
// cannot certify exactly (a tie, votes beyond 2^53 / d(seats + 1)) goes through the single
// kernel, so results are identical either way and for every thread count.
// `votes` is a Ref so that callers can pass memory they own (a numpy array, a Map) without a copy;
// a VoteMatrix binds as is.
using VoteView = Eigen::Ref<const VoteMatrix>;
BatchSeats allocate_batch(const VoteView& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                          unsigned threads = 1);
// The same into `out`, resized only when its shape differs: a Monte Carlo loop that reuses it
// allocates nothing.
void allocate_batch(const VoteView& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                    BatchSeats& out, unsigned threads = 1);

}  // namespace seatsim
