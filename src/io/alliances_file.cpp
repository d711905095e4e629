#include "seatsim/io/alliances_file.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/name_lookup.hpp"

namespace seatsim {
namespace {

struct Columns {
  std::size_t district, alliance, party;
  std::optional<std::size_t> sub;
};

std::vector<std::string> district_names(const Election& election) {
  std::vector<std::string> names;
  for (const District& district : election.districts) names.push_back(district.name);
  return names;
}

std::vector<std::string> party_names(const Election& election) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (seen.insert(list.party).second) names.push_back(list.party);
  return names;
}

bool stands_in(const District& district, const std::string& party) {
  return std::any_of(district.lists.begin(), district.lists.end(),
                     [&](const ListResult& list) { return list.party == party; });
}

// The districts a row applies to: the one it names, or every district where the list stands.
std::vector<District*> row_districts(const std::string& district, const std::string& party, Election& election) {
  std::vector<District*> targets;
  for (District& candidate : election.districts)
    if ((district.empty() || candidate.name == district) && stands_in(candidate, party)) targets.push_back(&candidate);
  if (!targets.empty() || party.empty()) return targets;
  if (!district.empty() && !election.find(district))
    throw Error("no district '" + district + "' in the votes" + did_you_mean(district, district_names(election)));
  const std::string where = district.empty() ? "the votes" : "district '" + district + "'";
  throw Error("no list '" + party + "' in " + where + did_you_mean(party, party_names(election)));
}

// A sub-alliance lies in one alliance, in every district.
void check_sub_owner(std::map<std::string, std::pair<std::string, std::size_t>>& owners, const std::string& alliance,
                     const std::string& sub, std::size_t line) {
  if (sub.empty()) return;
  const auto [it, added] = owners.emplace(sub, std::make_pair(alliance, line));
  if (!added && it->second.first != alliance)
    throw Error("sub-alliance '" + sub + "' lies in alliance '" + it->second.first + "' (line " +
                std::to_string(it->second.second) + "), not in '" + alliance + "'");
}

}  // namespace

void attach_alliances(const CsvTable& table, Election& election) {
  const Columns columns{table.require_column("district"), table.require_column("alliance"),
                        table.require_column("party"), table.column("sub_alliance")};
  for (District& district : election.districts) district.alliances.clear();
  std::map<std::string, std::pair<std::string, std::size_t>> sub_owners;
  for (const CsvRow& row : table.rows) {
    const std::string& alliance = row.fields[columns.alliance];
    const std::string& party = row.fields[columns.party];
    const std::string sub = columns.sub ? row.fields[*columns.sub] : std::string();
    try {
      if (alliance.empty()) throw Error("the row names no alliance");
      if (party.empty()) throw Error("alliance '" + alliance + "' is empty: the row names no list");
      check_sub_owner(sub_owners, alliance, sub, row.line);
      for (District* district : row_districts(row.fields[columns.district], party, election))
        join_alliance(district->alliances, alliance, sub, party, row.line);
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
  }
}

void read_alliances_file(const std::string& path, Election& election, std::vector<InputFile>& files,
                         const CsvOptions& options) {
  attach_alliances(read_csv_file(path, files, options, {"district", "alliance", "party"}), election);
}

}  // namespace seatsim
