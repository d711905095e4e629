#pragma once
// The explorer's replies: JSON documents laid out as the command line's `--format json` ({"meta":
// ..., key: records}), errors as {"error": message}, and the rule as the page's controls need it.
#include <string>

#include "seatsim/core/json.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/io/system.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/lot_record.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/render/table.hpp"
#include "seatsim/server/explorer.hpp"

namespace seatsim::server {

// Text a request sent (a party name, a path) may be any bytes: never an exception here.
ExplorerResponse json_response(const Json& json, int status = 200);
ExplorerResponse error_response(int status, const std::string& message);

// The meta block of a reply: the command it stands for, the system and rule as applied, the inputs.
Meta request_meta(const std::string& command, const ScenarioBase& base, const Rule& rule, const System& system);
// A seat decided by lot: the seed is provenance, as on the command line.
void note_lot(Meta& meta, const LotRecord& lot, const Rule& rule);
// {"meta": ..., key: records, ...extra}: the command line's JSON layout.
Json document(const Meta& meta, const std::string& key, const Table& table, const Json& extra = {});

// The served rule's keys as set, from the key registry.
Json settings_json(const RuleSettings& settings);
// The page needs the rule as it applies, key by key, to fill in its controls.
Json rule_controls(const Rule& rule);

}  // namespace seatsim::server
