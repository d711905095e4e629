#include "seatsim/render/seats_votes_report.hpp"

#include <algorithm>

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

std::string swing_name(Swing swing) { return swing == Swing::proportional ? "proportional" : "uniform"; }

// seat share − 50 % at half the votes: (2s − H) / 2H, in percent.
std::string bias_percent(std::int64_t seats, std::int64_t house) {
  return percent(2 * static_cast<i128>(seats) - house, 2 * static_cast<i128>(house));
}

}  // namespace

Table seats_votes_table(const std::vector<SeatsVotesCurve>& curves) {
  Table table;
  table.columns = {"party", "swing", "seats", "seat_share", "votes_from", "votes_to", "share_from", "share_to"};
  for (const SeatsVotesCurve& curve : curves)
    for (const CurvePiece& piece : curve.pieces)
      table.add({curve.party, swing_name(curve.swing), Cell(static_cast<long long>(piece.seats)),
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
    lines.push_back(curve.party + ": " + std::to_string(*curve.seats_at_half) + " of " + std::to_string(curve.house) +
                    " seats at 50 % of the votes; bias " + bias_percent(*curve.seats_at_half, curve.house) +
                    " percentage points");
  }
  return lines;
}

Table seats_votes_bias_table(const std::vector<SeatsVotesCurve>& curves) {
  Table table;
  table.columns = {"party", "swing", "house", "seats_at_half", "seat_share_at_half", "bias"};
  for (const SeatsVotesCurve& curve : curves) {
    const bool known = curve.seats_at_half && curve.house > 0;
    table.add({curve.party, swing_name(curve.swing), Cell(static_cast<long long>(curve.house)),
               known ? Cell(static_cast<long long>(*curve.seats_at_half)) : Cell::number(""),
               Cell::number(known ? percent(*curve.seats_at_half, curve.house) : ""),
               Cell::number(known ? bias_percent(*curve.seats_at_half, curve.house) : "")});
  }
  return table;
}

SeatsVotesChart seats_votes_chart(const std::vector<SeatsVotesCurve>& curves, const PartyStyles& styles,
                                  const std::string& title) {
  std::vector<std::string> parties;
  parties.reserve(curves.size());
  for (const SeatsVotesCurve& curve : curves) parties.push_back(curve.party);
  const std::vector<StyledParty> styled = style_parties(parties, styles);
  SeatsVotesChart chart;
  chart.title = title;
  for (const SeatsVotesCurve& curve : curves) {
    chart.house = std::max(chart.house, curve.house);
    CurveSeries& series = chart.series.emplace_back();
    for (const StyledParty& party : styled)
      if (party.party == curve.party) series.party = {party.party, 0, party.colour, party.label};
    for (std::size_t i = 0; i < curve.pieces.size(); ++i) {
      const CurvePiece& piece = curve.pieces[i];
      series.steps.push_back({100 * piece.share_from.to_double(), 100 * piece.share_to.to_double(), piece.seats});
      if (i == 0) continue;
      const CurvePiece& before = curve.pieces[i - 1];
      series.break_texts.push_back(curve.party + ": " + std::to_string(before.seats) + " \u2192 " +
                                   std::to_string(piece.seats) + " seats between " + percent(before.share_to) +
                                   " % and " + percent(piece.share_from) + " % of the votes");
    }
  }
  return chart;
}

}  // namespace seatsim
