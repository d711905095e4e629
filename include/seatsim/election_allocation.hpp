#pragma once
// Allocation of a whole election under a Rule: thresholds (district or national), reserved
// quota seats, then the kernel per district. The result keeps the input's shape: one outcome
// per list, in input order.
#include <cstdint>
#include <string>
#include <vector>

#include "seatsim/allocation.hpp"
#include "seatsim/election.hpp"
#include "seatsim/rule.hpp"

namespace seatsim {

struct ListOutcome {
  std::int64_t seats = 0;
  bool tie = false;  // a tie decided its last seat or the seat it missed
  bool passes_threshold = true;
  bool reserved_seat = false;  // it holds its group's reserved seat
};

struct DistrictOutcome {
  std::vector<ListOutcome> lists;
  std::int64_t general_seats = 0;      // seats − reserved
  std::int64_t unfilled_reserved = 0;  // reserved seats whose group has no list
  // The kernel's view of the general allocation: general_lists[i] is the district list index
  // of the kernel's list i (lists that take part in the general allocation, in input order).
  std::vector<std::size_t> general_lists;
  DistrictSeats general;
};

struct ElectionOutcome {
  std::vector<DistrictOutcome> districts;
  std::vector<std::string> notes;  // ties and unfilled seats, one line each, for stderr

  std::int64_t seats(std::size_t district, std::size_t list) const { return districts[district].lists[list].seats; }
};

// Throws seatsim::Error for an impossible district (seats < reserved, a quota group without a
// reserved seat, seats to give but no list that can take them).
ElectionOutcome allocate(const Election& election, const Rule& rule);

// Throws seatsim::Error(file, line) for votes outside 0..max_votes or an election whose votes add
// up past max_total_votes, so that no sum of votes can overflow. `allocate` checks it first.
void check_vote_limits(const Election& election);

// Which lists pass the threshold, per district and list, under `threshold`.
std::vector<std::vector<bool>> threshold_passes(const Election& election, const Threshold& threshold);

}  // namespace seatsim
