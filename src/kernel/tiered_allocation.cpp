// The tiers above the districts, at the level of a whole election: leveling seats added to a
// district tier, and the biproportional apportionment (upper apportionment of lists, lower
// apportionment of the matrix), with names, quorums and winner-take-one.
#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {
namespace {

void check_placement(const Election& election, const std::map<std::string, std::int64_t>& to_place,
                     const std::vector<std::int64_t>& capacity, const Placement& placed, const std::string& rule) {
  const auto broken = [&](const std::string& what) {
    return Error("leveling placement '" + rule + "' returned an invalid placement: " + what);
  };
  if (placed.seats.size() != election.districts.size() || placed.tie.size() != election.districts.size())
    throw broken("wrong number of districts");
  std::map<std::string, std::int64_t> per_party;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    if (placed.seats[d].size() != district.lists.size() || placed.tie[d].size() != district.lists.size())
      throw broken("wrong number of lists in '" + district.name + "'");
    std::int64_t in_district = 0;
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      if (placed.seats[d][i] < 0) throw broken("negative seats");
      in_district += placed.seats[d][i];
      per_party[district.lists[i].party] += placed.seats[d][i];
    }
    if (in_district > capacity[d]) throw broken("'" + district.name + "' gets more leveling seats than it can take");
  }
  for (const auto& [party, count] : per_party)
    if (count != (to_place.contains(party) ? to_place.at(party) : 0))
      throw broken("'" + party + "' gets a wrong number");
}

// Parties whose district seats exceed their national share give the excess back (the placement
// rule says which); the district tier's seats shrink by as many, and the leveling seats of the
// other parties, already counted on the national shares, fill them.
void return_excess(const Election& election, const Rule& rule, const PlacementEntry& placement,
                   LevelingOutcome& national, std::vector<std::vector<std::int64_t>>& district_seats,
                   ElectionOutcome& outcome) {
  std::map<std::string, std::int64_t> excess;
  for (std::size_t p = 0; p < national.parties.size(); ++p)
    if (national.excess[p] > 0) excess[national.parties[p]] = national.excess[p];
  if (excess.empty()) return;
  ReturnedSeats back = placement.return_excess({election, district_seats, excess, rule.method, rule.ties, rule.seed});
  for (std::size_t d = 0; d < district_seats.size(); ++d)
    for (std::size_t i = 0; i < district_seats[d].size(); ++i) {
      const std::int64_t given = back.count.at(d).at(i);
      if (given < 0 || given > district_seats[d][i])
        throw Error("leveling placement '" + placement.name + "' returned seats a list does not hold");
      district_seats[d][i] -= given;
      outcome.districts[d].lists[i].district_seats -= given;
    }
  outcome.notes.insert(outcome.notes.end(), back.notes.begin(), back.notes.end());
  national.returned = std::move(back.seats);
}

struct Matrix {
  std::vector<std::string> parties;
  std::vector<std::vector<std::int64_t>> votes;      // [district][party]
  std::vector<std::vector<std::size_t>> list_index;  // [district][party] -> list, or npos
};

Matrix build_matrix(const Election& election) {
  Matrix m;
  std::unordered_map<std::string, std::size_t> index;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (index.try_emplace(list.party, m.parties.size()).second) m.parties.push_back(list.party);
  for (const District& district : election.districts) {
    m.votes.emplace_back(m.parties.size(), 0);
    m.list_index.emplace_back(m.parties.size(), std::numeric_limits<std::size_t>::max());
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const std::size_t p = index.at(district.lists[i].party);
      m.votes.back()[p] = district.lists[i].votes;
      m.list_index.back()[p] = i;
    }
  }
  return m;
}

std::vector<bool> quorum_passes(const Election& election, const Matrix& m, const BiproportionalRule& rule) {
  std::vector<bool> passes(m.parties.size(), true);
  if (!rule.quorum_any_district && !rule.quorum_total) return passes;
  const std::int64_t total = election.total_votes();
  for (std::size_t p = 0; p < m.parties.size(); ++p) {
    bool any = false;
    std::int64_t party_total = 0;
    for (std::size_t d = 0; d < election.districts.size(); ++d) {
      party_total += m.votes[d][p];
      if (rule.quorum_any_district && m.votes[d][p] > 0)
        any = any || rule.quorum_any_district->passes(m.votes[d][p], election.districts[d].total_votes(), false);
    }
    passes[p] = any || (rule.quorum_total && party_total > 0 && rule.quorum_total->passes(party_total, total, false));
  }
  return passes;
}

// Upper-apportionment votes as integers over one common denominator: with list votes, each
// district's votes are divided by its seats, so all are scaled by the seats' least common multiple.
std::vector<std::int64_t> upper_votes(const Election& election, const Matrix& m, bool list_votes,
                                      std::int64_t& denominator) {
  i128 lcm = 1;
  if (list_votes)
    for (const District& district : election.districts)
      if (district.seats > 0) {
        lcm = lcm / std::gcd(static_cast<std::int64_t>(lcm), district.seats) * district.seats;
        if (lcm > 1'000'000'000'000'000)
          throw Error("--list-votes: too many different district sizes to weight exactly");
      }
  denominator = static_cast<std::int64_t>(lcm);
  std::vector<std::int64_t> out(m.parties.size(), 0);
  i128 total = 0;
  for (std::size_t p = 0; p < m.parties.size(); ++p) {
    i128 sum = 0;
    for (std::size_t d = 0; d < election.districts.size(); ++d) {
      const std::int64_t seats = election.districts[d].seats;
      if (list_votes && seats == 0) continue;  // a district without seats weighs nothing
      sum += static_cast<i128>(m.votes[d][p]) * (list_votes ? lcm / seats : 1);
    }
    total += sum;
    if (total > 1'000'000'000'000'000'000)
      throw Error("--list-votes: the weighted votes are too large to compare exactly");
    out[p] = static_cast<std::int64_t>(sum);
  }
  return out;
}

std::string cell_names(const Election& election, const Matrix& m, const std::vector<std::size_t>& columns,
                       const MatrixApportionment& result) {
  std::string text;
  const std::size_t cols = columns.size();
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t c = 0; c < cols; ++c)
      if (result.tie[d * cols + c])
        text += (text.empty() ? "" : ", ") + m.parties[columns[c]] + " in " + election.districts[d].name + " (" +
                std::to_string(result.seats[d * cols + c]) + ")";
  return text;
}

}  // namespace

void add_leveling(const Election& election, const Rule& rule, ElectionOutcome& outcome) {
  std::vector<std::vector<std::int64_t>> district_seats;
  for (const DistrictOutcome& district : outcome.districts) {
    std::vector<std::int64_t>& row = district_seats.emplace_back();
    for (const ListOutcome& list : district.lists) row.push_back(list.district_seats);
  }
  LevelingOutcome national =
      apportion_leveling(election, district_seats, rule.leveling, rule.method, rule.ties, rule.seed);
  const PlacementEntry placement = leveling_placement(rule.leveling.placement);
  if (placement.return_excess) return_excess(election, rule, placement, national, district_seats, outcome);
  std::map<std::string, std::int64_t> to_place;
  for (std::size_t p = 0; p < national.parties.size(); ++p)
    if (national.takes_part[p] && national.leveling_seats[p] > 0)
      to_place[national.parties[p]] = national.leveling_seats[p];
  std::vector<std::int64_t> capacity;
  for (const District& district : election.districts)
    capacity.push_back(placement.per_district_cap ? rule.leveling.capacity(district.name)
                                                  : std::numeric_limits<std::int64_t>::max());
  Placement placed =
      placement.place({election, district_seats, to_place, capacity, rule.ties, rule.seed, &rule.leveling.regions});
  check_placement(election, to_place, capacity, placed, placement.name);
  for (std::size_t d = 0; d < outcome.districts.size(); ++d)
    for (std::size_t i = 0; i < outcome.districts[d].lists.size(); ++i) {
      ListOutcome& list = outcome.districts[d].lists[i];
      list.leveling_seats = placed.seats[d][i];
      list.seats = list.district_seats + list.leveling_seats;
      list.tie = list.tie || placed.tie[d][i] != 0;
    }
  outcome.notes.insert(outcome.notes.end(), national.notes.begin(), national.notes.end());
  outcome.notes.insert(outcome.notes.end(), placed.notes.begin(), placed.notes.end());
  national.awards = std::move(placed.awards);
  national.region_awards = std::move(placed.region_awards);
  national.region_shares = std::move(placed.region_shares);
  outcome.leveling = std::move(national);
}

ElectionOutcome allocate_biproportional(const Election& election, const Rule& rule) {
  rule.check();
  const BiproportionalRule& bp = rule.biproportional;
  for (const District& district : election.districts) {
    const std::size_t line = district.lists.empty() ? 0 : district.lists.front().line;
    if (district.reserved > 0 || std::any_of(district.lists.begin(), district.lists.end(),
                                             [](const ListResult& l) { return !l.quota_group.empty(); }))
      throw Error(election.source, line,
                  "district '" + district.name + "': reserved seats cannot be combined with --biproportional");
  }
  const Matrix m = build_matrix(election);
  const std::size_t rows = election.districts.size();
  BiproportionalOutcome report;
  report.parties = m.parties;
  report.passes_quorum = quorum_passes(election, m, bp);
  std::int64_t denominator = 1;
  const std::vector<std::int64_t> weights = upper_votes(election, m, bp.list_votes, denominator);
  for (const std::int64_t w : weights) report.upper_votes.push_back(Rational(w, denominator));

  // Upper apportionment: the house among the lists that pass the quorum.
  std::vector<std::size_t> columns;
  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> keys;
  for (std::size_t p = 0; p < m.parties.size(); ++p)
    if (report.passes_quorum[p])
      columns.push_back(p), votes.push_back(weights[p]), keys.push_back(stream_key(m.parties[p]));
  if (columns.empty()) throw Error("--biproportional: no list passes the quorum");
  const std::int64_t house = election.total_seats();
  const TieBreak upper_ties{rule.ties, rule.seed, stream_key("biproportional upper apportionment"),
                            "the upper apportionment", keys};
  DistrictSeats upper;
  if (rule.bounds.empty()) {
    upper = seatsim::allocate(votes, house, rule.method, upper_ties);
  } else {
    std::vector<SeatBound> bounds;
    bounds.reserve(columns.size());
    for (const std::size_t p : columns) bounds.push_back(rule.bounds.for_list(m.parties[p]));
    upper = allocate_bounded(votes, house, rule.method.divisor(), bounds, upper_ties);
  }
  report.party_seats.assign(m.parties.size(), 0);
  for (std::size_t c = 0; c < columns.size(); ++c) report.party_seats[columns[c]] = upper.seats[c];

  ElectionOutcome result;
  if (upper.tie_decided) {
    std::string competing;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (upper.tie[c]) competing += (competing.empty() ? "" : ", ") + m.parties[columns[c]];
    result.notes.push_back("tie in the upper apportionment between " + competing + "; rule '" +
                           std::string(tie_rule_name(rule.ties)) + "'");
  }

  // Lower apportionment.
  MatrixProblem problem;
  problem.rows = rows;
  problem.cols = columns.size();
  for (std::size_t d = 0; d < rows; ++d) {
    problem.row_names.push_back(election.districts[d].name);
    problem.row_seats.push_back(election.districts[d].seats);
    for (const std::size_t p : columns) problem.votes.push_back(m.votes[d][p]);
  }
  for (const std::size_t p : columns) {
    problem.col_names.push_back(m.parties[p]);
    problem.col_seats.push_back(report.party_seats[p]);
  }
  report.winners.assign(rows, "");
  if (bp.winner_take_one) {
    problem.at_least_one.assign(rows * columns.size(), 0);
    for (std::size_t d = 0; d < rows; ++d) {
      std::int64_t best = 0;
      std::vector<std::size_t> top;
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::int64_t v = m.votes[d][columns[c]];
        if (v <= 0 || problem.col_seats[c] == 0) continue;  // only lists entitled to seats
        if (v > best) best = v, top.clear();
        if (v == best) top.push_back(c);
      }
      if (top.empty() || problem.row_seats[d] == 0) continue;
      if (static_cast<std::int64_t>(top.size()) > problem.row_seats[d]) {
        result.notes.push_back("winner-take-one does not apply in " + election.districts[d].name + ": " +
                               std::to_string(top.size()) + " lists tie for the most votes and there are only " +
                               std::to_string(problem.row_seats[d]) + " seat(s)");
        continue;
      }
      for (const std::size_t c : top) {
        problem.at_least_one[d * columns.size() + c] = 1;
        report.winners[d] += (report.winners[d].empty() ? "" : ", ") + m.parties[columns[c]];
      }
    }
  }
  const MatrixApportionment lower = apportion_matrix(problem, rule.method.divisor());
  if (lower.tied)
    throw Error(election.source, 0,
                "tie in the biproportional lower apportionment: several seat matrices fit these votes, differing in " +
                    cell_names(election, m, columns, lower) +
                    "; seatsim does not break it (statutes decide by lot): change a vote to decide it");
  report.steps = lower.steps;
  report.district_divisors = lower.row_divisors;
  report.list_divisors.assign(m.parties.size(), std::nullopt);
  for (std::size_t c = 0; c < columns.size(); ++c) report.list_divisors[columns[c]] = lower.col_divisors[c];

  for (std::size_t d = 0; d < rows; ++d) {
    const District& district = election.districts[d];
    DistrictOutcome& out = result.districts.emplace_back();
    out.lists.resize(district.lists.size());
    out.general_seats = district.seats;
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
      const std::size_t i = m.list_index[d][p];
      if (i == std::numeric_limits<std::size_t>::max()) continue;
      out.lists[i].passes_threshold = report.passes_quorum[p];
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::size_t i = m.list_index[d][columns[c]];
      if (i == std::numeric_limits<std::size_t>::max()) continue;
      out.lists[i].seats = out.lists[i].district_seats = lower.seats[d * columns.size() + c];
    }
  }
  result.biproportional = std::move(report);
  return result;
}

}  // namespace seatsim
