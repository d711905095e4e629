// The Bundestag under the 2013 law (seatsim/kernel/germany_2013.hpp): Land contingents by population, a
// first distribution per Land, each party's minimum, the House enlarged until the national apportionment
// meets every minimum, and each party's seats to its Land lists with its constituency wins as minimums.
#include "seatsim/kernel/germany_2013.hpp"

#include <algorithm>
#include <map>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/seat_bounds.hpp"

namespace seatsim {
namespace {

// A winner outside the lists: an independent, or a party without a list in the constituency's Land.
// Such seats come off the Land's contingent first (BWahlG § 6 (1) sentence 2 as of 2013).
bool outside_lists(const Election& election, const ConstituencyResult& c) {
  if (c.independent) return true;
  const District* land = election.find(c.region);
  return land == nullptr || std::none_of(land->lists.begin(), land->lists.end(),
                                         [&](const ListResult& list) { return list.party == c.winner; });
}

TieBreak tie_break(const Rule& rule, const std::string& stream, std::string context, std::vector<std::uint64_t> keys) {
  TieBreak ties{rule.ties, rule.seed, stream_key(stream), std::move(context), {}};
  ties.list_keys = std::move(keys);
  return ties;
}

// The count's working tables: parties in order of first appearance; votes and wins per Land and party.
struct Count {
  std::vector<std::string> parties;
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<std::int64_t>> votes, wins;  // [land][party]
  std::vector<std::int64_t> others;                    // per Land: seats taken off first
  std::vector<std::string> outside;                    // winners outside the lists, for the outcome
  std::vector<bool> takes_part;
  std::vector<bool> by_threshold;

  Count(const Election& election, const Rule& rule) {
    for (const District& land : election.districts)
      for (const ListResult& list : land.lists)
        if (index.emplace(list.party, parties.size()).second) parties.push_back(list.party);
    const std::size_t lands = election.districts.size();
    votes.assign(lands, std::vector<std::int64_t>(parties.size(), 0));
    wins = votes;
    others.assign(lands, 0);
    for (std::size_t d = 0; d < lands; ++d)
      for (const ListResult& list : election.districts[d].lists) votes[d][index.at(list.party)] = list.votes;
    for (const ConstituencyResult& c : election.constituencies) {
      const std::size_t d = static_cast<std::size_t>(election.find(c.region) - election.districts.data());
      if (!outside_lists(election, c)) {
        ++wins[d][index.at(c.winner)];
        continue;
      }
      ++others[d];
      outside.push_back(c.independent ? c.winner + " (" + c.name + ")"
                                      : c.winner + ", no list in " + c.region + " (" + c.name + ")");
    }
    qualify(election, rule);
  }

  std::int64_t national_votes(std::size_t p) const {
    std::int64_t sum = 0;
    for (const auto& land : votes) sum += land[p];
    return sum;
  }
  std::int64_t national_wins(std::size_t p) const {
    std::int64_t sum = 0;
    for (const auto& land : wins) sum += land[p];
    return sum;
  }

 private:
  // 5% of the national second votes (threshold_passes), or `constituency_route` wins; the winners of a
  // party that does not take part come off its Land's contingent first.
  void qualify(const Election& election, const Rule& rule) {
    const std::vector<std::vector<bool>> passes = threshold_passes(election, rule.threshold);
    takes_part.assign(parties.size(), false);
    by_threshold.assign(parties.size(), false);
    for (std::size_t d = 0; d < election.districts.size(); ++d)
      for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i)
        if (passes[d][i]) by_threshold[index.at(election.districts[d].lists[i].party)] = true;
    const std::int64_t route = rule.mixed_member.constituency_route;
    for (std::size_t p = 0; p < parties.size(); ++p)
      takes_part[p] = by_threshold[p] || (route > 0 && national_wins(p) >= route);
    for (std::size_t d = 0; d < wins.size(); ++d)
      for (std::size_t p = 0; p < parties.size(); ++p)
        if (!takes_part[p]) others[d] += wins[d][p];
  }
};

// Step 1: the Länder's contingents of `house` seats by population.
std::vector<std::int64_t> land_contingents(const Election& election, std::int64_t house, const Rule& rule,
                                           std::vector<std::string>& notes) {
  std::vector<std::int64_t> population;
  std::vector<std::uint64_t> keys;
  for (const District& land : election.districts) {
    if (!land.population)
      throw Error(election.source, land.lists.empty() ? 0 : land.lists.front().line,
                  "Land '" + land.name +
                      "' has no population: mixed_member = germany-2013 apportions house_seats to the Länder by "
                      "population (a `population` column in districts.csv)");
    population.push_back(*land.population);
    keys.push_back(stream_key(land.name));
  }
  const DistrictSeats seats =
      allocate(population, house, rule.method, tie_break(rule, "Länder", "the Länder's contingents", keys));
  if (seats.tie_decided)
    notes.push_back("tie in the Länder's contingents by population; rule '" + std::string(tie_rule_name(rule.ties)) +
                    "'");
  return seats.seats;
}

// Step 2: each Land's contingent, less the seats taken off first, to the Land lists that take part.
std::vector<std::vector<std::int64_t>> first_distribution(const Election& election, const Count& count,
                                                          const std::vector<std::int64_t>& contingents,
                                                          const Rule& rule, std::vector<std::string>& notes) {
  std::vector<std::vector<std::int64_t>> first(contingents.size(), std::vector<std::int64_t>(count.parties.size(), 0));
  for (std::size_t d = 0; d < contingents.size(); ++d) {
    const District& land = election.districts[d];
    const std::int64_t seats = contingents[d] - count.others[d];
    if (seats < 0)
      throw Error(election.constituencies_source, 0,
                  "Land '" + land.name + "': " + std::to_string(count.others[d]) +
                      " constituency seats taken off first, more than its contingent of " +
                      std::to_string(contingents[d]));
    std::vector<std::size_t> taking;
    std::vector<std::int64_t> votes;
    std::vector<std::uint64_t> keys;
    for (std::size_t p = 0; p < count.parties.size(); ++p)
      if (count.takes_part[p] && count.votes[d][p] > 0) {
        taking.push_back(p);
        votes.push_back(count.votes[d][p]);
        keys.push_back(stream_key(count.parties[p]));
      }
    if (seats > 0 && taking.empty())
      throw Error(election.source, land.lists.empty() ? 0 : land.lists.front().line,
                  "Land '" + land.name + "': " + std::to_string(seats) + " seat(s) but no list that takes part");
    const DistrictSeats split =
        allocate(votes, seats, rule.method, tie_break(rule, land.name, "Land '" + land.name + "'", keys));
    if (split.tie_decided) notes.push_back("tie in the first distribution in " + land.name);
    for (std::size_t k = 0; k < taking.size(); ++k) first[d][taking[k]] = split.seats[k];
  }
  return first;
}

// Step 4: the smallest number of seats, from `seats` up, whose apportionment on the national second votes
// gives every party that takes part at least its minimum. Returns the seats per party (0 for the others).
std::vector<std::int64_t> enlarged_apportionment(const Count& count, const std::vector<std::int64_t>& minimum,
                                                 std::int64_t& seats, const Rule& rule,
                                                 std::vector<std::string>& notes) {
  std::vector<std::size_t> taking;
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (std::size_t p = 0; p < count.parties.size(); ++p)
    if (count.takes_part[p]) {
      taking.push_back(p);
      votes.push_back(count.national_votes(p));
      keys.push_back(stream_key(count.parties[p]));
    }
  const TieBreak ties = tie_break(rule, "national", "the national apportionment", keys);
  for (;; ++seats) {
    if (seats > max_seats) throw Error("germany-2013: no House of up to " + std::to_string(max_seats) + " seats");
    const DistrictSeats national = allocate(votes, seats, rule.method, ties);
    bool enough = true;
    for (std::size_t k = 0; k < taking.size(); ++k) enough = enough && national.seats[k] >= minimum[taking[k]];
    if (!enough) continue;
    if (national.tie_decided)
      notes.push_back("tie in the national apportionment of " + std::to_string(seats) + " seats; rule '" +
                      std::string(tie_rule_name(rule.ties)) + "'");
    std::vector<std::int64_t> out(count.parties.size(), 0);
    for (std::size_t k = 0; k < taking.size(); ++k) out[taking[k]] = national.seats[k];
    return out;
  }
}

// Step 5: a party's seats to its Land lists, each at least the constituencies it won in the Land.
std::vector<std::int64_t> land_lists(const Election& election, const Count& count, std::size_t p, std::int64_t seats,
                                     const Rule& rule, std::vector<std::string>& notes) {
  std::vector<std::int64_t> votes;
  std::vector<SeatBound> bounds;
  std::vector<std::uint64_t> keys;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    votes.push_back(count.votes[d][p]);
    bounds.push_back({count.wins[d][p], std::nullopt});
    keys.push_back(stream_key(election.districts[d].name));
  }
  const std::string& party = count.parties[p];
  const DistrictSeats split = allocate_bounded(votes, seats, rule.method.divisor(), bounds,
                                               tie_break(rule, party, "the Land lists of " + party, keys));
  if (split.tie_decided) notes.push_back("tie in the split of " + party + "'s seats to its Land lists");
  return split.seats;
}

void trace_count(const Election& election, const Count& count, const Rule& rule,
                 const std::vector<std::vector<std::int64_t>>& lists, MixedMemberTrace* trace) {
  if (trace == nullptr) return;
  const std::size_t n = count.parties.size();
  trace->route = rule.mixed_member.constituency_route;
  trace->passes_threshold = count.by_threshold;
  trace->by_constituency_route.assign(n, false);
  trace->threshold_exempt.assign(n, false);
  for (std::size_t p = 0; p < n; ++p) {
    trace->constituency_wins.push_back(count.national_wins(p));
    trace->by_constituency_route[p] = trace->route > 0 && count.national_wins(p) >= trace->route;
    trace->threshold_exempt[p] = !rule.threshold.empty() && rule.threshold.exempts(count.parties[p]);
  }
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t d = 0; d < election.districts.size(); ++d)
      if (count.takes_part[p] && (count.votes[d][p] > 0 || count.wins[d][p] > 0))
        trace->lands.push_back({count.parties[p], election.districts[d].name, count.votes[d][p], lists[d][p],
                                count.wins[d][p], count.wins[d][p]});
}

std::string minimum_note(const Count& count, const std::vector<std::int64_t>& minimum,
                         const std::vector<std::int64_t>& overhang, std::int64_t from, std::int64_t to) {
  std::string text = "seats apportioned nationally enlarged from " + std::to_string(from) + " to " +
                     std::to_string(to) + " so that every party reaches its minimum (";
  std::string sep;
  for (std::size_t p = 0; p < count.parties.size(); ++p) {
    if (!count.takes_part[p]) continue;
    text += sep + count.parties[p] + " " + std::to_string(minimum[p]);
    if (overhang[p] > 0) text += ", " + std::to_string(overhang[p]) + " overhang in the first distribution";
    sep = "; ";
  }
  return text + ")";
}

}  // namespace

ElectionOutcome allocate_germany_2013(const Election& election, const Rule& rule, MixedMemberTrace* trace) {
  const Count count(election, rule);
  const std::size_t n = count.parties.size();
  const std::size_t lands = election.districts.size();
  const std::int64_t house = rule.mixed_member.house_seats > 0 ? rule.mixed_member.house_seats : election.total_seats();
  ElectionOutcome result;
  const std::vector<std::int64_t> contingents = land_contingents(election, house, rule, result.notes);
  const std::vector<std::vector<std::int64_t>> first =
      first_distribution(election, count, contingents, rule, result.notes);
  // Step 3: each party's minimum, and the overhang of the first distribution that the enlargement balances.
  std::vector<std::int64_t> minimum(n, 0), overhang(n, 0);
  for (std::size_t d = 0; d < lands; ++d)
    for (std::size_t p = 0; p < n; ++p) {
      minimum[p] += std::max(count.wins[d][p], first[d][p]);
      overhang[p] += std::max<std::int64_t>(0, count.wins[d][p] - first[d][p]);
    }
  std::int64_t others = 0;
  for (const std::int64_t o : count.others) others += o;
  std::int64_t apportioned = house - others;
  const std::vector<std::int64_t> national = enlarged_apportionment(count, minimum, apportioned, rule, result.notes);
  result.notes.push_back(minimum_note(count, minimum, overhang, house - others, apportioned));
  std::vector<std::vector<std::int64_t>> lists(lands, std::vector<std::int64_t>(n, 0));
  for (std::size_t p = 0; p < n; ++p) {
    const std::vector<std::int64_t> split = count.takes_part[p]
                                                ? land_lists(election, count, p, national[p], rule, result.notes)
                                                : std::vector<std::int64_t>(lands, 0);
    for (std::size_t d = 0; d < lands; ++d) lists[d][p] = count.takes_part[p] ? split[d] : count.wins[d][p];
  }
  trace_count(election, count, rule, lists, trace);
  MixedMemberOutcome mm;
  mm.parties = count.parties;
  mm.takes_part = count.takes_part;
  mm.share = national;
  mm.list_seats.assign(n, 0);
  mm.overhang.assign(n, 0);  // balanced: no party keeps seats beyond its proportional share
  mm.independents = count.outside;
  mm.others = others;
  mm.apportioned = apportioned;
  for (std::size_t p = 0; p < n; ++p) {
    mm.votes.push_back(count.national_votes(p));
    mm.constituency_seats.push_back(count.national_wins(p));
  }
  result.districts.resize(lands);
  for (std::size_t d = 0; d < lands; ++d) {
    const District& land = election.districts[d];
    DistrictOutcome& out = result.districts[d];
    out.lists.resize(land.lists.size());
    for (std::size_t i = 0; i < land.lists.size(); ++i) {
      const std::size_t p = count.index.at(land.lists[i].party);
      ListOutcome& list = out.lists[i];
      list.passes_threshold = count.takes_part[p];
      list.district_seats = count.wins[d][p];
      list.seats = lists[d][p];
      list.leveling_seats = list.seats - list.district_seats;
      mm.list_seats[p] += list.leveling_seats;
      out.general_seats += list.seats;
      mm.house += list.seats;
    }
  }
  mm.house += static_cast<std::int64_t>(count.outside.size());
  for (const std::string& who : mm.independents)
    result.notes.push_back("constituency seat outside the lists: " + who + " (taken off the seats first)");
  result.mixed_member = std::move(mm);
  return result;
}

}  // namespace seatsim
