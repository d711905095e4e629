// The explain report of list alliances: the tree of groups, sub-groups and lists of each district with the
// votes each counted with and the seats each won, rebuilt from the election's alliances and the outcome.
#include "seatsim/render/alliance_report.hpp"

#include <map>
#include <optional>
#include <vector>

#include "seatsim/core/alliance.hpp"

namespace seatsim {
namespace {

// One competitor at one level: a list, or a group whose members shared the group's seats.
struct Node {
  std::string name;
  std::string kind;  // alliance, sub_alliance, list
  std::int64_t votes = 0;
  std::int64_t seats = 0;
  std::string status;
  bool took_part = false;
  std::vector<Node> members;
};

// Where each district list stands in the general allocation, or none when it took no part.
std::vector<std::optional<std::size_t>> general_positions(const District& district, const DistrictOutcome& outcome) {
  std::vector<std::optional<std::size_t>> position(district.lists.size());
  for (std::size_t k = 0; k < outcome.general_lists.size(); ++k) position[outcome.general_lists[k]] = k;
  return position;
}

std::string absence_reason(const ListOutcome& list) {
  if (!list.passes_threshold) return "below_threshold";
  if (list.reserved_seat) return "reserved_seat";
  return "no_part";
}

Node list_node(const ListResult& list, const ListOutcome& result, std::optional<std::size_t> position,
               const DistrictOutcome& outcome) {
  Node node{list.party, "list", list.votes, result.seats, {}, position.has_value(), {}};
  if (position) {
    node.seats = outcome.general.seats[*position];
  } else {
    node.status = absence_reason(result);
  }
  return node;
}

Node& group_in(std::vector<Node>& level, std::map<std::string, std::size_t>& index, const std::string& name,
               const char* kind) {
  const auto [it, added] = index.emplace(name, level.size());
  if (added) level.push_back({name, kind, 0, 0, {}, false, {}});
  return level[it->second];
}

void count_in(Node& group, const Node& list) {
  if (!list.took_part) return;
  group.votes += list.votes;
  group.seats += list.seats;
  group.took_part = true;
}

// The top level of a district, each alliance holding its sub-alliances and direct lists, in the order of
// their first list (as the kernel builds them).
std::vector<Node> district_tree(const District& district, const DistrictOutcome& outcome) {
  const auto position = general_positions(district, outcome);
  std::vector<Node> top;
  std::map<std::string, std::size_t> group_index;
  std::map<std::string, std::map<std::string, std::size_t>> sub_index;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const ListResult& list = district.lists[i];
    const Node node = list_node(list, outcome.lists[i], position[i], outcome);
    const Alliance* alliance = alliance_of(district.alliances, list.party);
    if (!alliance) {
      top.push_back(node);
      continue;
    }
    Node& group = group_in(top, group_index, alliance->name, "alliance");
    count_in(group, node);
    const std::string label = group_label(district.alliances, list.party);
    if (label == alliance->name) {
      group.members.push_back(node);
      continue;
    }
    const std::string sub_name = label.substr(alliance->name.size() + 1);
    Node& sub = group_in(group.members, sub_index[alliance->name], sub_name, "sub_alliance");
    count_in(sub, node);
    sub.members.push_back(node);
  }
  return top;
}

// A group none of whose lists took part failed as a whole (alliance_threshold = groups) or list by list.
void mark_absent_groups(std::vector<Node>& level) {
  for (Node& node : level) {
    if (node.members.empty()) continue;
    mark_absent_groups(node.members);
    if (!node.took_part) node.status = node.members.front().status;
  }
}

void add_rows(Table& table, const std::string& district, int level, const std::string& within,
              const std::vector<Node>& nodes) {
  for (const Node& node : nodes) {
    table.add({district, Cell(level), within, node.name, node.kind, Cell(static_cast<long long>(node.votes)),
               Cell(static_cast<long long>(node.seats)), node.status});
    if (node.members.empty()) continue;
    add_rows(table, district, level + 1, within.empty() ? node.name : within + "/" + node.name, node.members);
  }
}

Json node_json(const Node& node) {
  Json j;
  j["name"] = node.name;
  j["kind"] = node.kind;
  j["votes"] = node.votes;
  j["seats"] = node.seats;
  if (!node.status.empty()) j["status"] = node.status;
  if (!node.members.empty()) {
    j["members"] = Json::array();
    for (const Node& member : node.members) j["members"].push_back(node_json(member));
  }
  return j;
}

template <typename Visit>
void for_each_district(const Election& election, const ElectionOutcome& outcome, const std::string& only, Visit visit) {
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    if (!only.empty() && district.name != only) continue;
    std::vector<Node> tree = district_tree(district, outcome.districts[d]);
    mark_absent_groups(tree);
    visit(district, tree);
  }
}

}  // namespace

Table alliance_split_table(const Election& election, const ElectionOutcome& outcome, const std::string& district) {
  Table table;
  table.columns = {"district", "level", "within", "competitor", "kind", "votes", "seats", "status"};
  for_each_district(election, outcome, district,
                    [&](const District& d, const std::vector<Node>& tree) { add_rows(table, d.name, 1, "", tree); });
  return table;
}

Json alliance_split_json(const Election& election, const ElectionOutcome& outcome, const std::string& district) {
  Json districts = Json::array();
  for_each_district(election, outcome, district, [&](const District& d, const std::vector<Node>& tree) {
    Json j;
    j["district"] = d.name;
    j["seats"] = d.seats;
    j["groups"] = Json::array();
    for (const Node& node : tree) j["groups"].push_back(node_json(node));
    districts.push_back(std::move(j));
  });
  Json result;
  result["districts"] = std::move(districts);
  return result;
}

}  // namespace seatsim
