// seatsim-mpi: `seatsim simulate` with its draws split across MPI ranks. Every rank reads the
// input and builds the same simulation; rank r runs draws [N·r/P, N·(r+1)/P) on its threads;
// the integer histograms are summed onto rank 0 (MPI_Reduce), which alone writes the output.
// Because every draw's random numbers depend on (seed, draw, district) only and counts add
// exactly, the output is byte-identical to `seatsim simulate` with the same arguments.
//
//   mpirun -np 4 seatsim-mpi simulate DATASET --draws 100000000 --noise dirichlet:500 --seed 1 -o out.csv
//   srun seatsim-mpi simulate ...        (under Slurm)
#include <mpi.h>

#include <algorithm>
#include <exception>
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/io/meta.hpp"
#include "simulate.hpp"

namespace {

int rank_of_world() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}

// Raised on the ranks that did not fail themselves when another rank's draws failed.
struct AnotherRankFailed : seatsim::Error {
  AnotherRankFailed() : seatsim::Error("another MPI rank failed") {}
};

std::optional<seatsim::SimulationCounts> run_across_ranks(const seatsim::Simulation& simulation, std::uint64_t draws,
                                                          unsigned threads) {
  // Every rank refuses alike, before any draw: the index tallies are maps, not reduced here.
  if (simulation.tracks_indices())
    throw seatsim::Error("--view indices: run it with `seatsim simulate` (seatsim-mpi reduces seat counts only)");
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  const auto bound = [&](int r) {
    return static_cast<std::uint64_t>(static_cast<seatsim::u128>(draws) * static_cast<unsigned>(r) /
                                      static_cast<unsigned>(ranks));
  };
  seatsim::SimulationCounts local;
  std::exception_ptr failure;
  try {
    local = seatsim::cli::run_draws_here(simulation, bound(rank), bound(rank + 1), threads, rank == 0);
  } catch (const std::exception& error) {
    failure = std::current_exception();
    if (rank != 0) std::cerr << "seatsim-mpi: rank " << rank << ": " << error.what() << '\n';
  }
  // Agree on failure before reducing, so that no rank waits forever in MPI_Reduce.
  int failed = failure ? 1 : 0;
  MPI_Allreduce(MPI_IN_PLACE, &failed, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (failure) std::rethrow_exception(failure);
  if (failed) throw AnotherRankFailed();

  seatsim::SimulationCounts total;
  total.bins.assign(simulation.bin_count(), 0);
  // Counts are reduced in chunks: MPI counts are ints.
  constexpr std::size_t chunk = std::size_t{1} << 28;
  for (std::size_t start = 0; start < total.bins.size(); start += chunk) {
    const int count = static_cast<int>(std::min(chunk, total.bins.size() - start));
    MPI_Reduce(local.bins.data() + start, total.bins.data() + start, count, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  }
  if (rank != 0) return std::nullopt;
  total.draws = draws;
  return total;
}

int run(int argc, char** argv) {
  using namespace seatsim::cli;
  const bool rank0 = rank_of_world() == 0;
  CLI::App app{
      "seatsim-mpi: seatsim simulate and seatsim project with the draws split across MPI ranks; the output\n"
      "(written by rank 0) is byte-identical to seatsim's with the same arguments. Launch with mpirun or srun.",
      "seatsim-mpi"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(seatsim::version()));
  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const CommandSpec& spec : registered_commands()) {
    if (spec.name != "simulate" && spec.name != "project") continue;
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    runners.emplace_back(sub, spec.setup(*sub));
    one_value_per_occurrence(*sub);
  }
  set_draw_runner(run_across_ranks);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return rank0 ? app.exit(success) : 0;
  } catch (const CLI::ParseError& error) {
    std::string message = error.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    if (rank0) std::cerr << "seatsim-mpi: " << message << " (see --help)\n";
    return 2;
  }
  try {
    for (const auto& [sub, command] : runners)
      if (sub->parsed()) return command();
  } catch (const AnotherRankFailed&) {
    return 2;
  } catch (const seatsim::Error& error) {
    if (rank0) std::cerr << "seatsim-mpi: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "seatsim-mpi: internal error: " << error.what() << '\n';
    return 3;
  }
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int status = 3;
  try {
    status = run(argc, argv);
  } catch (...) {
    // Building the command line threw (CLI11, allocation): the other ranks may be waiting in a
    // collective, so end them all, as an uncaught exception would have, but with a message.
    std::cerr << "seatsim-mpi: internal error\n";
    MPI_Abort(MPI_COMM_WORLD, status);
  }
  MPI_Finalize();
  return status;
}
