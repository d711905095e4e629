#pragma once
// Swing models: from target shares of the parties (a poll, in one area) and a base election to
// integer votes in every district, exactly.
//
// Notation, for a district d with lists j (party p(j)) and base votes v_j, total V_d: the area's
// base votes B_p of party p and total B (the nation's, or district d's own where a poll of that
// district exists), the target share t_p = T_p / S of party p, S = 10^12 (target shares are
// integers in units of 10^-12: the projection rounds them half up), and the mix weight
// W = Wn / Wd (uniform: W = 1, proportional: W = 0, mix:W).
//
//   uniform       q_j = v_j / V_d + (t_p − B_p / B)                       (additive swing)
//   proportional  q_j = v_j / V_d · F_p / S, F_p = round(T_p · B / B_p)   (multiplicative swing;
//                 F_p / S is t_p / b_p as a fixed-point factor, rounded half up)
//   mix:W         q_j = v_j / V_d + W · (t_p − B_p / B) + (1 − W) · v_j / V_d · (F_p / S − 1)
//
// (mix:1 is uniform, mix:0 proportional, term by term.) A party with no base votes in the area (a
// new list) gets q_j = t_p in every district: its share is spread uniformly, unless a pattern
// spreads it (pattern_target below: the district's own T_p then stands for T_p). A negative q_j is
// set to 0. Every term is an integer multiple of 1 / (Wd · S · B · V_d), so q_j is computed as the
// integer w_j = q_j · Wd · S · B · V_d in 128 bits, exactly.
//
// Votes: the district's total V_d is kept (turnout unchanged; or the total given, turnout_change.hpp) and shared out in
// proportion to the w_j by largest remainders (Hamilton): list j gets floor(V_d · w_j / Σw) and the lists with the
// largest remainders V_d · w_j mod Σw one more each, ties to the list first in the district, until
// the votes sum to V_d. So the district shares sum to one exactly, and no floating point decides a
// vote. A poll equal to the base's shares gives back the base's votes: every q_j is then within
// about V_d · 10^-12 of v_j / V_d.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/core/int128.hpp"
#include "seatsim/core/rational.hpp"

namespace seatsim {

inline constexpr std::int64_t swing_share_scale = 1'000'000'000'000;  // S

struct SwingModel {
  Rational uniform_weight{1};  // W
  std::string text = "uniform";

  // "uniform", "proportional" or "mix:W" with W a decimal from 0 to 1. Throws seatsim::Error.
  static SwingModel parse(std::string_view text);
  std::string describe() const;  // the formula in one line
};

// The base of one area: each party's votes B_p (indexed as the projection's parties) and B.
struct SwingBase {
  std::vector<std::int64_t> party_votes;
  std::int64_t total = 0;
};

// The proportional factors F_p = round(T_p · B / B_p) (0 where B_p = 0), for `target` T_p.
std::vector<std::int64_t> proportional_factors(const SwingBase& base, std::span<const std::int64_t> target);

// One district's projected votes: `base_votes` v_j with `list_party` p(j), under `model`, target
// T_p (units of 1/S) against `base`, factors from proportional_factors(base, target). Writes the
// votes to `out`, summing to `votes_total` (−1: the district's base total V_d, turnout unchanged).
// Throws seatsim::Error (limit) if a product passes 128 bits.
void project_district(const SwingModel& model, const SwingBase& base, std::span<const std::int64_t> target,
                      std::span<const std::int64_t> factors, std::span<const std::int64_t> base_votes,
                      std::span<const std::size_t> list_party, std::span<std::int64_t> out,
                      std::int64_t votes_total = -1);

// A new list spread by a pattern: district d of an area (base total B, districts d' with totals V_d')
// weighs g_d ≥ 0 (integers: the pattern's exact weights times their common denominator), and the
// list's target T_p (units of 1/S) becomes, in district d,
//   T_pd = round-half-up(T_p · g_d · B / Σ_d' g_d' V_d')
// so that Σ_d V_d · T_pd / S = T_p · B / S: the area's share t_p is kept (to the rounding of each
// T_pd to 10^-12), spread in proportion to the weights. `spread` = Σ_d' g_d' V_d'; where it is 0 (no
// district of the area weighs anything) the list is spread uniformly: T_pd = T_p.
std::int64_t pattern_target(std::int64_t target, std::int64_t weight, std::int64_t area_total, i128 spread);

// Hamilton's largest remainders: `total` shared in proportion to `weights` (≥ 0), ties to the
// first. All zero weights give all zero.
void largest_remainders(std::int64_t total, std::span<const i128> weights, std::span<std::int64_t> out);

}  // namespace seatsim
