#pragma once
// List alliances of one district: lists that pool their votes to win seats as one competitor and then
// share those seats among themselves (Swiss apparentments with their sub-apparentments, Israel's surplus
// agreements, Dutch list combinations). Two levels: an alliance holds lists directly and sub-alliances,
// each of which holds lists. A list belongs to at most one alliance and at most one sub-alliance.
#include <cstddef>
#include <string>
#include <vector>

namespace seatsim {

struct SubAlliance {
  std::string name;
  std::vector<std::string> parties;
  std::size_t line = 0;  // where it was first named, for error messages (0: not from a file)
};

struct Alliance {
  std::string name;
  std::vector<std::string> parties;  // members outside any sub-alliance
  std::vector<SubAlliance> subs;
  std::size_t line = 0;

  // Whether `party` is a member, directly or through a sub-alliance.
  bool contains(const std::string& party) const;
  // Every member, direct ones first, then each sub-alliance's.
  std::vector<std::string> members() const;
};

// The alliance of `party` among `alliances`, or null when it competes alone.
const Alliance* alliance_of(const std::vector<Alliance>& alliances, const std::string& party);
// The group a list is reported under: "alliance" or "alliance/sub-alliance"; empty when alone.
std::string group_label(const std::vector<Alliance>& alliances, const std::string& party);

// Adds `party` to alliance `alliance` of a district (into its sub-alliance `sub` when not empty),
// creating them as needed. Throws seatsim::Error (without file: the caller adds it) when a name is
// empty, when the list is already in a group of the district (an alliance is one level: a list joins one),
// or when `sub` is a sub-alliance of another alliance.
void join_alliance(std::vector<Alliance>& alliances, const std::string& alliance, const std::string& sub,
                   const std::string& party, std::size_t line = 0);
// Removes the alliance `name` from a district; false when it has none of that name.
bool dissolve_alliance(std::vector<Alliance>& alliances, const std::string& name);

}  // namespace seatsim
