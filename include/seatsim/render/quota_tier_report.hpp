#pragma once
// How a quota tier and its national remainder tier were reached, for `seatsim explain` (Austria's
// National Council, the Czech Chamber): each district's quota and the whole quotas it handed out,
// each list's remainder passed up, the national tier's apportionment, and where its seats were placed.
#include <string>

#include "seatsim/core/election.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// Columns: district,party,votes,quota,quota_seats,remainder,upper_seats,seats. One row per list:
// quota the district's quota (a decimal, rounded to 4 places for display), quota_seats the whole quotas
// it took (after any withdrawal), remainder its votes not used by them (v − s·Q; empty for a list
// below the threshold), upper_seats the national tier's seats placed in this district.
// `district` non-empty: only that district's rows.
Table quota_tier_district_table(const Election& election, const ElectionOutcome& outcome,
                                const std::string& district = {});

// Columns: district,seats,quota,quota_seats,withdrawn,left_over: each district's seats, its quota, the
// whole quotas handed out, those withdrawn because they exceeded the seats, the seats left to the
// national tier.
Table quota_tier_summary_table(const Election& election, const ElectionOutcome& outcome);

// Columns: party,votes,upper_votes,status,quota_seats,upper_seats,seats: the national tier; status
// takes_part or below_threshold; upper_votes the votes it apportioned (remainders summed, or all votes).
Table quota_tier_national_table(const Election& election, const ElectionOutcome& outcome);

// {"districts": summary records, "national": national records, "quota_exact": {district: "num/den"}}.
Json quota_tier_to_json(const Election& election, const ElectionOutcome& outcome);

// The three tables with headings: aligned text, or markdown.
std::string quota_tier_text(const Election& election, const ElectionOutcome& outcome, const std::string& district = {},
                            bool markdown = false);

}  // namespace seatsim
