// The explorer's routes: the page's embedded files, and the JSON API whose parameters are the
// command line's flags (without the dashes) and whose errors are the command line's messages.
#include "seatsim/explorer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "embedded_web.hpp"
#include "request_files.hpp"
#include "request_limits.hpp"
#include "seatsim/comparator.hpp"
#include "seatsim/comparison_report.hpp"
#include "seatsim/election_allocation.hpp"
#include "seatsim/error.hpp"
#include "seatsim/file_io.hpp"
#include "seatsim/json.hpp"
#include "seatsim/lot_record.hpp"
#include "seatsim/margins.hpp"
#include "seatsim/margins_report.hpp"
#include "seatsim/meta.hpp"
#include "seatsim/method.hpp"
#include "seatsim/name_lookup.hpp"
#include "seatsim/rule_keys.hpp"
#include "seatsim/scenario_report.hpp"
#include "seatsim/scenario_run.hpp"
#include "seatsim/sweep.hpp"
#include "seatsim/system_file.hpp"
#include "seatsim/table.hpp"
#include "seatsim/tie_rule.hpp"
#include "seatsim/utf8.hpp"
#include "seatsim/votes_file.hpp"

namespace seatsim {
namespace {

namespace fs = std::filesystem;

// The name a scenario sent to /api/scenario has in messages ("scenario.toml:3: ..."), the name
// the page's export gives its file.
constexpr const char* request_scenario_name = "scenario.toml";

// A request that cannot be answered as asked: HTTP status and the message.
struct RequestError {
  int status;
  std::string message;
};

// Text a request sent (a party name, a path) may be any bytes: never an exception here.
ExplorerResponse json_response(const Json& json, int status = 200) {
  return {status, "application/json", json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"};
}

ExplorerResponse error_response(int status, const std::string& message) {
  Json json;
  json["error"] = message;
  return json_response(json, status);
}

// ---- parameters: the rule flags of the command line ----

using Params = std::vector<std::pair<std::string, std::string>>;

// The rule parameters a request may give: every key of the registry (seatsim/rule_keys.hpp) but those
// that may name a file, in the command line's spelling, and `system` (a system of the library).
std::vector<std::string> rule_parameter_names() {
  std::vector<std::string> names{"system"};
  for (const RuleKey& key : rule_keys())
    if (key.file == FileUse::never) names.push_back(key.flag().substr(2));
  return names;
}

const std::vector<std::string> rule_parameters = rule_parameter_names();

// first_divisor and first-divisor both name --first-divisor.
std::string flag_name(std::string name) {
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
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
    server::refuse_file_parameter(name);
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

// The data set under the request's rule flags and seat totals, as `prepare` makes it for the CLI.
struct Prepared {
  Election election;
  Rule rule;
  System system;  // as applied: the served rule with the request's system and parameters over it
};

Prepared prepare(const ScenarioBase& base, const Params& params, const server::WorkBudget& budget) {
  reject_unknown(params, rule_parameters, true);
  System applied;
  const RuleSettings settings = layer_over(base.settings, given_sources(params), applied);
  Prepared prepared{base.input.election, settings.build(), applied};
  check_rule_names(prepared.election, prepared.rule);
  apply_seat_params(params, prepared.election);
  budget.check_election(prepared.election);
  return prepared;
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
Json document(const Meta& meta, const std::string& key, const Table& table, const Json& extra = {}) {
  Json json;
  json["meta"] = meta.to_json();
  json[key] = to_records(table);
  if (extra.is_object())
    for (const auto& [k, value] : extra.items()) json[k] = value;
  return json;
}

Table allocation_table(const Election& election, const ElectionOutcome& outcome) {
  Table table;
  table.columns = {"district", "party", "votes", "seats", "tie"};
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListOutcome& list = outcome.districts[d].lists[i];
      table.add({district.name, district.lists[i].party, Cell(district.lists[i].votes), Cell(list.seats),
                 list.tie ? "tie" : ""});
    }
  }
  return table;
}

// ---- the page's files ----

std::string content_type_of(std::string_view name) {
  const auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

// Only the names compiled in are served: a path is looked up, never opened.
std::optional<ExplorerResponse> page_file(const std::string& path) {
  if (path.empty() || path.front() != '/') return std::nullopt;  // "GET ?" reaches here with an empty path
  const std::string name = path == "/" ? "index.html" : path.substr(1);
  for (const embedded::File& file : embedded::web_files())
    if (file.path == name) return ExplorerResponse{200, content_type_of(file.path), std::string(file.content)};
  return std::nullopt;
}

std::optional<std::string> read_quality(const std::string& data_set) {
  std::error_code ec;
  const fs::path path = fs::path(data_set) / "QUALITY.md";
  if (!fs::is_directory(data_set, ec) || !fs::is_regular_file(path, ec)) return std::nullopt;
  return read_text_file(path.string());
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

// The election a scenario allocates at its largest: its start, and a swept seat total at its top.
void check_scenario_size(const Scenario& scenario, const ScenarioBase& base, const server::WorkBudget& budget) {
  Election largest = scenario_start(scenario, base);
  if (scenario.sweep && scenario.sweep->target == SweepTarget::seats && !scenario.sweep->values.empty()) {
    const Rational top = *std::max_element(scenario.sweep->values.begin(), scenario.sweep->values.end());
    for (District& district : largest.districts)
      if (district.name == scenario.sweep->district) district.seats = std::max(district.seats, top.num());
  }
  budget.check_election(largest);
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

void reject_params(const Params& params, const std::vector<std::string>& known) {
  for (const auto& [raw, value] : params) {
    (void)value;
    if (std::find(known.begin(), known.end(), flag_name(raw)) == known.end())
      throw Error("unknown parameter '" + raw + "'" + did_you_mean(flag_name(raw), known));
  }
}

}  // namespace

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

Explorer::Explorer(const std::string& data_set, ExplorerLimits limits, const RuleSources& startup,
                   const SeatOverrides& seats)
    : data_set_(data_set), limits_(limits) {
  // The command line's pipeline: the same input, system and flags give the same election and rule.
  ElectionSetup setup = prepare_election(data_set, startup, seats);
  base_.input = std::move(setup.input);
  base_.settings = std::move(setup.settings);
  base_.rule = std::move(setup.rule);
  system_ = std::move(setup.system);
  quality_ = read_quality(data_set);
  std::error_code ec;
  data_set_folder_ = fs::is_directory(data_set, ec);
}

ExplorerResponse Explorer::handle(const ExplorerRequest& request) const {
  try {
    require_text(request);
    ExplorerResponse response = route(request);
    server::WorkBudget(limits_, {}).check_reply(response.body.size());
    return response;
  } catch (const server::RequestRefused& refused) {
    return error_response(refused.status(), refused.what());
  } catch (const Error& error) {
    return error_response(400, error.what());
  } catch (...) {
    // Never an exception's own text: it may say how the server is built (a library's internals).
    return error_response(500, "internal error");
  }
}

ExplorerResponse Explorer::route(const ExplorerRequest& request) const {
  const std::string& path = request.path;
  const bool get = request.method == "GET" || request.method == "HEAD";
  const bool post = request.method == "POST";
  const auto only = [&](bool allowed, const char* methods) -> std::optional<ExplorerResponse> {
    if (allowed) return std::nullopt;
    return error_response(405, request.method + " " + path + ": use " + methods);
  };
  if (path == "/api/info") {
    if (auto refused = only(get, "GET")) return *refused;
    return info();
  }
  if (path == "/api/quality") {
    if (auto refused = only(get, "GET")) return *refused;
    if (!quality_) return error_response(404, "the data set has no QUALITY.md");
    return {200, "text/markdown; charset=utf-8", *quality_};
  }
  if (path == "/api/allocate") {
    if (auto refused = only(get || post, "GET or POST")) return *refused;
    return allocate_request(request);
  }
  if (path == "/api/compare") {
    if (auto refused = only(get || post, "GET or POST")) return *refused;
    return compare_request(request);
  }
  if (path == "/api/scenario") {
    if (auto refused = only(post, "POST with a scenario file as the body")) return *refused;
    return scenario_request(request);
  }
  if (path == "/api/margins") {
    if (auto refused = only(get || post, "GET or POST")) return *refused;
    return margins_request(request);
  }
  if (path.rfind("/api/", 0) == 0 || path == "/api")
    return error_response(404, "no API route " + path +
                                   " (known: /api/info, /api/quality, /api/allocate, /api/compare, /api/scenario, "
                                   "/api/margins)");
  if (auto file = page_file(path)) {
    if (auto refused = only(get, "GET")) return *refused;
    return *file;
  }
  return error_response(404, "not found: " + path);
}

ExplorerResponse Explorer::info() const {
  Json json;
  json["version"] = std::string(version());
  json["name"] = base_.input.name;
  json["data_set"] = data_set_;
  std::error_code ec;
  const fs::path absolute = fs::absolute(data_set_, ec);
  json["data_set_absolute"] = ec ? data_set_ : absolute.lexically_normal().string();
  json["data_set_folder"] = data_set_folder_;
  json["caveats"] = base_.input.caveats;
  json["quality"] = quality_.has_value();
  json["rule"] = rule_controls(base_.rule);
  json["rule_keys"] = settings_json(base_.settings);
  json["system"] = system_to_json(system_);
  json["parameters"] = rule_parameters;  // the rule parameters a request may give
  Json systems = Json::array();
  for (const System& system : library_systems()) systems.push_back({{"name", system.name}, {"title", system.title}});
  json["systems"] = systems;
  // Per method, whether the first divisor can be set, and the second divisor it must stay below.
  Json methods = Json::array();
  for (const std::string& name : method_names()) {
    const Method method = method_by_name(name);
    const bool linear = method.is_divisor() && method.divisor().family() == DivisorRule::Family::linear;
    Json entry = {{"name", name}, {"divisor", method.is_divisor()}, {"first_divisor", linear}};
    if (linear) {
      entry["default_first_divisor"] = method.divisor().divisor(0).to_string();
      entry["second_divisor"] = method.divisor().divisor(1).to_double();
    }
    methods.push_back(entry);
  }
  json["methods"] = methods;
  json["ties"] = {"more-votes", "fewer-votes", "list-order", "lot", "error"};
  Json districts = Json::array();
  std::vector<std::string> order;
  std::map<std::string, std::int64_t> votes;
  for (const District& district : base_.input.election.districts) {
    districts.push_back({{"name", district.name},
                         {"seats", district.seats},
                         {"reserved", district.reserved},
                         {"votes", district.total_votes()}});
    for (const ListResult& list : district.lists) {
      if (!votes.contains(list.party)) order.push_back(list.party);
      votes[list.party] += list.votes;
    }
  }
  json["districts"] = districts;
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return votes[a] > votes[b]; });
  Json parties = Json::array();
  for (const std::string& party : order) parties.push_back({{"name", party}, {"votes", votes[party]}});
  json["parties"] = parties;
  json["max_sweep_values"] = limits_.max_sweep_values;
  return json_response(json);
}

ExplorerResponse Explorer::allocate_request(const ExplorerRequest& request) const {
  const server::WorkBudget budget(limits_, request.client_gone);
  const Prepared prepared = prepare(base_, request_params(request), budget);
  const LotRecord lot;
  const ElectionOutcome outcome = allocate(prepared.election, prepared.rule);
  budget.check();
  Json extra;
  extra["notes"] = outcome.notes;
  Meta meta = request_meta("allocate", base_, prepared.rule, prepared.system);
  note_lot(meta, lot, prepared.rule);
  return json_response(document(meta, "results", allocation_table(prepared.election, outcome), extra));
}

ExplorerResponse Explorer::compare_request(const ExplorerRequest& request) const {
  const server::WorkBudget budget(limits_, request.client_gone);
  const Prepared prepared = prepare(base_, request_params(request), budget);
  const Comparison comparison = compare(prepared.election, prepared.rule);
  budget.check();
  Json extra = comparison_to_json(prepared.election, comparison);
  extra["summary_line"] = comparison.summary_line();
  return json_response(document(request_meta("compare", base_, prepared.rule, prepared.system), "results",
                                comparison_table(prepared.election, comparison), extra));
}

ExplorerResponse Explorer::scenario_request(const ExplorerRequest& request) const {
  reject_params(request.params, {"break-points"});
  bool break_points_only = false;
  for (const auto& [name, value] : request.params)
    if (flag_name(name) == "break-points") break_points_only = parse_flag(name, value);
  if (request.body.empty())
    throw Error("POST a scenario file (docs/scenarios.md) as the request body; its base is this server's data set");
  const server::WorkBudget budget(limits_, request.client_gone);
  Scenario scenario = parse_scenario(request_scenario_name, request.body);
  server::refuse_file_keys(scenario);
  scenario.base = data_set_;  // whatever `base` says, the explorer serves its own data set
  if (scenario.sweep) budget.check_sweep_values(scenario.sweep->values.size());
  check_scenario_size(scenario, base_, budget);
  if (scenario.sweep) {
    SweepOptions options{1, true};
    options.checkpoint = [&budget] { budget.check(); };
    const SweepResult sweep = run_sweep(scenario, base_, options);
    const Meta meta = sweep_meta(scenario, base_, sweep);
    if (break_points_only) return json_response(document(meta, "break_points", break_points_table(sweep)));
    const Table table = sweep_table(sweep);
    budget.check_table(table);
    Json extra;
    extra["break_points"] = break_points_json(sweep);
    return json_response(document(meta, "results", table, extra));
  }
  const LotRecord lot;
  const ScenarioResult result = run_scenario(scenario, base_);
  budget.check();
  Json extra;
  extra["operations"] = operations_json(result.operations);
  extra["notes"] = result.outcome.notes;
  extra["footer"] = scenario_footer(scenario, base_, result);
  Meta meta = scenario_meta(scenario, base_, result.rule);
  note_lot(meta, lot, result.rule);
  return json_response(document(meta, "results", scenario_table(compare_with_base(result), false), extra));
}

// `seatsim margins DATASET [flags] --format json`: the lists' margins, with the closest seat of each district and
// the ranking of fragile seats, under the served rule with the request's parameters over it.
ExplorerResponse Explorer::margins_request(const ExplorerRequest& request) const {
  const server::WorkBudget budget(limits_, request.client_gone);
  const Prepared prepared = prepare(base_, request_params(request), budget);
  const Margins margins = compute_margins(prepared.election, prepared.rule);
  const auto [lists, closest, ranking] = margins_tables(prepared.election, margins);
  Json extra;
  extra["closest"] = to_records(closest);
  extra["ranking"] = to_records(ranking);
  extra["notes"] = margins.outcome.notes;
  return json_response(
      document(request_meta("margins", base_, prepared.rule, prepared.system), "results", lists, extra));
}

}  // namespace seatsim
