// Monte Carlo: reproducibility (threads, split ranges), the pipeline against the exact allocation,
// and the statistics of each noise model against closed forms, with tolerances derived from the
// number of draws (a binomial proportion's standard error, or a mean's from the sample SD).
#include <doctest/doctest.h>

#include <cmath>

#include "seatsim/analysis/margins.hpp"
#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/render/progress_bar.hpp"
#include "seatsim/render/simulation_report.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

Election election_from(const std::string& csv, const std::string& seats_csv) {
  Election election = read_votes(parse_csv(csv, "votes.csv"));
  SeatSources sources;
  sources.seats_file = read_seat_totals(parse_csv(seats_csv, "seats.csv"));
  apply_seat_totals(election, sources);
  return election;
}

Rule rule_from(const std::string& method, const std::string& threshold = {}, const std::string& scope = {},
               const std::string& ties = {}) {
  RuleSettings settings;
  settings.method = method;
  if (!threshold.empty()) settings.threshold = threshold;
  if (!scope.empty()) settings.threshold_scope = scope;
  if (!ties.empty()) settings.ties = ties;
  return settings.build();
}

struct Dataset {
  Election election;
  Rule rule;
};

Dataset synthetic_dataset() {
  LoadedInput input = load_input((source_dir() / "tests/data/synthetic-reserved").string());
  SeatSources sources;
  sources.seats_file = input.districts;
  apply_seat_totals(input.election, sources);
  return {input.election, input.rule.build(input.folder)};
}

// Four standard errors of a proportion estimated from `draws` draws: a two-sided 6e-5 test.
double proportion_tolerance(double p, std::uint64_t draws) {
  return 4.0 * std::sqrt(p * (1 - p) / static_cast<double>(draws));
}

double fraction(std::uint64_t count, std::uint64_t draws) {
  return static_cast<double>(count) / static_cast<double>(draws);
}

// P(Bin(n, p) ≥ k), summed in log space.
double binomial_at_least(std::int64_t n, double p, std::int64_t k) {
  double total = 0;
  for (std::int64_t j = k; j <= n; ++j) {
    const double log_term = std::lgamma(static_cast<double>(n) + 1) - std::lgamma(static_cast<double>(j) + 1) -
                            std::lgamma(static_cast<double>(n - j) + 1) + static_cast<double>(j) * std::log(p) +
                            static_cast<double>(n - j) * std::log1p(-p);
    total += std::exp(log_term);
  }
  return total;
}

}  // namespace

TEST_CASE("the same seed gives the same counts whatever the threads, and split ranges add up") {
  const Dataset data = synthetic_dataset();
  for (const std::string model : {"dirichlet:300", "multinomial", "swing:2,1"}) {
    CAPTURE(model);
    const Simulation simulation(data.election, data.rule, NoiseModel::parse(model), 42, {"Unity+Greens"});
    const SimulationCounts one = simulation.run(0, 1000, 1);
    const SimulationCounts three = simulation.run(0, 1000, 3);
    CHECK(one.draws == 1000);
    CHECK(one.bins == three.bins);
    // Two ranges (as two MPI ranks would run them), at a point inside a block of draws.
    SimulationCounts split = simulation.run(0, 337, 2);
    split.add(simulation.run(337, 1000, 1));
    CHECK(split.draws == 1000);
    CHECK(split.bins == one.bins);
    // Another seed gives other draws.
    const Simulation other(data.election, data.rule, NoiseModel::parse(model), 43, {"Unity+Greens"});
    CHECK(other.run(0, 1000, 2).bins != one.bins);
  }
}

TEST_CASE("with no noise (swing:0) every draw is the exact allocation: thresholds, reserved seats, ties") {
  const Dataset data = synthetic_dataset();
  std::vector<Rule> rules = {data.rule, rule_from("dhondt", "10%", "national"), rule_from("hare", "6%"),
                             rule_from("droop", "", "", "lot"), rule_from("huntington-hill", "5000v")};
  // A tie decided by lot: two lists with equal votes for the last seat.
  const Election tied = election_from("district,party,votes\nX,A,300\nX,B,100\nX,C,100\n", "district,seats\nX,3\n");
  for (const Rule& rule : rules) {
    CAPTURE(rule.describe());
    const Simulation simulation(data.election, rule, NoiseModel::parse("swing:0"), 5);
    const SimulationCounts counts = simulation.run(0, 300, 2);
    const ElectionOutcome exact = allocate(data.election, rule);
    for (std::size_t d = 0; d < data.election.districts.size(); ++d)
      for (std::size_t j = 0; j < data.election.districts[d].lists.size(); ++j) {
        const SeatDistribution seats = simulation.list(counts, d, j);
        CHECK(seats.counts[static_cast<std::size_t>(exact.seats(d, j))] == 300);
      }
  }
  for (const std::string ties : {"lot", "more-votes", "list-order", "fewer-votes"}) {
    const Rule rule = rule_from("sainte-lague", "", "", ties);
    const Simulation simulation(tied, rule, NoiseModel::parse("swing:0"), 11);
    const SimulationCounts counts = simulation.run(0, 50, 1);
    const ElectionOutcome exact = allocate(tied, rule);
    for (std::size_t j = 0; j < 3; ++j)
      CHECK(simulation.list(counts, 0, j).counts[static_cast<std::size_t>(exact.seats(0, j))] == 50);
  }
}

TEST_CASE("dirichlet: P(A wins one seat) matches the Beta distribution's closed form") {
  // Shares ~ Dirichlet(20·0.55, 20·0.45) = Beta(11, 9) for A; A wins iff its share > 1/2.
  // For integer a, b: P(Beta(a, b) > 1/2) = P(Bin(a + b − 1, 1/2) ≤ a − 1).
  const Election election = election_from("district,party,votes\nX,A,550000\nX,B,450000\n", "district,seats\nX,1\n");
  const std::uint64_t draws = 20000;
  const Simulation simulation(election, rule_from("sainte-lague"), NoiseModel::parse("dirichlet:20"), 1);
  const SimulationCounts counts = simulation.run(0, draws, 2);
  const double expected = 1.0 - binomial_at_least(19, 0.5, 11);
  const double seen = fraction(simulation.list(counts, 0, 0).counts[1], draws);
  // Rounding to whole votes can only matter within one vote of 500000 (density ≤ 4 per unit share).
  CHECK(std::fabs(seen - expected) <= proportion_tolerance(expected, draws) + 4e-6);
}

TEST_CASE("multinomial: P(A wins) matches the binomial tail, for the inversion and the BTRS samplers") {
  struct Case {
    std::int64_t a, b;
  };
  // n·p < 10 draws by inversion; larger n by BTRS. Odd totals: no equal votes.
  for (const Case c : {Case{9, 6}, Case{5, 8}, Case{520, 481}, Case{50600, 49401}}) {
    CAPTURE(c.a);
    const Election election =
        election_from("district,party,votes\nX,A," + std::to_string(c.a) + "\nX,B," + std::to_string(c.b) + "\n",
                      "district,seats\nX,1\n");
    const std::uint64_t draws = 20000;
    const Simulation simulation(election, rule_from("dhondt"), NoiseModel::parse("multinomial"), 3);
    const SimulationCounts counts = simulation.run(0, draws, 2);
    const std::int64_t total = c.a + c.b;
    const double p = static_cast<double>(c.a) / static_cast<double>(total);
    const double expected = binomial_at_least(total, p, total / 2 + 1);
    const double seen = fraction(simulation.list(counts, 0, 0).counts[1], draws);
    CHECK(std::fabs(seen - expected) <= proportion_tolerance(expected, draws));
  }
}

TEST_CASE("swing: P(A wins) matches the normal distribution of the swing difference") {
  // Shares 52/48, national swings s_A, s_B ~ N(0, 3²), no district noise: A wins iff
  // s_B − s_A < 4 points, and s_B − s_A ~ N(0, 18).
  const Election election =
      election_from("district,party,votes\nX,A,5200\nX,B,4800\nY,A,5200\nY,B,4800\n", "district,seats\nX,1\nY,1\n");
  const std::uint64_t draws = 20000;
  const Simulation simulation(election, rule_from("dhondt"), NoiseModel::parse("swing:3,0"), 8);
  const SimulationCounts counts = simulation.run(0, draws, 2);
  const double expected = 0.5 * std::erfc(-4.0 / std::sqrt(18.0) / std::sqrt(2.0));
  const double seen = fraction(simulation.list(counts, 0, 0).counts[1], draws);
  CHECK(std::fabs(seen - expected) <= proportion_tolerance(expected, draws));
  // The swing is national: both districts move together, so A wins both or neither.
  CHECK(simulation.party(counts, 0).counts[1] == 0);
}

TEST_CASE("as K grows the mean seats converge to the exact allocation of the votes as cast") {
  const Dataset data = synthetic_dataset();
  const ElectionOutcome exact = allocate(data.election, data.rule);
  const std::uint64_t draws = 2000;
  // The closest seat decides how large K must be: with vote noise far below the smallest margin
  // no seat moves. Noise of a list's votes ≈ V·sqrt(p/K) ≤ V/(2·sqrt(K)).
  const Margins margins = compute_margins(data.election, data.rule);
  REQUIRE(!margins.ranking.empty());
  const double smallest_margin = static_cast<double>(margins.ranking.front().margin);
  double previous_error = 1e300, previous_tolerance = 0;
  for (const double k : {30.0, 300.0, 3000.0, 3e4, 3e6, 3e8}) {
    CAPTURE(k);
    const Simulation simulation(data.election, data.rule, NoiseModel::parse("dirichlet:" + std::to_string(k)), 17);
    const SimulationCounts counts = simulation.run(0, draws, 2);
    // Error: the largest deviation of a list's mean seats from its exact seats; tolerance: four
    // standard errors of that mean (sample SD / sqrt(draws)).
    double error = 0, tolerance = 0;
    for (std::size_t d = 0; d < data.election.districts.size(); ++d)
      for (std::size_t j = 0; j < data.election.districts[d].lists.size(); ++j) {
        const SeatDistribution seats = simulation.list(counts, d, j);
        error = std::max(error, std::fabs(seats.mean() - static_cast<double>(exact.seats(d, j))));
        tolerance = std::max(tolerance, 4.0 * seats.standard_deviation() / std::sqrt(static_cast<double>(draws)));
      }
    // Never (beyond noise) further from the exact result than at the smaller K.
    CHECK(error <= previous_error + tolerance + previous_tolerance);
    previous_error = error;
    previous_tolerance = tolerance;
    double largest_total = 0;
    for (const District& district : data.election.districts)
      largest_total = std::max(largest_total, static_cast<double>(district.total_votes()));
    if (largest_total / (2 * std::sqrt(k)) * 6 < smallest_margin) CHECK(error <= tolerance);
  }
  CHECK(previous_error == 0.0);  // at K = 3e8 every draw gives the exact allocation
}

TEST_CASE("distribution statistics come exactly from the counts") {
  const std::vector<std::uint64_t> bins = {0, 10, 30, 40, 20};  // seats 1..4 in 100 draws
  const SeatDistribution seats{bins, 100};
  CHECK(seats.mean() == doctest::Approx(2.7));
  CHECK(seats.standard_deviation() == doctest::Approx(std::sqrt(0.81)));
  CHECK(seats.quantile(5) == 1);
  CHECK(seats.quantile(10) == 1);  // P(≤ 1) = 0.10 reaches 10% exactly
  CHECK(seats.quantile(11) == 2);
  CHECK(seats.quantile(50) == 3);
  CHECK(seats.quantile(95) == 4);
  CHECK(seats.at_least(3) == 60);
  CHECK(seats.min_seen() == 1);
  CHECK(seats.max_seen() == 4);
}

TEST_CASE("the reports: summary per party and coalition, histograms that sum to the draws") {
  const Dataset data = synthetic_dataset();
  const Simulation simulation(data.election, data.rule, NoiseModel::parse("dirichlet:200"), 4,
                              {"Unity+Renewal", "Greens + Workers"});
  const SimulationCounts counts = simulation.run(0, 500, 2);
  const SimulationTables tables = simulation_tables(simulation, counts);
  CHECK(tables.summary.rows.size() == simulation.parties().size());
  CHECK(tables.coalitions.rows.size() == 2);
  std::map<std::string, std::uint64_t> national;
  for (const auto& row : tables.histogram.rows)
    if (row[0].text == "national") national[row[2].text] += std::stoull(row[4].text);
  for (const std::string& party : simulation.parties()) CHECK(national[party] == 500);
  // Unity + Renewal hold 30 of 42 seats as cast: a majority in nearly every draw.
  CHECK(simulation.cast_coalition_seats(0) == 30);
  CHECK(std::stod(tables.coalitions.rows[0][7].text) > 0.9);
}

TEST_CASE("bad simulation input: unknown coalition lists and bad noise parameters are errors") {
  const Dataset data = synthetic_dataset();
  CHECK_THROWS_AS(Simulation(data.election, data.rule, NoiseModel::parse("multinomial"), 1, {"Unity+Nobody"}), Error);
  for (const std::string bad : {"dirichlet:0", "dirichlet:-2", "dirichlet:", "dirichlet:x", "swing:-1", "swing:2,-1",
                                "multinomial:3", "poisson", "swing:nan"})
    CHECK_THROWS_AS(NoiseModel::parse(bad), Error);
}

TEST_CASE("the progress line shows the share done, the rate and the time left") {
  const std::string line = progress_line("simulate", 250, 1000, 2.0, 20);
  CHECK(line == "simulate [#####...............]  25% 250/1000  125/s  ETA 6s");
  CHECK(progress_line("simulate", 1000, 1000, 4.0, 4) == "simulate [####] 100% 1000/1000  250/s  ETA 0s");
}

TEST_CASE("the random stream: uniform in (0, 1), normal and gamma moments, depends only on its key") {
  RandomStream a(1, 2, 3), b(1, 2, 3), c(1, 2, 4);
  CHECK(a.next_u64() == b.next_u64());
  CHECK(a.next_u64() != c.next_u64());
  RandomStream random(9, 0, 0);
  const int n = 40000;
  double sum = 0, squares = 0, gamma_sum = 0;
  for (int i = 0; i < n; ++i) {
    const double u = random.uniform();
    REQUIRE((u > 0 && u < 1));
    const double z = random.normal();
    sum += z;
    squares += z * z;
    gamma_sum += random.gamma(0.5);
  }
  // Mean 0 (SE 1/sqrt(n)), variance 1 (SE sqrt(2/n)), Gamma(0.5) mean 0.5 (SE sqrt(0.5/n)).
  CHECK(std::fabs(sum / n) <= 4 / std::sqrt(n));
  CHECK(std::fabs(squares / n - 1) <= 4 * std::sqrt(2.0 / n));
  CHECK(std::fabs(gamma_sum / n - 0.5) <= 4 * std::sqrt(0.5 / n));
}
