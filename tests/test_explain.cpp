// Leveling placement as a family of rules, and `seatsim explain`: the award record of the Norwegian
// rule on Norway 2021 (against the published placement), the Swedish rule (adjustment seats by
// votes / (2n + 1) with no cap per constituency; excess fixed seats returned) on examples worked out
// by hand in the comments, and the explain command's CSV.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "district_of.hpp"
#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/leveling_placement.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

Rule sweden_rule(std::int64_t adjustment_seats) {
  Rule rule;
  rule.method = with_first_divisor(method_by_name("sainte-lague"), Rational(6, 5));
  rule.ties = TieRule::lot;
  rule.leveling.seats = adjustment_seats;
  rule.leveling.threshold = ThresholdValue::parse("4%");
  rule.leveling.placement = "sweden";
  return rule;
}

std::string seats_of(const ElectionOutcome& outcome) {
  std::string text;
  for (const DistrictOutcome& district : outcome.districts)
    for (const ListOutcome& list : district.lists)
      text += std::to_string(list.district_seats) + "+" + std::to_string(list.leveling_seats) + " ";
  return text;
}

std::vector<std::string> awards_of(const LevelingOutcome& leveling) {
  std::vector<std::string> out;
  for (const LevelingAward& award : leveling.awards)
    out.push_back(award.seat.party + "@" + award.seat.district + "/" + exact_text(award.seat.comparison));
  return out;
}

// Column `name` of every row of a CSV text.
std::vector<std::string> column(const CsvTable& table, const std::string& name) {
  const std::size_t c = table.require_column(name);
  std::vector<std::string> out;
  for (const CsvRow& row : table.rows) out.push_back(row.fields[c]);
  return out;
}

// The published leveling seats of the Norway 2021 file: "party|district" per seat.
std::set<std::string> published_leveling(const fs::path& file) {
  const CsvTable table = parse_csv(read_text_file(file.string()), file.string());
  const std::vector<std::string> parties = column(table, "party"), districts = column(table, "district"),
                                 leveling = column(table, "leveling_seats");
  std::set<std::string> out;
  for (std::size_t r = 0; r < parties.size(); ++r)
    if (leveling[r] == "1") out.insert(parties[r] + "|" + districts[r]);
  return out;
}

}  // namespace

TEST_SUITE("explain") {
  TEST_CASE("sweden: adjustment seats one at a time by votes/(2n+1), n fixed and adjustment seats held") {
    // Fixed seats (SL 1.2). N (3): A 5000/1.2 = 4166.7, A 5000/3 = 1666.7, B 1500/1.2 = 1250 -> A 2, B 1.
    // S (3): A 3000/1.2 = 2500, B 2800/1.2 = 2333.3, C 2100/1.2 = 1750 -> A 1, B 1, C 1.
    // National (SL 1.2, 9 seats) on A 8000, B 4300, C 3000: A 6666.7, B 3583.3, A 2666.7, C 2500, A 1600,
    // B 1433.3, A 1142.9, C 1000, A 888.9 -> A 5, B 2, C 2: adjustment seats A 2, B 0, C 1.
    // A's first: N 5000/5 = 1000 = S 3000/3 = 1000, a tie decided by lot; its second goes to the other
    // district at 1000 (the winner's next is 5000/7 or 3000/5, lower). C's: N 900/1 = 900 > S 2100/3 = 700.
    const Election election = make_election(
        {{"N", 3, {{"A", 5000}, {"B", 1500}, {"C", 900}}}, {"S", 3, {{"A", 3000}, {"B", 2800}, {"C", 2100}}}});
    const ElectionOutcome outcome = allocate(election, sweden_rule(3));
    REQUIRE(outcome.leveling);
    const LevelingOutcome& leveling = *outcome.leveling;
    CHECK(leveling.national_seats == std::vector<std::int64_t>{5, 2, 2});
    CHECK(leveling.leveling_seats == std::vector<std::int64_t>{2, 0, 1});
    CHECK(seats_of(outcome) == "2+1 1+0 0+1 1+1 1+0 1+0 ");
    REQUIRE(leveling.awards.size() == 3);
    CHECK(leveling.awards[0].tie);
    CHECK_FALSE(leveling.awards[1].tie);
    CHECK(leveling.awards[0].seat.district != leveling.awards[1].seat.district);
    CHECK(exact_text(leveling.awards[0].seat.comparison) == "1000");
    CHECK(exact_text(leveling.awards[1].seat.comparison) == "1000");
    CHECK(awards_of(leveling)[2] == "C@N/900");
    CHECK(leveling.awards[2].seat.divisor == Rational(1));
    CHECK(leveling.awards[2].step == 3);
    REQUIRE(outcome.notes.size() == 1);
    CHECK(outcome.notes[0].find("equal comparison numbers for A in N, S") != std::string::npos);
  }

  TEST_CASE("sweden: no cap per constituency, each seat held raises the divisor there") {
    // Fixed: N (2): A 5000, A 2000, B 833.3 -> A 2. S (1): B 700/1.2 = 583.3 > A 100/1.2 -> B 1.
    // National (8 seats) on A 6100, B 1700: A 5083.3, 2033.3, B 1416.7, A 1220, 871.4, 677.8, B 566.7,
    // A 554.5 -> A 6, B 2: adjustment A 4, B 1. A: N 6000/5 = 1200, 6000/7, 6000/9, 6000/11 all beat
    // S 100/1: all four in N. B: N 1000/1 beats S 700/3.
    const Election election = make_election({{"N", 2, {{"A", 6000}, {"B", 1000}}}, {"S", 1, {{"A", 100}, {"B", 700}}}});
    const ElectionOutcome outcome = allocate(election, sweden_rule(5));
    CHECK(seats_of(outcome) == "2+4 0+1 0+0 1+0 ");
    CHECK(awards_of(*outcome.leveling) ==
          std::vector<std::string>{"A@N/1200", "A@N/6000/7", "A@N/2000/3", "A@N/6000/11", "B@N/1000"});
    CHECK(outcome.leveling->awards[1].seat.divisor == Rational(7));
  }

  TEST_CASE("sweden: a party with more fixed seats than its national share gives back the excess") {
    // Three one-seat districts, one adjustment seat. Fixed: A wins all three (1000 > 950, 1100 > 900,
    // 1200 > 850). National (4 seats) on A 3300, B 2700: A 2750, B 2250, A 1100, B 900 -> A 2, B 2.
    // A holds 3 > 2: it gives back the seat won with the lowest comparison number, N's 1000/1.2 = 2500/3
    // (S 1100/1.2, T 1000). B's 2 adjustment seats (1 + the returned one): N 950/1, then S 900/1 (N is
    // now 950/3).
    const Election election = make_election({{"N", 1, {{"A", 1000}, {"B", 950}}},
                                             {"S", 1, {{"A", 1100}, {"B", 900}}},
                                             {"T", 1, {{"A", 1200}, {"B", 850}}}});
    const ElectionOutcome outcome = allocate(election, sweden_rule(1));
    CHECK(seats_of(outcome) == "0+0 0+1 1+0 0+1 1+0 0+0 ");
    const LevelingOutcome& leveling = *outcome.leveling;
    CHECK(leveling.excess == std::vector<std::int64_t>{1, 0});
    CHECK(leveling.national_seats == std::vector<std::int64_t>{2, 2});
    CHECK(leveling.leveling_seats == std::vector<std::int64_t>{0, 2});
    REQUIRE(leveling.returned.size() == 1);
    CHECK(leveling.returned[0].seat.district == "N");
    CHECK(exact_text(leveling.returned[0].seat.comparison) == "2500/3");
    CHECK(leveling.returned[0].seat.divisor == Rational(6, 5));
    CHECK(awards_of(leveling) == std::vector<std::string>{"B@N/950", "B@S/900"});
    // Norway's rule drops A instead and apportions again: 4 − 3 = 1 seat, all B's.
    Rule norway = sweden_rule(1);
    norway.leveling.placement = "norway";
    norway.leveling.per_district = 1;
    const ElectionOutcome dropped = allocate(election, norway);
    CHECK(dropped.leveling->dropped == std::vector<bool>{true, false});
    CHECK(seats_of(dropped) == "1+0 0+1 1+0 0+0 1+0 0+0 ");
  }

  TEST_CASE("norway 2021: the 19 leveling seats land where published, in the order of the Norwegian rule") {
    const fs::path file = shared_data("norway_2021_storting_full.csv");
    if (file.empty()) return;
    RuleSources sources;
    sources.system = "norway-storting-2005";
    const ElectionSetup setup = prepare_election(file.string(), sources);
    const ElectionOutcome outcome = allocate(setup.input.election, setup.rule);
    REQUIRE(outcome.leveling);
    const std::vector<LevelingAward>& awards = outcome.leveling->awards;
    REQUIRE(awards.size() == 19);
    std::set<std::string> placed, districts;
    for (std::size_t k = 0; k < awards.size(); ++k) {
      CAPTURE(k);
      CHECK(awards[k].step == static_cast<std::int64_t>(k) + 1);
      // Every candidate passed over ranks between the previous award and this one, and was closed:
      // its district had its seat already, or its party had none left.
      for (const SkippedCandidate& skip : awards[k].skipped) {
        CHECK(skip.candidate.comparison >= awards[k].seat.comparison);
        if (k > 0) CHECK(skip.candidate.comparison <= awards[k - 1].seat.comparison);
        if (skip.reason == "district has its leveling seat already")
          CHECK(districts.contains(skip.candidate.district));
        else
          CHECK(skip.reason == "party has no leveling seat left");
      }
      // The rule takes quotients from the highest down: each award's quotient is at most the last.
      if (k > 0) CHECK(awards[k].seat.comparison <= awards[k - 1].seat.comparison);
      CHECK_FALSE(districts.contains(awards[k].seat.district));
      placed.insert(awards[k].seat.party + "|" + awards[k].seat.district);
      districts.insert(awards[k].seat.district);
    }
    CHECK(districts.size() == 19);  // one per district
    CHECK(placed == published_leveling(file));
  }

  TEST_CASE("seatsim explain: the award table as CSV, one district, JSON, and a rule without leveling") {
    const fs::path file = shared_data("norway_2021_storting_full.csv");
    if (file.empty()) return;
    const RunResult csv = run_cli({"explain", file.string(), "--system", "norway-storting-2005", "--format", "csv"});
    REQUIRE(csv.status == 0);
    const CsvTable table = parse_csv(csv.out, "explain.csv");
    CHECK(table.header == std::vector<std::string>{"step", "party", "district", "comparison", "divisor", "reason"});
    const std::vector<std::string> reasons = column(table, "reason");
    CHECK(std::count(reasons.begin(), reasons.end(), "awarded") == 19);
    const RunResult one = run_cli(
        {"explain", file.string(), "--system", "norway-storting-2005", "--district", "Oslo", "--format", "csv"});
    REQUIRE(one.status == 0);
    const CsvTable oslo = parse_csv(one.out, "oslo.csv");
    for (const std::string& district : column(oslo, "district")) CHECK(district == "Oslo");
    const std::vector<std::string> oslo_reasons = column(oslo, "reason");
    CHECK(std::count(oslo_reasons.begin(), oslo_reasons.end(), "awarded") == 1);
    const RunResult json = run_cli({"explain", file.string(), "--system", "norway-storting-2005", "--format", "json"});
    REQUIRE(json.status == 0);
    CHECK(json.out.find("\"comparison_exact\"") != std::string::npos);
    CHECK(json.out.find("\"national\"") != std::string::npos);
    CHECK(json.out.find("\"rows\"") != std::string::npos);
    CHECK(json.out.find("\"skipped\"") != std::string::npos);
    const RunResult table_text =
        run_cli({"explain", file.string(), "--system", "norway-storting-2005", "--format", "table"});
    // 169 less the district seats of Ap (48) and Sp (28), dropped for exceeding their shares, and of the lists
    // below 4% (KrF 3, MDG 3, Pasientfokus 1): 86 seats apportioned in the end.
    CHECK(table_text.out.find("National apportionment (86 seats)") != std::string::npos);
    CHECK(table_text.out.find("Arbeiderpartiet") < table_text.out.find("Høyre"));  // by votes, for people
    const RunResult unknown =
        run_cli({"explain", file.string(), "--system", "norway-storting-2005", "--district", "Atlantis"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("no district named 'Atlantis'") != std::string::npos);
    const RunResult plain = run_cli({"explain", file.string()});
    CHECK(plain.status == 2);
    CHECK(plain.err.find("no leveling tier") != std::string::npos);
  }
}

}  // namespace seatsim::test
