#pragma once
// The table of disproportionality indices (indices.hpp) shared by the commands' `--view indices`:
// one row per district and one national row (level "national", district empty), the indices as
// decimals with six places, blank where undefined. Columns: [label columns,] level, district, then
// index_names.
#include <string>
#include <vector>

#include "seatsim/analysis/indices.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// A set of rows under a label: e.g. {"basis", "published"} for compare, {"variant", "3"} for sweeps.
struct LabelledIndices {
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<IndexRow> rows;
};

Table indices_table(const std::vector<LabelledIndices>& sets);
inline Table indices_table(const std::vector<IndexRow>& rows) { return indices_table({{{}, rows}}); }

// The indices of the recomputed seats (`outcome`) and of the published ones (published_indices),
// under a first column `basis` = recomputed or published.
Table recomputed_and_published_indices(const Election& election, const ElectionOutcome& outcome);

// One index value as a table cell (blank where undefined).
Cell index_cell(const std::optional<std::int64_t>& micro);

}  // namespace seatsim
