#pragma once
// Importing a Knesset election into a data set: one national district, every ballot letter's valid
// votes, the published seats, and the surplus agreements as list alliances.
//
// Votes come from the Central Elections Committee's per-locality file `expc.csv` (one row per locality;
// the columns `סמל ועדה,שם ישוב,סמל ישוב,בזב,מצביעים,פסולים,כשרים` and then one column per ballot letter):
// each letter's column is summed over the rows, and every row's letters are checked to add up to its
// valid votes (כשרים). Names and published seats come from a hand-written `letter,party,published_seats`
// table citing its source; a letter it does not name keeps the letter as its name and published 0 seats.
// Surplus agreements come from a Python file of `"LETTER": "LETTER"` pairs (the layout of
// DoviLilling/Elections_Mandate_Calc's SurplusAgreement.py).
#include <optional>

#include "seatsim/io/kerg2_import.hpp"      // SourceText
#include "seatsim/io/wikitable_import.hpp"  // ImportedDataSet, write_dataset

namespace seatsim {

// Writes results.csv (district "Israel"), alliances.csv, election.toml (the manifest, copied) and
// QUALITY.md (every check, then the hand-written provenance: repositories, paths, commits). Throws seatsim::Error(file,
// line, ...) for a file it cannot read: a missing column, a count that is not a whole number, a letter of the lists
// table or of an agreement that the votes file lacks.
ImportedDataSet import_knesset(const SourceText& expc, const SourceText& lists, const SourceText& agreements,
                               const std::optional<SourceText>& manifest,
                               const std::optional<SourceText>& provenance = std::nullopt);

}  // namespace seatsim
