// Monte Carlo throughput: draws per second of `Simulation::run` (noise, thresholds, reserved
// seats, the batched kernel, histograms) on Iraq 2013's shape: 14 governorates, 447 seats.
// Cases: simulate/<noise>/<data>/threads:<T>. <data> is `iraq-2013` when scenarios/iraq-2013
// exists, and always `iraq-like`: generated lists (Pareto-sized, 9–16 per governorate) in the
// real seat totals, with two reserved seats, so that the case runs without the data set.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/votes_file.hpp"

namespace {

struct Data {
  seatsim::Election election;
  seatsim::Rule rule;
};

Data iraq_like() {
  const std::vector<std::pair<std::string, int>> governorates = {
      {"Anbar", 30},   {"Babil", 31},      {"Baghdad", 58}, {"Basra", 35},    {"Dhi Qar", 31},
      {"Diyala", 29},  {"Karbala", 27},    {"Maysan", 27},  {"Muthanna", 26}, {"Najaf", 29},
      {"Nineveh", 39}, {"Qadisiyyah", 28}, {"Saladin", 29}, {"Wasit", 28}};
  std::mt19937_64 random(2013);
  std::string votes = "district,party,votes,quota\n", seats = "district,seats,reserved\n";
  for (const auto& [name, total] : governorates) {
    const int lists = std::uniform_int_distribution<int>(9, 16)(random);
    for (int j = 0; j < lists; ++j) {
      const double size = std::pow(1.0 - std::uniform_real_distribution<double>(0, 1)(random), -1 / 1.2);
      votes += name + ",List " + std::to_string(j) + "," + std::to_string(static_cast<long>(size * 8000)) + ",\n";
    }
    const bool reserved = name == "Baghdad" || name == "Nineveh";
    if (reserved) votes += name + ",Christian A,4200,christian\n" + name + ",Christian B,3900,christian\n";
    seats += name + "," + std::to_string(total) + "," + (reserved ? "1" : "0") + "\n";
  }
  Data data;
  data.election = seatsim::read_votes(seatsim::parse_csv(votes, "iraq-like"));
  seatsim::SeatSources sources;
  sources.seats_file = seatsim::read_seat_totals(seatsim::parse_csv(seats, "iraq-like seats"));
  seatsim::apply_seat_totals(data.election, sources);
  return data;
}

std::optional<Data> iraq_2013() {
  const std::filesystem::path folder = std::filesystem::path(SEATSIM_SOURCE_DIR) / "scenarios/iraq-2013";
  if (!std::filesystem::exists(folder / "election.toml")) return std::nullopt;
  seatsim::LoadedInput input = seatsim::load_input(folder.string());
  seatsim::SeatSources sources;
  sources.seats_file = input.districts;
  seatsim::apply_seat_totals(input.election, sources);
  return Data{input.election, input.rule.build(input.folder)};
}

void run_simulation(benchmark::State& state, const Data& data, const std::string& noise) {
  const seatsim::Simulation simulation(data.election, data.rule, seatsim::NoiseModel::parse(noise), 1);
  const std::uint64_t draws = 20000;
  const unsigned threads = static_cast<unsigned>(state.range(0));
  std::uint64_t first = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(simulation.run(first, first + draws, threads));
    first += draws;  // fresh draws each iteration
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * draws));
  state.counters["draws/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * draws), benchmark::Counter::kIsRate);
}

const bool registered = [] {
  std::vector<std::pair<std::string, Data>> sets;
  if (std::optional<Data> real = iraq_2013()) sets.emplace_back("iraq-2013", std::move(*real));
  sets.emplace_back("iraq-like", iraq_like());
  for (const auto& [name, data] : sets)
    for (const std::string noise : {"dirichlet:1000", "multinomial", "swing:2"})
      benchmark::RegisterBenchmark(
          ("simulate/" + noise.substr(0, noise.find(':')) + "/" + name).c_str(),
          [data = data, noise](benchmark::State& state) { run_simulation(state, data, noise); })
          ->ArgName("threads")
          ->Arg(1)
          ->Arg(2)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
  return true;
}();

}  // namespace
