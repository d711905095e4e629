#include "seatsim/render/hemicycle.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

constexpr double inner_radius = 0.4;  // the empty floor in the middle, as a share of the outer radius

struct Row {
  double radius = 0;
  std::int64_t capacity = 0;
  std::int64_t seats = 0;
};

// Rows of `count` arcs between the inner and the outer radius; a row holds as many seats as fit
// one row-spacing apart along its arc.
std::vector<Row> rows_for(std::int64_t count) {
  const double spacing = (1.0 - inner_radius) / static_cast<double>(count);
  std::vector<Row> rows;
  for (std::int64_t i = 0; i < count; ++i) {
    Row row;
    row.radius = inner_radius + spacing * (static_cast<double>(i) + 0.5);
    row.capacity = static_cast<std::int64_t>(std::floor(std::numbers::pi * row.radius / spacing)) + 1;
    rows.push_back(row);
  }
  return rows;
}

std::int64_t capacity(const std::vector<Row>& rows) {
  std::int64_t total = 0;
  for (const Row& row : rows) total += row.capacity;
  return total;
}

// Seats per row in proportion to each row's capacity (largest remainders), never above it.
void fill_rows(std::vector<Row>& rows, std::int64_t seats) {
  const double total = static_cast<double>(capacity(rows));
  std::vector<std::pair<double, std::size_t>> remainders;
  std::int64_t placed = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double share = static_cast<double>(seats) * static_cast<double>(rows[i].capacity) / total;
    rows[i].seats = std::min(rows[i].capacity, static_cast<std::int64_t>(std::floor(share)));
    placed += rows[i].seats;
    remainders.emplace_back(share - static_cast<double>(rows[i].seats), i);
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  while (placed < seats) {
    for (const auto& [remainder, i] : remainders) {
      if (placed == seats) break;
      if (rows[i].seats < rows[i].capacity) {
        ++rows[i].seats;
        ++placed;
      }
    }
  }
}

}  // namespace

std::vector<SeatPosition> hemicycle_layout(std::int64_t seats) {
  if (seats < 0 || seats > max_seats)
    throw Error("a hemicycle takes 0 to " + std::to_string(max_seats) + " seats, not " + std::to_string(seats));
  if (seats == 0) return {};
  std::int64_t count = 1;
  while (capacity(rows_for(count)) < seats) ++count;
  std::vector<Row> rows = rows_for(count);
  fill_rows(rows, seats);

  // Seats fill 80% of the row spacing; one or two rows of a tiny parliament would make them huge.
  const double seat_radius = std::min(0.09, 0.4 * (1.0 - inner_radius) / static_cast<double>(count));
  struct Placed {
    double angle, radius;
  };
  std::vector<Placed> placed;
  for (const Row& row : rows) {
    for (std::int64_t j = 0; j < row.seats; ++j) {
      const double angle = row.seats == 1
                               ? std::numbers::pi / 2
                               : std::numbers::pi * (1.0 - static_cast<double>(j) / static_cast<double>(row.seats - 1));
      placed.push_back({angle, row.radius});
    }
  }
  // Left to right; at equal angles, inner rows first.
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    if (a.angle != b.angle) return a.angle > b.angle;
    return a.radius < b.radius;
  });
  std::vector<SeatPosition> positions;
  positions.reserve(placed.size());
  for (const Placed& p : placed)
    positions.push_back({p.radius * std::cos(p.angle), p.radius * std::sin(p.angle), seat_radius});
  return positions;
}

}  // namespace seatsim
