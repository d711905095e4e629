// The routes into a leveling tier besides its national threshold, and their registry. Built-in
// routes are listed here (a static library drops self-registering objects nobody references).
#include "seatsim/kernel/leveling_qualification.hpp"

#include <charconv>
#include <map>
#include <mutex>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<QualificationEntry> entries;
};

Registry& registry() {
  static Registry instance{
      {},
      {
          {"district-seats", "won at least COUNT seats in the district tier (all districts together)",
           qualifies_by_district_seats},
          {"region-average",
           "in at least COUNT regions, as many votes as the region's valid votes per district seat (Denmark)",
           qualifies_by_region_average},
      }};
  return instance;
}

// Each party's votes per district, [party][district], and its district seats in all.
struct PartyTotals {
  std::vector<std::vector<std::int64_t>> votes;
  std::vector<std::int64_t> seats;
};

PartyTotals party_totals(const QualificationInput& input) {
  std::map<std::string, std::size_t> index;
  for (std::size_t p = 0; p < input.parties.size(); ++p) index.emplace(input.parties[p], p);
  const std::size_t districts = input.election.districts.size();
  PartyTotals totals{
      std::vector<std::vector<std::int64_t>>(input.parties.size(), std::vector<std::int64_t>(districts, 0)),
      std::vector<std::int64_t>(input.parties.size(), 0)};
  for (std::size_t d = 0; d < districts; ++d) {
    const District& district = input.election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const auto it = index.find(district.lists[i].party);
      if (it == index.end()) continue;
      totals.votes[it->second][d] += district.lists[i].votes;
      totals.seats[it->second] += input.district_seats[d][i];
    }
  }
  return totals;
}

}  // namespace

QualificationRoute QualificationRoute::parse(std::string_view text) {
  const auto space = text.find(' ');
  QualificationRoute route;
  route.name = std::string(text.substr(0, space));
  (void)leveling_qualification(route.name);
  if (space == std::string_view::npos) return route;
  const std::string_view count = text.substr(space + 1);
  const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), route.count);
  if (count.empty() || error != std::errc() || end != count.data() + count.size() || route.count < 1)
    throw Error("leveling-threshold-or: '" + std::string(text) + "': the count is not a whole number from 1");
  return route;
}

std::string QualificationRoute::to_string() const { return name + " " + std::to_string(count); }

void register_leveling_qualification(QualificationEntry entry) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  for (QualificationEntry& existing : r.entries)
    if (existing.name == entry.name) {
      existing = std::move(entry);
      return;
    }
  r.entries.push_back(std::move(entry));
}

QualificationEntry leveling_qualification(std::string_view name) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  for (const QualificationEntry& entry : r.entries)
    if (entry.name == name) return entry;
  std::string known;
  for (const QualificationEntry& entry : r.entries) known += (known.empty() ? "" : ", ") + entry.name;
  throw Error("unknown leveling qualification route '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<std::string> leveling_qualification_names() {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const QualificationEntry& entry : r.entries) names.push_back(entry.name);
  return names;
}

std::vector<bool> qualifies_by_district_seats(const QualificationInput& input, std::int64_t count) {
  const PartyTotals totals = party_totals(input);
  std::vector<bool> out;
  for (const std::int64_t seats : totals.seats) out.push_back(seats >= count);
  return out;
}

std::vector<bool> qualifies_by_region_average(const QualificationInput& input, std::int64_t count) {
  if (input.regions.empty()) throw Error("leveling-threshold-or: the route 'region-average' needs leveling-regions");
  const std::vector<std::size_t> region_of = region_of_districts(input.election, input.regions);
  std::vector<std::int64_t> region_votes(input.regions.size(), 0), region_seats(input.regions.size(), 0);
  for (std::size_t d = 0; d < input.election.districts.size(); ++d) {
    region_votes[region_of[d]] += input.election.districts[d].total_votes();
    region_seats[region_of[d]] += input.election.districts[d].seats;
  }
  const PartyTotals totals = party_totals(input);
  std::vector<bool> out;
  for (const std::vector<std::int64_t>& by_district : totals.votes) {
    std::vector<std::int64_t> votes(input.regions.size(), 0);
    for (std::size_t d = 0; d < by_district.size(); ++d) votes[region_of[d]] += by_district[d];
    std::int64_t regions_passed = 0;
    for (std::size_t r = 0; r < votes.size(); ++r)
      if (region_seats[r] > 0 && votes[r] > 0 &&
          static_cast<i128>(votes[r]) * region_seats[r] >= static_cast<i128>(region_votes[r]))
        ++regions_passed;
    out.push_back(regions_passed >= count);
  }
  return out;
}

}  // namespace seatsim
