// The national tier of a leveling system: who takes part, every list's national total, and its
// leveling seats (total − district seats), with the rule for lists whose district seats exceed their
// national share that the placement rule names: drop and repeat (Norway) or keep the share and give
// back the excess (Sweden).
#include "seatsim/kernel/leveling.hpp"

#include <algorithm>
#include <unordered_map>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {
namespace {

std::string party_list(const LevelingOutcome& out, const std::vector<std::size_t>& which) {
  std::string text;
  for (const std::size_t p : which) text += (text.empty() ? "" : ", ") + out.parties[p];
  return text;
}

std::string tie_note(const LevelingOutcome& out, const std::vector<std::size_t>& members, const DistrictSeats& seats,
                     TieRule rule) {
  std::string competing;
  for (std::size_t k = 0; k < members.size(); ++k)
    if (seats.tie[k]) competing += (competing.empty() ? "" : ", ") + out.parties[members[k]];
  return "tie in the national leveling apportionment between " + competing + "; rule '" +
         std::string(tie_rule_name(rule)) + "'";
}

void check_capacity(const Election& election, const LevelingRule& rule) {
  std::int64_t capacity = 0;
  for (const District& district : election.districts) {
    const std::int64_t own = rule.capacity(district.name);
    if (own < 0) throw Error("leveling-per-district: district '" + district.name + "' has a negative capacity");
    capacity += own;
  }
  if (capacity < rule.seats)
    throw Error("leveling-seats: " + std::to_string(rule.seats) + " leveling seats, but the districts can take only " +
                std::to_string(capacity) + " (" + std::to_string(election.districts.size()) +
                " districts; see --leveling-per-district)");
}

// Which parties pass by one of the rule's other routes (a district seat, a regional average, ...).
std::vector<bool> qualifies_by_routes(const Election& election,
                                      const std::vector<std::vector<std::int64_t>>& district_seats,
                                      const LevelingRule& rule, const std::vector<std::string>& parties) {
  std::vector<bool> passes(parties.size(), false);
  const QualificationInput input{election, district_seats, rule.regions, parties};
  for (const QualificationRoute& route : rule.threshold_or) {
    const std::vector<bool> by = leveling_qualification(route.name).test(input, route.count);
    if (by.size() != parties.size())
      throw Error("leveling qualification route '" + route.name + "' returned a wrong number of parties");
    for (std::size_t p = 0; p < parties.size(); ++p) passes[p] = passes[p] || by[p];
  }
  return passes;
}

}  // namespace

std::int64_t LevelingRule::capacity(const std::string& district) const {
  const auto it = per_district_of.find(district);
  return it == per_district_of.end() ? per_district : it->second;
}

std::string LevelingRule::describe() const {
  std::string text = std::to_string(seats) + " leveling seats (placement " + placement;
  if (threshold) text += ", national threshold " + threshold->to_string();
  for (const QualificationRoute& route : threshold_or) text += " or " + route.to_string();
  if (method) text += ", apportioned by " + method->name;
  if (!regions.empty()) text += ", " + std::to_string(regions.size()) + " regions";
  return text + ")";
}

std::optional<std::size_t> LevelingOutcome::find(const std::string& party) const {
  for (std::size_t p = 0; p < parties.size(); ++p)
    if (parties[p] == party) return p;
  return std::nullopt;
}

LevelingOutcome apportion_leveling(const Election& election,
                                   const std::vector<std::vector<std::int64_t>>& district_seats,
                                   const LevelingRule& rule, const Method& method, TieRule ties, std::uint64_t seed) {
  if (rule.seats < 0) throw Error("leveling-seats must not be negative");
  const PlacementEntry placement = leveling_placement(rule.placement);
  if (placement.per_district_cap) check_capacity(election, rule);

  LevelingOutcome out;
  std::unordered_map<std::string, std::size_t> index;
  std::int64_t house = rule.seats;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListResult& list = district.lists[i];
      const auto [it, fresh] = index.try_emplace(list.party, out.parties.size());
      if (fresh) {
        out.parties.push_back(list.party);
        out.votes.push_back(0);
        out.district_seats.push_back(0);
      }
      out.votes[it->second] += list.votes;
      out.district_seats[it->second] += district_seats[d][i];
      house += district_seats[d][i];
    }
  }
  const std::size_t n = out.parties.size();
  std::int64_t national_total = 0;
  for (const std::int64_t v : out.votes) national_total += v;
  out.takes_part.assign(n, false);
  out.dropped.assign(n, false);
  out.national_seats.assign(n, 0);
  out.leveling_seats.assign(n, 0);
  out.excess.assign(n, 0);
  const std::vector<bool> by_route = qualifies_by_routes(election, district_seats, rule, out.parties);
  for (std::size_t p = 0; p < n; ++p) {
    const bool open = !rule.threshold && rule.threshold_or.empty();
    const bool passes = rule.threshold && rule.threshold->passes(out.votes[p], national_total, /*strict=*/false);
    out.takes_part[p] = out.votes[p] > 0 && (open || passes || by_route[p]);
  }
  const Method& national_method = rule.method ? *rule.method : method;

  std::vector<std::uint64_t> keys;
  for (const std::string& party : out.parties) keys.push_back(stream_key(party));
  for (;;) {
    std::vector<std::size_t> members;
    std::vector<std::int64_t> votes;
    std::vector<std::uint64_t> member_keys;
    std::int64_t seats = house;
    for (std::size_t p = 0; p < n; ++p) {
      if (out.takes_part[p]) {
        members.push_back(p);
        votes.push_back(out.votes[p]);
        member_keys.push_back(keys[p]);
      } else {
        seats -= out.district_seats[p];
      }
    }
    if (members.empty()) throw Error("leveling: no list passes the national threshold");
    if (seats < 0) throw Error("leveling: the lists outside the national apportionment hold more seats than the house");
    const TieBreak breaker{ties, seed, stream_key("national leveling apportionment"),
                           "the national leveling apportionment", member_keys};
    const DistrictSeats shares = allocate(votes, seats, national_method, breaker);
    std::vector<std::size_t> overhang;
    for (std::size_t k = 0; k < members.size(); ++k)
      if (out.district_seats[members[k]] > shares.seats[k]) overhang.push_back(members[k]);
    if (overhang.empty() || placement.return_excess) {
      out.apportioned = seats;
      for (std::size_t k = 0; k < members.size(); ++k) {
        const std::size_t p = members[k];
        out.national_seats[p] = shares.seats[k];
        out.leveling_seats[p] = std::max<std::int64_t>(0, shares.seats[k] - out.district_seats[p]);
        out.excess[p] = std::max<std::int64_t>(0, out.district_seats[p] - shares.seats[k]);
      }
      if (shares.tie_decided) out.notes.push_back(tie_note(out, members, shares, ties));
      return out;
    }
    // The law drops every such party with its seats at once and apportions again.
    for (const std::size_t p : overhang) {
      out.takes_part[p] = false;
      out.dropped[p] = true;
    }
    if (overhang.size() == members.size())
      throw Error("leveling: every list holds more district seats than its national share (" +
                  party_list(out, overhang) + ")");
  }
}

}  // namespace seatsim
