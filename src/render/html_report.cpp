#include "seatsim/render/html_report.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "svg_writer.hpp"

namespace seatsim {
namespace {

using svg::escape;

// Long tables and charts scroll inside their own box; the page itself never scrolls sideways.
const char* const style = R"(
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; line-height: 1.4; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05em; margin-top: 1.5em; }
.lead { color: #444; margin: 0.2em 0; }
#summary { background: #f4f8fb; border-left: 4px solid #0072b2; padding: 0.5em 1em; }
#summary ul { padding-left: 1.2em; }
.caveats { background: #fff8e1; border-left: 4px solid #e69f00; padding: 0.5em 1em; }
#summary > h2:first-child, .caveats > h2:first-child { margin-top: 0.4em; }
nav ol { columns: 2 16em; }
figure { margin: 1.5em 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { padding: 0.2em 0.6em; border-bottom: 1px solid #eee; text-align: left; overflow-wrap: normal; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.differs { background: #fdecea; }
tr.marked { background: #fdecea; font-weight: bold; }
.meaning { color: #555; font-size: 0.9em; }
dl.provenance dt { font-weight: bold; margin-top: 0.4em; }
dl.provenance dd { margin-left: 1.2em; }
code { font-size: 0.85em; }
details > summary { cursor: pointer; color: #0072b2; margin: 0.5em 0; }
)";

bool differs(const Table& table, const std::vector<Cell>& row) {
  const auto column = std::find(table.columns.begin(), table.columns.end(), "diff");
  if (column == table.columns.end()) return false;
  const std::string& text = row[static_cast<std::size_t>(column - table.columns.begin())].text;
  return !text.empty() && text != "0";
}

std::string row_html(const std::vector<Cell>& row, const char* row_class) {
  std::string out = row_class ? std::string("<tr class=\"") + row_class + "\">" : std::string("<tr>");
  for (const Cell& cell : row)
    out += std::string(cell.numeric ? "<td class=\"number\">" : "<td>") + escape(cell.text) + "</td>";
  return out + "</tr>\n";
}

std::string table_head(const Table& table) {
  std::string out = "<div class=\"scroll\">\n<table>\n<thead><tr>";
  for (const std::string& column : table.columns) out += "<th>" + escape(column) + "</th>";
  return out + "</tr></thead>\n<tbody>\n";
}

// Rows in the order for people, as the text table has them; differing rows highlighted.
std::string html_table(const Table& unordered) {
  const Table table = ordered_for_people(unordered);
  std::string out = table_head(table);
  for (const std::vector<Cell>& row : table.rows) out += row_html(row, differs(table, row) ? "differs" : nullptr);
  return out + "</tbody>\n</table>\n</div>\n";
}

std::string html_table(const HtmlTable& table) {
  if (table.marked_rows.empty()) return html_table(table.table);
  std::string out = table_head(table.table);
  for (std::size_t i = 0; i < table.table.rows.size(); ++i)
    out += row_html(table.table.rows[i], table.marked_rows.contains(i) ? "marked" : nullptr);
  out += "</tbody>\n</table>\n</div>\n";
  if (!table.marked_meaning.empty()) out += "<p class=\"meaning\">" + escape(table.marked_meaning) + "</p>\n";
  return out;
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "<ul>\n";
  for (const std::string& item : items) out += "<li>" + escape(item) + "</li>\n";
  return out + "</ul>\n";
}

// The SVG without anything before its root element, so that it sits inline in HTML.
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

struct Section {
  std::string id, heading, body;
};

std::string json_scalar(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

bool is_blank(const Json& value) {
  return value.is_null() || ((value.is_object() || value.is_array()) && value.empty());
}

std::string key_words(std::string key) {
  std::replace(key.begin(), key.end(), '_', ' ');
  return key;
}

// JSON as nested definition lists: objects' keys in words, arrays of scalars joined, an input file
// (path and sha256) on one line; nulls and empty values left out.
std::string json_list(const Json& value) {
  if (value.is_object() && value.contains("path") && value.contains("sha256"))
    return "<code>" + escape(json_scalar(value["path"])) + "</code> (SHA-256 <code>" +
           escape(json_scalar(value["sha256"])) + "</code>)";
  if (value.is_object()) {
    std::string out = "<dl class=\"provenance\">\n";
    for (const auto& [key, item] : value.items())
      if (!is_blank(item)) out += "<dt>" + escape(key_words(key)) + "</dt><dd>" + json_list(item) + "</dd>\n";
    return out + "</dl>\n";
  }
  if (value.is_array()) {
    const bool scalars = std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_primitive(); });
    if (scalars) {
      std::string text;
      for (const Json& item : value) text += (text.empty() ? "" : ", ") + json_scalar(item);
      return escape(text);
    }
    std::string out = "<ul>\n";
    for (const Json& item : value) out += "<li>" + json_list(item) + "</li>\n";
    return out + "</ul>\n";
  }
  return escape(json_scalar(value));
}

std::string summary_section(const HtmlReport& report) {
  std::string out;
  for (const std::string& line : report.summary) out += "<p class=\"lead\">" + escape(line) + "</p>\n";
  if (!report.compared) return out;
  if (report.differing.empty()) {
    out += "<p>Every district matches its published seats.</p>\n";
  } else {
    out +=
        "<p><strong>Differ (" + std::to_string(report.differing.size()) + "):</strong></p>\n<ul class=\"differing\">\n";
    for (const HtmlFinding& finding : report.differing) {
      const std::string name = finding.explained ? "<a href=\"#" + district_anchor(finding.district) + "\">" +
                                                       escape(finding.district) + "</a>"
                                                 : escape(finding.district);
      out += "<li>" + name + ": " + escape(finding.text) + "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!report.matched.empty()) {
    std::string names;
    for (const std::string& name : report.matched) names += (names.empty() ? "" : ", ") + name;
    out += "<p class=\"matched\"><strong>Match (" + std::to_string(report.matched.size()) + "):</strong> " +
           escape(names) + ".</p>\n";
  }
  return out;
}

std::string districts_section(const std::vector<HtmlDistrict>& districts) {
  std::string out;
  for (const HtmlDistrict& district : districts) {
    out += "<section class=\"district\" id=\"" + district_anchor(district.name) + "\">\n<h3>" + escape(district.name) +
           " \u2014 " + escape(district.status) + "</h3>\n";
    for (const std::string& paragraph : district.paragraphs) out += "<p>" + escape(paragraph) + "</p>\n";
    for (const HtmlTable& table : district.tables) {
      if (!table.caption.empty()) out += "<p><strong>" + escape(table.caption) + "</strong></p>\n";
      out += html_table(table);
    }
    out += "</section>\n";
  }
  return out;
}

std::string charts_section(const std::vector<HtmlChart>& charts) {
  std::string out;
  for (const HtmlChart& chart : charts)
    out += "<figure>\n" + inline_svg(chart.svg) + "<figcaption>" + escape(chart.caption) + "</figcaption>\n</figure>\n";
  return out;
}

// Beyond this many rows a full table is folded (<details>, no script): the page stays short to scroll.
constexpr std::size_t rows_shown_open = 40;

std::string foldable(const Table& table, const std::string& html) {
  if (table.rows.size() <= rows_shown_open) return html;
  return "<details>\n<summary>All " + std::to_string(table.rows.size()) + " rows</summary>\n" + html + "</details>\n";
}

std::string own_section(const HtmlSection& section) {
  std::string out;
  for (const std::string& paragraph : section.paragraphs) out += "<p>" + escape(paragraph) + "</p>\n";
  out += charts_section(section.charts);
  for (const HtmlTable& table : section.tables) {
    out += "<h3>" + escape(table.caption) + "</h3>\n";
    if (!table.note.empty()) out += "<p>" + escape(table.note) + "</p>\n";
    out += foldable(table.table, html_table(table));
  }
  return out;
}

// Each table is a section of its own (the contents list them), "table-1", "table-2", ...
void add_tables(const HtmlReport& report, std::vector<Section>& out) {
  std::vector<Section> tables = {{"", report.table_caption.empty() ? "Results" : report.table_caption,
                                  foldable(report.table, html_table(report.table))}};
  for (const HtmlTable& table : report.tables) {
    const std::string note = table.note.empty() ? std::string() : "<p>" + escape(table.note) + "</p>\n";
    tables.push_back({"", table.caption, note + foldable(table.table, html_table(table))});
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    tables[i].id = "table-" + std::to_string(i + 1);
    out.push_back(std::move(tables[i]));
  }
}

std::vector<Section> sections(const HtmlReport& report) {
  std::vector<Section> out;
  if (!report.caveats.empty()) out.push_back({"caveats", "Caveats", list(report.caveats)});
  if (!report.seat_counts.empty()) out.push_back({"seat-counts", "Seat counts", list(report.seat_counts)});
  if (!report.districts.empty())
    out.push_back({"differences", "Districts that differ, explained", districts_section(report.districts)});
  if (!report.charts.empty()) out.push_back({"charts", "Charts", charts_section(report.charts)});
  for (const HtmlSection& section : report.sections) out.push_back({section.id, section.heading, own_section(section)});
  add_tables(report, out);
  if (!report.notes.empty()) out.push_back({"notes", "Notes", list(report.notes)});
  if (!is_blank(report.meta)) out.push_back({"provenance", "How this was made", json_list(report.meta)});
  return out;
}

}  // namespace

std::string district_anchor(const std::string& district) {
  std::string anchor = "district-";
  bool gap = false;
  for (const unsigned char c : district) {
    if (std::isalnum(c) && c < 0x80) {
      if (gap && anchor.back() != '-') anchor += '-';
      anchor += static_cast<char>(std::tolower(c));
      gap = false;
    } else if (c >= 0x80) {  // other scripts: the bytes in hex, so that names stay apart
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02x", c);
      anchor += hex;
    } else {
      gap = true;
    }
  }
  return anchor;
}

std::string render_html_report(const HtmlReport& report) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape(report.title) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n<h1>" + escape(report.title) +
      "</h1>\n";
  out += "<section id=\"summary\">\n<h2>Summary</h2>\n" + summary_section(report) + "</section>\n";
  const std::vector<Section> parts = sections(report);
  out += "<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n";
  for (const Section& part : parts) out += "<li><a href=\"#" + part.id + "\">" + escape(part.heading) + "</a></li>\n";
  out += "</ol>\n</nav>\n";
  for (const Section& part : parts)
    out += "<section id=\"" + part.id + "\"" + (part.id == "caveats" ? " class=\"caveats\"" : "") + ">\n<h2>" +
           escape(part.heading) + "</h2>\n" + part.body + "</section>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace seatsim
