#include "seatsim/io/meta.hpp"

#include <algorithm>
#include <filesystem>

#include "seatsim/core/error.hpp"

namespace seatsim {

std::string_view version() noexcept { return SEATSIM_VERSION; }

namespace {
// Denmark's parts of a leveling tier, only where a rule sets them.
void add_leveling_components(const LevelingRule& leveling, Json& json) {
  if (leveling.method) json["leveling_method"] = leveling.method->name;
  if (!leveling.threshold_or.empty()) {
    json["leveling_threshold_or"] = Json::array();
    for (const QualificationRoute& route : leveling.threshold_or)
      json["leveling_threshold_or"].push_back(route.to_string());
  }
  if (!leveling.regions.empty()) {
    json["leveling_regions"] = Json::array();
    for (const LevelingRegion& region : leveling.regions) json["leveling_regions"].push_back(region.to_string());
  }
}

}  // namespace

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
    for (const ThresholdAlternative& alternative : threshold.alternatives)
      alternatives.push_back(alternative.to_string());
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
  if (rule.alliances.set()) {
    json["alliance_method"] = rule.alliances.inner ? Json(rule.alliances.inner->name) : Json(nullptr);
    json["alliance_threshold"] = alliance_threshold_name(rule.alliances.threshold);
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
    add_leveling_components(rule.leveling, json);
  }
  const BiproportionalRule& bp = rule.biproportional;
  if (bp.enabled) {
    json["biproportional"] = true;
    json["quorum_any_district"] = bp.quorum_any_district ? Json(bp.quorum_any_district->to_string()) : Json(nullptr);
    json["quorum_total"] = bp.quorum_total ? Json(bp.quorum_total->to_string()) : Json(nullptr);
    json["list_votes"] = bp.list_votes;
    json["winner_take_one"] = bp.winner_take_one;
  }
  if (rule.quota_tier.enabled()) json["quota_tier"] = rule.quota_tier.describe();
  if (rule.mixed_member.enabled()) {
    json["mixed_member"] = mixed_member_kind_name(rule.mixed_member.kind);
    if (rule.mixed_member.constituency_route > 0) json["constituency_route"] = rule.mixed_member.constituency_route;
    if (rule.mixed_member.house_seats > 0) json["house_seats"] = rule.mixed_member.house_seats;
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

namespace {

std::string text_of(const Json& json, const std::string& key) {
  const auto at = json.find(key);
  return at != json.end() && at->is_string() ? at->get<std::string>() : std::string();
}

bool flag_of(const Json& json, const std::string& key) {
  const auto at = json.find(key);
  return at != json.end() && at->is_boolean() && at->get<bool>();
}

// A threshold as written in the rule: "5%", or a bare number of votes.
std::string threshold_words(const std::string& value) {
  const bool votes =
      !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  return votes ? value + " votes" : value;
}

std::string method_words(const Json& rule) {
  std::string method = text_of(rule, "method");
  if (method == "custom" && rule.contains("divisors")) {
    std::string divisors;
    for (const Json& d : rule["divisors"]) divisors += d.get<std::string>() + ", ";
    return "divisors " + divisors + "...";
  }
  const std::string first = text_of(rule, "first_divisor");
  if (first.empty()) return method;
  try {
    if (method_by_name(method).divisor().divisor(0).to_string() == first) return method;
  } catch (const Error&) {
  }
  return method + ", first divisor " + first;
}

std::string threshold_part(const Json& rule) {
  const std::string value = text_of(rule, "threshold");
  const bool per_party = rule.contains("party_thresholds") && !rule["party_thresholds"].empty();
  if (value.empty()) return per_party ? "thresholds per party" : "no threshold";
  std::string text = "threshold " + threshold_words(value);
  if (text_of(rule, "threshold_scope") == "national") text += " (national)";
  if (per_party) text += ", some per party";
  if (rule.contains("threshold_exempt") && !rule["threshold_exempt"].empty())
    text += ", " + std::to_string(rule["threshold_exempt"].size()) + " exempt";
  return text;
}

std::string tiers_part(const Json& rule) {
  std::string text;
  if (rule.contains("min_seats")) text += ", at least " + rule["min_seats"].dump() + " seats a list";
  if (rule.contains("max_seats")) text += ", at most " + rule["max_seats"].dump() + " seats a list";
  if (rule.contains("seat_bounds")) text += ", seat bounds per list";
  if (rule.contains("leveling_seats")) {
    text += ", " + rule["leveling_seats"].dump() + " leveling seats";
    if (const std::string threshold = text_of(rule, "leveling_threshold"); !threshold.empty())
      text += " (threshold " + threshold_words(threshold) +
              (rule.contains("leveling_threshold_or") ? " or another route" : "") + ")";
    if (const std::string method = text_of(rule, "leveling_method"); !method.empty()) text += " by " + method;
    if (rule.contains("leveling_regions"))
      text += " in " + std::to_string(rule["leveling_regions"].size()) + " regions";
  }
  if (flag_of(rule, "biproportional")) text += ", biproportional";
  if (const std::string quota_tier = text_of(rule, "quota_tier"); !quota_tier.empty()) text += ", " + quota_tier;
  if (const std::string mixed = text_of(rule, "mixed_member"); !mixed.empty()) text += ", mixed member (" + mixed + ")";
  return text;
}

}  // namespace

std::string rule_in_words(const Json& rule) {
  if (!rule.is_object()) return "";
  std::string text = method_words(rule) + ", " + threshold_part(rule) + tiers_part(rule);
  if (const std::string ties = text_of(rule, "ties"); !ties.empty() && ties != "more-votes") text += ", ties " + ties;
  return text;
}

std::string inputs_in_words(const std::vector<InputFile>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> folders;  // in order of first appearance
  for (const InputFile& input : inputs) {
    const std::string folder = fs::path(input.path).parent_path().string();
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
  }
  std::vector<std::string> names;
  for (const std::string& folder : folders) {
    std::vector<std::string> files;
    for (const InputFile& input : inputs)
      if (fs::path(input.path).parent_path().string() == folder)
        files.push_back(input.path == "-" ? "stdin" : fs::path(input.path).filename().string());
    // Several files of one folder are a data set: named by its folder.
    std::string folder_name = folder;
    while (folder_name.size() > 1 && folder_name.back() == '/') folder_name.pop_back();
    folder_name = fs::path(folder_name).filename().string();
    if (files.size() > 1 && !folder_name.empty()) files = {folder_name + "/"};
    names.insert(names.end(), files.begin(), files.end());
  }
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string Meta::summary_line() const {
  std::string line = "seatsim " + command;
  if (const std::string words = rule_in_words(rule); !words.empty()) line += ": " + words;
  if (seed) line += "; seed " + std::to_string(*seed);
  if (!inputs.empty()) line += "; " + std::string(inputs.size() == 1 ? "input " : "inputs ") + inputs_in_words(inputs);
  return line + " (--verbose for version and checksums)";
}

}  // namespace seatsim
