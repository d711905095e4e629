#include "seatsim/csv.hpp"

#include <algorithm>

#include "seatsim/error.hpp"

namespace seatsim {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::optional<std::size_t> find_column(const std::vector<std::string>& names, std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
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

// A byte that only adds itself to the current field: ASCII, not a delimiter, quote or line end
// (inside quotes, commas and '\r' are plain too; '\n' is not, it counts a line).
bool plain(char c, bool quoted) noexcept {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80 || c == '"' || c == '\n') return false;
  return quoted || (c != ',' && c != '\r');
}

}  // namespace

std::optional<std::size_t> CsvHeader::column(std::string_view name) const { return find_column(names, name); }
std::size_t CsvHeader::require_column(std::string_view name) const { return require(names, name, source, line); }
std::optional<std::size_t> CsvTable::column(std::string_view name) const { return find_column(header, name); }
std::size_t CsvTable::require_column(std::string_view name) const { return require(header, name, source, header_line); }

CsvParser::CsvParser(std::string source, HeaderHandler on_header, RowHandler on_row)
    : source_(std::move(source)), on_header_(std::move(on_header)), on_row_(std::move(on_row)) {
  row_.line = 1;
}

void CsvParser::feed(std::string_view bytes) {
  if (!started_) {
    // Hold back up to three bytes: they may be a byte-order mark split across pieces.
    const std::size_t take = std::min(bytes.size(), byte_order_mark.size() - start_.size());
    start_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (start_.size() < byte_order_mark.size() && byte_order_mark.substr(0, start_.size()) == start_) return;
    started_ = true;
    if (start_ != byte_order_mark)
      for (const char c : start_) byte(static_cast<unsigned char>(c));
    start_.clear();
  }
  // Runs of plain ASCII inside a field go in at once; everything else byte by byte.
  const char* const end = bytes.data() + bytes.size();
  for (const char* p = bytes.data(); p < end;) {
    if (utf8_.complete() && !cr_pending_ && !quote_pending_ && (quoted_ || !after_quote_)) {
      const char* run = p;
      while (run < end && plain(*run, quoted_)) ++run;
      if (run > p) {
        utf8_.accept_plain_ascii(static_cast<std::size_t>(run - p));
        field_.append(p, static_cast<std::size_t>(run - p));
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
  csv(static_cast<char>(c));
}

void CsvParser::invalid_utf8() const {
  throw Error(source_, utf8_.sequence_line(),
              "invalid UTF-8 (byte " + std::to_string(utf8_.sequence_offset() + 1) + ")");
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
    return;
  }
  if (c == '"' && !field_started_) {
    quoted_ = field_started_ = row_has_quote_ = true;
    quote_line_ = line_;
  } else if (c == ',') {
    end_field();
  } else if (c == '\n' || c == '\r') {
    cr_pending_ = c == '\r';
    end_field();
    end_row();
    row_.line = ++line_;
  } else {
    if (after_quote_) throw Error(source_, line_, "unexpected text after a closing quote");
    field_ += c;
    field_started_ = true;
  }
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

void CsvParser::end_row() {
  row_.fields.resize(fields_in_row_);
  const bool blank = fields_in_row_ == 1 && row_.fields.front().empty() && !row_has_quote_;
  fields_in_row_ = 0;
  row_has_quote_ = false;
  if (blank) return;
  if (!header_) {
    CsvHeader header{source_, {}, row_.line};
    for (const std::string& name : row_.fields) header.names.push_back(trim(name));
    if (header.names.size() == 1) {
      const std::string& only = header.names.front();
      if (only.find(';') != std::string::npos || only.find('\t') != std::string::npos)
        throw Error(source_, header.line,
                    "the header is separated by ';' or tabs: seatsim reads comma-separated files");
    }
    header_ = std::move(header);
    on_header_(*header_);
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
  if (!started_) {
    // Fewer than three bytes in all: whatever they are, they are not a byte-order mark.
    started_ = true;
    if (start_ != byte_order_mark)
      for (const char c : start_) byte(static_cast<unsigned char>(c));
  }
  if (!utf8_.complete()) invalid_utf8();
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

CsvTable parse_csv(std::string_view text, const std::string& source) {
  CsvTable table;
  table.source = source;
  CsvParser parser(
      source,
      [&](const CsvHeader& header) {
        table.header = header.names;
        table.header_line = header.line;
      },
      [&](const CsvRow& row) { table.rows.push_back(row); });
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
