#include "seatsim/io/csv.hpp"

#include <algorithm>
#include <array>

#include "seatsim/core/error.hpp"
#include "seatsim/io/utf8.hpp"

namespace seatsim {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view zip_signature = "PK\x03\x04";                        // .xlsx, .ods
constexpr std::string_view ole_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";  // .xls
constexpr std::array<std::string_view, 3> signatures = {byte_order_mark, zip_signature, ole_signature};
constexpr std::array<char, 3> candidate_delimiters = {',', ';', '\t'};

// Windows-1252 bytes 0x80-0x9F; the five it leaves undefined stay C1 controls (and are refused).
constexpr std::array<unsigned, 32> windows1252_high = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                       0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::optional<std::size_t> find_column(const std::vector<std::string>& names, std::string_view name) {
  const auto it = std::find_if(names.begin(), names.end(), [&](const std::string& n) { return same_name(n, name); });
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

std::size_t require(const std::vector<std::string>& names, std::string_view name, const std::string& source,
                    std::size_t line) {
  if (const auto index = find_column(names, name)) return *index;
  std::string found;
  for (const std::string& h : names) found += (found.empty() ? "" : ",") + h;
  throw Error(source, line, "missing column '" + std::string(name) + "' (header: " + found + ")");
}

// A byte that only adds itself to the current field: ASCII, not a control character, the
// delimiter, a quote or a line end (inside quotes, the delimiter and '\r' are plain too; '\n'
// is not, it counts a line).
bool plain(char c, char delimiter, bool quoted) noexcept {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80 || u == 0x7F || c == '"' || c == '\n') return false;
  if (c == '\r' || c == delimiter) return quoted;
  return u >= 0x20 || c == '\t';
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

bool could_be_signature(std::string_view start) {
  return std::any_of(signatures.begin(), signatures.end(),
                     [&](std::string_view s) { return start.size() < s.size() && s.starts_with(start); });
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && same_name(text.substr(text.size() - suffix.size()), suffix);
}

// One record split at `delimiter` with RFC 4180 quotes, as the parser would split it; none when
// it is not valid CSV under that delimiter.
std::optional<std::vector<std::string>> split_record(std::string_view line, char delimiter) {
  std::vector<std::string> fields(1);
  bool quoted = false, after_quote = false, started = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
        after_quote = true;
      }
    } else if (c == delimiter) {
      fields.emplace_back();
      after_quote = started = false;
    } else if (after_quote) {
      return std::nullopt;
    } else if (c == '"' && !started) {
      quoted = started = true;
    } else {
      fields.back() += c;
      started = true;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::string delimiter_name(char delimiter) { return delimiter == '\t' ? "tab" : std::string("'") + delimiter + "'"; }

}  // namespace

char csv_delimiter_by_name(std::string_view name) {
  if (name == "," || name == "comma") return ',';
  if (name == ";" || name == "semicolon") return ';';
  if (name == "\t" || name == "tab" || name == "\\t") return '\t';
  throw Error("--delimiter: unknown delimiter '" + std::string(name) + "' (give ',', ';' or tab)");
}

char thousands_separator_by_name(std::string_view name) {
  if (name == "," || name == "." || name == "'") return name.front();
  if (name == " " || name == "space") return ' ';
  throw Error("--thousands: unknown separator '" + std::string(name) + "' (give ',', '.', \"'\" or ' ')");
}

TextEncoding text_encoding_by_name(std::string_view name) {
  std::string lowered(name);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
  if (lowered == "utf8" || lowered == "utf-8") return TextEncoding::utf8;
  if (lowered == "latin1" || lowered == "latin-1" || lowered == "windows-1252" || lowered == "cp1252")
    return TextEncoding::windows1252;
  throw Error("--encoding: unknown encoding '" + std::string(name) + "' (give utf8 or latin1)");
}

std::optional<std::size_t> CsvHeader::column(std::string_view name) const { return find_column(names, name); }
std::size_t CsvHeader::require_column(std::string_view name) const { return require(names, name, source, line); }
std::optional<std::size_t> CsvTable::column(std::string_view name) const { return find_column(header, name); }
std::size_t CsvTable::require_column(std::string_view name) const { return require(header, name, source, header_line); }

CsvParser::CsvParser(std::string source, HeaderHandler on_header, RowHandler on_row, CsvOptions options,
                     std::vector<std::string> required_columns)
    : source_(std::move(source)),
      on_header_(std::move(on_header)),
      on_row_(std::move(on_row)),
      options_(std::move(options)),
      required_columns_(std::move(required_columns)),
      delimiter_(options_.delimiter == 0 ? ',' : options_.delimiter) {
  row_.line = 1;
}

bool CsvParser::gathering_header() const noexcept { return !header_ && options_.delimiter == 0; }

void CsvParser::feed(std::string_view bytes) {
  if (!started_) {
    // Hold back the first bytes while they may still be a byte-order mark or a workbook's
    // signature split across pieces.
    const std::size_t take = std::min(bytes.size(), ole_signature.size() - start_.size());
    start_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (start_.size() < ole_signature.size() && could_be_signature(start_)) return;
    start();
  }
  text(bytes);
}

void CsvParser::start() {
  started_ = true;
  std::string_view held = start_;
  if (held.starts_with(zip_signature) || held.starts_with(ole_signature))
    throw Error(source_, 1,
                ends_with_ignoring_case(source_, ".ods") ? "this is an OpenDocument spreadsheet: save it as CSV"
                                                         : "this is an Excel workbook: save it as CSV");
  if (held.starts_with(byte_order_mark)) {
    if (options_.encoding != TextEncoding::utf8)
      throw Error(source_, 1, "the file starts with a UTF-8 byte-order mark: it is UTF-8, drop --encoding latin1");
    held.remove_prefix(byte_order_mark.size());
  }
  text(held);
  start_.clear();
}

void CsvParser::text(std::string_view bytes) {
  if (options_.encoding == TextEncoding::windows1252) {
    decoded_.clear();
    for (const char c : bytes) {
      const auto u = static_cast<unsigned char>(c);
      append_utf8(decoded_, u < 0x80 ? u : u < 0xA0 ? windows1252_high[u - 0x80] : u);
    }
    bytes = decoded_;
  }
  // Runs of plain ASCII inside a field go in at once; everything else byte by byte.
  const char* const end = bytes.data() + bytes.size();
  for (const char* p = bytes.data(); p < end;) {
    if (utf8_.complete() && !cr_pending_ && !quote_pending_ && (quoted_ || !after_quote_) && !gathering_header()) {
      const char* run = p;
      while (run < end && plain(*run, delimiter_, quoted_)) ++run;
      if (run > p) {
        const auto count = static_cast<std::size_t>(run - p);
        count_row_bytes(count);
        utf8_.accept_plain_ascii(count);
        field_.append(p, count);
        if (field_.size() > max_csv_field_bytes) field_too_long();
        field_started_ = true;
        p = run;
        continue;
      }
    }
    byte(static_cast<unsigned char>(*p++));
  }
}

void CsvParser::byte(unsigned char c) {
  if (!utf8_.accept(c)) invalid_utf8();
  if (is_refused_control(previous_byte_, c)) control_character(c);
  previous_byte_ = c;
  count_row_bytes(1);
  if (gathering_header())
    header_byte(static_cast<char>(c));
  else
    csv(static_cast<char>(c));
}

void CsvParser::invalid_utf8() const {
  const std::string line = std::to_string(utf8_.sequence_line());
  throw Error(source_, utf8_.sequence_line(),
              "line " + line + " is not UTF-8: save as UTF-8 or add --encoding latin1 (byte " +
                  std::to_string(utf8_.sequence_offset() + 1) + ")");
}

void CsvParser::control_character(unsigned code) const {
  throw Error(source_, line_,
              control_character_text(code) +
                  ": seatsim refuses NUL bytes and terminal escapes in its input (is this a CSV file?)");
}

void CsvParser::count_row_bytes(std::size_t count) {
  row_bytes_ += count;
  if (row_bytes_ > max_csv_row_bytes)
    throw Error(source_, line_,
                "a row longer than " + std::to_string(max_csv_row_bytes) + " bytes, the limit (is this a CSV file?)");
}

void CsvParser::field_too_long() const {
  throw Error(source_, line_,
              "a field longer than " + std::to_string(max_csv_field_bytes) + " bytes, the limit (is this a CSV file?)");
}

void CsvParser::csv(char c) {
  if (cr_pending_) {
    cr_pending_ = false;
    if (c == '\n') return;  // the '\n' of a CRLF
  }
  if (quote_pending_) {
    quote_pending_ = false;
    if (c == '"') {
      field_ += '"';
      return;
    }
    quoted_ = false;
    after_quote_ = true;
  }
  if (quoted_) {
    if (c == '"') {
      quote_pending_ = true;
      return;
    }
    if (c == '\n') ++line_;
    field_ += c;
    if (field_.size() > max_csv_field_bytes) field_too_long();
    return;
  }
  if (c == '"' && !field_started_) {
    quoted_ = field_started_ = row_has_quote_ = true;
    quote_line_ = line_;
  } else if (c == delimiter_) {
    end_field();
  } else if (c == '\n' || c == '\r') {
    cr_pending_ = c == '\r';
    end_field();
    end_row();
    row_.line = ++line_;
    row_bytes_ = 0;
  } else {
    if (after_quote_) throw Error(source_, line_, "unexpected text after a closing quote");
    field_ += c;
    if (field_.size() > max_csv_field_bytes) field_too_long();
    field_started_ = true;
  }
}

// Gathers the header line whole, quotes counted at the start of a field under any candidate
// delimiter, so that the delimiter can be chosen from the whole line.
void CsvParser::header_byte(char c) {
  if (cr_pending_) {
    cr_pending_ = false;
    if (c == '\n') return;
  }
  if (header_line_.empty() && !header_quoted_) header_line_start_ = line_;
  if (header_quote_pending_) {
    header_quote_pending_ = false;
    if (c == '"') {
      header_line_ += c;
      return;
    }
    header_quoted_ = false;
  }
  if (header_quoted_) {
    if (c == '"') header_quote_pending_ = true;
    if (c == '\n') ++line_;
    header_line_ += c;
    return;
  }
  if (c == '\n' || c == '\r') {
    cr_pending_ = c == '\r';
    end_header_line();
    return;
  }
  if (c == '"' && header_field_start_) header_quoted_ = true;
  header_field_start_ =
      std::find(candidate_delimiters.begin(), candidate_delimiters.end(), c) != candidate_delimiters.end();
  header_line_ += c;
}

void CsvParser::end_header_line() {
  const std::string line = std::move(header_line_);
  header_line_.clear();
  header_field_start_ = true;
  const std::size_t first_line = header_line_start_;
  row_.line = ++line_;
  row_bytes_ = 0;
  if (line.find_first_not_of(" \t,;") == std::string::npos) return;  // a blank line before the header
  choose_delimiter(line, first_line);
}

void CsvParser::choose_delimiter(const std::string& line, std::size_t first_line) {
  struct Candidate {
    char delimiter;
    std::vector<std::string> names;
  };
  std::vector<Candidate> candidates, fitting;
  for (const char delimiter : candidate_delimiters)
    if (auto fields = split_record(line, delimiter)) {
      for (std::string& field : *fields) field = trim(field);
      candidates.push_back({delimiter, std::move(*fields)});
    }
  if (candidates.empty()) throw Error(source_, first_line, "the header is not valid CSV (check its quotes)");
  for (const Candidate& candidate : candidates) {
    const bool fits = required_columns_.empty()
                          ? candidate.names.size() > 1
                          : std::all_of(required_columns_.begin(), required_columns_.end(),
                                        [&](const std::string& name) { return find_column(candidate.names, name); });
    if (fits) fitting.push_back(candidate);
  }
  if (fitting.size() > 1 && !required_columns_.empty())
    throw Error(source_, first_line,
                "the header has the required columns both with " + delimiter_name(fitting[0].delimiter) + " and with " +
                    delimiter_name(fitting[1].delimiter) + " as the delimiter: give --delimiter");
  // None fits: the split with the most columns, so that a message about a missing column shows
  // the columns the file has.
  const Candidate& chosen =
      fitting.empty()
          ? *std::max_element(candidates.begin(), candidates.end(),
                              [](const Candidate& a, const Candidate& b) { return a.names.size() < b.names.size(); })
          : fitting.front();
  delimiter_ = chosen.delimiter;
  start_header(chosen.names, first_line);
}

void CsvParser::end_field() {
  if (fields_in_row_ < row_.fields.size())
    row_.fields[fields_in_row_].swap(field_);
  else
    row_.fields.push_back(std::move(field_));
  ++fields_in_row_;
  field_.clear();
  field_started_ = after_quote_ = false;
}

void CsvParser::start_header(const std::vector<std::string>& fields, std::size_t line) {
  CsvHeader header{source_, {}, line};
  for (const std::string& name : fields) header.names.push_back(trim(name));
  if (header.names.size() == 1 && header.names.front().find_first_of(";\t,") != std::string::npos)
    throw Error(source_, line,
                "the header is one column that holds a delimiter: give the file's delimiter with --delimiter (',', "
                "';' or tab)");
  for (std::size_t i = 0; i < header.names.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!header.names[i].empty() && same_name(header.names[i], header.names[j]))
        throw Error(source_, line,
                    "duplicate column '" + header.names[i] + "' (columns " + std::to_string(j + 1) + " and " +
                        std::to_string(i + 1) + ")");
  header_ = std::move(header);
  on_header_(*header_);
}

void CsvParser::end_row() {
  row_.fields.resize(fields_in_row_);
  // A row of empty fields (a spreadsheet's trailing rows) is blank, unless a field was quoted.
  const bool blank = !row_has_quote_ && std::all_of(row_.fields.begin(), row_.fields.end(), [](const std::string& f) {
    return f.find_first_not_of(" \t") == std::string::npos;
  });
  fields_in_row_ = 0;
  row_has_quote_ = false;
  if (blank) return;
  if (!header_) {
    start_header(row_.fields, row_.line);
    return;
  }
  if (row_.fields.size() != header_->names.size())
    throw Error(source_, row_.line,
                "expected " + std::to_string(header_->names.size()) + " fields as in the header, found " +
                    std::to_string(row_.fields.size()));
  on_row_(row_);
}

void CsvParser::finish() {
  if (finished_) return;
  finished_ = true;
  if (!started_) start();  // fewer bytes in all than a signature: whatever they are, not one
  if (!utf8_.complete()) invalid_utf8();
  if (gathering_header()) {
    if (header_quoted_ && !header_quote_pending_)
      throw Error(source_, header_line_start_, "unterminated quoted field (the file may be truncated)");
    if (!header_line_.empty()) end_header_line();
  }
  if (quote_pending_) {
    quote_pending_ = quoted_ = false;
    after_quote_ = true;
  }
  if (quoted_) throw Error(source_, quote_line_, "unterminated quoted field (the file may be truncated)");
  if (field_started_ || fields_in_row_ > 0) {
    end_field();
    end_row();
  }
  if (!header_) throw Error(source_, 1, "empty file: expected a header line");
}

CsvTable parse_csv(std::string_view text, const std::string& source, const CsvOptions& options,
                   std::vector<std::string> required_columns) {
  CsvTable table;
  table.source = source;
  CsvParser parser(
      source,
      [&](const CsvHeader& header) {
        table.header = header.names;
        table.header_line = header.line;
      },
      [&](const CsvRow& row) { table.rows.push_back(row); }, options, std::move(required_columns));
  parser.feed(text);
  parser.finish();
  return table;
}

std::string csv_escape(std::string_view field) {
  // A field that starts with U+FEFF is quoted too: first in a file, it would be read as a BOM.
  if (field.find_first_of(",\"\r\n") == std::string_view::npos && !field.starts_with(byte_order_mark))
    return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace seatsim
