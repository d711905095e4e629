#pragma once
// The table of seats–votes curves (seats_votes.hpp): one row per piece,
// party,swing,seats,seat_share,votes_from,votes_to,share_from,share_to (shares in percent, six
// decimals, rounded to the nearest from the exact fractions), and a line per party with its seats at
// a vote share of 50 % and the bias (seat share − 50 %).
#include <string>
#include <vector>

#include "seatsim/analysis/seats_votes.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

Table seats_votes_table(const std::vector<SeatsVotesCurve>& curves);
std::vector<std::string> seats_votes_footer(const std::vector<SeatsVotesCurve>& curves);

}  // namespace seatsim
