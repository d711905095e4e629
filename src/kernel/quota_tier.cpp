// The quota tier and its national remainder tier (seatsim/kernel/quota_tier.hpp): integer arithmetic
// throughout, quotas as exact rationals, ties by the rule's tie rule.
#include "seatsim/kernel/quota_tier.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {
namespace {

template <typename T>
struct NamedValue {
  const char* name;
  T value;
};

const NamedValue<QuotaRule::Kind> quota_kinds[] = {{"hare", QuotaRule::Kind::hare},
                                                   {"droop", QuotaRule::Kind::droop},
                                                   {"hagenbach-bischoff", QuotaRule::Kind::hagenbach_bischoff},
                                                   {"imperiali", QuotaRule::Kind::imperiali}};
const NamedValue<QuotaTierRule::Rounding> roundings[] = {{"exact", QuotaTierRule::Rounding::exact},
                                                         {"up", QuotaTierRule::Rounding::up},
                                                         {"nearest", QuotaTierRule::Rounding::nearest}};
const NamedValue<QuotaTierRule::Base> bases[] = {{"passing", QuotaTierRule::Base::passing},
                                                 {"all", QuotaTierRule::Base::all}};
const NamedValue<QuotaTierRule::UpperVotes> upper_votes_kinds[] = {{"unused", QuotaTierRule::UpperVotes::unused},
                                                                   {"all", QuotaTierRule::UpperVotes::all}};

template <typename T, std::size_t N>
T by_name(const NamedValue<T> (&table)[N], const std::string& name) {
  std::string known;
  for (const auto& entry : table) {
    if (name == entry.name) return entry.value;
    known += std::string(known.empty() ? "" : ", ") + entry.name;
  }
  throw Error("'" + name + "' is not one of " + known);
}

template <typename T, std::size_t N>
std::vector<std::string> names_of(const NamedValue<T> (&table)[N]) {
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.name);
  return names;
}

template <typename T, std::size_t N>
std::string name_of(const NamedValue<T> (&table)[N], T value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry.name;
  return "?";
}

}  // namespace

QuotaRule::Kind quota_kind_by_name(const std::string& name) { return by_name(quota_kinds, name); }
QuotaTierRule::Rounding quota_rounding_by_name(const std::string& name) { return by_name(roundings, name); }
QuotaTierRule::Base quota_base_by_name(const std::string& name) { return by_name(bases, name); }
QuotaTierRule::UpperVotes upper_votes_by_name(const std::string& name) { return by_name(upper_votes_kinds, name); }
std::vector<std::string> quota_kind_names() { return names_of(quota_kinds); }
std::vector<std::string> quota_rounding_names() { return names_of(roundings); }
std::vector<std::string> quota_base_names() { return names_of(bases); }
std::vector<std::string> upper_votes_names() { return names_of(upper_votes_kinds); }

Rational QuotaTierRule::quota_for(std::int64_t votes, std::int64_t seats) const {
  const Rational exact = QuotaRule(*quota).quota(votes, seats);
  const i128 num = exact.num(), den = exact.den();
  i128 rounded = 0;
  switch (rounding) {
    case Rounding::exact:
      return exact;
    case Rounding::up:
      rounded = (num + den - 1) / den;
      break;
    case Rounding::nearest:
      rounded = (2 * num + den) / (2 * den);
      break;
  }
  // A rounded quota of 0 (a district with almost no votes) would hand out seats without end.
  return Rational(static_cast<std::int64_t>(std::max<i128>(rounded, 1)));
}

std::string QuotaTierRule::describe() const {
  if (!enabled()) return {};
  std::string text = "quota tier: " + name_of(quota_kinds, *quota) + " quota (" + name_of(roundings, rounding) +
                     ", votes of " + (base == Base::all ? "all lists" : "lists that pass") + ") in districts, " +
                     (upper_votes == UpperVotes::unused ? "unused votes" : "all votes less seats won") + " by " +
                     upper_method.name + " nationally";
  if (upper_threshold) text += " (" + upper_threshold->to_string() + " or a district seat)";
  if (seats_by_votes) text += "; district seats by " + seats_by_votes->name + " on votes cast";
  return text;
}

namespace {

// One district's whole quotas: seats, and remainders as numerators over the quota's numerator
// (remainder = v·den − s·num, comparable within the district).
struct WholeQuotas {
  std::vector<std::int64_t> seats;
  std::vector<i128> remainder;
  std::vector<std::uint8_t> tie;
  std::int64_t excess = 0;
};

TieBreak district_ties(const Rule& rule, const District& district, const std::vector<std::uint64_t>& keys) {
  return TieBreak{rule.ties, rule.seed, stream_key(district.name),
                  district.name.empty() ? "the district" : "district '" + district.name + "'", keys};
}

// Withdraws `excess` seats, one per list, from the lists with the smallest remainders (§ 50 (3) of
// the Czech act); equal remainders at the cut are decided by the tie rule.
void withdraw_excess(WholeQuotas& whole, std::int64_t excess, const std::vector<std::int64_t>& votes,
                     const TieBreak& ties) {
  while (excess > 0) {
    std::vector<std::size_t> holders;
    for (std::size_t i = 0; i < whole.seats.size(); ++i)
      if (whole.seats[i] > 0) holders.push_back(i);
    std::stable_sort(holders.begin(), holders.end(),
                     [&](std::size_t a, std::size_t b) { return whole.remainder[a] < whole.remainder[b]; });
    const std::size_t cut = std::min<std::size_t>(static_cast<std::size_t>(excess), holders.size());
    std::vector<std::size_t> losers(holders.begin(), holders.begin() + static_cast<std::ptrdiff_t>(cut));
    const i128 last = whole.remainder[losers.back()];
    std::vector<std::size_t> tied;
    for (const std::size_t i : holders)
      if (whole.remainder[i] == last) tied.push_back(i);
    const auto sure = static_cast<std::size_t>(
        std::count_if(losers.begin(), losers.end(), [&](std::size_t i) { return whole.remainder[i] < last; }));
    if (tied.size() > cut - sure) {
      // The tie rule picks who keeps a seat; the others among the tied lose one.
      const std::vector<std::size_t> keep = ties.choose(tied, votes, tied.size() - (cut - sure));
      losers.resize(sure);
      for (const std::size_t i : tied) {
        whole.tie[i] = 1;
        if (std::find(keep.begin(), keep.end(), i) == keep.end()) losers.push_back(i);
      }
    }
    for (const std::size_t i : losers) --whole.seats[i];
    excess -= static_cast<std::int64_t>(losers.size());
  }
}

WholeQuotas whole_quotas(const District& district, const std::vector<bool>& takes_part, const Rational& quota,
                         std::int64_t seats, const TieBreak& ties) {
  WholeQuotas whole;
  const std::size_t n = district.lists.size();
  whole.seats.assign(n, 0);
  whole.remainder.assign(n, 0);
  whole.tie.assign(n, 0);
  std::vector<std::int64_t> votes;
  for (std::size_t i = 0; i < n; ++i) {
    votes.push_back(district.lists[i].votes);
    if (!takes_part[i] || quota.is_zero()) continue;
    const i128 scaled = static_cast<i128>(district.lists[i].votes) * quota.den();
    whole.seats[i] = static_cast<std::int64_t>(scaled / quota.num());
    whole.remainder[i] = scaled - static_cast<i128>(whole.seats[i]) * quota.num();
  }
  const std::int64_t handed = std::accumulate(whole.seats.begin(), whole.seats.end(), std::int64_t{0});
  whole.excess = std::max<std::int64_t>(0, handed - seats);
  withdraw_excess(whole, whole.excess, votes, ties);
  return whole;
}

// The seats of each district: as given, or the house apportioned by the votes cast in each.
std::vector<std::int64_t> district_seats(const Election& election, const Rule& rule) {
  std::vector<std::int64_t> seats;
  for (const District& district : election.districts) seats.push_back(district.seats);
  if (!rule.quota_tier.seats_by_votes) return seats;
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (const District& district : election.districts) {
    votes.push_back(district.total_votes());
    keys.push_back(stream_key(district.name));
  }
  const TieBreak ties{rule.ties, rule.seed, stream_key("seats by votes"), "the districts' seats", keys};
  return allocate(votes, election.total_seats(), *rule.quota_tier.seats_by_votes, ties).seats;
}

struct Parties {
  std::vector<std::string> names;
  std::vector<std::vector<std::size_t>> of_list;  // [district][list] -> party
};

Parties index_parties(const Election& election) {
  Parties parties;
  std::unordered_map<std::string, std::size_t> index;
  for (const District& district : election.districts) {
    std::vector<std::size_t>& row = parties.of_list.emplace_back();
    for (const ListResult& list : district.lists) {
      const auto [it, added] = index.try_emplace(list.party, parties.names.size());
      if (added) parties.names.push_back(list.party);
      row.push_back(it->second);
    }
  }
  return parties;
}

// The district tier of every district: quotas, seats, and each list's unused votes v − s·Q.
struct LowerTier {
  std::vector<Rational> quotas;
  std::vector<WholeQuotas> districts;
  std::vector<std::vector<Rational>> unused;  // [district][list]
};

LowerTier lower_tier(const Election& election, const Rule& rule, const std::vector<std::vector<bool>>& passes,
                     const std::vector<std::int64_t>& seats) {
  LowerTier lower;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    if (district.reserved > 0)
      throw Error(election.source, district.lists.empty() ? 0 : district.lists[0].line,
                  "district '" + district.name + "': the quota tier has no reserved seats");
    std::int64_t base = 0;
    for (std::size_t i = 0; i < district.lists.size(); ++i)
      if (passes[d][i] || rule.quota_tier.base == QuotaTierRule::Base::all) base += district.lists[i].votes;
    const Rational quota = seats[d] > 0 && base > 0 ? rule.quota_tier.quota_for(base, seats[d]) : Rational(0);
    std::vector<std::uint64_t> keys;
    for (const ListResult& list : district.lists) keys.push_back(stream_key(list.party));
    lower.quotas.push_back(quota);
    lower.districts.push_back(whole_quotas(district, passes[d], quota, seats[d], district_ties(rule, district, keys)));
    std::vector<Rational>& unused = lower.unused.emplace_back();
    for (std::size_t i = 0; i < district.lists.size(); ++i)
      unused.push_back(passes[d][i] ? Rational(district.lists[i].votes) - Rational(lower.districts[d].seats[i]) * quota
                                    : Rational(0));
  }
  return lower;
}

// Which parties take part in the national tier, and the votes it apportions. Returns true when some
// unused votes are fractions (an exact quota that is not whole), which the national tier cannot take.
bool upper_votes(const Election& election, const Rule& rule, const Parties& parties,
                 const std::vector<std::vector<bool>>& passes, const LowerTier& lower, QuotaTierOutcome& out) {
  const std::size_t n = parties.names.size();
  std::vector<std::int64_t> all(n, 0);
  std::vector<bool> passed(n, false);
  bool fractional = false;
  out.upper_votes.assign(n, 0);
  out.lower_seats.assign(n, 0);
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      const std::size_t p = parties.of_list[d][i];
      all[p] += election.districts[d].lists[i].votes;
      out.lower_seats[p] += lower.districts[d].seats[i];
      if (!passes[d][i]) continue;
      passed[p] = true;
      if (rule.quota_tier.upper_votes == QuotaTierRule::UpperVotes::all) continue;
      const Rational& unused = lower.unused[d][i];
      fractional = fractional || !unused.is_integer();
      out.upper_votes[p] += unused.floor();
    }
  const std::int64_t total = election.total_votes();
  out.takes_part.assign(n, false);
  for (std::size_t p = 0; p < n; ++p) {
    if (rule.quota_tier.upper_votes == QuotaTierRule::UpperVotes::all) out.upper_votes[p] = all[p];
    const auto& threshold = rule.quota_tier.upper_threshold;
    out.takes_part[p] = passed[p] && (!threshold || out.lower_seats[p] > 0 || threshold->passes(all[p], total, false));
  }
  return fractional;
}

// The national tier's apportionment among the `active` parties; a tie that decided a seat is noted.
std::vector<std::int64_t> apportion(const std::vector<std::int64_t>& votes, const std::vector<bool>& active,
                                    std::int64_t seats, const Rule& rule, const Parties& parties,
                                    std::vector<std::string>& notes) {
  std::vector<std::int64_t> shares;
  std::vector<std::uint64_t> keys;
  std::vector<std::size_t> index;
  for (std::size_t p = 0; p < votes.size(); ++p)
    if (active[p]) {
      shares.push_back(votes[p]);
      keys.push_back(stream_key(parties.names[p]));
      index.push_back(p);
    }
  std::vector<std::int64_t> seats_of(votes.size(), 0);
  if (seats == 0) return seats_of;
  if (std::all_of(shares.begin(), shares.end(), [](std::int64_t v) { return v == 0; }))
    throw Error("quota tier: " + std::to_string(seats) + " seat(s) for the national tier but no list with votes");
  const TieBreak ties{rule.ties, rule.seed, stream_key("national tier"), "the national tier", keys};
  const DistrictSeats result = allocate(shares, seats, rule.quota_tier.upper_method, ties);
  std::string tied;
  for (std::size_t k = 0; k < index.size(); ++k) {
    seats_of[index[k]] = result.seats[k];
    if (result.tie[k]) tied += (tied.empty() ? "" : ", ") + parties.names[index[k]];
  }
  if (!tied.empty())
    notes.push_back("national tier: a tie (" + std::string(tie_rule_name(rule.ties)) + ") decided the seats of " +
                    tied);
  return seats_of;
}

// The national tier's seats per party: on unused votes, the seats left over; on all votes, each
// party's share of the house less the seats it won (a party above its share keeps its seats and the
// others share the rest again).
void upper_tier(const Rule& rule, const Parties& parties, std::int64_t house, QuotaTierOutcome& out,
                std::vector<std::string>& notes) {
  const std::int64_t lower_total = std::accumulate(out.lower_seats.begin(), out.lower_seats.end(), std::int64_t{0});
  out.upper_total = std::max<std::int64_t>(0, house - lower_total);
  if (rule.quota_tier.upper_votes == QuotaTierRule::UpperVotes::unused) {
    out.upper_seats = apportion(out.upper_votes, out.takes_part, out.upper_total, rule, parties, notes);
    return;
  }
  std::vector<bool> active = out.takes_part;
  std::int64_t shared = house;
  for (std::size_t p = 0; p < active.size(); ++p)
    if (!active[p]) shared -= out.lower_seats[p];
  for (;;) {
    const std::vector<std::int64_t> share = apportion(out.upper_votes, active, shared, rule, parties, notes);
    bool dropped = false;
    for (std::size_t p = 0; p < active.size(); ++p)
      if (active[p] && out.lower_seats[p] > share[p]) {
        active[p] = false;
        shared -= out.lower_seats[p];
        dropped = true;
      }
    if (dropped) continue;
    out.upper_seats.assign(active.size(), 0);
    for (std::size_t p = 0; p < active.size(); ++p)
      if (active[p]) out.upper_seats[p] = share[p] - out.lower_seats[p];
    return;
  }
}

// Places each party's national seats in districts with room, where its unused votes are largest:
// one seat per list and round, rounds until all are placed. Equal unused votes: input order.
std::vector<std::vector<std::int64_t>> place(const Election& election, const Parties& parties, const LowerTier& lower,
                                             const std::vector<std::vector<bool>>& passes,
                                             const std::vector<std::int64_t>& seats, const QuotaTierOutcome& out) {
  struct Candidate {
    std::size_t district, list, party;
    Rational unused;
  };
  std::vector<Candidate> candidates;
  std::vector<std::int64_t> room = seats;
  std::vector<std::vector<std::int64_t>> placed;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    placed.emplace_back(election.districts[d].lists.size(), 0);
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      room[d] -= lower.districts[d].seats[i];
      const std::size_t p = parties.of_list[d][i];
      if (passes[d][i] && out.upper_seats[p] > 0) candidates.push_back({d, i, p, lower.unused[d][i]});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.unused > b.unused; });
  std::vector<std::int64_t> left = out.upper_seats;
  std::int64_t to_place = std::accumulate(left.begin(), left.end(), std::int64_t{0});
  for (std::int64_t round = 0; to_place > 0; ++round) {
    bool progress = false;
    for (const Candidate& c : candidates)
      if (left[c.party] > 0 && room[c.district] > 0 && placed[c.district][c.list] == round) {
        ++placed[c.district][c.list];
        --left[c.party];
        --room[c.district];
        --to_place;
        progress = true;
      }
    if (!progress)
      throw Error("quota tier: the national seats cannot all be placed in districts where their lists stand");
  }
  return placed;
}

}  // namespace

ElectionOutcome allocate_quota_tier(const Election& election, const Rule& rule) {
  const std::vector<std::vector<bool>> passes = threshold_passes(election, rule.threshold);
  const std::vector<std::int64_t> seats = district_seats(election, rule);
  const Parties parties = index_parties(election);
  const LowerTier lower = lower_tier(election, rule, passes, seats);
  QuotaTierOutcome tier;
  tier.district_seats = seats;
  tier.quotas = lower.quotas;
  tier.parties = parties.names;
  for (const WholeQuotas& district : lower.districts) tier.excess.push_back(district.excess);
  const bool fractional = upper_votes(election, rule, parties, passes, lower, tier);
  const std::int64_t house = std::accumulate(seats.begin(), seats.end(), std::int64_t{0});
  const std::int64_t lower_total = std::accumulate(tier.lower_seats.begin(), tier.lower_seats.end(), std::int64_t{0});
  if (fractional && rule.quota_tier.upper_votes == QuotaTierRule::UpperVotes::unused && house > lower_total)
    throw Error(
        "quota-tier-rounding: the unused votes passed up must be whole numbers; round the quota (up or nearest)");
  std::vector<std::string> national_notes;
  upper_tier(rule, parties, house, tier, national_notes);
  const std::vector<std::vector<std::int64_t>> placed = place(election, parties, lower, passes, seats, tier);

  ElectionOutcome outcome;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    DistrictOutcome& district = outcome.districts.emplace_back();
    district.general_seats = seats[d];
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      ListOutcome& list = district.lists.emplace_back();
      list.passes_threshold = passes[d][i];
      list.district_seats = lower.districts[d].seats[i];
      list.leveling_seats = placed[d][i];
      list.seats = list.district_seats + list.leveling_seats;
      list.tie = lower.districts[d].tie[i] != 0;
    }
    if (tier.excess[d] > 0)
      outcome.notes.push_back(election.districts[d].name + ": whole quotas exceed the seats by " +
                              std::to_string(tier.excess[d]) + "; withdrawn from the smallest remainders");
  }
  outcome.notes.insert(outcome.notes.end(), national_notes.begin(), national_notes.end());
  tier.unused = lower.unused;
  outcome.quota_tier = std::move(tier);
  return outcome;
}

}  // namespace seatsim
