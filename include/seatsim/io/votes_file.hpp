#pragma once
// Votes files (interface.md, "Votes files"): columns found by header name, in any order;
// `party` and `votes` required; `district`, `published_seats`, `district_seats`,
// `leveling_seats` and `quota` optional; other columns ignored with one warning. Counts may be
// written as spreadsheets write them: "45000.0", and "45,000" with CsvOptions::thousands.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "seatsim/core/election.hpp"
#include "seatsim/io/csv.hpp"

namespace seatsim {

// Builds the election from a votes CSV row by row, as a CsvParser hands the rows on, so that a
// large file never needs to be held whole. District seat totals are left at 0; see
// apply_seat_totals. Throws seatsim::Error(file, line, ...). Unknown columns are named in one
// warning through options.warn.
class VotesReader {
 public:
  explicit VotesReader(CsvOptions options = {});
  ~VotesReader();
  VotesReader(VotesReader&&) noexcept;
  VotesReader& operator=(VotesReader&&) noexcept;

  void header(const CsvHeader& header);
  void row(const CsvRow& row);
  // Throws when the file had a header but no rows, or when the votes look like percentages.
  Election finish();

  // The columns a votes file must have (which tell its delimiter).
  static const std::vector<std::string>& required_columns();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The same from a whole parsed table.
Election read_votes(const CsvTable& table, const CsvOptions& options = {});

struct SeatTotal {
  std::int64_t seats = 0;
  std::int64_t reserved = 0;
  std::optional<std::int64_t> population;  // the optional `population` column
  std::size_t line = 0;
};
// A seats file: `district,seats[,reserved][,population]` (a data set's districts.csv has the same columns).
std::map<std::string, SeatTotal> read_seat_totals(const CsvTable& table);

// Sets every district's seats, the first that applies (interface.md): `seats` for a single
// district; the seats file; the sum of district_seats; the sum of published_seats. Throws
// seatsim::Error when a district has none, or when the seats file names unknown districts.
struct SeatSources {
  std::optional<std::int64_t> seats;                           // --seats N
  std::optional<std::map<std::string, SeatTotal>> seats_file;  // --seats-file or districts.csv
  std::string seats_file_name;
};
void apply_seat_totals(Election& election, const SeatSources& sources);

// Parses a whole non-negative number of votes or seats ("12345"), at most `limit`.
// Throws seatsim::Error(file, line, "<what> '<text>' ...").
std::int64_t parse_count(std::string_view text, std::int64_t limit, const std::string& what, const std::string& file,
                         std::size_t line);
// The same as spreadsheets write counts: an integral decimal part ("45000.0") and, when
// `thousands` names one, separators between groups of three digits ("45,000").
std::int64_t parse_spreadsheet_count(std::string_view text, std::int64_t limit, const std::string& what,
                                     const std::string& file, std::size_t line, char thousands);

}  // namespace seatsim
