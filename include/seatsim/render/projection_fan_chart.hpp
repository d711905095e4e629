#pragma once
// The fan chart of a projection with draws (analysis/projection.hpp): per party a row of nested
// bands, its 99, 95, 90, 80 and 50 % central seat intervals (widest and palest first), a line at
// the median and a diamond at the base election's seats, in the run's party colours
// (render/party_colours.hpp). Written as plain SVG; every band is one
// `<rect class="band" data-party data-level data-lo data-hi>` and the marks carry `data-seats`, so
// that tests (and scripts) can read the numbers back.
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "seatsim/analysis/projection.hpp"
#include "seatsim/io/party_styles.hpp"

namespace seatsim {

// The levels the chart draws, in percent, narrowest first.
inline constexpr std::array<unsigned, 5> fan_levels = {50, 80, 90, 95, 99};

// A party's central intervals at fan_levels from its seat counts over `draws` draws: the lower end
// the smallest k with P(seats <= k) >= (1 - level) / 2, the upper the smallest k with
// P(seats <= k) >= (1 + level) / 2 (exact, as the projection's own intervals).
std::array<std::pair<std::int64_t, std::int64_t>, fan_levels.size()> fan_intervals(const ProjectedParty& party,
                                                                                   std::uint64_t draws);

// The chart of `result` (which has draws); `styles` give every party a colour (run_party_styles of
// the base; a list the base lacks, new:NAME, takes the colour its name says, else the others' grey).
// Parties with no seat in any draw and none in the base are left out (the subtitle counts them).
std::string projection_fan_svg(const ProjectionResult& result, const PartyStyles& styles, const std::string& title);

}  // namespace seatsim
