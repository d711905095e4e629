// A divisor method registered from outside the library, through its public API only: one definition
// and one registration. A program of its own, so that the method stays out of the other suites (whose
// messages list the known methods).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "../district_of.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/method.hpp"

namespace seatsim {
namespace {

using test::one_district;

// A divisor method that the library does not know: one definition, one registration.
// d(k) = 1, 2.5, 4, 5.5, ... (step 1.5), named "test-step-one-and-a-half".
const bool registered_test_method = register_method({
    "test-step-one-and-a-half",
    {"Test Step 1.5"},
    "1, 2.5, 4, ...",
    [] {
      return divisor_method("test-step-one-and-a-half", DivisorRule::custom({Rational(1), Rational(5, 2)}));
    },
});

std::vector<std::int64_t> seats_of(const ElectionOutcome& outcome) {
  std::vector<std::int64_t> seats;
  for (const ListOutcome& list : outcome.districts.front().lists) seats.push_back(list.seats);
  return seats;
}

}  // namespace

TEST_SUITE("method registration") {
  TEST_CASE("a divisor method registered in a test file allocates by name, in a system file too") {
    REQUIRE(registered_test_method);
    // d = 1, 2.5, 4: A 100 -> 100, 40, 25; B 60 -> 60, 24; C 30 -> 30. Five seats: 100, 60, 40, 30, 25.
    const Election election = one_district({{"A", 100}, {"B", 60}, {"C", 30}}, 5);
    Rule rule;
    rule.method = method_by_name("Test Step 1.5");  // an alias, written as people write it
    CHECK(rule.method.name == "test-step-one-and-a-half");
    CHECK(seats_of(allocate(election, rule)) == std::vector<std::int64_t>{3, 1, 1});

    const System system = parse_system("test.toml",
                                       "[system]\nname = \"t\"\n[system.rule]\n"
                                       "method = \"test-step-one-and-a-half\"\n");
    CHECK(seats_of(allocate(election, system.rule.build())) == std::vector<std::int64_t>{3, 1, 1});
    CHECK_THROWS_WITH_AS(register_method({"TEST step one and a half", {}, "", [] { return method_by_name("dhondt"); }}),
                         doctest::Contains("already registered"), Error);
  }
}

}  // namespace seatsim
