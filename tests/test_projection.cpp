// From polls to seats (analysis/projection.hpp): the poll, mapping and covariance readers' errors
// (file and line), the swing models' identity (a poll equal to the base gives the base's votes
// and seats, every model), uniform and proportional swing against a computation written out here
// in long double on Norway 2021, and the draws' reproducibility whatever the threads.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/analysis/projection.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/io/house_effects_file.hpp"
#include "seatsim/io/ropf_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

PollSet polls_from(const std::string& text) { return parse_poll_table(parse_csv(text, "polls.csv")); }
PartyMapping mapping_from(const std::string& text) { return parse_party_mapping(parse_csv(text, "map.csv")); }

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.text();
  }
  return "no error";
}

// Two districts, three parties.
Election small_election() {
  Election election;
  election.source = "small.csv";
  const auto add = [&](const std::string& name, std::int64_t seats, std::vector<std::int64_t> votes) {
    District& district = election.districts.emplace_back();
    district.name = name;
    district.seats = seats;
    for (std::size_t j = 0; j < votes.size(); ++j) {
      ListResult& list = district.lists.emplace_back();
      list.party = std::string(1, static_cast<char>('A' + j));
      list.votes = votes[j];
    }
  };
  add("North", 5, {5100, 3000, 1500});
  add("South", 4, {2000, 3500, 1200});
  return election;
}

std::map<std::string, std::int64_t> party_totals(const Election& election) {
  std::map<std::string, std::int64_t> votes;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) votes[list.party] += list.votes;
  return votes;
}

// 100 · v / T written to 12 decimals, rounded half up, in integers.
std::string percent_12(std::int64_t votes, std::int64_t total) {
  const u128 scaled = (static_cast<u128>(votes) * 100'000'000'000'000ULL * 2 + static_cast<u128>(total)) /
                      (2 * static_cast<u128>(total));
  std::string digits = to_string(scaled);
  while (digits.size() < 13) digits.insert(digits.begin(), '0');
  return digits.substr(0, digits.size() - 12) + "." + digits.substr(digits.size() - 12);
}

// A poll of every party at the base's national shares, to 12 decimals.
std::string identity_poll(const Election& election) {
  std::string text = "pollster,fieldwork_end,sample_size,area,party,share\n";
  const auto votes = party_totals(election);
  std::int64_t total = 0;
  for (const auto& [party, v] : votes) total += v;
  for (const auto& [party, v] : votes)
    text += "Mirror,2021-09-10,1000,national,\"" + party + "\"," + percent_12(v, total) + "\n";
  return text;
}

ElectionSetup norway() {
  const fs::path file = shared_data("norway_2021_storting_full.csv");
  if (file.empty()) return {};
  RuleSources sources;
  sources.system = "norway-storting-2005";
  return prepare_election(file.string(), sources);
}

void check_identity(const Election& base, const Rule& rule) {
  const PollSet polls = polls_from(identity_poll(base));
  const ElectionOutcome cast = allocate(base, rule);
  for (const std::string swing : {"uniform", "proportional", "mix:0.5", "mix:0.25"}) {
    CAPTURE(swing);
    ProjectionOptions options;
    options.swing = SwingModel::parse(swing);
    const ProjectionResult result = project(base, rule, polls, options);
    for (std::size_t d = 0; d < base.districts.size(); ++d)
      for (std::size_t j = 0; j < base.districts[d].lists.size(); ++j) {
        REQUIRE(result.projected.districts[d].lists[j].votes == base.districts[d].lists[j].votes);
        CHECK(result.point.seats(d, j) == cast.seats(d, j));
      }
    for (const ProjectedParty& party : result.parties) CHECK(party.point_seats == party.base_seats);
  }
}

}  // namespace

TEST_SUITE("projection") {
  TEST_CASE("the poll file: polls grouped by pollster, date and area, exact shares") {
    const PollSet set = polls_from(
        "pollster,fieldwork_end,sample_size,area,party,share\n"
        "Opinion,2025-08-01,1000,national,A,40.5\nOpinion,2025-08-01,1000,national,B,59.5\n"
        "Norstat,2025-07-30,800,North,A,33\nNorstat,2025-07-30,800,North,B,67\n");
    REQUIRE(set.polls.size() == 2);
    CHECK(set.polls[0].shares[0].percent == Rational(81, 2));
    CHECK(set.polls[0].day - set.polls[1].day == 2);
    CHECK(set.polls[1].area == "North");
    CHECK(iso_day_number("1970-01-01") == 0);
    CHECK(iso_day_number("2000-03-01") == 11017);
  }

  TEST_CASE("bad poll files: file and line") {
    const std::string head = "pollster,fieldwork_end,sample_size,area,party,share\n";
    const std::string ok = "P,2025-08-01,1000,national,A,40\n";
    CHECK(error_of([&] { polls_from(head + ok + "P,2025-08-01,1000,national,B,100.5\n"); }) ==
          "polls.csv:3: share '100.5' is above 100 %");
    CHECK(error_of([&] {
            polls_from(head + "P,2025-08-01,1000,national,B,-3\n");
          }).starts_with("polls.csv:2: share '-3'"));
    CHECK(error_of([&] { polls_from(head + "P,2025-08-01,1000,national,B,1/3\n"); }).starts_with("polls.csv:2: share"));
    CHECK(error_of([&] { polls_from(head + "P,2025-08-01,0,national,B,3\n"); }) ==
          "polls.csv:2: sample_size must be at least 1 (got 0)");
    CHECK(error_of([&] {
            polls_from(head + "P,2025-02-30,10,national,B,3\n");
          }).starts_with("polls.csv:2: fieldwork_end '2025-02-30'"));
    CHECK(error_of([&] { polls_from(head + ok + ok); }).starts_with("polls.csv:3: party 'A' appears twice"));
    CHECK(error_of([&] {
            polls_from(head + ok + "P,2025-08-01,999,national,B,3\n");
          }).starts_with("polls.csv:3: sample_size 999 differs"));
  }

  TEST_CASE("the mapping: weights sum to 1, did you mean, unmapped names equal to a list") {
    const Election base = small_election();
    const std::vector<std::string> names = {"A", "B", "C"};
    CHECK(error_of([&] { mapping_from("poll_party,base_party,weight\nAB,A,0.5\nAB,B,0.4\n"); }) ==
          "map.csv:2: the weights of poll party 'AB' sum to 0.9, not 1");
    const PartyMapping mapping = mapping_from("poll_party,base_party,weight\nAB,A,0.5\nAB,Bee,0.5\n");
    CHECK(error_of([&] {
            resolve_poll_party({"AB", Rational(3), 7}, "polls.csv", &mapping, names);
          }) == "map.csv:3: no list 'Bee' in the base election (did you mean 'B'?) (write new:NAME for a new list)");
    CHECK(resolve_poll_party({"C", Rational(3), 7}, "polls.csv", &mapping, names).front().base_party == "C");
    CHECK(error_of([&] {
            resolve_poll_party({"Cc", Rational(3), 7}, "polls.csv", &mapping, names);
          })
              .starts_with("polls.csv:7: poll party 'Cc' is neither mapped nor a list of the base election (did you "
                           "mean 'C'"));
  }

  TEST_CASE("bad polls against the base: sum far from 100, unknown area, unplaced party") {
    const Election base = small_election();
    const std::string head = "pollster,fieldwork_end,sample_size,area,party,share\n";
    ProjectionOptions options;
    CHECK(error_of([&] {
            project(base, Rule{},
                    polls_from(head + "P,2025-08-01,1000,national,A,40\nP,2025-08-01,1000,national,B,50\n"), options);
          }).starts_with("polls.csv:2: the shares of this poll (P, 2025-08-01) sum to 90 %"));
    CHECK(error_of([&] {
            project(base, Rule{}, polls_from(head + "P,2025-08-01,1000,national,A,100\nP,2025-08-01,1000,Nort,A,100\n"),
                    options);
          }) ==
          "polls.csv:3: area 'Nort' is neither 'national' nor a district of the base election (did you mean "
          "'North'?)");
    CHECK(error_of([&] {
            project(base, Rule{},
                    polls_from(head + "P,2025-08-01,1000,national,A,40\nP,2025-08-01,1000,national,D,60\n"), options);
          }).starts_with("polls.csv:3: poll party 'D' is neither mapped"));
    const ProjectionResult warned = project(
        base, Rule{}, polls_from(head + "P,2025-08-01,1000,national,A,40\nP,2025-08-01,1000,national,B,58\n"), options);
    REQUIRE(warned.warnings.size() == 1);
    CHECK(warned.warnings[0] == "polls.csv:2: the shares of this poll sum to 98 %; rescaled to 100");
  }

  TEST_CASE("covariance files: symmetric, positive definite, parties known") {
    const Election base = small_election();
    const PollSet polls = polls_from(identity_poll(base));
    ProjectionOptions options;
    options.draws = 10;
    CHECK(error_of([] {
            parse_covariance_table(parse_csv("party,A,B\nA,4,1\nB,2,3\n", "cov.csv"));
          }).starts_with("cov.csv:3: the matrix is not symmetric"));
    options.national_error = parse_covariance_table(parse_csv("party,A,B\nA,1,2\nB,2,1\n", "cov.csv"));
    CHECK(error_of([&] { project(base, Rule{}, polls, options); }) ==
          "cov.csv:1: the covariance matrix is not positive definite");
    options.national_error = parse_covariance_table(parse_csv("party,A,Bb\nA,1,0\nBb,0,1\n", "cov.csv"));
    CHECK(error_of([&] { project(base, Rule{}, polls, options); }).starts_with("cov.csv:1: no party 'Bb'"));
  }

  TEST_CASE("identity: a poll equal to the base's national shares gives the base's votes and seats, every model") {
    Rule rule;
    rule.threshold.value = ThresholdValue::parse("5%");
    check_identity(small_election(), rule);
    const ElectionSetup setup = norway();
    if (setup.input.election.districts.empty()) return;
    check_identity(setup.input.election, setup.rule);
  }

  TEST_CASE("uniform and proportional swing on Norway 2021 against a computation in long double") {
    const ElectionSetup setup = norway();
    if (setup.input.election.districts.empty()) return;
    const Election& base = setup.input.election;
    const std::map<std::string, long double> poll = {{"Arbeiderpartiet", 20.5},
                                                     {"Høyre", 27.25},
                                                     {"Senterpartiet", 6},
                                                     {"Fremskrittspartiet", 19},
                                                     {"SV - Sosialistisk Venstreparti", 7.5},
                                                     {"Rødt", 6.25},
                                                     {"Venstre", 3.5},
                                                     {"Miljøpartiet De Grønne", 4},
                                                     {"Kristelig Folkeparti", 6}};
    std::string text = "pollster,fieldwork_end,sample_size,area,party,share\n";
    for (const auto& [party, share] : poll)
      text += "Test,2025-08-01,1000,national," + party + "," + std::to_string(static_cast<double>(share)) + "\n";
    const auto votes = party_totals(base);
    long double total = 0, unpolled = 0;
    for (const auto& [party, v] : votes) total += static_cast<long double>(v);
    for (const auto& [party, v] : votes)
      if (!poll.contains(party)) unpolled += static_cast<long double>(v) / total;
    const auto target = [&](const std::string& party) {
      const long double base_share = static_cast<long double>(votes.at(party)) / total;
      return poll.contains(party) ? poll.at(party) / 100 * (1 - unpolled) : base_share;
    };
    for (const bool uniform : {true, false}) {
      CAPTURE(uniform);
      ProjectionOptions options;
      options.swing = SwingModel::parse(uniform ? "uniform" : "proportional");
      const ProjectionResult result = project(base, setup.rule, polls_from(text), options);
      for (std::size_t d = 0; d < base.districts.size(); ++d) {
        const District& district = base.districts[d];
        long double district_total = 0, sum = 0;
        for (const ListResult& list : district.lists) district_total += static_cast<long double>(list.votes);
        std::vector<long double> q;
        for (const ListResult& list : district.lists) {
          const long double share = static_cast<long double>(list.votes) / district_total;
          const long double base_share = static_cast<long double>(votes.at(list.party)) / total;
          const long double t = target(list.party);
          q.push_back(std::max<long double>(0, uniform ? share + t - base_share : share * t / base_share));
          sum += q.back();
        }
        std::int64_t projected_total = 0;
        for (std::size_t j = 0; j < district.lists.size(); ++j) {
          const long double expected = district_total * q[j] / sum;
          const std::int64_t got = result.projected.districts[d].lists[j].votes;
          INFO(district.name << " / " << district.lists[j].party << ": " << got << " vs "
                             << static_cast<double>(expected));
          CHECK(std::fabs(static_cast<long double>(got) - expected) < 1.0L);
          projected_total += got;
        }
        CHECK(projected_total == district.total_votes());
      }
      std::int64_t seats = 0;
      for (const ProjectedParty& party : result.parties) seats += party.point_seats;
      CHECK(seats == 169);
    }
  }

  TEST_CASE("new lists spread uniformly, regional polls swing their district alone") {
    const Election base = small_election();
    const PartyMapping mapping = mapping_from("poll_party,base_party,weight\nN,new:N,1\n");
    ProjectionOptions options;
    options.mapping = mapping;
    const ProjectionResult result = project(
        base, Rule{},
        polls_from("pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,1000,national,A,40\n"
                   "P,2025-08-01,1000,national,B,30\nP,2025-08-01,1000,national,C,10\nP,2025-08-01,1000,national,N,20\n"
                   "Q,2025-08-01,500,South,A,10\nQ,2025-08-01,500,South,B,50\nQ,2025-08-01,500,South,C,10\n"
                   "Q,2025-08-01,500,South,N,30\n"),
        options);
    // New list N: 20 % of every district's votes under uniform swing (base share 0).
    const District& north = result.projected.districts[0];
    REQUIRE(north.lists.size() == 4);
    CHECK(north.lists[3].party == "N");
    CHECK(north.lists[3].votes == 1920);  // 20 % of 9600
    // South has its own poll: shares exactly the poll's (uniform swing from its own base).
    const District& south = result.projected.districts[1];
    CHECK(south.lists[0].votes == 670);   // 10 % of 6700
    CHECK(south.lists[1].votes == 3350);  // 50 %
    CHECK(south.lists[3].votes == 2010);  // 30 %
  }

  TEST_CASE("draws: the same result whatever the threads, no uncertainty gives the point every draw") {
    const Election base = small_election();
    const PollSet polls = polls_from(
        "pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,1000,national,A,40\n"
        "P,2025-08-01,1000,national,B,45\nP,2025-08-01,1000,national,C,15\nR,2025-07-20,600,national,A,44\n"
        "R,2025-07-20,600,national,B,41\nR,2025-07-20,600,national,C,15\n");
    ProjectionOptions options;
    options.draws = 3000;
    options.seed = 11;
    options.coalitions = {"AB=A+B", "A", "A+C"};
    options.district_noise = NoiseModel::parse("dirichlet:2000");
    options.national_error = parse_covariance_table(parse_csv("party,A,B\nA,4,-2\nB,-2,4\n", "cov.csv"));
    Rule rule;
    rule.threshold.value = ThresholdValue::parse("16%");
    rule.threshold.scope = ThresholdScope::national;
    options.threads = 1;
    const ProjectionResult one = project(base, rule, polls, options);
    options.threads = 2;
    const ProjectionResult two = project(base, rule, polls, options);
    REQUIRE(one.parties.size() == 3);
    for (std::size_t p = 0; p < 3; ++p) {
      CHECK(one.parties[p].mean == two.parties[p].mean);
      CHECK(one.parties[p].intervals == two.parties[p].intervals);
      CHECK(one.parties[p].pass_probability == two.parties[p].pass_probability);
      CHECK(one.parties[p].intervals[0].first >= one.parties[p].intervals[3].first);  // 80 % inside 99 %
    }
    REQUIRE(one.coalitions.size() == 3);
    CHECK(one.coalitions[0].majority == 1.0);  // A+B hold all but C's seats
    CHECK(one.coalitions[0].exclusive_majority <= one.coalitions[0].majority);
    CHECK(one.coalitions[0].exclusive_majority == doctest::Approx(1.0 - one.coalitions[1].majority));
    CHECK(one.parties[2].pass_probability.at(0) > 0.05);  // C near the 16 % threshold: uncertain
    CHECK(one.parties[2].pass_probability.at(0) < 0.95);
    CHECK(one.effective_sample_size > 1000);
    REQUIRE(one.lists.size() == 2);
    for (const std::vector<ProjectedList>& district : one.lists)
      for (const ProjectedList& list : district) CHECK(list.more + list.fewer <= 1.0);
    for (const ProjectedParty& party : one.parties) {
      std::uint64_t draws = 0;
      for (const std::uint64_t count : party.seat_counts) draws += count;
      CHECK(draws == 3000);
      CHECK(party.seat_counts.back() > 0);
    }

    ProjectionOptions fixed;
    fixed.draws = 500;
    fixed.sampling_error = false;
    const ProjectionResult still = project(base, Rule{}, polls, fixed);
    for (const ProjectedParty& party : still.parties) {
      CHECK(party.mean == doctest::Approx(static_cast<double>(party.point_seats)));
      CHECK(party.intervals[3].first == party.point_seats);
      CHECK(party.intervals[3].second == party.point_seats);
    }
  }

  TEST_CASE("pooling: recency and size weights, house effects as mean deviations") {
    const Election base = small_election();
    // Two pollsters, same day and size: the pooled share is their mean; each one's house effect
    // is its deviation from it, so the corrected pool stays at the mean.
    const PollSet polls = polls_from(
        "pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,1000,national,A,40\n"
        "P,2025-08-01,1000,national,B,40\nP,2025-08-01,1000,national,C,20\nR,2025-08-01,1000,national,A,50\n"
        "R,2025-08-01,1000,national,B,30\nR,2025-08-01,1000,national,C,20\n");
    ProjectionOptions options;
    const ProjectionResult result = project(base, Rule{}, polls, options);
    CHECK(result.parties[0].pooled_share == doctest::Approx(0.45));
    CHECK(result.effective_sample_size == doctest::Approx(2000));
    bool found = false;
    for (const HouseEffect& effect : result.house_effects)
      if (effect.pollster == "R" && effect.party == "A") {
        CHECK(effect.points == doctest::Approx(5));
        found = true;
      }
    CHECK(found);
    // A poll 14 days older (one half-life) weighs half.
    const PollSet aged = polls_from(
        "pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-15,1000,national,A,40\n"
        "P,2025-08-15,1000,national,B,40\nP,2025-08-15,1000,national,C,20\nR,2025-08-01,1000,national,A,55\n"
        "R,2025-08-01,1000,national,B,25\nR,2025-08-01,1000,national,C,20\n");
    options.estimate_house_effects = false;
    CHECK(project(base, Rule{}, aged, options).parties[0].pooled_share == doctest::Approx(0.45));
  }
}

TEST_SUITE("projection") {
  TEST_CASE("given house effects: read with file and line, and removed from the polls before pooling") {
    CHECK(error_of([] { parse_house_effects(parse_csv("pollster,party,points\nP,A,1.5\nP,A,2\n", "house.csv")); }) ==
          "house.csv:3: the house effect of 'P' on 'A' is given twice");
    CHECK(error_of([] {
            parse_house_effects(parse_csv("pollster,party,points\nP,A,x\n", "house.csv"));
          }).starts_with("house.csv:2: 'x' is not a number"));
    ProjectionOptions options;
    options.house_effects = parse_house_effects(parse_csv("pollster,party,points\nP,A,2\nP,B,-2\n", "house.csv"));
    const PollSet polls = polls_from(
        "pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,1000,national,A,42\n"
        "P,2025-08-01,1000,national,B,38\nP,2025-08-01,1000,national,C,20\n");
    const ProjectionResult result = project(small_election(), Rule{}, polls, options);
    CHECK(result.parties[0].pooled_share == doctest::Approx(0.40));
    CHECK(result.parties[1].pooled_share == doctest::Approx(0.40));
    REQUIRE(result.house_effects.size() == 2);
    CHECK(result.house_effects[0].given);
  }
}

TEST_SUITE("projection") {
  TEST_CASE("ROPF: polls, list abbreviations, scenarios and other scopes left out, errors with the line") {
    std::vector<std::string> warnings;
    const PollSet set = parse_ropf(
        "•PF: ACME •C: The Times •FS: 2021-07-14 •FE: 2021-07-20 •SC: N •SS: 1000 A:55 B:43.5 •O:1.5\n"
        "&                                                          A:50 B:40 C:9 •O:1\n"
        "•PF: BCME •FE: 2021-07-18 •SC: E •SS: 800 A:60 B:40\n"
        "•PF: BCME •PD: 2021-07-19 •SS: 800 •A: North A:60 B:40\n"
        "\n"
        "A: •A: AP •EN: Apple Party\n"
        "B: •EN: Banana Party\n",
        "polls.ropf", &warnings);
    REQUIRE(set.polls.size() == 2);
    CHECK(set.polls[0].pollster == "ACME");
    CHECK(set.polls[0].fieldwork_end == "2021-07-20");
    CHECK(set.polls[0].sample_size == 1000);
    CHECK(set.polls[0].national());
    REQUIRE(set.polls[0].shares.size() == 2);
    CHECK(set.polls[0].shares[0].party == "AP");
    CHECK(set.polls[0].shares[1].party == "B");
    CHECK(set.polls[0].shares[1].percent == Rational(87, 2));
    CHECK(set.polls[1].area == "North");
    CHECK(set.polls[1].line == 4);
    CHECK(warnings.size() == 2);
    CHECK(error_of([] {
            parse_ropf("•PF: ACME •FE: 2021-07-20 A:55 B:45\n", "p.ropf");
          }).starts_with("p.ropf:1: the poll has no sample size"));
    CHECK(error_of([] { parse_ropf("\n•PF: ACME •FE: 2021-07-20 •SS: 10 A:155 B:45\n", "p.ropf"); }) ==
          "p.ropf:2: result 'A:155' is above 100 %");
  }
}
