#pragma once
// Where the seats of a hemicycle go: concentric arcs of seats, filled so that every row has
// about the same spacing, then read left to right by angle so that consecutive seats (one
// party's) form a wedge. Geometry only, for display: no seat decision depends on it.
#include <cstdint>
#include <vector>

namespace seatsim {

struct SeatPosition {
  double x = 0;       // centre, in units of the outer radius; the hemicycle's centre is (0, 0)
  double y = 0;       // upwards
  double radius = 0;  // of the seat's circle
};

// `seats` positions, left to right. Throws seatsim::Error above max_seats.
std::vector<SeatPosition> hemicycle_layout(std::int64_t seats);

}  // namespace seatsim
