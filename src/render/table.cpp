#include "seatsim/table.hpp"

#include <algorithm>

#include "seatsim/csv.hpp"
#include "seatsim/error.hpp"

namespace seatsim {
namespace {

// Display width in code points (close enough for Latin, Cyrillic, Arabic names).
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& text, std::size_t to, bool right) {
  const std::string fill(to > width(text) ? to - width(text) : 0, ' ');
  return right ? fill + text : text + fill;
}

std::string markdown_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Format format_by_name(const std::string& name) {
  if (name == "table") return Format::table;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  if (name == "markdown") return Format::markdown;
  throw Error("unknown format '" + name + "' (known: table, csv, json, markdown)");
}

std::string render_csv(const Table& table) {
  std::string out;
  const auto line = [&](const auto& cells, auto text_of) {
    if (cells.size() == 1 && text_of(cells[0]).empty()) out += "\"\"";  // not a blank line
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_escape(text_of(cells[i]));
    out += '\n';
  };
  line(table.columns, [](const std::string& s) { return s; });
  for (const auto& row : table.rows) line(row, [](const Cell& c) { return c.text; });
  return out;
}

void write_csv_row(std::ostream& out, std::span<const std::string_view> fields) {
  // A row of blank fields is written with its first field quoted: unquoted, a reader skips it as
  // blank (a spreadsheet's trailing rows).
  const bool blank = !fields.empty() && std::all_of(fields.begin(), fields.end(), [](std::string_view f) {
    return f.find_first_not_of(" \t") == std::string_view::npos;
  });
  if (blank) {
    out << '"' << fields.front() << '"';
    for (std::size_t i = 1; i < fields.size(); ++i) out << ',' << fields[i];
    out << '\n';
    return;
  }
  bool first = true;
  for (const std::string_view field : fields) {
    if (!first) out << ',';
    first = false;
    out << csv_escape(field);
  }
  out << '\n';
}

namespace {

// `dumped` (a Json::dump(2) text) as it reads nested `by` spaces deep: every line after the first
// moves right. Strings hold no raw line breaks in JSON, so every '\n' is a line of the layout.
std::string indented(const std::string& dumped, std::size_t by) {
  std::string out;
  out.reserve(dumped.size());
  for (const char c : dumped) {
    out += c;
    if (c == '\n') out.append(by, ' ');
  }
  return out;
}

}  // namespace

void write_json_records(std::ostream& out, const Json& head, const std::string& key,
                        const std::function<bool(Json&)>& next) {
  out << "{\n";
  for (const auto& [name, value] : head.items())
    out << "  " << Json(name).dump() << ": " << indented(value.dump(2), 2) << ",\n";
  out << "  " << Json(key).dump() << ": ";
  bool first = true;
  for (Json record; next(record); first = false)
    out << (first ? "[\n" : ",\n") << "    " << indented(record.dump(2), 4);
  out << (first ? "[]" : "\n  ]") << "\n}\n";
}

std::string render_text(const Table& table, const std::vector<std::string>& footer) {
  std::vector<std::size_t> widths;
  for (const std::string& column : table.columns) widths.push_back(width(column));
  std::vector<bool> numeric(table.columns.size(), false);
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], width(row[i].text));
      numeric[i] = numeric[i] || row[i].numeric;
    }
  std::string out;
  const auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "  " : "") + pad(cells[i], widths[i], numeric[i]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  };
  emit(table.columns);
  std::vector<std::string> rule;
  for (const std::size_t w : widths) rule.emplace_back(w, '-');
  emit(rule);
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const Cell& cell : row) cells.push_back(cell.text);
    emit(cells);
  }
  for (const std::string& line : footer) out += line + '\n';
  return out;
}

std::string render_markdown(const Table& table) {
  std::string out = "|";
  for (const std::string& column : table.columns) out += " " + markdown_escape(column) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const bool numeric = std::any_of(table.rows.begin(), table.rows.end(),
                                     [&](const auto& row) { return i < row.size() && row[i].numeric; });
    out += numeric ? "---:|" : "---|";
  }
  out += '\n';
  for (const auto& row : table.rows) {
    out += "|";
    for (const Cell& cell : row) out += " " + markdown_escape(cell.text) + " |";
    out += '\n';
  }
  return out;
}

Json to_records(const Table& table) {
  Json records = Json::array();
  for (const auto& row : table.rows) {
    Json record = Json::object();
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
      const Cell& cell = row[i];
      if (cell.numeric && !cell.text.empty()) {
        Json parsed = Json::parse(cell.text, nullptr, false);
        record[table.columns[i]] = parsed.is_discarded() ? Json(cell.text) : parsed;
      } else if (cell.numeric) {
        record[table.columns[i]] = nullptr;
      } else {
        record[table.columns[i]] = cell.text;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace seatsim
