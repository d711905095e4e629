// The Iraq 2013 what-if scenarios (scenarios/iraq-2013/what-if/) against values derived here,
// independently of seatsim's operations and kernel: the votes each operation produces are
// computed by hand in the test (exact fractions, rounded half to even), the seats by the test's
// own reference allocator (reference_allocation.hpp), reserved seats by the rule of the data set
// (each quota group's list with most votes). And every scenario file in scenarios/ runs.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "reference_allocation.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/csv.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

fs::path iraq_dir() { return source_dir() / "scenarios" / "iraq-2013"; }

struct List {
  std::string party;
  std::int64_t votes = 0;
  std::string quota;
};
struct Governorate {
  std::string name;
  std::int64_t seats = 0, reserved = 0;
  std::vector<List> lists;

  std::int64_t total() const {
    std::int64_t sum = 0;
    for (const List& list : lists) sum += list.votes;
    return sum;
  }
  List* find(const std::string& party) {
    for (List& list : lists)
      if (list.party == party) return &list;
    return nullptr;
  }
  std::int64_t votes_of(const std::string& party) const {
    for (const List& list : lists)
      if (list.party == party) return list.votes;
    return -1;
  }
};
using Iraq = std::vector<Governorate>;

Governorate& named(Iraq& iraq, const std::string& name) {
  const auto it = std::find_if(iraq.begin(), iraq.end(), [&](const Governorate& g) { return g.name == name; });
  REQUIRE(it != iraq.end());
  return *it;
}

// The data set as the files have it (parsed with the CSV reader; nothing else of seatsim).
Iraq read_iraq() {
  Iraq out;
  const CsvTable districts = parse_csv(read_text_file((iraq_dir() / "districts.csv").string()), "districts.csv");
  for (const CsvRow& row : districts.rows)
    out.push_back({row.fields[districts.require_column("district")],
                   std::stoll(row.fields[districts.require_column("seats")]),
                   std::stoll(row.fields[districts.require_column("reserved")]),
                   {}});
  const CsvTable results = parse_csv(read_text_file((iraq_dir() / "results.csv").string()), "results.csv");
  for (const CsvRow& row : results.rows) {
    const std::string district = row.fields[results.require_column("district")];
    const auto it = std::find_if(out.begin(), out.end(), [&](const Governorate& g) { return g.name == district; });
    REQUIRE(it != out.end());
    const auto quota = results.column("quota");
    it->lists.push_back({row.fields[results.require_column("party")],
                         std::stoll(row.fields[results.require_column("votes")]),
                         quota ? row.fields[*quota] : std::string()});
  }
  return out;
}

// Exact num/den rounded half to even, written here rather than taken from seatsim.
std::int64_t round_even(i128 num, i128 den) {
  i128 q = num / den, r = num % den;
  if (r < 0) r += den, q -= 1;
  if (2 * r > den || (2 * r == den && q % 2 != 0)) ++q;
  return static_cast<std::int64_t>(q);
}

using Seats = std::map<std::pair<std::string, std::string>, std::int64_t>;  // (district, party) -> seats

struct RuleSpec {
  std::int64_t p = 1, q = 1;                          // first divisor p/q
  std::int64_t threshold_num = 0, threshold_den = 1;  // share of the governorate's votes, at least
};

// The data set's rule, by hand: reserved seats to each quota group's top list, the rest by
// Sainte-Laguë (first divisor p/q) among the general lists that reach the threshold.
Seats allocate_by_hand(const Iraq& iraq, const RuleSpec& rule = {}, bool* tie = nullptr) {
  Seats seats;
  for (const Governorate& g : iraq) {
    std::map<std::string, const List*> top;
    for (const List& list : g.lists)
      if (!list.quota.empty() && (!top[list.quota] || list.votes > top[list.quota]->votes)) top[list.quota] = &list;
    std::vector<std::int64_t> votes;
    std::vector<std::string> general;
    for (const List& list : g.lists) {
      seats[{g.name, list.party}] = 0;
      if (!list.quota.empty()) continue;
      if (static_cast<i128>(list.votes) * rule.threshold_den < static_cast<i128>(rule.threshold_num) * g.total())
        continue;
      votes.push_back(list.votes);
      general.push_back(list.party);
    }
    for (const auto& [group, list] : top) seats[{g.name, list->party}] = 1;
    const Reference result = sainte_lague(votes, g.seats - g.reserved, rule.p, rule.q);
    if (tie && result.tie) *tie = true;
    for (std::size_t i = 0; i < general.size(); ++i) seats[{g.name, general[i]}] = result.seats[i];
  }
  return seats;
}

struct Output {
  Seats seats;
  std::map<std::pair<std::string, std::string>, std::int64_t> votes;
  std::vector<std::map<std::string, std::string>> rows;
};

Output run_scenario_file(const std::string& name, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"scenario", (iraq_dir() / "what-if" / name).string(), "--format", "csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = run_cli(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  Output out;
  out.rows = csv_records(r.out);
  for (const auto& row : out.rows) {
    if (row.count("level") && row.at("level") != "district") continue;
    if (!row.count("seats")) continue;
    if (row.at("votes").empty()) {  // a base list the operations removed: no seat in the scenario
      CHECK(row.at("seats") == "0");
      continue;
    }
    const auto key = std::make_pair(row.at("district"), row.at("party"));
    out.seats[key] = std::stoll(row.at("seats"));
    out.votes[key] = std::stoll(row.at("votes"));
  }
  return out;
}

void check_seats(const Seats& actual, const Seats& expected) {
  CHECK(actual.size() == expected.size());
  for (const auto& [key, seats] : expected) {
    const auto& where = key;  // clang 14 cannot capture a structured binding in INFO's lambda
    INFO(where.first << " / " << where.second);
    REQUIRE(actual.count(key) == 1);
    CHECK(actual.at(key) == seats);
  }
}

// One sweep step's seats and votes from the long table.
Output step_of(const Output& sweep, const std::string& value) {
  Output out;
  for (const auto& row : sweep.rows) {
    if (row.at("value") != value) continue;
    const auto key = std::make_pair(row.at("district"), row.at("party"));
    out.seats[key] = std::stoll(row.at("seats"));
    out.votes[key] = std::stoll(row.at("votes"));
  }
  return out;
}

Iraq transfer_share(Iraq iraq, const std::string& from, const std::string& to, const Rational& share,
                    const std::vector<std::string>& only = {}) {
  for (Governorate& g : iraq) {
    if (!only.empty() && std::find(only.begin(), only.end(), g.name) == only.end()) continue;
    List *a = g.find(from), *b = g.find(to);
    if (!a || !b) continue;
    const i128 moved_num = static_cast<i128>(a->votes) * share.num();  // moved = moved_num / den
    const std::int64_t va = a->votes;
    a->votes = round_even(static_cast<i128>(va) * share.den() - moved_num, share.den());
    b->votes = round_even(static_cast<i128>(b->votes) * share.den() + moved_num, share.den());
  }
  return iraq;
}

}  // namespace

TEST_CASE("every scenario file in scenarios/ runs") {
  int count = 0, iraq_count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "scenarios")) {
    if (entry.path().extension() != ".toml" || entry.path().filename() == "election.toml") continue;
    if (entry.path().parent_path().filename() != "what-if") continue;  // scenario files live in what-if/
    const RunResult r = run_cli({"scenario", entry.path().string(), "--format", "csv"});
    INFO(entry.path().string() << ": " << r.err);
    CHECK(r.status == 0);
    CHECK(!r.out.empty());
    ++count;
    if (entry.path().string().find("iraq-2013") != std::string::npos) ++iraq_count;
  }
  CHECK(iraq_count >= 8);
  CHECK(count >= iraq_count);
}

TEST_CASE("Iraq: the later Iraqi first divisors 1.6, 1.7 and 1.9") {
  const Iraq data = read_iraq();
  const std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> divisors = {
      {"first-divisor-1.6.toml", 8, 5}, {"first-divisor-1.7.toml", 17, 10}, {"first-divisor-1.9.toml", 19, 10}};
  const Seats plain = allocate_by_hand(data);
  for (const auto& [file, p, q] : divisors) {
    const std::string& scenario_file = file;  // clang 14 cannot capture a structured binding in INFO's lambda
    INFO(scenario_file);
    bool tie = false;
    const Seats expected = allocate_by_hand(data, {p, q, 0, 1}, &tie);
    CHECK_FALSE(tie);
    const Output out = run_scenario_file(file);
    check_seats(out.seats, expected);
    CHECK(expected != plain);  // the question has an answer: seats move
  }
}

TEST_CASE("Iraq: a 5% threshold per governorate") {
  const Iraq data = read_iraq();
  bool tie = false;
  const Seats expected = allocate_by_hand(data, {1, 1, 1, 20}, &tie);
  CHECK_FALSE(tie);
  const Output out = run_scenario_file("threshold-5pct.toml");
  check_seats(out.seats, expected);
  // Quota lists are far below 5% of Baghdad and keep their reserved seats.
  CHECK(out.seats.at({"Baghdad Governorate", "Raed Jabar Saleh"}) == 1);
}

TEST_CASE("Iraq: State of Law loses 10% to the Citizens Alliance in Baghdad and Basra") {
  const Iraq data = read_iraq();
  const Iraq changed = transfer_share(data, "State of Law Coalition", "Citizens Alliance", Rational(1, 10),
                                      {"Baghdad Governorate", "Basra Governorate"});
  const Output out = run_scenario_file("state-of-law-loses-10pct-baghdad-basra.toml");
  // 10% of 569,178 is 56,917.8: State of Law keeps 512,260.2 -> 512,260.
  CHECK(out.votes.at({"Baghdad Governorate", "State of Law Coalition"}) == 512260);
  CHECK(out.votes.at({"Baghdad Governorate", "Citizens Alliance"}) == 163022 + 56918);
  CHECK(out.votes.at({"Babil Governorate", "State of Law Coalition"}) == 142568);  // elsewhere unchanged
  check_seats(out.seats, allocate_by_hand(changed));
}

TEST_CASE("Iraq: the Citizens Alliance and the Liberal Coalition merged") {
  Iraq data = read_iraq();
  for (Governorate& g : data) {
    List *c = g.find("Citizens Alliance"), *l = g.find("Liberal Coalition");
    if (!c && !l) continue;
    List merged{"Citizens Alliance + Liberal Coalition", (c ? c->votes : 0) + (l ? l->votes : 0), ""};
    std::erase_if(g.lists,
                  [](const List& x) { return x.party == "Citizens Alliance" || x.party == "Liberal Coalition"; });
    g.lists.push_back(merged);
  }
  const Output out = run_scenario_file("merge-citizens-liberal.toml");
  CHECK(out.votes.at({"Baghdad Governorate", "Citizens Alliance + Liberal Coalition"}) == 163022 + 137808);
  check_seats(out.seats, allocate_by_hand(data));
}

TEST_CASE("Iraq: differential turnout in Basra moves seats, uniform turnout in Baghdad does not") {
  Iraq data = read_iraq();
  Iraq basra = data;
  for (Governorate& g : basra)
    if (g.name == "Basra Governorate") g.find("State of Law Coalition")->votes = round_even(292658 * 4, 5);
  const Output differential = run_scenario_file("differential-turnout-basra.toml");
  CHECK(differential.votes.at({"Basra Governorate", "State of Law Coalition"}) == 234126);  // 234,126.4
  const Seats expected = allocate_by_hand(basra);
  check_seats(differential.seats, expected);
  CHECK(expected != allocate_by_hand(data));

  Iraq baghdad = data;
  for (Governorate& g : baghdad)
    if (g.name == "Baghdad Governorate")
      for (List& list : g.lists) list.votes = round_even(static_cast<i128>(list.votes) * 4, 5);
  const Output uniform = run_scenario_file("uniform-turnout-baghdad.toml");
  CHECK(uniform.votes.at({"Baghdad Governorate", "State of Law Coalition"}) == round_even(569178 * 4, 5));
  check_seats(uniform.seats, allocate_by_hand(baghdad));
  check_seats(uniform.seats, allocate_by_hand(data));  // no seat moves
}

TEST_CASE("Iraq: the Liberal Coalition split 60/40 in Baghdad") {
  Iraq data = read_iraq();
  for (Governorate& g : data) {
    if (g.name != "Baghdad Governorate") continue;
    const std::int64_t v = g.find("Liberal Coalition")->votes;
    std::erase_if(g.lists, [](const List& x) { return x.party == "Liberal Coalition"; });
    g.lists.push_back({"Liberal Coalition (A)", round_even(static_cast<i128>(v) * 3, 5), ""});
    g.lists.push_back({"Liberal Coalition (B)", round_even(static_cast<i128>(v) * 2, 5), ""});
  }
  const Output out = run_scenario_file("split-liberal-baghdad.toml");
  CHECK(out.votes.at({"Baghdad Governorate", "Liberal Coalition (A)"}) == 82685);  // 82,684.8
  CHECK(out.votes.at({"Baghdad Governorate", "Liberal Coalition (B)"}) == 55123);  // 55,123.2
  check_seats(out.seats, allocate_by_hand(data));
}

TEST_CASE("Iraq: the swing sweep from State of Law to the Citizens Alliance, break points to one vote") {
  const Iraq data = read_iraq();
  const Output sweep = run_scenario_file("swing-state-of-law-to-citizens.toml");
  for (int percent = 0; percent <= 20; ++percent) {
    const std::string value = std::to_string(percent) + "%";
    INFO(value);
    const Iraq changed = transfer_share(data, "State of Law Coalition", "Citizens Alliance", Rational(percent, 100));
    Iraq changed_copy = changed;
    const Output step = step_of(sweep, value);
    check_seats(step.seats, allocate_by_hand(changed));
    CHECK(step.votes.at({"Basra Governorate", "Citizens Alliance"}) ==
          named(changed_copy, "Basra Governorate").votes_of("Citizens Alliance"));
  }
  const Output breaks = run_scenario_file("swing-state-of-law-to-citizens.toml", {"--break-points"});
  REQUIRE(!breaks.rows.empty());
  // Each break point: the seats by hand at its two values, which move exactly one vote.
  for (const auto& row : breaks.rows) {
    INFO(row.at("before") << " " << row.at("district") << " " << row.at("party"));
    const Rational before = parse_share(row.at("before")), after = parse_share(row.at("after"));
    const Iraq at_before = transfer_share(data, "State of Law Coalition", "Citizens Alliance", before);
    const Iraq at_after = transfer_share(data, "State of Law Coalition", "Citizens Alliance", after);
    CHECK(allocate_by_hand(at_before).at({row.at("district"), row.at("party")}) == std::stoll(row.at("seats_before")));
    CHECK(allocate_by_hand(at_after).at({row.at("district"), row.at("party")}) == std::stoll(row.at("seats_after")));
    for (std::size_t g = 0; g < data.size(); ++g)
      if (data[g].name == row.at("district"))
        CHECK(at_before[g].votes_of("State of Law Coalition") - at_after[g].votes_of("State of Law Coalition") == 1);
  }
  // Completeness in Basra: scan every moved vote up to 20% and list where its seats change.
  Iraq copy = data;
  const Governorate basra = named(copy, "Basra Governorate");
  const std::int64_t sol = basra.votes_of("State of Law Coalition"), ca = basra.votes_of("Citizens Alliance");
  std::vector<std::int64_t> expected_sol_after;  // State of Law's votes at each change
  Iraq one = {basra};
  Seats previous = allocate_by_hand(one);
  for (std::int64_t k = 1; k <= round_even(static_cast<i128>(sol) * 20, 100); ++k) {
    one[0].find("State of Law Coalition")->votes = sol - k;
    one[0].find("Citizens Alliance")->votes = ca + k;
    const Seats now = allocate_by_hand(one);
    if (now != previous) expected_sol_after.push_back(sol - k);
    previous = now;
  }
  std::vector<std::int64_t> reported;
  for (const auto& row : breaks.rows)
    if (row.at("district") == "Basra Governorate" && row.at("party") == "State of Law Coalition")
      reported.push_back(std::stoll(row.at("votes_after")));
  CHECK(reported == expected_sol_after);
}

TEST_CASE("Iraq: the swing at which the Liberal Coalition takes its next seat in Basra") {
  const Iraq data = read_iraq();
  const Output breaks = run_scenario_file("liberal-next-seat-basra.toml", {"--break-points"});
  REQUIRE(!breaks.rows.empty());
  const auto& first = breaks.rows.front();
  // By hand: Liberal gains g = V·points/100; every other list gives g·v/(V − v_liberal).
  const auto swing = [&](const Rational& points) {
    Iraq out = data;
    Governorate& basra = named(out, "Basra Governorate");
    const i128 total = basra.total(), liberal = basra.find("Liberal Coalition")->votes, others = total - liberal;
    for (List& list : basra.lists) {
      if (list.party == "Liberal Coalition")
        list.votes = round_even(liberal * 100 * points.den() + total * points.num(), 100 * points.den());
      else
        list.votes = round_even(static_cast<i128>(list.votes) * (100 * points.den() * others - total * points.num()),
                                100 * points.den() * others);
    }
    return out;
  };
  const Rational before = parse_rational(first.at("before")), after = parse_rational(first.at("after"));
  const Seats seats_before = allocate_by_hand(swing(before)), seats_after = allocate_by_hand(swing(after));
  CHECK(seats_before.at({"Basra Governorate", "Liberal Coalition"}) == 3);
  CHECK(seats_after.at({"Basra Governorate", "Liberal Coalition"}) == 4);
  CHECK(after - before == Rational(1, 10000));  // a grid step: at most one vote per list
  Iraq at_before = swing(before), at_after = swing(after);
  CHECK(named(at_after, "Basra Governorate").votes_of("Liberal Coalition") -
            named(at_before, "Basra Governorate").votes_of("Liberal Coalition") <=
        1);
  // And no earlier swing gives the seat: the next seat comes at the break, not before.
  CHECK(allocate_by_hand(swing(Rational(0))).at({"Basra Governorate", "Liberal Coalition"}) == 3);
}

TEST_CASE("Iraq: Najaf's last seat turns on 21 votes") {
  const Iraq data = read_iraq();
  const Output breaks = run_scenario_file("najaf-last-seat.toml", {"--break-points"});
  REQUIRE(breaks.rows.size() == 2);
  CHECK(breaks.rows[0].at("before") == "20");
  CHECK(breaks.rows[0].at("after") == "21");
  // By hand: Loyalty to Najaf's 9th seat (v/17) against State of Law's 6th (v/11).
  // 20 votes moved: 118,290/17 = 6,958.2 > 76,539/11 = 6,958.1; 21 moved: 118,289·11 < 76,540·17.
  CHECK(118290 * 11 > 76539 * 17);
  CHECK(118289 * 11 < 76540 * 17);
  Iraq moved = data;
  for (Governorate& g : moved)
    if (g.name == "Najaf Governorate") {
      g.find("Loyalty to Najaf")->votes -= 21;
      g.find("State of Law Coalition")->votes += 21;
    }
  CHECK(allocate_by_hand(moved).at({"Najaf Governorate", "State of Law Coalition"}) == 6);
}

TEST_CASE("Iraq: the first divisor sweep, seats per value and exact break points") {
  const Iraq data = read_iraq();
  const Output sweep = run_scenario_file("first-divisor-sweep.toml");
  for (int tenth = 10; tenth <= 20; ++tenth) {
    const Rational f(tenth, 10);
    INFO(f.to_string());
    check_seats(step_of(sweep, f.to_string()).seats, allocate_by_hand(data, {f.num(), f.den(), 0, 1}));
  }
  const Output breaks = run_scenario_file("first-divisor-sweep.toml", {"--break-points"});
  REQUIRE(!breaks.rows.empty());
  // The first change: Nineveh at f = 8,076/7,787, where Iraq's Benevolence list's first quotient
  // 8,076/f meets Nineveh's Bravery Coalition's second, 23,361/3: 8,076·3/23,361 = 8,076/7,787.
  CHECK(breaks.rows[0].at("before") == "8076/7787");
  CHECK(Rational(8076 * 3, 23361) == Rational(8076, 7787));
  // Every break point: by hand just below and just above the exact value.
  const Rational epsilon(1, 100'000'000);
  for (const auto& row : breaks.rows) {
    INFO(row.at("before") << " " << row.at("party"));
    const Rational c = parse_rational(row.at("before"));
    const Rational below = c - epsilon, above = c + epsilon;
    const auto key = std::make_pair(row.at("district"), row.at("party"));
    CHECK(allocate_by_hand(data, {below.num(), below.den(), 0, 1}).at(key) == std::stoll(row.at("seats_before")));
    CHECK(allocate_by_hand(data, {above.num(), above.den(), 0, 1}).at(key) == std::stoll(row.at("seats_after")));
  }
}
