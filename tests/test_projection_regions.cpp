// Projection above the districts (analysis/projection.hpp): regional polls swing a region's districts
// against the region's base (checked against the swing worked out by hand, and in long double for
// proportional swing), the most specific poll wins, a poll equal to the base (national and regional)
// gives the base back under every model, new lists spread by a pattern of district weights, turnout
// scaled, a regional error reproducible whatever the threads, and bad input named by file and line.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <numeric>

#include "seatsim/analysis/projection.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/election_allocation.hpp"

using namespace seatsim;

namespace {

const std::string poll_head = "pollster,fieldwork_end,sample_size,area,party,share\n";

PollSet polls_from(const std::string& text) { return parse_poll_table(parse_csv(text, "polls.csv")); }

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.text();
  }
  return "no error";
}

// Four districts of 1000 votes, two regions: North (N1, N2) and South (S1, S2).
Election four_districts() {
  Election election;
  election.source = "four.csv";
  const auto add = [&](const std::string& name, std::vector<std::int64_t> votes) {
    District& district = election.districts.emplace_back();
    district.name = name;
    district.seats = 4;
    for (std::size_t j = 0; j < votes.size(); ++j) {
      ListResult& list = district.lists.emplace_back();
      list.party = std::string(1, static_cast<char>('A' + j));
      list.votes = votes[j];
    }
  };
  add("N1", {600, 300, 100});
  add("N2", {200, 500, 300});
  add("S1", {100, 100, 800});
  add("S2", {300, 300, 400});
  return election;
}

DistrictRegions two_regions() {
  return parse_district_regions(parse_csv("district,region\nN1,North\nN2,North\nS1,South\nS2,South\n", "regions.csv"));
}

std::vector<std::int64_t> votes_of(const ProjectionResult& result, std::size_t d) {
  std::vector<std::int64_t> votes;
  for (const ListResult& list : result.projected.districts[d].lists) votes.push_back(list.votes);
  return votes;
}

// 100 · v / T to 12 decimals, rounded half up, in integers.
std::string percent_12(std::int64_t votes, std::int64_t total) {
  const u128 scaled = (static_cast<u128>(votes) * 100'000'000'000'000ULL * 2 + static_cast<u128>(total)) /
                      (2 * static_cast<u128>(total));
  std::string digits = to_string(scaled);
  while (digits.size() < 13) digits.insert(digits.begin(), '0');
  return digits.substr(0, digits.size() - 12) + "." + digits.substr(digits.size() - 12);
}

// A poll of `area` at the base shares of the districts `districts` (all: national).
std::string mirror_poll(const Election& base, const std::string& area, const std::vector<std::string>& districts) {
  std::map<std::string, std::int64_t> votes;
  std::int64_t total = 0;
  for (const District& district : base.districts)
    if (districts.empty() || std::find(districts.begin(), districts.end(), district.name) != districts.end())
      for (const ListResult& list : district.lists) {
        votes[list.party] += list.votes;
        total += list.votes;
      }
  std::string text;
  for (const auto& [party, v] : votes)
    text += "Mirror,2025-08-01,1000," + area + "," + party + "," + percent_12(v, total) + "\n";
  return text;
}

// Independent of swing_model.cpp: shares in long double, then Hamilton's largest remainders.
std::vector<std::int64_t> shared_out(std::int64_t total, const std::vector<long double>& shares) {
  long double sum = 0;
  for (const long double share : shares) sum += std::max(0.0L, share);
  std::vector<std::int64_t> votes;
  std::vector<std::pair<long double, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t j = 0; j < shares.size(); ++j) {
    const long double quota = static_cast<long double>(total) * std::max(0.0L, shares[j]) / sum;
    votes.push_back(static_cast<std::int64_t>(std::floor(quota)));
    given += votes.back();
    remainders.emplace_back(quota - std::floor(quota), j);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total; ++k, ++given) ++votes[remainders[k].second];
  return votes;
}

}  // namespace

TEST_SUITE("projection regions") {
  TEST_CASE("regional swing: a region's poll swings its districts against the region's base") {
    const Election base = four_districts();
    ProjectionOptions options;
    options.regions = two_regions();
    const PollSet polls = polls_from(poll_head +
                                     "P,2025-08-01,1000,national,A,35\nP,2025-08-01,1000,national,B,25\n"
                                     "P,2025-08-01,1000,national,C,40\nQ,2025-08-01,800,North,A,45\n"
                                     "Q,2025-08-01,800,North,B,35\nQ,2025-08-01,800,North,C,20\n");
    const ProjectionResult uniform = project(base, Rule{}, polls, options);
    // North's base: A 40 %, B 40 %, C 20 %; its poll moves A +5, B −5 points in N1 and N2.
    CHECK(votes_of(uniform, 0) == std::vector<std::int64_t>{650, 250, 100});
    CHECK(votes_of(uniform, 1) == std::vector<std::int64_t>{250, 450, 300});
    // South has no poll of its own: the national swing (base A 30 %, B 30 %, C 40 %).
    CHECK(votes_of(uniform, 2) == std::vector<std::int64_t>{150, 50, 800});
    CHECK(votes_of(uniform, 3) == std::vector<std::int64_t>{350, 250, 400});

    options.swing = SwingModel::parse("proportional");
    const ProjectionResult proportional = project(base, Rule{}, polls, options);
    const std::vector<long double> north_factor = {45.0L / 40, 35.0L / 40, 20.0L / 20};
    const std::vector<long double> national_factor = {35.0L / 30, 25.0L / 30, 40.0L / 40};
    for (std::size_t d = 0; d < 4; ++d) {
      CAPTURE(d);
      const std::vector<long double>& factor = d < 2 ? north_factor : national_factor;
      std::vector<long double> shares;
      for (std::size_t j = 0; j < 3; ++j)
        shares.push_back(static_cast<long double>(base.districts[d].lists[j].votes) / 1000 * factor[j]);
      CHECK(votes_of(proportional, d) == shared_out(1000, shares));
    }

    // The most specific poll wins: N2's own poll over North's.
    options.swing = SwingModel::parse("uniform");
    const PollSet with_district =
        polls_from(poll_head +
                   "P,2025-08-01,1000,national,A,35\nP,2025-08-01,1000,national,B,25\n"
                   "P,2025-08-01,1000,national,C,40\nQ,2025-08-01,800,North,A,45\nQ,2025-08-01,800,North,B,35\n"
                   "Q,2025-08-01,800,North,C,20\nR,2025-08-01,500,N2,A,10\nR,2025-08-01,500,N2,B,60\n"
                   "R,2025-08-01,500,N2,C,30\n");
    const ProjectionResult specific = project(base, Rule{}, with_district, options);
    CHECK(votes_of(specific, 0) == std::vector<std::int64_t>{650, 250, 100});
    CHECK(votes_of(specific, 1) == std::vector<std::int64_t>{100, 600, 300});
  }

  TEST_CASE("regions from the rule's leveling regions when no regions are given") {
    const Election base = four_districts();
    Rule rule;
    rule.leveling.regions = {LevelingRegion::parse("North (0): N1; N2"), LevelingRegion::parse("South (0): S1; S2")};
    const PollSet polls = polls_from(poll_head + mirror_poll(base, "national", {}) +
                                     "Q,2025-08-01,800,North,A,45\nQ,2025-08-01,800,North,B,35\n"
                                     "Q,2025-08-01,800,North,C,20\n");
    const ProjectionResult result = project(base, Rule{}, polls, [] {
      ProjectionOptions options;
      options.regions = two_regions();
      return options;
    }());
    ProjectionOptions from_rule;
    const ProjectionResult leveling = project(base, rule, polls, from_rule);
    for (std::size_t d = 0; d < 4; ++d) CHECK(votes_of(leveling, d) == votes_of(result, d));
    CHECK(votes_of(leveling, 0) == std::vector<std::int64_t>{650, 250, 100});
  }

  TEST_CASE("identity with regions: national and regional polls equal to the base give it back, every model") {
    const Election base = four_districts();
    const ElectionOutcome cast = allocate(base, Rule{});
    const PollSet polls =
        polls_from(poll_head + mirror_poll(base, "national", {}) + mirror_poll(base, "North", {"N1", "N2"}) +
                   mirror_poll(base, "South", {"S1", "S2"}));
    for (const std::string swing : {"uniform", "proportional", "mix:0.5", "mix:0.25"}) {
      CAPTURE(swing);
      ProjectionOptions options;
      options.regions = two_regions();
      options.swing = SwingModel::parse(swing);
      const ProjectionResult result = project(base, Rule{}, polls, options);
      for (std::size_t d = 0; d < base.districts.size(); ++d)
        for (std::size_t j = 0; j < base.districts[d].lists.size(); ++j) {
          REQUIRE(result.projected.districts[d].lists[j].votes == base.districts[d].lists[j].votes);
          CHECK(result.point.seats(d, j) == cast.seats(d, j));
        }
    }
  }

  TEST_CASE("new lists spread by a pattern keep their national share") {
    CHECK(pattern_target(150'000'000'000, 2, 4000, 4000) == 300'000'000'000);
    CHECK(pattern_target(150'000'000'000, 0, 4000, 4000) == 0);
    CHECK(pattern_target(150'000'000'000, 1, 4000, 0) == 150'000'000'000);  // no weight in the area: uniform
    CHECK(pattern_target(1, 1, 1, 2) == 1);                                 // 1/2 rounded half up

    const Election base = four_districts();
    ProjectionOptions options;
    options.mapping = parse_party_mapping(parse_csv("poll_party,base_party,weight\nNy,new:Ny,1\n", "map.csv"));
    options.new_party_pattern =
        parse_new_party_pattern(parse_csv("party,district,weight\nNy,N1,2\nNy,N2,1.5\nNy,S1,0.5\n", "pattern.csv"));
    const PollSet polls = polls_from(poll_head +
                                     "P,2025-08-01,1000,national,A,30\nP,2025-08-01,1000,national,B,25\n"
                                     "P,2025-08-01,1000,national,C,25\nP,2025-08-01,1000,national,Ny,20\n");
    const ProjectionResult result = project(base, Rule{}, polls, options);
    // By hand: Σ g V = (2 + 1.5 + 0.5 + 0) · 1000 = 4000 = B, so Ny's district share is 20 % · g_d.
    const std::vector<long double> weight = {2, 1.5, 0.5, 0};
    const std::vector<long double> swing = {0.30L - 0.30L, 0.25L - 0.30L, 0.25L - 0.40L};
    for (std::size_t d = 0; d < 4; ++d) {
      CAPTURE(d);
      std::vector<long double> shares;
      for (std::size_t j = 0; j < 3; ++j)
        shares.push_back(static_cast<long double>(base.districts[d].lists[j].votes) / 1000 + swing[j]);
      shares.push_back(0.20L * weight[d]);
      CHECK(votes_of(result, d) == shared_out(1000, shares));
    }
    CHECK(votes_of(result, 3).back() == 0);
    // Uniform spreading (no pattern): 20 % everywhere.
    options.new_party_pattern.reset();
    const ProjectionResult uniform = project(base, Rule{}, polls, options);
    for (std::size_t d = 0; d < 4; ++d) CHECK(votes_of(uniform, d).back() > 150);
  }

  TEST_CASE("turnout scaled: each district's votes sum to round-half-up(V_d * F)") {
    CHECK(TurnoutChange::parse("scale:1.0005").total(1000) == 1001);  // 1000.5 rounds up
    CHECK(TurnoutChange::parse("scale:0.9").total(1005) == 905);      // 904.5 rounds up
    CHECK(TurnoutChange::parse("unchanged").total(1234) == 1234);
    CHECK(error_of([] { TurnoutChange::parse("scale:0"); }).starts_with("--turnout 'scale:0': expected"));
    CHECK(error_of([] { TurnoutChange::parse("double"); }).starts_with("--turnout 'double': expected"));
    const Election base = four_districts();
    ProjectionOptions options;
    options.turnout = TurnoutChange::parse("scale:1.1");
    const ProjectionResult result =
        project(base, Rule{}, polls_from(poll_head + mirror_poll(base, "national", {})), options);
    for (std::size_t d = 0; d < 4; ++d) {
      const std::vector<std::int64_t> votes = votes_of(result, d);
      CHECK(std::accumulate(votes.begin(), votes.end(), std::int64_t{0}) == 1100);
      for (std::size_t j = 0; j < 3; ++j) CHECK(votes[j] == base.districts[d].lists[j].votes * 11 / 10);
    }
  }

  TEST_CASE("regional error: reproducible whatever the threads, and it widens the seat spread") {
    const Election base = four_districts();
    const PollSet polls = polls_from(poll_head + mirror_poll(base, "national", {}));
    ProjectionOptions options;
    options.regions = two_regions();
    options.draws = 2000;
    options.seed = 5;
    options.sampling_error = false;
    options.regional_error = parse_covariance_table(parse_csv("party,A,B\nA,9,-4\nB,-4,9\n", "regional.csv"));
    options.threads = 1;
    const ProjectionResult one = project(base, Rule{}, polls, options);
    options.threads = 2;
    const ProjectionResult two = project(base, Rule{}, polls, options);
    REQUIRE(one.parties.size() == 3);
    for (std::size_t p = 0; p < 3; ++p) {
      CHECK(one.parties[p].seat_counts == two.parties[p].seat_counts);
      CHECK(one.parties[p].mean == two.parties[p].mean);
    }
    for (std::size_t d = 0; d < 4; ++d)
      for (std::size_t j = 0; j < 3; ++j) CHECK(one.lists[d][j].more == two.lists[d][j].more);
    // Without sampling or any error every draw is the point; the regional error moves some seats.
    bool spread = false;
    for (const ProjectedParty& party : one.parties)
      spread = spread || party.intervals[3].first != party.intervals[3].second;
    CHECK(spread);
    options.regional_error.reset();
    const ProjectionResult still = project(base, Rule{}, polls, options);
    for (const ProjectedParty& party : still.parties) CHECK(party.intervals[3].first == party.intervals[3].second);
  }

  TEST_CASE("bad regions, patterns and regional errors: file and line") {
    const Election base = four_districts();
    const PollSet polls = polls_from(poll_head + mirror_poll(base, "national", {}));
    CHECK(error_of([] { parse_district_regions(parse_csv("district,region\nN1,North\nN1,South\n", "regions.csv")); }) ==
          "regions.csv:3: district 'N1' is given a region twice");
    ProjectionOptions options;
    options.regions = parse_district_regions(parse_csv("district,region\nN1,North\nN3,North\n", "regions.csv"));
    CHECK(error_of([&] {
            project(base, Rule{}, polls, options);
          }).starts_with("regions.csv:3: no district 'N3' in the base election (did you mean"));
    options.regions = two_regions();
    CHECK(error_of([&] {
            project(base, Rule{},
                    polls_from(poll_head + mirror_poll(base, "national", {}) + "Q,2025-08-01,9,Nort,A,100\n"), options);
          }) ==
          "polls.csv:5: area 'Nort' is neither 'national' nor a district or region of the base election (did you "
          "mean 'North'?)");
    CHECK(error_of([] { parse_new_party_pattern(parse_csv("party,district,weight\nNy,N1,-1\n", "pattern.csv")); }) ==
          "pattern.csv:2: weight '-1' is negative");
    CHECK(error_of([] {
            parse_new_party_pattern(parse_csv("party,district,weight\nNy,N1,0\n", "pattern.csv"));
          }).starts_with("pattern.csv:2: every weight of 'Ny' is 0"));
    options.new_party_pattern = parse_new_party_pattern(parse_csv("party,district,weight\nA,N1,1\n", "pattern.csv"));
    CHECK(error_of([&] {
            project(base, Rule{}, polls, options);
          }).starts_with("pattern.csv:2: 'A' is not a new list of the projection"));
    options.new_party_pattern.reset();
    options.regions.reset();
    options.regional_error = parse_covariance_table(parse_csv("party,A\nA,1\n", "regional.csv"));
    CHECK(error_of([&] { project(base, Rule{}, polls, options); }) ==
          "regional.csv:1: a regional error needs regions (--regions FILE, or the rule's leveling regions)");
  }
}
