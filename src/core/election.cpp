#include "seatsim/core/election.hpp"

#include <algorithm>

namespace seatsim {

std::int64_t District::total_votes() const noexcept {
  std::int64_t total = 0;
  for (const ListResult& list : lists) total += list.votes;
  return total;
}

bool District::has_published() const noexcept {
  return !lists.empty() &&
         std::all_of(lists.begin(), lists.end(), [](const ListResult& l) { return l.published_seats.has_value(); });
}

std::int64_t Election::total_votes() const noexcept {
  std::int64_t total = 0;
  for (const District& district : districts) total += district.total_votes();
  return total;
}

std::int64_t Election::total_seats() const noexcept {
  std::int64_t total = 0;
  for (const District& district : districts) total += district.seats;
  return total;
}

bool Election::has_published_tiers() const noexcept {
  return std::any_of(districts.begin(), districts.end(), [](const District& d) {
    return std::any_of(d.lists.begin(), d.lists.end(),
                       [](const ListResult& l) { return l.published_leveling_seats.has_value(); });
  });
}

Election district_tier_published(const Election& election) {
  Election tier = election;
  for (District& district : tier.districts)
    for (ListResult& list : district.lists)
      if (list.published_district_seats) list.published_seats = list.published_district_seats;
  return tier;
}

const District* Election::find(const std::string& district) const noexcept {
  for (const District& d : districts)
    if (d.name == district) return &d;
  return nullptr;
}

}  // namespace seatsim
