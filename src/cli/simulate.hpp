#pragma once
// `seatsim simulate` runs its draws through a DrawRunner. The default runs them all in this
// process on threads; seatsim-mpi (src/mpi) installs one that splits them across MPI ranks and
// reduces the counts, so that both front ends share every other line of the command.
#include <cstdint>
#include <functional>
#include <optional>

#include "seatsim/analysis/monte_carlo.hpp"

namespace seatsim::cli {

// The counts of draws [0, draws) where this process writes the output; none elsewhere (an MPI
// rank other than 0), which then writes nothing.
using DrawRunner =
    std::function<std::optional<SimulationCounts>(const Simulation& simulation, std::uint64_t draws, unsigned threads)>;
void set_draw_runner(DrawRunner runner);
// The runner in force (`seatsim project` runs its draws through it too).
const DrawRunner& current_draw_runner();

// Draws [first, last) in this process, with a progress bar on stderr when stderr is a terminal
// and `show_progress` is set.
SimulationCounts run_draws_here(const Simulation& simulation, std::uint64_t first, std::uint64_t last, unsigned threads,
                                bool show_progress);

}  // namespace seatsim::cli
