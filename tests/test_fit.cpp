// `seatsim fit`: exact first-divisor intervals on cases derived by hand, endpoint inclusion by
// the tie rule, empty sets, other methods, and the interval type itself.
#include <doctest/doctest.h>

#include "seatsim/analysis/rule_fit.hpp"
#include "seatsim/kernel/quotient.hpp"
#include "support.hpp"

using namespace seatsim::test;
using seatsim::FirstDivisorSet;
using seatsim::Rational;

namespace {

std::map<std::string, std::string> fit_row(const std::string& votes, std::vector<std::string> extra,
                                           int expected_status) {
  std::vector<std::string> args = {"fit", "-", "--format", "csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = run_cli(args, votes);
  CHECK_MESSAGE(r.status == expected_status, r.err);
  const auto rows = csv_records(r.out);
  REQUIRE(rows.size() == 1);
  return rows.front();
}

}  // namespace

TEST_CASE("fit derives the exact interval for A 100 B 60 C 25 with 3 seats published 2/1/0") {
  // Quotients: A 100/f, 100/3, 100/5; B 60/f, 60/3; C 25/f. A's last (second) seat 100/3 must beat
  // C's first 25/f: f ≥ 25·3/100 = 3/4. B's only seat 60/f must beat A's next 20 and B's next 20:
  // f ≤ 3, the limit d(1) = 3 itself excluded. At f = 3/4, C's 100/3 ties A's 100/3: more votes
  // gives it to A (included); fewer votes gives it to C (excluded).
  const std::string votes = "party,votes,published_seats\nA,100,2\nB,60,1\nC,25,0\n";
  auto row = fit_row(votes, {}, 0);
  CHECK(row.at("first_divisors") == "[3/4, 3)");
  CHECK(row.at("low") == "3/4");
  CHECK(row.at("low_included") == "yes");
  CHECK(row.at("high_included") == "no");
  CHECK(row.at("low_decimal") == "0.75");
  row = fit_row(votes, {"--ties", "fewer-votes"}, 0);
  CHECK(row.at("first_divisors") == "(3/4, 3)");
  // D'Hondt: divisors f, 2, 3: A's second 50 ≥ 25/f → f ≥ 1/2; B's 60/f ≥ A's next 100/3 → f ≤ 9/5,
  // where B ties A's third seat and more votes give it to A: 9/5 excluded.
  row = fit_row(votes, {"--method", "dhondt"}, 0);
  CHECK(row.at("first_divisors") == "[1/2, 9/5)");
  CHECK(row.at("methods_matching").find("dhondt") != std::string::npos);
  CHECK(row.at("methods_matching").find("sainte-lague") != std::string::npos);
}

TEST_CASE("fit reports why no first divisor explains a district") {
  // B with fewer votes than C holds the seat C misses: impossible for any divisor.
  auto row = fit_row("party,votes,published_seats\nA,100,2\nB,20,1\nC,25,0\n", {}, 1);
  CHECK(row.at("first_divisors") == "none");
  CHECK(row.at("reason").find("B has 1 seat with 20 votes, C none with 25 votes") != std::string::npos);
  CHECK(row.at("methods_matching").empty());  // no method puts B, with fewer votes, ahead of C
  TempDir tmp;
  const fs::path seats = tmp.write("s.csv", "district,seats\n,4\n");
  const RunResult r = run_cli({"fit", "-", "--seats-file", seats.string(), "--format", "csv"},
                              "party,votes,published_seats\nA,100,2\nB,60,1\n");
  CHECK(r.status == 1);
  CHECK(r.out.find("published seats sum to 3, not to the 4 general seats") != std::string::npos);
}

TEST_CASE("fit: bad input exits 2") {
  const RunResult quota = run_cli({"fit", "-", "--method", "hare"}, "party,votes,published_seats\nA,1,1\n");
  CHECK(quota.status == 2);
  CHECK(quota.err.find("'hare' is not one") != std::string::npos);
  const RunResult hill = run_cli({"fit", "-", "--method", "huntington-hill"}, "party,votes,published_seats\nA,1,1\n");
  CHECK(hill.status == 2);
}

TEST_CASE("fit intersects the districts and names the empty intersection") {
  // Two districts; the first needs f ≥ 3/4 (above), the second f < 3/10: no common f.
  // Second: A 100, B 10 for 2 seats published 1/1: B's 10/f ≥ A's 100/3 → f ≤ 3/10, where the tie
  // goes to A (excluded); f = 0 gives every list its first seat (included).
  const std::string votes =
      "district,party,votes,published_seats\nN,A,100,2\nN,B,60,1\nN,C,25,0\nS,A,100,1\nS,B,10,1\n";
  const RunResult r = run_cli({"fit", "-", "--format", "table"}, votes);
  CHECK(r.status == 0);  // each district is explained by some first divisor
  CHECK(r.out.find("[0, 3/10)") != std::string::npos);
  CHECK(r.out.find("intersection over the 2 districts some first divisor explains: none") != std::string::npos);
}

TEST_CASE("FirstDivisorSet intersection and membership and descriptions") {
  const FirstDivisorSet a = FirstDivisorSet::interval(Rational(1, 2), true, Rational(3), false);
  const FirstDivisorSet b = FirstDivisorSet::interval(Rational(0), true, Rational(1, 2), true);
  const FirstDivisorSet both = a.intersect(b);
  CHECK(both.describe() == "{1/2}");
  CHECK(both.contains(Rational(1, 2)));
  CHECK_FALSE(a.contains(Rational(3)));
  CHECK(a.contains(Rational(29, 10)));
  CHECK(a.intersect(FirstDivisorSet::interval(Rational(3), true, Rational(4), true)).empty);
  CHECK(FirstDivisorSet::interval(Rational(2), false, Rational(2), true).empty);
  CHECK(FirstDivisorSet::interval(Rational(1, 3), false, Rational(7, 5), true).describe() == "(1/3, 7/5]");
  CHECK(FirstDivisorSet::interval(Rational(1, 3), false, Rational(7, 5), true).describe_decimal() == "(0.3333, 1.4]");
  CHECK(seatsim::format_fraction(2, 3, 1) == "0.7");
  CHECK(seatsim::format_fraction(142568, 17, 1) == "8386.4");
  CHECK(seatsim::format_fraction(1, 2, 0) == "1");
  CHECK(seatsim::group_thousands(7214146) == "7,214,146");
  CHECK(seatsim::group_thousands(-1000) == "-1,000");
}
