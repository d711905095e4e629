#include "seatsim/render/margins_report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace seatsim {
namespace {

Cell optional_count(const std::optional<std::int64_t>& value) {
  return value ? Cell(static_cast<long long>(*value)) : Cell::number("");
}

std::string names(const District& district, const std::vector<std::size_t>& lists) {
  std::string text;
  for (const std::size_t i : lists) text += (text.empty() ? "" : "; ") + district.lists[i].party;
  return text;
}

Table lists_table(const Election& election, const Margins& margins) {
  Table table;
  table.columns = {"district",      "party",     "votes",   "seats",       "votes_to_gain",
                   "votes_to_lose", "gain_from", "lose_to", "gain_at_lot", "lose_at_lot"};
  table.group_by = {"district"};
  table.rank_by = {"seats", "votes"};
  for (const ListMargin& m : margins.lists) {
    const District& district = election.districts[m.district];
    table.add({district.name, district.lists[m.list].party, Cell(static_cast<long long>(m.votes)),
               Cell(static_cast<long long>(m.seats)), optional_count(m.votes_to_gain), optional_count(m.votes_to_lose),
               names(district, m.gain_from), names(district, m.lose_to), optional_count(m.gain_at_lot),
               optional_count(m.lose_at_lot)});
  }
  return table;
}

std::vector<Cell> seat_cells(const Election& election, const FragileSeat& seat, const Margins& margins) {
  const District& district = election.districts[seat.district];
  const ElectionOutcome& outcome = margins.outcome;
  return {district.name,
          district.lists[seat.holder].party,
          Cell(static_cast<long long>(outcome.seats(seat.district, seat.holder))),
          Cell(static_cast<long long>(seat.margin)),
          optional_count(seat.holder_loss),
          names(district, seat.lose_to),
          seat.challenger ? district.lists[*seat.challenger].party : "",
          optional_count(seat.challenger_gain)};
}

const std::vector<std::string>& seat_columns() {
  static const std::vector<std::string> columns = {"district",    "party",   "seats",      "margin",
                                                   "holder_loss", "lose_to", "challenger", "challenger_gain"};
  return columns;
}

Table closest_table(const Election& election, const Margins& margins) {
  Table table;
  table.columns = seat_columns();
  for (const std::optional<std::size_t>& k : margins.closest)
    if (k) table.add(seat_cells(election, margins.ranking[*k], margins));
  return table;
}

Table ranking_table(const Election& election, const Margins& margins) {
  Table table;
  table.columns = {"rank"};
  table.columns.insert(table.columns.end(), seat_columns().begin(), seat_columns().end());
  for (std::size_t k = 0; k < margins.ranking.size(); ++k) {
    std::vector<Cell> row{Cell(static_cast<long long>(k + 1))};
    const std::vector<Cell> cells = seat_cells(election, margins.ranking[k], margins);
    row.insert(row.end(), cells.begin(), cells.end());
    table.add(std::move(row));
  }
  return table;
}

}  // namespace

MarginsTables margins_tables(const Election& election, const Margins& margins) {
  return {lists_table(election, margins), closest_table(election, margins), ranking_table(election, margins)};
}

}  // namespace seatsim
