#include "seatsim/render/seats_votes_report.hpp"

#include "seatsim/core/int128.hpp"

namespace seatsim {
namespace {

// 100·num/den with six decimals, rounded to the nearest (halves up); num may be negative.
std::string percent(i128 num, i128 den) {
  const bool negative = num < 0;
  const i128 magnitude = negative ? -num : num;
  const i128 micro = (2 * magnitude * 100'000'000 + den) / (2 * den);
  std::string fraction = to_string(static_cast<u128>(micro % 1'000'000));
  fraction.insert(0, 6 - fraction.size(), '0');
  return std::string(negative && micro != 0 ? "-" : "") + to_string(static_cast<u128>(micro / 1'000'000)) + "." +
         fraction;
}
std::string percent(const Rational& share) { return percent(share.num(), share.den()); }

}  // namespace

Table seats_votes_table(const std::vector<SeatsVotesCurve>& curves) {
  Table table;
  table.columns = {"party", "swing", "seats", "seat_share", "votes_from", "votes_to", "share_from", "share_to"};
  for (const SeatsVotesCurve& curve : curves)
    for (const CurvePiece& piece : curve.pieces)
      table.add({curve.party, curve.swing == Swing::proportional ? "proportional" : "uniform",
                 Cell(static_cast<long long>(piece.seats)),
                 Cell::number(curve.house == 0 ? "" : percent(piece.seats, curve.house)),
                 Cell(static_cast<long long>(piece.votes_from)), Cell(static_cast<long long>(piece.votes_to)),
                 Cell::number(percent(piece.share_from)), Cell::number(percent(piece.share_to))});
  return table;
}

std::vector<std::string> seats_votes_footer(const std::vector<SeatsVotesCurve>& curves) {
  std::vector<std::string> lines;
  for (const SeatsVotesCurve& curve : curves) {
    if (!curve.seats_at_half || curve.house == 0) {
      lines.push_back(curve.party + ": a vote share of 50 % is not on the curve");
      continue;
    }
    const i128 twice_excess = 2 * static_cast<i128>(*curve.seats_at_half) - curve.house;  // (s/H − 1/2)·2H
    lines.push_back(curve.party + ": " + std::to_string(*curve.seats_at_half) + " of " + std::to_string(curve.house) +
                    " seats at 50 % of the votes; bias " + percent(twice_excess, 2 * static_cast<i128>(curve.house)) +
                    " percentage points");
  }
  return lines;
}

}  // namespace seatsim
