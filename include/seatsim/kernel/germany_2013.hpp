#pragma once
// The Bundestag under the 2013 law, as applied in 2013 and 2017 (Bundeswahlgesetz § 6 as amended by the
// 22nd amending act of 3 May 2013): overhang fully balanced by enlarging the House. The mixed-member
// component `germany-2013` (seatsim/kernel/mixed_member.hpp); districts are the Länder.
//
// 1. `house_seats` (598) go to the Länder by the method (Sainte-Laguë/Schepers) on each Land's German
//    population (districts.csv `population`).
// 2. In each Land, its seats less the constituency seats of independents and of parties that do not take
//    part go to the Land lists of the parties that do (5% of the national second votes, or
//    `constituency_route` (3) constituency wins; threshold_exempt for national minorities) by the method.
// 3. Each party's minimum: over the Länder, the larger of its constituency wins and its seats from 2.
// 4. The seats apportioned nationally (598 less the seats taken off first) grow one at a time until the
//    method's apportionment on the national second votes gives every party at least its minimum.
// 5. Each party's seats go to its Land lists by the method, each at least its constituency wins there
//    (the bounded divisor method, seatsim/kernel/seat_bounds.hpp).
// Every step is an exact apportionment; equal quotients are decided by the rule's tie rule and named.
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"

namespace seatsim {

// `trace` may be null (no explain record). Throws seatsim::Error(file, line) for a Land without a
// population, or a Land with more seats taken off first than its contingent.
ElectionOutcome allocate_germany_2013(const Election& election, const Rule& rule, MixedMemberTrace* trace);

}  // namespace seatsim
