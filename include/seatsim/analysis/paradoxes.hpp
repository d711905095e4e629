#pragma once
// A bounded search of one election for the paradoxes that make seat rules contested, each finding
// with a witness (the exact change, the seats before and after) that is re-checked by allocating
// the changed election again from scratch. What is searched (docs/paradoxes.md):
//
//  - votes: every list of every district, its votes changed over a grid (±1, ±10, ±100, … and
//    ±0.1 %, 0.2 %, 0.5 %, 1 %, 2 %, 5 %, 10 %, 20 %, 50 % of its votes, down to none), every
//    change of the whole result between grid points found exactly by bisection; and every party
//    nationally (its votes in every district scaled by the same factor, in parts per million).
//    A party that gains votes and ends with fewer seats in all (or a list with fewer seats in its
//    district) is a non-monotonicity; one that loses votes (to abstention) and ends with more,
//    negative vote weight; under tiers, seats
//    that move between two other districts when votes change in one are reported too;
//  - seats: every district's seats from −10 % to +10 % (at least ±1) one by one, and under leveling
//    the leveling seats likewise: a list (or, under tiers, a party in all) that loses a seat when
//    one seat is added is an Alabama paradox;
//  - the population paradox between the lists of one apportionment (population_paradox.hpp): in a
//    district of a rule without tiers, a list that grows at least as fast as another (in ratio) and
//    loses a seat to it, when a third list's votes change.
//
// The search stops at `max_seconds` and says how far it got. A clean result proves nothing beyond
// the changes it tried.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

enum class ParadoxKind { non_monotonicity, negative_vote_weight, alabama, seats_move_elsewhere, population };
std::string paradox_kind_name(ParadoxKind kind);

// What was changed: a list's votes in one district, a party's votes everywhere (scaled), one
// district's seats, or the leveling seats.
enum class ParadoxChange { district_votes, national_votes, district_seats, leveling_seats };

struct ParadoxFinding {
  ParadoxKind kind = ParadoxKind::non_monotonicity;
  ParadoxChange change = ParadoxChange::district_votes;
  std::optional<std::size_t> district;  // where votes or seats changed (district_votes, district_seats)
  std::optional<std::size_t> list;      // the list whose votes changed (district_votes)
  std::string party;                    // whose votes changed; for alabama the party that loses a seat
  // The change: votes added (< 0: removed), or parts per million of every list's votes (national),
  // or 1 seat (district_seats, leveling_seats).
  std::int64_t amount = 0;
  // The changed quantity before and after: the list's votes, the party's national votes, the
  // district's seats or the leveling seats.
  std::int64_t value_before = 0, value_after = 0;
  // The party's seats before and after: in all, or (list_seats) the list's seats in its district.
  std::int64_t seats_before = 0, seats_after = 0;
  bool list_seats = false;
  std::string detail;  // one line: what moved where
  bool rechecked = false;
  // population: the district's votes after the change, every list (a census), and the list that
  // takes the seat from `list` (which grows at least as fast in ratio and loses it).
  std::vector<std::int64_t> votes_after;
  std::optional<std::size_t> gainer;
};

struct ParadoxOptions {
  double max_seconds = 60;
};

struct ParadoxSearch {
  std::vector<ParadoxFinding> findings;
  std::size_t lists = 0, lists_searched = 0;  // (district, list) pairs
  std::size_t parties = 0, parties_searched = 0;
  std::size_t districts = 0, districts_searched = 0;  // seat changes
  bool leveling_searched = false;
  std::size_t population_districts = 0, population_searched = 0;  // districts the population search applies to
  bool complete = false;                                          // false: stopped at max_seconds
  std::size_t allocations = 0;
  double seconds = 0;
  std::size_t failed_rechecks = 0;  // findings dropped because allocating again did not confirm them
};

// The search grid for a list or party with `votes` votes, in votes added (or, `down`, removed), > 0,
// ascending: 1, 10, 100, … up to half the votes, and 0.1 %, 0.2 %, 0.5 %, … 50 % of them (down: and all).
std::vector<std::int64_t> paradox_vote_grid(std::int64_t votes, bool down);

// Throws seatsim::Error where `allocate` would on the cast election.
ParadoxSearch search_paradoxes(const Election& election, const Rule& rule, const ParadoxOptions& options = {});

// Allocates the witness's changed election (and the unchanged one) again and checks the finding's
// condition and seats; false when they do not hold.
bool recheck_paradox(const Election& election, const Rule& rule, const ParadoxFinding& finding);

}  // namespace seatsim
