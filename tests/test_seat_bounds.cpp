// Seat bounds for divisor methods: where they bind, checked against independent computations
// (brute force over every allocation; a priority list built and sorted in the test), and the
// infeasible cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <random>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/seat_bounds.hpp"
#include "support.hpp"

using namespace seatsim;

namespace {

using Votes = std::vector<std::int64_t>;
using Seats = std::vector<std::int64_t>;

const TieBreak ties{TieRule::more_votes, 0, 0, "test", {}};

Seats bounded(const std::string& method, const Votes& votes, std::int64_t seats, const std::vector<SeatBound>& bounds) {
  return allocate_bounded(votes, seats, method_by_name(method).divisor(), bounds, ties).seats;
}

// The bounded divisor method by its definition: an allocation within the bounds such that every
// seat won above a minimum has a priority at least that of every seat missed below a maximum.
// Brute force over every allocation; returns all that qualify.
std::vector<Seats> by_definition(const DivisorRule& rule, const Votes& votes, std::int64_t seats,
                                 const std::vector<SeatBound>& bounds) {
  std::vector<Seats> found;
  Seats x(votes.size(), 0);
  std::function<void(std::size_t, std::int64_t)> walk = [&](std::size_t i, std::int64_t left) {
    if (i == votes.size()) {
      if (left != 0) return;
      std::optional<Priority> lowest_won, highest_missed;
      for (std::size_t j = 0; j < votes.size(); ++j) {
        if (votes[j] == 0) {
          if (x[j] != bounds[j].min) return;
          continue;
        }
        if (x[j] > bounds[j].min) {
          const Priority p = rule.priority(votes[j], x[j] - 1);
          if (!lowest_won || p < *lowest_won) lowest_won = p;
        }
        if (!bounds[j].max || x[j] < *bounds[j].max) {
          const Priority q = rule.priority(votes[j], x[j]);
          if (!highest_missed || q > *highest_missed) highest_missed = q;
        }
      }
      if (!lowest_won || !highest_missed || *lowest_won >= *highest_missed) found.push_back(x);
      return;
    }
    const std::int64_t top = bounds[i].max ? std::min(*bounds[i].max, left) : left;
    for (std::int64_t s = bounds[i].min; s <= top; ++s) {
      x[i] = s;
      walk(i + 1, left - s);
    }
    x[i] = 0;
  };
  walk(0, seats);
  return found;
}

}  // namespace

TEST_CASE("a cap binds: the large list stops at its maximum, the rest goes on by D'Hondt") {
  // D'Hondt, 10 seats, unbounded: 6, 3, 1. With the first list capped at 4 the six other seats
  // go to the others by their own quotients: 310, 155, 103.3, 77.5, 62 and 100, 50 -> 5 and 1.
  const Votes votes{620, 310, 100};
  CHECK(bounded("dhondt", votes, 10, {{}, {}, {}}) == Seats{6, 3, 1});
  CHECK(bounded("dhondt", votes, 10, {{0, 4}, {}, {}}) == Seats{4, 5, 1});
}

TEST_CASE("a minimum binds: small lists are lifted, the rest shrinks") {
  // Sainte-Laguë, 6 seats: 5, 1, 0, 0 unbounded; a minimum of 1 each gives 3, 1, 1, 1.
  const Votes votes{900, 150, 20, 10};
  CHECK(bounded("sainte-lague", votes, 6, std::vector<SeatBound>(4, {0, std::nullopt})) == Seats{5, 1, 0, 0});
  CHECK(bounded("sainte-lague", votes, 6, std::vector<SeatBound>(4, {1, std::nullopt})) == Seats{3, 1, 1, 1});
  // A list without votes still takes its minimum, and no more.
  CHECK(bounded("dhondt", {100, 0}, 3, {{0, std::nullopt}, {1, std::nullopt}}) == Seats{2, 1});
}

TEST_CASE("bounded allocations equal the definition on random inputs (brute force)") {
  std::mt19937_64 random(20240607);
  int compared = 0;
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 2 + random() % 3;
    Votes votes(n);
    std::vector<SeatBound> bounds(n);
    for (std::size_t i = 0; i < n; ++i) {
      votes[i] = static_cast<std::int64_t>(random() % 5 == 0 ? 0 : 1 + random() % 1000);
      bounds[i].min = static_cast<std::int64_t>(random() % 3);
      if (random() % 2) bounds[i].max = bounds[i].min + static_cast<std::int64_t>(random() % 4);
    }
    const std::int64_t seats = static_cast<std::int64_t>(random() % 11);
    const std::string method = std::vector<std::string>{"dhondt", "sainte-lague", "adams", "danish"}[random() % 4];
    const DivisorRule rule = method_by_name(method).divisor();
    const std::vector<Seats> expected = by_definition(rule, votes, seats, bounds);
    if (expected.empty()) {
      CHECK_THROWS_AS(allocate_bounded(votes, seats, rule, bounds, ties), Error);
      continue;
    }
    const DistrictSeats got = allocate_bounded(votes, seats, rule, bounds, ties);
    INFO(method << " seats " << seats << " round " << round);
    // Several allocations qualify exactly when equal priorities tie at the boundary.
    CHECK((expected.size() > 1) == got.tie_decided);
    CHECK(std::find(expected.begin(), expected.end(), got.seats) != expected.end());
    ++compared;
  }
  CHECK(compared > 150);
}

TEST_CASE("a tie at the decisive seat above the minimums is detected and broken by the rule") {
  // The first list has a minimum of 1; the second seat is contested at equal D'Hondt quotients
  // 100/2 = 50/1.
  const std::vector<SeatBound> bounds{{1, std::nullopt}, {0, std::nullopt}};
  const DivisorRule dhondt = DivisorRule::dhondt();
  const DistrictSeats more = allocate_bounded(Votes{100, 50}, 2, dhondt, bounds, ties);
  CHECK(more.seats == Seats{2, 0});
  CHECK(more.tie_decided);
  CHECK(more.tie == std::vector<std::uint8_t>{1, 1});
  const TieBreak fewer{TieRule::fewer_votes, 0, 0, "test", {}};
  CHECK(allocate_bounded(Votes{100, 50}, 2, dhondt, bounds, fewer).seats == Seats{1, 1});
  const TieBreak error{TieRule::error, 0, 0, "test", {}};
  CHECK_THROWS_AS(allocate_bounded(Votes{100, 50}, 2, dhondt, bounds, error), TieError);
}

TEST_CASE("infeasible bounds are errors that say why") {
  const DivisorRule rule = DivisorRule::sainte_lague();
  const auto message = [&](const Votes& votes, std::int64_t seats, const std::vector<SeatBound>& bounds) {
    try {
      allocate_bounded(votes, seats, rule, bounds, ties);
    } catch (const Error& error) {
      return error.message();
    }
    return std::string("no error");
  };
  CHECK(message({10, 20}, 3, {{2, std::nullopt}, {2, std::nullopt}}).find("minimums add up to 4") != std::string::npos);
  CHECK(message({10, 20}, 5, {{0, 2}, {0, 2}}).find("allow only 4 of the 5") != std::string::npos);
  CHECK(message({10, 20}, 5, {{3, 2}, {}}).find("above the maximum") != std::string::npos);
  // A list without votes cannot fill the seats its maximum would allow.
  CHECK(message({10, 0}, 3, {{0, 1}, {0, 5}}).find("allow only 1 of the 3") != std::string::npos);
}

TEST_CASE("US House 2020 with a minimum of 2 seats per state: the seatsim result equals an independent priority list") {
  const auto file = test::shared_data("us_2020_house_apportionment.csv");
  if (file.empty()) return;
  const CsvTable table = parse_csv(read_text_file(file.string()), file.string());
  const std::size_t votes_col = table.require_column("votes");
  Votes population;
  for (const CsvRow& row : table.rows) population.push_back(std::stoll(row.fields[votes_col]));
  const std::size_t states = population.size();
  REQUIRE(states == 50);
  const std::int64_t house = 435;

  // Independent: the Census Bureau's priority-list method, started at 2 seats: every state's
  // priority values P / sqrt(n(n+1)) for n = 2, 3, ..., ranked by exact comparison of squares,
  // and the top 435 − 100 taken.
  struct Value {
    std::int64_t population, n;
    std::size_t state;
  };
  std::vector<Value> values;
  for (std::size_t s = 0; s < states; ++s)
    for (std::int64_t n = 2; n < 60; ++n) values.push_back({population[s], n, s});
  std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
    const u128 pa = static_cast<u128>(a.population) * static_cast<u128>(a.population);
    const u128 pb = static_cast<u128>(b.population) * static_cast<u128>(b.population);
    return pa * static_cast<u128>(b.n * (b.n + 1)) > pb * static_cast<u128>(a.n * (a.n + 1));
  });
  Seats expected(states, 2);
  for (std::int64_t k = 0; k < house - 2 * static_cast<std::int64_t>(states); ++k) ++expected[values[k].state];

  const Seats got =
      allocate_bounded(population, house, DivisorRule::huntington_hill(), std::vector<SeatBound>(states, {2, {}}), ties)
          .seats;
  CHECK(got == expected);
  // The minimum binds: without it, some states have a single seat (AK, DE, ND, SD, VT, WY).
  const Seats free =
      allocate_bounded(population, house, DivisorRule::huntington_hill(), std::vector<SeatBound>(states, {0, {}}), ties)
          .seats;
  CHECK(std::count(free.begin(), free.end(), 1) == 6);
  CHECK(std::count(got.begin(), got.end(), 2) > 6);
  CHECK(got != free);
}
