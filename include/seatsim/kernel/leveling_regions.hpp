#pragma once
// Regions of a leveling tier: groups of districts that take a fixed number of leveling seats each
// (Denmark's three landsdele, Folketingsvalgloven § 10 and § 78). A placement rule that works by
// region (leveling_placement.hpp) reads them; the qualification route "region-average" measures
// votes against them. Written "Hovedstaden (11): Københavns Storkreds; Bornholms Storkreds".
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/election.hpp"

namespace seatsim {

struct LevelingRegion {
  std::string name;
  std::int64_t seats = 0;              // leveling seats the region takes
  std::vector<std::string> districts;  // the districts it is made of

  // "NAME (SEATS): DISTRICT; DISTRICT; ..."; throws seatsim::Error saying what is wrong.
  static LevelingRegion parse(std::string_view text);
  std::string to_string() const;
};

// For each district of `election`, the index of its region in `regions`. Throws seatsim::Error for a
// district in no region or in two, and for a region naming a district the election does not have.
std::vector<std::size_t> region_of_districts(const Election& election, const std::vector<LevelingRegion>& regions);

}  // namespace seatsim
