#pragma once
// The population paradox (Balinski and Young, "Fair Representation", 1982: population
// monotonicity) between the lists of one apportionment, e.g. the states of a house apportioned by
// population (party = state, votes = population, one district): a list A whose votes grow at least
// as fast as list B's (in ratio: A'/A ≥ B'/B) yet loses a seat to B (A has fewer, B more).
// Divisor methods never show it; quota methods (Hamilton) can.
//
// The bounded search, in one district of a rule without tiers: every list C's votes over the vote
// grid of paradoxes.hpp, up and down, each grid point allocated; for every pair (A, B) of other
// lists where A lost a seat and B gained one, A's own votes are then raised over the same grid as
// long as the paradox holds, so that the witness has A growing strictly faster than B (B unchanged).
// Where no raise keeps it, the witness is the weak form (A and B unchanged). One witness per pair,
// the first grid point of the first list C that gives the strict form (else the first weak one).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "seatsim/analysis/paradoxes.hpp"
#include "seatsim/core/election.hpp"

namespace seatsim {

// The seats of district `district`'s lists in an election, none where it cannot be allocated.
using ListSeatsOf = std::function<std::optional<std::vector<std::int64_t>>(const Election&)>;

struct PopulationSearch {
  std::vector<ParadoxFinding> findings;  // not yet re-checked
  bool complete = true;                  // false: `expired` stopped it
};

PopulationSearch search_population_paradox(const Election& cast, std::size_t district,
                                           const std::vector<std::int64_t>& cast_seats, const ListSeatsOf& seats_of,
                                           const std::function<bool()>& expired);

// The witness's condition on the seats allocated before and after (a list's seats in the district).
bool population_paradox_holds(const Election& before, const Election& after, const ParadoxFinding& finding,
                              const std::vector<std::int64_t>& seats_before,
                              const std::vector<std::int64_t>& seats_after);

}  // namespace seatsim
