#pragma once
// Other routes into a leveling tier than its national threshold: a composite threshold whose
// alternatives are registered by name (as methods and placement rules are), so that another
// statute's route is one definition and one registration. Denmark (Folketingsvalgloven § 77 (1)):
// 2% nationally, or a constituency seat ("district-seats 1"), or in two of the three landsdele as
// many votes as the landsdel's valid votes per constituency seat ("region-average 2").
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/leveling_regions.hpp"

namespace seatsim {

// What a route can look at: the election, the district tier's seats and the regions (may be empty).
struct QualificationInput {
  const Election& election;
  const std::vector<std::vector<std::int64_t>>& district_seats;  // [district][list], district tier
  const std::vector<LevelingRegion>& regions;
  const std::vector<std::string>& parties;  // the parties to judge, in national order
};

// A route as written in a rule: its registered name and a count ("region-average 2"; default 1).
struct QualificationRoute {
  std::string name;
  std::int64_t count = 1;

  // Throws seatsim::Error for an unknown name or a count that is not a positive whole number.
  static QualificationRoute parse(std::string_view text);
  std::string to_string() const;
};

// For each of input.parties, whether it qualifies by this route with argument `count`.
using QualificationTest = std::function<std::vector<bool>(const QualificationInput&, std::int64_t count)>;

struct QualificationEntry {
  std::string name;
  std::string description;
  QualificationTest test;
};

// Adds a route (replacing one of the same name). The built-in routes are always registered.
void register_leveling_qualification(QualificationEntry entry);
// A copy of the route named `name`; throws seatsim::Error naming the known routes.
QualificationEntry leveling_qualification(std::string_view name);
std::vector<std::string> leveling_qualification_names();

// "district-seats k": the party won at least k seats in the district tier, all districts together.
std::vector<bool> qualifies_by_district_seats(const QualificationInput& input, std::int64_t count);
// "region-average k": in at least k regions the party's votes are at least the region's valid votes
// divided by its district seats (compared exactly: v·S ≥ V). Throws when no regions are given.
std::vector<bool> qualifies_by_region_average(const QualificationInput& input, std::int64_t count);

}  // namespace seatsim
