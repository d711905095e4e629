#pragma once
// A sweep's results as tables, shared by `seatsim scenario` and the Python bindings: the long table
// (value,district,party,votes,seats: one row per value and list, for plotting) and the break points
// (before,after,district,party,seats_before,seats_after,votes_before,votes_after,at_value).
#include "seatsim/sweep.hpp"
#include "seatsim/table.hpp"

namespace seatsim {

Table sweep_long_table(const SweepResult& sweep);
Table sweep_break_table(const SweepResult& sweep);

}  // namespace seatsim
