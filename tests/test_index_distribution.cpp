// The disproportionality indices over Monte Carlo draws (index_distribution.hpp): the summary's
// arithmetic on known values, the tallies against each draw allocated and measured by hand (the
// batched kernel and whole-election draws under leveling seats), their independence from threads
// and from how the draws are split, and `simulate --view indices` from the command line.
#include <doctest/doctest.h>

#include "district_of.hpp"
#include "seatsim/analysis/index_distribution.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/analysis/noise_model.hpp"
#include "seatsim/analysis/random_stream.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

Election three_districts() { return three_leveling_districts(); }

Rule rule_with(bool leveling) {
  RuleSettings settings;
  settings.method = "sainte-lague";
  settings.first_divisor = "1.4";
  if (leveling) {
    settings.leveling_seats = "3";
    settings.leveling_threshold = "4%";
  }
  return settings.build();
}

// The tallies a simulation must give: each draw's votes from the same random streams, the drawn
// election allocated whole and measured by election_indices.
IndexDistributions by_hand(const Simulation& simulation, std::uint64_t draws) {
  const Election& election = simulation.election();
  std::vector<DistrictNoise> noise;
  for (const District& district : election.districts) {
    std::vector<std::int64_t> cast;
    for (const ListResult& list : district.lists) cast.push_back(list.votes);
    noise.emplace_back(simulation.noise(), cast);
  }
  IndexDistributions hand;
  for (std::uint64_t draw = 0; draw < draws; ++draw) {
    Election drawn = election;
    for (std::size_t d = 0; d < drawn.districts.size(); ++d) {
      RandomStream random(simulation.seed(), draw, d);
      std::vector<std::int64_t> votes(drawn.districts[d].lists.size());
      noise[d].draw({}, random, votes);
      for (std::size_t j = 0; j < votes.size(); ++j) drawn.districts[d].lists[j].votes = votes[j];
    }
    std::vector<Indices> values;
    for (const IndexRow& row : election_indices(drawn, outcome_seats(allocate(drawn, simulation.rule()))))
      values.push_back(row.values);
    hand.add(values);
  }
  return hand;
}

void check_same(const IndexDistributions& a, const IndexDistributions& b) {
  REQUIRE(a.levels.size() == b.levels.size());
  for (std::size_t level = 0; level < a.levels.size(); ++level)
    for (std::size_t index = 0; index < index_names.size(); ++index) {
      CAPTURE(level);
      CAPTURE(index_names[index]);
      const IndexTally& x = a.levels[level][index];
      const IndexTally& y = b.levels[level][index];
      CHECK(x.draws == y.draws);
      CHECK(static_cast<bool>(x.sum == y.sum));
      CHECK(static_cast<bool>(x.squares == y.squares));
      CHECK(x.thousandths == y.thousandths);
    }
}

}  // namespace

TEST_SUITE("index distribution") {
  TEST_CASE("summary of 1, 2, 3, 4: mean 2.5, sd √1.25, quantiles of the values rounded to 0.001") {
    IndexTally tally;
    for (const std::int64_t micro : {4'000'000, 1'000'000, 3'000'000, 2'000'000}) tally.add(micro);
    const IndexSummary summary = summarize(tally);
    CHECK(summary.draws == 4);
    CHECK(summary.mean == 2'500'000);
    CHECK(summary.sd == 1'118'034);  // √1.25 = 1.1180339887…
    CHECK(summary.q05 == 1'000'000);
    CHECK(summary.q50 == 2'000'000);
    CHECK(summary.q95 == 4'000'000);
    IndexTally rounding;
    rounding.add(1'000'499);  // 1.000499 → 1.000
    rounding.add(1'000'500);  // 1.0005 → 1.001 (halves up)
    CHECK(rounding.thousandths == std::map<std::int64_t, std::uint64_t>{{1000, 1}, {1001, 1}});
    CHECK(summarize(rounding).mean == 1'000'500);  // exact values, not the rounded ones
    CHECK(!summarize(IndexTally{}).mean);
  }

  TEST_CASE("the tallies match every draw allocated and measured by hand, threads and splits change nothing") {
    for (const bool leveling : {false, true}) {
      CAPTURE(leveling);
      Simulation simulation(three_districts(), rule_with(leveling), NoiseModel::parse("dirichlet:300"), 9);
      const SimulationCounts untracked = simulation.run(0, 600, 2);
      CHECK(untracked.indices.levels.empty());  // the default path measures nothing
      simulation.track_indices();
      CHECK(simulation.whole_election_draws() == leveling);
      const SimulationCounts one = simulation.run(0, 600, 1);
      CHECK(one.bins == untracked.bins);
      REQUIRE(one.indices.levels.size() == 4);  // three districts and the nation
      CHECK(one.indices.levels[3][0].draws == 600);
      check_same(one.indices, by_hand(simulation, 600));
      SimulationCounts split = simulation.run(0, 257, 3);
      split.add(simulation.run(257, 600, 2));
      check_same(split.indices, one.indices);
    }
  }

  TEST_CASE("with no noise (swing:0) every draw's indices are those of the votes as cast") {
    const Election election = three_districts();
    const Rule rule = rule_with(false);
    Simulation simulation(election, rule, NoiseModel::parse("swing:0"), 1);
    simulation.track_indices();
    const SimulationCounts counts = simulation.run(0, 100, 2);
    const std::vector<IndexRow> cast = election_indices(election, outcome_seats(allocate(election, rule)));
    for (std::size_t level = 0; level < cast.size(); ++level)
      for (std::size_t index = 0; index < index_names.size(); ++index) {
        const IndexSummary summary = summarize(counts.indices.levels[level][index]);
        CHECK(summary.mean == cast[level].values.micro[index]);
        CHECK(summary.sd == 0);
        CHECK(summary.q50 == (*cast[level].values.micro[index] + 500) / 1000 * 1000);
      }
  }
}

TEST_CASE("simulate --view indices: national rows for people, every district in CSV and JSON") {
  const std::string data = (source_dir() / "tests/data/synthetic-reserved").string();
  const auto run = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"simulate",      data,     "--draws", "300",    "--noise",
                                     "dirichlet:400", "--seed", "4",       "--view", "indices"};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = run_cli(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return r.out;
  };
  const std::string csv = run({"--format", "csv", "--threads", "1"});
  CHECK(csv == run({"--format", "csv", "--threads", "3"}));
  CHECK(csv.rfind("level,district,index,cast,draws,mean,sd,q05,q50,q95\n", 0) == 0);
  const auto rows = csv_records(csv);
  const auto allocated =
      csv_records(run_cli({"allocate", data, "--seed", "4", "--view", "indices", "--format", "csv"}).out);
  REQUIRE(rows.size() == allocated.size() * index_names.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {  // the cast column is allocate's --view indices
    const auto& by_allocate = allocated[i / index_names.size()];
    CHECK(rows[i].at("level") == by_allocate.at("level"));
    CHECK(rows[i].at("cast") == by_allocate.at(std::string(index_names[i % index_names.size()])));
    CHECK(rows[i].at("draws") == "300");
  }
  const std::string table = run({"--format", "markdown"});
  CHECK(table.find("\n| national |") != std::string::npos);
  CHECK(table.find("\n| district |") == std::string::npos);  // no district row
  const Json json = Json::parse(run({"--format", "json"}));
  CHECK(json["results"].size() == rows.size());
  CHECK(json["results"][0]["mean"].is_number());
}
