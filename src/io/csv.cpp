#include "seatsim/csv.hpp"

#include <algorithm>

#include "seatsim/error.hpp"

namespace seatsim {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is invalid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  std::size_t length = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF)
    length = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    length = 3;
  else if (c >= 0xF0 && c <= 0xF4)
    length = 4;
  else
    return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && byte(i + 1) > 0x9F) return 0;  // surrogates
  if (c == 0xF0 && byte(i + 1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && byte(i + 1) > 0x8F) return 0;  // beyond U+10FFFF
  return length;
}

void check_utf8(std::string_view text, const std::string& source) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) throw Error(source, line, "invalid UTF-8 (byte " + std::to_string(i + 1) + ")");
    if (text[i] == '\n') ++line;
    i += length;
  }
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& source) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  check_utf8(text, source);
  CsvTable table;
  table.source = source;
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  std::size_t line = 1;
  row.line = 1;
  bool quoted = false, field_started = false, after_quote = false;
  std::size_t quote_line = 0;
  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_started = after_quote = false;
  };
  const auto end_row = [&] {
    const bool blank = row.fields.size() == 1 && row.fields.front().empty() && !after_quote;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"')
          field += '"', ++i;
        else
          quoted = false, after_quote = true;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
      quote_line = line;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      end_row();
      row.line = ++line;
    } else {
      if (after_quote) throw Error(source, line, "unexpected text after a closing quote");
      field += c;
      field_started = true;
    }
  }
  if (quoted) throw Error(source, quote_line, "unterminated quoted field (the file may be truncated)");
  if (field_started || !row.fields.empty()) {
    end_field();
    end_row();
  }
  if (rows.empty()) throw Error(source, 0, "empty file: expected a header line");
  for (const std::string& name : rows.front().fields) table.header.push_back(trim(name));
  if (table.header.size() == 1) {
    const std::string& only = table.header.front();
    if (only.find(';') != std::string::npos || only.find('\t') != std::string::npos)
      throw Error(source, 1, "the header is separated by ';' or tabs: seatsim reads comma-separated files");
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].fields.size() != table.header.size())
      throw Error(source, rows[r].line,
                  "expected " + std::to_string(table.header.size()) + " fields as in the header, found " +
                      std::to_string(rows[r].fields.size()));
    table.rows.push_back(std::move(rows[r]));
  }
  return table;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

std::size_t CsvTable::require_column(std::string_view name) const {
  if (const auto index = column(name)) return *index;
  std::string found;
  for (const std::string& h : header) found += (found.empty() ? "" : ",") + h;
  throw Error(source, 1, "missing column '" + std::string(name) + "' (header: " + found + ")");
}

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace seatsim
