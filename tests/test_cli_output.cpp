// Output for people (interface.md, amendments 4 and 5): tables ordered by seats then votes within
// a district while CSV and JSON keep input order; one short last line, the full provenance with
// --verbose; fit's table within 120 columns; markdown from every command that prints a table;
// simulate's default view the same in every format.
#include <doctest/doctest.h>

#include <algorithm>

#include "seatsim/core/json.hpp"
#include "seatsim/render/table.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

using Records = std::vector<std::map<std::string, std::string>>;

std::string iraq() { return (source_dir() / "scenarios/iraq-2013").string(); }
std::string synthetic() { return (source_dir() / "tests/data/synthetic-reserved").string(); }
std::string what_if(const std::string& name) { return iraq() + "/what-if/" + name; }
std::string example_votes() { return (source_dir() / "scenarios/example/votes.csv").string(); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// Display columns (code points), as the table counts them.
std::size_t columns_of(const std::string& line) {
  return static_cast<std::size_t>(
      std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

RunResult run(std::vector<std::string> args, const std::vector<std::string>& more = {},
              const std::string& stdin_text = {}) {
  args.insert(args.end(), more.begin(), more.end());
  RunResult r = run_cli(args, stdin_text);
  // compare and fit exit 1 when they find differences: the output is complete either way.
  REQUIRE_MESSAGE((r.status == 0 || r.status == 1), (args.front() + ": " + r.err));
  return r;
}

// The CSV rows (input order) as people should see them: by seats, then votes, descending, within
// each run of rows of the same group.
Records people_order(Records rows, const std::vector<std::string>& group, const std::string& seats,
                     const std::string& votes) {
  // Exact enough for the test's numbers (integers, and means with 4 decimals).
  const auto key = [&](const auto& row) { return std::pair{std::stold(row.at(seats)), std::stold(row.at(votes))}; };
  const auto same = [&](const auto& a, const auto& b) {
    return std::all_of(group.begin(), group.end(), [&](const std::string& g) { return a.at(g) == b.at(g); });
  };
  for (auto first = rows.begin(); first != rows.end();) {
    const auto last = std::find_if(first, rows.end(), [&](const auto& row) { return !same(*first, row); });
    std::stable_sort(first, last, [&](const auto& a, const auto& b) { return key(a) > key(b); });
    first = last;
  }
  return rows;
}

// Whether the table's lines hold `rows` in this order, one line each: every row's `identity` cells
// appear in its line.
bool lines_in_order(const std::string& table, const Records& rows, const std::vector<std::string>& identity) {
  const std::vector<std::string> lines = lines_of(table);
  std::size_t at = 2;  // past the header and its dashes
  for (const auto& row : rows) {
    const auto holds = [&](const std::string& line) {
      return std::all_of(identity.begin(), identity.end(),
                         [&](const std::string& c) { return line.find(row.at(c)) != std::string::npos; });
    };
    if (at >= lines.size() || !holds(lines[at])) return false;
    ++at;
  }
  return true;
}

// Every command that prints a table, with the arguments that make it print one.
std::vector<std::vector<std::string>> table_commands() {
  return {{"allocate", example_votes(), "--seats", "11"},
          {"compare", iraq()},
          {"fit", iraq()},
          {"scenario", what_if("first-divisor-1.6.toml")},
          {"scenario", what_if("najaf-last-seat.toml"), "--break-points"},
          {"margins", synthetic()},
          {"simulate", synthetic(), "--draws", "50", "--noise", "dirichlet:300", "--seed", "1"}};
}

std::vector<std::string> simulate_args() {
  return {"simulate", synthetic(), "--draws", "60", "--noise", "dirichlet:300", "--seed", "4"};
}

}  // namespace

TEST_CASE("allocate: the table orders lists by seats, then votes, within a district, CSV and JSON keep input order") {
  TempDir tmp;
  const auto seats = tmp.write("seats.csv", "district,seats\nN,5\nS,2\n");
  const std::string votes =
      "district,party,votes\nN,Small,100\nN,Big,900\nN,Mid,500\nN,Even,500\nS,Low,10\nS,High,90\n";
  const std::vector<std::string> allocate = {"allocate", "-", "--seats-file", seats.string(), "-m", "dhondt"};
  const Records rows = csv_records(run(allocate, {"--format", "csv"}, votes).out);
  std::vector<std::string> parties;
  for (const auto& row : rows) parties.push_back(row.at("party"));
  CHECK(parties == std::vector<std::string>{"Small", "Big", "Mid", "Even", "Low", "High"});

  // N: Big 3, Mid 1 and Even 1 (equal votes: input order), Small 0; S after N, High 2 before Low 0.
  const std::vector<std::string> table = lines_of(run(allocate, {"--format", "table"}, votes).out);
  REQUIRE(table.size() >= 8);
  const std::vector<std::string> expected = {"Big", "Mid", "Even", "Small", "High", "Low"};
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(table[2 + i].find(expected[i]) != std::string::npos);
  CHECK(lines_in_order(run(allocate, {"--format", "table"}, votes).out,
                       people_order(rows, {"district"}, "seats", "votes"), {"district", "party"}));

  const seatsim::Json json = seatsim::Json::parse(run(allocate, {"--format", "json"}, votes).out);
  CHECK(json["results"][0]["party"] == "Small");
  CHECK(json["results"][4]["party"] == "Low");
}

TEST_CASE("margins, scenario, simulate and compare tables order lists by seats, then votes") {
  // In synthetic-reserved Unity comes first in every district but does not lead everywhere, so
  // that input order and the order for people differ.
  const Records margins = csv_records(run({"margins", synthetic(), "--format", "csv"}).out);
  const Records margins_people = people_order(margins, {"district"}, "seats", "votes");
  CHECK(margins != margins_people);
  CHECK(lines_in_order(run({"margins", synthetic(), "--format", "table"}).out, margins_people, {"district", "party"}));

  const std::string scenario = what_if("first-divisor-1.6.toml");
  const Records changes = csv_records(run({"scenario", scenario, "--format", "csv"}).out);
  const Records changes_people = people_order(changes, {"level", "district"}, "seats", "votes");
  CHECK(changes != changes_people);
  CHECK(lines_in_order(run({"scenario", scenario, "--format", "table"}).out, changes_people,
                       {"level", "district", "party"}));

  const Records summary = csv_records(run(simulate_args(), {"--format", "csv"}).out);
  const Records summary_people = people_order(summary, {}, "seats", "mean");
  CHECK(summary != summary_people);
  CHECK(lines_in_order(run(simulate_args(), {"--format", "table"}).out, summary_people, {"party"}));

  // compare: a differing district's lists (all three differ here), the most seats first.
  const std::string votes = "party,votes,published_seats\nSmall,100,2\nBig,900,2\nMid,500,1\n";
  const std::string report = run({"compare", "-", "--seats", "5", "-m", "dhondt", "--format", "table"}, {}, votes).out;
  const std::size_t detail = report.find("\n== ");
  REQUIRE(detail != std::string::npos);
  const std::size_t big = report.find("\nBig ", detail), mid = report.find("\nMid ", detail),
                    small = report.find("\nSmall ", detail);
  CHECK(big < mid);
  CHECK(mid < small);
  CHECK(small != std::string::npos);
}

TEST_CASE("tables end with one short line for people, --verbose gives the full provenance") {
  for (const auto& command : table_commands()) {
    CAPTURE(command.front());
    CAPTURE(command.at(1));
    for (const std::string format : {"table", "markdown"}) {
      CAPTURE(format);
      const std::vector<std::string> lines = lines_of(run(command, {"--format", format}).out);
      const auto last = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.rfind("seatsim " + command.front(), 0) == 0;
      });
      REQUIRE(last != lines.end());
      CHECK(columns_of(*last) <= 160);
      CHECK(last->find("sha256") == std::string::npos);
      CHECK(last->find("--verbose") != std::string::npos);
      const std::string verbose = run(command, {"--format", format, "--verbose"}).out;
      CHECK(verbose.find("sha256:") != std::string::npos);
      CHECK(verbose.find("\"method\"") != std::string::npos);  // the rule as applied
    }
  }
  // The rule in words and the input by name.
  const std::vector<std::string> lines = lines_of(
      run({"allocate", example_votes(), "--seats", "11", "-m", "dhondt", "--threshold", "5%"}, {"--format", "table"})
          .out);
  CHECK(lines.back().find("seatsim allocate: dhondt, threshold 5%") == 0);
  CHECK(lines.back().find("; input votes.csv (") != std::string::npos);
  // JSON keeps the whole meta.
  const seatsim::Json json =
      seatsim::Json::parse(run({"allocate", example_votes(), "--seats", "11"}, {"--format", "json"}).out);
  CHECK(json["meta"]["inputs"][0]["sha256"].get<std::string>().size() == 64);
}

TEST_CASE("fit: the table fits in 120 columns") {
  const std::string table = run({"fit", iraq(), "--format", "table"}).out;
  for (const std::string& line : lines_of(table)) {
    CAPTURE(line);
    CHECK(columns_of(line) <= 120);
  }
  // Wrapped, not cut: every district is there, and the intervals stay whole on their line.
  CHECK(table.find("Muthanna Governorate") != std::string::npos);
  CHECK(table.find("intersection over the 8 districts") != std::string::npos);
}

TEST_CASE("every command that prints a table offers markdown") {
  for (const auto& command : table_commands()) {
    CAPTURE(command.front());
    const RunResult r = run(command, {"--format", "markdown"});
    CHECK(r.out.find("\n|---") != std::string::npos);
    CHECK(r.out.find("| ") != std::string::npos);
  }
  // The same rows as the table, for people: ordered by seats.
  const std::string markdown = run({"allocate", example_votes(), "--seats", "11"}, {"--format", "markdown"}).out;
  CHECK(markdown.rfind(
            "| district | party | votes | seats | tie |\n|---|---|---:|---:|---|\n|  | Blue | 45000 | 5 |  |\n", 0) ==
        0);
}

TEST_CASE("simulate: the summary by default in every format, --view histogram for the long table") {
  const Records csv = csv_records(run(simulate_args(), {"--format", "csv"}).out);
  REQUIRE(!csv.empty());
  CHECK(csv.front().count("p_majority") == 1);
  CHECK(run(simulate_args(), {"--format", "csv"}).out.rfind("party,seats,mean,sd,q05,q50,q95,p_majority\n", 0) == 0);
  // No --format with stdout redirected: CSV, and the same summary.
  CHECK(run(simulate_args()).out == run(simulate_args(), {"--format", "csv"}).out);
  const std::string table = run(simulate_args(), {"--format", "table"}).out;
  const std::string markdown = run(simulate_args(), {"--format", "markdown"}).out;
  const seatsim::Json json = seatsim::Json::parse(run(simulate_args(), {"--format", "json"}).out);
  REQUIRE(json["summary"].size() == csv.size());
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const std::string& party = csv[i].at("party");
    CHECK(json["summary"][i]["party"] == party);
    CHECK(table.find(party) != std::string::npos);
    CHECK(markdown.find("| " + party + " |") != std::string::npos);
  }
  CHECK(table.find("p_majority") != std::string::npos);
  CHECK(table.find("at_least") == std::string::npos);
  CHECK(run(simulate_args(), {"--view", "histogram", "--format", "csv"})
            .out.rfind("level,district,party,seats,count,probability,at_least\n", 0) == 0);
  // With coalitions: the table and markdown add their summary below the parties'; CSV keeps one table.
  const std::vector<std::string> coalition = {"--coalition", "Unity+Renewal"};
  CHECK(run(simulate_args(), coalition).out == run(simulate_args(), {"--format", "csv"}).out);
  std::vector<std::string> table_with = coalition;
  table_with.insert(table_with.end(), {"--format", "table"});
  const std::string both = run(simulate_args(), table_with).out;
  CHECK(both.find("Unity+Renewal") != std::string::npos);
  CHECK(both.find("party") < both.find("coalition"));
}

TEST_CASE("ordered_for_people: exact decimals, thousands separators, blanks last, districts kept apart") {
  using seatsim::Cell;
  seatsim::Table table;
  table.columns = {"district", "party", "seats", "votes"};
  table.group_by = {"district"};
  table.rank_by = {"seats", "votes"};
  table.add({"N", "a", Cell(1), Cell::number("999")});
  table.add({"N", "b", Cell(1), Cell::number("1,000")});
  table.add({"N", "c", Cell::number(""), Cell::number("5000")});
  table.add({"N", "d", Cell::number("1.5"), Cell::number("0")});
  table.add({"S", "e", Cell::number("-0.25"), Cell::number("1")});
  table.add({"S", "f", Cell::number("-0.5"), Cell::number("1")});
  table.add({"S", "g", Cell::number("0.000"), Cell::number("1")});
  std::string parties;
  for (const auto& row : seatsim::ordered_for_people(table).rows) parties += row[1].text;
  CHECK(parties == "dbacgef");
  std::string input;
  for (const auto& row : table.rows) input += row[1].text;
  CHECK(input == "abcdefg");  // the table itself keeps its order (CSV and JSON)
}
