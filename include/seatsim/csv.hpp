#pragma once
// RFC 4180 CSV: UTF-8 (a BOM is accepted and dropped), LF or CRLF, quoted fields that may hold
// commas, quotes and line breaks. Every row remembers its line so that errors can name it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seatsim {

struct CsvRow {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the row starts
};

struct CsvTable {
  std::string source;  // file name for messages ("-" for stdin)
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  // Index of the column named `name` (exact, after trimming the header), if present.
  std::optional<std::size_t> column(std::string_view name) const;
  // Like column(), but throws seatsim::Error naming the file and the header when missing.
  std::size_t require_column(std::string_view name) const;
};

// Parses a whole CSV text. Throws seatsim::Error(source, line, ...) on an empty file, invalid
// UTF-8, an unterminated quote, a row with a different number of fields than the header, or a
// header that looks separated by ';' or tabs.
CsvTable parse_csv(std::string_view text, const std::string& source);

// Quotes a field when it needs it.
std::string csv_escape(std::string_view field);

}  // namespace seatsim
