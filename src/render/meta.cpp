#include "seatsim/meta.hpp"

namespace seatsim {

std::string_view version() noexcept { return SEATSIM_VERSION; }

Json rule_to_json(const Rule& rule) {
  Json json;
  json["method"] = rule.method.name;
  if (rule.method.is_divisor()) {
    Json divisors = Json::array();
    const DivisorRule& divisor = rule.method.divisor();
    for (std::int64_t k = 0; k < 4; ++k) divisors.push_back(divisor.divisor(k).to_string());
    json["divisors"] = divisors;
    if (divisor.family() == DivisorRule::Family::linear) json["first_divisor"] = divisor.divisor(0).to_string();
    if (divisor.family() == DivisorRule::Family::huntington_hill) json["divisors_are_squared"] = true;
  } else {
    json["quota"] = rule.method.quota().describe();
  }
  const Threshold& threshold = rule.threshold;
  json["threshold"] = threshold.value ? Json(threshold.value->to_string()) : Json(nullptr);
  json["threshold_scope"] = std::string(threshold_scope_name(threshold.scope));
  json["threshold_strict"] = threshold.strict;
  json["threshold_exempt"] = threshold.exempt;
  Json per_party = Json::object();
  for (const auto& [party, value] : threshold.per_party)
    per_party[party] = value ? Json(value->to_string()) : Json(nullptr);
  json["party_thresholds"] = per_party;
  json["ties"] = std::string(tie_rule_name(rule.ties));
  json["reserved"] = "top-list-of-group";
  return json;
}

Json Meta::to_json() const {
  Json json;
  json["seatsim_version"] = std::string(version());
  json["command"] = command;
  json["rule"] = rule;
  json["seed"] = seed ? Json(*seed) : Json(nullptr);
  Json files = Json::array();
  for (const InputFile& input : inputs) files.push_back({{"path", input.path}, {"sha256", input.sha256}});
  json["inputs"] = files;
  for (const auto& [key, value] : extra.items()) json[key] = value;
  return json;
}

std::string Meta::one_line() const {
  std::string line = "seatsim " + std::string(version()) + " " + command + "; rule: " + rule.dump();
  if (seed) line += "; seed " + std::to_string(*seed);
  for (const InputFile& input : inputs) line += "; " + input.path + " sha256:" + input.sha256;
  return line;
}

}  // namespace seatsim
