// Exact seat margins by re-allocation.
//
// Let h(t) be the seats of list i when it has t votes and every other vote is as cast. The
// margins are the first t above the cast votes where h reaches seats + 1, and the last t below
// them where h drops under seats. h is not monotone in general: a share threshold moves its base
// with t (other lists can fall below it, or rejoin), and largest-remainder methods show the
// population paradox. But t splits into *pieces* on which h is monotone non-decreasing:
//
//  - the set of lists that pass the threshold changes monotonically in t (list i can only join
//    as t grows, every other list can only leave: its votes are fixed while the base grows), so
//    it changes at most once per list;
//  - with that set fixed, divisor methods are vote-monotone: list i's priorities grow with t,
//    the others' are fixed, and at an exact tie the tie rule decides at that single t;
//  - largest-remainder methods are monotone while every list's whole quotas (and, for the
//    integer Droop quota, the quota itself) stay fixed: list i's remainder then grows with t
//    (slope m − wᵢ ≥ 1 in units of 1/m for a quota V/m) and every other remainder shrinks or
//    stays, so list i only climbs in the ranking that gives extra seats and only falls in the
//    one that withdraws excess seats. Each of these quantities is itself monotone in t while
//    the threshold set is fixed (Droop's quota too; list i's whole quotas while Droop's quota
//    is fixed), so "all of them equal to their value at t" holds on an interval.
//
// The search walks these pieces in order (finding each piece's end by galloping on the piece
// key), checks h at the piece's far end, and bisects inside the first piece that reaches the
// target. Every answer is then confirmed by re-allocation at the margin and one vote short.
//
// Under tiers (leveling seats, biproportional apportionment) h is the list's total seats with
// the whole election re-allocated, and it is not monotone on these pieces: more votes in one
// district can move a leveling seat away, or change the upper apportionment's divisors. There
// the search probes at growing steps and bisects the first bracket that crosses the target
// (first_crossing): the answer is a confirmed crossing (reached at t, not at one vote short),
// the smallest one whenever h is monotone over the range, but not proven the smallest in general.
// Seat bounds alone keep every district independent and vote-monotone: exact as above.
//
// Lots: under a rule that draws lots (`lot`, or the fallback of `more-votes`/`fewer-votes` between
// equal votes) a margin found with the configured seed could rest on a lot ("1 vote wins the seat"
// where 1 vote only wins a draw). Every search therefore runs under a seed whose draw decides each
// lot against the list (h is then monotone on the pieces as with list order), and a second search
// under a seed that decides them for it finds where a lot alone would decide (gain_at_lot,
// lose_at_lot). Under tiers, where the seed also draws the lots of every other district, the
// configured draw stays (docs/uncertainty.md).
#include "seatsim/analysis/margins.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "seatsim/core/alliance.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim {
namespace {

// The lot key of each competitor that holds `list` at each level of an alliance allocation: its alliance (or the
// list itself when alone), its sub-alliance (or the list itself), the list; the kernel keys a group by the hash of
// "alliance " + its name, or of "alliance " + "alliance/sub-alliance" (alliance_allocation.cpp).
std::vector<std::uint64_t> lot_chain(const District& district, std::size_t list) {
  const std::string& party = district.lists[list].party;
  const std::uint64_t own = stream_key(party);
  const Alliance* alliance = alliance_of(district.alliances, party);
  if (!alliance) return {own, own, own};
  const std::string label = group_label(district.alliances, party);
  const std::uint64_t middle = label == alliance->name ? own : stream_key("alliance " + label);
  return {stream_key("alliance " + alliance->name), middle, own};
}

// How many levels of the alliance allocation list j shares with `list` (0: none, its alliance or itself alone
// differs; 1: the same alliance; 2: the same sub-alliance too; 3: the list itself).
int shared_levels(const District& district, std::size_t list, std::size_t j) {
  const std::vector<std::uint64_t> mine = lot_chain(district, list), theirs = lot_chain(district, j);
  int levels = 0;
  while (levels < 3 && mine[levels] == theirs[levels]) ++levels;
  return j == list ? 3 : std::min(levels, 2);
}

// One list of one district, re-allocated with a chosen number of votes.
class ListProbe {
 public:
  ListProbe(const Election& election, const Rule& rule, const NationalVotes& national, std::size_t district,
            std::size_t list)
      : rule_(rule), source_(election.source), district_(election.districts[district]) {
    cast_ = district_.lists[list].votes;
    // Under tiers the whole election is re-allocated, since leveling seats and the
    // biproportional apportionment tie every district to the others.
    if (rule.tiered()) {
      whole_ = election;
      district_index_ = district;
    }
    // Under `--ties error` a tie is not a win: decide every tie against list i, by list order
    // with list i moved last. Ties between other lists never change list i's seats. (Under
    // tiers the rule stays `error` and an allocation that meets a tie counts as not won.)
    // With alliances the list's groups go last at their levels too: its alliance's lists after the others, its
    // sub-alliance's after the rest of its alliance (the kernel orders groups by their first list).
    const bool reorder = rule.ties == TieRule::error && !whole_;
    for (std::size_t j = 0; j < district_.lists.size(); ++j) order_.push_back(j);
    if (reorder) {
      std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        return shared_levels(district_, list, a) < shared_levels(district_, list, b);
      });
      rule_.ties = TieRule::list_order;
      District reordered = district_;
      for (std::size_t k = 0; k < order_.size(); ++k) reordered.lists[k] = district_.lists[order_[k]];
      district_ = std::move(reordered);
    }
    list_ = static_cast<std::size_t>(std::find(order_.begin(), order_.end(), list) - order_.begin());
    national_threshold_ = rule.threshold.needs_national();
    if (national_threshold_) {
      national_ = national;
      party_votes_ = national_.party[district_.lists[list_].party];
      national_total_ = national_.total;
    }
  }

  std::int64_t cast_votes() const noexcept { return cast_; }

  // Seats of every list of the district (in input order) with list i at t votes; none when the
  // district cannot be filled (no list with votes passes the threshold): the seat is then
  // neither won nor kept. Only this district is re-allocated: the margin is about this list's
  // seats, whether or not another district could still be filled under a national threshold.
  std::optional<std::vector<std::int64_t>> seats_at(std::int64_t t) {
    set_votes(t);
    if (whole_) return whole_seats_at(t);
    try {
      const DistrictOutcome outcome = allocate_district(district_, passes(), rule_, source_);
      std::vector<std::int64_t> seats(outcome.lists.size());
      for (std::size_t k = 0; k < order_.size(); ++k) seats[order_[k]] = outcome.lists[k].seats;
      return seats;
    } catch (const Error&) {
      return std::nullopt;
    }
  }

  bool whole() const noexcept { return whole_.has_value(); }
  // Under tiers: every list's total seats at the last seats_at, [district][list].
  const std::vector<std::vector<std::int64_t>>& last_whole() const noexcept { return last_whole_; }

  std::int64_t own_seats_at(std::int64_t t, std::int64_t on_tie) {
    const auto seats = seats_at(t);
    return seats ? (*seats)[order_[list_]] : on_tie;
  }

  // What stays constant on a piece where h is monotone (see the file comment).
  std::vector<std::int64_t> piece_key(std::int64_t t) {
    set_votes(t);
    const std::vector<bool> pass = passes();
    std::vector<std::int64_t> key(pass.begin(), pass.end());
    if (rule_.method.is_divisor()) return key;
    std::int64_t total = 0;
    for (std::size_t j = 0; j < pass.size(); ++j)
      if (pass[j] && district_.lists[j].quota_group.empty()) total += district_.lists[j].votes;
    const std::int64_t seats = district_.seats - district_.reserved;
    if (seats <= 0 || total <= 0) return key;
    const Rational quota = rule_.method.quota().quota(total, seats);
    if (rule_.method.quota().kind() == QuotaRule::Kind::droop) key.push_back(quota.floor());
    for (std::size_t j = 0; j < pass.size(); ++j) {
      if (!pass[j] || !district_.lists[j].quota_group.empty()) continue;
      const i128 whole = static_cast<i128>(district_.lists[j].votes) * quota.den() / quota.num();
      key.push_back(static_cast<std::int64_t>(whole));
    }
    return key;
  }

 private:
  void set_votes(std::int64_t t) {
    district_.lists[list_].votes = t;
    if (national_threshold_) {
      national_.party[district_.lists[list_].party] = party_votes_ - cast_ + t;
      national_.total = national_total_ - cast_ + t;
    }
  }
  // As `allocate` measures them: per list, then (alliance_threshold = groups) each alliance's lists together. A
  // group's verdict is monotone in t as a list's is: list i's group can only join as t grows, the others only leave.
  std::vector<bool> passes() const {
    std::vector<bool> row = district_threshold_passes(district_, rule_.threshold, national_);
    if (rule_.alliances.threshold == AllianceThreshold::groups && !rule_.threshold.empty())
      apply_group_threshold(district_, rule_.threshold, national_, row);
    return row;
  }

  // The district's total seats (district + leveling) with the whole election re-allocated.
  std::optional<std::vector<std::int64_t>> whole_seats_at(std::int64_t t) {
    whole_->districts[district_index_].lists[order_[list_]].votes = t;
    try {
      const ElectionOutcome outcome = allocate(*whole_, rule_);
      last_whole_.clear();
      for (const DistrictOutcome& district : outcome.districts) {
        std::vector<std::int64_t>& row = last_whole_.emplace_back();
        for (const ListOutcome& list : district.lists) row.push_back(list.seats);
      }
      return last_whole_[district_index_];
    } catch (const Error&) {
      return std::nullopt;
    }
  }

  Rule rule_;
  const std::string& source_;
  District district_;               // a copy whose list i's votes the probe sets
  std::vector<std::size_t> order_;  // district_.lists[k] is the district's list order_[k]
  std::size_t list_ = 0;            // list i's position in district_
  std::int64_t cast_ = 0;
  bool national_threshold_ = false;
  NationalVotes national_;
  std::int64_t party_votes_ = 0, national_total_ = 0;
  std::optional<Election> whole_;  // under tiers: a copy of the election whose list i the probe sets
  std::size_t district_index_ = 0;
  std::vector<std::vector<std::int64_t>> last_whole_;
};

using Predicate = std::function<bool(std::int64_t)>;

// For `holds` true at `from` and, between `from` and `to`, true up to some point and false
// after it (in the direction from `from` to `to`): the last point where it holds. Gallops from
// `from`, so the cost is logarithmic in the distance to the answer, not in the range.
std::int64_t last_holding(std::int64_t from, std::int64_t to, const Predicate& holds) {
  const std::int64_t direction = to >= from ? 1 : -1;
  std::int64_t good = from, step = 1;
  std::int64_t bad = 0;
  bool found_bad = false;
  while (good != to) {
    const std::int64_t room = (to - good) * direction;
    const std::int64_t probe = good + direction * std::min(step, room);
    if (holds(probe)) {
      good = probe;
      step *= 2;
    } else {
      bad = probe;
      found_bad = true;
      break;
    }
  }
  if (!found_bad) return to;
  while ((bad - good) * direction > 1) {
    const std::int64_t mid = good + (bad - good) / 2;
    (holds(mid) ? good : bad) = mid;
  }
  return good;
}

// The first t in [from, to] (walking from `from` towards `to`) where `reached` is true, given
// that `reached` is monotone on every piece of constant probe.piece_key.
std::optional<std::int64_t> first_reaching(ListProbe& probe, std::int64_t from, std::int64_t to,
                                           const Predicate& reached) {
  const std::int64_t direction = to >= from ? 1 : -1;
  for (std::int64_t start = from; (to - start) * direction >= 0;) {
    const std::vector<std::int64_t> key = probe.piece_key(start);
    const std::int64_t end = last_holding(start, to, [&](std::int64_t t) { return probe.piece_key(t) == key; });
    if (reached(end)) {
      if (reached(start)) return start;
      // Inside the piece `reached` is false, then true: the last false point, plus one step.
      return last_holding(start, end, [&](std::int64_t t) { return !reached(t); }) + direction;
    }
    start = end + direction;
  }
  return std::nullopt;
}

// Under tiers, where seats need not be monotone in votes: probes from `from` towards `to` at
// growing steps (1, 2, 4, … within each piece) and bisects between the last probe short of the
// target and the first that reaches it. The answer reaches the target and the point one step
// before does not; it is the first such point when h is monotone over the range, and otherwise
// the first crossing the probes bracket.
std::optional<std::int64_t> first_crossing(ListProbe& probe, std::int64_t from, std::int64_t to,
                                           const Predicate& reached) {
  const std::int64_t direction = to >= from ? 1 : -1;
  for (std::int64_t start = from; (to - start) * direction >= 0;) {
    if (reached(start)) return start;
    const std::vector<std::int64_t> key = probe.piece_key(start);
    const std::int64_t end = last_holding(start, to, [&](std::int64_t t) { return probe.piece_key(t) == key; });
    const std::int64_t short_of = last_holding(start, end, [&](std::int64_t t) { return !reached(t); });
    if (short_of != end) return short_of + direction;
    start = end + direction;
  }
  return std::nullopt;
}

std::vector<std::size_t> changed_lists(const std::vector<std::int64_t>& before, const std::vector<std::int64_t>& after,
                                       std::size_t except, bool decreased) {
  std::vector<std::size_t> lists;
  for (std::size_t j = 0; j < before.size(); ++j)
    if (j != except && (decreased ? after[j] < before[j] : after[j] > before[j])) lists.push_back(j);
  return lists;
}

void confirm(bool holds, const char* what) {
  if (!holds) throw std::logic_error(std::string("seat margin not confirmed by re-allocation: ") + what);
}

std::vector<std::int64_t> seats_of(const DistrictOutcome& outcome) {
  std::vector<std::int64_t> seats;
  for (const ListOutcome& list : outcome.lists) seats.push_back(list.seats);
  return seats;
}

// Lists of other districts whose total seats moved (under tiers), as (district, list).
std::vector<std::pair<std::size_t, std::size_t>> changed_elsewhere(const ElectionOutcome& cast,
                                                                   const std::vector<std::vector<std::int64_t>>& after,
                                                                   std::size_t except, bool decreased) {
  std::vector<std::pair<std::size_t, std::size_t>> lists;
  for (std::size_t d = 0; d < after.size(); ++d)
    for (std::size_t j = 0; d != except && j < after[d].size(); ++j) {
      const std::int64_t before = cast.seats(d, j);
      if (decreased ? after[d][j] < before : after[d][j] > before) lists.emplace_back(d, j);
    }
  return lists;
}

// The most seats one list can hold in `district`: a reserved group's list its group's seat; a
// general list the general seats, plus under leveling the leveling seats the district can take.
std::int64_t most_seats(const District& district, const ListResult& list, const Rule& rule) {
  if (!list.quota_group.empty()) return 1;
  const std::int64_t leveling =
      rule.leveling.enabled() ? std::clamp<std::int64_t>(rule.leveling.capacity(district.name), 0, rule.leveling.seats)
                              : 0;
  return district.seats - district.reserved + leveling;
}

// The pairs of lot keys (the list's side first) whose draws decide the list's seats: against every other list of
// the district; with alliances, at the first level where the two lists' competitors differ (two groups, a group
// and a list, or two lists).
std::vector<std::pair<std::uint64_t, std::uint64_t>> lot_pairs(const District& district, std::size_t list) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  const std::vector<std::uint64_t> mine = lot_chain(district, list);
  for (std::size_t j = 0; j < district.lists.size(); ++j) {
    if (j == list) continue;
    const std::vector<std::uint64_t> theirs = lot_chain(district, j);
    std::size_t level = 0;
    while (level + 1 < mine.size() && mine[level] == theirs[level]) ++level;
    const std::pair<std::uint64_t, std::uint64_t> pair{mine[level], theirs[level]};
    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
  }
  return pairs;
}

// Lots are drawn by (seed, district name, list name) (tie_rule.hpp), so a seed whose draw ranks
// the list after every other list of its district decides every lot the list takes part in
// against it, and one that ranks it first decides them for it: the margins under those two
// seeds are those "whatever any lot draws" and "with the luckiest lot". With list alliances the
// list's groups take part in lots at their levels: the seed ranks them likewise against their
// rivals (lot_pairs). None when no seed up to a bound does it (two lists of one name), or when
// the rule never draws lots.
std::optional<std::uint64_t> seed_deciding_lots(const District& district, std::size_t list, bool against) {
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs = lot_pairs(district, list);
  const std::vector<std::int64_t> no_votes(2, 0);
  const std::size_t mine_first[] = {0, 1};
  for (std::uint64_t seed = 0; seed < 64 * district.lists.size() + 1024; ++seed) {
    bool decided = true;
    for (std::size_t k = 0; k < pairs.size() && decided; ++k) {
      const std::uint64_t keys[] = {pairs[k].first, pairs[k].second};
      const TieBreak ties{TieRule::lot, seed, stream_key(district.name), "", keys};
      decided = (ties.choose(mine_first, no_votes, 1).front() == 0) != against;
    }
    if (decided) return seed;
  }
  return std::nullopt;
}

bool draws_lots(TieRule ties) {
  return ties == TieRule::lot || ties == TieRule::more_votes || ties == TieRule::fewer_votes;
}

// The rule with its lots decided against (or for) the list; none when that cannot be arranged.
// Under tiers the seed also draws every other district's lots (and those of the upper tier), so
// it cannot be turned against one list alone: the configured draw stays, and no lot column.
std::optional<Rule> rule_deciding_lots(const Rule& rule, const District& district, std::size_t list, bool against) {
  if (!draws_lots(rule.ties) || rule.tiered()) return std::nullopt;
  const auto seed = seed_deciding_lots(district, list, against);
  if (!seed) return std::nullopt;
  Rule decided = rule;
  decided.seed = *seed;
  return decided;
}

ListMargin margin_of(const Election& election, const Rule& rule, const ElectionOutcome& outcome,
                     const NationalVotes& national, std::size_t district, std::size_t list) {
  const District& where = election.districts[district];
  // `probe` decides every lot against the list (the margins that hold whatever the lot draws);
  // `lucky`, where lots are drawn at all, decides them for it (where a lot could decide instead).
  const std::optional<Rule> unlucky_rule = rule_deciding_lots(rule, where, list, true);
  const std::optional<Rule> lucky_rule = unlucky_rule ? rule_deciding_lots(rule, where, list, false) : std::nullopt;
  ListProbe probe(election, unlucky_rule && lucky_rule ? *unlucky_rule : rule, national, district, list);
  std::optional<ListProbe> lucky;
  if (unlucky_rule && lucky_rule) lucky.emplace(election, *lucky_rule, national, district, list);
  const auto search = [&](ListProbe& on, std::int64_t from, std::int64_t to, const Predicate& reached) {
    return on.whole() ? first_crossing(on, from, to, reached) : first_reaching(on, from, to, reached);
  };
  ListMargin margin;
  margin.district = district;
  margin.list = list;
  margin.votes = where.lists[list].votes;
  margin.seats = outcome.seats(district, list);
  const std::vector<std::int64_t> cast = seats_of(outcome.districts[district]);
  const std::int64_t v = margin.votes, s = margin.seats;

  // Gain: a reserved-group list holds at most its group's seat; a general list at most the
  // general seats. Below those, walk the pieces upwards. A tie under `error` is not a win.
  const std::int64_t most = most_seats(where, where.lists[list], rule);
  if (s < most && v < max_votes) {
    const Predicate wins = [&](std::int64_t t) { return probe.own_seats_at(t, s) >= s + 1; };
    const auto t = search(probe, v + 1, max_votes, wins);
    if (t) {
      confirm(wins(*t) && (*t == v + 1 || !wins(*t - 1)), "gain");
      margin.votes_to_gain = *t - v;
      margin.gain_from = changed_lists(cast, *probe.seats_at(*t), list, true);
      if (probe.whole()) margin.gain_from_elsewhere = changed_elsewhere(outcome, probe.last_whole(), district, true);
    }
    if (lucky) {  // from the cast votes on: a lot lost at them is a seat at a lot already
      const Predicate wins_by_lot = [&](std::int64_t u) { return lucky->own_seats_at(u, s) >= s + 1; };
      const auto by_lot = search(*lucky, v, t ? *t : max_votes, wins_by_lot);
      if (by_lot && (!t || *by_lot < *t)) margin.gain_at_lot = *by_lot - v;
    }
  }
  // Loss: walk the pieces downwards to the first count of votes that no longer keeps every seat
  // (from the cast votes themselves when lots go against the list: a seat it holds by lot).
  if (s > 0) {
    const std::int64_t start = lucky ? v : v - 1;
    const Predicate loses = [&](std::int64_t t) { return probe.own_seats_at(t, s - 1) < s; };
    const auto t = start >= 0 ? search(probe, start, 0, loses) : std::nullopt;
    if (!t) {
      margin.votes_to_lose = v;  // keeps its seats even with no votes
    } else {
      confirm(loses(*t) && (*t == start || !loses(*t + 1)), "loss");
      margin.votes_to_lose = std::max<std::int64_t>(v - *t - 1, 0);
      if (lucky && lucky->own_seats_at(*t, s - 1) >= s) margin.lose_at_lot = v - *t;
      if (const auto after = probe.seats_at(*t)) {
        margin.lose_to = changed_lists(cast, *after, list, false);
        if (probe.whole()) margin.lose_to_elsewhere = changed_elsewhere(outcome, probe.last_whole(), district, false);
      }
    }
  }
  return margin;
}

}  // namespace

ListMargin list_margin(const Election& election, const Rule& rule, const ElectionOutcome& outcome, std::size_t district,
                       std::size_t list) {
  return margin_of(election, rule, outcome, national_votes(election), district, list);
}

// A quota method at either level of an alliance allocation: a list's seats are not monotone in its votes there (a
// group that gains votes and a seat can lose one of its lists a seat: the Alabama paradox inside the group), so a
// margin found piece by piece is confirmed but not proven the smallest.
bool alliances_under_quota(const Election& election, const Rule& rule) {
  return has_alliances(election) &&
         (!rule.method.is_divisor() || !rule.alliances.inner.value_or(rule.method).is_divisor());
}

Margins compute_margins(const Election& election, const Rule& rule) {
  Margins result;
  result.outcome = allocate(election, rule);
  result.proven_smallest = !rule.tiered() && !alliances_under_quota(election, rule);
  if (!rule.tiered() && !result.proven_smallest)
    result.outcome.notes.push_back(
        "margins under list alliances with a quota method: each margin is a crossing confirmed by re-allocation (the "
        "seat is won at it and not one vote short), not proven the smallest: see docs/alliances.md");
  else if (!result.proven_smallest)
    result.outcome.notes.push_back(
        "margins under " +
        std::string(rule.biproportional.enabled ? "biproportional apportionment"
                    : rule.quota_tier.enabled() ? "a quota tier"
                    : rule.mixed_member.enabled()
                        ? "a mixed-member rule (seats are not monotone in votes: an overhang or a coverage can move)"
                        : "leveling seats") +
        ": each margin is a crossing confirmed by re-allocating the whole election (the seat is won at it and not one "
        "vote short), not proven the smallest: see docs/uncertainty.md");
  const NationalVotes national = national_votes(election);
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i)
      result.lists.push_back(margin_of(election, rule, result.outcome, national, d, i));

  // Each held seat's cheapest change: the holder's loss, or the cheapest challenger taking it.
  std::size_t first_of_district = 0;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const std::size_t lists = election.districts[d].lists.size();
    for (std::size_t i = 0; i < lists; ++i) {
      const ListMargin& holder = result.lists[first_of_district + i];
      if (holder.seats == 0) continue;
      FragileSeat seat;
      seat.district = d;
      seat.holder = i;
      if (holder.votes_to_lose && *holder.votes_to_lose < holder.votes) {
        seat.holder_loss = *holder.votes_to_lose + 1;
        seat.lose_to = holder.lose_to;
      }
      for (std::size_t c = 0; c < lists; ++c) {
        const ListMargin& challenger = result.lists[first_of_district + c];
        if (!challenger.votes_to_gain ||
            std::find(challenger.gain_from.begin(), challenger.gain_from.end(), i) == challenger.gain_from.end())
          continue;
        if (!seat.challenger_gain || *challenger.votes_to_gain < *seat.challenger_gain) {
          seat.challenger = c;
          seat.challenger_gain = challenger.votes_to_gain;
        }
      }
      if (!seat.holder_loss && !seat.challenger_gain) continue;
      seat.margin = std::min(seat.holder_loss.value_or(max_votes), seat.challenger_gain.value_or(max_votes));
      result.ranking.push_back(std::move(seat));
    }
    first_of_district += lists;
  }
  std::stable_sort(result.ranking.begin(), result.ranking.end(),
                   [](const FragileSeat& a, const FragileSeat& b) { return a.margin < b.margin; });
  result.closest.assign(election.districts.size(), std::nullopt);
  for (std::size_t k = 0; k < result.ranking.size(); ++k) {
    std::optional<std::size_t>& closest = result.closest[result.ranking[k].district];
    if (!closest) closest = k;
  }
  return result;
}

}  // namespace seatsim
