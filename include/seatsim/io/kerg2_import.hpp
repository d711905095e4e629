#pragma once
// Importing a Bundestag election from the Bundeswahlleiterin's open data into a data set for the
// national upper apportionment (Oberverteilung): one district with every party's second votes.
//
// Votes come from `kerg2.csv`, the flat results file (`;`-separated, UTF-8 with or without BOM, the
// `#` comment preamble optional; one row per area, group and vote). Only the rows of the Bund and
// of the Länder with Stimme 2 are read; Wahlkreis rows are skipped, so a file reduced to the Bund
// and Land rows imports to the same data set as the full one.
//
// Published seats, when given, come from a `unit,party,seats` table in the layout of the
// wahlwerk-data archive (`declared.csv`, a pivot of the Bundeswahlleiterin's results database):
// unit `de.bund` for the nation, `de.bund.land.NN` for the Land with key NN, party as a wahlwerk
// party id (`cdu`, `gruene`, ...), translated to kerg2's group names by a fixed table.
//
// Nothing is computed into the data set: every number is copied from a source file; the sums are
// only checked, and every disagreement becomes one line of QUALITY.md.
#include <optional>
#include <string>
#include <string_view>

#include "seatsim/io/wikitable_import.hpp"  // ImportedDataSet, write_dataset

namespace seatsim {

// A source file's text and the name it goes by in messages and in the data set.
struct SourceText {
  std::string name;
  std::string text;
};

// Converts kerg2 (and the seats table, and the hand-written manifest: name, source, caveats and
// [rule], but no `date`, which comes from kerg2) into results.csv (one district "Deutschland"),
// laender.csv (the same per Land), districts.csv (only with seats: the national seat total),
// election.toml and QUALITY.md. Throws seatsim::Error(file, line, ...) for a file it cannot read:
// a missing column, a row with another number of fields, a count that is not a number, an unknown
// unit or party id, no Bund rows.
ImportedDataSet import_kerg2(const SourceText& kerg2, const std::optional<SourceText>& seats,
                             const std::optional<SourceText>& manifest);

}  // namespace seatsim
