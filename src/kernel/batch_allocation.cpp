#include "seatsim/batch.hpp"

#include <span>

#include "seatsim/allocation.hpp"

namespace seatsim {

// Straightforward version: the single kernel per column. The performance work (issue 6)
// replaces the inside of this function; the contract stays.
BatchSeats allocate_batch(const VoteView& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                          unsigned /*threads*/) {
  const Eigen::Index lists = votes.rows(), scenarios = votes.cols();
  BatchSeats out{SeatMatrix::Zero(lists, scenarios), TieMatrix::Zero(lists, scenarios)};
  for (Eigen::Index s = 0; s < scenarios; ++s) {
    const std::span<const std::int64_t> column(votes.col(s).data(), static_cast<std::size_t>(lists));
    const DistrictSeats result = allocate(column, seats, method, ties);
    for (Eigen::Index i = 0; i < lists; ++i) {
      out.seats(i, s) = static_cast<std::int32_t>(result.seats[static_cast<std::size_t>(i)]);
      out.tie(i, s) = result.tie[static_cast<std::size_t>(i)];
    }
  }
  return out;
}

}  // namespace seatsim
