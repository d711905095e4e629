#pragma once
// The table of a paradox search (paradoxes.hpp) and the lines that say how far it got.
// Columns: kind,change,district,party,amount,before,after,seats_before,seats_after,rechecked,detail.
#include <string>
#include <vector>

#include "seatsim/analysis/paradoxes.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

Table paradoxes_table(const Election& election, const ParadoxSearch& search);
// "searched: …", "findings: …" — for the table footer and stderr.
std::vector<std::string> paradox_search_summary(const ParadoxSearch& search);
// The same as JSON: {"complete", "seconds", "allocations", "lists", "lists_searched", …}.
Json paradox_search_json(const ParadoxSearch& search);

}  // namespace seatsim
