#pragma once
// The tables of seat margins (margins.hpp), shared by `seatsim margins` and the Python module:
// every list's margins, each district's closest seat, and the national ranking of fragile seats.
// Missing numbers (no seat to gain or to lose, no challenger) are blank numeric cells; lists of
// parties are their names joined by "; ".
#include "seatsim/analysis/margins.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

struct MarginsTables {
  Table lists;    // district,party,votes,seats,votes_to_gain,votes_to_lose,gain_from,lose_to,gain_at_lot,lose_at_lot
  Table closest;  // district,party,seats,margin,holder_loss,lose_to,challenger,challenger_gain
  Table ranking;  // rank, then the columns of `closest`; most fragile first
};

MarginsTables margins_tables(const Election& election, const Margins& margins);

}  // namespace seatsim
