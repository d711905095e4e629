// The explorer's replies: JSON documents laid out as the command line's `--format json`, and the
// rule as the page's controls need it.
#include "replies.hpp"

#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/kernel/tie_rule.hpp"

namespace seatsim::server {

// Text a request sent (a party name, a path) may be any bytes: never an exception here.
ExplorerResponse json_response(const Json& json, int status) {
  return {status, "application/json", json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"};
}

ExplorerResponse error_response(int status, const std::string& message) {
  Json json;
  json["error"] = message;
  return json_response(json, status);
}

Meta request_meta(const std::string& command, const ScenarioBase& base, const Rule& rule, const System& system) {
  Meta meta;
  meta.command = command;
  meta.system = system_to_json(system);
  meta.rule = rule_to_json(rule);
  if (rule.ties == TieRule::lot) meta.seed = rule.seed;
  meta.inputs = base.input.files;
  return meta;
}

// A seat decided by lot: the seed is provenance, as on the command line.
void note_lot(Meta& meta, const LotRecord& lot, const Rule& rule) {
  if (!lot.drawn()) return;
  meta.seed = rule.seed;
  meta.extra["lot_decided"] = true;
}

// {"meta": ..., key: records, ...extra}: the command line's JSON layout.
Json document(const Meta& meta, const std::string& key, const Table& table, const Json& extra) {
  Json json;
  json["meta"] = meta.to_json();
  json[key] = to_records(table);
  if (extra.is_object())
    for (const auto& [k, value] : extra.items()) json[k] = value;
  return json;
}

// The served rule's keys as set, from the key registry.
Json settings_json(const RuleSettings& settings) {
  Json json = Json::object();
  for (const RuleKey& key : rule_keys())
    if (key.set_in(settings)) json[std::string(key.name)] = key.to_json(settings);
  return json;
}

// The page needs the rule as it applies, key by key, to fill in its controls.
Json rule_controls(const Rule& rule) {
  Json json;
  json["method"] = rule.method.name;
  json["divisor_method"] = rule.method.is_divisor();
  json["first_divisor"] = rule.method.is_divisor() ? rule.method.divisor().divisor(0).to_string() : "";
  json["threshold"] = rule.threshold.value ? rule.threshold.value->to_string() : "";
  json["threshold_scope"] = std::string(threshold_scope_name(rule.threshold.scope));
  json["threshold_strict"] = rule.threshold.strict;
  json["ties"] = std::string(tie_rule_name(rule.ties));
  json["seed"] = rule.seed;
  json["description"] = rule.describe();
  return json;
}

}  // namespace seatsim::server
