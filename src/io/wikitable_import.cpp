// The wikitable importer. Reading is strict about numbers (a cell that is not a number stops
// the import with its line) and lenient about layout (tables split by repeated header rows, HTML
// tags, blank cells, spaces around names). Checking is exhaustive: every sum the text states is
// recomputed and every disagreement becomes one line of QUALITY.md naming its section and line.
#include "seatsim/io/wikitable_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "embedded_files.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/edit_distance.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/utf8.hpp"
#include "seatsim/kernel/quotient.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

const std::string national_name = "national summary";

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r") - first + 1));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string strip_tags(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    cells.push_back(
        strip_tags(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) return cells;
    start = tab + 1;
  }
}

std::string in_quotes(const std::string& name) { return "'" + name + "'"; }
std::string votes_text(std::int64_t votes) { return group_thousands(votes) + " votes"; }
std::string seats_text(std::int64_t seats) { return std::to_string(seats) + (seats == 1 ? " seat" : " seats"); }

struct Row {
  std::size_t line = 0;
  std::string written;  // the party cell as written, tags removed
  std::string party;    // trimmed, quota marker removed
  std::string marker;   // "Kurdish" from "… Kurdish Minority seat"
  std::optional<std::int64_t> votes;
  std::string percent_text;  // "26.21%" as printed, or empty
  std::optional<std::int64_t> seats;
  bool seats_dash = false;  // "-": explicitly none
  std::string quota;        // the reserved-seat group, once assigned
};

struct Section {
  std::string name;  // the heading without "## ", or national_name
  std::size_t line = 0;
  std::vector<Row> lists, others;
  std::optional<Row> total;
  std::string sources;
  std::size_t tables = 0;
  bool national() const { return name == national_name; }
};

// Column positions of the current table; npos when the table has no such column.
struct Columns {
  static constexpr std::size_t none = std::string::npos;
  std::size_t party = 0, votes = none, percent = none, seats = none;
  bool read = false;  // false until the first header row
};

// A count as printed: digits, optionally grouped by thousands separators ("1,890,567").
std::optional<std::int64_t> read_count(const std::string& text, const std::string& what, const std::string& source,
                                       std::size_t line) {
  if (text.empty() || text == "-") return std::nullopt;
  const auto fail = [&] { return Error(source, line, what + " '" + text + "' is not a whole number"); };
  std::string digits;
  std::size_t group = 0;
  bool grouped = false;
  for (const char c : text) {
    if (c == ',') {
      if (group == 0 || group > 3 || (grouped && group != 3)) throw fail();
      grouped = true;
      group = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) throw fail();
    digits += c;
    ++group;
  }
  if (group == 0 || (grouped && group != 3) || digits.size() > 15) throw fail();
  // The limits every votes file is read with: a data set beyond them could not be read back.
  const std::int64_t value = std::stoll(digits), limit = what == "seats" ? max_seats : max_votes;
  if (value > limit) throw Error(source, line, what + " '" + text + "' exceeds the limit of " + std::to_string(limit));
  return value;
}

void check_percent(const std::string& text, const std::string& source, std::size_t line) {
  if (text.empty()) return;
  try {
    if (text.back() != '%') throw Error("no % sign");
    (void)parse_rational(text.substr(0, text.size() - 1));
  } catch (const Error&) {
    throw Error(source, line, "percentage '" + text + "' is not a percentage");
  }
}

Columns read_header(const std::vector<std::string>& cells, const std::string& source, std::size_t line) {
  Columns columns;
  columns.read = true;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string name = lower(trim(cells[i]));
    if (name == "total votes" || name == "votes") columns.votes = i;
    if (name == "percentage" || name == "%") columns.percent = i;
    if (name == "seats" || name == "total seats") columns.seats = i;
  }
  if (columns.votes == Columns::none || columns.seats == Columns::none)
    throw Error(source, line, "a header row needs 'Party', 'Total votes' (or 'Votes') and 'Seats' (or 'Total seats')");
  return columns;
}

Row read_row(const std::vector<std::string>& cells, const Columns& columns, const std::string& source,
             std::size_t line) {
  const auto cell = [&](std::size_t i) { return i < cells.size() ? trim(cells[i]) : std::string(); };
  Row row;
  row.line = line;
  row.written = columns.party < cells.size() ? cells[columns.party] : std::string();
  row.party = trim(row.written);
  static const std::string marker_suffix = " Minority seat";
  if (row.party.size() > marker_suffix.size() &&
      row.party.compare(row.party.size() - marker_suffix.size(), marker_suffix.size(), marker_suffix) == 0) {
    const std::string before = trim(row.party.substr(0, row.party.size() - marker_suffix.size()));
    const std::size_t space = before.rfind(' ');
    if (space != std::string::npos) {
      row.marker = before.substr(space + 1);
      row.party = trim(before.substr(0, space));
    }
  }
  row.votes = read_count(cell(columns.votes), "votes", source, line);
  row.percent_text = cell(columns.percent);
  check_percent(row.percent_text, source, line);
  const std::string seats = cell(columns.seats);
  row.seats_dash = seats == "-";
  row.seats = read_count(seats, "seats", source, line);
  return row;
}

std::vector<Section> parse_sections(std::string_view text, const std::string& source) {
  std::vector<Section> sections(1);
  sections.front().name = national_name;
  sections.front().line = 1;
  Columns columns;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.rfind("## ", 0) == 0) {
      Section& section = sections.emplace_back();
      section.name = trim(line.substr(3));
      section.line = line_number;
      columns = Columns{};
      continue;
    }
    Section& section = sections.back();
    if (line.find('\t') != std::string::npos) {
      const std::vector<std::string> cells = split_tabs(line);
      if (lower(trim(cells.front())) == "party") {
        columns = read_header(cells, source, line_number);
        ++section.tables;
        continue;
      }
      if (!columns.read) throw Error(source, line_number, "a table row before any 'Party' header row");
      Row row = read_row(cells, columns, source, line_number);
      const std::string kind = lower(row.party);
      if (kind == "total") {
        if (section.total) throw Error(source, line_number, "a second Total row in '" + section.name + "'");
        section.total = row;
      } else if (kind == "other parties") {
        section.others.push_back(row);
      } else if (row.party.empty()) {
        throw Error(source, line_number, "a row without a party name");
      } else {
        section.lists.push_back(row);
      }
      continue;
    }
    std::string plain = trim(strip_tags(line));
    std::erase(plain, '*');
    plain = trim(plain);
    if (lower(plain).rfind("source", 0) == 0 && plain.find(':') != std::string::npos)
      section.sources = trim(plain.substr(plain.find(':') + 1));
  }
  return sections;
}

// ---- findings --------------------------------------------------------------------------------

struct Finding {
  std::string where;
  std::size_t line = 0;
  std::string text;
};

class Report {
 public:
  void fault(const std::string& where, std::size_t line, std::string text) {
    faults_.push_back({where, line, std::move(text)});
  }
  void handled(const std::string& where, std::size_t line, std::string text) {
    handled_.push_back({where, line, std::move(text)});
  }
  std::size_t faults() const { return faults_.size(); }

  std::string markdown(const std::string& source, const std::vector<Section>& sections) const {
    std::string out = "# Quality report: " + source + "\n\n";
    out +=
        "Written by `seatsim import wikitable`; regenerated by every import. Each line names the section of the "
        "text (a governorate, or the national summary) and the line of the text it is about. Nothing listed here "
        "was corrected: the data set keeps the published numbers.\n\n";
    out += "## Inconsistencies found (" + std::to_string(faults_.size()) + ")\n\n";
    for (const Finding& f : in_text_order(faults_, sections)) out += line(f);
    out += "\n## What the importer did\n\n";
    for (const Finding& f : in_text_order(handled_, sections)) out += line(f);
    out += "\n## Sources named in the text\n\n";
    for (const Section& section : sections)
      if (!section.sources.empty()) out += "- " + section.name + ": " + section.sources + "\n";
    return out;
  }

 private:
  // By section as the text orders them, then by line.
  static std::vector<Finding> in_text_order(std::vector<Finding> findings, const std::vector<Section>& sections) {
    const auto rank = [&](const Finding& f) {
      for (std::size_t i = 0; i < sections.size(); ++i)
        if (sections[i].name == f.where) return i;
      return sections.size();
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
      return std::make_pair(rank(a), a.line) < std::make_pair(rank(b), b.line);
    });
    return findings;
  }
  static std::string line(const Finding& f) {
    return "- " + f.where + " (line " + std::to_string(f.line) + "): " + f.text + "\n";
  }
  std::vector<Finding> faults_, handled_;
};

std::int64_t known_seats(const std::vector<Row>& rows) {
  std::int64_t sum = 0;
  for (const Row& row : rows) sum += row.seats.value_or(0);
  return sum;
}

// Names changed on reading: spaces around the name, a quota marker.
void check_names(const Section& section, Report& report) {
  for (const Row& row : section.lists) {
    if (row.written != trim(row.written)) {
      const bool leading = !row.written.empty() && (row.written.front() == ' ' || row.written.front() == '\t');
      report.fault(section.name, row.line,
                   std::string(leading ? "leading" : "trailing") + " space in the name " + in_quotes(row.written) +
                       " (trimmed)");
    }
    if (!row.marker.empty())
      report.handled(section.name, row.line,
                     "the row " + in_quotes(trim(row.written)) + " is marked as a minority seat: read as the list " +
                         in_quotes(row.party) + ", reserved group '" + row.quota + "'");
  }
}

void check_seats(const Section& section, std::int64_t unfilled, const std::string& unfilled_groups,
                 std::int64_t reserved, Report& report) {
  const std::int64_t total = *section.total->seats;
  const std::int64_t held = known_seats(section.lists);
  for (const Row& row : section.lists)
    if (!row.seats && !row.seats_dash)
      report.fault(section.name, row.line,
                   "blank seat cell for " + in_quotes(row.party) + " (" + votes_text(row.votes.value_or(0)) +
                       "); the other lists hold " + std::to_string(held) + " of the " + seats_text(total));
  if (held != total) {
    std::string text =
        "seat sum: the list rows hold " + seats_text(held) + ", the Total row says " + std::to_string(total);
    if (held + unfilled == total)
      text += ": the " + unfilled_groups +
              " reserved seat has no row in the text (no list of the group; it stays "
              "unfilled)";
    else if (reserved > 0)
      text += " (" + std::to_string(reserved) + " reserved seats inside: the general lists hold " +
              std::to_string(held - reserved) + " of " + std::to_string(total - reserved) + ")";
    report.fault(section.name, section.total->line, text);
  }
  for (const Row& row : section.others)
    if (row.seats.value_or(0) > 0)
      report.fault(section.name, row.line,
                   "the 'Other parties' row claims " + seats_text(*row.seats) + " while the named lists hold " +
                       std::to_string(held) + " of the " + seats_text(total));
}

void check_votes(const Section& section, Report& report) {
  const bool has_total = section.total && section.total->votes;
  const std::int64_t total = has_total ? *section.total->votes : 0;
  if (section.total && !has_total) report.fault(section.name, section.total->line, "the Total row has no vote count");
  std::int64_t sum = 0;
  std::size_t without = 0;
  for (const std::vector<Row>* rows : {&section.lists, &section.others})
    for (const Row& row : *rows) {
      if (row.votes)
        sum += *row.votes;
      else
        ++without;
    }
  for (const Row& row : section.others)
    if (!row.votes) report.fault(section.name, row.line, "the 'Other parties' row has no vote count");
  for (const Row& row : section.lists)
    if (!row.votes && !section.national())
      report.fault(section.name, row.line, "no vote count for " + in_quotes(row.party) + ": left out of results.csv");
  if (has_total && sum != total) {
    std::string text = "vote sum: the rows add up to " + votes_text(sum) + ", the Total row says " +
                       group_thousands(total) + " (" + (sum > total ? "+" : "") + group_thousands(sum - total) + ")";
    if (without > 0) text += "; " + std::to_string(without) + " row(s) have no vote count";
    report.fault(section.name, section.total->line, text);
  }
  // Percentages: present, and within the rounding of the printed digits of votes / Total.
  std::size_t rows = 0, missing = 0;
  for (const std::vector<Row>* list : {&section.lists, &section.others})
    for (const Row& row : *list) {
      rows += row.votes ? 1 : 0;
      if (row.percent_text.empty()) {
        if (row.votes) ++missing;
        continue;
      }
      if (!has_total || !row.votes || total == 0) continue;
      const std::string number = row.percent_text.substr(0, row.percent_text.size() - 1);
      const std::size_t point = number.find('.');
      const int places = point == std::string::npos ? 0 : static_cast<int>(number.size() - point - 1);
      Rational half(1, 2);
      for (int i = 0; i < places; ++i) half = half / Rational(10);
      const Rational actual = Rational(*row.votes * 100, total);
      const Rational gap = actual - parse_rational(number);
      if (gap > half || gap < Rational(0) - half)
        report.fault(section.name, row.line,
                     "percentage for " + in_quotes(row.party) + ": " + row.percent_text + " printed, but " +
                         group_thousands(*row.votes) + " of " + group_thousands(total) + " votes is " +
                         format_decimal(actual, places + 2) + "%");
    }
  if (missing > 0)
    report.fault(
        section.name, section.line,
        "percentages missing for " + std::to_string(missing) + " of the " + std::to_string(rows) + " rows with votes");
}

// ---- quota seats -------------------------------------------------------------------------------

struct QuotaPlan {
  std::map<std::string, std::int64_t> reserved;  // district -> reserved seats
  std::map<std::string, std::int64_t> unfilled;
  std::map<std::string, std::string> unfilled_groups;
};

QuotaPlan apply_quota(std::vector<Section>& sections, const std::optional<ImportRecipe>& recipe, Report& report) {
  QuotaPlan plan;
  std::map<std::string, std::set<std::string>> groups;
  const auto find_section = [&](const std::string& name) -> Section* {
    for (Section& s : sections)
      if (s.name == name && !s.national()) return &s;
    return nullptr;
  };
  if (recipe) {
    const std::string file = recipe->origin + "/quota-seats.csv";
    for (const QuotaSeat& seat : recipe->quota_seats) {
      Section* section = find_section(seat.district);
      if (!section) throw Error(file, seat.line, "no section '" + seat.district + "' in the text");
      groups[seat.district].insert(seat.group);
      if (seat.party.empty()) {
        ++plan.unfilled[seat.district];
        plan.unfilled_groups[seat.district] += (plan.unfilled_groups[seat.district].empty() ? "" : ", ") + seat.group;
        continue;
      }
      const auto row = std::find_if(section->lists.begin(), section->lists.end(),
                                    [&](const Row& r) { return r.party == seat.party; });
      if (row == section->lists.end())
        throw Error(file, seat.line, "no list '" + seat.party + "' in section '" + seat.district + "' of the text");
      if (!row->quota.empty()) throw Error(file, seat.line, "list '" + seat.party + "' already holds a reserved seat");
      row->quota = seat.group;
      if (row->marker.empty())
        report.fault(section->name, row->line,
                     in_quotes(row->party) + " holds the " + seat.group +
                         " reserved seat (hand table) but the text does "
                         "not mark it as a quota list");
      else if (row->marker != seat.seed_marker)
        report.fault(section->name, row->line,
                     "the text marks " + in_quotes(row->party) + " as a '" + row->marker +
                         " Minority seat', the hand "
                         "table as group '" +
                         seat.group + "'");
    }
  }
  // Markers the recipe does not cover: the marker word is the group.
  for (Section& section : sections)
    for (Row& row : section.lists)
      if (!row.marker.empty() && row.quota.empty()) {
        row.quota = row.marker;
        groups[section.name].insert(row.quota);
        report.fault(section.name, row.line,
                     in_quotes(row.party) + " is marked as a '" + row.marker +
                         " Minority seat' but no hand table names "
                         "it: group '" +
                         row.marker + "' assumed");
      }
  for (const auto& [district, names] : groups) plan.reserved[district] = static_cast<std::int64_t>(names.size());
  return plan;
}

// A general list named like a quota list elsewhere (Diyala's "Feylis Kurds Brotherhood List").
void check_quota_names(const std::vector<Section>& sections, Report& report) {
  std::map<std::string, std::vector<std::string>> quota_lists;  // party -> sections
  for (const Section& s : sections)
    for (const Row& row : s.lists)
      if (!row.quota.empty()) quota_lists[row.party].push_back(s.name + " (" + row.quota + ")");
  for (const Section& s : sections) {
    if (s.national()) continue;
    for (const Row& row : s.lists) {
      const auto it = quota_lists.find(row.party);
      if (!row.quota.empty() || it == quota_lists.end()) continue;
      std::string where;
      for (const std::string& w : it->second) where += (where.empty() ? "" : ", ") + w;
      report.fault(s.name, row.line,
                   in_quotes(row.party) +
                       " is a general list here, but a list of the same name holds a reserved seat "
                       "in " +
                       where + "; the name alone does not say which");
    }
  }
}

std::size_t line_of(const Section& section, const std::string& party) {
  for (const Row& row : section.lists)
    if (row.party == party) return row.line;
  return section.line;
}

void check_variants(const std::vector<Section>& sections, Report& report) {
  struct Use {
    std::vector<const Section*> sections;
  };
  std::map<std::string, Use> uses;
  for (const Section& s : sections)
    for (const Row& row : s.lists) {
      uses[row.party].sections.push_back(&s);
    }
  for (auto a = uses.begin(); a != uses.end(); ++a)
    for (auto b = std::next(a); b != uses.end(); ++b) {
      const std::string x = lower(a->first), y = lower(b->first);
      if (std::min(x.size(), y.size()) < 10 || edit_distance(x, y) > 2) continue;
      // Two names in one table are two lists ("Aabiroun" and "Amiroun" in Anbar), not variants.
      const auto& xs = a->second.sections;
      if (std::any_of(xs.begin(), xs.end(), [&](const Section* s) {
            return std::find(b->second.sections.begin(), b->second.sections.end(), s) != b->second.sections.end();
          }))
        continue;
      const bool a_rarer = a->second.sections.size() <= b->second.sections.size();
      const auto& [rare, rare_use] = a_rarer ? *a : *b;
      const auto& [common, common_use] = a_rarer ? *b : *a;
      for (const Section* s : rare_use.sections)
        report.fault(s->name, line_of(*s, rare),
                     "suspected variant of a name: " + in_quotes(rare) + " here, " + in_quotes(common) + " in " +
                         std::to_string(common_use.sections.size()) + " section(s); kept as published, not merged");
    }
}

// The national summary against the governorate tables.
void check_national(const std::vector<Section>& sections, Report& report) {
  const Section& national = sections.front();
  if (national.lists.empty() && !national.total) return;
  std::map<std::string, std::int64_t> seats, votes;
  std::map<std::string, std::size_t> rows_without_votes;
  std::int64_t other_seats = 0, all_votes = 0, total_seats = 0;
  std::size_t without = 0;
  for (std::size_t i = 1; i < sections.size(); ++i) {
    const Section& s = sections[i];
    if (s.total && s.total->seats) total_seats += *s.total->seats;
    for (const Row& row : s.lists) {
      seats[row.party] += row.seats.value_or(0);
      votes[row.party] += row.votes.value_or(0);
      if (!row.votes) ++rows_without_votes[row.party];
    }
    for (const Row& row : s.others) other_seats += row.seats.value_or(0);
    for (const std::vector<Row>* rows : {&s.lists, &s.others})
      for (const Row& row : *rows) {
        if (row.votes)
          all_votes += *row.votes;
        else
          ++without;
      }
  }
  for (const Row& row : national.lists) {
    if (!seats.contains(row.party)) {
      report.fault(national.name, row.line,
                   in_quotes(row.party) + " (" + (row.seats ? seats_text(*row.seats) : std::string("no seats")) +
                       ") appears in no governorate table");
      continue;
    }
    if (row.seats && *row.seats != seats[row.party])
      report.fault(national.name, row.line,
                   in_quotes(row.party) + ": " + seats_text(*row.seats) + " here, " + std::to_string(seats[row.party]) +
                       " summed over the governorate tables");
    if (row.votes && *row.votes != votes[row.party])
      report.fault(national.name, row.line,
                   in_quotes(row.party) + ": " + votes_text(*row.votes) + " here, " +
                       group_thousands(votes[row.party]) + " summed over the governorate tables");
    if (!row.votes) report.fault(national.name, row.line, in_quotes(row.party) + ": no vote count");
  }
  for (const Row& row : national.others)
    if (row.seats && *row.seats != other_seats)
      report.fault(national.name, row.line,
                   "'Other Parties' hold " + seats_text(*row.seats) +
                       " here; the governorate 'Other parties' rows claim " + std::to_string(other_seats));
  if (national.total) {
    if (national.total->votes && *national.total->votes != all_votes)
      report.fault(national.name, national.total->line,
                   "total votes " + group_thousands(*national.total->votes) + " here, " + group_thousands(all_votes) +
                       " in the governorate rows (" + std::to_string(without) + " of those rows have no vote count)");
    if (national.total->seats && *national.total->seats != total_seats)
      report.fault(national.name, national.total->line,
                   "total seats " + std::to_string(*national.total->seats) + " here, " + std::to_string(total_seats) +
                       " in the governorate Total rows");
    const std::int64_t listed = known_seats(national.lists) + known_seats(national.others);
    if (national.total->seats && listed != *national.total->seats)
      report.fault(national.name, national.total->line,
                   "seat sum: the rows hold " + seats_text(listed) + ", the Total row says " +
                       std::to_string(*national.total->seats));
  }
}

// ---- output ------------------------------------------------------------------------------------

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_escape(fields[i]);
  return line + "\n";
}

std::string optional_text(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::string manifest_without_recipe(const std::string& source_name) {
  return "# Written by `seatsim import wikitable` without a recipe: no rule, no reserved seats beyond those the text "
         "marks.\nname = \"" +
         source_name + "\"\nsource = \"" + source_name +
         "\"\ncaveats = [\"Imported without a recipe: the rule and the sources are not stated.\"]\n";
}

QuotaSeat read_quota_row(const CsvTable& table, const CsvRow& row) {
  const auto field = [&](const char* name) {
    const auto column = table.column(name);
    return column ? trim(row.fields[*column]) : std::string();
  };
  QuotaSeat seat{field("district"), field("group"), field("party"), field("seed_marker"), field("source"), row.line};
  if (seat.district.empty() || seat.group.empty())
    throw Error(table.source, row.line, "a quota seat needs a district and a group");
  return seat;
}

ImportRecipe make_recipe(const std::string& name, const std::string& origin, std::string manifest,
                         const std::string& quota_text) {
  ImportRecipe recipe;
  recipe.name = name;
  recipe.origin = origin;
  (void)toml_reading::parse(origin + "/manifest.toml", manifest);  // a syntax error stops here, with its line
  recipe.manifest = std::move(manifest);
  const CsvTable table = parse_csv(quota_text, origin + "/quota-seats.csv");
  table.require_column("district");
  table.require_column("group");
  table.require_column("party");
  for (const CsvRow& row : table.rows) recipe.quota_seats.push_back(read_quota_row(table, row));
  return recipe;
}

}  // namespace

std::vector<std::string> builtin_recipe_names() {
  std::set<std::string> names;
  for (const embedded::File& file : embedded::recipe_files())
    names.insert(std::string(file.path.substr(0, file.path.find('/'))));
  return {names.begin(), names.end()};
}

ImportRecipe builtin_recipe(std::string_view name) {
  std::optional<std::string> manifest, quota;
  for (const embedded::File& file : embedded::recipe_files()) {
    if (file.path == std::string(name) + "/manifest.toml") manifest = std::string(file.content);
    if (file.path == std::string(name) + "/quota-seats.csv") quota = std::string(file.content);
  }
  if (!manifest || !quota) {
    std::string known;
    for (const std::string& n : builtin_recipe_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error("unknown recipe '" + std::string(name) + "' (built in: " + known + ")");
  }
  return make_recipe(std::string(name), "src/io/recipes/" + std::string(name), *manifest, *quota);
}

ImportRecipe read_recipe(const std::filesystem::path& folder) {
  return make_recipe(folder.filename().string(), folder.string(), read_text_file((folder / "manifest.toml").string()),
                     read_text_file((folder / "quota-seats.csv").string()));
}

std::optional<ImportRecipe> matching_builtin_recipe(std::string_view text) {
  std::optional<ImportRecipe> found;
  for (const std::string& name : builtin_recipe_names()) {
    ImportRecipe recipe = builtin_recipe(name);
    const bool fits = !recipe.quota_seats.empty() &&
                      std::all_of(recipe.quota_seats.begin(), recipe.quota_seats.end(), [&](const QuotaSeat& seat) {
                        return text.find("## " + seat.district + "\n") != std::string_view::npos;
                      });
    if (!fits) continue;
    if (found) return std::nullopt;  // ambiguous: the user must name one
    found = std::move(recipe);
  }
  return found;
}

std::optional<ImportRecipe> chosen_recipe(std::string_view text, const std::string& choice) {
  if (choice == "auto") return matching_builtin_recipe(text);
  if (choice == "none") return std::nullopt;
  std::error_code ec;
  return std::filesystem::is_directory(choice, ec) ? read_recipe(choice) : builtin_recipe(choice);
}

ImportedDataSet import_wikitable(std::string_view text, const std::string& source_name,
                                 const std::optional<ImportRecipe>& recipe) {
  // Names are copied into the data set: invalid UTF-8 or a control character would make it unreadable
  // by seatsim itself.
  require_clean_text(text, source_name);
  std::vector<Section> sections = parse_sections(text, source_name);
  if (sections.size() < 2) throw Error(source_name, 0, "no '## ' sections: nothing to import");
  Report report;
  const QuotaPlan plan = apply_quota(sections, recipe, report);
  ImportedDataSet data;
  std::string results = "district,party,votes,published_seats,quota\n";
  std::string districts = "district,seats,reserved\n";
  std::map<std::string, std::size_t> section_lines;  // a district twice would be two districts of one name
  for (std::size_t i = 1; i < sections.size(); ++i) {
    const Section& s = sections[i];
    if (const auto [first, fresh] = section_lines.emplace(s.name, s.line); !fresh)
      throw Error(source_name, s.line,
                  "a second section '" + s.name + "' (first on line " + std::to_string(first->second) + ")");
    if (!s.total || !s.total->seats)
      throw Error(source_name, s.total ? s.total->line : s.line,
                  "section '" + s.name + "' has no Total row with seats");
    // results.csv holds the lists with a vote count: a district without one could not be read back.
    if (std::none_of(s.lists.begin(), s.lists.end(), [](const Row& row) { return row.votes.has_value(); }))
      throw Error(source_name, s.line, "section '" + s.name + "' has no list with a vote count");
    std::set<std::string> seen;
    for (const Row& row : s.lists)
      if (!seen.insert(row.party).second)
        throw Error(source_name, row.line, "a second list '" + row.party + "' in section '" + s.name + "'");
    const auto reserved = plan.reserved.contains(s.name) ? plan.reserved.at(s.name) : 0;
    if (reserved > *s.total->seats)
      throw Error(source_name, s.total->line,
                  "section '" + s.name + "' has " + std::to_string(reserved) +
                      " reserved seats but its Total row says " + seats_text(*s.total->seats));
    const auto unfilled = plan.unfilled.contains(s.name) ? plan.unfilled.at(s.name) : 0;
    check_names(s, report);
    check_seats(s, unfilled, plan.unfilled_groups.contains(s.name) ? plan.unfilled_groups.at(s.name) : "", reserved,
                report);
    check_votes(s, report);
    if (s.tables > 1)
      report.handled(s.name, s.line,
                     "the table is split by " + std::to_string(s.tables - 1) + " repeated header row(s): read as one");
    for (const Row& row : s.others)
      report.handled(s.name, row.line,
                     "the 'Other parties' row (" + (row.votes ? votes_text(*row.votes) : std::string("no votes")) +
                         ") is left out of results.csv: an aggregate of lists, it takes no seat");
    for (const Row& row : s.lists) {
      if (!row.votes) continue;
      results += csv_line(
          {s.name, row.party, std::to_string(*row.votes), row.seats_dash ? "0" : optional_text(row.seats), row.quota});
      ++data.lists;
    }
    districts += csv_line({s.name, std::to_string(*s.total->seats), std::to_string(reserved)});
    data.seats += *s.total->seats;
    data.reserved += reserved;
    ++data.districts;
  }
  const Section& national = sections.front();
  check_names(national, report);
  check_votes(national, report);
  check_national(sections, report);
  check_quota_names(sections, report);
  check_variants(sections, report);
  std::string national_csv = "party,votes,percentage,seats\n";
  for (const std::vector<Row>* rows : {&national.lists, &national.others})
    for (const Row& row : *rows) {
      const std::string percent =
          row.percent_text.empty() ? std::string() : row.percent_text.substr(0, row.percent_text.size() - 1);
      national_csv += csv_line({row.party, optional_text(row.votes), percent, optional_text(row.seats)});
    }
  data.findings = report.faults();
  data.files["results.csv"] = results;
  data.files["districts.csv"] = districts;
  if (!national.lists.empty()) data.files["national.csv"] = national_csv;
  data.files["election.toml"] = recipe ? recipe->manifest : manifest_without_recipe(source_name);
  data.files["QUALITY.md"] = report.markdown(source_name, sections);
  return data;
}

void write_dataset(const ImportedDataSet& data, const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw Error(folder.string(), 0, "cannot create the folder: " + ec.message());
  for (const auto& [name, content] : data.files) write_file_atomically(folder / name, content);
}

}  // namespace seatsim
