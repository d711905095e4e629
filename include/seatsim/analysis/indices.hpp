#pragma once
// Disproportionality and fragmentation indices of a result, per district and for the whole
// election (national = votes and seats summed by party name over the districts). Every index is
// computed from the exact counts with integer arithmetic and given as a fixed-point number,
// value × 10^6, rounded to the nearest (halves up); docs/indices.md has each formula, its
// reference, and the one index (Sainte-Laguë) whose last digit may differ from the exact value's.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {

// In this order everywhere (tables, JSON keys). Percentage points except dhondt (a ratio) and the
// effective numbers of parties.
inline constexpr std::array<std::string_view, 8> index_names = {
    "gallagher", "loosemore_hanby", "sainte_lague", "dhondt", "rae", "enp_votes", "enp_seats", "wasted_share"};

struct Indices {
  // value × 10^6 per index of index_names; none where it is undefined (no votes, or no seats).
  std::array<std::optional<std::int64_t>, index_names.size()> micro;
};

// One party (or list) per entry; `wasted_votes` are the votes of lists that won no seat in their
// district (for a district: the lists with 0 seats). Throws seatsim::Error when the counts are too
// large for exact 128-bit arithmetic (votes × seats above about 10^19).
Indices compute_indices(std::span<const std::int64_t> votes, std::span<const std::int64_t> seats,
                        std::int64_t wasted_votes);

struct IndexRow {
  std::string district;  // the district's name; empty for the national row
  bool national = false;
  Indices values;
};

// Per district (input order), then the national row. `seats[d][i]` are list i of district d's seats.
std::vector<IndexRow> election_indices(const Election& election, const std::vector<std::vector<std::int64_t>>& seats);

// The same from votes and seats given per district (lists in input order), list i of district d
// belonging to national party list_party[d][i] (0 .. parties-1): one Indices per district, then
// the national one. For callers that hold many results of one election (Monte Carlo draws).
std::vector<Indices> district_and_national_indices(std::span<const std::span<const std::int64_t>> votes,
                                                   std::span<const std::span<const std::int64_t>> seats,
                                                   const std::vector<std::vector<std::size_t>>& list_party,
                                                   std::size_t parties);

// The indices of the published seats: the districts whose every list has published seats, then the
// national row only when every district has them.
std::vector<IndexRow> published_indices(const Election& election);

// The seats of an outcome in that shape.
std::vector<std::vector<std::int64_t>> outcome_seats(const ElectionOutcome& outcome);

// "4.123457": a value × 10^6 as a decimal with six places.
std::string format_micro(std::int64_t micro);

}  // namespace seatsim
