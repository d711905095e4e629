#pragma once
// `seatsim report`: one self-contained HTML file a person can open — the title and summary, the
// data set's caveats, the charts (inline SVG), the comparison table, and how it was made. No
// scripts, no external files, no network.
#include <string>
#include <vector>

#include "seatsim/json.hpp"
#include "seatsim/table.hpp"

namespace seatsim {

struct HtmlChart {
  std::string caption;
  std::string svg;  // a whole SVG document from svg_chart.hpp
};

struct HtmlTable {
  std::string caption;
  Table table;
};

// The implicit move constructor moves `meta`, and clang-tidy sees nlohmann::json's noexcept move
// constructor (it resets the source to null) as one that may allocate: a false finding.
struct HtmlReport {  // NOLINT(bugprone-exception-escape): see above
  std::string title;
  std::vector<std::string> summary;  // short lines under the title
  std::vector<std::string> caveats;  // from the data set's manifest
  std::vector<HtmlChart> charts;
  std::string table_caption;
  Table table;                     // rows whose `diff` column is not 0 are highlighted
  std::vector<HtmlTable> tables;   // after the main table: the leveling tier's explanation (explain)
  std::string details;             // preformatted text (the comparison report), shown as is
  std::vector<std::string> notes;  // ties, unfilled seats
  Json meta;                       // version, rule, input digests
};

std::string render_html_report(const HtmlReport& report);

}  // namespace seatsim
