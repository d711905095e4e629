#include "seatsim/sweep_tables.hpp"

namespace seatsim {

Table sweep_long_table(const SweepResult& sweep) {
  Table table;
  table.columns = {"value", "district", "party", "votes", "seats"};
  for (const SweepStep& step : sweep.steps)
    for (std::size_t d = 0; d < step.election.districts.size(); ++d) {
      const District& district = step.election.districts[d];
      for (std::size_t i = 0; i < district.lists.size(); ++i)
        table.add({step.value, district.name, district.lists[i].party, Cell(district.lists[i].votes),
                   Cell(step.seats[d][i])});
    }
  return table;
}

Table sweep_break_table(const SweepResult& sweep) {
  Table table;
  table.columns = {"before",      "after",        "district",    "party",   "seats_before",
                   "seats_after", "votes_before", "votes_after", "at_value"};
  for (const BreakPoint& point : sweep.break_points)
    for (const SeatChange& change : point.changes)
      table.add({point.before_text, point.after_text, change.district, change.party, Cell(change.seats_before),
                 Cell(change.seats_after), Cell(change.votes_before), Cell(change.votes_after), point.at_value});
  return table;
}

}  // namespace seatsim
