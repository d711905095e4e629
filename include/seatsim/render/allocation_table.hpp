#pragma once
// The seats of every list, as `seatsim allocate` prints them and the explorer's /api/allocate answers:
// one table, so that the command line and the explorer cannot drift apart.
#include "seatsim/core/election.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// district, party, [group], votes, [district_seats, leveling_seats], seats, tie: a group column when the
// election has list alliances ("alliance" or "alliance/sub-alliance"), the two tiers' seats when a tier
// above the districts placed some.
Table allocation_table(const Election& election, const ElectionOutcome& outcome);

}  // namespace seatsim
