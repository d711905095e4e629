#pragma once
// The tables of a Monte Carlo run, from its counts: a summary per party (the seats from the votes
// as cast, mean, standard deviation, 5/50/95% quantiles, probability of a majority), the same per
// coalition, and the long histogram (every seat count seen, nationally per party, per list in
// each district, per coalition, with its probability and the probability of at least that many).
// Numbers are printed with fixed decimals, so that equal counts give byte-identical text.
#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

struct SimulationTables {
  Table summary;     // party,seats,mean,sd,q05,q50,q95,p_majority
  Table coalitions;  // coalition,seats,mean,sd,q05,q50,q95,p_majority
  Table districts;   // district,party,seats,count,probability,at_least (level "district" only)
  Table histogram;   // level,district,party,seats,count,probability,at_least
  // When the simulation tracked them: level,district,index,cast,draws,mean,sd,q05,q50,q95 per index,
  // nationally and per district (`national_indices`: the national rows alone, for people).
  Table indices, national_indices;
};

SimulationTables simulation_tables(const Simulation& simulation, const SimulationCounts& counts);

}  // namespace seatsim
