#pragma once
// Mixed-member systems: single-member constituencies (seatsim/core/constituency.hpp) and party lists,
// the list seats compensating for the constituency seats (docs/mixed-member.md).
//
// - new-zealand (Electoral Act 1993, s. 191–193): one national district. Parties with the list
//   threshold (5%) or at least `constituency_route` electorates take part; electorates won by
//   independents, by parties without a list and by parties that do not take part come off the district's
//   seats (120) first; the rest is apportioned by the method (Sainte-Laguë) among the parties that take
//   part; a party keeps
//   its electorates where they exceed its share, and the House grows by that overhang.
// - germany-2023 (Bundeswahlgesetz as amended in 2023, as applied in 2025): districts are the Länder.
//   Constituency seats of independents and of parties that do not take part come off `house_seats`
//   first; the rest goes to the parties with the threshold (5% of the second votes) or
//   `constituency_route` (3) constituency wins by the method (Sainte-Laguë/Schepers) on their national
//   votes; each party's seats go to its Land lists by the same method; in each Land the party's
//   constituency winners take seats up to its Land list's seats, in descending order of their first-vote
//   share winner_votes/valid_votes (compared exactly), and the others stay unseated (second-vote coverage).
// - germany-2013 (Bundeswahlgesetz as amended in 2013, as applied in 2013 and 2017): overhang fully
//   balanced by enlarging the House (seatsim/kernel/germany_2013.hpp); the Länder need a population.
// - scotland (Scotland Act 1998, s. 6–8): per region (a district whose seats are its constituencies
//   plus its list seats), the list seats go one at a time by the method (D'Hondt) where each party's
//   divisor counts the constituency seats it won in the region as seats already held.
// Each list's `district_seats` are its constituency seats and its `leveling_seats` its list seats.
// All comparisons are exact (integer priorities); nothing is decided in floating point.
#include <cstdint>
#include <string>
#include <vector>

namespace seatsim {

struct MixedMemberRule {
  enum class Kind { none, new_zealand, scotland, germany_2023, germany_2013 };
  Kind kind = Kind::none;
  // Constituencies a party must win to take part whatever its list votes (New Zealand: 1, Germany: 3;
  // 0: no such route).
  std::int64_t constituency_route = 0;
  // The seats apportioned nationally (Germany: 630); 0: the sum of the districts' seats.
  std::int64_t house_seats = 0;

  bool enabled() const noexcept { return kind != Kind::none; }
  std::string describe() const;
};

// Names as the rule key `mixed_member` writes them ("new-zealand", "scotland").
MixedMemberRule::Kind mixed_member_kind_by_name(const std::string& name);
std::string mixed_member_kind_name(MixedMemberRule::Kind kind);
std::vector<std::string> mixed_member_kind_names();

// What the allocation did, party by party (parties in order of first appearance), for `allocate`'s
// footer and JSON and for checking by hand.
struct MixedMemberOutcome {
  std::vector<std::string> parties;
  std::vector<std::int64_t> votes;               // list votes over all districts
  std::vector<bool> takes_part;                  // in the proportional allocation
  std::vector<std::int64_t> constituency_seats;  // constituencies won
  std::vector<std::int64_t> share;               // new-zealand: its share of the apportioned seats
  std::vector<std::int64_t> list_seats;
  std::vector<std::int64_t> overhang;  // constituencies won beyond its share, kept
  // Winners outside the lists, whose seats come off first: independents "NAME (constituency)", and parties
  // without a list in the constituency's region "PARTY, no list in REGION (constituency)".
  std::vector<std::string> independents;
  std::vector<std::string> unseated;  // germany-2023: winners without second-vote coverage
  std::int64_t others = 0;            // constituency seats taken off first: independents, parties not taking part
  std::int64_t apportioned = 0;       // new-zealand: seats shared proportionally; scotland: list seats
  std::int64_t house = 0;             // all seats, overhang and independents included
};

}  // namespace seatsim
