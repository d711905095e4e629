#pragma once
// Renderings of a scenario's results (docs/scenarios.md): the comparison with the base, the
// operations' rounding, a sweep's long table and its break points, and the meta block. Shared by
// `seatsim scenario` and the explorer's /api/scenario, so that both say the same.
#include <string>
#include <vector>

#include "seatsim/analysis/scenario_run.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/analysis/vote_operations.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// level,district,party,base_votes,votes,published_seats,base_seats,seats,change. For people
// (`for_people`) the change column shows changes only, marked ("+1 *"); scripts get every number.
Table scenario_table(const std::vector<SeatComparison>& rows, bool for_people);

// Per operation: its description and, per district, the votes before and after and the exact rounding.
Json operations_json(const std::vector<OperationReport>& reports);
// The table format's lines about the operations (rounding, clamping, skipped districts).
std::vector<std::string> operations_footer(const std::vector<OperationReport>& reports);
// The footer of a scenario without a sweep: its name, both rules, its seat totals, the operations.
std::vector<std::string> scenario_footer(const Scenario& scenario, const ScenarioBase& base,
                                         const ScenarioResult& result);

// The command's meta: the scenario's rule, its file and the base's files, the base's rule.
Meta scenario_meta(const Scenario& scenario, const ScenarioBase& base, const Rule& rule);
// The same with the sweep's parameter, values and resolution.
Meta sweep_meta(const Scenario& scenario, const ScenarioBase& base, const SweepResult& sweep);

// value,district,party,votes,seats: one row per value, district and list.
Table sweep_table(const SweepResult& sweep);
// before,after,district,party,seats_before,seats_after,votes_before,votes_after,at_value.
Table break_points_table(const SweepResult& sweep);
Json break_points_json(const SweepResult& sweep);
std::vector<std::string> break_points_footer(const SweepResult& sweep);

}  // namespace seatsim
