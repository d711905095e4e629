#pragma once
// Allocation of a whole election under a Rule: thresholds (district or national), reserved
// quota seats, then the kernel per district; and, when the rule has tiers, the tier above the
// districts (leveling seats, or a biproportional apportionment instead of independent districts).
// The result keeps the input's shape: one outcome per list, in input order.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

struct ListOutcome {
  std::int64_t seats = 0;  // all its seats: district_seats + leveling_seats
  bool tie = false;        // a tie decided its last seat or the seat it missed
  bool passes_threshold = true;
  bool reserved_seat = false;       // it holds its group's reserved seat
  std::int64_t district_seats = 0;  // won in the district tier (= seats without leveling)
  std::int64_t leveling_seats = 0;  // leveling seats placed in this district
};

struct DistrictOutcome {
  std::vector<ListOutcome> lists;
  std::int64_t general_seats = 0;      // seats − reserved
  std::int64_t unfilled_reserved = 0;  // reserved seats whose group has no list
  // The kernel's view of the general allocation: general_lists[i] is the district list index
  // of the kernel's list i (lists that take part in the general allocation, in input order).
  // Empty under a biproportional rule, whose districts are not allocated one by one.
  std::vector<std::size_t> general_lists;
  DistrictSeats general;
};

// The upper apportionment and the divisors of a biproportional result, for checking by hand:
// seats(d, p) = round(votes(d, p) / (district_divisors[d] × list_divisors[p])).
struct BiproportionalOutcome {
  std::vector<std::string> parties;  // every list name, in order of first appearance
  std::vector<bool> passes_quorum;
  std::vector<Rational> upper_votes;      // the upper apportionment's votes (voter numbers with list votes)
  std::vector<std::int64_t> party_seats;  // upper apportionment
  std::vector<std::optional<Rational>> list_divisors;  // for lists that take part
  std::vector<Rational> district_divisors;             // per district
  std::vector<std::string> winners;                    // winner-take-one: per district, the list ("" none)
  int steps = 0;                                       // half-steps of alternating scaling
};

struct ElectionOutcome {
  std::vector<DistrictOutcome> districts;
  std::vector<std::string> notes;                       // ties and unfilled seats, one line each, for stderr
  std::optional<LevelingOutcome> leveling;              // with leveling seats
  std::optional<BiproportionalOutcome> biproportional;  // under a biproportional rule
  std::optional<QuotaTierOutcome> quota_tier;           // under a quota tier
  std::optional<MixedMemberOutcome> mixed_member;       // under a mixed-member rule

  std::int64_t seats(std::size_t district, std::size_t list) const { return districts[district].lists[list].seats; }
};

// Throws seatsim::Error for an impossible district (seats < reserved, a quota group without a
// reserved seat, seats to give but no list that can take them) or an impossible tier (see
// docs/multi-tier.md).
ElectionOutcome allocate(const Election& election, const Rule& rule);

// Throws seatsim::Error(file, line) for votes outside 0..max_votes or an election whose votes add
// up past max_total_votes, so that no sum of votes can overflow. `allocate` checks it first.
void check_vote_limits(const Election& election);

// The reserved (quota) seats of one district: each quota group's list with most votes takes one
// seat of the group, equal votes decided by `ties` (whose list keys are the district's lists).
// Throws seatsim::Error naming `source` when the district has more groups than reserved seats.
struct ReservedSeats {
  std::vector<std::size_t> winners;  // one list per group
  std::vector<std::size_t> tied;     // lists in a tie for a group's seat
  std::int64_t unfilled = 0;         // reserved seats whose group has no list
};
ReservedSeats reserved_seats(const District& district, const TieBreak& ties, const std::string& source);

// Which lists pass the threshold, per district and list, under `threshold`.
std::vector<std::vector<bool>> threshold_passes(const Election& election, const Threshold& threshold);

// The tiers, for callers that build their own district tier: adds leveling seats to `outcome`
// (whose lists hold their district seats); and the biproportional apportionment of a whole election.
void add_leveling(const Election& election, const Rule& rule, ElectionOutcome& outcome);
ElectionOutcome allocate_biproportional(const Election& election, const Rule& rule);
// The quota tier and its national remainder tier (seatsim/kernel/quota_tier.hpp).
ElectionOutcome allocate_quota_tier(const Election& election, const Rule& rule);
// Constituency winners and compensating list seats (seatsim/kernel/mixed_member.hpp).
ElectionOutcome allocate_mixed_member(const Election& election, const Rule& rule);

// The bases of a national threshold: each party's votes over all districts, and all votes.
struct NationalVotes {
  std::map<std::string, std::int64_t> party;
  std::int64_t total = 0;
};
NationalVotes national_votes(const Election& election);

// Which lists of one district pass `threshold`; `national` is read only for the national scope.
// Analyses that move one list's votes (margins) re-evaluate a single district through this.
std::vector<bool> district_threshold_passes(const District& district, const Threshold& threshold,
                                            const NationalVotes& national);

// One district under `rule`, given which of its lists pass the threshold: reserved seats, then
// the kernel. Notes (ties, unfilled seats) are appended to `notes` when it is not null. Throws
// as `allocate` does; `source` names the file in messages.
DistrictOutcome allocate_district(const District& district, const std::vector<bool>& passes, const Rule& rule,
                                  const std::string& source, std::vector<std::string>* notes = nullptr);

}  // namespace seatsim
