#pragma once
// Importing a Riksdag election (Sweden) into a data set with both tiers: every constituency's votes
// per party, its fixed seats, and the published fixed and adjustment seats per party.
//
// The source is the JSON reduction of Valmyndigheten's final seat allocation file
// (`…slutlig_mandatfordelning_00_RD.json`) kept in GitHub repository OliverRykatkin/H-H,
// `tests/golden/riksdag_2022.json`: {year, source, total_seats, valid_votes, national_votes{party: n},
// official_total{party: seats}, constituencies: [{name, fixed_seats, valid_votes, votes{party: n},
// official_fixed{party: n}, official_adjustment{party: n}}]}.
//
// Nothing is computed into the data set: every number is copied; the sums the file states are
// recomputed, and each disagreement becomes one line of QUALITY.md.
#include "seatsim/io/kerg2_import.hpp"      // SourceText
#include "seatsim/io/wikitable_import.hpp"  // ImportedDataSet, write_dataset

namespace seatsim {

// results.csv (district,party,votes,district_seats,leveling_seats), districts.csv (district,seats,
// reserved: the fixed seats), election.toml (a line naming the source, then the hand-written
// manifest) and QUALITY.md. Throws seatsim::Error(file, ...) for JSON it cannot read: not JSON, a
// missing key, a count that is not a whole non-negative number, a seat for a party without votes.
ImportedDataSet import_riksdag(const SourceText& json, const SourceText& manifest);

}  // namespace seatsim
