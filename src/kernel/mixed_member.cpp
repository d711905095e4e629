// Mixed-member allocation (seatsim/kernel/mixed_member.hpp): constituency winners first, then list
// seats that compensate for them, nationally (New Zealand) or per region (Scotland).
#include "seatsim/kernel/mixed_member.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/germany_2013.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"

namespace seatsim {
namespace {

using Kind = MixedMemberRule::Kind;

const std::vector<std::pair<std::string, Kind>>& kinds() {
  static const std::vector<std::pair<std::string, Kind>> table = {{"new-zealand", Kind::new_zealand},
                                                                  {"scotland", Kind::scotland},
                                                                  {"germany-2023", Kind::germany_2023},
                                                                  {"germany-2013", Kind::germany_2013}};
  return table;
}

// A winner outside the lists: an independent, or a party without a list in the constituency's region
// (none stood there, or a scenario removed or merged it). Such seats come off the seats first.
bool outside_lists(const Election& election, const ConstituencyResult& c) {
  if (c.independent) return true;
  const District* region = election.find(c.region);
  return region == nullptr || std::none_of(region->lists.begin(), region->lists.end(),
                                           [&](const ListResult& list) { return list.party == c.winner; });
}

// Constituency wins by region and party, and the seats of winners outside the lists by region.
struct Wins {
  std::map<std::pair<std::string, std::string>, std::int64_t> by_region_party;
  std::map<std::string, std::int64_t> by_party;
  std::map<std::string, std::int64_t> independents_by_region;  // winners outside the lists
  std::map<std::string, std::int64_t> by_region;

  explicit Wins(const Election& election) {
    for (const ConstituencyResult& c : election.constituencies) {
      ++by_region[c.region];
      if (outside_lists(election, c)) {
        ++independents_by_region[c.region];
        continue;
      }
      ++by_region_party[{c.region, c.winner}];
      ++by_party[c.winner];
    }
  }
  std::int64_t of(const std::string& region, const std::string& party) const {
    const auto it = by_region_party.find({region, party});
    return it == by_region_party.end() ? 0 : it->second;
  }
  static std::int64_t in(const std::map<std::string, std::int64_t>& counts, const std::string& key) {
    const auto it = counts.find(key);
    return it == counts.end() ? 0 : it->second;
  }
};

// An error at the constituency that is one too many for `region`'s `seats`.
Error too_many_constituencies(const Election& election, const std::string& region, std::int64_t seats,
                              const std::string& what) {
  std::int64_t seen = 0;
  std::size_t line = 0;
  for (const ConstituencyResult& c : election.constituencies)
    if (c.region == region && ++seen == seats + 1) line = c.line;
  return Error(election.constituencies_source, line,
               "region '" + region + "' has " + std::to_string(Wins::in(Wins(election).by_region, region)) +
                   " constituency winners but " + std::to_string(seats) + " " + what);
}

// The tie break of one district, keyed by list name as allocate_district keys it.
struct DistrictTies {
  std::vector<std::uint64_t> keys;
  TieBreak ties;
  DistrictTies(const District& district, const Rule& rule, const std::vector<std::size_t>& lists) {
    for (const std::size_t i : lists) keys.push_back(stream_key(district.lists[i].party));
    ties = TieBreak{rule.ties,
                    rule.seed,
                    stream_key(district.name),
                    district.name.empty() ? "the district" : "district '" + district.name + "'",
                    {}};
    ties.list_keys = keys;
  }
};

// Party totals over all districts, in order of first appearance.
MixedMemberOutcome party_table(const Election& election, const Wins& wins) {
  MixedMemberOutcome out;
  std::map<std::string, std::size_t> index;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) {
      const auto [it, added] = index.emplace(list.party, out.parties.size());
      if (added) {
        out.parties.push_back(list.party);
        out.votes.push_back(0);
        out.constituency_seats.push_back(Wins::in(wins.by_party, list.party));
      }
      out.votes[it->second] += list.votes;
    }
  const std::size_t n = out.parties.size();
  out.takes_part.assign(n, false);
  out.share.assign(n, 0);
  out.list_seats.assign(n, 0);
  out.overhang.assign(n, 0);
  for (const ConstituencyResult& c : election.constituencies)
    if (c.independent)
      out.independents.push_back(c.winner + " (" + c.name + ")");
    else if (outside_lists(election, c))
      out.independents.push_back(c.winner + ", no list in " + c.region + " (" + c.name + ")");
  return out;
}

std::size_t party_index(const MixedMemberOutcome& out, const std::string& party) {
  return static_cast<std::size_t>(std::find(out.parties.begin(), out.parties.end(), party) - out.parties.begin());
}

// The explain record: which parties take part and by which route (`passes` per district and list).
void trace_qualification(const Election& election, const std::vector<std::vector<bool>>& passes,
                         const MixedMemberOutcome& mm, const Rule& rule, std::int64_t route, MixedMemberTrace* trace) {
  if (trace == nullptr) return;
  const std::size_t n = mm.parties.size();
  trace->route = route;
  trace->constituency_wins = mm.constituency_seats;
  trace->passes_threshold.assign(n, false);
  trace->by_constituency_route.assign(n, false);
  trace->threshold_exempt.assign(n, false);
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i)
      if (passes[d][i]) trace->passes_threshold[party_index(mm, election.districts[d].lists[i].party)] = true;
  for (std::size_t p = 0; p < n; ++p) {
    trace->by_constituency_route[p] = route > 0 && mm.constituency_seats[p] >= route;
    trace->threshold_exempt[p] = !rule.threshold.empty() && rule.threshold.exempts(mm.parties[p]);
  }
}

void note_independents(const MixedMemberOutcome& mm, std::vector<std::string>& notes) {
  for (const std::string& who : mm.independents)
    notes.push_back("constituency seat outside the lists: " + who + " (taken off the seats first)");
}

// New Zealand: one national apportionment, overhang kept.
ElectionOutcome allocate_new_zealand(const Election& election, const Rule& rule, MixedMemberTrace* trace) {
  if (election.districts.size() != 1)
    throw Error(election.source, 0,
                "mixed_member = new-zealand: the party votes are national, one district (not " +
                    std::to_string(election.districts.size()) + ")");
  const District& district = election.districts.front();
  const Wins wins(election);
  MixedMemberOutcome mm = party_table(election, wins);
  const std::int64_t electorates = static_cast<std::int64_t>(election.constituencies.size());
  if (electorates > district.seats) throw too_many_constituencies(election, district.name, district.seats, "seats");
  const std::vector<std::vector<bool>> all_passes = threshold_passes(election, rule.threshold);
  const std::vector<bool>& passes = all_passes.front();
  const std::int64_t route = rule.mixed_member.constituency_route;
  trace_qualification(election, all_passes, mm, rule, route, trace);
  ElectionOutcome result;
  DistrictOutcome& out = result.districts.emplace_back();
  out.lists.resize(district.lists.size());
  out.general_seats = district.seats;
  std::vector<std::size_t> taking;
  std::vector<std::int64_t> votes;
  mm.others = Wins::in(wins.independents_by_region, district.name);
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const std::size_t p = party_index(mm, district.lists[i].party);
    const bool takes_part = passes[i] || (route > 0 && mm.constituency_seats[p] >= route);
    mm.takes_part[p] = takes_part;
    out.lists[i].passes_threshold = takes_part;
    if (!takes_part) {
      mm.others += mm.constituency_seats[p];
      continue;
    }
    taking.push_back(i);
    votes.push_back(district.lists[i].votes);
  }
  mm.apportioned = district.seats - mm.others;
  const DistrictTies ties(district, rule, taking);
  const DistrictSeats shares = allocate(votes, mm.apportioned, rule.method, ties.ties);
  for (std::size_t k = 0; k < taking.size(); ++k)
    mm.share[party_index(mm, district.lists[taking[k]].party)] = shares.seats[k];
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const std::size_t p = party_index(mm, district.lists[i].party);
    ListOutcome& list = out.lists[i];
    list.district_seats = mm.constituency_seats[p];
    list.seats = std::max(mm.share[p], list.district_seats);
    list.leveling_seats = list.seats - list.district_seats;
    mm.list_seats[p] = list.leveling_seats;
    // A party that does not take part holds its electorates outside the apportionment: no overhang.
    mm.overhang[p] = mm.takes_part[p] ? list.seats - mm.share[p] : 0;
    mm.house += list.seats;
    if (mm.overhang[p] > 0)
      result.notes.push_back(district.lists[i].party + " won " + std::to_string(list.district_seats) +
                             " electorates, " + std::to_string(mm.overhang[p]) +
                             " more than its share: overhang, the House grows");
  }
  for (std::size_t k = 0; k < taking.size(); ++k) out.lists[taking[k]].tie = shares.tie[k] != 0;
  if (shares.tie_decided)
    result.notes.push_back("tie in the national apportionment; rule '" + std::string(tie_rule_name(rule.ties)) + "'");
  mm.house += Wins::in(wins.independents_by_region, district.name);
  note_independents(mm, result.notes);
  result.mixed_member = std::move(mm);
  return result;
}

// Scotland, explain record: the constituency seats each party starts the region with.
void trace_region_start(const District& district, const std::vector<std::size_t>& taking,
                        const std::vector<std::int64_t>& held, const DivisorRule& divisors, MixedMemberTrace* trace) {
  if (trace == nullptr) return;
  for (std::size_t k = 0; k < taking.size(); ++k)
    if (held[k] > 0)
      trace->steps.push_back({0, district.lists[taking[k]].party, district.name, district.name, std::nullopt,
                              divisors.divisor(held[k]),
                              "starts with " + std::to_string(held[k]) + " constituency seat(s)"});
}

// Scotland, explain record: one list seat, the candidates passed over first and then the seat awarded.
void trace_region_seat(const District& district, const std::vector<std::size_t>& taking,
                       const std::vector<std::int64_t>& votes, const std::vector<std::int64_t>& held,
                       const DivisorRule& divisors, std::int64_t seat, std::size_t winner, bool by_lot,
                       MixedMemberTrace* trace) {
  if (trace == nullptr) return;
  const Priority best = divisors.priority(votes[winner], held[winner]);
  for (std::size_t k = 0; k < taking.size(); ++k) {
    if (k == winner) continue;
    const Priority p = divisors.priority(votes[k], held[k]);
    trace->steps.push_back({seat, district.lists[taking[k]].party, district.name, district.name, p,
                            divisors.divisor(held[k]),
                            p != best ? "lower comparison"
                            : by_lot  ? "equal comparison, not chosen by the tie rule"
                                      : "equal comparison, takes one of the next seats"});
  }
  trace->steps.push_back({seat, district.lists[taking[winner]].party, district.name, district.name, best,
                          divisors.divisor(held[winner]), by_lot ? "awarded by tie rule" : "awarded"});
}

// Scotland: one region's list seats, each party's divisor counting its constituency seats.
void allocate_region(const Election& election, const District& district, const std::vector<bool>& passes,
                     const Wins& wins, const Rule& rule, DistrictOutcome& out, std::vector<std::string>& notes,
                     MixedMemberTrace* trace) {
  const std::int64_t constituencies = Wins::in(wins.by_region, district.name);
  const std::int64_t list_seats = district.seats - constituencies;
  if (list_seats < 0) throw too_many_constituencies(election, district.name, district.seats, "seats");
  out.lists.resize(district.lists.size());
  out.general_seats = list_seats;
  std::vector<std::size_t> taking;
  std::vector<std::int64_t> votes, held;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    out.lists[i].district_seats = wins.of(district.name, district.lists[i].party);
    out.lists[i].passes_threshold = passes[i];
    if (!passes[i] || district.lists[i].votes == 0) continue;
    taking.push_back(i);
    votes.push_back(district.lists[i].votes);
    held.push_back(out.lists[i].district_seats);
  }
  if (list_seats > 0 && taking.empty())
    throw Error(election.source, district.lists.empty() ? 0 : district.lists.front().line,
                "region '" + district.name + "': " + std::to_string(list_seats) +
                    " list seat(s) to fill but no list with votes passes the threshold");
  const DivisorRule& divisors = rule.method.divisor();
  const DistrictTies ties(district, rule, taking);
  trace_region_start(district, taking, held, divisors, trace);
  for (std::int64_t seat = 0; seat < list_seats; ++seat) {
    Priority best{};
    std::vector<std::size_t> top;
    for (std::size_t k = 0; k < taking.size(); ++k) {
      const Priority p = divisors.priority(votes[k], held[k]);
      if (top.empty() || p > best) {
        best = p;
        top.assign(1, k);
      } else if (p == best) {
        top.push_back(k);
      }
    }
    const std::int64_t remaining = list_seats - seat;
    std::size_t winner = top.front();
    const bool by_lot = static_cast<std::int64_t>(top.size()) > remaining;
    if (by_lot) {
      for (const std::size_t k : top) out.lists[taking[k]].tie = true;
      winner = ties.ties.choose(top, votes, 1).front();
      notes.push_back("tie in " + district.name + " for a list seat; rule '" + std::string(tie_rule_name(rule.ties)) +
                      "'");
    }
    trace_region_seat(district, taking, votes, held, divisors, seat + 1, winner, by_lot, trace);
    ++held[winner];
  }
  for (std::size_t k = 0; k < taking.size(); ++k)
    out.lists[taking[k]].leveling_seats = held[k] - out.lists[taking[k]].district_seats;
  for (ListOutcome& list : out.lists) list.seats = list.district_seats + list.leveling_seats;
}

ElectionOutcome allocate_scotland(const Election& election, const Rule& rule, MixedMemberTrace* trace) {
  const Wins wins(election);
  MixedMemberOutcome mm = party_table(election, wins);
  const std::vector<std::vector<bool>> passes = threshold_passes(election, rule.threshold);
  trace_qualification(election, passes, mm, rule, 0, trace);
  ElectionOutcome result;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    DistrictOutcome& out = result.districts.emplace_back();
    allocate_region(election, district, passes[d], wins, rule, out, result.notes, trace);
    mm.apportioned += out.general_seats;
    mm.others += Wins::in(wins.independents_by_region, district.name);
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const std::size_t p = party_index(mm, district.lists[i].party);
      mm.takes_part[p] = mm.takes_part[p] || out.lists[i].passes_threshold;
      mm.list_seats[p] += out.lists[i].leveling_seats;
      mm.house += out.lists[i].seats;
    }
  }
  mm.house += mm.others;
  note_independents(mm, result.notes);
  result.mixed_member = std::move(mm);
  return result;
}

// Germany: is constituency a's first-vote share above b's? Exact: wa/va > wb/vb ⇔ wa·vb > wb·va.
bool higher_share(const ConstituencyResult& a, const ConstituencyResult& b) {
  return static_cast<i128>(*a.winner_votes) * *b.valid_votes > static_cast<i128>(*b.winner_votes) * *a.valid_votes;
}

// Germany: which of a party's constituency winners in one Land are seated, given its Land list's
// seats: all when they fit, else the `seats` with the highest first-vote shares.
std::vector<const ConstituencyResult*> covered_winners(const Election& election,
                                                       std::vector<const ConstituencyResult*> winners,
                                                       std::int64_t seats) {
  if (static_cast<std::int64_t>(winners.size()) <= seats) return winners;
  for (const ConstituencyResult* c : winners)
    if (!c->winner_votes)
      throw Error(election.constituencies_source, c->line,
                  "constituency '" + c->name + "': ranking the winners of " + c->winner + " in " + c->region +
                      " (second-vote coverage) needs winner_votes and valid_votes");
  std::stable_sort(winners.begin(), winners.end(),
                   [](const ConstituencyResult* a, const ConstituencyResult* b) { return higher_share(*a, *b); });
  const ConstituencyResult& last = *winners[static_cast<std::size_t>(seats > 0 ? seats - 1 : 0)];
  const ConstituencyResult& next = *winners[static_cast<std::size_t>(seats)];
  if (seats > 0 && !higher_share(last, next) && !higher_share(next, last))
    throw Error(election.constituencies_source, next.line,
                "constituencies '" + last.name + "' and '" + next.name +
                    "' have equal first-vote shares at the limit of second-vote coverage: the law decides by lot");
  winners.resize(static_cast<std::size_t>(seats));
  return winners;
}

// Germany: a party's seats to its Land lists by the method on its Land votes.
std::vector<std::int64_t> land_split(const Election& election, const std::string& party, std::int64_t seats,
                                     const Rule& rule, std::vector<std::string>& notes) {
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (const District& land : election.districts) {
    std::int64_t v = 0;
    for (const ListResult& list : land.lists)
      if (list.party == party) v = list.votes;
    votes.push_back(v);
    keys.push_back(stream_key(land.name));
  }
  TieBreak ties{rule.ties, rule.seed, stream_key(party), "the Land lists of " + party, {}};
  ties.list_keys = keys;
  const DistrictSeats split = allocate(votes, seats, rule.method, ties);
  if (split.tie_decided) notes.push_back("tie in the split of " + party + "'s seats to its Land lists");
  return split.seats;
}

// Germany, explain record: one party in one Land, and each of its constituency winners there, ranked by
// first-vote share where the shares are known, seated or not as the coverage decided.
void trace_land(const std::string& party, const District& land, std::int64_t land_seats, bool takes_part,
                std::vector<const ConstituencyResult*> winners, const std::vector<const ConstituencyResult*>& seated,
                MixedMemberTrace* trace) {
  if (trace == nullptr || (!takes_part && winners.empty())) return;
  std::int64_t votes = 0;
  for (const ListResult& list : land.lists)
    if (list.party == party) votes = list.votes;
  trace->lands.push_back({party, land.name, votes, land_seats, static_cast<std::int64_t>(winners.size()),
                          static_cast<std::int64_t>(seated.size())});
  const bool ranked = std::all_of(winners.begin(), winners.end(),
                                  [](const ConstituencyResult* c) { return c->winner_votes && c->valid_votes; });
  if (ranked)
    std::stable_sort(winners.begin(), winners.end(),
                     [](const ConstituencyResult* a, const ConstituencyResult* b) { return higher_share(*a, *b); });
  const std::string of = " of " + std::to_string(winners.size()) + " winners, " + std::to_string(land_seats) +
                         " Land list seats in " + land.name;
  for (std::size_t r = 0; r < winners.size(); ++r) {
    const ConstituencyResult& c = *winners[r];
    std::optional<Priority> share;
    if (ranked) share = Priority{static_cast<u128>(*c.winner_votes), static_cast<u128>(*c.valid_votes)};
    const bool is_seated = std::find(seated.begin(), seated.end(), &c) != seated.end();
    std::string reason = !takes_part ? "seated: party does not take part (seat taken off first)"
                         : is_seated ? "seated: covered (rank " + std::to_string(r + 1) + of + ")"
                                     : "unseated: no second-vote coverage (rank " + std::to_string(r + 1) + of + ")";
    trace->steps.push_back(
        {static_cast<std::int64_t>(r + 1), party, c.name, land.name, share, std::nullopt, std::move(reason)});
  }
}

ElectionOutcome allocate_germany_2023(const Election& election, const Rule& rule, MixedMemberTrace* trace) {
  const Wins wins(election);
  MixedMemberOutcome mm = party_table(election, wins);
  const std::vector<std::vector<bool>> passes = threshold_passes(election, rule.threshold);
  const std::int64_t route = rule.mixed_member.constituency_route;
  trace_qualification(election, passes, mm, rule, route, trace);
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      const std::size_t p = party_index(mm, election.districts[d].lists[i].party);
      mm.takes_part[p] = mm.takes_part[p] || passes[d][i] || (route > 0 && mm.constituency_seats[p] >= route);
    }
  std::int64_t house = rule.mixed_member.house_seats;
  if (house == 0) house = election.total_seats();
  mm.others = static_cast<std::int64_t>(mm.independents.size());
  for (std::size_t p = 0; p < mm.parties.size(); ++p)
    if (!mm.takes_part[p]) mm.others += mm.constituency_seats[p];
  mm.apportioned = house - mm.others;
  if (mm.apportioned < 0)
    throw Error(election.constituencies_source, 0,
                "more constituency seats of independents and of parties not taking part than seats");
  // The upper apportionment on national votes.
  std::vector<std::size_t> taking;
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (std::size_t p = 0; p < mm.parties.size(); ++p)
    if (mm.takes_part[p]) {
      taking.push_back(p);
      votes.push_back(mm.votes[p]);
      keys.push_back(stream_key(mm.parties[p]));
    }
  TieBreak ties{rule.ties, rule.seed, stream_key("national"), "the national apportionment", {}};
  ties.list_keys = keys;
  ElectionOutcome result;
  const DistrictSeats upper = allocate(votes, mm.apportioned, rule.method, ties);
  if (upper.tie_decided) result.notes.push_back("tie in the national apportionment");
  for (std::size_t k = 0; k < taking.size(); ++k) mm.share[taking[k]] = upper.seats[k];
  // The lower apportionment and the coverage, Land by Land.
  result.districts.resize(election.districts.size());
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    result.districts[d].lists.resize(election.districts[d].lists.size());
  for (std::size_t p = 0; p < mm.parties.size(); ++p) {
    const std::string& party = mm.parties[p];
    const std::vector<std::int64_t> land_seats = mm.takes_part[p]
                                                     ? land_split(election, party, mm.share[p], rule, result.notes)
                                                     : std::vector<std::int64_t>(election.districts.size(), 0);
    for (std::size_t d = 0; d < election.districts.size(); ++d) {
      const District& land = election.districts[d];
      std::vector<const ConstituencyResult*> winners;
      for (const ConstituencyResult& c : election.constituencies)
        if (!outside_lists(election, c) && c.region == land.name && c.winner == party) winners.push_back(&c);
      const std::vector<const ConstituencyResult*> seated =
          mm.takes_part[p] ? covered_winners(election, winners, land_seats[d]) : winners;
      for (const ConstituencyResult* c : winners)
        if (std::find(seated.begin(), seated.end(), c) == seated.end())
          mm.unseated.push_back(c->name + " (" + party + ", " + land.name + ")");
      trace_land(party, land, land_seats[d], mm.takes_part[p], winners, seated, trace);
      for (std::size_t i = 0; i < land.lists.size(); ++i) {
        if (land.lists[i].party != party) continue;
        ListOutcome& out = result.districts[d].lists[i];
        out.passes_threshold = mm.takes_part[p];
        out.district_seats = static_cast<std::int64_t>(seated.size());
        out.seats = mm.takes_part[p] ? land_seats[d] : out.district_seats;
        out.leveling_seats = out.seats - out.district_seats;
      }
    }
  }
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (const ListOutcome& list : result.districts[d].lists) {
      mm.house += list.seats;
      result.districts[d].general_seats += list.seats;
    }
  for (std::size_t p = 0; p < mm.parties.size(); ++p) {
    mm.constituency_seats[p] = 0;
    mm.list_seats[p] = 0;
  }
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      const std::size_t p = party_index(mm, election.districts[d].lists[i].party);
      mm.constituency_seats[p] += result.districts[d].lists[i].district_seats;
      mm.list_seats[p] += result.districts[d].lists[i].leveling_seats;
    }
  mm.house += static_cast<std::int64_t>(mm.independents.size());
  if (!mm.unseated.empty())
    result.notes.push_back(std::to_string(mm.unseated.size()) +
                           " constituency winner(s) without second-vote coverage stay unseated");
  note_independents(mm, result.notes);
  result.mixed_member = std::move(mm);
  return result;
}

}  // namespace

MixedMemberRule::Kind mixed_member_kind_by_name(const std::string& name) {
  for (const auto& [known, kind] : kinds())
    if (known == name) return kind;
  std::string known;
  for (const auto& entry : kinds()) known += (known.empty() ? "" : ", ") + entry.first;
  throw Error("unknown mixed-member system '" + name + "' (known: " + known + ")");
}

std::string mixed_member_kind_name(MixedMemberRule::Kind kind) {
  for (const auto& [known, k] : kinds())
    if (k == kind) return known;
  return "none";
}

std::vector<std::string> mixed_member_kind_names() {
  std::vector<std::string> names;
  for (const auto& entry : kinds()) names.push_back(entry.first);
  return names;
}

std::string MixedMemberRule::describe() const {
  std::string text = "mixed member (" + mixed_member_kind_name(kind) + ")";
  if (constituency_route > 0) text += ", or " + std::to_string(constituency_route) + " constituency win(s)";
  return text;
}

namespace {

ElectionOutcome allocate_with_trace(const Election& election, const Rule& rule, MixedMemberTrace* trace) {
  for (const ConstituencyResult& c : election.constituencies)
    if (!election.find(c.region))
      throw Error(election.constituencies_source, c.line, "no region '" + c.region + "' among the districts");
  switch (rule.mixed_member.kind) {
    case Kind::new_zealand:
      return allocate_new_zealand(election, rule, trace);
    case Kind::scotland:
      return allocate_scotland(election, rule, trace);
    case Kind::germany_2023:
      return allocate_germany_2023(election, rule, trace);
    case Kind::germany_2013:
      return allocate_germany_2013(election, rule, trace);
    case Kind::none:
      break;
  }
  throw Error("mixed_member: no system named");
}

}  // namespace

ElectionOutcome allocate_mixed_member(const Election& election, const Rule& rule) {
  return allocate_with_trace(election, rule, nullptr);
}

ElectionOutcome allocate_mixed_member_traced(const Election& election, const Rule& rule, MixedMemberTrace& trace) {
  trace = MixedMemberTrace{};
  rule.check();
  check_vote_limits(election);
  if (!rule.mixed_member.enabled()) throw Error("explain: the rule has no mixed-member component");
  if (has_alliances(election)) throw Error(election.source, 0, "list alliances do not combine with mixed_member");
  return allocate_with_trace(election, rule, &trace);
}

}  // namespace seatsim
