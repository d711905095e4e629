#pragma once
// The explorer reads no file a request names (docs/explorer.md, "Safety"). A rule key whose value
// can name a file (a CSV of party thresholds, seat bounds, leveling capacities) is refused here,
// in a scenario posted to /api/scenario and as an API parameter, before anything is resolved or
// opened: the refusal is the same whether the file exists or not and never quotes the value.
//
// This is the one place to replace when the request path runs with no file access at all (the
// shared system model's no-file-access flag): then these checks become that flag.
#include <string>
#include <vector>

#include "seatsim/io/scenario.hpp"

namespace seatsim::server {

// The [rule] keys whose value can name a file, as a scenario spells them.
const std::vector<std::string>& file_valued_rule_keys();

// Throws seatsim::Error(scenario.path, line, ...) for the first file-valued key the scenario's
// [rule] sets (leveling_per_district only when it is not a whole number of seats).
void refuse_file_keys(const Scenario& scenario);

// Throws seatsim::Error for a request parameter (flag spelling, "seat-bounds") that names a file.
void refuse_file_parameter(const std::string& flag);

}  // namespace seatsim::server
