// Sweden's adjustment seats (vallagen 2005:837, 14 kap., as in force since 2018): placement one seat
// at a time by the plain odd-number comparison number, and the return of excess fixed seats.
// Comparison numbers are compared exactly: votes / d as the fraction (votes · den) / num of d.
#include <algorithm>
#include <utility>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {
namespace {

// Where one party stands in every district: the list index there, if it has votes.
struct PartyRow {
  std::string party;
  std::vector<std::size_t> list;  // [district] list index, or npos
};

constexpr std::size_t none = static_cast<std::size_t>(-1);

PartyRow party_row(const Election& election, const std::string& party) {
  PartyRow row{party, std::vector<std::size_t>(election.districts.size(), none)};
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i)
      if (election.districts[d].lists[i].party == party) row.list[d] = i;
  return row;
}

std::vector<std::string> parties_in_order(const Election& election, const std::map<std::string, std::int64_t>& of) {
  std::vector<std::string> order;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (of.contains(list.party) && std::find(order.begin(), order.end(), list.party) == order.end())
        order.push_back(list.party);
  return order;
}

Priority comparison(std::int64_t votes, const Rational& divisor) {
  return {static_cast<u128>(votes) * static_cast<u128>(divisor.den()), static_cast<u128>(divisor.num())};
}

// The district among `best` (equal comparison numbers) the tie rule picks for `party`.
std::size_t break_tie(const Election& election, const std::vector<std::size_t>& best, const std::string& party,
                      const std::string& what, TieRule rule, std::uint64_t seed) {
  std::vector<std::size_t> members;
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (const std::size_t d : best) {
    members.push_back(members.size());
    votes.push_back(0);  // equal comparison numbers: votes do not separate them here
    keys.push_back(stream_key(election.districts[d].name + "\n" + party));
  }
  const TieBreak breaker{rule, seed, stream_key(what), what, keys};
  return best[breaker.choose(members, votes, 1).front()];
}

std::string tie_note(const Election& election, const std::vector<std::size_t>& best, const std::string& party,
                     const std::string& what, TieRule rule) {
  std::string names;
  for (const std::size_t d : best) names += (names.empty() ? "" : ", ") + election.districts[d].name;
  return "tie in " + what + ": equal comparison numbers for " + party + " in " + names + "; rule '" +
         std::string(tie_rule_name(rule)) + "'";
}

// One adjustment seat of `row.party`: the district with the highest votes / (2n + 1).
void award_one(const PlacementInput& input, const PartyRow& row, std::vector<std::vector<std::int64_t>>& held,
               Placement& out) {
  const Election& election = input.election;
  std::vector<SkippedCandidate> skipped;
  std::vector<std::size_t> best;
  Priority top;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const std::size_t i = row.list[d];
    const std::int64_t n = i == none ? 0 : held[d][i];
    const Rational divisor(2 * n + 1);
    const std::int64_t votes = i == none ? 0 : election.districts[d].lists[i].votes;
    if (votes <= 0) {
      skipped.push_back({{row.party, election.districts[d].name, {}, divisor}, "party has no votes there"});
      continue;
    }
    const Priority value = comparison(votes, divisor);
    if (best.empty() || value > top) best.clear(), top = value;
    if (value == top) best.push_back(d);
  }
  if (best.empty())
    throw Error("leveling placement (sweden): '" + row.party + "' has adjustment seats but no votes in any district");
  const std::string what = "the adjustment seats of " + row.party;
  const bool tie = best.size() > 1;
  const std::size_t d = tie ? break_tie(election, best, row.party, what, input.ties, input.seed) : best.front();
  if (tie) out.notes.push_back(tie_note(election, best, row.party, what, input.ties));
  const std::size_t i = row.list[d];
  out.awards.push_back({static_cast<std::int64_t>(out.awards.size()) + 1,
                        {row.party, election.districts[d].name, top, Rational(2 * held[d][i] + 1)},
                        tie,
                        std::move(skipped)});
  ++out.seats[d][i];
  ++held[d][i];
  if (tie) out.tie[d][i] = 1;
}

}  // namespace

Placement place_sweden(const PlacementInput& input) {
  Placement out;
  for (const District& district : input.election.districts) {
    out.seats.emplace_back(district.lists.size(), 0);
    out.tie.emplace_back(district.lists.size(), 0);
  }
  std::vector<std::vector<std::int64_t>> held = input.district_seats;
  for (const std::string& party : parties_in_order(input.election, input.leveling_seats)) {
    const PartyRow row = party_row(input.election, party);
    for (std::int64_t k = 0; k < input.leveling_seats.at(party); ++k) award_one(input, row, held, out);
  }
  return out;
}

ReturnedSeats return_excess_sweden(const ExcessInput& input) {
  const Election& election = input.election;
  const DivisorRule& rule = input.district_method.divisor();
  ReturnedSeats out;
  for (const District& district : election.districts) out.count.emplace_back(district.lists.size(), 0);
  std::vector<std::vector<std::int64_t>> held = input.district_seats;
  for (const std::string& party : parties_in_order(election, input.excess)) {
    const PartyRow row = party_row(election, party);
    const std::string what = "the fixed seats " + party + " gives back";
    for (std::int64_t k = 0; k < input.excess.at(party); ++k) {
      // The seat won last is the one with the lowest comparison number: votes / d(n − 1).
      std::vector<std::size_t> lowest;
      Priority bottom;
      for (std::size_t d = 0; d < election.districts.size(); ++d) {
        const std::size_t i = row.list[d];
        if (i == none || held[d][i] <= 0) continue;
        const Priority value = comparison(election.districts[d].lists[i].votes, rule.divisor(held[d][i] - 1));
        if (lowest.empty() || value < bottom) lowest.clear(), bottom = value;
        if (value == bottom) lowest.push_back(d);
      }
      if (lowest.empty()) throw Error("excess seats (sweden): '" + party + "' holds fewer seats than it must return");
      const bool tie = lowest.size() > 1;
      const std::size_t d = tie ? break_tie(election, lowest, party, what, input.ties, input.seed) : lowest.front();
      if (tie) out.notes.push_back(tie_note(election, lowest, party, what, input.ties));
      const std::size_t i = row.list[d];
      out.seats.push_back({{party, election.districts[d].name, bottom, rule.divisor(held[d][i] - 1)}, tie});
      --held[d][i];
      ++out.count[d][i];
    }
  }
  return out;
}

}  // namespace seatsim
