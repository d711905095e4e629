#pragma once
// The alliances file of a data set (`alliances.csv`) or of `--alliances FILE`: one row per list and
// alliance, `district,alliance,party[,sub_alliance]`. An empty district means every district where the
// list stands. Every list named must stand (in the district named, or somewhere); a list joins one
// alliance and at most one sub-alliance; a sub-alliance lies in one alliance.
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/meta.hpp"

namespace seatsim {

// Replaces the alliances of `election`'s districts with those of `table`. Throws
// seatsim::Error(file, line, ...) for an unknown district or list and for the mistakes above.
void attach_alliances(const CsvTable& table, Election& election);

// Reads `path` (recording its digest in `files`) and attaches its alliances.
void read_alliances_file(const std::string& path, Election& election, std::vector<InputFile>& files,
                         const CsvOptions& options = {});

}  // namespace seatsim
