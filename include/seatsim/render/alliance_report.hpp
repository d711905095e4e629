#pragma once
// How list alliances shared a district's seats, for `seatsim explain`: the group level (each alliance with
// its lists' summed votes, and each list alone) and then the split inside each alliance and sub-alliance,
// each competitor with the votes it counted with and the seats it won at its level.
#include <string>

#include "seatsim/core/election.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// Columns: district,level,within,competitor,kind,votes,seats,status. One row per competitor, in tree order:
// level 1 (the district: alliances and lists alone), then under each alliance its level-2 rows (within: the
// alliance; its sub-alliances and direct lists), and under each sub-alliance its level-3 rows (within:
// "alliance/sub-alliance"; its lists). kind: alliance, sub_alliance or list. votes: the votes the competitor
// counted with (a group's: its lists' that took part); seats: those it won in the general allocation.
// status: empty, or why a list took no part (below_threshold, reserved_seat). `district` non-empty: only that
// district's rows.
Table alliance_split_table(const Election& election, const ElectionOutcome& outcome, const std::string& district = {});

// {"districts": [{"district", "seats", "groups": [{"name", "kind", "votes", "seats", "status"?, "members": [...]}]}]}:
// the same tree, nested.
Json alliance_split_json(const Election& election, const ElectionOutcome& outcome, const std::string& district = {});

}  // namespace seatsim
