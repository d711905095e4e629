// `seatsim project` as users and scripts see it: the point projection's district votes and seats
// at --draws 0, byte-identical output whatever --threads, the help, and bad input exiting 2 with
// the file and line and nothing written to -o.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

const char* votes = "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nS,A,2000\nS,B,3500\nS,C,1200\n";
const char* seats = "district,seats\nN,5\nS,4\n";
const char* polls =
    "pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,1000,national,Alpha,40\n"
    "P,2025-08-01,1000,national,B,45\nP,2025-08-01,1000,national,C,15\nR,2025-07-20,600,national,Alpha,44\n"
    "R,2025-07-20,600,national,B,41\nR,2025-07-20,600,national,C,15\n";
const char* mapping = "poll_party,base_party,weight\nAlpha,A,1\n";

}  // namespace

TEST_CASE("project: --draws 0 prints the projected district votes and seats") {
  TempDir dir;
  const std::string v = dir.write("votes.csv", votes).string(), s = dir.write("seats.csv", seats).string();
  const std::string p = dir.write("polls.csv", polls).string(), m = dir.write("map.csv", mapping).string();
  const RunResult r = run_cli({"project", v, "--seats-file", s, "--polls", p, "--mapping", m, "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto rows = csv_records(r.out);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].at("district") == "N");
  std::int64_t north = 0, all_seats = 0;
  for (const auto& row : rows) {
    if (row.at("district") == "N") north += std::stoll(row.at("votes"));
    all_seats += std::stoll(row.at("seats"));
  }
  CHECK(north == 9600);  // the district's turnout is kept
  CHECK(rows[0].count("base_seats") == 1);
  CHECK(all_seats == 9);
  const RunResult json = run_cli({"project", v, "--seats-file", s, "--polls", p, "--mapping", m, "--format", "json",
                                  "--draws", "200", "--coalition", "AB=A+B"});
  REQUIRE_MESSAGE(json.status == 0, json.err);
  const seatsim::Json parsed = seatsim::Json::parse(json.out);
  CHECK(parsed.at("parties").size() == 3);
  CHECK(parsed.at("coalitions").at(0).at("coalition") == "AB");
  CHECK(parsed.at("meta").at("command") == "project");
  CHECK(parsed.at("histogram").size() >= 3);
}

TEST_CASE("project: the same seed gives byte-identical output whatever --threads") {
  TempDir dir;
  const std::string v = dir.write("votes.csv", votes).string(), s = dir.write("seats.csv", seats).string();
  const std::string p = dir.write("polls.csv", polls).string(), m = dir.write("map.csv", mapping).string();
  const std::string c = dir.write("cov.csv", "party,A,B\nA,4,-1\nB,-1,4\n").string();
  std::vector<std::string> outputs;
  for (const std::string threads : {"1", "2"}) {
    const RunResult r = run_cli({"project",   v,         "--seats-file", s,      "--polls",  p,
                                 "--mapping", m,         "--draws",      "3000", "--seed",   "5",
                                 "--threads", threads,   "--covariance", c,      "--noise",  "dirichlet:500",
                                 "--swing",   "mix:0.5", "--coalition",  "A+C",  "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    outputs.push_back(r.out);
  }
  CHECK(outputs[0] == outputs[1]);
  CHECK(outputs[0].find("lo80") != std::string::npos);
}

TEST_CASE("project: --help explains the swing models and the poll file") {
  const RunResult r = run_cli({"project", "--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("proportional  s_j * t_p / b_p") != std::string::npos);
  CHECK(r.out.find("pollster,fieldwork_end,sample_size,area,party,share") != std::string::npos);
}

TEST_CASE("project: bad input exits 2 with the file and line, nothing written to -o") {
  TempDir dir;
  const std::string v = dir.write("votes.csv", votes).string(), s = dir.write("seats.csv", seats).string();
  const std::string m = dir.write("map.csv", mapping).string();
  const std::string head = "pollster,fieldwork_end,sample_size,area,party,share\n";
  const std::string out = (dir.path / "out.csv").string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {head + "P,2025-08-01,1000,national,Alpha,140\n", "polls.csv:2: share '140' is above 100 %"},
      {head + "P,2025-08-01,0,national,Alpha,40\n", "polls.csv:2: sample_size must be at least 1"},
      {head + "P,2025-08-01,10,national,Alpha,40\nP,2025-08-01,10,national,B,40\n", "polls.csv:2: the shares"},
      {head + "P,2025-08-01,10,national,Alpha,50\nP,2025-08-01,10,national,Bee,50\n",
       "polls.csv:3: poll party 'Bee' is neither mapped nor a list of the base election (did you mean 'B'"},
      {head + "P,2025-08-01,10,Nord,Alpha,50\nP,2025-08-01,10,Nord,B,50\n", "polls.csv:2: area 'Nord'"},
  };
  for (const auto& [text, message] : cases) {
    const auto& captured_text = text;  // clang 14 cannot capture a structured binding
    CAPTURE(captured_text);
    const std::string p = dir.write("polls.csv", text).string();
    const RunResult r = run_cli({"project", v, "--seats-file", s, "--polls", p, "--mapping", m, "-o", out});
    CHECK(r.status == 2);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK_FALSE(fs::exists(out));
  }
  const std::string p = dir.write("polls.csv", polls).string();
  const std::string bad_map =
      dir.write("bad.csv", "poll_party,base_party,weight\nAlpha,A,0.5\nAlpha,B,0.25\n").string();
  const RunResult r = run_cli({"project", v, "--seats-file", s, "--polls", p, "--mapping", bad_map});
  CHECK(r.status == 2);
  CHECK(r.err.find("bad.csv:2: the weights of poll party 'Alpha' sum to 0.75, not 1") != std::string::npos);
  const RunResult swing = run_cli({"project", v, "--seats-file", s, "--polls", p, "--mapping", m, "--swing", "mix:2"});
  CHECK(swing.status == 2);
  CHECK(swing.err.find("--swing 'mix:2'") != std::string::npos);
}

TEST_CASE("project: a ROPF file gives the same projection as the same polls in CSV") {
  TempDir dir;
  const std::string v = dir.write("votes.csv", votes).string(), s = dir.write("seats.csv", seats).string();
  const std::string m = dir.write("map.csv", mapping).string();
  const std::string csv = dir.write("polls.csv", polls).string();
  const std::string ropf =
      dir.write("polls.ropf",
                "•PF: P •FE: 2025-08-01 •SC: N •SS: 1000 A:40 B:45 C:15\n"
                "•PF: R •FE: 2025-07-20 •SS: 600 A:44 B:41 C:15\n\nA: •A: Alpha •EN: Alpha Party\n")
          .string();
  std::vector<std::string> outputs;
  for (const std::string& file : {csv, ropf}) {
    const RunResult r = run_cli({"project", v, "--seats-file", s, "--polls", file, "--mapping", m, "--draws", "500",
                                 "--seed", "3", "--view", "parties", "--format", "csv"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    outputs.push_back(r.out);
  }
  CHECK(outputs[0] == outputs[1]);
}
