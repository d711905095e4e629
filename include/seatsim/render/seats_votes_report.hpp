#pragma once
// The table of seats–votes curves (seats_votes.hpp): one row per piece,
// party,swing,seats,seat_share,votes_from,votes_to,share_from,share_to (shares in percent, six
// decimals, rounded to the nearest from the exact fractions), and a line per party with its seats at
// a vote share of 50 % and the bias (seat share − 50 %).
#include <string>
#include <vector>

#include "seatsim/analysis/seats_votes.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/render/svg_chart.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

Table seats_votes_table(const std::vector<SeatsVotesCurve>& curves);
std::vector<std::string> seats_votes_footer(const std::vector<SeatsVotesCurve>& curves);

// The bias at 50 %, one row per curve: party,swing,house,seats_at_half,seat_share_at_half,bias (shares
// and bias in percent, six decimals; blank where 50 % of the votes is not on the curve).
Table seats_votes_bias_table(const std::vector<SeatsVotesCurve>& curves);

// The curves as a chart (svg_chart.hpp), coloured by `styles` (else the palette in order); each
// break point's tooltip gives the exact interval as the table does.
SeatsVotesChart seats_votes_chart(const std::vector<SeatsVotesCurve>& curves, const PartyStyles& styles,
                                  const std::string& title);

}  // namespace seatsim
