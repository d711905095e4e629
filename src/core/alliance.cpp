#include "seatsim/core/alliance.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"

namespace seatsim {

bool Alliance::contains(const std::string& party) const {
  if (std::find(parties.begin(), parties.end(), party) != parties.end()) return true;
  return std::any_of(subs.begin(), subs.end(), [&](const SubAlliance& sub) {
    return std::find(sub.parties.begin(), sub.parties.end(), party) != sub.parties.end();
  });
}

std::vector<std::string> Alliance::members() const {
  std::vector<std::string> all = parties;
  for (const SubAlliance& sub : subs) all.insert(all.end(), sub.parties.begin(), sub.parties.end());
  return all;
}

const Alliance* alliance_of(const std::vector<Alliance>& alliances, const std::string& party) {
  for (const Alliance& alliance : alliances)
    if (alliance.contains(party)) return &alliance;
  return nullptr;
}

std::string group_label(const std::vector<Alliance>& alliances, const std::string& party) {
  const Alliance* alliance = alliance_of(alliances, party);
  if (!alliance) return {};
  for (const SubAlliance& sub : alliance->subs)
    if (std::find(sub.parties.begin(), sub.parties.end(), party) != sub.parties.end())
      return alliance->name + "/" + sub.name;
  return alliance->name;
}

}  // namespace seatsim

namespace seatsim {
namespace {

Alliance& alliance_named(std::vector<Alliance>& alliances, const std::string& name, std::size_t line) {
  for (Alliance& alliance : alliances)
    if (alliance.name == name) return alliance;
  return alliances.emplace_back(Alliance{name, {}, {}, line});
}

SubAlliance& sub_named(Alliance& alliance, const std::string& name, std::size_t line) {
  for (SubAlliance& sub : alliance.subs)
    if (sub.name == name) return sub;
  return alliance.subs.emplace_back(SubAlliance{name, {}, line});
}

void check_sub_owner(const std::vector<Alliance>& alliances, const std::string& alliance, const std::string& sub) {
  for (const Alliance& other : alliances) {
    if (other.name == alliance) continue;
    for (const SubAlliance& s : other.subs)
      if (s.name == sub)
        throw Error("sub-alliance '" + sub + "' lies in alliance '" + other.name + "', not in '" + alliance + "'");
  }
}

}  // namespace

void join_alliance(std::vector<Alliance>& alliances, const std::string& alliance, const std::string& sub,
                   const std::string& party, std::size_t line) {
  if (alliance.empty()) throw Error("a list's alliance is empty: name the alliance");
  if (party.empty()) throw Error("alliance '" + alliance + "' is empty: name a list");
  if (const Alliance* current = alliance_of(alliances, party)) {
    if (current->name == alliance) throw Error("list '" + party + "' is named twice in alliance '" + alliance + "'");
    throw Error("list '" + party + "' is in two alliances: '" + current->name + "' and '" + alliance + "'");
  }
  if (!sub.empty()) check_sub_owner(alliances, alliance, sub);
  Alliance& group = alliance_named(alliances, alliance, line);
  if (sub.empty()) {
    group.parties.push_back(party);
  } else {
    sub_named(group, sub, line).parties.push_back(party);
  }
}

bool dissolve_alliance(std::vector<Alliance>& alliances, const std::string& name) {
  const auto it = std::find_if(alliances.begin(), alliances.end(), [&](const Alliance& a) { return a.name == name; });
  if (it == alliances.end()) return false;
  alliances.erase(it);
  return true;
}

}  // namespace seatsim
