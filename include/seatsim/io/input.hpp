#pragma once
// What a command's positional input is: a votes CSV ("-" for stdin) or a data-set folder
// (election.toml + results.csv + districts.csv). Either way the command gets an election, the
// rule settings the input carries, the seat totals it names, and the digests of what was read.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/votes_file.hpp"

namespace seatsim {

struct LoadedInput {
  Election election;                  // seat totals not yet applied
  RuleSettings rule;                  // from a manifest; empty for a plain votes file
  std::optional<std::string> system;  // a manifest's `system = "NAME|FILE"`, under its [rule]
  std::size_t system_line = 0;
  std::optional<std::map<std::string, SeatTotal>> districts;  // a data set's districts.csv
  std::string districts_file;
  std::vector<InputFile> files;  // every file read, with its SHA-256
  std::string folder;            // the data set's folder, for relative paths ("" for a file)
  std::string name;              // the data set's name, or the file name
  std::vector<std::string> caveats;
};

// Throws seatsim::Error(file, line, ...) for anything unreadable. `options` say how the CSV
// files of the input are written (a data set's results.csv and districts.csv alike).
LoadedInput load_input(const std::string& path, const CsvOptions& options = {});

// Reads a CSV file and records its digest in `files`.
CsvTable read_csv_file(const std::string& path, std::vector<InputFile>& files, const CsvOptions& options = {},
                       std::vector<std::string> required_columns = {});

// Streams a CSV file through `on_header` and `on_row` (memory bounded by one row, whatever the
// file's size), computing its digest on the way, and records the digest in `files`.
void stream_csv_file(const std::string& path, std::vector<InputFile>& files, const CsvParser::HeaderHandler& on_header,
                     const CsvParser::RowHandler& on_row, const CsvOptions& options = {},
                     std::vector<std::string> required_columns = {});

// Reads a votes file (or "-") as it streams; records its digest in `files`.
Election read_votes_file(const std::string& path, std::vector<InputFile>& files, const CsvOptions& options = {});

}  // namespace seatsim
