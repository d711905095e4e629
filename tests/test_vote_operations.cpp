// Vote operations against hand-computed results: exact fractions, rounding half to even, the
// rounding report, clamping, and the errors that name the operation, the key's line and the
// closest existing names.
#include <doctest/doctest.h>

#include "seatsim/analysis/vote_operations.hpp"
#include "seatsim/core/error.hpp"

using namespace seatsim;

namespace {

District district(const std::string& name, std::vector<std::pair<std::string, std::int64_t>> lists,
                  std::int64_t seats = 5) {
  District d;
  d.name = name;
  d.seats = seats;
  for (const auto& [party, votes] : lists) {
    ListResult list;
    list.party = party;
    list.votes = votes;
    d.lists.push_back(list);
  }
  return d;
}

std::vector<std::pair<std::string, std::int64_t>> votes_of(const District& d) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const ListResult& list : d.lists) out.emplace_back(list.party, list.votes);
  return out;
}

VoteOperation op(OperationKind kind) {
  VoteOperation o;
  o.kind = kind;
  o.source = "what-if.toml";
  o.line = 10;
  o.key_lines = {{"kind", 11},   {"from", 12},   {"to", 13},        {"share", 14},   {"votes", 14}, {"party", 12},
                 {"points", 13}, {"factor", 13}, {"districts", 15}, {"parties", 12}, {"into", 13}};
  return o;
}

std::string error_of(Election& election, const VoteOperation& o, bool clamp = false) {
  try {
    apply_operation(election, o, 3, {clamp});
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

using Votes = std::vector<std::pair<std::string, std::int64_t>>;

}  // namespace

TEST_CASE("round half to even") {
  CHECK(round_half_even(5, 2) == 2);
  CHECK(round_half_even(7, 2) == 4);
  CHECK(round_half_even(-5, 2) == -2);
  CHECK(round_half_even(-7, 2) == -4);
  CHECK(round_half_even(1, 3) == 0);
  CHECK(round_half_even(2, 3) == 1);
  CHECK(round_half_even(-2, 3) == -1);
  CHECK(round_half_even(12, 4) == 3);
}

TEST_CASE("transfer of a share: exact, rounded half to even, rounding reported") {
  Election e{{district("N", {{"A", 12345}, {"B", 100}, {"C", 7}})}, "votes.csv"};
  VoteOperation t = op(OperationKind::transfer);
  t.from = "A", t.to = "B", t.share = parse_share("10%");
  const OperationReport report = apply_operation(e, t, 1);
  // 10% of 12,345 is 1,234.5: A keeps 11,110.5 -> 11,110 (even), B has 1,334.5 -> 1,334 (even).
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 11110}, {"B", 1334}, {"C", 7}});
  REQUIRE(report.districts.size() == 1);
  CHECK(report.districts[0].rounding_moved == Rational(1));
  CHECK(report.districts[0].rounding_net == Rational(-1));
  CHECK(report.districts[0].votes_before == 12452);
  CHECK(report.districts[0].votes_after == 12451);
  CHECK(report.rounding_moved() == doctest::Approx(1.0));
}

TEST_CASE("transfer of votes, per district, with and without clamp") {
  Election e{{district("N", {{"A", 500}, {"B", 100}}), district("S", {{"A", 50}, {"B", 10}})}, "votes.csv"};
  VoteOperation t = op(OperationKind::transfer);
  t.from = "A", t.to = "B", t.votes = 80;
  CHECK(error_of(e, t) ==
        "what-if.toml:14: operation 3 (transfer): would take 80 votes from 'A' in S, which has 50 (set clamp = true to "
        "move only what it has)");
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 500}, {"B", 100}});  // all or nothing: N is untouched
  Election f{{district("N", {{"A", 500}, {"B", 100}}), district("S", {{"A", 50}, {"B", 10}})}, "votes.csv"};
  const OperationReport report = apply_operation(f, t, 1, {true});
  CHECK(votes_of(f.districts[0]) == Votes{{"A", 420}, {"B", 180}});
  CHECK(votes_of(f.districts[1]) == Votes{{"A", 0}, {"B", 60}});
  CHECK(report.clamped());
  CHECK_FALSE(report.districts[0].clamped);
}

TEST_CASE("uniform swing: points taken from the others in proportion to their votes") {
  Election e{{district("N", {{"A", 400}, {"B", 350}, {"C", 250}})}, "votes.csv"};
  VoteOperation u = op(OperationKind::uniform);
  u.party = "A", u.points = Rational(5);
  const OperationReport report = apply_operation(e, u, 1);
  // V = 1000: A gains 50; B gives 50·350/600 = 29 1/6 -> 320 5/6 -> 321; C gives 20 5/6 -> 229 1/6 -> 229.
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 450}, {"B", 321}, {"C", 229}});
  CHECK(report.districts[0].rounding_moved == Rational(1, 3));
  CHECK(report.districts[0].rounding_net == Rational(0));

  Election lose{{district("N", {{"A", 400}, {"B", 350}, {"C", 250}})}, "votes.csv"};
  u.points = Rational(-10);  // A gives 100: B +100·350/600 = 58 1/3, C +41 2/3
  apply_operation(lose, u, 1);
  CHECK(votes_of(lose.districts[0]) == Votes{{"A", 300}, {"B", 408}, {"C", 292}});
}

TEST_CASE("uniform swing beyond 100% fails, or takes every vote with clamp") {
  Election e{{district("N", {{"A", 400}, {"B", 350}, {"C", 250}})}, "votes.csv"};
  VoteOperation u = op(OperationKind::uniform);
  u.party = "A", u.points = Rational(61);
  CHECK(error_of(e, u).find("what-if.toml:13: operation 3 (uniform): would take the share of 'A' in N above 100%") ==
        0);
  apply_operation(e, u, 1, {true});
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 1000}, {"B", 0}, {"C", 0}});
}

TEST_CASE("proportional, turnout, and negative factors") {
  Election e{{district("N", {{"A", 1001}, {"B", 333}})}, "votes.csv"};
  VoteOperation p = op(OperationKind::proportional);
  p.party = "A", p.factor = parse_rational("0.5");
  apply_operation(e, p, 1);
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 500}, {"B", 333}});  // 500.5 -> 500
  VoteOperation t = op(OperationKind::turnout);
  t.factor = parse_rational("1.5");
  apply_operation(e, t, 2);
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 750}, {"B", 500}});  // 499.5 -> 500 (even)
  p.factor = parse_rational("-1");
  CHECK(error_of(e, p).find("what-if.toml:13: operation 3 (proportional): factor -1 would make the votes of 'A' "
                            "negative in N") == 0);
  apply_operation(e, p, 1, {true});
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 0}, {"B", 500}});
}

TEST_CASE("merge keeps the first member's place, sums exactly, refuses mixed quota groups") {
  Election e{{district("N", {{"A", 10}, {"B", 20}, {"C", 30}, {"D", 5}}), district("S", {{"C", 7}, {"E", 1}})},
             "votes.csv"};
  VoteOperation m = op(OperationKind::merge);
  m.parties = {"C", "B"}, m.into = "B+C";
  apply_operation(e, m, 1);
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 10}, {"B+C", 50}, {"D", 5}});
  CHECK(votes_of(e.districts[1]) == Votes{{"B+C", 7}, {"E", 1}});
  e.districts[0].lists[2].quota_group = "christian";
  VoteOperation bad = op(OperationKind::merge);
  bad.parties = {"A", "D"}, bad.into = "AD";
  CHECK(error_of(e, bad).find("what-if.toml:12: operation 3 (merge): cannot merge lists of different quota groups") ==
        0);
}

TEST_CASE("split hands out shares in order and keeps the rest with the list") {
  Election e{{district("N", {{"A", 1001}, {"B", 10}})}, "votes.csv"};
  VoteOperation s = op(OperationKind::split);
  s.party = "A";
  s.parts = {{"X", parse_share("60%")}, {"Y", parse_share("40%")}};
  apply_operation(e, s, 1);
  // 600.6 -> 601 and 400.4 -> 400; A keeps nothing and leaves.
  CHECK(votes_of(e.districts[0]) == Votes{{"X", 601}, {"Y", 400}, {"B", 10}});
  Election f{{district("N", {{"A", 1000}, {"B", 10}})}, "votes.csv"};
  s.parts = {{"B", parse_share("25%")}};
  apply_operation(f, s, 1);
  CHECK(votes_of(f.districts[0]) == Votes{{"A", 750}, {"B", 260}});
  s.parts = {{"X", parse_share("70%")}, {"Y", parse_share("40%")}};
  CHECK(error_of(f, s) == "what-if.toml:13: operation 3 (split): the shares add up to 110%, above 100%");
}

TEST_CASE("remove and set") {
  Election e{{district("N", {{"A", 10}, {"B", 20}}), district("S", {{"B", 5}})}, "votes.csv"};
  VoteOperation r = op(OperationKind::remove);
  r.party = "A";
  const OperationReport report = apply_operation(e, r, 1);
  CHECK(votes_of(e.districts[0]) == Votes{{"B", 20}});
  CHECK(report.skipped == std::vector<std::string>{"S: no list 'A'"});
  VoteOperation s = op(OperationKind::set);
  s.party = "B", s.votes = 99, s.districts = {"S"};
  apply_operation(e, s, 2);
  CHECK(votes_of(e.districts[1]) == Votes{{"B", 99}});
  CHECK(votes_of(e.districts[0]) == Votes{{"B", 20}});
}

TEST_CASE("names that do not exist: the closest ones are suggested, at the key's line") {
  Election e{{district("Baghdad Governorate", {{"State of Law Coalition", 10}, {"Citizens Alliance", 20}})},
             "votes.csv"};
  VoteOperation t = op(OperationKind::transfer);
  t.from = "State of Law", t.to = "Citizens Alliance", t.share = Rational(1, 10);
  CHECK(error_of(e, t) ==
        "what-if.toml:12: operation 3 (transfer): no list 'State of Law' in any district (did you "
        "mean 'State of Law Coalition'?)");
  t.from = "State of Law Coalition", t.districts = {"Bagdad Governorate"};
  CHECK(error_of(e, t) ==
        "what-if.toml:15: operation 3 (transfer): no district 'Bagdad Governorate' (did you mean "
        "'Baghdad Governorate'?)");
  t.districts = {}, t.to = "State of Law Coalition";
  CHECK(error_of(e, t) ==
        "what-if.toml:13: operation 3 (transfer): moves votes from 'State of Law Coalition' to "
        "itself");
  t.to = "Citizens Alliance", t.share = Rational(3, 2);
  CHECK(error_of(e, t) == "what-if.toml:14: operation 3 (transfer): share 150% is above 100%");
}

TEST_CASE("operations apply in order and each sees the previous result") {
  Election e{{district("N", {{"A", 1000}, {"B", 500}, {"C", 500}})}, "votes.csv"};
  std::vector<VoteOperation> ops(2, op(OperationKind::transfer));
  ops[0].from = "A", ops[0].to = "B", ops[0].share = parse_share("50%");  // A 500, B 1000
  ops[1].kind = OperationKind::merge, ops[1].parties = {"A", "C"}, ops[1].into = "AC";
  const AppliedOperations applied = apply_operations(e, ops);
  CHECK(votes_of(applied.election.districts[0]) == Votes{{"AC", 1000}, {"B", 1000}});
  CHECK(applied.reports.size() == 2);
  CHECK(applied.reports[1].description == "merge 'A', 'C' into 'AC'");
  CHECK(votes_of(e.districts[0]) == Votes{{"A", 1000}, {"B", 500}, {"C", 500}});  // the input is untouched
}
