// The explorer's projection from polls (/api/project, issue 23 capability 5): a poll and a mapping sent as
// text give the same numbers as `seatsim project` on the same files and seed (CSV and ROPF); bad input is a 400
// with the command line's message, the field named as the file; no parameter reaches the file system; the draws
// and the texts are bounded; the page has the form.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "seatsim/core/json.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

const std::string data_set = (source_dir() / "tests/data/synthetic-reserved").string();

const std::string head = "pollster,fieldwork_end,sample_size,area,party,share\n";
// Two pollsters; the second poll sums to 98 (rescaled with a warning). Unpolled lists keep their base share.
const std::string polls = head +
                          "P,2025-08-01,1000,national,U,36\nP,2025-08-01,1000,national,Renewal,33\n"
                          "P,2025-08-01,1000,national,Greens,13\nP,2025-08-01,1000,national,Workers,9\n"
                          "P,2025-08-01,1000,national,Liberals,5\nP,2025-08-01,1000,national,Farmers,4\n"
                          "R,2025-07-25,700,national,U,38\nR,2025-07-25,700,national,Renewal,31\n"
                          "R,2025-07-25,700,national,Greens,12\nR,2025-07-25,700,national,Workers,8\n"
                          "R,2025-07-25,700,national,Liberals,5\nR,2025-07-25,700,national,Farmers,4\n";
const std::string mapping = "poll_party,base_party,weight\nU,Unity,1\n";
const std::string ropf =
    "•PF: P •FE: 2025-08-01 •SC: N •SS: 1000 U:36 RE:33 G:13 W:9 L:5 F:4\n"
    "•PF: R •FE: 2025-07-25 •SS: 700 U:38 RE:31 G:12 W:8 L:5 F:4\n\n"
    "RE: •A: Renewal\nG: •A: Greens\nW: •A: Workers\nL: •A: Liberals\nF: •A: Farmers\n";

ExplorerResponse post(const Explorer& explorer, const Json& body, const std::string& path = "/api/project") {
  return explorer.handle({"POST", path, {}, "application/json", body.dump(), {}});
}

Json cli_project(const std::vector<std::string>& flags) {
  std::vector<std::string> args{"project", data_set};
  args.insert(args.end(), flags.begin(), flags.end());
  args.insert(args.end(), {"--format", "json"});
  const RunResult run = run_cli(args);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  return Json::parse(run.out);
}

void check_same_numbers(const Json& api, const Json& cli) {
  for (const char* key : {"parties", "coalitions", "districts", "histogram", "house_effects"}) {
    CAPTURE(key);
    CHECK(api.at(key) == cli.at(key));
  }
  CHECK(api.at("meta").at("seed") == cli.at("meta").at("seed"));
  CHECK(api.at("meta").at("draws") == cli.at("meta").at("draws"));
}

}  // namespace

TEST_SUITE("explorer projection") {
  TEST_CASE("explorer /api/project gives the numbers of seatsim project for the same polls and seed") {
    const Explorer explorer(data_set);
    TempDir dir;
    const std::string p = dir.write("polls.csv", polls).string(), m = dir.write("map.csv", mapping).string();
    const Json body = {{"polls", polls}, {"mapping", mapping}, {"swing", "mix:0.5"},
                       {"draws", 2000},  {"seed", 7},          {"coalition", {"UR=Unity+Renewal", "Renewal+Greens"}}};
    const ExplorerResponse response = post(explorer, body);
    REQUIRE_MESSAGE(response.status == 200, response.body);
    const Json api = Json::parse(response.body);
    const Json cli = cli_project({"--polls", p, "--mapping", m, "--swing", "mix:0.5", "--draws", "2000", "--seed", "7",
                                  "--coalition", "UR=Unity+Renewal", "--coalition", "Renewal+Greens"});
    check_same_numbers(api, cli);
    // The intervals are there, and the coalitions' majority probabilities.
    const Json& unity = api.at("parties").at(0);
    CHECK(unity.at("party") == "Unity");
    for (const char* column : {"mean", "median", "lo80", "hi80", "lo90", "hi90", "lo95", "hi95"})
      CHECK(unity.contains(column));
    CHECK(api.at("coalitions").size() == 2);
    CHECK(api.at("coalitions").at(0).contains("p_majority"));
    CHECK(api.at("meta").at("command") == "project");
    CHECK(api.at("warnings").size() >= 1);  // poll R sums to 98: rescaled

    // Proportional swing, form body, no draws: the point projection.
    const std::string form =
        "polls=" + std::string("pollster%2Cfieldwork_end%2Csample_size%2Carea%2Cparty%2Cshare%0A") +
        "P%2C2025-08-01%2C1000%2Cnational%2CUnity%2C40%0AP%2C2025-08-01%2C1000%2Cnational%2C"
        "Renewal%2C60%0A&swing=proportional";
    const ExplorerResponse point =
        explorer.handle({"POST", "/api/project", {}, "application/x-www-form-urlencoded", form, {}});
    REQUIRE_MESSAGE(point.status == 200, point.body);
    const std::string q = dir.write("two.csv", head +
                                                   "P,2025-08-01,1000,national,Unity,40\n"
                                                   "P,2025-08-01,1000,national,Renewal,60\n")
                              .string();
    check_same_numbers(Json::parse(point.body), cli_project({"--polls", q, "--swing", "proportional"}));
  }

  TEST_CASE("explorer /api/project reads ROPF text as seatsim project reads a .ropf file") {
    const Explorer explorer(data_set);
    TempDir dir;
    const std::string r = dir.write("polls.ropf", ropf).string(), m = dir.write("map.csv", mapping).string();
    const ExplorerResponse response =
        post(explorer, {{"polls", ropf}, {"mapping", mapping}, {"draws", 500}, {"seed", 3}});
    REQUIRE_MESSAGE(response.status == 200, response.body);
    const Json api = Json::parse(response.body);
    check_same_numbers(api, cli_project({"--polls", r, "--mapping", m, "--draws", "500", "--seed", "3"}));
    // The same polls as CSV give the same seats.
    const ExplorerResponse csv = post(explorer, {{"polls", polls}, {"mapping", mapping}, {"draws", 500}, {"seed", 3}});
    REQUIRE(csv.status == 200);
    CHECK(Json::parse(csv.body).at("parties") == api.at("parties"));
  }

  TEST_CASE("explorer /api/project: bad input is a 400 with the command line's message, the field as the file") {
    const Explorer explorer(data_set);
    TempDir dir;
    const std::string m = dir.write("map.csv", mapping).string();
    const std::vector<std::string> bad_polls = {
        head + "P,2025-08-01,1000,national,U,140\n",
        head + "P,2025-08-01,0,national,U,40\n",
        head + "P,2025-08-01,10,national,U,50\nP,2025-08-01,10,national,Renewl,50\n",
        head + "P,2025-08-01,10,Nord,U,50\nP,2025-08-01,10,Nord,Renewal,50\n",
        "pollster,party,share\nP,U,50\n",
    };
    for (const std::string& text : bad_polls) {
      CAPTURE(text);
      const std::string p = dir.write("polls.csv", text).string();
      const RunResult cli = run_cli({"project", data_set, "--polls", p, "--mapping", m});
      REQUIRE(cli.status == 2);
      // "seatsim: /tmp/.../polls.csv:3: message\n" -> "polls:3: message"
      const std::string prefix = "seatsim: " + p;
      REQUIRE(cli.err.rfind(prefix, 0) == 0);
      const std::string expected = "polls" + cli.err.substr(prefix.size(), cli.err.size() - prefix.size() - 1);
      const ExplorerResponse response = post(explorer, {{"polls", text}, {"mapping", mapping}});
      CHECK(response.status == 400);
      CHECK(Json::parse(response.body).at("error") == expected);
    }
    const ExplorerResponse bad_map =
        post(explorer, {{"polls", polls}, {"mapping", "poll_party,base_party,weight\nU,Unity,0.5\n"}});
    CHECK(bad_map.status == 400);
    CHECK(Json::parse(bad_map.body).at("error").get<std::string>().rfind("mapping:2: ", 0) == 0);
    const ExplorerResponse swing = post(explorer, {{"polls", polls}, {"mapping", mapping}, {"swing", "mix:2"}});
    CHECK(swing.status == 400);
    CHECK(Json::parse(swing.body).at("error").get<std::string>().find("'mix:2'") != std::string::npos);
    CHECK(post(explorer, {{"mapping", mapping}}).status == 400);  // no poll
    CHECK(post(explorer, {{"polls", polls}, {"mapping", mapping}, {"method", "nonsense"}}).status == 400);
    CHECK(post(explorer, {{"polls", polls}, {"mapping", mapping}, {"nonsense", "1"}}).status == 400);
    CHECK(post(explorer, {{"polls", polls}, {"mapping", mapping}, {"draws", "many"}}).status == 400);
    CHECK(explorer.handle({"GET", "/api/project", {{"polls", polls}}, "", "", {}}).status == 405);
  }

  TEST_CASE("explorer /api/project reads no file a request names, and its work is bounded") {
    ExplorerLimits limits;
    limits.max_draws = 1'000;
    const Explorer explorer(data_set, limits);
    TempDir dir;
    const std::string p = dir.write("polls.csv", polls).string();
    // Path-like parameters are refused, whether the file exists or not, and never quoted.
    // (`covariance` and `house-effects` take texts: tests/test_projection_output.cpp sends them a path.)
    for (const char* key : {"polls-file", "mapping_file", "polls-path", "covariance-file", "house-effects-path", "file",
                            "party-thresholds", "seat-bounds"}) {
      const std::string parameter = key;  // doctest shows a const char* as a pointer
      CAPTURE(parameter);
      for (const std::string& value : {p, std::string("/no/such/file.csv")}) {
        const ExplorerResponse response = post(explorer, {{"polls", polls}, {"mapping", mapping}, {key, value}});
        CHECK(response.status == 400);
        CHECK(response.body.find("file") != std::string::npos);
        CHECK(response.body.find(value) == std::string::npos);
        INFO(response.body);
      }
    }
    // A path sent as the poll is text: a CSV without the poll's columns, not a file read.
    const ExplorerResponse as_path = post(explorer, {{"polls", p}});
    CHECK(as_path.status == 400);
    CHECK(as_path.body.find("Renewal") == std::string::npos);
    CHECK(Json::parse(as_path.body).at("error").get<std::string>().rfind("polls:1: ", 0) == 0);

    const ExplorerResponse draws = post(explorer, {{"polls", polls}, {"mapping", mapping}, {"draws", 1'001}});
    CHECK(draws.status == 422);
    CHECK(draws.body.find("--max-draws") != std::string::npos);
    CHECK(post(explorer, {{"polls", polls}, {"mapping", mapping}, {"draws", 1'000}, {"threads", 64}}).status == 200);
    const ExplorerResponse rows = post(explorer, {{"polls", head + std::string(5'001, '\n')}});
    CHECK(rows.status == 422);
    CHECK(rows.body.find("lines") != std::string::npos);
    const ExplorerResponse bytes = post(explorer, {{"polls", head + std::string(140 * 1024, ' ')}});
    CHECK(bytes.status == 422);
    CHECK(bytes.body.find("bytes") != std::string::npos);
    CHECK(Json::parse(explorer.handle({"GET", "/api/info", {}, "", "", {}}).body).at("max_draws") == 1'000);

    // A new list (new:NAME) stands in every district: counted against --max-lists before any draw.
    const std::string new_party = head +
                                  "P,2025-08-01,1000,national,U,36\nP,2025-08-01,1000,national,Renewal,33\n"
                                  "P,2025-08-01,1000,national,Greens,13\nP,2025-08-01,1000,national,Workers,9\n"
                                  "P,2025-08-01,1000,national,Liberals,5\nP,2025-08-01,1000,national,NewP,4\n";
    const std::string new_mapping = mapping + "NewP,new:New Party,1\n";
    const ExplorerResponse added = post(explorer, {{"polls", new_party}, {"mapping", new_mapping}, {"draws", 100}});
    REQUIRE_MESSAGE(added.status == 200, added.body);
    CHECK(added.body.find("\"New Party\"") != std::string::npos);
    ExplorerLimits few_lists;
    few_lists.max_lists = 20;  // the data set has 19 lists; the new one adds 3
    const ExplorerResponse too_many =
        post(Explorer(data_set, few_lists), {{"polls", new_party}, {"mapping", new_mapping}, {"draws", 100}});
    CHECK(too_many.status == 422);
    CHECK(too_many.body.find("--max-lists") != std::string::npos);

    ExplorerLimits quick;
    quick.max_time = std::chrono::milliseconds(1);
    const Explorer hurried(data_set, quick);
    const ExplorerResponse slow = post(hurried, {{"polls", polls}, {"mapping", mapping}, {"draws", 20'000}});
    CHECK(slow.status == 422);
    CHECK(slow.body.find("--max-time") != std::string::npos);
  }

  TEST_CASE("explorer page has the poll form and its results table") {
    const Explorer explorer(data_set);
    const ExplorerResponse page = explorer.handle({"GET", "/", {}, "", "", {}});
    REQUIRE(page.status == 200);
    for (const char* id : {"id=\"project-form\"", "id=\"project-polls\"", "id=\"project-polls-file\"",
                           "id=\"project-mapping\"", "id=\"project-swing\"", "id=\"project-draws\"",
                           "id=\"project-seed\"", "id=\"project-coalitions\"", "id=\"project-results\""}) {
      CAPTURE(id);
      CHECK(page.body.find(id) != std::string::npos);
    }
    const ExplorerResponse script = explorer.handle({"GET", "/explorer.js", {}, "", "", {}});
    REQUIRE(script.status == 200);
    CHECK(script.body.find("/api/project") != std::string::npos);
  }
}
