#pragma once
// The constituencies file of a mixed-member data set (`constituencies.csv`) or of
// `--constituencies FILE`: one row per single-member constituency,
// `constituency,region,winner[,winner_votes,valid_votes]`. The region is a district of the list
// votes; the winner is a party of the list votes or `independent:NAME`; where the law ranks winners
// (Germany), `winner_votes` and `valid_votes` are the winner's first votes and the constituency's
// valid first votes, whole numbers.
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/meta.hpp"

namespace seatsim {

// The prefix that marks a winner without a party.
inline constexpr std::string_view independent_prefix = "independent:";

// Replaces `election`'s constituencies with those of `table`. Throws seatsim::Error(file, line, ...)
// for an unknown region or winner party (with the closest names), a constituency listed twice, an
// empty name, and votes that are not whole numbers or exceed the valid votes.
void attach_constituencies(const CsvTable& table, Election& election);

// Reads `path` (recording its digest in `files`) and attaches its constituencies.
void read_constituencies_file(const std::string& path, Election& election, std::vector<InputFile>& files,
                              const CsvOptions& options = {});

}  // namespace seatsim
