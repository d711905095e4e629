#pragma once
// The seats of one district's lists by groups: first to the district's alliances (each one competitor
// with its members' summed votes) and to the lists outside any alliance, by the rule's method; then each
// alliance's seats among its sub-alliances and direct members, and each sub-alliance's among its lists, by
// the method inside alliances. Every level is an exact kernel allocation with the rule's named tie rule.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/kernel/threshold.hpp"

namespace seatsim {

// `general` holds the district's lists that take part (indices into district.lists, as
// DistrictOutcome::general_lists); the result is in that order. A tie between groups marks every list
// of the groups concerned; the boundary is left empty (it has no single list-level meaning).
DistrictSeats allocate_by_groups(const District& district, std::span<const std::size_t> general, std::int64_t seats,
                                 const Rule& rule, const TieBreak& ties);

// With AllianceThreshold::groups: each alliance of `district` faces `threshold` with its members' summed
// votes (nationally: their summed national votes), and its lists (reserved-seat lists aside) take the
// group's verdict in `passes`; exempt lists pass still.
void apply_group_threshold(const District& district, const Threshold& threshold, const NationalVotes& national,
                           std::vector<bool>& passes);

// Whether any district of `election` has alliances.
bool has_alliances(const Election& election) noexcept;

}  // namespace seatsim
