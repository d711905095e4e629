// `seatsim simulate` and `seatsim margins` as users and scripts see them: byte-identical output
// across --threads, formats and views, the progress bar's silence off a terminal, and the exit
// code 2 with one line for bad input, nothing written to -o.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

std::string dataset() { return (source_dir() / "tests/data/synthetic-reserved").string(); }

}  // namespace

TEST_CASE("simulate: the same seed gives byte-identical output whatever --threads") {
  for (const std::string noise : {"dirichlet:500", "multinomial", "swing:1.5"}) {
    for (const std::string format : {"csv", "json"}) {
      CAPTURE(noise);
      std::vector<std::string> outputs;
      for (const std::string threads : {"1", "2", "5"}) {
        const RunResult r = run_cli({"simulate", dataset(), "--draws", "700", "--noise", noise, "--seed", "12",
                                     "--threads", threads, "--coalition", "Unity+Greens", "--format", format});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        CHECK(r.err.empty());  // no progress bar when stderr is not a terminal
        outputs.push_back(r.out);
      }
      CHECK(outputs[0] == outputs[1]);
      CHECK(outputs[0] == outputs[2]);
    }
  }
}

TEST_CASE("simulate: the long CSV histogram, the views and JSON content") {
  const std::vector<std::string> base = {"simulate",      dataset(), "--draws", "400",         "--noise",
                                         "dirichlet:300", "--seed",  "3",       "--coalition", "Unity+Renewal"};
  const auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = run_cli(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return r.out;
  };
  const std::string histogram = with({"--format", "csv", "--view", "histogram"});
  CHECK(histogram.rfind("level,district,party,seats,count,probability,at_least\n", 0) == 0);
  const auto rows = csv_records(histogram);
  std::map<std::string, long> national_draws;
  bool coalition = false, district = false;
  for (const auto& row : rows) {
    if (row.at("level") == "national") national_draws[row.at("party")] += std::stol(row.at("count"));
    coalition = coalition || (row.at("level") == "coalition" && row.at("party") == "Unity+Renewal");
    district = district || (row.at("level") == "district" && row.at("district") == "Capital");
  }
  CHECK(coalition);
  CHECK(district);
  for (const auto& [party, draws] : national_draws) CHECK(draws == 400);

  CHECK(with({"--format", "csv", "--view", "summary"}).rfind("party,seats,mean,sd,q05,q50,q95,p_majority\n", 0) == 0);
  CHECK(
      with({"--format", "csv", "--view", "coalitions"}).rfind("coalition,seats,mean,sd,q05,q50,q95,p_majority\n", 0) ==
      0);
  CHECK(
      with({"--format", "csv", "--view", "districts"}).rfind("district,party,seats,count,probability,at_least\n", 0) ==
      0);
  const std::string table = with({"--format", "table"});
  CHECK(table.find("p_majority") != std::string::npos);
  CHECK(table.find("Unity+Renewal") != std::string::npos);
  CHECK(table.find("draws: 400") != std::string::npos);

  const seatsim::Json json = seatsim::Json::parse(with({"--format", "json"}));
  CHECK(json["meta"]["seed"] == 3);
  CHECK(json["meta"]["draws"] == 400);
  CHECK(json["meta"]["noise"] == "dirichlet:300");
  CHECK(json["meta"]["rule"]["threshold"] == "4%");
  CHECK(json["summary"].size() == 9);
  CHECK(json["coalitions"][0]["coalition"] == "Unity+Renewal");
  CHECK(json["histogram"].size() == rows.size());
}

TEST_CASE("simulate and margins read a votes file with rule flags as well as a data set") {
  const std::string votes = "district,party,votes\nX,A,5000\nX,B,3000\nX,C,1200\n";
  const RunResult sim = run_cli({"simulate", "-", "--seats", "5", "--draws", "50", "--noise", "multinomial", "--method",
                                 "dhondt", "--format", "csv", "--view", "summary"},
                                votes);
  CHECK(sim.status == 0);
  CHECK(sim.out.find("\nA,3,") != std::string::npos);
  const RunResult margins = run_cli({"margins", "-", "--seats", "5", "--method", "dhondt", "--format", "csv"}, votes);
  CHECK(margins.status == 0);
  CHECK(margins.out.rfind("district,party,votes,seats,votes_to_gain,votes_to_lose,gain_from,lose_to,gain_at_lot,"
                          "lose_at_lot\n",
                          0) == 0);
}

TEST_CASE("simulate: bad input is one line on stderr, exit 2, nothing written to -o") {
  TempDir tmp;
  const fs::path out = tmp.path / "out.csv";
  const std::vector<std::vector<std::string>> cases = {
      {"--draws", "0", "--noise", "multinomial"},
      {"--draws", "10", "--noise", "swing:-2"},
      {"--draws", "10", "--noise", "dirichlet:0"},
      {"--draws", "10", "--noise", "dirichlet:-1"},
      {"--draws", "10", "--noise", "gauss:1"},
      {"--draws", "10", "--noise", "multinomial", "--coalition", "Unity+Nobody"},
      {"--draws", "-5", "--noise", "multinomial"},
  };
  for (const auto& extra : cases) {
    std::vector<std::string> args = {"simulate", dataset(), "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = run_cli(args);
    CAPTURE(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.rfind("seatsim: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(!fs::exists(out));
  }
}

TEST_CASE("margins: columns, views and JSON") {
  const RunResult r = run_cli({"margins", dataset(), "--format", "csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto rows = csv_records(r.out);
  REQUIRE(rows.size() == 19);
  CHECK(rows[5].at("party") == "Christian League");
  CHECK(rows[5].at("votes_to_gain").empty());  // a reserved list holds at most its group's seat
  // 3100 against 2875: at 225 votes apart the two lists tie on votes and the lot decides, so the
  // margins that hold whatever the lot draws are one vote either side of it.
  CHECK(rows[5].at("votes_to_lose") == "224");
  CHECK(rows[5].at("lose_at_lot") == "225");
  CHECK(rows[5].at("lose_to") == "Christian Union");
  CHECK(rows[6].at("votes_to_gain") == "226");
  CHECK(rows[6].at("gain_at_lot") == "225");
  CHECK(rows[4].at("votes_to_lose").empty());  // no seats
  const RunResult ranking = run_cli({"margins", dataset(), "--format", "csv", "--view", "ranking"});
  CHECK(ranking.out.rfind("rank,district,party,seats,margin,holder_loss,lose_to,challenger,challenger_gain\n1,North,"
                          "Christian League,1,225,",
                          0) == 0);
  const RunResult closest = run_cli({"margins", dataset(), "--format", "csv", "--view", "closest"});
  CHECK(csv_records(closest.out).size() == 3);
  const seatsim::Json json = seatsim::Json::parse(run_cli({"margins", dataset(), "--format", "json"}).out);
  CHECK(json["results"].size() == 19);
  CHECK(json["closest"].size() == 3);
  CHECK(json["ranking"][0]["margin"] == 225);
  CHECK(json["results"][4]["votes_to_lose"].is_null());
}

TEST_CASE("margins and simulate take a scenario file: its operations and [rule] over its base, flags over both") {
  const std::string iraq = (source_dir() / "scenarios/iraq-2013").string();
  const std::string what_if = (source_dir() / "scenarios/iraq-2013/what-if").string();
  // A [rule] scenario (first divisor 1.7) gives what the data set gives with the flag.
  const auto csv_of = [](const std::vector<std::string>& args) {
    const RunResult r = run_cli(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return r.out;
  };
  CHECK(csv_of({"margins", what_if + "/first-divisor-1.7.toml", "--format", "csv"}) ==
        csv_of({"margins", iraq, "--first-divisor", "1.7", "--format", "csv"}));
  const std::vector<std::string> draws = {"--draws", "300", "--noise",  "dirichlet:800",
                                          "--seed",  "2",   "--format", "csv"};
  std::vector<std::string> scenario_args = {"simulate", what_if + "/first-divisor-1.7.toml"};
  std::vector<std::string> dataset_args = {"simulate", iraq, "--first-divisor", "1.7"};
  scenario_args.insert(scenario_args.end(), draws.begin(), draws.end());
  dataset_args.insert(dataset_args.end(), draws.begin(), draws.end());
  CHECK(csv_of(scenario_args) == csv_of(dataset_args));
  // A vote operation: a fifth of State of Law's 292,658 Basra votes stay home.
  bool found = false;
  for (const auto& row : csv_records(csv_of({"margins", what_if + "/differential-turnout-basra.toml", "-f", "csv"})))
    if (row.at("district") == "Basra Governorate" && row.at("party") == "State of Law Coalition") {
      found = true;
      CHECK(row.at("votes") == "234126");
    }
  CHECK(found);
  // Flags override the scenario's rule; a sweep or seat flags are errors.
  const RunResult flagged =
      run_cli({"margins", what_if + "/first-divisor-1.7.toml", "--first-divisor", "1", "-f", "csv"});
  CHECK(flagged.out == csv_of({"margins", iraq, "--format", "csv"}));
  const RunResult sweep = run_cli({"margins", what_if + "/first-divisor-sweep.toml"});
  CHECK(sweep.status == 2);
  CHECK(sweep.err.find("without a sweep") != std::string::npos);
  const RunResult seats = run_cli(
      {"simulate", what_if + "/first-divisor-1.7.toml", "--draws", "5", "--noise", "multinomial", "--seats", "5"});
  CHECK(seats.status == 2);
}

TEST_CASE("margins: A 100, B 99, D'Hondt, 3 seats: --seed 0 and --seed 3 give the same votes_to_gain") {
  const std::string votes = "party,votes\nA,100\nB,99\n";
  std::vector<std::string> outputs;
  for (const std::string seed : {"0", "3"}) {
    const RunResult margins =
        run_cli({"margins", "-", "--seats", "3", "--method", "dhondt", "--seed", seed, "--format", "csv"}, votes);
    REQUIRE(margins.status == 0);
    const auto rows = csv_records(margins.out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].at("votes_to_gain") == "2");  // 101/2 = 50.5 beats A's 50 whatever the lot
    CHECK(rows[1].at("gain_at_lot") == "1");    // at 100 the lot of more-votes decides
    CHECK(rows[0].at("votes_to_lose") == "0");
    CHECK(rows[0].at("lose_at_lot") == "1");
    outputs.push_back(margins.out);
  }
  CHECK(outputs[0] == outputs[1]);
  // The lot itself does differ between the two seeds (B with 100 votes).
  const std::string tied = "party,votes\nA,100\nB,100\n";
  const RunResult seed0 =
      run_cli({"allocate", "-", "--seats", "3", "-m", "dhondt", "--seed", "0", "--format", "csv"}, tied);
  const RunResult seed3 =
      run_cli({"allocate", "-", "--seats", "3", "-m", "dhondt", "--seed", "3", "--format", "csv"}, tied);
  CHECK(seed0.out != seed3.out);
}
