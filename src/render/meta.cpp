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
  if (threshold.coalition) {
    json["coalition_threshold"] = threshold.coalition->to_string();
    json["coalition_lists"] = threshold.coalition_patterns;
  }
  if (!threshold.alternatives.empty()) {
    Json alternatives = Json::array();
    for (const ThresholdAlternative& alternative : threshold.alternatives) alternatives.push_back(alternative.to_string());
    json["threshold_or"] = alternatives;
  }
  json["ties"] = std::string(tie_rule_name(rule.ties));
  json["reserved"] = "top-list-of-group";
  // The tiers appear only when in use, so that single-tier results keep their meta unchanged.
  const SeatBounds& bounds = rule.bounds;
  if (bounds.min_seats) json["min_seats"] = *bounds.min_seats;
  if (bounds.max_seats) json["max_seats"] = *bounds.max_seats;
  if (!bounds.per_list.empty()) {
    Json per_list = Json::object();
    for (const auto& [party, bound] : bounds.per_list)
      per_list[party] = {{"min", bound.min ? Json(*bound.min) : Json(nullptr)},
                         {"max", bound.max ? Json(*bound.max) : Json(nullptr)}};
    json["seat_bounds"] = per_list;
  }
  if (rule.leveling.enabled()) {
    json["leveling_seats"] = rule.leveling.seats;
    json["leveling_threshold"] = rule.leveling.threshold ? Json(rule.leveling.threshold->to_string()) : Json(nullptr);
    json["leveling_placement"] = rule.leveling.placement;
    if (rule.leveling.per_district_of.empty()) {
      json["leveling_per_district"] = rule.leveling.per_district;
    } else {
      Json per_district = Json::object();
      for (const auto& [district, seats] : rule.leveling.per_district_of) per_district[district] = seats;
      json["leveling_per_district"] = per_district;
    }
  }
  const BiproportionalRule& bp = rule.biproportional;
  if (bp.enabled) {
    json["biproportional"] = true;
    json["quorum_any_district"] = bp.quorum_any_district ? Json(bp.quorum_any_district->to_string()) : Json(nullptr);
    json["quorum_total"] = bp.quorum_total ? Json(bp.quorum_total->to_string()) : Json(nullptr);
    json["list_votes"] = bp.list_votes;
    json["winner_take_one"] = bp.winner_take_one;
  }
  return json;
}

Json Meta::to_json() const {
  Json json;
  json["seatsim_version"] = std::string(version());
  json["command"] = command;
  if (!system.is_null()) json["system"] = system;
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
