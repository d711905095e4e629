#pragma once
// House effects given by the user: a CSV `pollster,party,points`, one row per pollster and party,
// `points` a decimal in percentage points (positive: the pollster overstates the party), read
// exactly and held as a double. `party` is a list of the base election (or a new list), checked by
// the projection. Errors name the file and the line.
#include <map>
#include <string>

#include "seatsim/io/csv.hpp"

namespace seatsim {

// pollster -> party -> points
using HouseEffects = std::map<std::string, std::map<std::string, double>>;

HouseEffects parse_house_effects(const CsvTable& table);
HouseEffects read_house_effects_file(const std::string& path);

}  // namespace seatsim
