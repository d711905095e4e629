// The registry of leveling placement rules. Built-in rules are listed here (a static library
// drops self-registering objects nobody references); others may be added at run time.
#include "seatsim/kernel/leveling_placement.hpp"

#include <mutex>

#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<PlacementEntry> entries;
};

Registry& registry() {
  static Registry instance{
      {},
      {
          {"norway",
           "Norway: quotient votes/(2n+1) per district seat's worth of votes, highest first, one leveling seat per "
           "district",
           place_norway},
          {"sweden",
           "Sweden (since 2018): each party's adjustment seats one at a time to the constituency with the highest "
           "votes/(2n+1), n the seats it holds there; no cap per constituency; excess fixed seats returned",
           place_sweden, return_excess_sweden, /*per_district_cap=*/false},
          {"denmark",
           "Denmark (since 2007): the leveling seats to the leveling-regions by one ranking of votes/(2n+1), n the "
           "party's district seats there, each region and party served until full; then each party's seats in a "
           "region to its districts by votes/(3n+1); no cap per district",
           place_denmark,
           {},
           /*per_district_cap=*/false},
      }};
  return instance;
}

}  // namespace

void register_leveling_placement(PlacementEntry entry) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  for (PlacementEntry& existing : r.entries)
    if (existing.name == entry.name) {
      existing = std::move(entry);
      return;
    }
  r.entries.push_back(std::move(entry));
}

PlacementEntry leveling_placement(std::string_view name) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  for (const PlacementEntry& entry : r.entries)
    if (entry.name == name) return entry;
  std::string known;
  for (const PlacementEntry& entry : r.entries) known += (known.empty() ? "" : ", ") + entry.name;
  throw Error("unknown leveling placement '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<std::string> leveling_placement_names() {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const PlacementEntry& entry : r.entries) names.push_back(entry.name);
  return names;
}

}  // namespace seatsim
