#pragma once
// Seats–votes curves: a party's seats in all as a function of its national vote share, under a
// swing model, with every break point found exactly (to one step of the swing's integer
// parameter, whose ends are reported in votes and as exact shares).
//
//  - proportional swing: the party's votes in every district are scaled by the same factor
//    (parameter: its national votes N; district d gets ⌊v_d·N/P⌋ of its cast P), others unchanged;
//  - uniform swing: the party's share in every district moves by the same Δ (parameter: Δ in parts
//    per million, the share clamped to [0, 1]); the other lists of the district share the rest in
//    proportion to their cast votes (rounded down), the district's total kept.
//
// Every probe allocates the whole election under the rule (tiers included). Seats need not be
// monotone in the share (thresholds of others, tiers): the curve lists every piece found between
// grid points by bisection, in order of the parameter.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

enum class Swing { proportional, uniform };

struct CurvePiece {
  std::int64_t seats = 0;                     // the party's seats in all on this piece
  std::int64_t votes_from = 0, votes_to = 0;  // its national votes at the piece's first and last probe
  Rational share_from, share_to;              // its national share there (exact)
};

struct SeatsVotesCurve {
  std::string party;
  Swing swing = Swing::proportional;
  std::int64_t house = 0;  // all seats
  std::vector<CurvePiece> pieces;
  // The seats at a vote share of one half, where a piece spans it (none when 1/2 is not reached).
  std::optional<std::int64_t> seats_at_half;
};

// Throws seatsim::Error for an unknown party, or where `allocate` would on the cast election.
SeatsVotesCurve seats_votes_curve(const Election& election, const Rule& rule, const std::string& party, Swing swing);

}  // namespace seatsim
