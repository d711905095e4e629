#include "seatsim/html_report.hpp"

#include <algorithm>

#include "svg_writer.hpp"

namespace seatsim {
namespace {

using svg::escape;

const char* const style = R"(
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
.summary { color: #444; margin: 0.2em 0; }
.caveats { background: #fff8e1; border-left: 4px solid #e69f00; padding: 0.5em 1em; }
figure { margin: 1.5em 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { padding: 0.2em 0.6em; border-bottom: 1px solid #eee; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.differs { background: #fdecea; }
pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.8em; }
)";

bool differs(const Table& table, const std::vector<Cell>& row) {
  const auto column = std::find(table.columns.begin(), table.columns.end(), "diff");
  if (column == table.columns.end()) return false;
  const std::string& text = row[static_cast<std::size_t>(column - table.columns.begin())].text;
  return !text.empty() && text != "0";
}

// Rows in the order for people, as the text table has them.
std::string html_table(const Table& unordered) {
  const Table table = ordered_for_people(unordered);
  std::string out = "<table>\n<thead><tr>";
  for (const std::string& column : table.columns) out += "<th>" + escape(column) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<Cell>& row : table.rows) {
    out += differs(table, row) ? "<tr class=\"differs\">" : "<tr>";
    for (const Cell& cell : row)
      out += std::string(cell.numeric ? "<td class=\"number\">" : "<td>") + escape(cell.text) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
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

}  // namespace

std::string render_html_report(const HtmlReport& report) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    escape(report.title) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n<h1>" +
                    escape(report.title) + "</h1>\n";
  for (const std::string& line : report.summary) out += "<p class=\"summary\">" + escape(line) + "</p>\n";
  if (!report.caveats.empty())
    out += "<section class=\"caveats\">\n<h2>Caveats</h2>\n" + list(report.caveats) + "</section>\n";
  if (!report.charts.empty()) {
    out += "<h2>Charts</h2>\n";
    for (const HtmlChart& chart : report.charts)
      out +=
          "<figure>\n" + inline_svg(chart.svg) + "<figcaption>" + escape(chart.caption) + "</figcaption>\n</figure>\n";
  }
  out += "<h2>" + escape(report.table_caption.empty() ? "Results" : report.table_caption) + "</h2>\n" +
         html_table(report.table);
  for (const HtmlTable& more : report.tables) out += "<h2>" + escape(more.caption) + "</h2>\n" + html_table(more.table);
  if (!report.details.empty()) out += "<h2>District by district</h2>\n<pre>" + escape(report.details) + "</pre>\n";
  if (!report.notes.empty()) out += "<h2>Notes</h2>\n" + list(report.notes);
  out += "<h2>How this was made</h2>\n<pre>" + escape(report.meta.dump(2)) + "</pre>\n</body>\n</html>\n";
  return out;
}

}  // namespace seatsim
