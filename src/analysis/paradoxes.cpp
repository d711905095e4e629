// The bounded paradox search of paradoxes.hpp. Every probe allocates a changed copy of the whole
// election under the rule (tiers included); a "change" of the result is any list's total seats
// in any district changing. Between two grid points the first change is found by bisection on
// "the result equals the one at the bracket's start", then the search goes on from it, so every
// change inside a bracket is visited (up to a cap per bracket); seats need not be monotone here,
// so bisection finds a change point of the bracket, not necessarily the first.
#include "seatsim/analysis/paradoxes.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "seatsim/analysis/population_paradox.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {
namespace {

using Seats = std::vector<std::vector<std::int64_t>>;  // [district][list], total seats
using Clock = std::chrono::steady_clock;

constexpr std::int64_t ppm = 1'000'000;
constexpr int changes_per_bracket = 16;

std::optional<Seats> allocate_seats(const Election& election, const Rule& rule) {
  try {
    const ElectionOutcome outcome = allocate(election, rule);
    Seats seats;
    for (const DistrictOutcome& district : outcome.districts) {
      std::vector<std::int64_t>& row = seats.emplace_back();
      for (const ListOutcome& list : district.lists) row.push_back(list.seats);
    }
    return seats;
  } catch (const Error&) {
    return std::nullopt;  // no valid result there (a tie under `error`, an impossible tier): no witness
  }
}

std::int64_t party_seats(const Election& election, const Seats& seats, const std::string& party) {
  std::int64_t total = 0;
  for (std::size_t d = 0; d < seats.size(); ++d)
    for (std::size_t i = 0; i < seats[d].size(); ++i)
      if (election.districts[d].lists[i].party == party) total += seats[d][i];
  return total;
}

std::int64_t party_votes(const Election& election, const std::string& party) {
  std::int64_t total = 0;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (list.party == party) total += list.votes;
  return total;
}

// A district's name in a sentence (a votes file without districts has one unnamed district).
std::string district_label(const District& district) { return district.name.empty() ? "the district" : district.name; }

// Parties in order of first appearance.
std::vector<std::string> parties_of(const Election& election) {
  std::vector<std::string> parties;
  std::set<std::string> seen;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (seen.insert(list.party).second) parties.push_back(list.party);
  return parties;
}

// The election with every list of `party` scaled by (1 + t/10^6), rounded down.
void scale_party(Election& election, const Election& cast, const std::string& party, std::int64_t t) {
  for (std::size_t d = 0; d < cast.districts.size(); ++d)
    for (std::size_t i = 0; i < cast.districts[d].lists.size(); ++i) {
      const ListResult& list = cast.districts[d].lists[i];
      if (list.party != party) continue;
      const i128 scaled = static_cast<i128>(list.votes) * (ppm + t);
      election.districts[d].lists[i].votes = static_cast<std::int64_t>(scaled / ppm);
    }
}

// A seat of one party that leaves one district for another, neither of them `except`.
std::optional<std::string> seat_moving_elsewhere(const Election& election, const Seats& before, const Seats& after,
                                                 std::size_t except) {
  std::map<std::string, std::vector<std::size_t>> up, down;
  for (std::size_t d = 0; d < before.size(); ++d)
    for (std::size_t i = 0; d != except && i < before[d].size(); ++i) {
      const std::string& party = election.districts[d].lists[i].party;
      if (after[d][i] > before[d][i]) up[party].push_back(d);
      if (after[d][i] < before[d][i]) down[party].push_back(d);
    }
  for (const auto& [party, to] : up) {
    const auto from = down.find(party);
    if (from == down.end()) continue;
    return "a seat of " + party + " moves from " + election.districts[from->second.front()].name + " to " +
           election.districts[to.front()].name;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::int64_t> paradox_vote_grid(std::int64_t votes, bool down) {
  std::set<std::int64_t> grid;
  for (std::int64_t step = 1; step <= votes / 2; step *= 10) grid.insert(step);
  for (const std::int64_t per_mille : {1, 2, 5, 10, 20, 50, 100, 200, 500})
    grid.insert(std::max<std::int64_t>(1, votes * per_mille / 1000));
  if (down) grid.insert(votes);  // every vote to abstention
  std::vector<std::int64_t> sorted;
  for (const std::int64_t t : grid)
    if (t >= 1 && (!down || t <= votes)) sorted.push_back(t);
  return sorted;
}

namespace {

class Searcher {
 public:
  Searcher(const Election& election, const Rule& rule, const ParadoxOptions& options, ParadoxSearch& out)
      : cast_(election), rule_(rule), out_(out), work_(election) {
    deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(std::max(0.0, options.max_seconds)));
    const auto seats = allocate_seats(election, rule);
    if (!seats) (void)allocate(election, rule);  // throws the allocation's own error
    base_ = *seats;
  }

  bool expired() const { return Clock::now() >= deadline_; }

  // One list's votes in one district, up then down. False when time ran out.
  bool search_list(std::size_t d, std::size_t i) {
    const std::int64_t votes = cast_.districts[d].lists[i].votes;
    for (const int sign : {1, -1}) {
      const auto probe = [&](std::int64_t t) {
        work_.districts[d].lists[i].votes = votes + sign * t;
        auto seats = counted(work_);
        work_.districts[d].lists[i].votes = votes;
        return seats;
      };
      const auto evaluate = [&](std::int64_t t, const Seats& seats) {
        ParadoxFinding finding;
        finding.change = ParadoxChange::district_votes;
        finding.district = d;
        finding.list = i;
        finding.party = cast_.districts[d].lists[i].party;
        finding.amount = sign * t;
        finding.value_before = votes;
        finding.value_after = votes + sign * t;
        vote_findings(finding, seats, d);
      };
      if (!walk(paradox_vote_grid(votes, sign < 0), probe, evaluate)) return false;
    }
    return true;
  }

  // One party's votes everywhere, scaled up then down.
  bool search_party(const std::string& party) {
    const std::int64_t votes = party_votes(cast_, party);
    if (votes == 0) return true;
    std::vector<std::int64_t> grid;
    for (const std::int64_t per_million : {100, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000})
      grid.push_back(per_million);
    for (const int sign : {1, -1}) {
      const auto probe = [&](std::int64_t t) {
        scale_party(work_, cast_, party, sign * t);
        auto seats = counted(work_);
        scale_party(work_, cast_, party, 0);
        return seats;
      };
      const auto evaluate = [&](std::int64_t t, const Seats& seats) {
        ParadoxFinding finding;
        finding.change = ParadoxChange::national_votes;
        finding.party = party;
        finding.amount = sign * t;
        finding.value_before = votes;
        scale_party(work_, cast_, party, sign * t);
        finding.value_after = party_votes(work_, party);
        scale_party(work_, cast_, party, 0);
        vote_findings(finding, seats, std::nullopt);
      };
      if (!walk(grid, probe, evaluate)) return false;
    }
    return true;
  }

  // One district's seats from −10 % to +10 %, one seat at a time.
  bool search_district_seats(std::size_t d) {
    const District& district = cast_.districts[d];
    const std::int64_t spread = std::max<std::int64_t>(1, district.seats / 10);
    const std::int64_t low = std::max(district.reserved, district.seats - spread);
    std::optional<Seats> previous;
    for (std::int64_t k = low; k <= district.seats + spread; ++k) {
      if (expired()) return false;
      work_.districts[d].seats = k;
      std::optional<Seats> seats = counted(work_);
      work_.districts[d].seats = district.seats;
      if (previous && seats) alabama(ParadoxChange::district_seats, d, k - 1, *previous, *seats);
      previous = std::move(seats);
    }
    return true;
  }

  // The leveling seats from −10 % to +10 %.
  bool search_leveling_seats() {
    const std::int64_t seats = rule_.leveling.seats;
    const std::int64_t spread = std::max<std::int64_t>(1, seats / 10);
    std::optional<Seats> previous;
    for (std::int64_t k = std::max<std::int64_t>(1, seats - spread); k <= seats + spread; ++k) {
      if (expired()) return false;
      Rule changed = rule_;
      changed.leveling.seats = k;
      std::optional<Seats> result = counted(cast_, changed);
      if (previous && result) alabama(ParadoxChange::leveling_seats, std::nullopt, k - 1, *previous, *result);
      previous = std::move(result);
    }
    return true;
  }

  // The population paradox between the lists of district d (population_paradox.hpp).
  bool search_population(std::size_t d) {
    const ListSeatsOf seats_of = [&](const Election& election) -> std::optional<std::vector<std::int64_t>> {
      std::optional<Seats> seats = counted(election);
      if (!seats) return std::nullopt;
      return std::move((*seats)[d]);
    };
    PopulationSearch search = search_population_paradox(cast_, d, base_[d], seats_of, [this] { return expired(); });
    for (ParadoxFinding& finding : search.findings) record(std::move(finding));
    return search.complete;
  }

 private:
  std::optional<Seats> counted(const Election& election) { return counted(election, rule_); }
  std::optional<Seats> counted(const Election& election, const Rule& rule) {
    ++out_.allocations;
    return allocate_seats(election, rule);
  }

  // Walks the grid from the cast votes, visiting every change of the result; false on time out.
  bool walk(const std::vector<std::int64_t>& grid, const std::function<std::optional<Seats>(std::int64_t)>& probe,
            const std::function<void(std::int64_t, const Seats&)>& evaluate) {
    std::int64_t previous_t = 0;
    std::optional<Seats> previous = base_;
    for (const std::int64_t t : grid) {
      if (expired()) return false;
      const std::optional<Seats> at_t = probe(t);
      for (int change = 0; at_t != previous && change < changes_per_bracket; ++change) {
        std::int64_t same = previous_t, differs = t;
        std::optional<Seats> found = at_t;
        while (differs - same > 1) {
          const std::int64_t mid = same + (differs - same) / 2;
          std::optional<Seats> at_mid = probe(mid);
          if (at_mid == previous) {
            same = mid;
          } else {
            differs = mid;
            found = std::move(at_mid);
          }
        }
        if (found) evaluate(differs, *found);
        previous_t = differs;
        previous = std::move(found);
        if (previous_t == t) break;
      }
      if (at_t != previous) {  // more changes than the cap: evaluate the grid point itself
        if (at_t) evaluate(t, *at_t);
        previous_t = t;
        previous = at_t;
      }
    }
    return true;
  }

  void vote_findings(ParadoxFinding finding, const Seats& seats, std::optional<std::size_t> district) {
    finding.seats_before = party_seats(cast_, base_, finding.party);
    finding.seats_after = party_seats(cast_, seats, finding.party);
    const bool up = finding.amount > 0;
    const auto paradox = [&](std::int64_t before, std::int64_t after) { return up ? after < before : after > before; };
    const auto report = [&](ParadoxFinding found, const std::string& where) {
      found.kind = up ? ParadoxKind::non_monotonicity : ParadoxKind::negative_vote_weight;
      found.detail = found.party + (up ? " gains votes and loses a seat " : " loses votes and gains a seat ") + where;
      record(std::move(found));
    };
    if (paradox(finding.seats_before, finding.seats_after)) report(finding, "in all");
    if (district && finding.list) {  // the list itself, in its district
      ParadoxFinding in_district = finding;
      in_district.list_seats = true;
      in_district.seats_before = base_[*district][*finding.list];
      in_district.seats_after = seats[*district][*finding.list];
      if (paradox(in_district.seats_before, in_district.seats_after))
        report(in_district, "in " + district_label(cast_.districts[*district]));
    }
    if (district && rule_.tiered())
      if (const auto moved = seat_moving_elsewhere(cast_, base_, seats, *district)) {
        finding.kind = ParadoxKind::seats_move_elsewhere;
        finding.detail = *moved;
        record(std::move(finding));
      }
  }

  void alabama(ParadoxChange change, std::optional<std::size_t> d, std::int64_t k, const Seats& before,
               const Seats& after) {
    ParadoxFinding finding;
    finding.kind = ParadoxKind::alabama;
    finding.change = change;
    finding.district = d;
    finding.amount = 1;
    finding.value_before = k;
    finding.value_after = k + 1;
    if (d)  // a list of the district itself
      for (std::size_t i = 0; i < before[*d].size(); ++i)
        if (after[*d][i] < before[*d][i]) {
          ParadoxFinding in_district = finding;
          in_district.list = i;
          in_district.list_seats = true;
          in_district.party = cast_.districts[*d].lists[i].party;
          in_district.seats_before = before[*d][i];
          in_district.seats_after = after[*d][i];
          in_district.detail = in_district.party + " loses a seat in " + district_label(cast_.districts[*d]) +
                               " when the " + "district has one seat more";
          record(std::move(in_district));
        }
    if (!rule_.tiered() && d) return;
    for (const std::string& party : parties_of(cast_)) {  // under tiers: a party in all
      ParadoxFinding national = finding;
      national.party = party;
      national.seats_before = party_seats(cast_, before, party);
      national.seats_after = party_seats(cast_, after, party);
      if (national.seats_after >= national.seats_before) continue;
      national.detail = party + " loses a seat in all when the house has one seat more";
      record(std::move(national));
    }
  }

  // Keeps the first finding of each kind per change (the smallest change found), re-checked.
  void record(ParadoxFinding finding) {
    const auto key =
        std::make_tuple(static_cast<int>(finding.kind), static_cast<int>(finding.change),
                        finding.district.value_or(SIZE_MAX), finding.list.value_or(SIZE_MAX), finding.party,
                        (finding.amount > 0 ? 1 : 0) + (finding.list_seats ? 2 : 0), finding.gainer.value_or(SIZE_MAX));
    if (!seen_.insert(key).second) return;
    finding.rechecked = recheck_paradox(cast_, rule_, finding);
    out_.allocations += 2;
    if (!finding.rechecked) {
      ++out_.failed_rechecks;
      return;
    }
    out_.findings.push_back(std::move(finding));
  }

  const Election& cast_;
  const Rule& rule_;
  ParadoxSearch& out_;
  Election work_;
  Seats base_;
  Clock::time_point deadline_;
  std::set<std::tuple<int, int, std::size_t, std::size_t, std::string, int, std::size_t>> seen_;
};

// The changed election and rule of a finding.
std::pair<Election, Rule> changed(const Election& election, const Rule& rule, const ParadoxFinding& finding) {
  Election after = election;
  Rule after_rule = rule;
  switch (finding.change) {
    case ParadoxChange::district_votes:
      after.districts.at(*finding.district).lists.at(*finding.list).votes = finding.value_after;
      for (std::size_t i = 0; i < finding.votes_after.size(); ++i)  // a census: every list's votes
        after.districts.at(*finding.district).lists.at(i).votes = finding.votes_after[i];
      break;
    case ParadoxChange::national_votes:
      scale_party(after, election, finding.party, finding.amount);
      break;
    case ParadoxChange::district_seats:
      after.districts.at(*finding.district).seats = finding.value_after;
      break;
    case ParadoxChange::leveling_seats:
      after_rule.leveling.seats = finding.value_after;
      break;
  }
  return {std::move(after), std::move(after_rule)};
}

}  // namespace

std::string paradox_kind_name(ParadoxKind kind) {
  switch (kind) {
    case ParadoxKind::non_monotonicity:
      return "non_monotonicity";
    case ParadoxKind::negative_vote_weight:
      return "negative_vote_weight";
    case ParadoxKind::alabama:
      return "alabama";
    case ParadoxKind::seats_move_elsewhere:
      return "seats_move_elsewhere";
    case ParadoxKind::population:
      return "population";
  }
  return "";
}

bool recheck_paradox(const Election& election, const Rule& rule, const ParadoxFinding& finding) {
  // "Before": the cast election, or for a seat change the election with one seat fewer.
  ParadoxFinding before_change = finding;
  before_change.value_after = finding.value_before;
  before_change.amount = 0;
  const bool seat_change =
      finding.change == ParadoxChange::district_seats || finding.change == ParadoxChange::leveling_seats;
  const auto [before_election, before_rule] =
      seat_change ? changed(election, rule, before_change) : std::pair<Election, Rule>{election, rule};
  const auto [after_election, after_rule] = changed(election, rule, finding);
  const auto before = allocate_seats(before_election, before_rule);
  const auto after = allocate_seats(after_election, after_rule);
  if (!before || !after) return false;
  if (finding.change == ParadoxChange::national_votes &&
      (party_votes(election, finding.party) != finding.value_before ||
       party_votes(after_election, finding.party) != finding.value_after))
    return false;
  const bool in_district = finding.list_seats;
  const std::int64_t seats_before =
      in_district ? (*before)[*finding.district][*finding.list] : party_seats(election, *before, finding.party);
  const std::int64_t seats_after =
      in_district ? (*after)[*finding.district][*finding.list] : party_seats(election, *after, finding.party);
  if (finding.kind != ParadoxKind::seats_move_elsewhere &&
      (seats_before != finding.seats_before || seats_after != finding.seats_after))
    return false;
  switch (finding.kind) {
    case ParadoxKind::non_monotonicity:
      return finding.value_after > finding.value_before && seats_after < seats_before;
    case ParadoxKind::negative_vote_weight:
      return finding.value_after < finding.value_before && seats_after > seats_before;
    case ParadoxKind::alabama:
      return finding.value_after == finding.value_before + 1 && seats_after < seats_before;
    case ParadoxKind::seats_move_elsewhere: {
      const auto moved = seat_moving_elsewhere(election, *before, *after, finding.district.value_or(SIZE_MAX));
      return moved && *moved == finding.detail;
    }
    case ParadoxKind::population:
      return population_paradox_holds(before_election, after_election, finding, (*before)[*finding.district],
                                      (*after)[*finding.district]);
  }
  return false;
}

ParadoxSearch search_paradoxes(const Election& election, const Rule& rule, const ParadoxOptions& options) {
  ParadoxSearch out;
  const auto started = Clock::now();
  Searcher searcher(election, rule, options, out);
  const std::vector<std::string> parties = parties_of(election);
  out.districts = election.districts.size();
  out.parties = parties.size();
  for (const District& district : election.districts) out.lists += district.lists.size();
  bool complete = true;
  // Seats first (cheap), then parties nationally, then every list of every district.
  for (std::size_t d = 0; d < election.districts.size() && complete; ++d)
    if ((complete = searcher.search_district_seats(d))) ++out.districts_searched;
  if (complete && rule.leveling.enabled()) out.leveling_searched = complete = searcher.search_leveling_seats();
  for (std::size_t p = 0; p < parties.size() && complete; ++p)
    if ((complete = searcher.search_party(parties[p]))) ++out.parties_searched;
  for (std::size_t d = 0; d < election.districts.size() && complete; ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size() && complete; ++i)
      if ((complete = searcher.search_list(d, i))) ++out.lists_searched;
  // The population paradox needs three lists in one apportionment, and no tier above it.
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    if (rule.tiered() || election.districts[d].lists.size() < 3) continue;
    ++out.population_districts;
    if (complete && (complete = searcher.search_population(d))) ++out.population_searched;
  }
  out.complete = complete;
  out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return out;
}

}  // namespace seatsim
