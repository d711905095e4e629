#include "seatsim/analysis/scenario_run.hpp"

#include <algorithm>
#include <map>

namespace seatsim {
namespace {

struct Row {
  std::optional<std::int64_t> base_votes, votes, published;
  bool published_missing = false;
  std::int64_t base_seats = 0, seats = 0;
};

void add_optional(std::optional<std::int64_t>& into, std::optional<std::int64_t> value) {
  if (value) into = into.value_or(0) + *value;
}

}  // namespace

namespace {

// The base as it stands under its own rule; the scenario from `start` (the base's election, or
// that with the scenario's seat totals), its operations applied, under `rule`.
ScenarioResult evaluate_from(const Election& base, const Rule& base_rule, const Election& start, const Rule& rule,
                             std::span<const VoteOperation> operations, const OperationOptions& options) {
  ScenarioResult result;
  result.base = base;
  result.base_rule = base_rule;
  result.base_outcome = allocate(base, base_rule);
  AppliedOperations applied = apply_operations(start, operations, options);
  result.election = std::move(applied.election);
  result.operations = std::move(applied.reports);
  result.rule = rule;
  result.outcome = allocate(result.election, rule);
  return result;
}

}  // namespace

ScenarioResult evaluate_scenario(const Election& base, const Rule& base_rule, const Rule& rule,
                                 std::span<const VoteOperation> operations, const OperationOptions& options) {
  return evaluate_from(base, base_rule, base, rule, operations, options);
}

ScenarioResult run_scenario(const Scenario& scenario, const ScenarioBase& base) {
  const Rule rule = scenario_rule(scenario, base);
  if (scenario.seats.empty())
    return evaluate_from(base.input.election, base.rule, base.input.election, rule, scenario.operations,
                         {scenario.clamp});
  return evaluate_from(base.input.election, base.rule, scenario_start(scenario, base), rule, scenario.operations,
                       {scenario.clamp});
}

std::vector<SeatComparison> compare_with_base(const ScenarioResult& result) {
  std::vector<std::string> order;  // parties in order of first appearance
  std::map<std::string, Row> national;
  std::vector<SeatComparison> district_rows;
  const auto note_party = [&](const std::string& party) {
    if (national.emplace(party, Row{}).second) order.push_back(party);
  };
  for (std::size_t d = 0; d < result.election.districts.size(); ++d) {
    const District& scenario = result.election.districts[d];
    const District& base = result.base.districts[d];
    std::vector<std::string> parties;
    for (const ListResult& list : scenario.lists) parties.push_back(list.party);
    for (const ListResult& list : base.lists)
      if (std::find(parties.begin(), parties.end(), list.party) == parties.end()) parties.push_back(list.party);
    for (const ListResult& list : base.lists) note_party(list.party);
    for (const std::string& party : parties) {
      note_party(party);
      SeatComparison row;
      row.district = scenario.name;
      row.party = party;
      for (std::size_t i = 0; i < base.lists.size(); ++i)
        if (base.lists[i].party == party) {
          row.base_votes = base.lists[i].votes;
          row.published_seats = base.lists[i].published_seats;
          row.base_seats = result.base_outcome.seats(d, i);
          break;
        }
      for (std::size_t i = 0; i < scenario.lists.size(); ++i)
        if (scenario.lists[i].party == party) {
          row.votes = scenario.lists[i].votes;
          row.seats = result.outcome.seats(d, i);
          break;
        }
      Row& total = national[party];
      add_optional(total.base_votes, row.base_votes);
      add_optional(total.votes, row.votes);
      if (row.base_votes) {
        if (row.published_seats)
          add_optional(total.published, row.published_seats);
        else
          total.published_missing = true;
      }
      total.base_seats += row.base_seats;
      total.seats += row.seats;
      district_rows.push_back(std::move(row));
    }
  }
  std::vector<SeatComparison> rows;
  for (const std::string& party : order) {
    const Row& total = national[party];
    SeatComparison row;
    row.national = true;
    row.party = party;
    row.base_votes = total.base_votes;
    row.votes = total.votes;
    if (!total.published_missing) row.published_seats = total.published;
    row.base_seats = total.base_seats;
    row.seats = total.seats;
    rows.push_back(std::move(row));
  }
  rows.insert(rows.end(), district_rows.begin(), district_rows.end());
  return rows;
}

}  // namespace seatsim
