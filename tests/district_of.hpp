#pragma once
// Elections built in place from (party, votes) pairs, for tests: the aggregates have more members than a
// test names.
#include <cstdint>
#include <string>
#include <tuple>
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

// An election of the given districts.
inline Election election_of(std::vector<District> districts) {
  Election election;
  election.source = "test";
  election.districts = std::move(districts);
  return election;
}

// An election from (name, seats, lists) rows, as the leveling suites write their examples.
using DistrictRow = std::tuple<std::string, std::int64_t, Lists>;
inline Election make_election(const std::vector<DistrictRow>& rows) {
  std::vector<District> districts;
  for (const auto& [name, seats, lists] : rows) districts.push_back(district_of(name, seats, lists));
  return election_of(std::move(districts));
}

// Three districts of 4, 3 and 2 seats and five parties (E stands in two): the small example the
// leveling, index and uncertainty suites share.
inline Election three_leveling_districts() {
  return election_of({district_of("N", 4, {{"A", 5100}, {"B", 3000}, {"C", 1500}, {"D", 700}, {"E", 300}}),
                      district_of("S", 3, {{"A", 2000}, {"B", 3500}, {"C", 1200}, {"D", 400}, {"E", 250}}),
                      district_of("W", 2, {{"A", 1800}, {"B", 1600}, {"C", 900}, {"D", 500}})});
}

// One unnamed district.
inline Election one_district(const Lists& lists, std::int64_t seats) {
  Election election;
  election.districts.push_back(district_of("", seats, lists));
  return election;
}

}  // namespace seatsim::test
