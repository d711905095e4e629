// Disproportionality indices: exact values worked by hand, an independent floating-point
// computation of every formula on random results, and published values (the Gallagher index of
// Canada 2015, and New Zealand 2005 as worked in the English Wikipedia's "Gallagher index" article).
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "district_of.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/kernel/election_allocation.hpp"

using namespace seatsim;
using seatsim::test::district_of;

namespace {

enum Index { gallagher, loosemore_hanby, sainte_lague, dhondt, rae, enp_votes, enp_seats, wasted_share };

long double value(const Indices& indices, Index index) {
  REQUIRE(indices.micro[index].has_value());
  return static_cast<long double>(*indices.micro[index]) / 1e6L;
}

// Every formula of docs/indices.md in long double, straight from the shares.
std::array<long double, 8> by_floating_point(const std::vector<std::int64_t>& votes,
                                             const std::vector<std::int64_t>& seats, std::int64_t wasted) {
  long double V = 0, S = 0;
  for (const auto v : votes) V += v;
  for (const auto s : seats) S += s;
  long double squares = 0, absolute = 0, sainte_lague = 0, most = 0, rae_absolute = 0, rae_lists = 0, sv = 0, ss = 0;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    const long double v = 100 * votes[i] / V, s = 100 * seats[i] / S;
    squares += (v - s) * (v - s);
    absolute += std::fabs(v - s);
    if (votes[i] > 0) sainte_lague += (s - v) * (s - v) / v;
    if (votes[i] > 0) most = std::max(most, s / v);
    if (v >= 0.5L) rae_absolute += std::fabs(v - s), rae_lists += 1;
    sv += (v / 100) * (v / 100);
    ss += (s / 100) * (s / 100);
  }
  return {std::sqrt(squares / 2),   absolute / 2, sainte_lague, most,
          rae_absolute / rae_lists, 1 / sv,       1 / ss,       100 * wasted / V};
}

}  // namespace

TEST_SUITE("indices") {
  TEST_CASE("indices worked by hand: votes 6:6:2, seats 4:4:2 (Hamilton, 10 seats)") {
    // v = 3/7, 3/7, 1/7; s = 2/5, 2/5, 1/5; |v − s| = 1/35, 1/35, 2/35.
    const Indices indices = compute_indices(std::vector<std::int64_t>{6, 6, 2}, std::vector<std::int64_t>{4, 4, 2}, 0);
    CHECK(*indices.micro[loosemore_hanby] == 5'714'286);  // 100 · ½ · 4/35 = 5.7142857…
    CHECK(*indices.micro[gallagher] == 4'948'717);        // 100 · √(½ · 6/35²) = 100·√3/35 = 4.9487166…
    CHECK(*indices.micro[dhondt] == 1'400'000);           // (1/5)/(1/7) = 7/5
    CHECK(*indices.micro[rae] == 3'809'524);              // 100 · (4/35)/3 = 3.8095238…
    CHECK(*indices.micro[enp_votes] == 2'578'947);        // 1/(9/49 + 9/49 + 1/49) = 49/19
    CHECK(*indices.micro[enp_seats] == 2'777'778);        // 1/(4/25 + 4/25 + 1/25) = 25/9
    CHECK(*indices.micro[wasted_share] == 0);
    // Sainte-Laguë: 100 · Σ (s − v)²/v = 100 · (2 · (1/35)²/(3/7) + (2/35)²/(1/7)) = 100 · 2/75 = 2.6666…
    CHECK(*indices.micro[sainte_lague] == 2'666'667);
  }

  TEST_CASE("indices agree with an independent floating-point computation on random results") {
    std::mt19937_64 random(26);
    for (int trial = 0; trial < 500; ++trial) {
      const auto pick = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(random);
      };
      const std::size_t lists = static_cast<std::size_t>(pick(2, 12));
      std::vector<std::int64_t> votes, seats;
      std::int64_t wasted = 0;
      for (std::size_t i = 0; i < lists; ++i) {
        votes.push_back(pick(1, trial % 2 ? 10'000'000 : 1000));
        seats.push_back(pick(0, 40));
        if (seats.back() == 0) wasted += votes.back();
      }
      seats[0] += 1;  // at least one seat
      CAPTURE(trial);
      const Indices exact = compute_indices(votes, seats, wasted);
      const auto expected = by_floating_point(votes, seats, wasted);
      for (std::size_t k = 0; k < index_names.size(); ++k) {
        CAPTURE(index_names[k]);
        CHECK(std::fabs(value(exact, static_cast<Index>(k)) - expected[k]) <= 1.5e-6L);
      }
    }
  }

  TEST_CASE("undefined indices are empty: no votes, or no seats") {
    const Indices none = compute_indices(std::vector<std::int64_t>{0, 0}, std::vector<std::int64_t>{0, 0}, 0);
    for (const auto& micro : none.micro) CHECK(!micro);
    const Indices no_seats = compute_indices(std::vector<std::int64_t>{5, 5}, std::vector<std::int64_t>{0, 0}, 10);
    CHECK(*no_seats.micro[enp_votes] == 2'000'000);
    CHECK(*no_seats.micro[wasted_share] == 100'000'000);
    CHECK(!no_seats.micro[gallagher]);
    CHECK(!no_seats.micro[enp_seats]);
  }

  TEST_CASE("numbers beyond exact 128-bit arithmetic are an error, never a wrapped value") {
    // 30 lists of 4·10^18 votes: Σ V_i² ≈ 4.8·10^38 does not fit 128 bits (3.4·10^38).
    const std::vector<std::int64_t> votes(30, 4'000'000'000'000'000'000);
    const std::vector<std::int64_t> seats(30, 1);
    CHECK_THROWS_WITH_AS(compute_indices(votes, seats, 0), doctest::Contains("too large for exact 128-bit"), Error);
  }

  TEST_CASE("published: Canada 2015, Gallagher index 12.0 (iscanadafair.ca, as in votelib's test_measure.py)") {
    // Elections Canada's votes and seats of 2015 (others: 91,837 votes, no seat); the least-squares index
    // published by iscanadafair.ca/gallagher-index is 12.0, the value votelib's own test asserts.
    const std::vector<std::int64_t> votes = {6'943'276, 5'613'614, 3'470'350, 821'144, 602'944, 91'837};
    const std::vector<std::int64_t> seats = {184, 99, 44, 10, 1, 0};
    const Indices indices = compute_indices(votes, seats, 91'837);
    CHECK(std::fabs(value(indices, gallagher) - 12.0L) < 0.05L);
    CHECK(*indices.micro[gallagher] == 11'979'252);  // 11.9792517 by the independent computation
  }

  TEST_CASE("published: New Zealand 2005 (Wikipedia, \"Gallagher index\"): the article's rows give 1.1255") {
    // The article's table lists the party-vote percentages and seat percentages of the 121-seat House
    // with their squared differences; those rows sum to 2.5336 (the article prints a total of 2.4711
    // and an index of 1.11, an arithmetic slip), and √(2.5336/2) = 1.1255. From the percentages and
    // the exact seats the index is 1.12506.
    const std::vector<std::int64_t> percent_votes = {4110, 3910, 572, 530, 212, 267, 151, 116, 62, 25,
                                                     12,   7,    5,   5,   4,   3,   3,   2,   2};
    const std::vector<std::int64_t> seats = {50, 48, 7, 6, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const Indices indices = compute_indices(percent_votes, seats, 0);
    CHECK(std::fabs(value(indices, gallagher) - 1.1255L) < 0.001L);
  }

  TEST_CASE("election indices: per district, then national by party name, wasted votes per district") {
    Election election;
    election.districts.push_back(district_of("N", 3, {{"A", 60}, {"B", 40}}));
    election.districts.push_back(district_of("S", 2, {{"A", 10}, {"B", 90}}));
    const std::vector<std::vector<std::int64_t>> seats = {{2, 1}, {0, 2}};
    const std::vector<IndexRow> rows = election_indices(election, seats);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].district == "N");
    CHECK(rows[2].national);
    // National: A 70/200 votes, 2/5 seats; B 130/200, 3/5. LH = 100·½·(0.05 + 0.05) = 5.
    CHECK(*rows[2].values.micro[loosemore_hanby] == 5'000'000);
    // Wasted: A's 10 votes in S (no seat there) of 200.
    CHECK(*rows[2].values.micro[wasted_share] == 5'000'000);
    CHECK(*rows[1].values.micro[wasted_share] == 10'000'000);
  }
}
