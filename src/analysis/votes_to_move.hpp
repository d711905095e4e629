#pragma once
// How many votes would have had to move for a published divisor outcome: the fewest votes that,
// taken from the lists the recomputation favours and given to those the publication favours (all
// other lists unchanged), make the rule give the published seats.
//
// With a common divisor λ, the published seats p are the outcome when every list's votes w lie in
// [λ·d(p−1), λ·d(p)]; the unchanged lists bound λ to [lo, hi]. Moving t votes suffices iff some λ
// in [lo, hi] has UP(λ) ≤ t and DOWN(λ) ≤ t, where UP = Σ over favoured-by-publication lists of
// ⌈λ·d(p−1)⌉ − v and DOWN = Σ over favoured-by-recomputation lists of v − ⌊λ·d(p)⌋. UP rises and
// DOWN falls with λ, so feasibility is monotone in t: a binary search over t with exact rational
// λ finds the least t, and recomputing the moved votes confirms it (ties included).
#include <cstdint>
#include <vector>

#include "seatsim/analysis/comparator.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim::analysis {

// votes, published and recomputed seats of the lists of one general allocation (kernel order);
// `ties` as the kernel used it. Indices in the result are kernel indices.
VotesToMove votes_to_move(const std::vector<std::int64_t>& votes, const std::vector<std::int64_t>& published,
                          const std::vector<std::int64_t>& recomputed, std::int64_t seats, const Method& method,
                          const TieBreak& ties);

}  // namespace seatsim::analysis
