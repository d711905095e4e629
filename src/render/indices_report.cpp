#include "seatsim/render/indices_report.hpp"

namespace seatsim {

Cell index_cell(const std::optional<std::int64_t>& micro) { return Cell::number(micro ? format_micro(*micro) : ""); }

Table indices_table(const std::vector<LabelledIndices>& sets) {
  Table table;
  if (!sets.empty())
    for (const auto& [name, value] : sets.front().labels) table.columns.push_back(name);
  table.columns.insert(table.columns.end(), {"level", "district"});
  for (const std::string_view name : index_names) table.columns.emplace_back(name);
  for (const LabelledIndices& set : sets)
    for (const IndexRow& row : set.rows) {
      std::vector<Cell> cells;
      for (const auto& label : set.labels) cells.emplace_back(label.second);
      cells.emplace_back(row.national ? "national" : "district");
      cells.emplace_back(row.district);
      for (const auto& micro : row.values.micro) cells.push_back(index_cell(micro));
      table.add(std::move(cells));
    }
  return table;
}

Table recomputed_and_published_indices(const Election& election, const ElectionOutcome& outcome) {
  return indices_table({{{{"basis", "recomputed"}}, election_indices(election, outcome_seats(outcome))},
                        {{{"basis", "published"}}, published_indices(election)}});
}

}  // namespace seatsim
