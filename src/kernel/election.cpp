#include "seatsim/election.hpp"

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

const District* Election::find(const std::string& district) const noexcept {
  for (const District& d : districts)
    if (d.name == district) return &d;
  return nullptr;
}

}  // namespace seatsim
