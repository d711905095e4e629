#include "seatsim/render/allocation_table.hpp"

#include "seatsim/core/alliance.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"

namespace seatsim {

Table allocation_table(const Election& election, const ElectionOutcome& outcome) {
  const bool tiers = outcome.leveling.has_value() || outcome.quota_tier.has_value();
  const bool mixed = outcome.mixed_member.has_value();  // constituency and list seats
  const bool grouped = has_alliances(election);
  Table table;
  table.group_by = {"district"};
  table.rank_by = {"seats", "votes"};
  table.columns = {"district", "party"};
  if (grouped) table.columns.emplace_back("group");
  table.columns.emplace_back("votes");
  if (tiers) table.columns.insert(table.columns.end(), {"district_seats", "leveling_seats"});
  if (mixed) table.columns.insert(table.columns.end(), {"constituency_seats", "list_seats"});
  table.columns.insert(table.columns.end(), {"seats", "tie"});
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListResult& list = district.lists[i];
      const ListOutcome& result = outcome.districts[d].lists[i];
      std::vector<Cell> row{district.name, list.party};
      if (grouped) row.emplace_back(group_label(district.alliances, list.party));
      row.emplace_back(list.votes);
      if (tiers || mixed) row.insert(row.end(), {Cell(result.district_seats), Cell(result.leveling_seats)});
      row.insert(row.end(), {Cell(result.seats), result.tie ? "tie" : ""});
      table.add(std::move(row));
    }
  }
  return table;
}

}  // namespace seatsim
