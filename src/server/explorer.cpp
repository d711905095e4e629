// The explorer's routes and endpoints: which path answers what, and each endpoint's work. Its
// parameters are in request_params.hpp, its reply documents in replies.hpp, the page's files in
// page_files.hpp.
#include "seatsim/server/explorer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "page_files.hpp"
#include "projection_request.hpp"
#include "replies.hpp"
#include "request_files.hpp"
#include "request_limits.hpp"
#include "request_params.hpp"
#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/margins.hpp"
#include "seatsim/analysis/scenario_run.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/io/utf8.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/lot_record.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/tie_rule.hpp"
#include "seatsim/render/allocation_table.hpp"
#include "seatsim/render/comparison_report.hpp"
#include "seatsim/render/margins_report.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/projection_fan_chart.hpp"
#include "seatsim/render/projection_report.hpp"
#include "seatsim/render/scenario_report.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {
using namespace server;  // the explorer's parts (parameters, replies, page files, limits)

namespace {

namespace fs = std::filesystem;

// The name a scenario sent to /api/scenario has in messages ("scenario.toml:3: ..."), the name
// the page's export gives its file.
constexpr const char* request_scenario_name = "scenario.toml";

// The data set under the request's rule flags and seat totals, as `prepare` makes it for the CLI.
struct Prepared {
  Election election;
  Rule rule;
  System system;  // as applied: the served rule with the request's system and parameters over it
};

Prepared prepare(const ScenarioBase& base, const Params& params, const server::WorkBudget& budget) {
  reject_unknown(params, rule_parameters(), true);
  System applied;
  const RuleSettings settings = layer_over(base.settings, given_sources(params), applied);
  Prepared prepared{base.input.election, settings.build(), applied};
  check_rule_names(prepared.election, prepared.rule);
  apply_seat_params(params, prepared.election);
  budget.check_election(prepared.election);
  return prepared;
}

std::optional<std::string> read_quality(const std::string& data_set) {
  std::error_code ec;
  const fs::path path = fs::path(data_set) / "QUALITY.md";
  if (!fs::is_directory(data_set, ec) || !fs::is_regular_file(path, ec)) return std::nullopt;
  return read_text_file(path.string());
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

// The election a projection allocates: the served one with the mapping's new lists (new:NAME) in every district,
// checked before any draw.
void check_projected_size(const Election& election, const ProjectionOptions& options,
                          const server::WorkBudget& budget) {
  std::set<std::string> new_lists;
  if (options.mapping)
    for (const auto& [poll_party, targets] : options.mapping->entries)
      for (const MappingTarget& target : targets)
        if (target.new_list) new_lists.insert(target.base_party);
  if (new_lists.empty()) return;
  Election largest = election;
  for (District& district : largest.districts)
    for (const std::string& name : new_lists) {
      ListResult list;
      list.party = name;
      district.lists.push_back(list);
    }
  budget.check_election(largest);
}

// The draws of a projection in rounds, the work budget checked between them: the counts add up to
// those of one run, since every draw depends on (seed, draw) alone.
std::optional<SimulationCounts> draws_in_rounds(const Simulation& simulation, std::uint64_t draws, unsigned threads,
                                                const server::WorkBudget& budget) {
  constexpr std::uint64_t round_draws = 1'024;
  SimulationCounts counts;
  counts.bins.assign(simulation.bin_count(), 0);
  for (std::uint64_t first = 0; first < draws; first += round_draws) {
    budget.check();
    counts.add(simulation.run(first, std::min(draws, first + round_draws), threads));
  }
  budget.check();
  return counts;
}

}  // namespace

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
  if (path == "/api/project") {
    if (auto refused = only(post, "POST with the poll's text as `polls`")) return *refused;
    return project_request(request);
  }
  if (path.rfind("/api/", 0) == 0 || path == "/api")
    return error_response(404, "no API route " + path +
                                   " (known: /api/info, /api/quality, /api/allocate, /api/compare, /api/scenario, "
                                   "/api/margins, /api/project)");
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
  json["parameters"] = rule_parameters();  // the rule parameters a request may give
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
  // Each list's colour as every chart of the data set draws it (render/party_colours.hpp).
  const PartyStyles styles = data_set_party_styles(base_.input.election, base_.input.folder);
  Json parties = Json::array();
  for (const std::string& party : order)
    parties.push_back({{"name", party}, {"votes", votes[party]}, {"colour", styles.find(party)->colour}});
  json["parties"] = parties;
  json["max_sweep_values"] = limits_.max_sweep_values;
  json["max_draws"] = limits_.max_draws;
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

// `seatsim project DATASET --polls FILE [--mapping FILE] [options] --format json` with the poll and mapping sent as
// text: the served data set swung to the polls under the served rule with the request's parameters over it.
ExplorerResponse Explorer::project_request(const ExplorerRequest& request) const {
  const server::WorkBudget budget(limits_, request.client_gone);
  Params params = request_params(request);
  server::ProjectionRequest projection = server::read_projection_request(params, budget);
  const Prepared prepared = prepare(base_, params, budget);
  ProjectionOptions& options = projection.options;
  options.seed = prepared.rule.seed;
  check_projected_size(prepared.election, options, budget);
  options.run_draws = [&budget](const Simulation& simulation, std::uint64_t draws, unsigned threads) {
    return draws_in_rounds(simulation, draws, threads, budget);
  };
  const ProjectionResult result = project(prepared.election, prepared.rule, projection.polls, options);
  const ProjectionTables tables = projection_tables(prepared.election, result);
  budget.check_table(tables.districts);
  Meta meta = request_meta("project", base_, prepared.rule, prepared.system);
  describe_projection(meta, projection.ropf ? "polls (ROPF)" : "polls (CSV)", options, result);
  Json reply = projection_document(meta, tables, result, projection.warnings);
  // The page shows the fan chart as the command line's --chart draws it, in the data set's colours.
  if (result.draws > 0)
    reply["fan_chart"] = projection_fan_svg(result, data_set_party_styles(base_.input.election, base_.input.folder),
                                            "Seats projected from the polls");
  return json_response(reply);
}

}  // namespace seatsim
