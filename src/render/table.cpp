#include "seatsim/render/table.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/io/csv.hpp"
#include "text_wrap.hpp"

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

namespace {

// A number of a cell as people order it: sign, whole digits and fraction digits without the
// zeros that do not count; separators of thousands (',' and spaces) and a '+' are skipped.
// Exact, so that the order never depends on rounding. Text that is not a number is `valid` false.
struct DecimalText {
  bool valid = false;
  bool negative = false;
  std::string whole, fraction;
};

DecimalText decimal_text(const std::string& text) {
  DecimalText d;
  bool point = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      (point ? d.fraction : d.whole) += c;
      d.valid = true;
    } else if (c == '-' && !d.valid) {
      d.negative = true;
    } else if (c == '.' && !point) {
      point = true;
    } else if (c != ',' && c != ' ' && c != '+') {
      return {};
    }
  }
  d.whole.erase(0, std::min(d.whole.find_first_not_of('0'), d.whole.size()));
  d.fraction.erase(d.fraction.find_last_not_of('0') + 1);
  if (d.whole.empty() && d.fraction.empty()) d.negative = false;  // -0 is 0
  return d;
}

// <0, 0, >0 as a is below, equal to or above b; text that is not a number is below every number.
int compare_numbers(const std::string& a, const std::string& b) {
  const DecimalText x = decimal_text(a), y = decimal_text(b);
  if (!x.valid || !y.valid) return int(x.valid) - int(y.valid);
  if (x.negative != y.negative) return x.negative ? -1 : 1;
  int magnitude =
      x.whole.size() != y.whole.size() ? (x.whole.size() < y.whole.size() ? -1 : 1) : x.whole.compare(y.whole);
  if (magnitude == 0) magnitude = x.fraction.compare(y.fraction);
  magnitude = (magnitude > 0) - (magnitude < 0);
  return x.negative ? -magnitude : magnitude;
}

std::vector<std::size_t> column_indices(const Table& table, const std::vector<std::string>& names) {
  std::vector<std::size_t> indices;
  for (const std::string& name : names) {
    const auto at = std::find(table.columns.begin(), table.columns.end(), name);
    if (at != table.columns.end()) indices.push_back(static_cast<std::size_t>(at - table.columns.begin()));
  }
  return indices;
}

const std::string& text_at(const std::vector<Cell>& row, std::size_t column) {
  static const std::string empty;
  return column < row.size() ? row[column].text : empty;
}

}  // namespace

Table ordered_for_people(const Table& table) {
  Table ordered = table;
  const std::vector<std::size_t> group = column_indices(table, table.group_by);
  const std::vector<std::size_t> rank = column_indices(table, table.rank_by);
  if (rank.empty()) return ordered;
  const auto same_group = [&](const std::vector<Cell>& a, const std::vector<Cell>& b) {
    return std::all_of(group.begin(), group.end(), [&](std::size_t c) { return text_at(a, c) == text_at(b, c); });
  };
  const auto before = [&](const std::vector<Cell>& a, const std::vector<Cell>& b) {
    for (const std::size_t c : rank)
      if (const int order = compare_numbers(text_at(a, c), text_at(b, c)); order != 0) return order > 0;
    return false;
  };
  auto& rows = ordered.rows;
  for (auto first = rows.begin(); first != rows.end();) {
    const auto last = std::find_if(first, rows.end(), [&](const auto& row) { return !same_group(*first, row); });
    std::stable_sort(first, last, before);
    first = last;
  }
  return ordered;
}

namespace {

// The bytes of the first `columns` code points of `word`.
std::size_t prefix_bytes(const std::string& word, std::size_t columns) {
  std::size_t bytes = 0, seen = 0;
  while (bytes < word.size()) {
    const bool lead = (static_cast<unsigned char>(word[bytes]) & 0xC0) != 0x80;
    if (lead && seen == columns) break;
    seen += lead;
    ++bytes;
  }
  return bytes;
}

// Narrows the `wrap` columns so that a line fits `max_width`: the widest give way first, none
// below `floor` columns (their headers wrap too).
void fit_widths(std::vector<std::size_t>& widths, const std::vector<std::size_t>& wrap, std::size_t max_width) {
  constexpr std::size_t floor = 12;
  std::size_t total = 2 * (widths.empty() ? 0 : widths.size() - 1);
  for (const std::size_t w : widths) total += w;
  while (total > max_width) {
    std::size_t widest = widths.size();
    for (const std::size_t c : wrap)
      if (widths[c] > floor && (widest == widths.size() || widths[c] > widths[widest])) widest = c;
    if (widest == widths.size()) return;
    --widths[widest];
    --total;
  }
}

}  // namespace

std::vector<std::string> wrap_words(const std::string& text, std::size_t limit) {
  limit = std::max<std::size_t>(limit, 1);
  std::vector<std::string> lines{""};
  const auto place = [&](const std::string& word) {
    if (lines.back().empty())
      lines.back() = word;
    else if (width(lines.back()) + 1 + width(word) <= limit)
      lines.back() += " " + word;
    else
      lines.push_back(word);
  };
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    std::string word = text.substr(start, end - start);
    for (std::size_t cut; width(word) > limit; word.erase(0, cut)) {
      cut = prefix_bytes(word, limit);
      place(word.substr(0, cut));
    }
    place(word);
    start = end + 1;
  }
  return lines;
}

std::string wrap_paragraph(const std::string& text, std::size_t limit, std::size_t indent) {
  const std::vector<std::string> first = wrap_words(text, limit);
  if (first.size() == 1) return text;
  std::string out = first.front();
  std::string rest = text.substr(first.front().size());
  if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  for (const std::string& line : wrap_words(rest, limit - indent)) out += "\n" + std::string(indent, ' ') + line;
  return out;
}

std::string render_text(const Table& unordered, const std::vector<std::string>& footer, std::size_t max_width) {
  const Table table = ordered_for_people(unordered);
  std::vector<std::size_t> widths;
  for (const std::string& column : table.columns) widths.push_back(width(column));
  std::vector<bool> numeric(table.columns.size(), false);
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], width(row[i].text));
      numeric[i] = numeric[i] || row[i].numeric;
    }
  fit_widths(widths, column_indices(table, table.wrap), max_width);
  std::string out;
  const auto emit = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> lines;
    std::size_t height = 1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      lines.push_back(width(cells[i]) > widths[i] ? wrap_words(cells[i], widths[i]) : std::vector{cells[i]});
      height = std::max(height, lines.back().size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      std::string line;
      for (std::size_t i = 0; i < cells.size(); ++i)
        line += (i ? "  " : "") + pad(k < lines[i].size() ? lines[i][k] : std::string(), widths[i], numeric[i]);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + '\n';
    }
  };
  emit(table.columns);
  std::vector<std::string> rule;
  rule.reserve(widths.size());
  for (const std::size_t w : widths) rule.emplace_back(w, '-');
  emit(rule);
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const Cell& cell : row) cells.push_back(cell.text);
    emit(cells);
  }
  for (const std::string& line : footer) out += line + '\n';
  return out;
}

std::string render_markdown(const Table& unordered, const std::vector<std::string>& footer) {
  const Table table = ordered_for_people(unordered);
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
  for (const std::string& line : footer) out += "\n" + line + "\n";
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
