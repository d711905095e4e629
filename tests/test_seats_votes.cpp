// Seats–votes curves: the pieces and their exact break points on elections worked by hand.
#include <doctest/doctest.h>

#include "district_of.hpp"
#include "seatsim/analysis/seats_votes.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/render/seats_votes_report.hpp"

using namespace seatsim;
using seatsim::test::district_of;

namespace {

Rule rule_of(const std::string& method, const std::string& ties) {
  RuleSettings settings;
  settings.method = method;
  settings.ties = ties;
  return settings.build();
}

}  // namespace

TEST_SUITE("seats-votes curves") {
  TEST_CASE("one seat, two parties, proportional swing: the seat changes hands exactly at 1000 votes") {
    Election election;
    election.districts.push_back(district_of("X", 1, {{"A", 400}, {"B", 1000}}));
    // list-order: A, listed first, wins the tie at 1000 against 1000.
    const SeatsVotesCurve curve =
        seats_votes_curve(election, rule_of("dhondt", "list-order"), "A", Swing::proportional);
    REQUIRE(curve.pieces.size() == 2);
    CHECK(curve.house == 1);
    CHECK(curve.pieces[0].seats == 0);
    CHECK(curve.pieces[0].votes_from == 0);
    CHECK(curve.pieces[0].votes_to == 999);
    CHECK(curve.pieces[0].share_to == Rational(999, 1999));
    CHECK(curve.pieces[1].seats == 1);
    CHECK(curve.pieces[1].votes_from == 1000);
    CHECK(curve.pieces[1].share_from == Rational(1, 2));
    CHECK(curve.seats_at_half == 1);
    const std::vector<std::string> footer = seats_votes_footer({curve});
    CHECK(footer[0] == "A: 1 of 1 seats at 50 % of the votes; bias 50.000000 percentage points");
  }

  TEST_CASE("three one-seat districts, uniform swing: seats step 0, 1, 2, 3 at the districts' break-even shares") {
    // A's shares 30 %, 45 %, 60 %: a uniform swing of Δ wins district k when its share passes 50 %.
    Election election;
    election.districts.push_back(district_of("P", 1, {{"A", 300}, {"B", 700}}));
    election.districts.push_back(district_of("Q", 1, {{"A", 450}, {"B", 550}}));
    election.districts.push_back(district_of("R", 1, {{"A", 600}, {"B", 400}}));
    const SeatsVotesCurve curve = seats_votes_curve(election, rule_of("dhondt", "fewer-votes"), "A", Swing::uniform);
    std::vector<std::int64_t> seats;
    for (const CurvePiece& piece : curve.pieces) seats.push_back(piece.seats);
    CHECK(seats == std::vector<std::int64_t>{0, 1, 2, 3});
    // At the cast votes (45 % nationally) A holds 1 seat (R); the pieces follow each other in share.
    REQUIRE(curve.pieces.size() == 4);
    CHECK(curve.pieces[1].share_from < Rational(45, 100));
    CHECK(curve.pieces[1].share_to > Rational(45, 100));
    CHECK(curve.seats_at_half.has_value());
    for (std::size_t k = 1; k < curve.pieces.size(); ++k)
      CHECK(curve.pieces[k - 1].share_to < curve.pieces[k].share_from);
  }
}
