// Unit tests of the allocation kernel: every rule on a worked example, and the known traps.
#include <doctest/doctest.h>

#include <vector>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/method.hpp"

using namespace seatsim;

namespace {

using Votes = std::vector<std::int64_t>;
using Seats = std::vector<std::int64_t>;

DistrictSeats run(const std::string& method, const Votes& votes, std::int64_t seats, TieRule rule = TieRule::more_votes,
                  const std::string& first = {}) {
  Method m = method_by_name(method);
  if (!first.empty()) m = with_first_divisor(m, parse_rational(first));
  return allocate(votes, seats, m, TieBreak{rule, 0, 0, "test", {}});
}

Seats seats_of(const std::string& method, const Votes& votes, std::int64_t seats, const std::string& first = {}) {
  return run(method, votes, seats, TieRule::more_votes, first).seats;
}

}  // namespace

TEST_CASE("divisor methods on the textbook example (100000, 80000, 30000, 20000, 8 seats)") {
  const Votes votes{100000, 80000, 30000, 20000};
  CHECK(seats_of("dhondt", votes, 8) == Seats{4, 3, 1, 0});
  CHECK(seats_of("sainte-lague", votes, 8) == Seats{3, 3, 1, 1});
  CHECK(seats_of("jefferson", votes, 8) == Seats{4, 3, 1, 0});
  CHECK(seats_of("webster", votes, 8) == Seats{3, 3, 1, 1});
}

TEST_CASE("Danish, Imperiali, Adams and Dean differ where their divisors say") {
  // Danish 1, 4, 7: 100, 30, 25 -> 2/1; D'Hondt 100, 50, 33.3 -> 3/0.
  CHECK(seats_of("danish", {100, 30}, 3) == Seats{2, 1});
  CHECK(seats_of("dhondt", {100, 30}, 3) == Seats{3, 0});
  // Imperiali 2, 3, 4: 50, 33.3, 25 beat 22.5 -> 3/0; D'Hondt 100, 50, 45 -> 2/1.
  CHECK(seats_of("imperiali", {100, 45}, 3) == Seats{3, 0});
  CHECK(seats_of("dhondt", {100, 45}, 3) == Seats{2, 1});
  // Adams: every list with votes takes a seat first.
  CHECK(seats_of("adams", {100, 5, 1}, 3) == Seats{1, 1, 1});
  CHECK(seats_of("adams", {100, 5, 1}, 4) == Seats{2, 1, 1});
  // Fewer seats than lists under d(0) = 0: lists rank by votes for their first seat.
  CHECK(seats_of("adams", {100, 5, 1}, 2) == Seats{1, 1, 0});
  // Dean d(1) = 4/3: 4/(4/3) = 3 beats 3/(4/3) = 2.25.
  CHECK(seats_of("dean", {4, 3}, 3) == Seats{2, 1});
  CHECK(seats_of("huntington-hill", {4, 3}, 2) == Seats{1, 1});
}

TEST_CASE("largest remainder methods on the textbook example (10 seats)") {
  const Votes votes{47000, 16000, 15800, 12000, 6100, 3100};
  CHECK(seats_of("hare", votes, 10) == Seats{5, 2, 1, 1, 1, 0});
  CHECK(seats_of("hamilton", votes, 10) == Seats{5, 2, 1, 1, 1, 0});
  CHECK(seats_of("droop", votes, 10) == Seats{5, 2, 2, 1, 0, 0});
}

TEST_CASE("trap: Sainte-Lague 1.4 with votes 45 and 21 is an exact tie for the second seat") {
  // 45/3 = 15 = 21/1.4 exactly; floating point evaluates 21/1.4 to 15.000000000000002.
  const Votes votes{45, 21};
  const DistrictSeats more = run("sainte-lague", votes, 2, TieRule::more_votes, "1.4");
  CHECK(more.seats == Seats{2, 0});
  CHECK(more.tie_decided);
  CHECK(more.tie == std::vector<std::uint8_t>{1, 1});
  CHECK(run("sainte-lague", votes, 2, TieRule::fewer_votes, "1.4").seats == Seats{1, 1});
  CHECK(run("sainte-lague", votes, 2, TieRule::list_order, "1.4").seats == Seats{2, 0});
  CHECK_THROWS_AS(run("sainte-lague", votes, 2, TieRule::error, "1.4"), TieError);
  // One seat or three seats: no tie decides anything.
  CHECK_FALSE(run("sainte-lague", votes, 1, TieRule::error, "1.4").tie_decided);
  CHECK(run("sainte-lague", votes, 3, TieRule::error, "1.4").seats == Seats{2, 1});
}

TEST_CASE("trap: D'Hondt 10, 10, 1 for one seat: equal votes, every tie rule answers") {
  const Votes votes{10, 10, 1};
  CHECK(run("dhondt", votes, 1, TieRule::list_order).seats == Seats{1, 0, 0});
  CHECK_THROWS_AS(run("dhondt", votes, 1, TieRule::error), TieError);
  // more-votes and fewer-votes fall back to lot, which is reproducible for a seed.
  for (const TieRule rule : {TieRule::more_votes, TieRule::fewer_votes, TieRule::lot}) {
    const DistrictSeats first = run("dhondt", votes, 1, rule);
    CHECK(first.seats == run("dhondt", votes, 1, rule).seats);
    CHECK(first.seats[0] + first.seats[1] == 1);
    CHECK(first.seats[2] == 0);
    CHECK(first.tie == std::vector<std::uint8_t>{1, 1, 0});
  }
  // Different seeds draw differently for at least one seed out of many.
  bool both_outcomes = false;
  const Method dhondt = method_by_name("dhondt");
  const Seats seed0 = allocate(votes, 1, dhondt, TieBreak{TieRule::lot, 0, 0, "", {}}).seats;
  for (std::uint64_t seed = 1; seed < 64 && !both_outcomes; ++seed)
    both_outcomes = allocate(votes, 1, dhondt, TieBreak{TieRule::lot, seed, 0, "", {}}).seats != seed0;
  CHECK(both_outcomes);
}

TEST_CASE("trap: Hagenbach-Bischoff 100, 100, 100 for 2 seats hands out 3 whole quotas") {
  // Quota 300/3 = 100: three whole quotas for two seats. The excess seat is withdrawn from the
  // smallest remainder; all are 0, so the tie rule decides which list loses it.
  const DistrictSeats result = run("hagenbach-bischoff", {100, 100, 100}, 2, TieRule::list_order);
  CHECK(result.quota_excess == 1);
  CHECK(result.seats == Seats{1, 1, 0});
  CHECK(result.tie_decided);
  CHECK_THROWS_AS(run("hagenbach-bischoff", {100, 100, 100}, 2, TieRule::error), TieError);
  // Imperiali quota V/(S+2) with one list: three whole quotas for one seat, withdrawn in rounds.
  CHECK(run("imperiali-quota", {100}, 1).seats == Seats{1});
}

TEST_CASE("edge cases: zero votes, one list, more seats than voters, no seats") {
  CHECK(seats_of("dhondt", {0, 10}, 3) == Seats{0, 3});
  CHECK(seats_of("adams", {0, 10}, 3) == Seats{0, 3});
  CHECK(seats_of("hare", {0, 10}, 3) == Seats{0, 3});
  CHECK(seats_of("sainte-lague", {7}, 5) == Seats{5});
  CHECK(seats_of("sainte-lague", {2, 1}, 10) == Seats{7, 3});
  CHECK(seats_of("dhondt", {5, 4}, 0) == Seats{0, 0});
  CHECK_THROWS_AS(seats_of("dhondt", {0, 0}, 1), Error);
  CHECK(seats_of("dhondt", {0, 0}, 0) == Seats{0, 0});
}

TEST_CASE("divisor sequences are exact fractions") {
  const DivisorRule sl = DivisorRule::sainte_lague().with_first_divisor(parse_rational("1.4"));
  CHECK(sl.divisor(0) == Rational(7, 5));
  CHECK(sl.divisor(1) == Rational(3));
  CHECK(sl.divisor(5) == Rational(11));
  const DivisorRule custom = DivisorRule::custom({Rational(7, 5), Rational(3), Rational(5)});
  CHECK(custom.divisor(0) == Rational(7, 5));
  CHECK(custom.divisor(3) == Rational(7));
  CHECK(custom.divisor(10) == Rational(21));
  CHECK(DivisorRule::dean().divisor(2) == Rational(12, 5));
  CHECK_THROWS_AS(DivisorRule::sainte_lague().with_first_divisor(Rational(3)), Error);
  CHECK_THROWS_AS(DivisorRule::custom({Rational(1), Rational(1)}), Error);
  CHECK_THROWS_AS(DivisorRule::custom({Rational(0), Rational(0)}), Error);
  CHECK_THROWS_AS(with_first_divisor(method_by_name("hare"), Rational(1)), Error);
  CHECK_THROWS_AS(method_by_name("sainte-lageu"), Error);
}

TEST_CASE("rationals parse decimals exactly") {
  CHECK(parse_rational("1.4") == Rational(7, 5));
  CHECK(parse_rational("1.60") == Rational(8, 5));
  CHECK(parse_rational("7/5") == Rational(7, 5));
  CHECK(parse_rational("-0.25") == Rational(-1, 4));
  CHECK(parse_share("5%") == Rational(1, 20));
  CHECK(parse_share("0.5%") == Rational(1, 200));
  CHECK(Rational(7, 5).to_string() == "1.4");
  CHECK(Rational(1, 3).to_string() == "1/3");
  CHECK(format_percent(Rational(1, 20)) == "5%");
  for (const char* bad : {"", "1.4.1", "abc", "1e5", "1,4", "1/0", "."}) CHECK_THROWS_AS(parse_rational(bad), Error);
}

TEST_CASE("exact comparison survives where doubles cannot tell quotients apart") {
  // 10^12 - 1 and 10^12 over divisors 3 and 3 + 3e-12 scale: use Huntington-Hill squares at the
  // limits to make sure nothing overflows.
  const Votes votes{1'000'000'000'000, 999'999'999'999};
  const Seats seats = seats_of("huntington-hill", votes, 1'000'000);
  CHECK(seats[0] + seats[1] == 1'000'000);
  CHECK(seats[0] - seats[1] <= 1);
  CHECK(seats_of("dhondt", votes, 1'000'000)[0] == 500'000);
}
