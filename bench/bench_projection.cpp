// Projection from polls against simulate, on Norway 2021 (169 seats, 19 leveling seats: every
// draw allocated whole): projection/norway-2021 runs `project` with 10^5 draws (poll sampling,
// the uniform swing, Dirichlet district noise), simulate/norway-2021-same-draws runs `Simulation`
// with the same district noise, system and draws, one thread each, in the same run; the
// projection's counter `x_simulate` is its time over simulate's measured just before it. Skipped
// (not registered) when ../shared/data/norway_2021_storting_full.csv is absent.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>

#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/analysis/projection.hpp"

namespace {

constexpr std::uint64_t draws = 100'000;
const char* district_noise = "dirichlet:2000";

std::filesystem::path norway_file() {
  return std::filesystem::path(SEATSIM_SOURCE_DIR) / "../shared/data/norway_2021_storting_full.csv";
}

double simulate_seconds(const seatsim::ElectionSetup& setup) {
  const auto start = std::chrono::steady_clock::now();
  const seatsim::Simulation simulation(setup.input.election, setup.rule, seatsim::NoiseModel::parse(district_noise), 1);
  benchmark::DoNotOptimize(simulation.run(0, draws, 1));
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void projection_against_simulate(benchmark::State& state, const seatsim::ElectionSetup& setup,
                                 const seatsim::PollSet& polls, const seatsim::ProjectionOptions& options) {
  double projection = 0, simulate = 0;
  for (auto _ : state) {
    state.PauseTiming();
    simulate += simulate_seconds(setup);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(seatsim::project(setup.input.election, setup.rule, polls, options));
    projection += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  state.counters["simulate_s"] = simulate / static_cast<double>(state.iterations());
  state.counters["x_simulate"] = projection / simulate;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * draws));
}

const bool registered = [] {
  if (!std::filesystem::exists(norway_file())) return false;
  seatsim::RuleSources sources;
  sources.system = "norway-storting-2005";
  const seatsim::ElectionSetup setup = seatsim::prepare_election(norway_file().string(), sources);
  const std::filesystem::path scenario = std::filesystem::path(SEATSIM_SOURCE_DIR) / "scenarios/norway-polls";
  const seatsim::PollSet polls = seatsim::read_poll_file((scenario / "polls.csv").string());
  seatsim::ProjectionOptions options;
  options.mapping = seatsim::read_party_mapping((scenario / "mapping.csv").string());
  options.draws = draws;
  options.seed = 1;
  options.threads = 1;
  options.district_noise = seatsim::NoiseModel::parse(district_noise);
  benchmark::RegisterBenchmark(
      "projection/norway-2021/draws:100000/threads:1",
      [setup, polls, options](benchmark::State& state) { projection_against_simulate(state, setup, polls, options); })
      ->Iterations(1)
      ->Unit(benchmark::kSecond)
      ->UseRealTime();
  return true;
}();

}  // namespace
