#pragma once
// The reading flags that go with the INPUT positional of every command that reads votes: how a
// CSV exported from a spreadsheet is written (docs/preparing-data.md). They apply to every CSV
// of the input: a votes file, a data set's results.csv and districts.csv, a --seats-file.
#include <string>

#include <CLI/CLI.hpp>

#include "seatsim/io/csv.hpp"

namespace seatsim::cli {

struct InputFlags {
  std::string delimiter, thousands, encoding;

  // The options for the io layer, with warnings printed to stderr ("seatsim: warning: ...").
  // Throws seatsim::Error for a value the flags do not know.
  CsvOptions options() const;
};

void add_input_flags(CLI::App& app, InputFlags& flags);

}  // namespace seatsim::cli
