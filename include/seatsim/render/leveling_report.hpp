#pragma once
// How the leveling (adjustment) tier was reached, for `seatsim explain`: the national apportionment
// (each party's entitlement against its district seats, excess seats returned) and the award table
// (each leveling seat in the order it was placed, the comparison number that won it, and the
// candidates passed over with the reason).
#include <string>

#include "seatsim/core/json.hpp"
#include "seatsim/kernel/leveling.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// Columns: party,votes,status,national_seats,district_seats,returned_seats,leveling_seats.
// status: takes_part, below_threshold, dropped (district seats over its share, apportionment
// repeated without it), returns_excess (keeps its share, gives back the rest).
Table leveling_national_table(const LevelingOutcome& leveling);

// Placement by region (Denmark): columns party,region,votes,district_seats,leveling_seats, one row per
// party and region; empty for other placement rules.
Table leveling_region_table(const LevelingOutcome& leveling);

// Columns: step,party,district,comparison,divisor,reason. Placement by region: first the region step,
// its rows' district the region and their reason prefixed "region step: ". One row per leveling seat (reason
// "awarded", or "awarded by tie rule"), preceded by the candidates passed over before it (their
// reason); then the returned seats (step 0, reason "returned: ..."). `district` non-empty: only the
// rows of that district. comparison: a decimal rounded to 6 places (display; the seat was decided exactly).
Table leveling_award_table(const LevelingOutcome& leveling, const std::string& district = {});

// {"national": [...], "returned": [...], "awards": [{step, party, district, comparison,
// comparison_exact, divisor, tie, skipped: [{party, district, comparison, comparison_exact, divisor,
// reason}]}]}; awards filtered by `district` as above. Placement by region adds "regions" (the regional
// split's records) and "region_awards" (as awards, district being the region).
Json leveling_to_json(const LevelingOutcome& leveling, const std::string& district = {});

// Both tables with headings: aligned text, or markdown.
std::string leveling_text(const LevelingOutcome& leveling, const std::string& district = {}, bool markdown = false);

}  // namespace seatsim
