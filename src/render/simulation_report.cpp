#include "seatsim/render/simulation_report.hpp"

#include <cstdio>

#include "seatsim/render/indices_report.hpp"

namespace seatsim {
namespace {

Cell fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return Cell::number(text);
}

Cell probability(std::uint64_t count, std::uint64_t draws) {
  return fixed(draws == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(draws), 6);
}

Cell integer(std::int64_t value) { return Cell(static_cast<long long>(value)); }

std::vector<Cell> summary_row(const std::string& name, std::int64_t cast_seats, const SeatDistribution& seats,
                              std::uint64_t majorities) {
  return {name,
          integer(cast_seats),
          fixed(seats.mean(), 4),
          fixed(seats.standard_deviation(), 4),
          integer(seats.quantile(5)),
          integer(seats.quantile(50)),
          integer(seats.quantile(95)),
          probability(majorities, seats.draws)};
}

// One row per seat count from the fewest seen to the most seen (below the fewest, the
// probability of at least k is 1; above the most, 0).
void add_distribution(Table& table, const std::vector<Cell>& prefix, const SeatDistribution& seats) {
  for (std::int64_t k = seats.min_seen(); k <= seats.max_seen(); ++k) {
    std::vector<Cell> row = prefix;
    const std::uint64_t count = seats.counts[static_cast<std::size_t>(k)];
    row.insert(row.end(), {integer(k), Cell(static_cast<unsigned long>(count)), probability(count, seats.draws),
                           probability(seats.at_least(k), seats.draws)});
    table.add(std::move(row));
  }
}

// A quantile: a value rounded to 0.001, shown with the three decimals it has.
Cell quantile_cell(const std::optional<std::int64_t>& micro) {
  if (!micro) return Cell::number("");
  const std::string text = format_micro(*micro);
  return Cell::number(text.substr(0, text.size() - 3));
}

// One row per index of one level: the value from the votes as cast beside its distribution.
void add_index_rows(Table& table, const std::vector<Cell>& level, const Indices& cast,
                    const std::array<IndexTally, index_names.size()>& tallies) {
  for (std::size_t index = 0; index < index_names.size(); ++index) {
    const IndexSummary summary = summarize(tallies[index]);
    std::vector<Cell> row = level;
    row.insert(row.end(),
               {std::string(index_names[index]), index_cell(cast.micro[index]),
                Cell(static_cast<unsigned long>(summary.draws)), index_cell(summary.mean), index_cell(summary.sd),
                quantile_cell(summary.q05), quantile_cell(summary.q50), quantile_cell(summary.q95)});
    table.add(std::move(row));
  }
}

void add_index_tables(SimulationTables& tables, const Simulation& simulation, const SimulationCounts& counts) {
  const std::vector<IndexRow> cast = election_indices(simulation.election(), outcome_seats(simulation.cast_outcome()));
  tables.indices.columns = {"level", "district", "index", "cast", "draws", "mean", "sd", "q05", "q50", "q95"};
  tables.national_indices.columns = tables.indices.columns;
  const std::vector<std::array<IndexTally, index_names.size()>>& levels = counts.indices.levels;
  const std::array<IndexTally, index_names.size()> none{};  // no draw ran
  for (std::size_t level = 0; level < cast.size(); ++level) {
    const IndexRow& row = cast[level];
    const auto& tallies = level < levels.size() ? levels[level] : none;
    const std::vector<Cell> label = {row.national ? "national" : "district", row.district};
    add_index_rows(tables.indices, label, row.values, tallies);
    if (row.national) add_index_rows(tables.national_indices, label, row.values, tallies);
  }
}

}  // namespace

SimulationTables simulation_tables(const Simulation& simulation, const SimulationCounts& counts) {
  SimulationTables tables;
  const std::vector<std::string> stats = {"seats", "mean", "sd", "q05", "q50", "q95", "p_majority"};
  tables.summary.columns = {"party"};
  tables.summary.columns.insert(tables.summary.columns.end(), stats.begin(), stats.end());
  tables.summary.rank_by = {"seats", "mean"};  // for people: the seats as cast, then the mean
  tables.coalitions.columns = {"coalition"};
  tables.coalitions.columns.insert(tables.coalitions.columns.end(), stats.begin(), stats.end());
  tables.districts.columns = {"district", "party", "seats", "count", "probability", "at_least"};
  tables.histogram.columns = {"level", "district", "party", "seats", "count", "probability", "at_least"};

  for (std::size_t p = 0; p < simulation.parties().size(); ++p) {
    const SeatDistribution seats = simulation.party(counts, p);
    tables.summary.add(summary_row(simulation.parties()[p], simulation.cast_party_seats(p), seats,
                                   simulation.party_majorities(counts, p)));
    add_distribution(tables.histogram, {"national", "", simulation.parties()[p]}, seats);
  }
  const Election& election = simulation.election();
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t j = 0; j < district.lists.size(); ++j) {
      const SeatDistribution seats = simulation.list(counts, d, j);
      add_distribution(tables.districts, {district.name, district.lists[j].party}, seats);
      add_distribution(tables.histogram, {"district", district.name, district.lists[j].party}, seats);
    }
  }
  for (std::size_t q = 0; q < simulation.coalitions().size(); ++q) {
    const SeatDistribution seats = simulation.coalition(counts, q);
    tables.coalitions.add(summary_row(simulation.coalitions()[q], simulation.cast_coalition_seats(q), seats,
                                      simulation.coalition_majorities(counts, q)));
    add_distribution(tables.histogram, {"coalition", "", simulation.coalitions()[q]}, seats);
  }
  if (simulation.tracks_indices()) add_index_tables(tables, simulation, counts);
  return tables;
}

}  // namespace seatsim
