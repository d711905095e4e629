// Fuzz target: the CSV reader and the votes-file reader, up to an allocation.
//  - The input parses to the same rows and the same error whether it arrives whole, one byte
//    at a time, or cut into pieces of pseudo-random sizes (the streaming reader's promise).
//  - Every error names the file and a line (the error-line contract).
//  - A parsed table written back with write_csv_row parses to the same fields.
//  - A table that reads as a votes file allocates with every seat placed, under a rule drawn
//    from the input, or is rejected with seatsim::Error.
// The reading options (delimiter given or detected, thousands separator, Windows-1252) and the
// columns that tell the delimiter are drawn from the input too.
#include <array>
#include <set>
#include <sstream>

#include "fuzz_support.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/table.hpp"

using namespace seatsim;
using seatsim::fuzz::Stream;

namespace {

const std::string source = "fuzz.csv";

struct Parsed {
  std::string error;  // empty: parsed
  CsvTable table;
  bool operator==(const Parsed& other) const {
    if (error != other.error || table.header != other.table.header || table.header_line != other.table.header_line ||
        table.rows.size() != other.table.rows.size())
      return false;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
      if (table.rows[i].fields != other.table.rows[i].fields || table.rows[i].line != other.table.rows[i].line)
        return false;
    return true;
  }
};

// The reading options and required columns, drawn from the input (without consuming it).
struct Reading {
  CsvOptions options;
  std::vector<std::string> required;
};
Reading reading_for(std::string_view text) {
  Stream stream(text);
  Reading reading;
  reading.options.delimiter = std::array<char, 4>{0, ',', ';', '\t'}[stream.next() % 4];
  reading.options.thousands = std::array<char, 4>{0, ',', '.', ' '}[stream.next() % 4];
  reading.options.encoding = stream.next() % 4 == 0 ? TextEncoding::windows1252 : TextEncoding::utf8;
  if (stream.next() % 2 == 0) reading.required = VotesReader::required_columns();
  return reading;
}

// Parses `text` handed to the parser in pieces of the sizes `next_piece` gives.
template <class NextPiece>
Parsed parse_in_pieces(std::string_view text, const Reading& reading, NextPiece next_piece) {
  Parsed parsed;
  parsed.table.source = source;
  try {
    CsvParser parser(
        source,
        [&](const CsvHeader& header) {
          parsed.table.header = header.names;
          parsed.table.header_line = header.line;
        },
        [&](const CsvRow& row) { parsed.table.rows.push_back(row); }, reading.options, reading.required);
    while (!text.empty()) {
      const std::size_t piece = std::min<std::size_t>(text.size(), next_piece());
      parser.feed(text.substr(0, piece));
      text.remove_prefix(piece);
    }
    parser.finish();
  } catch (const Error& error) {
    FUZZ_CHECK(error.file() == source && error.line() > 0,
               "an error without file and line: " + std::string(error.what()));
    parsed = Parsed{};
    parsed.error = error.what();
  }
  return parsed;
}

void check_round_trip(const CsvTable& table) {
  std::ostringstream out;
  const auto write = [&](const std::vector<std::string>& fields) {
    const std::vector<std::string_view> views(fields.begin(), fields.end());
    write_csv_row(out, views);
  };
  write(table.header);
  for (const CsvRow& row : table.rows) write(row.fields);
  // Written back with ',' and UTF-8, whatever the original was.
  const CsvTable again = parse_csv(out.str(), source, CsvOptions{',', 0, TextEncoding::utf8, {}});
  FUZZ_CHECK(again.header == table.header, "header changed in a round trip");
  FUZZ_CHECK(again.rows.size() == table.rows.size(), "row count changed in a round trip");
  for (std::size_t i = 0; i < table.rows.size(); ++i)
    FUZZ_CHECK(again.rows[i].fields == table.rows[i].fields, "row changed in a round trip");
}

void check_allocation(const CsvTable& table, const CsvOptions& options, Stream& stream) {
  Election election;
  try {
    election = read_votes(table, options);
  } catch (const Error& error) {
    FUZZ_CHECK(error.file() == source && error.line() > 0,
               "an error without file and line: " + std::string(error.what()));
    return;
  }
  for (District& district : election.districts) {
    std::set<std::string> groups;
    for (const ListResult& list : district.lists)
      if (!list.quota_group.empty()) groups.insert(list.quota_group);
    district.reserved = static_cast<std::int64_t>(groups.size() + stream.next() % 2);
    district.seats = district.reserved + static_cast<std::int64_t>(stream.next() % 12);
  }
  const std::vector<std::string> methods = method_names();
  Rule rule;
  rule.method = method_by_name(methods[stream.next() % methods.size()]);
  rule.ties = static_cast<TieRule>(stream.next() % 5);
  rule.seed = stream.next() % 4;
  if (stream.next() % 3 == 0) rule.threshold.value = ThresholdValue::parse(stream.next() % 2 ? "5%" : "10v");
  if (stream.next() % 4 == 0) rule.threshold.scope = ThresholdScope::national;
  ElectionOutcome outcome;
  try {
    outcome = allocate(election, rule);
  } catch (const Error&) {
    return;  // rejected: no list can take the seats, a tie under 'error', ...
  }
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    std::int64_t placed = outcome.districts[d].unfilled_reserved;
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const std::int64_t seats = outcome.districts[d].lists[i].seats;
      FUZZ_CHECK(seats >= 0, "negative seats");
      if (district.lists[i].quota_group.empty() && district.lists[i].votes == 0)
        FUZZ_CHECK(seats == 0, "a list without votes took a seat");
      placed += seats;
    }
    FUZZ_CHECK(placed == district.seats, "seats placed differ from the district's seats");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Reading reading = reading_for(text);
  const Parsed whole = parse_in_pieces(text, reading, [] { return std::size_t(1) << 30; });
  FUZZ_CHECK(parse_in_pieces(text, reading, [] { return std::size_t(1); }) == whole, "byte-by-byte parse differs");
  Stream pieces(text);
  FUZZ_CHECK(parse_in_pieces(text, reading, [&] { return 1 + pieces.next() % 7; }) == whole, "parse in pieces differs");
  if (!whole.error.empty()) return 0;
  check_round_trip(whole.table);
  Stream stream(text);
  check_allocation(whole.table, reading.options, stream);
  return 0;
}
