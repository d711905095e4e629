#include "seatsim/kernel/alliance_allocation.hpp"

#include <algorithm>
#include <map>

namespace seatsim {
namespace {

// One competitor at one level: a list, or a group whose members compete for the group's seats.
struct Competitor {
  std::int64_t votes = 0;
  std::uint64_t key = 0;            // its lot key: the list's, or a hash of the group's name
  std::vector<std::size_t> lists;   // positions in `general` of every list it holds
  std::vector<Competitor> members;  // empty for a list
};

Competitor list_competitor(std::size_t k, std::int64_t votes, std::uint64_t key) { return {votes, key, {k}, {}}; }

Competitor& group_in(std::vector<Competitor>& level, std::map<std::string, std::size_t>& index,
                     const std::string& name) {
  const auto [it, added] = index.emplace(name, level.size());
  if (added) level.push_back({0, stream_key("alliance " + name), {}, {}});
  return level[it->second];
}

void add_list(Competitor& group, const Competitor& list) {
  group.votes += list.votes;
  group.lists.push_back(list.lists.front());
}

// The competitors of the top level, in the order of their first list, each group holding its
// sub-alliances and direct members in the same order.
std::vector<Competitor> build_levels(const District& district, std::span<const std::size_t> general,
                                     std::span<const std::uint64_t> keys) {
  std::vector<Competitor> top;
  std::map<std::string, std::size_t> group_index;
  std::map<std::string, std::map<std::string, std::size_t>> sub_index;
  for (std::size_t k = 0; k < general.size(); ++k) {
    const ListResult& list = district.lists[general[k]];
    const Competitor alone = list_competitor(k, list.votes, keys.empty() ? k : keys[k]);
    const Alliance* alliance = alliance_of(district.alliances, list.party);
    if (!alliance) {
      top.push_back(alone);
      continue;
    }
    Competitor& group = group_in(top, group_index, alliance->name);
    add_list(group, alone);
    const std::string label = group_label(district.alliances, list.party);
    if (label == alliance->name) {
      group.members.push_back(alone);
    } else {
      Competitor& sub = group_in(group.members, sub_index[alliance->name], label);
      add_list(sub, alone);
      sub.members.push_back(alone);
    }
  }
  return top;
}

// Shares `seats` among `level` by `method`, then each group's seats among its members by `inner`.
void share(const std::vector<Competitor>& level, std::int64_t seats, const Method& method, const Method& inner,
           TieBreak ties, DistrictSeats& out) {
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (const Competitor& competitor : level) {
    votes.push_back(competitor.votes);
    keys.push_back(competitor.key);
  }
  ties.list_keys = keys;
  const DistrictSeats won = seatsim::allocate(votes, seats, method, ties);
  out.tie_decided = out.tie_decided || won.tie_decided;
  out.quota_excess += won.quota_excess;
  for (std::size_t i = 0; i < level.size(); ++i) {
    const Competitor& competitor = level[i];
    if (won.tie[i] != 0)
      for (const std::size_t k : competitor.lists) out.tie[k] = 1;
    if (competitor.members.empty()) {
      out.seats[competitor.lists.front()] = won.seats[i];
    } else {
      share(competitor.members, won.seats[i], inner, inner, ties, out);
    }
  }
}

}  // namespace

DistrictSeats allocate_by_groups(const District& district, std::span<const std::size_t> general, std::int64_t seats,
                                 const Rule& rule, const TieBreak& ties) {
  DistrictSeats out;
  out.seats.assign(general.size(), 0);
  out.tie.assign(general.size(), 0);
  const std::vector<Competitor> top = build_levels(district, general, ties.list_keys);
  share(top, seats, rule.method, rule.alliances.inner.value_or(rule.method), ties, out);
  return out;
}

void apply_group_threshold(const District& district, const Threshold& threshold, const NationalVotes& national,
                           std::vector<bool>& passes) {
  ThresholdVotes measured;
  measured.district_total = district.total_votes();
  measured.national_total = national.total;
  for (const Alliance& alliance : district.alliances) {
    measured.list = 0;
    measured.party_national = 0;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListResult& list = district.lists[i];
      if (!list.quota_group.empty() || !alliance.contains(list.party)) continue;
      members.push_back(i);
      measured.list += list.votes;
      const auto party = national.party.find(list.party);
      measured.party_national += party == national.party.end() ? list.votes : party->second;
    }
    const std::optional<ThresholdValue> value = threshold.for_party(alliance.name);
    const bool group_passes = (!value && threshold.alternatives.empty()) || threshold.passes(value, measured);
    for (const std::size_t i : members) passes[i] = group_passes || threshold.exempts(district.lists[i].party);
  }
}

bool has_alliances(const Election& election) noexcept {
  return std::any_of(election.districts.begin(), election.districts.end(),
                     [](const District& district) { return !district.alliances.empty(); });
}

}  // namespace seatsim
