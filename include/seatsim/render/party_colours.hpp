#pragma once
// One colour per party for every chart of a run (hemicycle, compare, diff, sweep, seats–votes,
// the HTML report and the explorer): assigned once from the base data set, never per chart, so
// that a list keeps its colour whichever chart, district or what-if shows it.
//
// In order of the lists' national votes in the base data set (most first), each party takes
//  1. its own colour from parties.csv / --parties, else
//  2. the colour its name says ("Green", "Red Party", "Blue Alliance"), else
//  3. the next colour of the colour-blind-safe palette not yet taken;
// once the palette is used up, the remaining (smaller) lists share one grey and legends group
// them as "others".
#include <string>
#include <string_view>

#include "seatsim/core/election.hpp"
#include "seatsim/io/party_styles.hpp"

namespace seatsim {

// The grey of the lists beyond the palette; legends group lists of this colour as "others".
const std::string& others_colour();

// "#009E73" for a name holding the word "green" (any case, a whole word), and so on for the
// common colour words; empty when the name says no colour.
std::string colour_named_in(std::string_view party);

// `given` with a colour for every party of `base` (its order, the seating order, unchanged).
PartyStyles run_party_styles(const Election& base, const PartyStyles& given);
// The same with the data set's own parties.csv in `folder` (none: every colour by vote rank), as the charts of a
// command draw it.
PartyStyles data_set_party_styles(const Election& base, const std::string& folder);

}  // namespace seatsim
