#pragma once
// Seat margins: how firm each seat is. For every list of every district, the fewest added votes
// that win it one more seat and the most votes it can lose and keep all its seats (all other
// votes unchanged), exactly, under the whole rule: method, first divisor, threshold (a list may
// cross or fall below it, and a share threshold's base moves with the votes), reserved seats.
//
// The margin is where the list *wins* (or first fails to keep) the seat under the active tie
// rule: at an exact tie the tie rule decides; under `--ties error` a tie counts as not won, so
// the margin is the number of votes that wins the seat outright. A margin never rests on a lot:
// where a lot would decide (the `lot` rule, or the lot fallback of `more-votes`/`fewer-votes`
// between equal votes), the margin is the one that holds whatever the lot draws, and the point
// where the seat would instead go to a lot is reported beside it (gain_at_lot, lose_at_lot).
// Under tiers the configured draw stays (one seed draws every district's lots) and both are empty.
//
// Under a rule with tiers (leveling seats, a biproportional apportionment) a list's seats are its
// total seats in the district after all tiers, every probe re-allocates the whole election, and
// a tie or impossible allocation anywhere counts as neither won nor kept; see Margins::proven_smallest.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

struct ListMargin {
  std::size_t district = 0;
  std::size_t list = 0;
  std::int64_t votes = 0;
  std::int64_t seats = 0;
  // Smallest x ≥ 1 such that votes + x gives at least seats + 1 whatever any lot draws; none
  // when no number of votes up to the per-list limit (max_votes) does (the list already holds
  // every seat it can).
  std::optional<std::int64_t> votes_to_gain;
  // Largest y such that votes − y' keeps all its seats for every y' ≤ y whatever any lot draws;
  // none without seats. Equals `votes` when the list keeps its seats even with no votes (a
  // reserved group's only list); 0 (with lose_at_lot 0) when its seats already rest on a lot.
  std::optional<std::int64_t> votes_to_lose;
  // The fewest added votes (≥ 0) at which some lot would give the list a seat more, when that is
  // fewer than votes_to_gain: the seat goes to a lot there. None when the boundary is no lot.
  std::optional<std::int64_t> gain_at_lot;
  // The smallest loss (≥ 0) at which some lot would take a seat from the list while another draw
  // keeps it (votes_to_lose + 1, or 0 when a seat is held by lot already). None when no lot.
  std::optional<std::int64_t> lose_at_lot;
  std::vector<std::size_t> gain_from;  // lists (of the district) that lose a seat at votes + votes_to_gain
  std::vector<std::size_t> lose_to;    // lists that gain a seat at votes − (votes_to_lose + 1)
  // Under tiers: lists of other districts whose total seats change there, as (district, list).
  std::vector<std::pair<std::size_t, std::size_t>> gain_from_elsewhere;  // lose a seat
  std::vector<std::pair<std::size_t, std::size_t>> lose_to_elsewhere;    // gain a seat
};

// A seat held by a list, and the cheapest way it changes hands: the holder losing votes, or the
// strongest challenger (a list whose gain takes its seat from this holder) gaining them.
struct FragileSeat {
  std::size_t district = 0;
  std::size_t holder = 0;                       // the list whose last seat it is
  std::optional<std::int64_t> holder_loss;      // votes the holder must lose (votes_to_lose + 1)
  std::vector<std::size_t> lose_to;             // who gains the seat then
  std::optional<std::size_t> challenger;        // the list that takes it with the fewest added votes
  std::optional<std::int64_t> challenger_gain;  // that list's votes_to_gain
  std::int64_t margin = 0;                      // the smaller of holder_loss and challenger_gain
};

struct Margins {
  ElectionOutcome outcome;           // the allocation the margins are measured from
  std::vector<ListMargin> lists;     // every list, districts and lists in input order
  std::vector<FragileSeat> ranking;  // every seat that can change hands, most fragile first
  // Per district, the index into `ranking` of its closest seat (none: nothing can change).
  std::vector<std::optional<std::size_t>> closest;
  // False under tiers (leveling seats, biproportional apportionment): `seats` are then a list's
  // total seats after all tiers, and each margin is a confirmed crossing found by a galloping
  // search, not proven the smallest (seats need not be monotone in votes there).
  bool proven_smallest = true;
};

// Throws seatsim::Error where `allocate` would.
Margins compute_margins(const Election& election, const Rule& rule);

// The margins of one list (district index, list index within it), given the election's outcome.
ListMargin list_margin(const Election& election, const Rule& rule, const ElectionOutcome& outcome, std::size_t district,
                       std::size_t list);

}  // namespace seatsim
