#pragma once
// Allocation of a whole election under a Rule: thresholds (district or national), reserved
// quota seats, then the kernel per district. The result keeps the input's shape: one outcome
// per list, in input order.
#include <cstdint>
#include <map>
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

// Which lists pass the threshold, per district and list, under `threshold`.
std::vector<std::vector<bool>> threshold_passes(const Election& election, const Threshold& threshold);

// The bases of a national threshold: each party's votes over all districts, and all votes.
struct NationalVotes {
  std::map<std::string, std::int64_t> party;
  std::int64_t total = 0;
};
NationalVotes national_votes(const Election& election);

// Which lists of one district pass `threshold`; `national` is read only for the national scope.
// Analyses that move one list's votes (margins) re-evaluate a single district through this.
std::vector<bool> district_threshold_passes(const District& district, const Threshold& threshold,
                                            const NationalVotes& national);

// One district under `rule`, given which of its lists pass the threshold: reserved seats, then
// the kernel. Notes (ties, unfilled seats) are appended to `notes` when it is not null. Throws
// as `allocate` does; `source` names the file in messages.
DistrictOutcome allocate_district(const District& district, const std::vector<bool>& passes, const Rule& rule,
                                  const std::string& source, std::vector<std::string>* notes = nullptr);

}  // namespace seatsim
