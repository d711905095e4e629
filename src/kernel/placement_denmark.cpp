// Placement of leveling seats by region (Denmark's tillægsmandater, Folketingsvalgloven §§ 78–79):
// the seats to regions in one ranking of quotients, then each party's seats in a region to its
// districts. Quotients are compared exactly: votes / d as (votes · den) / num of d.
#include <algorithm>
#include <map>
#include <utility>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {
namespace {

Priority quotient(std::int64_t votes, const Rational& divisor) {
  return {static_cast<u128>(votes) * static_cast<u128>(divisor.den()), static_cast<u128>(divisor.num())};
}

// The parties with seats to place, in order of first appearance in the election.
std::vector<std::string> parties_in_order(const Election& election, const std::map<std::string, std::int64_t>& of) {
  std::vector<std::string> order;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (of.contains(list.party) && std::find(order.begin(), order.end(), list.party) == order.end())
        order.push_back(list.party);
  return order;
}

// One party in one region (§ 78) or one district (§ 79): its votes there, the seats it holds there,
// and how many of its quotients the ranking has walked past.
struct Slot {
  std::size_t party = 0;
  std::size_t place = 0;  // region or district index
  std::int64_t votes = 0;
  std::int64_t held = 0;    // district seats there, plus leveling seats given there so far
  std::int64_t walked = 0;  // quotients passed over while the slot was closed (record only)
};

// The index among `best` (equal quotients) the tie rule picks.
std::size_t break_tie(const std::vector<std::string>& names, const std::vector<std::int64_t>& votes,
                      const std::string& what, const PlacementInput& input) {
  std::vector<std::size_t> members;
  std::vector<std::uint64_t> keys;
  for (std::size_t k = 0; k < names.size(); ++k) {
    members.push_back(k);
    keys.push_back(stream_key(names[k]));
  }
  const TieBreak breaker{input.ties, input.seed, stream_key(what), what, keys};
  return breaker.choose(members, votes, 1).front();
}

struct RegionStep {
  const PlacementInput& input;
  const DivisorRule& divisors;
  const std::vector<std::string>& parties;
  const std::vector<LevelingRegion>& regions;
  std::vector<Slot> slots;

  std::vector<std::vector<std::int64_t>> seats;  // [party][region] leveling seats given
  std::vector<LevelingAward> awards;
  std::vector<std::string> notes;

  Priority head(const Slot& s) const { return quotient(s.votes, divisors.divisor(s.held)); }

  // Runs the ranking; `advance` parties are served before the rest. Returns the parties left short.
  std::vector<std::size_t> run(const std::vector<bool>& advance, std::vector<Slot> start) {
    slots = std::move(start);
    seats.assign(parties.size(), std::vector<std::int64_t>(regions.size(), 0));
    awards.clear();
    std::vector<std::int64_t> room;
    for (const LevelingRegion& region : regions) room.push_back(region.seats);
    std::vector<std::int64_t> left;
    for (const std::string& party : parties) left.push_back(input.leveling_seats.at(party));
    const auto open = [&](const Slot& s) { return room[s.place] > 0 && left[s.party] > 0; };
    for (;;) {
      std::vector<std::size_t> best;
      Priority top;
      bool top_advance = false;
      for (std::size_t k = 0; k < slots.size(); ++k) {
        const Slot& s = slots[k];
        if (!open(s)) continue;
        const Priority value = head(s);
        const bool first = advance[s.party];
        if (best.empty() || (first && !top_advance) || (first == top_advance && value > top))
          best.clear(), top = value, top_advance = first;
        if (first == top_advance && value == top) best.push_back(k);
      }
      if (best.empty()) break;
      std::vector<SkippedCandidate> skipped = pass_over_closed(top, open);
      // Equal quotients matter only when granting them all would overfill a region or a party.
      std::map<std::size_t, std::int64_t> per_region, per_party;
      for (const std::size_t k : best) ++per_region[slots[k].place], ++per_party[slots[k].party];
      bool conflict = false;
      for (const auto& [r, count] : per_region) conflict = conflict || count > room[r];
      for (const auto& [p, count] : per_party) conflict = conflict || count > left[p];
      std::vector<std::size_t> granted = best;
      if (conflict) {
        std::vector<std::string> names;
        std::vector<std::int64_t> votes;
        std::string listed;
        for (const std::size_t k : best) {
          names.push_back(regions[slots[k].place].name + "\n" + parties[slots[k].party]);
          votes.push_back(slots[k].votes);
          listed += (listed.empty() ? "" : ", ") + parties[slots[k].party] + " in " + regions[slots[k].place].name;
        }
        granted = {best[break_tie(names, votes, "the leveling seats' regions", input)]};
        notes.push_back("tie in the leveling seats' regions: equal quotients for " + listed + "; rule '" +
                        std::string(tie_rule_name(input.ties)) + "'");
      }
      for (const std::size_t k : granted) {
        Slot& s = slots[k];
        awards.push_back({static_cast<std::int64_t>(awards.size()) + 1,
                          {parties[s.party], regions[s.place].name, head(s), divisors.divisor(s.held)},
                          conflict,
                          std::exchange(skipped, {})});
        ++s.held;
        ++seats[s.party][s.place];
        --room[s.place];
        --left[s.party];
      }
    }
    std::vector<std::size_t> short_of;
    for (std::size_t p = 0; p < parties.size(); ++p)
      if (left[p] > 0) short_of.push_back(p);
    return short_of;
  }

  // The quotients of closed slots (region full, or party done) above `award`: the ranking walks past
  // them before it reaches the award, as the statute's list of quotients does.
  template <typename Open>
  std::vector<SkippedCandidate> pass_over_closed(const Priority& award, const Open& open) {
    std::vector<SkippedCandidate> skipped;
    for (Slot& s : slots) {
      if (open(s)) continue;
      for (;;) {
        const Rational divisor = divisors.divisor(s.held + s.walked);
        const Priority value = quotient(s.votes, divisor);
        if (!(value > award)) break;
        skipped.push_back(
            {{parties[s.party], regions[s.place].name, value, divisor},
             region_full(s) ? "region has its leveling seats already" : "party has no leveling seat left"});
        ++s.walked;
      }
    }
    // In the order of the statute's ranking: highest quotient first.
    std::stable_sort(skipped.begin(), skipped.end(), [](const SkippedCandidate& a, const SkippedCandidate& b) {
      return a.candidate.comparison > b.candidate.comparison;
    });
    return skipped;
  }

  bool region_full(const Slot& s) const {
    std::int64_t given = 0;
    for (const auto& row : seats) given += row[s.place];
    return given >= regions[s.place].seats;
  }
};

// § 79: one party's seats in one region, one at a time to the district with the highest quotient.
void place_in_districts(const PlacementInput& input, const DivisorRule& divisors, const std::string& party,
                        const std::vector<std::size_t>& districts, std::int64_t count, Placement& out) {
  const Election& election = input.election;
  std::vector<Slot> slots;
  std::vector<std::size_t> list_of;
  for (const std::size_t d : districts)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i)
      if (election.districts[d].lists[i].party == party && election.districts[d].lists[i].votes > 0) {
        slots.push_back({0, d, election.districts[d].lists[i].votes, input.district_seats[d][i], 0});
        list_of.push_back(i);
      }
  if (slots.empty() && count > 0)
    throw Error("leveling placement: '" + party + "' has leveling seats in a region where it has no votes");
  for (std::int64_t n = 0; n < count; ++n) {
    std::vector<std::size_t> best;
    Priority top;
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const Priority value = quotient(slots[k].votes, divisors.divisor(slots[k].held));
      if (best.empty() || value > top) best.clear(), top = value;
      if (value == top) best.push_back(k);
    }
    const bool tie = best.size() > 1;
    std::size_t k = best.front();
    if (tie) {
      std::vector<std::string> names;
      std::vector<std::int64_t> votes;
      std::string listed;
      for (const std::size_t b : best) {
        names.push_back(election.districts[slots[b].place].name + "\n" + party);
        votes.push_back(slots[b].votes);
        listed += (listed.empty() ? "" : ", ") + election.districts[slots[b].place].name;
      }
      const std::string what = "the leveling seats of " + party;
      k = best[break_tie(names, votes, what, input)];
      out.notes.push_back("tie in " + what + ": equal quotients in " + listed + "; rule '" +
                          std::string(tie_rule_name(input.ties)) + "'");
    }
    Slot& s = slots[k];
    out.awards.push_back({static_cast<std::int64_t>(out.awards.size()) + 1,
                          {party, election.districts[s.place].name, top, divisors.divisor(s.held)},
                          tie,
                          {}});
    ++s.held;
    ++out.seats[s.place][list_of[k]];
    if (tie) out.tie[s.place][list_of[k]] = 1;
  }
}

}  // namespace

Placement place_by_region(const PlacementInput& input, const DivisorRule& region_divisors,
                          const DivisorRule& district_divisors, const std::string& rule_name) {
  const Election& election = input.election;
  if (!input.regions || input.regions->empty())
    throw Error("leveling placement '" + rule_name + "' places seats by region: give leveling-regions");
  const std::vector<LevelingRegion>& regions = *input.regions;
  const std::vector<std::size_t> region_of = region_of_districts(election, regions);
  std::int64_t region_seats = 0, to_place = 0;
  for (const LevelingRegion& region : regions) region_seats += region.seats;
  for (const auto& [party, count] : input.leveling_seats) to_place += count;
  if (region_seats != to_place)
    throw Error("leveling-regions: the regions take " + std::to_string(region_seats) + " leveling seats, but " +
                std::to_string(to_place) + " are to be placed");

  const std::vector<std::string> parties = parties_in_order(election, input.leveling_seats);
  std::map<std::string, std::size_t> index;
  for (std::size_t p = 0; p < parties.size(); ++p) index.emplace(parties[p], p);
  std::vector<std::vector<std::int64_t>> votes(parties.size(), std::vector<std::int64_t>(regions.size(), 0));
  std::vector<std::vector<std::int64_t>> held = votes;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      const auto it = index.find(election.districts[d].lists[i].party);
      if (it == index.end()) continue;
      votes[it->second][region_of[d]] += election.districts[d].lists[i].votes;
      held[it->second][region_of[d]] += input.district_seats[d][i];
    }
  std::vector<Slot> slots;
  for (std::size_t p = 0; p < parties.size(); ++p)
    for (std::size_t r = 0; r < regions.size(); ++r)
      if (votes[p][r] > 0) slots.push_back({p, r, votes[p][r], held[p][r], 0});

  RegionStep step{input, region_divisors, parties, regions, {}, {}, {}, {}};
  std::vector<bool> advance(parties.size(), false);
  for (;;) {
    const std::vector<std::size_t> short_of = step.run(advance, slots);
    if (short_of.empty()) break;
    bool again = false;
    for (const std::size_t p : short_of) {
      again = again || !advance[p];
      advance[p] = true;
    }
    if (!again)
      throw Error("leveling placement '" + rule_name + "': the leveling seats of '" + parties[short_of.front()] +
                  "' cannot be placed: the regions where it has votes are full");
  }

  Placement out;
  for (const District& district : election.districts) {
    out.seats.emplace_back(district.lists.size(), 0);
    out.tie.emplace_back(district.lists.size(), 0);
  }
  out.notes = step.notes;
  out.region_awards = step.awards;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    std::vector<std::size_t> districts;
    for (std::size_t d = 0; d < election.districts.size(); ++d)
      if (region_of[d] == r) districts.push_back(d);
    for (std::size_t p = 0; p < parties.size(); ++p) {
      out.region_shares.push_back({parties[p], regions[r].name, votes[p][r], held[p][r], step.seats[p][r]});
      place_in_districts(input, district_divisors, parties[p], districts, step.seats[p][r], out);
    }
  }
  return out;
}

Placement place_denmark(const PlacementInput& input) {
  static const DivisorRule regions = method_by_name("sainte-lague").divisor();
  static const DivisorRule districts = method_by_name("danish").divisor();
  return place_by_region(input, regions, districts, "denmark");
}

}  // namespace seatsim
