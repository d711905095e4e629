// Charts: hemicycle geometry, one seat element per seat in every SVG, parliament-diagram JSON,
// parties.csv colours, and `seatsim chart` as users run it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "seatsim/core/error.hpp"
#include "seatsim/io/parliament.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/chart_data.hpp"
#include "seatsim/render/hemicycle.hpp"
#include "seatsim/render/html_report.hpp"
#include "seatsim/render/svg_chart.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}
std::size_t seat_elements(const std::string& svg) { return count(svg, "class=\"seat"); }

Parliament three_parties(std::int64_t a, std::int64_t b, std::int64_t c) {
  return Parliament{"Test", {{"A", a, "#0072B2", ""}, {"B", b, "#E69F00", "Bee"}, {"C", c, "red", ""}}};
}

}  // namespace

TEST_CASE("hemicycle layout: one position per seat, left to right, no two seats overlapping") {
  for (const std::int64_t seats : {0, 1, 2, 3, 5, 11, 29, 101, 150, 447, 650}) {
    const std::vector<SeatPosition> layout = hemicycle_layout(seats);
    REQUIRE(layout.size() == static_cast<std::size_t>(seats));
    for (std::size_t i = 0; i < layout.size(); ++i) {
      CHECK(layout[i].y >= -1e-9);
      CHECK(std::hypot(layout[i].x, layout[i].y) <= 1.0 + 1e-9);
      if (i > 0) CHECK(std::atan2(layout[i].y, layout[i].x) <= std::atan2(layout[i - 1].y, layout[i - 1].x) + 1e-9);
      for (std::size_t j = 0; j < i; ++j)
        CHECK(std::hypot(layout[i].x - layout[j].x, layout[i].y - layout[j].y) >= 2 * layout[i].radius - 1e-9);
    }
  }
  CHECK_THROWS_AS(hemicycle_layout(-1), Error);
}

TEST_CASE("every chart has one seat element per seat") {
  const Parliament now = three_parties(5, 3, 2);
  const Parliament before = three_parties(4, 4, 2);
  CHECK(seat_elements(hemicycle_svg(now)) == 10);
  CHECK(count(hemicycle_svg(now), "<g class=\"party\"") == 3);
  CHECK(hemicycle_svg(now).find("B (Bee) \u2014 3") != std::string::npos);  // legend: full name, label, seats
  CHECK(seat_elements(compare_svg(before, now, CompareLayout::side_by_side, "t")) == 20);
  const std::string marked = compare_svg(before, now, CompareLayout::marked, "t");
  CHECK(seat_elements(marked) == 10);
  CHECK(count(marked, "class=\"seat gained\"") == 1);  // A won one seat from B
  const std::vector<DistrictDiff> districts = {{"North", true, {3, 1, 1}, {2, 2, 1}},
                                               {"South", true, {2, 2, 1}, {2, 2, 1}}};
  const std::string diff = diff_svg(districts, now, "t");
  CHECK(seat_elements(diff) == 10);
  CHECK(count(diff, "class=\"seat gained\"") == 1);
  CHECK(count(diff, "class=\"lost-seat\"") == 1);
  CHECK(diff.find("as published") != std::string::npos);
  CHECK_THROWS_AS(
      compare_svg(three_parties(1, 1, 1), Parliament{"x", {{"Z", 3, "#000", ""}}}, CompareLayout::marked, "t"), Error);
}

TEST_CASE("names are escaped for XML, parties without seats stay out of the hemicycle") {
  Parliament parliament{"<A & B>", {{"Tom & \"Jerry\" <x>", 2, "#123", ""}, {"Nobody", 0, "#456", ""}}};
  const std::string svg = hemicycle_svg(parliament);
  CHECK(svg.find("Tom &amp; &quot;Jerry&quot; &lt;x&gt;") != std::string::npos);
  CHECK(svg.find("&lt;A &amp; B&gt;") != std::string::npos);
  CHECK(svg.find("Nobody") == std::string::npos);
  CHECK(seat_elements(svg) == 2);
  parliament.parties[1].seats = -1;
  CHECK_THROWS_AS(hemicycle_svg(parliament), Error);
}

TEST_CASE("sweep chart: one line per list with seats, break points where seats change") {
  SweepChart chart{"Sweep",
                   "first divisor",
                   {1.0, 1.1, 1.2, 1.3},
                   {"1", "1.1", "1.2", "1.3"},
                   {{"A", 0, "#0072B2", ""}, {"B", 0, "#E69F00", ""}, {"C", 0, "#009E73", ""}},
                   {{5, 5, 6, 6}, {3, 3, 2, 3}, {0, 0, 0, 0}},
                   {}};
  CHECK(sweep_breaks(chart) == std::vector<std::size_t>{2, 3});
  const std::string svg = sweep_svg(chart);
  CHECK(count(svg, "class=\"break\"") == 2);
  CHECK(count(svg, "class=\"list\"") == 2);               // C never has a seat
  chart.breaks = {{1.15, 1.15, "seats change at 1.15"}};  // exact break points, when the sweep found them
  CHECK(count(sweep_svg(chart), "class=\"break\"") == 1);
  CHECK(sweep_svg(chart).find("seats change at 1.15") != std::string::npos);
  chart.seats.pop_back();
  CHECK_THROWS_AS(sweep_svg(chart), Error);
}

TEST_CASE("parliament-diagram JSON: read, write, read back") {
  const Parliament read = read_parliament_json(
      R"({"parties":[{"name":"Left","nb_seats":3,"color":"#AA0000","id":"x"},{"name":"Right","nb_seats":2}]})",
      "p.json");
  REQUIRE(read.parties.size() == 2);
  CHECK(read.parties[0].colour == "#AA0000");
  CHECK(read.parties[1].colour.empty());
  const Parliament coloured = styled(read, {});
  CHECK(coloured.parties[0].colour == "#AA0000");
  CHECK(coloured.parties[1].colour == colour_blind_palette()[1]);
  const Parliament again = read_parliament_json(write_parliament_json(coloured), "again.json");
  CHECK(again.parties[1].name == "Right");
  CHECK(again.parties[1].seats == 2);
  CHECK(again.parties[1].colour == coloured.parties[1].colour);
  CHECK(again.total_seats() == 5);

  const auto fails = [](const std::string& text) {
    try {
      (void)read_parliament_json(text, "p.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(fails(R"({"parties":[{"name":"A","nb_seats":-1}]})").find("nb_seats") != std::string::npos);
  CHECK(fails("{\"parties\":[{\"name\":\"A\",\"nb_seats\":1,\"color\":\"url(#x)\"}]}").find("color") !=
        std::string::npos);
  CHECK(fails(R"({"seats":[]})").find("parties") != std::string::npos);
  CHECK(fails("{\n\"parties\": [,]}").rfind("p.json:2: invalid JSON", 0) == 0);
}

TEST_CASE("parties.csv: colours and labels, its order seats first, bad colours name the line") {
  const PartyStyles styles = read_party_styles(parse_csv("party,colour,short\nB,#112233,Bee\nA,,\n", "parties.csv"));
  const std::vector<StyledParty> styled_parties = style_parties({"C", "A", "B"}, styles);
  REQUIRE(styled_parties.size() == 3);
  CHECK(styled_parties[0].party == "B");
  CHECK(styled_parties[0].colour == "#112233");
  CHECK(styled_parties[0].label == "Bee");
  CHECK(styled_parties[1].party == "A");
  CHECK(styled_parties[1].colour == colour_blind_palette()[0]);
  CHECK(styled_parties[2].party == "C");
  CHECK(styled_parties[2].colour == colour_blind_palette()[1]);
  CHECK_THROWS_WITH_AS(read_party_styles(parse_csv("party,colour\nA,#12\n", "parties.csv")),
                       doctest::Contains("parties.csv:2: colour '#12'"), Error);
  CHECK_THROWS_WITH_AS(read_party_styles(parse_csv("party,colour\nA,red\nA,blue\n", "parties.csv")),
                       doctest::Contains("parties.csv:3: party 'A' is listed twice"), Error);
  CHECK(is_valid_colour("teal"));
  CHECK(is_valid_colour("#ABCDEF"));
  CHECK_FALSE(is_valid_colour("#ABCDEG"));
  CHECK_FALSE(is_valid_colour("red\" onload=\"x"));
}

TEST_CASE("seatsim chart: hemicycle, compare, diff from a data set with parties.csv") {
  TempDir tmp;
  tmp.write("set/election.toml", "name = \"Test set\"\n[rule]\nmethod = \"dhondt\"\n");
  tmp.write("set/results.csv",
            "district,party,votes,published_seats\nN,A,60,2\nN,B,40,1\nS,A,10,0\nS,B,90,1\nS,C,50,1\n");
  tmp.write("set/districts.csv", "district,seats\nN,3\nS,2\n");
  tmp.write("set/parties.csv", "party,colour,short\nC,#ff0000,Cee\n");
  const std::string set = (tmp.path / "set").string();
  const fs::path out = tmp.path / "chart.svg";
  const fs::path json = tmp.path / "chart.json";

  RunResult r = run_cli({"chart", set, "-o", out.string(), "--parliament-json", json.string()});
  REQUIRE(r.status == 0);
  std::string svg = read_text_file(out.string());
  CHECK(seat_elements(svg) == 5);
  CHECK(svg.find("fill=\"#ff0000\"") != std::string::npos);
  CHECK(svg.find("C (Cee) \u2014 1") != std::string::npos);
  const Parliament written = read_parliament_json(read_text_file(json.string()), "chart.json");
  CHECK(written.parties.front().name == "C");  // parties.csv order seats first
  CHECK(written.total_seats() == 5);

  r = run_cli({"chart", json.string(), "-o", out.string()});
  CHECK(r.status == 0);
  CHECK(seat_elements(read_text_file(out.string())) == 5);

  r = run_cli({"chart", set, "--kind", "compare", "--seats-file",
               tmp.write("s.csv", "district,seats\nN,4\nS,2\n").string(), "-o", out.string()});
  CHECK(r.status == 0);
  CHECK(seat_elements(read_text_file(out.string())) == 5 + 6);
  r = run_cli({"chart", set, "--kind", "diff", "--method", "sainte-lague", "-o", out.string()});
  CHECK(r.status == 0);
  svg = read_text_file(out.string());
  CHECK(seat_elements(svg) == 5);
  r = run_cli({"chart", set, "--kind", "hemicycle", "--published", "--district", "S"});
  CHECK(r.status == 0);
  CHECK(seat_elements(r.out) == 2);
}

TEST_CASE("seatsim chart: errors exit 2 with one line and write nothing") {
  TempDir tmp;
  const fs::path out = tmp.path / "chart.svg";
  const auto votes = tmp.write("v.csv", "party,votes\nA,10\nB,5\n");
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{"chart", votes.string(), "--seats", "3", "--kind", "compare"}, "no published result"},
      {{"chart", votes.string(), "--seats", "3", "--district", "X"}, "no district named 'X'"},
      {{"chart", votes.string(), "--seats", "3", "--kind", "pie"}, "--kind"},
      {{"chart", tmp.write("p.json", "{\"parties\":[{\"name\":\"A\"}]}").string()}, "p.json: parties[0] ('A')"},
      {{"chart", votes.string(), "--seats", "3", "--parties", tmp.write("c.csv", "party,colour\nA,#1\n").string()},
       "c.csv:2: colour '#1'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"-o", out.string()});
    const RunResult r = run_cli(args);
    INFO(c.expected);
    CHECK(r.status == 2);
    CHECK(r.err.find(c.expected) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("HTML report: self-contained, charts inline, differing rows highlighted, text escaped") {
  HtmlReport report;
  report.title = "Test <report>";
  report.summary = {"districts matched: 1/2, seats differing: 2"};
  report.caveats = {"a caveat & more"};
  report.charts = {{"the parliament", "<?xml version=\"1.0\"?>\n" + hemicycle_svg(three_parties(2, 1, 1))}};
  report.table.columns = {"district", "party", "diff"};
  report.table.add({"N", "A", Cell(1)});
  report.table.add({"N", "B", Cell(0)});
  report.districts = {{"N", "1 seat differs", {"N: A <won>"}, {}}};
  report.meta = Json{{"version", "x"}};
  const std::string html = render_html_report(report);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Test &lt;report&gt;") != std::string::npos);
  CHECK(html.find("a caveat &amp; more") != std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);  // the SVG sits inline
  CHECK(seat_elements(html) == 4);
  CHECK(count(html, "<tr class=\"differs\">") == 1);
  CHECK(html.find("N: A &lt;won&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // no external resources
}

TEST_CASE("seatsim report: one self-contained HTML file with the table, the charts and the caveats") {
  TempDir tmp;
  tmp.write("set/election.toml", "name = \"Report set\"\ncaveats = [\"Numbers & names made up\"]\n");
  tmp.write("set/results.csv",
            "district,party,votes,published_seats\nN,A,60,1\nN,B,40,2\nS,A,10,0\nS,B,90,1\nS,C,50,1\n");
  tmp.write("set/districts.csv", "district,seats\nN,3\nS,2\n");
  const fs::path out = tmp.path / "report.html";
  const RunResult r = run_cli({"report", (tmp.path / "set").string(), "-o", out.string(), "--method", "dhondt"});
  REQUIRE(r.status == 0);  // a report is written whether or not the seats differ
  const std::string html = read_text_file(out.string());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Numbers &amp; names made up") != std::string::npos);
  CHECK(html.find("districts matched: 1/2, seats differing: 1") != std::string::npos);
  // Hemicycle (5), published and recomputed side by side (5 + 5), marked (5), diff (5).
  CHECK(seat_elements(html) == 25);
  CHECK(count(html, "<tr class=\"differs\">") == 4);  // in the comparison, and in N's explanation
  CHECK(html.find("<script") == std::string::npos);
  // The indices, recomputed and published: the rows of `compare --view indices`, national row included.
  CHECK(html.find("<h2>Disproportionality indices</h2>") != std::string::npos);
  const std::string indices =
      run_cli({"compare", (tmp.path / "set").string(), "--method", "dhondt", "--view", "indices", "--format", "csv"})
          .out;
  for (const auto& row : csv_records(indices))
    CHECK(html.find("<td>" + row.at("basis") + "</td><td>" + row.at("level") + "</td><td>" + row.at("district") +
                    "</td><td class=\"number\">" + row.at("gallagher") + "</td>") != std::string::npos);
  CHECK(count(html, "<td>published</td><td>national</td>") == 1);

  const RunResult bad =
      run_cli({"report", (tmp.path / "set").string(), "--method", "nonsense", "-o", (tmp.path / "bad.html").string()});
  CHECK(bad.status == 2);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(tmp.path / "bad.html"));
}

TEST_CASE("seatsim report on the Iraq 2013 data set carries its caveats and all 447 seats") {
  TempDir tmp;
  const fs::path out = tmp.path / "iraq.html";
  const RunResult r = run_cli({"report", (source_dir() / "scenarios/iraq-2013").string(), "-o", out.string()});
  REQUIRE(r.status == 0);
  const std::string html = read_text_file(out.string());
  CHECK(html.find("<h2>Caveats</h2>") != std::string::npos);
  CHECK(html.find("districts matched: ") != std::string::npos);
  CHECK(count(html, "<figure>") >= 5);  // and the sweeps of its what-if scenarios
  CHECK(html.find("class=\"break\"") != std::string::npos);
}

TEST_CASE("seatsim chart --kind sweep draws a scenario's sweep with its break points") {
  TempDir tmp;
  tmp.write("set/election.toml", "name = \"Sweep set\"\n");
  tmp.write("set/results.csv", "party,votes\nA,45\nB,21\nC,10\n");
  tmp.write("set/districts.csv", "district,seats\n,2\n");
  const auto scenario = tmp.write("set/what-if/fd.toml",
                                  "name = \"First divisor\"\nbase = \"../\"\n[sweep]\nparameter = "
                                  "\"rule.first_divisor\"\nvalues = [\"1\", \"1.2\", \"1.4\", \"1.6\"]\n");
  const fs::path out = tmp.path / "sweep.svg";
  RunResult r = run_cli({"chart", scenario.string(), "--kind", "sweep", "-o", out.string()});
  REQUIRE(r.status == 0);
  const std::string svg = read_text_file(out.string());
  // A 45, B 21 for two seats: B's first seat (21/f) beats A's second (15) while f < 1.4; at 1.4 they tie.
  CHECK(count(svg, "class=\"list\"") == 2);
  CHECK(count(svg, "class=\"break\"") >= 1);
  CHECK(svg.find("1.4") != std::string::npos);

  r = run_cli({"chart", (tmp.path / "set").string(), "--kind", "sweep", "-o", out.string()});
  CHECK(r.status == 2);
  const auto no_sweep = tmp.write("set/what-if/plain.toml", "name = \"Plain\"\nbase = \"../\"\n");
  r = run_cli({"chart", no_sweep.string(), "--kind", "sweep"});
  CHECK(r.status == 2);
  CHECK(r.err.find("needs a scenario file with a [sweep]") != std::string::npos);
  r = run_cli({"chart", scenario.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("--kind sweep") != std::string::npos);
}
