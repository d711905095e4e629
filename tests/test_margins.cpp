// Seat margins, proven by re-allocation: for every list, the whole election is allocated again
// with the margin and with one vote less (the public `allocate`, not the margin search), on
// synthetic elections under every method, threshold kind, tie rule and reserved seats, and on
// the shared real elections. Small synthetic elections are also scanned vote by vote, which
// proves that no smaller number of votes would do (quota methods are not vote-monotone).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "seatsim/analysis/margins.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

// Seats of list (d, i) when it has `votes` votes, by the public allocation: the threshold over
// the whole election, then district d. None when no list with votes passes the threshold. Every
// lot is decided against list i (or, `lucky`, for it), independently of the margins' seeds: the
// rule becomes list order, with the lists in the order the rule ranks them and list i after (or
// before) every list it could tie with by lot. Under `--ties error` a tie is not won: list i last.
std::optional<std::int64_t> seats_with(Election election, Rule rule, std::size_t d, std::size_t i, std::int64_t votes,
                                       bool lucky = false) {
  election.districts[d].lists[i].votes = votes;
  std::vector<ListResult>& lists = election.districts[d].lists;
  const std::string party = lists[i].party;
  if (rule.ties != TieRule::list_order) {
    const TieRule ties = rule.ties;
    rule.ties = TieRule::list_order;
    std::vector<std::size_t> order(lists.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (ties == TieRule::more_votes && lists[a].votes != lists[b].votes) return lists[a].votes > lists[b].votes;
      if (ties == TieRule::fewer_votes && lists[a].votes != lists[b].votes) return lists[a].votes < lists[b].votes;
      const bool a_is_i = a == i, b_is_i = b == i;
      return lucky ? a_is_i && !b_is_i : b_is_i && !a_is_i;
    });
    std::vector<ListResult> sorted;
    for (const std::size_t k : order) sorted.push_back(lists[k]);
    lists = std::move(sorted);
    i = static_cast<std::size_t>(std::find(order.begin(), order.end(), i) - order.begin());
  }
  std::vector<bool> passes;
  if (rule.threshold.scope == ThresholdScope::district) {
    passes = district_threshold_passes(election.districts[d], rule.threshold, {});
  } else {
    passes = threshold_passes(election, rule.threshold)[d];
  }
  try {
    return allocate_district(election.districts[d], passes, rule, election.source).lists[i].seats;
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Checks every list's margins by re-allocation at the margin and one vote short of it.
std::size_t check_by_reallocation(const Election& election, const Rule& rule) {
  const Margins margins = compute_margins(election, rule);
  std::size_t checked = 0;
  for (const ListMargin& m : margins.lists) {
    INFO("district " << election.districts[m.district].name << ", list "
                     << election.districts[m.district].lists[m.list].party << ", votes " << m.votes << ", seats "
                     << m.seats);
    if (m.votes_to_gain) {
      CHECK(*m.votes_to_gain >= 1);
      CHECK(seats_with(election, rule, m.district, m.list, m.votes + *m.votes_to_gain).value_or(-1) >= m.seats + 1);
      CHECK(seats_with(election, rule, m.district, m.list, m.votes + *m.votes_to_gain - 1).value_or(m.seats) <=
            m.seats);
      CHECK(!m.gain_from.empty());
    }
    if (m.seats == 0) CHECK(!m.votes_to_lose);
    if (m.votes_to_lose && *m.votes_to_lose < m.votes && m.lose_at_lot != 0) {
      CHECK(seats_with(election, rule, m.district, m.list, m.votes - *m.votes_to_lose).value_or(-1) >= m.seats);
      CHECK(seats_with(election, rule, m.district, m.list, m.votes - *m.votes_to_lose - 1).value_or(m.seats - 1) <
            m.seats);
    }
    ++checked;
  }
  return checked;
}

Rule rule_from(const std::vector<std::pair<std::string, std::string>>& keys) {
  RuleSettings settings;
  for (const auto& [key, value] : keys) {
    if (key == "method") settings.method = value;
    if (key == "first_divisor") settings.first_divisor = value;
    if (key == "threshold") settings.threshold = value;
    if (key == "threshold_scope") settings.threshold_scope = value;
    if (key == "ties") settings.ties = value;
    if (key == "exempt") settings.threshold_exempt = std::vector<std::string>{value};
  }
  return settings.build();
}

Election election_from(const std::string& csv, const std::string& seats_csv) {
  Election election = read_votes(parse_csv(csv, "votes.csv"));
  SeatSources sources;
  sources.seats_file = read_seat_totals(parse_csv(seats_csv, "seats.csv"));
  apply_seat_totals(election, sources);
  return election;
}

// A random small election: 1–3 districts of 1–7 seats, 2–6 lists with 0–80 votes, sometimes a
// reserved seat with one or two lists of its group.
Election random_election(std::mt19937_64& random) {
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  std::string votes = "district,party,votes,quota\n", seats = "district,seats,reserved\n";
  const int districts = pick(1, 3);
  for (int d = 0; d < districts; ++d) {
    const std::string name = "D" + std::to_string(d);
    const int lists = pick(2, 6);
    const bool reserved = pick(0, 3) == 0;
    for (int i = 0; i < lists; ++i)
      votes += name + ",P" + std::to_string(i) + "," + std::to_string(pick(i == 0 ? 1 : 0, 80)) + ",\n";
    if (reserved)
      for (int g = 0; g < pick(1, 2); ++g)
        votes += name + ",Q" + std::to_string(g) + "," + std::to_string(pick(0, 30)) + ",minority\n";
    seats += name + "," + std::to_string(pick(1, 7) + (reserved ? 1 : 0)) + "," + (reserved ? "1" : "0") + "\n";
  }
  return election_from(votes, seats);
}

// Where a lot alone would decide, by brute force: the first count of votes at which the luckiest
// draw wins a seat more, when the unluckiest does not yet; the first loss at which the unluckiest
// draw loses a seat while the luckiest keeps it.
void check_lots_by_scanning(const Election& election, const Rule& rule, const ListMargin& m, std::int64_t limit) {
  std::optional<std::int64_t> gain_at_lot, lose_at_lot;
  if (rule.ties == TieRule::error || rule.ties == TieRule::list_order) {  // no lot is ever drawn
    CHECK(!m.gain_at_lot);
    CHECK(!m.lose_at_lot);
    return;
  }
  const std::int64_t gain_end = m.votes_to_gain.value_or(limit);
  for (std::int64_t x = 0; x < gain_end && m.votes_to_gain && !gain_at_lot; ++x)
    if (seats_with(election, rule, m.district, m.list, m.votes + x, true).value_or(m.seats) >= m.seats + 1)
      gain_at_lot = x;
  if (m.votes_to_gain) CHECK(m.gain_at_lot.value_or(-1) == gain_at_lot.value_or(-1));
  for (std::int64_t y = 0; y <= m.votes && m.seats > 0; ++y) {
    if (seats_with(election, rule, m.district, m.list, m.votes - y).value_or(m.seats - 1) >= m.seats) continue;
    if (seats_with(election, rule, m.district, m.list, m.votes - y, true).value_or(m.seats - 1) >= m.seats)
      lose_at_lot = y;
    break;
  }
  CHECK(m.lose_at_lot.value_or(-1) == lose_at_lot.value_or(-1));
}

// The exact margins by brute force: every vote count in turn, up to `limit` votes away.
void check_by_scanning(const Election& election, const Rule& rule, std::int64_t limit) {
  const Margins margins = compute_margins(election, rule);
  for (const ListMargin& m : margins.lists) {
    INFO("district " << m.district << ", list " << m.list << ", votes " << m.votes << ", seats " << m.seats);
    // A reserved list holds at most its group's seat, a general list at most the general seats.
    const District& district = election.districts[m.district];
    const bool reserved = !district.lists[m.list].quota_group.empty();
    const bool full = m.seats >= (reserved ? 1 : district.seats - district.reserved);
    std::optional<std::int64_t> gain;
    for (std::int64_t x = 1; x <= (full ? 50 : limit) && !gain; ++x)
      if (seats_with(election, rule, m.district, m.list, m.votes + x).value_or(m.seats) >= m.seats + 1) gain = x;
    if (full) CHECK(!m.votes_to_gain);
    if (gain || !m.votes_to_gain || *m.votes_to_gain <= limit) CHECK(m.votes_to_gain.value_or(-1) == gain.value_or(-1));
    if (m.seats == 0) continue;
    std::optional<std::int64_t> lose;
    for (std::int64_t y = 1; y <= m.votes && !lose; ++y)
      if (seats_with(election, rule, m.district, m.list, m.votes - y).value_or(m.seats - 1) < m.seats) lose = y - 1;
    CHECK(m.votes_to_lose.value_or(-1) == lose.value_or(m.votes));
    check_lots_by_scanning(election, rule, m, limit);
  }
}

}  // namespace

TEST_CASE("margins on a worked example: Sainte-Lague, 100000/80000/30000/20000, 8 seats") {
  // Seats 3/3/1/1; the last seat won is B's third (80000/5 = 16000), the best missed A's fourth
  // (100000/7 = 14285.7). C's second seat needs (30000 + x)/3 above 16000: at x = 18000 the
  // quotients tie and B, with more votes, keeps it; x = 18001 wins it.
  const Election election =
      election_from("district,party,votes\nX,A,100000\nX,B,80000\nX,C,30000\nX,D,20000\n", "district,seats\nX,8\n");
  const Rule rule = rule_from({{"method", "sainte-lague"}});
  const Margins margins = compute_margins(election, rule);
  REQUIRE(margins.lists.size() == 4);
  CHECK(margins.lists[2].seats == 1);
  CHECK(margins.lists[2].votes_to_gain == 18001);
  CHECK(margins.lists[2].gain_from == std::vector<std::size_t>{1});
  // D keeps its seat while 20000 − y stays above 14285.7: down to 14286.
  CHECK(margins.lists[3].votes_to_lose == 20000 - 14286);
  CHECK(margins.lists[3].lose_to == std::vector<std::size_t>{0});
  // With fewer-votes ties the tie at 18000 goes to C; under `error` a tie is not a win.
  CHECK(compute_margins(election, rule_from({{"method", "sainte-lague"}, {"ties", "fewer-votes"}}))
            .lists[2]
            .votes_to_gain == 18000);
  CHECK(compute_margins(election, rule_from({{"method", "sainte-lague"}, {"ties", "error"}})).lists[2].votes_to_gain ==
        18001);
  CHECK(check_by_reallocation(election, rule) == 4);
  // The closest seat of the district, and the national ranking, start with the cheapest change.
  REQUIRE(margins.closest.size() == 1);
  REQUIRE(margins.closest[0]);
  const FragileSeat& closest = margins.ranking[*margins.closest[0]];
  CHECK(closest.margin == margins.ranking.front().margin);
  for (const FragileSeat& seat : margins.ranking) CHECK(seat.margin >= closest.margin);
}

TEST_CASE("margins never rest on a lot: A 100, B 99, D'Hondt, 3 seats, whatever the seed") {
  // A 100, 50, 33.3; B 99, 49.5: A 2, B 1. With one vote more B ties A at 100 and 50 for the last
  // seat, with equal votes: the lot of `more-votes` decides (seed 0 gives it to B, seed 3 to A).
  // Two votes win it outright (101/2 = 50.5 > 50), whatever the seed.
  const Election election = election_from("district,party,votes\nX,A,100\nX,B,99\n", "district,seats\nX,3\n");
  for (const std::uint64_t seed : {0, 3, 7}) {
    CAPTURE(seed);
    Rule rule = rule_from({{"method", "dhondt"}});
    rule.seed = seed;
    const Margins margins = compute_margins(election, rule);
    const ListMargin& a = margins.lists[0];
    const ListMargin& b = margins.lists[1];
    CHECK(b.seats == 1);
    CHECK(b.votes_to_gain == 2);
    CHECK(b.gain_at_lot == 1);
    CHECK(b.gain_from == std::vector<std::size_t>{0});
    // A keeps both seats at 100; at 99 its second seat goes to a lot, at 98 to B whatever the lot.
    CHECK(a.seats == 2);
    CHECK(a.votes_to_lose == 0);
    CHECK(a.lose_at_lot == 1);
    CHECK(!a.gain_at_lot);
    check_by_scanning(election, rule, 300);
  }
  // The draws really differ: the configured seed alone would have said 1 vote for one seed, 2 for another.
  std::set<std::int64_t> by_draw;
  Election one_more = election;
  one_more.districts[0].lists[1].votes = 100;
  for (const std::uint64_t seed : {0, 3}) {
    Rule rule = rule_from({{"method", "dhondt"}});
    rule.seed = seed;
    by_draw.insert(allocate(one_more, rule).seats(0, 1));
  }
  CHECK(by_draw == std::set<std::int64_t>{1, 2});
  // Without a lot (list order decides equal quotients) the boundary is no lot: both columns empty.
  const Margins ordered = compute_margins(election, rule_from({{"method", "dhondt"}, {"ties", "list-order"}}));
  CHECK(ordered.lists[1].votes_to_gain == 2);  // A is listed first and keeps the tie at 100
  CHECK(!ordered.lists[1].gain_at_lot);
  CHECK(!ordered.lists[0].lose_at_lot);
}

TEST_CASE("margins of seats held by lot: A 100, B 100, D'Hondt, 3 seats") {
  // The third seat is a lot between A's and B's 50. Its winner holds it by lot (votes_to_lose 0,
  // lose_at_lot 0); its loser needs one vote to win it outright and is at a lot already (gain_at_lot 0).
  const Election election = election_from("district,party,votes\nX,A,100\nX,B,100\n", "district,seats\nX,3\n");
  for (const std::uint64_t seed : {0, 1, 2, 3}) {
    Rule rule = rule_from({{"method", "dhondt"}, {"ties", "lot"}});
    rule.seed = seed;
    const Margins margins = compute_margins(election, rule);
    const std::size_t winner = margins.lists[0].seats == 2 ? 0 : 1;
    const ListMargin& won = margins.lists[winner];
    const ListMargin& lost = margins.lists[1 - winner];
    CHECK(won.seats == 2);
    CHECK(won.votes_to_lose == 0);
    CHECK(won.lose_at_lot == 0);
    CHECK(lost.votes_to_gain == 1);
    CHECK(lost.gain_at_lot == 0);
    check_by_scanning(election, rule, 300);
  }
}

TEST_CASE("margins cross thresholds: a list below 5% must reach it first") {
  // D'Hondt, 10 seats, 5%: C (40 of 1000) and D fail; A 6, B 4, the last seat B's 350/4 = 87.5.
  // C must pass (40 + x ≥ (1000 + x)/20 from x = 11) and beat 87.5: 88 votes, x = 48.
  const Election election =
      election_from("district,party,votes\nX,A,600\nX,B,350\nX,C,40\nX,D,10\n", "district,seats\nX,10\n");
  const Rule rule = rule_from({{"method", "dhondt"}, {"threshold", "5%"}});
  const Margins margins = compute_margins(election, rule);
  CHECK(margins.lists[2].seats == 0);
  CHECK(margins.lists[2].votes_to_gain == 48);
  CHECK(margins.lists[2].gain_from == std::vector<std::size_t>{1});
  CHECK(check_by_reallocation(election, rule) == 4);
  check_by_scanning(election, rule, 2000);
}

TEST_CASE("margins of reserved seats: the group's top list, decided within the group") {
  const Election election = election_from(
      "district,party,votes,quota\nX,A,500,\nX,B,300,\nX,Q1,40,christian\nX,Q2,35,christian\nY,A,100,\n"
      "Y,Q3,0,yazidi\n",
      "district,seats,reserved\nX,5,1\nY,3,1\n");
  const Rule rule = rule_from({{"method", "sainte-lague"}});
  const Margins margins = compute_margins(election, rule);
  const ListMargin& q1 = margins.lists[2];
  const ListMargin& q2 = margins.lists[3];
  CHECK(q1.seats == 1);
  CHECK(!q1.votes_to_gain);  // a reserved list holds at most its group's seat
  // With equal votes (Q2 at 40, or Q1 at 35) the lot decides: the margins are those that hold
  // whatever it draws, and the lot points are beside them.
  CHECK(q1.votes_to_lose == 4);
  CHECK(q1.lose_at_lot == 5);
  CHECK(q2.votes_to_gain == 6);
  CHECK(q2.gain_at_lot == 5);
  CHECK(q2.gain_from == std::vector<std::size_t>{2});
  CHECK(q1.lose_to == std::vector<std::size_t>{3});
  const ListMargin& q3 = margins.lists[5];
  CHECK(q3.seats == 1);
  CHECK(q3.votes_to_lose == 0);  // the only list of its group keeps the seat with no votes
  CHECK(check_by_reallocation(election, rule) == 6);
  check_by_scanning(election, rule, 1000);
}

TEST_CASE("margins are exact on random small elections under every method, threshold and tie rule") {
  std::mt19937_64 random(20240501);
  const std::vector<std::vector<std::pair<std::string, std::string>>> rules = {
      {{"method", "dhondt"}},
      {{"method", "sainte-lague"}, {"first_divisor", "1.4"}},
      {{"method", "sainte-lague"}, {"threshold", "10%"}},
      {{"method", "dhondt"}, {"threshold", "12%"}, {"threshold_scope", "national"}},
      {{"method", "danish"}, {"ties", "fewer-votes"}},
      {{"method", "adams"}},
      {{"method", "dean"}, {"ties", "lot"}},
      {{"method", "huntington-hill"}, {"threshold", "20v"}},
      {{"method", "hare"}},
      {{"method", "hare"}, {"threshold", "15%"}},
      {{"method", "droop"}, {"ties", "fewer-votes"}},
      {{"method", "droop"}, {"threshold", "10%"}, {"threshold_scope", "national"}},
      {{"method", "hagenbach-bischoff"}},
      {{"method", "imperiali-quota"}, {"ties", "list-order"}},
      {{"method", "imperiali"}, {"ties", "error"}},
      {{"method", "hare"}, {"ties", "error"}},
  };
  for (const auto& keys : rules) {
    const Rule rule = rule_from(keys);
    CAPTURE(rule.describe());
    for (int trial = 0; trial < 20; ++trial) {
      const Election election = random_election(random);
      try {
        (void)allocate(election, rule);
      } catch (const Error&) {
        continue;  // a tie under `error`, or every list below the threshold: nothing to measure
      }
      check_by_scanning(election, rule, 1500);
    }
  }
}

TEST_CASE("margins on the shared real elections, confirmed by re-allocation") {
  struct Case {
    std::string file;
    std::vector<std::pair<std::string, std::string>> rule;
  };
  const std::vector<Case> cases = {
      {"norway_2021_storting_district_seats.csv", {{"method", "sainte-lague"}, {"first_divisor", "1.4"}}},
      {"portugal_2025_local_camara.csv", {{"method", "dhondt"}, {"ties", "fewer-votes"}}},
      {"us_2020_house_apportionment.csv", {{"method", "huntington-hill"}}},
      {"poland_2023_sejm.csv",
       {{"method", "dhondt"},
        {"threshold", "5%"},
        {"threshold_scope", "national"},
        {"exempt", "KOMITET WYBORCZY WYBORCÓW MNIEJSZOŚĆ NIEMIECKA"}}},
  };
  for (const Case& c : cases) {
    const fs::path file = shared_data(c.file);
    if (file.empty()) return;
    CAPTURE(c.file);
    LoadedInput input = load_input(file.string());
    apply_seat_totals(input.election, SeatSources{});
    std::size_t lists = 0;
    for (const District& district : input.election.districts) lists += district.lists.size();
    CHECK(check_by_reallocation(input.election, rule_from(c.rule)) == lists);
  }
}

TEST_CASE("Iraq 2013: every margin confirmed by re-allocation, Najaf's last seat turns on 35 votes") {
  LoadedInput input = load_input((source_dir() / "scenarios/iraq-2013").string());
  SeatSources sources;
  sources.seats_file = input.districts;
  apply_seat_totals(input.election, sources);
  const Rule rule = input.rule.build(input.folder);
  std::size_t lists = 0;
  for (const District& district : input.election.districts) lists += district.lists.size();
  CHECK(check_by_reallocation(input.election, rule) == lists);
  // docs: "Najaf ... The last seat there turns on about 35 votes (quotients 6,959.4 against 6,956.3)".
  const Margins margins = compute_margins(input.election, rule);
  const FragileSeat& closest = margins.ranking.front();
  CHECK(input.election.districts[closest.district].name == "Najaf Governorate");
  CHECK(closest.margin == 35);
}
