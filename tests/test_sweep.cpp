// Sweeps: the batched path equals the single allocation for every step (random batches with
// ties), and break points agree with values derived independently in the test: a brute-force
// scan of every vote with a small reference allocator written here, and hand-computed quotient
// and threshold boundaries.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "reference_allocation.hpp"
#include "seatsim/analysis/election_batch.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/analysis/vote_operations.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/batch.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

fs::path write_set(const TempDir& tmp, const std::string& results, const std::string& districts,
                   const std::string& rule = "method = \"sainte-lague\"\n") {
  tmp.write("set/results.csv", results);
  tmp.write("set/districts.csv", districts);
  tmp.write("set/election.toml", "name = \"test\"\n[rule]\n" + rule);
  return tmp.path / "set";
}

struct Loaded {
  Scenario scenario;
  ScenarioBase base;
};
Loaded load(const TempDir& tmp, const std::string& text) {
  const fs::path file = tmp.write("set/what-if/s.toml", text);
  Scenario scenario = load_scenario(file.string());
  ScenarioBase base = load_scenario_base(scenario);
  return {std::move(scenario), std::move(base)};
}

std::int64_t seats_of_party(const SweepStep& step, const std::string& district, const std::string& party) {
  for (std::size_t d = 0; d < step.election.districts.size(); ++d)
    if (step.election.districts[d].name == district)
      for (std::size_t i = 0; i < step.election.districts[d].lists.size(); ++i)
        if (step.election.districts[d].lists[i].party == party) return step.seats[d][i];
  return -1;
}

Method random_method(std::mt19937_64& rng) {
  static const char* names[] = {"dhondt", "sainte-lague", "hare", "droop", "adams", "huntington-hill", "danish"};
  Method method = method_by_name(names[rng() % 7]);
  if (method.name == "sainte-lague" && rng() % 2 == 0) method = with_first_divisor(method, parse_rational("1.4"));
  return method;
}

}  // namespace

TEST_CASE("allocate_batch equals allocate on every column of random batches, ties included") {
  std::mt19937_64 rng(2013);
  int ties = 0;
  for (int batch = 0; batch < 300; ++batch) {
    const Method method = random_method(rng);
    const Eigen::Index lists = 1 + static_cast<Eigen::Index>(rng() % 9),
                       columns = 1 + static_cast<Eigen::Index>(rng() % 40);
    VoteMatrix votes(lists, columns);
    const std::int64_t scale = rng() % 2 == 0 ? 6 : 100'000;  // small votes: many exact ties
    for (Eigen::Index c = 0; c < columns; ++c) {
      for (Eigen::Index r = 0; r < lists; ++r)
        votes(r, c) = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(scale));
      votes(0, c) += 1;  // every column has a vote
    }
    const std::int64_t seats = static_cast<std::int64_t>(rng() % 25);
    std::vector<std::uint64_t> keys(static_cast<std::size_t>(lists));
    for (std::uint64_t& key : keys) key = rng();
    TieBreak tie{static_cast<TieRule>(rng() % 4), rng() % 3, rng(), "", {}};
    tie.list_keys = keys;
    const BatchSeats batched = allocate_batch(votes, seats, method, tie);
    for (Eigen::Index c = 0; c < columns; ++c) {
      const std::vector<std::int64_t> column(votes.col(c).data(), votes.col(c).data() + lists);
      const DistrictSeats single = allocate(column, seats, method, tie);
      ties += single.tie_decided ? 1 : 0;
      for (Eigen::Index r = 0; r < lists; ++r) {
        REQUIRE(batched.seats(r, c) == single.seats[static_cast<std::size_t>(r)]);
        REQUIRE(batched.tie(r, c) == single.tie[static_cast<std::size_t>(r)]);
      }
    }
  }
  CHECK(ties > 100);
}

TEST_CASE("allocate_variants equals allocate per variant: thresholds, quota seats, ties, odd shapes") {
  std::mt19937_64 rng(447);
  for (int round = 0; round < 60; ++round) {
    Election shape;
    shape.source = "generated";
    const int districts = 1 + static_cast<int>(rng() % 3);
    for (int d = 0; d < districts; ++d) {
      District district;
      district.name = "D" + std::to_string(d);
      const int lists = 2 + static_cast<int>(rng() % 6);
      for (int i = 0; i < lists; ++i) {
        ListResult list;
        list.party = "P" + std::to_string(rng() % 8);  // repeated names across districts
        if (i >= 1 && i >= lists - 2 && rng() % 3 == 0) list.quota_group = "g";
        district.lists.push_back(list);
      }
      district.reserved = std::any_of(district.lists.begin(), district.lists.end(),
                                      [](const ListResult& l) { return !l.quota_group.empty(); })
                              ? 1
                              : 0;
      district.seats = district.reserved + 1 + static_cast<std::int64_t>(rng() % 12);
      shape.districts.push_back(district);
    }
    Rule rule;
    rule.method = random_method(rng);
    rule.ties = static_cast<TieRule>(rng() % 4);
    rule.seed = rng() % 5;
    if (rng() % 2 == 0) {
      rule.threshold.value = ThresholdValue::parse(rng() % 2 == 0 ? "10%" : "3v");
      rule.threshold.scope = rng() % 2 == 0 ? ThresholdScope::district : ThresholdScope::national;
    }
    std::vector<Election> variants;
    for (int v = 0; v < 25; ++v) {
      Election e = shape;
      for (District& district : e.districts) {
        for (ListResult& list : district.lists) list.votes = static_cast<std::int64_t>(rng() % 12);
        district.lists.front().votes += 100;  // some list always passes
      }
      if (v == 7) e.districts.back().lists.pop_back();  // a different shape goes the single way
      variants.push_back(std::move(e));
    }
    const std::vector<ElectionSeats> batched = allocate_variants(variants, rule);
    for (std::size_t v = 0; v < variants.size(); ++v) {
      const ElectionSeats single = seats_of(variants[v], rule);
      REQUIRE(batched[v].seats == single.seats);
      REQUIRE(batched[v].tie == single.tie);
    }
  }
}

TEST_CASE("a vote sweep goes through the batch and equals the single allocation of each step") {
  TempDir tmp;
  write_set(tmp,
            "district,party,votes,quota\nN,A,5000,\nN,B,3000,\nN,C,1200,\nN,Q1,90,christian\nN,Q2,60,christian\n"
            "S,A,2000,\nS,B,4500,\nS,D,800,\n",
            "district,seats,reserved\nN,7,1\nS,5,0\n", "method = \"sainte-lague\"\nthreshold = \"9%\"\n");
  const Loaded l = load(tmp, R"(base = "../"
[[op]]
kind = "uniform"
party = "A"
points = "0"
[sweep]
parameter = "op.1.points"
values = { from = "-10", to = "10", step = "0.25" }
)");
  const SweepResult sweep = run_sweep(l.scenario, l.base);
  CHECK(sweep.batched);
  REQUIRE(sweep.steps.size() == 81);
  for (const SweepStep& step : sweep.steps) {
    const SweepStep single = evaluate_sweep_value(l.scenario, l.base, step.exact);
    CHECK(step.seats == single.seats);
    CHECK(step.tie == single.tie);
    CHECK(step.value == single.value);
  }
}

TEST_CASE("transfer sweep: break points match a brute-force scan of every moved vote") {
  TempDir tmp;
  // One district, 10 seats. The transfer moves k = round(7,919·share) votes from A to B.
  write_set(tmp, "district,party,votes\nN,A,7919\nN,B,2852\nN,C,1607\n", "district,seats,reserved\nN,10,0\n");
  const Loaded l = load(tmp, R"(base = "../"
[[op]]
kind = "transfer"
from = "A"
to = "B"
[sweep]
parameter = "op.1.share"
values = { from = "0%", to = "50%", step = "5%" }
)");
  const SweepResult sweep = run_sweep(l.scenario, l.base);
  // Independent: scan every k from 0 to 3,959 (50% of 7,919 rounds to 3,960 (half to even:
  // 3,959.5 -> 3,960)) with the reference allocator, and list where A's or B's seats change.
  std::vector<std::int64_t> change_at;  // k: the first moved vote count with new seats
  Reference previous = sainte_lague({7919, 2852, 1607}, 10);
  for (std::int64_t k = 1; k <= 3960; ++k) {
    const Reference now = sainte_lague({7919 - k, 2852 + k, 1607}, 10);
    REQUIRE_FALSE(now.tie);  // the data were chosen so that no tie blurs the scan
    if (now.seats != previous.seats) change_at.push_back(k);
    previous = now;
  }
  REQUIRE(change_at.size() >= 3);
  REQUIRE(sweep.break_points.size() == change_at.size());
  for (std::size_t b = 0; b < change_at.size(); ++b) {
    const BreakPoint& point = sweep.break_points[b];
    // The break point's two values move k−1 and k votes: A's votes on either side.
    const auto a_change =
        std::find_if(point.changes.begin(), point.changes.end(), [](const SeatChange& c) { return c.party == "A"; });
    std::int64_t a_before = 0, a_after = 0;
    if (a_change != point.changes.end()) {
      a_before = a_change->votes_before, a_after = a_change->votes_after;
    } else {
      // A did not change seats: recover its votes from the exact parameter values.
      a_before = 7919 - static_cast<std::int64_t>(
                            round_half_even(static_cast<i128>(7919) * point.before.num(), point.before.den()));
      a_after = 7919 - static_cast<std::int64_t>(
                           round_half_even(static_cast<i128>(7919) * point.after.num(), point.after.den()));
    }
    CHECK(a_before == 7919 - (change_at[b] - 1));
    CHECK(a_after == 7919 - change_at[b]);
    CHECK(point.before < point.after);
  }
  CHECK(sweep.resolution.find("at most one vote") != std::string::npos);
}

TEST_CASE("first divisor sweep: the exact break where two quotients meet") {
  TempDir tmp;
  // N: A 1000, B 600, 2 seats. A's second quotient is 1000/3; B's first 600/f falls below it
  // when f > 600·3/1000 = 9/5. S: C 700, D 500, E 90, 3 seats (C 2, D 1): D's first quotient
  // 500/f meets C's third 700/5 only at f = 25/7, E's first 90/f meets C's second 700/3 below
  // f = 1: S never changes for f in [1, 2].
  write_set(tmp, "district,party,votes\nN,A,1000\nN,B,600\nS,C,700\nS,D,500\nS,E,90\n",
            "district,seats,reserved\nN,2,0\nS,3,0\n");
  const Loaded l = load(tmp, R"(base = "../"
[sweep]
parameter = "rule.first_divisor"
values = ["1", "1.4", "1.6", "1.7", "1.9", "2"]
)");
  const SweepResult sweep = run_sweep(l.scenario, l.base);
  CHECK_FALSE(sweep.batched);
  REQUIRE(sweep.break_points.size() == 1);
  const BreakPoint& point = sweep.break_points[0];
  CHECK(point.before == Rational(9, 5));
  CHECK(point.after == Rational(9, 5));
  CHECK(point.before_text == "1.8");
  REQUIRE(point.changes.size() == 2);
  CHECK(point.changes[0].party == "A");
  CHECK(point.changes[0].seats_before == 1);
  CHECK(point.changes[0].seats_after == 2);
  CHECK(seats_of_party(sweep.steps[3], "N", "B") == 1);  // 1.7: B keeps its seat
  CHECK(seats_of_party(sweep.steps[4], "N", "B") == 0);  // 1.9: lost
  // At 1.8 itself the quotients are equal; more-votes gives the seat to A.
  CHECK(seats_of_party(evaluate_sweep_value(l.scenario, l.base, Rational(9, 5)), "N", "A") == 2);
  CHECK(point.at_value.find("tie rule (more-votes)") != std::string::npos);
}

TEST_CASE("threshold sweep: breaks exactly at the lists' own shares") {
  TempDir tmp;
  // Shares: A 5,000/10,000, B 3,100, C 1,150 (11.5%), D 750 (7.5%).
  write_set(tmp, "district,party,votes\nN,A,5000\nN,B,3100\nN,C,1150\nN,D,750\n", "district,seats,reserved\nN,10,0\n");
  const Loaded l = load(tmp, R"(base = "../"
[sweep]
parameter = "rule.threshold"
values = { from = "0%", to = "10%", step = "1%" }
)");
  const SweepResult sweep = run_sweep(l.scenario, l.base);
  REQUIRE(sweep.break_points.size() == 1);
  CHECK(sweep.break_points[0].before == Rational(3, 40));  // 7.5%
  CHECK(sweep.break_points[0].before_text == "7.5%");
  // Independently: with D, Sainte-Laguë gives 5,3,1,1; without D, 10 seats among A, B, C.
  CHECK(sainte_lague({5000, 3100, 1150, 750}, 10).seats == std::vector<std::int64_t>{5, 3, 1, 1});
  const std::vector<std::int64_t> without = sainte_lague({5000, 3100, 1150}, 10).seats;
  for (const SeatChange& change : sweep.break_points[0].changes) {
    if (change.party == "D") CHECK(change.seats_after == 0);
    if (change.party == "A") CHECK(change.seats_after == without[0]);
    if (change.party == "B") CHECK(change.seats_after == without[1]);
  }
  // At exactly 7.5% D still passes.
  CHECK(seats_of_party(evaluate_sweep_value(l.scenario, l.base, Rational(3, 40)), "N", "D") == 1);
}

TEST_CASE("seat sweep: every seat total, the Alabama paradox flagged") {
  TempDir tmp;
  // Hare: 10 seats give A 4, B 4, C 2 (C's remainder .43 beats .29); 11 seats give 5, 5, 1.
  write_set(tmp, "district,party,votes\nN,A,6\nN,B,6\nN,C,2\n", "district,seats,reserved\nN,10,0\n",
            "method = \"hare\"\n");
  const Loaded l = load(tmp, R"(base = "../"
[sweep]
parameter = "seats.N"
values = ["10", "11"]
)");
  const SweepResult sweep = run_sweep(l.scenario, l.base);
  REQUIRE(sweep.break_points.size() == 1);
  CHECK(sweep.break_points[0].at_value.find("Alabama paradox") != std::string::npos);
  CHECK(seats_of_party(sweep.steps[0], "N", "C") == 2);
  CHECK(seats_of_party(sweep.steps[1], "N", "C") == 1);
  const fs::path bad =
      tmp.write("set/what-if/bad.toml", "base = \"../\"\n[sweep]\nparameter = \"seats.M\"\nvalues = [1]\n");
  const Scenario scenario = load_scenario(bad.string());
  CHECK_THROWS_WITH_AS(run_sweep(scenario, load_scenario_base(scenario)),
                       (bad.string() + ":3: sweep parameter: no district 'M' (did you mean 'N'?)").c_str(), Error);
}

TEST_CASE("a sweep that would make votes negative names the operation and the value") {
  TempDir tmp;
  write_set(tmp, "district,party,votes\nN,A,100\nN,B,50\n", "district,seats,reserved\nN,3,0\n");
  const Loaded l = load(tmp, R"(base = "../"
[[op]]
kind = "transfer"
from = "A"
to = "B"
[sweep]
parameter = "op.1.votes"
values = ["50", "150"]
)");
  try {
    run_sweep(l.scenario, l.base);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.line() == 2);
    CHECK(error.message().find("operation 1 (transfer): would take 150 votes from 'A' in N, which has 100") == 0);
    CHECK(error.message().find("(at op.1.votes = 150)") != std::string::npos);
  }
}
