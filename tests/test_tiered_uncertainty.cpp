// Monte Carlo and seat margins under rules with tiers (leveling seats, biproportional
// apportionment) and seat bounds: every draw is the whole allocation of the drawn election, and
// every margin is confirmed by re-allocating the whole election.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "district_of.hpp"
#include "seatsim/analysis/margins.hpp"
#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/analysis/noise_model.hpp"
#include "seatsim/analysis/random_stream.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

// One leveling seat per district (leveling_rule).
Election leveling_election() { return three_leveling_districts(); }

Rule leveling_rule(const std::string& ties = {}) {
  RuleSettings settings;
  settings.method = "sainte-lague";
  settings.first_divisor = "1.4";
  settings.leveling_seats = "3";
  settings.leveling_threshold = "4%";
  if (!ties.empty()) settings.ties = ties;
  return settings.build();
}

// Three cantons and four lists, as in the Zürich scheme (no quorum).
Election biproportional_election() {
  return election_of({district_of("Z1", 5, {{"A", 4200}, {"B", 3100}, {"C", 1500}, {"D", 600}}),
                      district_of("Z2", 4, {{"A", 2100}, {"B", 2900}, {"C", 1400}, {"D", 700}}),
                      district_of("Z3", 3, {{"A", 900}, {"B", 1300}, {"C", 1100}, {"D", 400}})});
}

Rule biproportional_rule() {
  RuleSettings settings;
  settings.method = "sainte-lague";
  settings.biproportional = true;
  return settings.build();
}

Rule bounded_rule() {
  RuleSettings settings;
  settings.method = "dhondt";
  settings.max_seats = "2";
  return settings.build();
}

// The counts a simulation must give, built by hand: each draw's votes from the same random
// streams (seed, draw, district), the drawn election allocated whole, every list's total seats
// counted; parties' seats summed over their lists.
struct HandCounts {
  std::vector<std::vector<std::vector<std::uint64_t>>> lists;  // district, list, seats -> draws
  std::vector<std::vector<std::uint64_t>> parties;             // party (Simulation order), seats -> draws
};

HandCounts by_hand(const Simulation& simulation, std::uint64_t draws) {
  const Election& election = simulation.election();
  HandCounts hand;
  std::vector<DistrictNoise> noise;
  for (const District& district : election.districts) {
    std::vector<std::int64_t> cast;
    for (const ListResult& list : district.lists) cast.push_back(list.votes);
    noise.emplace_back(simulation.noise(), cast);
    hand.lists.emplace_back(district.lists.size(), std::vector<std::uint64_t>(1000, 0));
  }
  hand.parties.assign(simulation.parties().size(), std::vector<std::uint64_t>(1000, 0));
  for (std::uint64_t draw = 0; draw < draws; ++draw) {
    Election drawn = election;
    for (std::size_t d = 0; d < drawn.districts.size(); ++d) {
      RandomStream random(simulation.seed(), draw, d);
      std::vector<std::int64_t> votes(drawn.districts[d].lists.size());
      noise[d].draw({}, random, votes);
      for (std::size_t j = 0; j < votes.size(); ++j) drawn.districts[d].lists[j].votes = votes[j];
    }
    const ElectionOutcome outcome = allocate(drawn, simulation.rule());
    std::vector<std::int64_t> party_seats(simulation.parties().size(), 0);
    for (std::size_t d = 0; d < drawn.districts.size(); ++d)
      for (std::size_t j = 0; j < drawn.districts[d].lists.size(); ++j) {
        const std::int64_t s = outcome.seats(d, j);
        ++hand.lists[d][j][static_cast<std::size_t>(s)];
        const auto& names = simulation.parties();
        const std::size_t p = static_cast<std::size_t>(
            std::find(names.begin(), names.end(), drawn.districts[d].lists[j].party) - names.begin());
        party_seats[p] += s;
      }
    for (std::size_t p = 0; p < party_seats.size(); ++p) ++hand.parties[p][static_cast<std::size_t>(party_seats[p])];
  }
  return hand;
}

// The histogram as counts per seat number, padded with zeros to `size`.
std::vector<std::uint64_t> padded(const SeatDistribution& seats, std::size_t size) {
  std::vector<std::uint64_t> out(seats.counts.begin(), seats.counts.end());
  out.resize(std::max(size, out.size()), 0);
  return out;
}

std::vector<std::uint64_t> trimmed(std::vector<std::uint64_t> counts, std::size_t size) {
  for (std::size_t k = size; k < counts.size(); ++k) CHECK(counts[k] == 0);  // nothing beyond the histogram
  counts.resize(size);
  return counts;
}

// Simulation against the hand-made counts, threads 1 against 2, split ranges against one run,
// and the draws' seats adding up to the house (leveling seats included).
void check_simulation(const Election& election, const Rule& rule, const std::string& noise, std::uint64_t draws) {
  const Simulation simulation(election, rule, NoiseModel::parse(noise), 11, {"A+B"});
  CHECK(simulation.whole_election_draws());
  const SimulationCounts one = simulation.run(0, draws, 1);
  const SimulationCounts two = simulation.run(0, draws, 2);
  CHECK(one.bins == two.bins);
  SimulationCounts split = simulation.run(0, draws / 3, 2);
  split.add(simulation.run(draws / 3, draws, 1));
  CHECK(split.bins == one.bins);
  CHECK(split.draws == one.draws);

  const HandCounts hand = by_hand(simulation, draws);
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t j = 0; j < election.districts[d].lists.size(); ++j) {
      CAPTURE(d);
      CAPTURE(j);
      const SeatDistribution seats = simulation.list(one, d, j);
      CHECK(padded(seats, 0) == trimmed(hand.lists[d][j], seats.counts.size()));
    }
  u128 total = 0;
  for (std::size_t p = 0; p < simulation.parties().size(); ++p) {
    const SeatDistribution seats = simulation.party(one, p);
    CHECK(padded(seats, 0) == trimmed(hand.parties[p], seats.counts.size()));
    for (std::size_t k = 0; k < seats.counts.size(); ++k) total += static_cast<u128>(seats.counts[k]) * k;
  }
  CHECK(total == static_cast<u128>(simulation.total_seats()) * draws);
  // The coalition A+B: its seats in each draw are A's plus B's.
  const SeatDistribution coalition = simulation.coalition(one, 0);
  std::uint64_t counted = 0;
  for (const std::uint64_t c : coalition.counts) counted += c;
  CHECK(counted == draws);
}

// Re-allocates the whole election with list (d, i) at `votes`: its total seats, or none when the
// allocation fails (a tie under `--ties error`).
std::optional<std::int64_t> whole_seats(Election election, const Rule& rule, std::size_t d, std::size_t i,
                                        std::int64_t votes) {
  election.districts[d].lists[i].votes = votes;
  try {
    return allocate(election, rule).seats(d, i);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Every margin is a crossing of the whole allocation: the list wins its seat at votes + gain and
// not one vote short; it keeps its seats at votes − lose and not one vote further. Returns how
// many margins were found.
int check_margins(const Election& election, const Rule& rule) {
  const Margins margins = compute_margins(election, rule);
  CHECK_FALSE(margins.proven_smallest);
  CHECK(!margins.outcome.notes.empty());
  int found = 0;
  for (const ListMargin& m : margins.lists) {
    CAPTURE(m.district);
    CAPTURE(m.list);
    const std::int64_t s = m.seats;
    CHECK(s == margins.outcome.seats(m.district, m.list));
    const auto at = [&](std::int64_t votes) { return whole_seats(election, rule, m.district, m.list, votes); };
    if (m.votes_to_gain) {
      ++found;
      const std::int64_t g = *m.votes_to_gain;
      REQUIRE(g >= 1);
      CHECK(at(m.votes + g).value_or(s) >= s + 1);
      if (g > 1) CHECK(at(m.votes + g - 1).value_or(s) < s + 1);
      // The lists named are exactly those (of the district, and elsewhere) that lose a seat.
      Election moved = election;
      moved.districts[m.district].lists[m.list].votes = m.votes + g;
      const ElectionOutcome after = allocate(moved, rule);
      std::vector<std::size_t> losers;
      std::vector<std::pair<std::size_t, std::size_t>> elsewhere;
      for (std::size_t d = 0; d < election.districts.size(); ++d)
        for (std::size_t j = 0; j < election.districts[d].lists.size(); ++j)
          if (after.seats(d, j) < margins.outcome.seats(d, j)) {
            if (d == m.district)
              losers.push_back(j);
            else
              elsewhere.emplace_back(d, j);
          }
      CHECK(m.gain_from == losers);
      CHECK(m.gain_from_elsewhere == elsewhere);
      CHECK(!(losers.empty() && elsewhere.empty()));
    }
    if (m.votes_to_lose) {
      const std::int64_t y = *m.votes_to_lose;
      CHECK(at(m.votes - y).value_or(s - 1) >= s);
      if (y < m.votes) {
        ++found;
        CHECK(at(m.votes - y - 1).value_or(s - 1) < s);
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("simulate under leveling seats: every draw allocated whole, the house includes the leveling seats") {
  const Election election = leveling_election();
  const Rule rule = leveling_rule();
  const Simulation simulation(election, rule, NoiseModel::parse("dirichlet:200"), 5);
  CHECK(simulation.total_seats() == 12);
  // A list can hold its district's seats plus the one leveling seat the district can take.
  CHECK(simulation.list(simulation.run(0, 1, 1), 0, 0).counts.size() == 6);
  check_simulation(election, rule, "dirichlet:200", 300);
  check_simulation(election, rule, "multinomial", 260);
}

TEST_CASE("simulate under biproportional apportionment and under seat bounds matches allocating each draw") {
  check_simulation(biproportional_election(), biproportional_rule(), "dirichlet:300", 300);
  check_simulation(leveling_election(), bounded_rule(), "dirichlet:100", 260);
}

TEST_CASE("simulate without tiers still runs the batched kernel") {
  RuleSettings settings;
  settings.method = "sainte-lague";
  const Simulation simulation(leveling_election(), settings.build(), NoiseModel::parse("multinomial"), 3);
  CHECK_FALSE(simulation.whole_election_draws());
  CHECK(simulation.total_seats() == 9);
  CHECK(simulation.list(simulation.run(0, 1, 1), 0, 0).counts.size() == 5);
}

TEST_CASE("margins under leveling seats: each list's total seats, every margin confirmed by whole re-allocation") {
  CHECK(check_margins(leveling_election(), leveling_rule()) > 10);
  CHECK(check_margins(leveling_election(), leveling_rule("error")) > 10);
}

TEST_CASE("margins under biproportional apportionment: confirmed by whole re-allocation") {
  CHECK(check_margins(biproportional_election(), biproportional_rule()) > 10);
}

TEST_CASE("margins under leveling on a small election: the confirmed crossing is the smallest, checked vote by vote") {
  // Small vote counts so that every t up to the margin can be allocated.
  const Election election = election_of({district_of("N", 3, {{"A", 510}, {"B", 300}, {"C", 150}, {"D", 40}}),
                                         district_of("S", 2, {{"A", 200}, {"B", 350}, {"C", 120}})});
  RuleSettings settings;
  settings.method = "sainte-lague";
  settings.first_divisor = "1.4";
  settings.leveling_seats = "2";
  const Rule rule = settings.build();
  const Margins margins = compute_margins(election, rule);
  int compared = 0;
  for (const ListMargin& m : margins.lists) {
    if (!m.votes_to_gain) continue;
    CAPTURE(m.district);
    CAPTURE(m.list);
    std::int64_t smallest = 0;
    for (std::int64_t x = 1; x <= *m.votes_to_gain; ++x)
      if (whole_seats(election, rule, m.district, m.list, m.votes + x).value_or(m.seats) > m.seats) {
        smallest = x;
        break;
      }
    CHECK(smallest == *m.votes_to_gain);
    ++compared;
  }
  CHECK(compared >= 5);
}

TEST_CASE("simulate and margins from the command line under leveling: byte-identical whatever the threads") {
  const std::string votes =
      "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nN,D,700\nS,A,2000\nS,B,3500\nS,C,1200\nS,D,400\n";
  TempDir tmp;
  std::ofstream(tmp.path / "seats.csv") << "district,seats\nN,4\nS,3\n";
  const std::vector<std::string> rule = {"--seats-file",     (tmp.path / "seats.csv").string(),
                                         "--method",         "sainte-lague",
                                         "--first-divisor",  "1.4",
                                         "--leveling-seats", "2"};
  std::vector<std::string> sim = {"simulate",      "-",        "--draws", "300",    "--noise",
                                  "dirichlet:200", "--format", "csv",     "--view", "histogram"};
  sim.insert(sim.end(), rule.begin(), rule.end());
  std::vector<std::string> one = sim, two = sim;
  one.insert(one.end(), {"--threads", "1"});
  two.insert(two.end(), {"--threads", "2"});
  const RunResult a = run_cli(one, votes), b = run_cli(two, votes);
  REQUIRE_MESSAGE(a.status == 0, a.err);
  CHECK(a.out == b.out);
  CHECK(a.out.find("district,N,A,6,") == std::string::npos);  // N's lists: at most 4 + 1 seats
  std::vector<std::string> margins = {"margins", "-", "--format", "csv"};
  margins.insert(margins.end(), rule.begin(), rule.end());
  const RunResult m = run_cli(margins, votes);
  REQUIRE_MESSAGE(m.status == 0, m.err);
  CHECK(m.err.find("not proven the smallest") != std::string::npos);
}

TEST_CASE("Norway 2021 with leveling seats: draws add up to 169 seats, the same on 1 and 2 threads") {
  const fs::path file = shared_data("norway_2021_storting_full.csv");
  if (file.empty()) return;
  Election election = read_votes(parse_csv(read_text_file(file.string()), file.string()));
  for (District& district : election.districts) {
    district.seats = 0;
    for (const ListResult& list : district.lists) district.seats += list.published_district_seats.value_or(0);
  }
  RuleSettings settings;
  settings.method = "sainte-lague";
  settings.first_divisor = "1.4";
  settings.leveling_seats = "19";
  settings.leveling_threshold = "4%";
  const Simulation simulation(election, settings.build(), NoiseModel::parse("dirichlet:2000"), 1);
  CHECK(simulation.total_seats() == 169);
  const SimulationCounts one = simulation.run(0, 40, 1);
  CHECK(one.bins == simulation.run(0, 40, 2).bins);
  u128 total = 0;
  for (std::size_t p = 0; p < simulation.parties().size(); ++p) {
    const SeatDistribution seats = simulation.party(one, p);
    for (std::size_t k = 0; k < seats.counts.size(); ++k) total += static_cast<u128>(seats.counts[k]) * k;
  }
  CHECK(total == 169 * 40);
}
