#pragma once
// RFC 4180 CSV: UTF-8 (a BOM is accepted and dropped), LF or CRLF, quoted fields that may hold
// commas, quotes and line breaks. Every row remembers its line so that errors can name it.
//
// Two ways in: parse_csv reads a whole text into a CsvTable (small files: seat totals,
// thresholds); CsvParser takes the bytes in pieces of any size and hands each row on as soon as
// it is complete, so that a large votes file streams in memory bounded by one row. Both are the
// same parser: the same rows and the same errors, wherever the pieces are cut.
//
// What spreadsheets export is read when it is unambiguous (docs/preparing-data.md): header
// names in any case, ';' or tab as the delimiter (given, or detected from the header), Windows-
// 1252 text when asked, rows of empty fields skipped. What is not is refused with what to do: a
// workbook (.xlsx, .xls, .ods), text that is not UTF-8. Control characters (NUL, terminal
// escapes) are refused wherever they are, and a row and a field have a size limit, so that a
// device or a binary file named by mistake stops at once (docs/reliability.md).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/io/utf8.hpp"

namespace seatsim {

// The limits of one row (a record, line breaks in quoted fields included) and of one field.
inline constexpr std::size_t max_csv_row_bytes = std::size_t{1} << 20;     // 1 MiB
inline constexpr std::size_t max_csv_field_bytes = std::size_t{64} << 10;  // 64 KiB

enum class TextEncoding { utf8, windows1252 };

// How the user says their file is written (the reading flags of every command that reads votes).
struct CsvOptions {
  char delimiter = 0;  // ',', ';' or '\t'; 0: detected from the header
  char thousands = 0;  // ',', '.', ' ' or '\'' between groups of three digits in counts; 0: none
  TextEncoding encoding = TextEncoding::utf8;
  // Warnings that do not stop the run (unknown columns); none: they are dropped.
  std::function<void(const std::string&)> warn;
};

// The flags' spellings: "," ";" "tab" (or a tab); "," "." "'" "space" (or " "); "utf8", "latin1"
// ("windows-1252", "cp1252"). Throw seatsim::Error naming the flag and the accepted values.
char csv_delimiter_by_name(std::string_view name);
char thousands_separator_by_name(std::string_view name);
TextEncoding text_encoding_by_name(std::string_view name);

struct CsvRow {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the row starts
};

// The first non-blank row: column names, trimmed of spaces and tabs.
struct CsvHeader {
  std::string source;  // file name for messages ("-" for stdin)
  std::vector<std::string> names;
  std::size_t line = 1;

  // Index of the column named `name` (ASCII case ignored, after trimming the header), if present.
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
// a workbook, invalid UTF-8, a control character, a row or field over its limit, an
// unterminated quote, text after a closing quote, a row with a different number of fields than
// the header, a duplicate column, a delimiter that cannot be told, and (from finish) an empty
// file.
class CsvParser {
 public:
  using HeaderHandler = std::function<void(const CsvHeader&)>;
  using RowHandler = std::function<void(const CsvRow&)>;

  // `on_header` is called once, before any row; `on_row` for every row after it. Without a
  // delimiter in `options`, the header chooses it: the one of ',', ';' and tab under which it
  // has every column of `required_columns` (or, with none, more than one column) when exactly
  // one does; else ','.
  CsvParser(std::string source, HeaderHandler on_header, RowHandler on_row, CsvOptions options = {},
            std::vector<std::string> required_columns = {});

  void feed(std::string_view bytes);
  // The end of the input: closes the last row and checks that the file had a header.
  void finish();

 private:
  bool gathering_header() const noexcept;
  void start();
  void text(std::string_view bytes);
  void byte(unsigned char c);
  void invalid_utf8() const;
  void control_character(unsigned code) const;
  void count_row_bytes(std::size_t count);
  void field_too_long() const;
  void csv(char c);
  void header_byte(char c);
  void end_header_line();
  void choose_delimiter(const std::string& line, std::size_t first_line);
  void end_field();
  void end_row();
  void start_header(const std::vector<std::string>& fields, std::size_t line);

  std::string source_;
  HeaderHandler on_header_;
  RowHandler on_row_;
  CsvOptions options_;
  std::vector<std::string> required_columns_;
  char delimiter_ = ',';
  // The first bytes are held back until it is clear whether they are a byte-order mark or the
  // signature of a workbook.
  std::string start_;
  bool started_ = false;
  std::string decoded_;  // a piece converted from Windows-1252 to UTF-8
  Utf8Validator utf8_;   // byte by byte; offsets count from after the BOM
  unsigned char previous_byte_ = 0;
  std::size_t row_bytes_ = 0;
  // Detecting the delimiter: the header line is gathered whole (quotes counted), then split.
  std::string header_line_;
  std::size_t header_line_start_ = 1;
  bool header_quoted_ = false;
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
  bool header_field_start_ = true;
  bool header_quote_pending_ = false;
  std::optional<CsvHeader> header_;
  bool finished_ = false;
};

// Parses a whole CSV text.
CsvTable parse_csv(std::string_view text, const std::string& source, const CsvOptions& options = {},
                   std::vector<std::string> required_columns = {});

// Quotes a field when it needs it: a comma, quote or line break, or a leading U+FEFF (which
// the reader would take for a byte-order mark at the start of a file).
std::string csv_escape(std::string_view field);

}  // namespace seatsim
