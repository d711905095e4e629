#pragma once
// `seatsim report`: one self-contained HTML file a person can open and read from the top: the
// summary (which districts match, which differ and why), a table of contents, the caveats, why the
// seat counts of the charts differ, each differing district explained (its quotients with the
// disputed seats marked), the charts (inline SVG), the full tables (folded in <details> beyond 40
// rows), and how it was made as a list.
// Without published seats it is a results report (summary, charts, tables). No scripts, no
// external files, no network.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "seatsim/core/json.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

struct HtmlChart {
  std::string caption;
  std::string svg;  // a whole SVG document from svg_chart.hpp
};

struct HtmlTable {
  std::string caption;
  std::string note;  // a line under the caption
  Table table;
  // Rows (indices into table.rows, as given: such a table is not reordered) drawn as marked.
  std::set<std::size_t> marked_rows = {};
  std::string marked_meaning = {};  // what a marked row is, shown under the table
};

// One line of the summary: a district (linked to its explanation when it has one) and what happened.
struct HtmlFinding {
  std::string district;
  std::string text;
  bool explained = false;  // links to the district's section
};

// A district whose recomputed seats differ from the published ones, explained.
struct HtmlDistrict {
  std::string name;
  std::string status;                   // "1 seat differs", "published seats do not add up"
  std::vector<std::string> paragraphs;  // why, votes to move, first divisors
  std::vector<HtmlTable> tables;        // its differing lists; its quotients with the disputed seats marked
};

// A section of its own, after the charts (a projection from polls): paragraphs, then its charts and tables.
struct HtmlSection {
  std::string id;  // the anchor; unique in the report
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<HtmlChart> charts;
  std::vector<HtmlTable> tables;
};

// The implicit move constructor moves `meta`, and clang-tidy sees nlohmann::json's noexcept move
// constructor (it resets the source to null) as one that may allocate: a false finding.
struct HtmlReport {  // NOLINT(bugprone-exception-escape): see above
  std::string title;
  std::vector<std::string> summary;      // short lines under the title
  std::vector<HtmlFinding> differing;    // the summary's districts that differ (empty: none, or no comparison)
  std::vector<std::string> matched;      // the districts that match (names)
  bool compared = false;                 // the data had published seats: a comparison, else a results report
  std::vector<std::string> caveats;      // from the data set's manifest
  std::vector<std::string> seat_counts;  // why the charts' seat totals differ from the data set's
  std::vector<HtmlDistrict> districts;   // each differing district explained
  std::vector<HtmlChart> charts;
  std::vector<HtmlSection> sections;  // after the charts, each listed in the contents
  std::string table_caption;
  Table table;                     // rows whose `diff` column is not 0 are highlighted
  std::vector<HtmlTable> tables;   // further tables after the main one, each under its caption
  std::vector<std::string> notes;  // ties, unfilled seats
  Json meta;                       // version, rule, input digests: shown as a list
};

std::string render_html_report(const HtmlReport& report);

// The anchor of a district's section: "district-" and its name's letters and digits, lower case.
std::string district_anchor(const std::string& district);

}  // namespace seatsim
