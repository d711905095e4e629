// Charts that agree with each other and a report people read (issue 25): one colour per party in
// every chart of a run, sweep charts that step where their break point is, and an HTML report
// that opens with a summary, works without published seats and explains its seat totals.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>

#include "seatsim/io/file_io.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/svg_chart.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

const fs::path iraq = source_dir() / "scenarios/iraq-2013";
const fs::path najaf = iraq / "what-if/najaf-last-seat.toml";

// party name (as the SVG writes it) -> colours it is drawn in: each party's seat group and each
// sweep line.
using Colours = std::map<std::string, std::set<std::string>>;

void collect_colours(const std::string& svg, Colours& colours) {
  static const std::regex seats(R"re(<g class="party" fill="([^"]+)"><title>([^<]*): \d+)re");
  static const std::regex lines(R"re(<path class="list" d="[^"]*" stroke="([^"]+)"><title>([^<]*)</title>)re");
  static const std::regex curves(
      R"re(<g class="series" stroke="([^"]+)">\n<path class="curve" [^>]*><title>([^<]*)<)re");
  for (const std::regex* pattern : {&seats, &lines, &curves})
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), *pattern); it != std::sregex_iterator(); ++it)
      colours[(*it)[2]].insert((*it)[1]);
}

std::string run_ok(const std::vector<std::string>& args) {
  const RunResult r = run_cli(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return r.out;
}

std::string section(const std::string& html, const std::string& id) {
  const std::size_t start = html.find("<section id=\"" + id + "\"");
  if (start == std::string::npos) return {};
  return html.substr(start, html.find("</section>", start) - start);
}

}  // namespace

TEST_CASE("one colour per party in every chart of a run: hemicycle, compare, diff, sweep, curves, the report") {
  const std::string data = iraq.string();
  Colours colours;
  std::map<std::string, Colours> per_chart;
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"hemicycle", {"chart", data}},
      {"published", {"chart", data, "--published"}},
      {"compare", {"chart", data, "--kind", "compare"}},
      {"diff", {"chart", data, "--kind", "diff"}},
      {"najaf diff", {"chart", data, "--kind", "diff", "--district", "Najaf Governorate"}},
      {"sweep", {"chart", najaf.string(), "--kind", "sweep"}},
      {"report", {"report", data}},
  };
  for (const auto& [name, args] : runs) {
    const std::string svg = run_ok(args);
    collect_colours(svg, colours);
    collect_colours(svg, per_chart[name]);
  }
  TempDir tmp;
  const fs::path curves = tmp.path / "curves.svg";
  run_ok({"curves", data, "--party", "State of Law Coalition", "--party", "Liberal Coalition", "--chart",
          curves.string()});
  collect_colours(read_text_file(curves.string()), colours);
  collect_colours(read_text_file(curves.string()), per_chart["curves"]);
  CHECK(per_chart["curves"].size() == 2);
  CHECK(per_chart["hemicycle"].size() > 20);
  CHECK(per_chart["sweep"].size() >= 5);
  for (const auto& [party, drawn] : colours) {
    const std::string& name = party;  // clang 14 cannot capture a structured binding in CHECK_MESSAGE's lambda
    CHECK_MESSAGE(drawn.size() == 1, name << " is drawn in several colours");
  }
  // The list with most votes nationally takes the palette's first colour; State of Law is Iraq's.
  CHECK(*colours.at("State of Law Coalition").begin() == colour_blind_palette()[0]);
  CHECK(per_chart["sweep"].at("State of Law Coalition") == per_chart["hemicycle"].at("State of Law Coalition"));
}

TEST_CASE("party colours: own colour, a colour word in the name, then the palette by votes, many lists share grey") {
  TempDir tmp;
  const auto votes = tmp.write("v.csv", "party,votes\nBig,500\nGreen,300\nRed Party,200\nSmall,100\n");
  Colours colours;
  collect_colours(run_ok({"chart", votes.string(), "--seats", "11"}), colours);
  CHECK(colours.at("Green") == std::set<std::string>{"#009E73"});
  CHECK(colours.at("Red Party") == std::set<std::string>{colour_named_in("red")});
  CHECK(colours.at("Big") == std::set<std::string>{colour_blind_palette()[0]});
  // The palette skips the colours that names chose: Small is not drawn in Green's colour.
  CHECK(colours.at("Small") != colours.at("Green"));
  CHECK(colour_named_in("Greenwood List").empty());  // a whole word only

  const auto parties = tmp.write("p.csv", "party,colour\nGreen,#123456\n");
  Colours own;
  collect_colours(run_ok({"chart", votes.string(), "--seats", "11", "--parties", parties.string()}), own);
  CHECK(own.at("Green") == std::set<std::string>{"#123456"});

  std::string many = "party,votes\n";
  for (int i = 0; i < 24; ++i) many += "List " + std::to_string(i) + "," + std::to_string(1000 - i) + "\n";
  const std::string svg = run_ok({"chart", tmp.write("many.csv", many).string(), "--seats", "48"});
  Colours drawn;
  collect_colours(svg, drawn);
  std::set<std::string> distinct;
  for (int i = 0; i < 16; ++i) distinct.insert(*drawn.at("List " + std::to_string(i)).begin());
  CHECK(distinct.size() == 16);
  CHECK(*drawn.at("List 23").begin() == others_colour());
  CHECK(svg.find("others (8 lists)") != std::string::npos);
}

TEST_CASE("sweep chart: the marked step is the break point `scenario --break-points` prints, in Najaf only") {
  const auto breaks = csv_records(run_ok({"scenario", najaf.string(), "--break-points", "--format", "csv"}));
  REQUIRE(!breaks.empty());
  const std::string svg = run_ok({"chart", najaf.string(), "--kind", "sweep"});
  const std::regex mark(R"re(<line class="break" data-before="([^"]*)" data-after="([^"]*)" x1="([^"]+)")re");
  std::smatch found;
  REQUIRE(std::regex_search(svg, found, mark));
  CHECK(found[1] == breaks.front().at("before"));
  CHECK(found[2] == breaks.front().at("after"));
  const std::string x = found[3];
  // The seat lines of the two lists that trade the seat step at that same x, and no other list steps.
  for (const std::string party : {"State of Law Coalition", "Loyalty to Najaf"}) {
    const std::regex line("<path class=\"list\" d=\"([^\"]*)\"[^>]*><title>" + party + "</title>");
    std::smatch path;
    REQUIRE(std::regex_search(svg, path, line));
    CHECK_MESSAGE(path[1].str().find("H" + x + "V") != std::string::npos, path[1].str());
  }
  CHECK(svg.find("Seats in Najaf Governorate") != std::string::npos);  // only the district the scenario touches
  CHECK(svg.find("Baghdad") == std::string::npos);
  CHECK(svg.find("op.1.votes") == std::string::npos);  // a human axis label
  CHECK(svg.find("votes moved from \u2018Loyalty to Najaf\u2019") != std::string::npos);
  const std::regex size(R"re(<svg [^>]*width="([\d.]+)" height="([\d.]+)")re");
  REQUIRE(std::regex_search(svg, found, size));
  CHECK(std::stod(found[2]) < 600);  // the legend fits beside the plot
}

TEST_CASE("report: the summary names the matched and differing districts, each difference explained in HTML") {
  TempDir tmp;
  tmp.write("set/election.toml", "name = \"Report set\"\n");
  tmp.write("set/results.csv",
            "district,party,votes,published_seats\nNorth,A,60,1\nNorth,B,40,2\nSouth,A,10,0\nSouth,B,90,1\n"
            "South,C,50,1\n");
  tmp.write("set/districts.csv", "district,seats\nNorth,3\nSouth,2\n");
  const std::string html = run_ok({"report", (tmp.path / "set").string(), "--method", "dhondt"});
  const std::string summary = section(html, "summary");
  CHECK(html.find("<section id=\"summary\">") < html.find("<nav id=\"contents\">"));
  CHECK(summary.find("<strong>Match (1):</strong> South.") != std::string::npos);
  CHECK(summary.find("<a href=\"#district-north\">North</a>: 1 seat differs (A +1, B \u22121)") != std::string::npos);
  CHECK(html.find("<a href=\"#differences\">") != std::string::npos);  // the table of contents
  const std::string north = html.substr(html.find("<section class=\"district\" id=\"district-north\">"));
  CHECK(north.find("Quotients around the last seat (dhondt)") != std::string::npos);
  // A's second seat (60/2 = 30) against B's second (40/2 = 20): the one disputed seat pair, marked.
  CHECK(north.find("<tr class=\"marked\"><td class=\"number\">3</td><td>A</td><td class=\"number\">2</td>") !=
        std::string::npos);
  CHECK(html.find("<pre>") == std::string::npos);  // no terminal text, no raw JSON
  CHECK(section(html, "provenance").find("<dt>inputs</dt>") != std::string::npos);
}

TEST_CASE("report: without published seats it is a results report") {
  TempDir tmp;
  const auto votes = tmp.write("v.csv", "party,votes\nA,10\nB,5\n");
  const fs::path out = tmp.path / "results.html";
  const RunResult r = run_cli({"report", votes.string(), "--seats", "3", "-o", out.string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string html = read_text_file(out.string());
  const std::string summary = section(html, "summary");
  CHECK(summary.find("Results: 3 seats; most seats: A 2, B 1.") != std::string::npos);
  CHECK(summary.find("Differ") == std::string::npos);
  CHECK(section(html, "seat-counts").empty());            // every total is the data set's
  CHECK(html.find("class=\"seat") != std::string::npos);  // the hemicycle
  CHECK(html.find("<th>seats</th>") != std::string::npos);

  // --parties gives the report's charts their colours, as it does `chart`'s.
  const auto parties = tmp.write("p.csv", "party,colour\nB,#123456\n");
  Colours colours;
  collect_colours(run_ok({"report", votes.string(), "--seats", "3", "--parties", parties.string()}), colours);
  CHECK(colours.at("B") == std::set<std::string>{"#123456"});
}

TEST_CASE("report on Iraq 2013: the seat totals of its hemicycles (446, 448) are explained against 447") {
  const std::string html = run_ok({"report", iraq.string(), "--no-sweeps"});
  const std::string counts = section(html, "seat-counts");
  CHECK(counts.find("The data set has 447 seats") != std::string::npos);
  CHECK(counts.find("Recomputed: 446 seats, 1 seat unfilled") != std::string::npos);
  CHECK(counts.find("Basra Governorate fills 34 of its 35") != std::string::npos);
  CHECK(counts.find("Published: 448 seats") != std::string::npos);
  CHECK(counts.find("Dhi Qar Governorate: 33 of 31") != std::string::npos);
  CHECK(html.find(">446 seats</text>") != std::string::npos);
  CHECK(html.find(">448 seats</text>") != std::string::npos);
}

TEST_CASE("sweep_svg: a line steps at its break point, half-way between values only where none is known") {
  SweepChart chart{"Sweep",
                   "votes moved",
                   {0, 10, 20},
                   {"0", "10", "20"},
                   {{"A", 0, "#0072B2", ""}, {"B", 0, "#E69F00", ""}},
                   {{5, 5, 6}, {3, 3, 2}},
                   {}};
  // Without known break points: half-way between 10 and 20 (x = 70 + 640 · 15/20 = 550).
  std::string svg = sweep_svg(chart);
  CHECK(svg.find("d=\"M70 120H550V60H710\"") != std::string::npos);
  CHECK(svg.find("data-before=\"10\" data-after=\"20\" x1=\"550\"") != std::string::npos);
  // The sweep found the break between 12 and 13: the dashed line and both steps at 12.5 (x = 470).
  chart.breaks = {{12, 13, "seats change between 12 and 13", "12", "13", {1, -1}}};
  svg = sweep_svg(chart);
  CHECK(svg.find("d=\"M70 120H470V60H710\"") != std::string::npos);
  CHECK(svg.find("d=\"M70 240H470V300H710\"") != std::string::npos);
  CHECK(svg.find("data-before=\"12\" data-after=\"13\" x1=\"470\"") != std::string::npos);
}
