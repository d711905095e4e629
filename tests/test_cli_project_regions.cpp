// `seatsim project` with regions, a regional error, a new list's pattern and turnout scaled: a
// regional poll and the flags as users see them, the same bytes whatever --threads with a regional
// covariance, and bad files exiting 2 with the file and line, nothing written to -o.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace seatsim::test;

namespace {

const char* votes = "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nS,A,2000\nS,B,3500\nS,C,1200\n";
const char* seats = "district,seats\nN,5\nS,4\n";
const char* regions = "district,region\nN,Upper\nS,Lower\n";
const char* polls =
    "pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,1000,national,A,40\n"
    "P,2025-08-01,1000,national,B,45\nP,2025-08-01,1000,national,C,15\nQ,2025-08-01,500,Upper,A,60\n"
    "Q,2025-08-01,500,Upper,B,30\nQ,2025-08-01,500,Upper,C,10\n";

}  // namespace

TEST_CASE("project: a regional poll swings its region, turnout scaled, pattern and regional error flags") {
  TempDir dir;
  const std::string v = dir.write("votes.csv", votes).string(), s = dir.write("seats.csv", seats).string();
  const std::string r = dir.write("regions.csv", regions).string(), p = dir.write("polls.csv", polls).string();
  const RunResult point = run_cli(
      {"project", v, "--seats-file", s, "--polls", p, "--regions", r, "--turnout", "scale:1.5", "--format", "csv"});
  REQUIRE(point.status == 0);
  // Upper (= N, its base 53.125 / 31.25 / 15.625 %) takes its own poll: 60/30/10 of 9600 * 1.5 = 14400.
  CHECK(point.out.find("N,A,5100,8640,") != std::string::npos);
  CHECK(point.out.find("N,B,3000,4320,") != std::string::npos);
  CHECK(point.out.find("N,C,1500,1440,") != std::string::npos);
  // JSON's meta says which of the optional parts shaped the projection.
  const RunResult json = run_cli(
      {"project", v, "--seats-file", s, "--polls", p, "--regions", r, "--turnout", "scale:1.5", "--format", "json"});
  REQUIRE(json.status == 0);
  CHECK(json.out.find("\"regions\": \"" + r + "\"") != std::string::npos);
  CHECK(json.out.find("\"turnout\": ") != std::string::npos);
  CHECK(json.out.find("\"new_party_pattern\"") == std::string::npos);

  const std::string cov = dir.write("cov.csv", "party,A,B\nA,4,-1\nB,-1,4\n").string();
  const std::vector<std::string> args = {
      "project", v,         "--seats-file", s,        "--polls", p,          "--regions", r, "--regional-covariance",
      cov,       "--draws", "500",          "--seed", "9",       "--format", "csv"};
  std::vector<std::string> one = args, two = args;
  one.insert(one.end(), {"--threads", "1"});
  two.insert(two.end(), {"--threads", "2"});
  const RunResult a = run_cli(one), b = run_cli(two);
  REQUIRE(a.status == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("project: bad regions, pattern, regional covariance or turnout exit 2 with the file and line") {
  TempDir dir;
  const std::string v = dir.write("votes.csv", votes).string(), s = dir.write("seats.csv", seats).string();
  const std::string p = dir.write("polls.csv", polls).string(), out = (dir.path / "out.csv").string();
  const std::string good = dir.write("regions.csv", regions).string();
  const std::string bad_regions = dir.write("bad_regions.csv", "district,region\nN,Upper\nSouth,Lower\n").string();
  const std::string bad_pattern = dir.write("pattern.csv", "party,district,weight\nZ,N,1\n").string();
  const std::string cov = dir.write("cov.csv", "party,A\nA,1\n").string();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--regions", bad_regions}, "bad_regions.csv:3: no district 'South' in the base election"},
      {{"--regions", good, "--new-party-pattern", bad_pattern}, "pattern.csv:2: 'Z' is not a new list"},
      {{"--regional-covariance", cov, "--draws", "10"}, "cov.csv:1: a regional error needs regions"},
      {{"--regions", good, "--turnout", "scale:-1"}, "--turnout 'scale:-1'"},
  };
  for (const auto& [flags, message] : cases) {
    const auto& captured_message = message;  // clang 14 cannot capture a structured binding
    CAPTURE(captured_message);
    std::vector<std::string> command = {"project", v, "--seats-file", s, "--polls", p, "-o", out};
    command.insert(command.end(), flags.begin(), flags.end());
    const RunResult r = run_cli(command);
    CHECK(r.status == 2);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
}
