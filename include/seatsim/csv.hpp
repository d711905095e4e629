#pragma once
// RFC 4180 CSV: UTF-8 (a BOM is accepted and dropped), LF or CRLF, quoted fields that may hold
// commas, quotes and line breaks. Every row remembers its line so that errors can name it.
//
// Two ways in: parse_csv reads a whole text into a CsvTable (small files: seat totals,
// thresholds); CsvParser takes the bytes in pieces of any size and hands each row on as soon as
// it is complete, so that a large votes file streams in memory bounded by one row. Both are the
// same parser: the same rows and the same errors, wherever the pieces are cut.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/utf8.hpp"

namespace seatsim {

struct CsvRow {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the row starts
};

// The first non-blank row: column names, trimmed of spaces and tabs.
struct CsvHeader {
  std::string source;  // file name for messages ("-" for stdin)
  std::vector<std::string> names;
  std::size_t line = 1;

  // Index of the column named `name` (exact, after trimming the header), if present.
  std::optional<std::size_t> column(std::string_view name) const;
  // Like column(), but throws seatsim::Error naming the file and the header when missing.
  std::size_t require_column(std::string_view name) const;
};

struct CsvTable {
  std::string source;  // file name for messages ("-" for stdin)
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  std::size_t header_line = 1;

  std::optional<std::size_t> column(std::string_view name) const;
  std::size_t require_column(std::string_view name) const;
};

// The streaming parser. Throws seatsim::Error(source, line, ...) from feed() or finish() on
// invalid UTF-8, an unterminated quote, text after a closing quote, a row with a different
// number of fields than the header, a header that looks separated by ';' or tabs, and (from
// finish) an empty file.
class CsvParser {
 public:
  using HeaderHandler = std::function<void(const CsvHeader&)>;
  using RowHandler = std::function<void(const CsvRow&)>;

  // `on_header` is called once, before any row; `on_row` for every row after it.
  CsvParser(std::string source, HeaderHandler on_header, RowHandler on_row);

  void feed(std::string_view bytes);
  // The end of the input: closes the last row and checks that the file had a header.
  void finish();

 private:
  void byte(unsigned char c);
  void invalid_utf8() const;
  void csv(char c);
  void end_field();
  void end_row();

  std::string source_;
  HeaderHandler on_header_;
  RowHandler on_row_;
  // Byte-order mark: the first bytes are held back until it is clear whether they are one.
  std::string start_;
  bool started_ = false;
  Utf8Validator utf8_;  // byte by byte; offsets count from after the BOM
  // The CSV state.
  CsvRow row_;
  std::size_t fields_in_row_ = 0;  // row_.fields is reused from row to row
  std::string field_;
  std::size_t line_ = 1;
  std::size_t quote_line_ = 0;
  bool quoted_ = false;         // inside a quoted field
  bool quote_pending_ = false;  // inside a quoted field, just after a '"' (a doubled quote or the end)
  bool cr_pending_ = false;     // just after a '\r' that ended a row (a '\n' may follow)
  bool field_started_ = false;
  bool after_quote_ = false;    // the current field's closing quote has been read
  bool row_has_quote_ = false;  // a quoted field makes a row non-blank, even an empty one
  std::optional<CsvHeader> header_;
  bool finished_ = false;
};

// Parses a whole CSV text.
CsvTable parse_csv(std::string_view text, const std::string& source);

// Quotes a field when it needs it: a comma, quote or line break, or a leading U+FEFF (which
// the reader would take for a byte-order mark at the start of a file).
std::string csv_escape(std::string_view field);

}  // namespace seatsim
