#pragma once
// How a mixed-member allocation was reached, for `seatsim explain` and the HTML report: which parties take
// part and why (threshold or constituency route), each party's entitlement against its constituency seats,
// overhang (New Zealand), the Land lists and the constituency winners left without second-vote coverage
// (Germany 2023), and each region's list seats step by step (Scotland). All from the kernel's record
// (MixedMemberTrace) and outcome; nothing is recomputed here.
#include <string>

#include "seatsim/core/election.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// Columns: party,votes,status,constituency_wins,entitlement,constituency_seats,unseated,list_seats,
// overhang,seats. status: takes_part (threshold), takes_part (constituency route: N wins), takes_part
// (threshold and constituency route), takes_part (exempt from the threshold), or below_threshold. entitlement: its
// share of the seats apportioned nationally (empty under Scotland's regional rule and for a party not taking part).
Table mixed_member_national_table(const MixedMemberOutcome& mixed, const MixedMemberTrace& trace,
                                  MixedMemberRule::Kind kind);

// Columns: district,party,votes,entitlement,constituency_wins,constituency_seats,unseated,list_seats,seats:
// per Land (Germany: entitlement the Land list's seats) or region (Scotland); empty for one national
// district (New Zealand). `district` non-empty: only that district's rows.
Table mixed_member_district_table(const Election& election, const ElectionOutcome& outcome,
                                  const MixedMemberTrace& trace, MixedMemberRule::Kind kind,
                                  const std::string& district = {});

// Columns: step,party,district,comparison,divisor,reason. Scotland: per region, step 0 the constituency
// seats a party starts with, then each list seat's candidates passed over and the seat awarded (comparison
// votes / divisor, rounded to 6 places for display). Germany: each constituency winner ranked by first-vote
// share in its party's Land (comparison winner_votes/valid_votes), seated or not. Empty for New Zealand.
Table mixed_member_step_table(const MixedMemberTrace& trace, const std::string& district = {});

// {"house", "apportioned", "taken_off_first", "route", "national", "districts", "steps" (each with
// comparison_exact and region), "independents", "unseated"}.
Json mixed_member_to_json(const Election& election, const ElectionOutcome& outcome, const MixedMemberTrace& trace,
                          MixedMemberRule::Kind kind, const std::string& district = {});

// The tables with headings and the House line: aligned text, or markdown.
std::string mixed_member_text(const Election& election, const ElectionOutcome& outcome, const MixedMemberTrace& trace,
                              MixedMemberRule::Kind kind, const std::string& district = {}, bool markdown = false);

}  // namespace seatsim
