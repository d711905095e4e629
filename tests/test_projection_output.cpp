// The output side of `seatsim project` (issue 23): one JSON document for the command line and the explorer's
// /api/project, the fan chart (its bands read back from the SVG and checked against the intervals the
// projection computes), the projection section of `seatsim report --polls`, and the explorer's pasted
// covariance and house effects giving the command line's numbers for the same seed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "seatsim/core/json.hpp"
#include "seatsim/render/projection_fan_chart.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

const std::string data_set = (source_dir() / "tests/data/synthetic-reserved").string();
const std::string head = "pollster,fieldwork_end,sample_size,area,party,share\n";
const std::string polls = head +
                          "P,2025-08-01,1000,national,Unity,36\nP,2025-08-01,1000,national,Renewal,33\n"
                          "P,2025-08-01,1000,national,Greens,13\nP,2025-08-01,1000,national,Workers,9\n"
                          "P,2025-08-01,1000,national,Liberals,5\nP,2025-08-01,1000,national,Farmers,4\n"
                          "R,2025-07-25,700,national,Unity,38\nR,2025-07-25,700,national,Renewal,31\n"
                          "R,2025-07-25,700,national,Greens,12\nR,2025-07-25,700,national,Workers,8\n"
                          "R,2025-07-25,700,national,Liberals,5\nR,2025-07-25,700,national,Farmers,4\n";
const std::string covariance = "party,Unity,Renewal,Greens\nUnity,4,-1.5,0\nRenewal,-1.5,3,0.5\nGreens,0,0.5,2\n";
const std::string house_effects = "pollster,party,points\nP,Unity,-1\nP,Renewal,0.5\nR,Greens,1.25\n";

// One element's attributes: name -> value (no entities in the values read here but party names' &amp;).
std::map<std::string, std::string> attributes(const std::string& element) {
  std::map<std::string, std::string> out;
  std::size_t at = element.find(' ');
  while (at != std::string::npos) {
    const std::size_t equals = element.find("=\"", at);
    if (equals == std::string::npos) break;
    const std::size_t end = element.find('"', equals + 2);
    std::string name = element.substr(at + 1, equals - at - 1);
    name.erase(0, name.find_first_not_of(' '));
    out[name] = element.substr(equals + 2, end - equals - 2);
    at = element.find(' ', end);
  }
  return out;
}

// Every element `<TAG class="CLASS" ...>` of an SVG, as its attributes.
std::vector<std::map<std::string, std::string>> elements(const std::string& svg, const std::string& start) {
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t at = svg.find(start); at != std::string::npos; at = svg.find(start, at + 1))
    out.push_back(attributes(svg.substr(at, svg.find('>', at) - at)));
  return out;
}

struct Band {
  std::int64_t lo = 0, hi = 0;
  double x = 0, width = 0;
  bool operator==(const Band&) const = default;
};

// party -> level -> band, read back from the SVG.
std::map<std::string, std::map<int, Band>> bands_of(const std::string& svg) {
  std::map<std::string, std::map<int, Band>> out;
  for (const auto& band : elements(svg, "<rect class=\"band\""))
    out[band.at("data-party")][std::stoi(band.at("data-level"))] = {
        std::stoll(band.at("data-lo")), std::stoll(band.at("data-hi")), std::stod(band.at("x")),
        std::stod(band.at("width"))};
  return out;
}

// The smallest k with P(seats <= k) >= p, by walking the draws sorted one by one (independent of the code).
std::int64_t brute_quantile(const std::vector<std::uint64_t>& counts, double p) {
  std::vector<std::int64_t> draws;
  for (std::size_t k = 0; k < counts.size(); ++k) draws.insert(draws.end(), counts[k], static_cast<std::int64_t>(k));
  for (std::size_t i = 0; i < draws.size(); ++i)
    if (static_cast<double>(i + 1) >= p * static_cast<double>(draws.size()) - 1e-9) return draws[i];
  return draws.back();
}

// Every band of every party: nested, 80-99 % the given intervals, the geometry one scale for all.
void check_bands(const std::map<std::string, std::map<int, Band>>& bands, const Json& parties) {
  REQUIRE(!bands.empty());
  double per_seat = 0, origin = 0;
  for (const Json& party : parties) {
    const std::string name = party.at("party");
    if (!bands.contains(name)) continue;
    CAPTURE(name);
    const auto& levels = bands.at(name);
    REQUIRE(levels.size() == 5);
    for (const int level : {80, 90, 95, 99}) {
      CAPTURE(level);
      CHECK(levels.at(level).lo == party.at("lo" + std::to_string(level)).get<std::int64_t>());
      CHECK(levels.at(level).hi == party.at("hi" + std::to_string(level)).get<std::int64_t>());
    }
    const std::int64_t median = party.at("median");
    CHECK(levels.at(50).lo <= median);
    CHECK(median <= levels.at(50).hi);
    for (const auto& [narrow, wide] : std::vector<std::pair<int, int>>{{50, 80}, {80, 90}, {90, 95}, {95, 99}}) {
      CHECK(levels.at(wide).lo <= levels.at(narrow).lo);
      CHECK(levels.at(narrow).hi <= levels.at(wide).hi);
    }
    for (const auto& [level, band] : levels) {
      // Seat k spans [k - 0.5, k + 0.5] on one scale: width = cells * per_seat, x = origin + (lo - 0.5) * per_seat.
      const double cells = static_cast<double>(band.hi - band.lo + 1);
      if (per_seat == 0) {
        per_seat = band.width / cells;
        origin = band.x - (static_cast<double>(band.lo) - 0.5) * per_seat;
      }
      CHECK(std::abs(band.width - cells * per_seat) < 0.051);  // the SVG's one decimal
      CHECK(std::abs(band.x - (origin + (static_cast<double>(band.lo) - 0.5) * per_seat)) < 0.051);
    }
  }
}

Json cli_json(const std::vector<std::string>& flags) {
  std::vector<std::string> args{"project", data_set};
  args.insert(args.end(), flags.begin(), flags.end());
  args.insert(args.end(), {"--format", "json"});
  const RunResult run = run_cli(args);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  return Json::parse(run.out);
}

ExplorerResponse post(const Explorer& explorer, const Json& body) {
  return explorer.handle({"POST", "/api/project", {}, "application/json", body.dump(), {}});
}

// The explorer's reply and the command line's JSON: one document, the same numbers. The warnings name the poll
// `polls` where the command line names the file `poll_file`.
void check_same_document(const Json& api, const Json& cli, const std::string& poll_file) {
  for (const std::string key : {"parties", "coalitions", "districts", "histogram", "house_effects", "notes"}) {
    CAPTURE(key);
    CHECK(api.at(key) == cli.at(key));
  }
  std::vector<std::string> warnings;
  for (std::string warning : cli.at("warnings")) {
    if (warning.rfind(poll_file + ":", 0) == 0) warning = "polls" + warning.substr(poll_file.size());
    warnings.push_back(warning);
  }
  CHECK(api.at("warnings") == Json(warnings));
  for (const std::string key : {"seed", "draws", "swing", "swing_model", "effective_sample_size", "coalitions"}) {
    CAPTURE(key);
    CHECK(api.at("meta").at(key) == cli.at("meta").at(key));
  }
}

}  // namespace

TEST_SUITE("projection output") {
  TEST_CASE("fan chart: the bands are the 50 to 99 % intervals of the seat counts, median and base marked") {
    ProjectionResult result;
    result.draws = 20;
    ProjectedParty a;
    a.name = "A & Co";
    a.base_seats = 7;
    a.median = 5;
    a.seat_counts = {0, 0, 1, 2, 3, 5, 4, 2, 2, 1};  // 20 draws over 2..9 seats
    a.intervals = {{{3, 8}, {3, 8}, {2, 9}, {2, 9}}};
    ProjectedParty none;  // no seat in the base or any draw: left out
    none.name = "Nobody";
    none.seat_counts = {20};
    result.parties = {a, none};
    // By hand: P(<=k) = .05 .15 .30 .55 .75 .85 .95 1 for k = 2..9.
    const auto intervals = fan_intervals(a, 20);
    CHECK(intervals[0] == std::pair<std::int64_t, std::int64_t>{4, 6});  // 50 %: 0.25 -> 4, 0.75 -> 6
    CHECK(intervals[1] == std::pair<std::int64_t, std::int64_t>{3, 8});  // 80 %: 0.10 -> 3, 0.90 -> 8
    CHECK(intervals[2] == std::pair<std::int64_t, std::int64_t>{2, 8});  // 90 %: 0.05 -> 2, 0.95 -> 8
    CHECK(intervals[4] == std::pair<std::int64_t, std::int64_t>{2, 9});  // 99 %
    for (std::size_t i = 0; i < fan_levels.size(); ++i) {
      const double tail = (1 - fan_levels[i] / 100.0) / 2;
      CHECK(intervals[i].first == brute_quantile(a.seat_counts, tail));
      CHECK(intervals[i].second == brute_quantile(a.seat_counts, 1 - tail));
    }
    PartyStyles styles;
    styles.order = {"A & Co"};
    styles.styles["A & Co"] = {"#123456", ""};
    const std::string svg = projection_fan_svg(result, styles, "Test <fan>");
    CHECK(svg.find("<title>Test &lt;fan&gt;</title>") != std::string::npos);
    const auto bands = bands_of(svg);
    REQUIRE(bands.size() == 1);
    REQUIRE(bands.contains("A &amp; Co"));
    for (std::size_t i = 0; i < fan_levels.size(); ++i) {
      const Band& band = bands.at("A &amp; Co").at(static_cast<int>(fan_levels[i]));
      CHECK(band.lo == intervals[i].first);
      CHECK(band.hi == intervals[i].second);
    }
    for (const auto& rect : elements(svg, "<rect class=\"band\"")) CHECK(rect.at("fill") == "#123456");
    const auto medians = elements(svg, "<line class=\"median\"");
    REQUIRE(medians.size() == 1);
    CHECK(medians[0].at("data-seats") == "5");
    const auto bases = elements(svg, "<path class=\"base\"");
    REQUIRE(bases.size() == 1);
    CHECK(bases[0].at("data-seats") == "7");
    CHECK(svg.find("1 lists without seats left out") != std::string::npos);
  }

  TEST_CASE("project --chart writes the fan chart of the intervals project prints, and needs draws") {
    TempDir dir;
    const std::string p = dir.write("polls.csv", polls).string(), chart = (dir.path / "fan.svg").string();
    const Json cli = cli_json({"--polls", p, "--draws", "3000", "--seed", "11", "--chart", chart});
    const std::string svg = read_text_file(chart);
    REQUIRE(svg.rfind("<svg", 0) == 0);
    const auto bands = bands_of(svg);
    check_bands(bands, cli.at("parties"));
    // The 50 % band from the histogram the command prints, by brute force.
    std::map<std::string, std::vector<std::uint64_t>> counts;
    for (const Json& row : cli.at("histogram")) {
      auto& party = counts[row.at("party").get<std::string>()];
      party.resize(row.at("seats").get<std::size_t>() + 1);
      party.back() = row.at("count").get<std::uint64_t>();
    }
    for (const auto& [party, levels] : bands) {
      const std::string& party_name = party;  // clang 14: a lambda (CAPTURE) cannot capture a structured binding
      CAPTURE(party_name);
      CHECK(levels.at(50).lo == brute_quantile(counts.at(party), 0.25));
      CHECK(levels.at(50).hi == brute_quantile(counts.at(party), 0.75));
    }
    // The marks: each drawn party's median and base seats as project prints them.
    std::map<std::string, std::pair<std::string, std::string>> printed;  // party -> median, base seats
    for (const Json& row : cli.at("parties"))
      printed[row.at("party")] = {row.at("median").dump(), row.at("base_seats").dump()};
    const auto medians = elements(svg, "<line class=\"median\""), bases = elements(svg, "<path class=\"base\"");
    REQUIRE(medians.size() == bands.size());
    REQUIRE(bases.size() == bands.size());
    for (std::size_t i = 0; i < medians.size(); ++i) {
      CHECK(medians[i].at("data-seats") == printed.at(medians[i].at("data-party")).first);
      CHECK(bases[i].at("data-seats") == printed.at(bases[i].at("data-party")).second);
    }
    // Without draws there are no intervals to draw: exit 2, nothing written.
    const std::string none = (dir.path / "none.svg").string();
    const RunResult point = run_cli({"project", data_set, "--polls", p, "--chart", none});
    CHECK(point.status == 2);
    CHECK(point.err.find("--draws") != std::string::npos);
    CHECK(!fs::exists(none));
  }

  TEST_CASE("project JSON and the explorer's reply are one document with the same numbers and fan chart") {
    TempDir dir;
    const std::string p = dir.write("polls.csv", polls).string(), chart = (dir.path / "fan.svg").string();
    const Json cli = cli_json({"--polls", p, "--draws", "1500", "--seed", "4", "--swing", "proportional", "--coalition",
                               "UR=Unity+Renewal", "--chart", chart});
    const Explorer explorer(data_set);
    const ExplorerResponse response = post(explorer, {{"polls", polls},
                                                      {"draws", 1500},
                                                      {"seed", 4},
                                                      {"swing", "proportional"},
                                                      {"coalition", {"UR=Unity+Renewal"}}});
    REQUIRE_MESSAGE(response.status == 200, response.body);
    const Json api = Json::parse(response.body);
    check_same_document(api, cli, p);
    CHECK(cli.at("warnings").size() >= 1);  // poll R sums to 98: rescaled, said in both
    // The page's fan chart is the command line's: the same bands.
    REQUIRE(api.contains("fan_chart"));
    CHECK(bands_of(api.at("fan_chart").get<std::string>()) == bands_of(read_text_file(chart)));
    // No draws, no fan chart.
    const ExplorerResponse point = post(explorer, {{"polls", polls}});
    REQUIRE(point.status == 200);
    CHECK(!Json::parse(point.body).contains("fan_chart"));
  }

  TEST_CASE("explorer pasted covariance and house effects give the numbers of --covariance and --house-effects") {
    TempDir dir;
    const std::string p = dir.write("polls.csv", polls).string();
    const std::string c = dir.write("cov.csv", covariance).string(), h = dir.write("house.csv", house_effects).string();
    const Json cli =
        cli_json({"--polls", p, "--draws", "2000", "--seed", "9", "--covariance", c, "--house-effects", h});
    const Explorer explorer(data_set);
    const ExplorerResponse response = post(
        explorer,
        {{"polls", polls}, {"draws", 2000}, {"seed", 9}, {"covariance", covariance}, {"house-effects", house_effects}});
    REQUIRE_MESSAGE(response.status == 200, response.body);
    const Json api = Json::parse(response.body);
    check_same_document(api, cli, p);
    // The given effects are what was sent, and the error changed the seats against a run without it.
    REQUIRE(api.at("house_effects").size() == 3);
    for (const Json& effect : api.at("house_effects")) CHECK(effect.at("given") == true);
    const Json plain = cli_json({"--polls", p, "--draws", "2000", "--seed", "9"});
    CHECK(plain.at("parties") != cli.at("parties"));

    // Bad texts: the command line's message, the field as the file.
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"covariance", "party,Unity,Renewal\nUnity,4,1\nRenewal,2,3\n"},  // not symmetric
        {"covariance", "party,Unity\nUnity,x\n"},
        {"house-effects", "pollster,party,points\nP,Unity,lots\n"},
        {"house-effects", "pollster,points\nP,1\n"},
    };
    for (const auto& [field, text] : bad) {
      const std::string& bad_text = text;  // clang 14: a lambda (CAPTURE) cannot capture a structured binding
      CAPTURE(bad_text);
      const std::string file = dir.write(field + ".csv", text).string();
      const RunResult run = run_cli({"project", data_set, "--polls", p, "--" + field, file});
      REQUIRE(run.status == 2);
      const std::string prefix = "seatsim: " + file;
      REQUIRE(run.err.rfind(prefix, 0) == 0);
      const std::string expected = field + run.err.substr(prefix.size(), run.err.size() - prefix.size() - 1);
      const ExplorerResponse refused = post(explorer, {{"polls", polls}, {field, text}});
      CHECK(refused.status == 400);
      CHECK(Json::parse(refused.body).at("error") == expected);
    }
    // A path is text, never opened; the texts are bounded before they are parsed.
    const ExplorerResponse path = post(explorer, {{"polls", polls}, {"covariance", c}});
    CHECK(path.status == 400);
    CHECK(path.body.find("Renewal,-1.5") == std::string::npos);
    CHECK(post(explorer, {{"polls", polls}, {"covariance", std::string(70 * 1024, ' ')}}).status == 422);
    const ExplorerResponse lines = post(explorer, {{"polls", polls}, {"house-effects", std::string(2'001, '\n')}});
    CHECK(lines.status == 422);
    CHECK(lines.body.find("lines") != std::string::npos);
  }

  TEST_CASE("report --polls adds the projection section: source, swing, seat table, coalitions, fan chart") {
    TempDir dir;
    const std::string p = dir.write("polls.csv", polls).string(), out = (dir.path / "report.html").string();
    const std::string chart = (dir.path / "fan.svg").string();
    const RunResult run = run_cli({"report", data_set, "--polls", p, "--swing", "mix:0.5", "--draws", "1000", "--seed",
                                   "2", "--coalition", "UR=Unity+Renewal", "-o", out});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const std::string html = read_text_file(out);
    CHECK(html.find("<section id=\"projection\">") != std::string::npos);
    CHECK(html.find("<a href=\"#projection\">Projection from polls</a>") != std::string::npos);
    CHECK(
        html.find("Polls: " + p + ", 2 polls by 2 pollsters (national), fieldwork ending 2025-07-25 to 2025-08-01.") !=
        std::string::npos);
    CHECK(html.find("Swing model: mix: 0.5 * uniform + (1 - 0.5) * proportional.") != std::string::npos);
    CHECK(html.find("1000 draws, seed 2") != std::string::npos);
    // The same projection as seatsim project: its fan chart's bands and its coalition probability.
    const Json cli = cli_json({"--polls", p, "--swing", "mix:0.5", "--draws", "1000", "--seed", "2", "--coalition",
                               "UR=Unity+Renewal", "--chart", chart});
    const std::size_t section = html.find("<section id=\"projection\">");
    const std::string projection = html.substr(section, html.find("</section>", section) - section);
    check_bands(bands_of(projection), cli.at("parties"));
    CHECK(bands_of(projection) == bands_of(read_text_file(chart)));
    char majority[32];
    std::snprintf(majority, sizeof majority, "<td class=\"number\">%.4f</td>",
                  cli.at("coalitions").at(0).at("p_majority").get<double>());
    CHECK(projection.find(majority) != std::string::npos);
    CHECK(projection.find("Projected seats per party") != std::string::npos);

    // Without --polls there is no such section, and the projection's options alone are refused.
    const RunResult plain = run_cli({"report", data_set, "-o", out});
    REQUIRE(plain.status == 0);
    CHECK(read_text_file(out).find("id=\"projection\"") == std::string::npos);
    const RunResult alone = run_cli({"report", data_set, "--draws", "100", "-o", (dir.path / "no.html").string()});
    CHECK(alone.status == 2);
    CHECK(alone.err.find("--polls") != std::string::npos);
    CHECK(!fs::exists(dir.path / "no.html"));
  }
}
