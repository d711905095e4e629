#pragma once
// Elections built in place from (party, votes) pairs, for tests: the aggregates have more members than a
// test names.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "seatsim/core/election.hpp"

namespace seatsim::test {

using Lists = std::vector<std::pair<std::string, std::int64_t>>;

inline District district_of(const std::string& name, std::int64_t seats, const Lists& lists) {
  District district;
  district.name = name;
  district.seats = seats;
  for (const auto& [party, votes] : lists) {
    ListResult list;
    list.party = party;
    list.votes = votes;
    district.lists.push_back(list);
  }
  return district;
}

// One unnamed district.
inline Election one_district(const Lists& lists, std::int64_t seats) {
  Election election;
  election.districts.push_back(district_of("", seats, lists));
  return election;
}

}  // namespace seatsim::test
