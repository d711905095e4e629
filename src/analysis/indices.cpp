// The indices of indices.hpp, exactly. With v_i = V_i/V and s_i = S_i/S the shares of votes and
// seats, every index is a function of the integers d_i = V_i·S − S_i·V (= V·S·(v_i − s_i)), V, S,
// V_i and S_i; each is evaluated as a ratio of integers, scaled by 10^6 and rounded to the nearest
// with one 256-bit multiply-divide, so no floating point enters. Gallagher's square root is taken
// exactly as an integer square root of the floor of (2·10^6·G)², which rounds G·10^6 exactly.
#include "seatsim/analysis/indices.hpp"

#include <algorithm>
#include <map>

#include "seatsim/core/checked_arithmetic.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/core/integer_sqrt.hpp"

namespace seatsim {
namespace {

constexpr u128 micro_scale = 1'000'000;

[[noreturn]] void too_large() {
  throw Error("indices: votes × seats too large for exact 128-bit arithmetic (above about 10^19)");
}

// ⌊a·b / c⌋ through a 256-bit product (c > 0; the quotient must fit 128 bits).
u128 mul_div_floor(u128 a, u128 b, u128 c) {
  const u128 mask = (u128{1} << 64) - 1;
  const u128 a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
  const u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const u128 middle = (p00 >> 64) + (p01 & mask) + (p10 & mask);
  const u128 low = (p00 & mask) | (middle << 64);
  const u128 high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
  if (high >= c) throw ArithmeticOverflow{};  // the quotient would not fit
  u128 remainder = high, quotient = 0;
  for (int bit = 127; bit >= 0; --bit) {
    const bool carry = (remainder >> 127) != 0;
    remainder = (remainder << 1) | ((low >> bit) & 1);
    quotient <<= 1;
    if (carry || remainder >= c) {
      remainder -= c;  // wraps correctly: the true remainder is below 2c
      quotient |= 1;
    }
  }
  return quotient;
}

// num·scale/den rounded to the nearest, halves up: ⌊(⌊2x⌋ + 1)/2⌋ = ⌊x + 1/2⌋.
std::int64_t nearest(u128 num, u128 scale, u128 den) {
  const u128 twice = mul_div_floor(num, 2 * scale, den);
  return static_cast<std::int64_t>((twice + 1) / 2);
}

u128 magnitude(i128 value) { return static_cast<u128>(value < 0 ? -value : value); }

Indices exact_indices(std::span<const std::int64_t> votes, std::span<const std::int64_t> seats,
                      std::int64_t wasted_votes) {
  Indices result;
  u128 total_votes = 0, total_seats = 0;
  for (const std::int64_t v : votes) total_votes += static_cast<u128>(v);
  for (const std::int64_t s : seats) total_seats += static_cast<u128>(s);
  if (total_votes == 0) return result;
  const u128 V = total_votes, S = total_seats;
  u128 squares_of_votes = 0, squares_of_seats = 0;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    squares_of_votes = checked_add(squares_of_votes, checked_mul(static_cast<u128>(votes[i]), votes[i]));
    squares_of_seats = checked_add(squares_of_seats, checked_mul(static_cast<u128>(seats[i]), seats[i]));
  }
  auto& micro = result.micro;
  micro[5] = nearest(checked_mul(V, V), micro_scale, squares_of_votes);  // enp_votes = 1 / Σ v_i²
  micro[7] = nearest(static_cast<u128>(wasted_votes), 100 * micro_scale, V);
  if (S == 0) return result;
  micro[6] = nearest(S * S, micro_scale, squares_of_seats);  // enp_seats = 1 / Σ s_i²
  const u128 VS = checked_mul(V, S);
  u128 sum_abs = 0, sum_squares = 0, rae_abs = 0, rae_lists = 0, sainte_lague = 0;
  std::optional<std::size_t> most_favoured;  // largest s_i / v_i
  for (std::size_t i = 0; i < votes.size(); ++i) {
    const i128 d =
        static_cast<i128>(votes[i]) * static_cast<i128>(S) - static_cast<i128>(seats[i]) * static_cast<i128>(V);
    const u128 abs_d = magnitude(d);
    sum_abs = checked_add(sum_abs, abs_d);
    sum_squares = checked_add(sum_squares, checked_mul(abs_d, abs_d));
    if (static_cast<u128>(votes[i]) * 200 >= V) {  // Rae leaves out lists under 0.5 % of the votes
      rae_abs = checked_add(rae_abs, abs_d);
      ++rae_lists;
    }
    if (votes[i] == 0) continue;
    // Sainte-Laguë: 100 · Σ (s_i − v_i)² / v_i = 100 · Σ d_i² / (S²·V·V_i), each term to 10^-12.
    const u128 term_den = checked_mul(checked_mul(S * S, V), static_cast<u128>(votes[i]));
    sainte_lague =
        checked_add(sainte_lague, mul_div_floor(checked_mul(abs_d, abs_d), 100 * micro_scale * micro_scale, term_den));
    const auto ratio_above = [&](std::size_t j) {  // s_i/v_i > s_j/v_j
      return static_cast<u128>(seats[i]) * static_cast<u128>(votes[j]) >
             static_cast<u128>(seats[j]) * static_cast<u128>(votes[i]);
    };
    if (!most_favoured || ratio_above(*most_favoured)) most_favoured = i;
  }
  // gallagher = 100·sqrt(Σ d_i² / (2·V²·S²)); y = (2·10^6·G)² = 2·10^16·Σ d_i² / (V·S)².
  const u128 y = mul_div_floor(sum_squares, 2 * micro_scale * micro_scale * 10'000, checked_mul(VS, VS));
  micro[0] = static_cast<std::int64_t>((isqrt(y) + 1) / 2);
  micro[1] = nearest(sum_abs, 50 * micro_scale, VS);  // 50 · Σ |v_i − s_i|
  micro[2] = static_cast<std::int64_t>((sainte_lague + micro_scale / 2) / micro_scale);
  if (most_favoured) {
    const std::size_t i = *most_favoured;  // (S_i/S) / (V_i/V) = S_i·V / (V_i·S)
    micro[3] =
        nearest(checked_mul(static_cast<u128>(seats[i]), V), micro_scale, checked_mul(static_cast<u128>(votes[i]), S));
  }
  if (rae_lists > 0) micro[4] = nearest(rae_abs, 100 * micro_scale, checked_mul(rae_lists, VS));
  return result;
}

}  // namespace

Indices compute_indices(std::span<const std::int64_t> votes, std::span<const std::int64_t> seats,
                        std::int64_t wasted_votes) {
  try {
    return exact_indices(votes, seats, wasted_votes);
  } catch (const ArithmeticOverflow&) {
    too_large();
  }
}

std::vector<Indices> district_and_national_indices(std::span<const std::span<const std::int64_t>> votes,
                                                   std::span<const std::span<const std::int64_t>> seats,
                                                   const std::vector<std::vector<std::size_t>>& list_party,
                                                   std::size_t parties) {
  std::vector<Indices> result;
  std::vector<std::int64_t> national_votes(parties, 0), national_seats(parties, 0);
  std::int64_t national_wasted = 0;
  for (std::size_t d = 0; d < votes.size(); ++d) {
    std::int64_t wasted = 0;
    for (std::size_t i = 0; i < votes[d].size(); ++i) {
      if (seats[d][i] == 0) wasted += votes[d][i];
      national_votes[list_party[d][i]] += votes[d][i];
      national_seats[list_party[d][i]] += seats[d][i];
    }
    national_wasted += wasted;
    result.push_back(compute_indices(votes[d], seats[d], wasted));
  }
  result.push_back(compute_indices(national_votes, national_seats, national_wasted));
  return result;
}

std::vector<IndexRow> election_indices(const Election& election, const std::vector<std::vector<std::int64_t>>& seats) {
  // National totals by party name, parties numbered in order of first appearance.
  std::map<std::string, std::size_t> party_index;
  std::vector<std::vector<std::int64_t>> votes;
  std::vector<std::vector<std::size_t>> list_party;
  for (const District& district : election.districts) {
    std::vector<std::int64_t>& district_votes = votes.emplace_back();
    std::vector<std::size_t>& parties = list_party.emplace_back();
    for (const ListResult& list : district.lists) {
      district_votes.push_back(list.votes);
      parties.push_back(party_index.emplace(list.party, party_index.size()).first->second);
    }
  }
  const std::vector<std::span<const std::int64_t>> vote_spans(votes.begin(), votes.end());
  const std::vector<std::span<const std::int64_t>> seat_spans(seats.begin(), seats.end());
  const std::vector<Indices> values =
      district_and_national_indices(vote_spans, seat_spans, list_party, party_index.size());
  std::vector<IndexRow> rows;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    rows.push_back({election.districts[d].name, false, values[d]});
  rows.push_back({"", true, values.back()});
  return rows;
}

std::vector<IndexRow> published_indices(const Election& election) {
  Election published;
  std::vector<std::vector<std::int64_t>> seats;
  for (const District& district : election.districts) {
    if (!district.has_published()) continue;
    published.districts.push_back(district);
    std::vector<std::int64_t>& row = seats.emplace_back();
    for (const ListResult& list : district.lists) row.push_back(*list.published_seats);
  }
  std::vector<IndexRow> rows = election_indices(published, seats);
  if (published.districts.size() < election.districts.size()) rows.pop_back();
  return rows;
}

std::vector<std::vector<std::int64_t>> outcome_seats(const ElectionOutcome& outcome) {
  std::vector<std::vector<std::int64_t>> seats;
  for (const DistrictOutcome& district : outcome.districts) {
    std::vector<std::int64_t>& row = seats.emplace_back();
    for (const ListOutcome& list : district.lists) row.push_back(list.seats);
  }
  return seats;
}

std::string format_micro(std::int64_t micro) {
  std::string fraction = std::to_string(micro % 1'000'000);
  fraction.insert(0, 6 - fraction.size(), '0');
  return std::to_string(micro / 1'000'000) + "." + fraction;
}

}  // namespace seatsim
