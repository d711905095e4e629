#pragma once
// Why the seat totals a report shows differ from the data set's: seats that stay unfilled in the
// recomputation (a reserved seat with no list of its group) and published rows that do not add up
// to their district's seats (a data error in the source). One sentence per total, naming the
// districts, so that a hemicycle of 446 and one of 448 beside a data set of 447 are explained.
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {

// The data set's total, then the recomputed total and the published one where they differ from
// it, each with the districts that make the difference. Without published seats, no third line.
std::vector<std::string> seat_count_notes(const Election& election, const ElectionOutcome& outcome);

}  // namespace seatsim
