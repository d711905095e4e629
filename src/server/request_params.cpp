// The explorer's request parameters: the command line's rule flags without the dashes, from the
// query string, a form body or a JSON body, checked the way the command line checks its flags.
#include "request_params.hpp"

#include <algorithm>
#include <set>

#include "request_files.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/utf8.hpp"
#include "seatsim/io/votes_file.hpp"

namespace seatsim {

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  const auto decode = [&](std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '+') {
        out += ' ';
      } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
        out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  };
  std::vector<std::pair<std::string, std::string>> params;
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string_view item = query.substr(start, end - start);
    if (!item.empty()) {
      const std::size_t equals = item.find('=');
      params.emplace_back(decode(item.substr(0, equals)),
                          equals == std::string_view::npos ? std::string() : decode(item.substr(equals + 1)));
    }
    start = end + 1;
  }
  return params;
}

namespace server {
namespace {

// The rule parameters a request may give: every key of the registry (seatsim/io/rule_keys.hpp) but those
// that may name a file, in the command line's spelling, and `system` (a system of the library).
std::vector<std::string> rule_parameter_names() {
  std::vector<std::string> names{"system"};
  for (const RuleKey& key : rule_keys())
    if (key.file == FileUse::never) names.push_back(key.flag().substr(2));
  return names;
}

// A JSON body {"method": "dhondt", "threshold-exempt": ["A", "B"], "seats": {"North": 5}} as the
// same parameters as a query string. Decimals must be strings: a JSON number with a fraction has
// already been read as binary floating point.
Params json_params(const std::string& body) {
  Json json;
  try {
    json = Json::parse(body);
  } catch (const Json::exception&) {
    throw Error("the request body is not valid JSON");
  }
  if (!json.is_object()) throw Error("the request body must be a JSON object of parameters");
  Params params;
  const auto scalar = [](const std::string& key, const Json& value) -> std::string {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number_integer()) return value.dump();
    if (value.is_number())
      throw Error(key + ": write decimal numbers as strings (\"1.6\"), so that they are read exactly");
    throw Error(key + ": expected a string or a number");
  };
  for (const auto& [key, value] : json.items()) {
    if (key == "seats" && value.is_object()) {
      for (const auto& [district, seats] : value.items())
        params.emplace_back("seats." + district, scalar("seats." + district, seats));
    } else if (value.is_array()) {
      for (const Json& item : value) params.emplace_back(key, scalar(key, item));
    } else {
      params.emplace_back(key, scalar(key, value));
    }
  }
  return params;
}

bool is_json(const ExplorerRequest& request) { return request.content_type.rfind("application/json", 0) == 0; }

bool is_form(const ExplorerRequest& request) {
  return request.content_type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

}  // namespace

const std::vector<std::string>& rule_parameters() {
  static const std::vector<std::string> names = rule_parameter_names();
  return names;
}

// first_divisor and first-divisor both name --first-divisor.
std::string flag_name(std::string name) {
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

// The request's parameters: the query string, and a JSON or form body's.
Params request_params(const ExplorerRequest& request) {
  Params params = request.params;
  if (request.body.empty()) return params;
  const Params body = is_json(request)   ? json_params(request.body)
                      : is_form(request) ? parse_query(request.body)
                                         : Params{};
  params.insert(params.end(), body.begin(), body.end());
  return params;
}

void reject_unknown(const Params& params, const std::vector<std::string>& known, bool seats) {
  std::set<std::string> seen;
  for (const auto& [raw, value] : params) {
    const std::string name = flag_name(raw);
    if (seats && name.rfind("seats.", 0) == 0 && name.size() > 6) continue;
    refuse_file_parameter(name);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::vector<std::string> candidates = known;
      if (seats) candidates.push_back("seats.<district>");
      std::string list;
      for (const std::string& k : candidates) list += (list.empty() ? "" : ", ") + k;
      std::string message = "unknown parameter '" + raw + "'" + did_you_mean(name, candidates);
      message += " (known: ";
      message += list;
      message += ")";
      throw Error(message);
    }
    if (name != "threshold-exempt" && !seen.insert(name).second)
      throw Error("parameter '" + raw + "' is given more than once");
  }
}

bool parse_flag(const std::string& name, const std::string& value) {
  if (value.empty() || value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  throw Error(name + ": '" + value + "' is not true or false");
}

// The rule parameters given, as `RuleFlags::sources` reads them on the command line; the request path
// reads no file (FileAccess::refused: a file-valued key or a system file is an error).
RuleSources given_sources(const Params& params) {
  RuleSources sources;
  sources.file_access = FileAccess::refused;
  for (const auto& [raw, value] : params) {
    const std::string name = flag_name(raw);
    if (name == "system") {
      sources.system = value;
    } else if (const RuleKey* key = find_rule_key(name); key && name.rfind("seats.", 0) != 0) {
      key->set_text(sources.overrides, value);
    }
  }
  return sources;
}

// seats.<district>=N: the district's seat total, reserved seats included.
void apply_seat_params(const Params& params, Election& election) {
  std::vector<std::string> names;
  for (const District& district : election.districts) names.push_back(district.name);
  for (const auto& [raw, value] : params) {
    const std::string name = flag_name(raw);
    if (name.rfind("seats.", 0) != 0) continue;
    const std::string wanted = raw.substr(6);
    const auto it = std::find(names.begin(), names.end(), wanted);
    if (it == names.end()) throw Error("seats: no district '" + wanted + "'" + did_you_mean(wanted, names));
    District& district = election.districts[static_cast<std::size_t>(it - names.begin())];
    const std::int64_t seats = parse_count(value, max_seats, "seats." + wanted, {}, 0);
    if (seats < district.reserved)
      throw Error("seats." + wanted + ": " + std::to_string(seats) + " seats, but the district has " +
                  std::to_string(district.reserved) + " reserved seat(s) inside its total");
    district.seats = seats;
  }
}

void reject_params(const Params& params, const std::vector<std::string>& known) {
  for (const auto& [raw, value] : params) {
    (void)value;
    if (std::find(known.begin(), known.end(), flag_name(raw)) == known.end())
      throw Error("unknown parameter '" + raw + "'" + did_you_mean(flag_name(raw), known));
  }
}

// The request's path and parameters as text: bytes that are not UTF-8 (`%ff`) are refused.
void require_text(const ExplorerRequest& request) {
  const auto is_text = [](const std::string& text) {
    try {
      require_utf8(text, "request");
      return true;
    } catch (const Error&) {
      return false;
    }
  };
  if (!is_text(request.path)) throw Error("the request's path is not UTF-8 text (a bad percent-encoding?)");
  for (const auto& [name, value] : request.params)
    if (!is_text(name) || !is_text(value))
      throw Error("a parameter of the request is not UTF-8 text (a bad percent-encoding?)");
}

}  // namespace server
}  // namespace seatsim
