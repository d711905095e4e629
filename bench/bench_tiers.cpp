// The tiers above the districts, at the sizes of the acceptance elections: a biproportional
// apportionment of Zürich's size (18 districts, 9 lists, 180 seats), Norway's leveling tier
// (19 districts, 19 lists, 150 + 19 seats) alone and under Monte Carlo draws, and a bounded
// apportionment of the US House's size.
// Inputs are generated (deterministic), so the benchmarks need no shared data.
#include <benchmark/benchmark.h>

#include <random>

#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/seat_bounds.hpp"

namespace {

using namespace seatsim;

Election generated(std::size_t districts, std::size_t lists, std::int64_t seats_per_district, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  Election election;
  election.source = "generated";
  for (std::size_t d = 0; d < districts; ++d) {
    District& district = election.districts.emplace_back();
    district.name = "district " + std::to_string(d);
    district.seats = seats_per_district + static_cast<std::int64_t>(random() % 7);
    for (std::size_t p = 0; p < lists; ++p) {
      // A few large parties and a tail of small ones, as in real elections.
      const std::int64_t scale = 200000 / static_cast<std::int64_t>(p + 1);
      district.lists.push_back({"list " + std::to_string(p),
                                scale / 2 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(scale)),
                                {},
                                {},
                                {},
                                {},
                                0});
    }
  }
  return election;
}

void biproportional(benchmark::State& state) {
  const Election election = generated(18, 9, 7, 42);
  Rule rule;
  rule.biproportional.enabled = true;
  rule.biproportional.list_votes = true;
  for (auto _ : state) benchmark::DoNotOptimize(allocate(election, rule));
}
BENCHMARK(biproportional)->Name("tiers/biproportional/18/9")->Unit(benchmark::kMicrosecond);

void leveling(benchmark::State& state) {
  const Election election = generated(19, 19, 5, 43);
  Rule rule;
  rule.method = with_first_divisor(method_by_name("sainte-lague"), Rational(7, 5));
  rule.leveling.seats = 19;
  rule.leveling.threshold = ThresholdValue::parse("4%");
  for (auto _ : state) benchmark::DoNotOptimize(allocate(election, rule));
}
BENCHMARK(leveling)->Name("tiers/leveling/19/19")->Unit(benchmark::kMicrosecond);

// Monte Carlo under the leveling tier: every draw is the whole allocation of the drawn election.
void simulate_leveling(benchmark::State& state) {
  const Election election = generated(19, 19, 5, 43);
  Rule rule;
  rule.method = with_first_divisor(method_by_name("sainte-lague"), Rational(7, 5));
  rule.leveling.seats = 19;
  rule.leveling.threshold = ThresholdValue::parse("4%");
  const Simulation simulation(election, rule, NoiseModel::parse("dirichlet:1000"), 1);
  const std::uint64_t draws = 2000;
  std::uint64_t first = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(simulation.run(first, first + draws, 1));
    first += draws;
  }
  state.counters["draws/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * draws), benchmark::Counter::kIsRate);
}
BENCHMARK(simulate_leveling)
    ->Name("tiers/simulate-leveling/19/19/threads:1")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void bounded(benchmark::State& state) {
  std::mt19937_64 random(44);
  std::vector<std::int64_t> population;
  for (int s = 0; s < 50; ++s) population.push_back(500000 + static_cast<std::int64_t>(random() % 39000000));
  const std::vector<SeatBound> bounds(50, {2, std::nullopt});
  const TieBreak ties{TieRule::more_votes, 0, 0, "bench", {}};
  const DivisorRule rule = DivisorRule::huntington_hill();
  for (auto _ : state) benchmark::DoNotOptimize(allocate_bounded(population, 435, rule, bounds, ties));
}
BENCHMARK(bounded)->Name("tiers/bounded/50/435")->Unit(benchmark::kMicrosecond);

}  // namespace
