// Scenario files (docs/scenarios.md): TOML read exactly, every key checked, every error with
// file and line.
#include <algorithm>
#include <filesystem>
#include <set>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/threshold.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

namespace fs = std::filesystem;
using toml_reading::Document;
using toml_reading::line_of;

constexpr std::size_t max_sweep_values = 100'000;

// Runs `parse` and turns an error without a location into one at `line`, prefixed by `key`.
template <typename F>
auto at_line(const Document& doc, std::size_t line, std::string_view key, F&& parse) {
  try {
    return parse();
  } catch (const Error& error) {
    if (!error.file().empty()) throw;
    throw Error(doc.path, line, std::string(key) + ": " + error.message());
  }
}

std::string required_text(const Document& doc, const toml::table& table, std::string_view key, std::size_t line,
                          std::string_view where) {
  const toml::node* node = table.get(key);
  if (!node) throw Error(doc.path, line, std::string(where) + " needs '" + std::string(key) + "'");
  return toml_reading::scalar_text(doc, *node, key);
}

Rational parse_share_value(const std::string& text) {
  const Rational share = parse_share(text);
  if (share.is_negative()) throw Error("'" + text + "' is negative");
  if (share > Rational(1)) throw Error("'" + text + "' is above 100%");
  return share;
}

std::int64_t parse_whole(const std::string& text, std::int64_t limit, const std::string& what) {
  const Rational value = parse_rational(text);
  if (!value.is_integer() || value.is_negative() || value > Rational(limit))
    throw Error(what + " '" + text + "' must be a whole number from 0 to " + std::to_string(limit));
  return value.num();
}

Rational parse_points(const std::string& text) {
  if (!text.empty() && text.back() == '%')
    throw Error("'" + text + "': write percentage points as a plain number (points = \"3\" adds 3 points)");
  return parse_rational(text);
}

// ---- [[op]] ----

std::vector<std::string_view> keys_for(OperationKind kind) {
  switch (kind) {
    case OperationKind::transfer:
      return {"kind", "districts", "from", "to", "share", "votes"};
    case OperationKind::uniform:
      return {"kind", "districts", "party", "points"};
    case OperationKind::proportional:
      return {"kind", "districts", "party", "factor"};
    case OperationKind::turnout:
      return {"kind", "districts", "factor"};
    case OperationKind::merge:
      return {"kind", "districts", "parties", "into"};
    case OperationKind::split:
      return {"kind", "districts", "party", "into"};
    case OperationKind::remove:
      return {"kind", "districts", "party"};
    case OperationKind::set:
      return {"kind", "districts", "party", "votes", "constituency", "winner"};
    case OperationKind::alliance:
      return {"kind", "districts", "name", "parties", "dissolve"};
  }
  return {};
}

void reject_foreign_keys(const Document& doc, const toml::table& table, OperationKind kind, std::size_t index) {
  const std::vector<std::string_view> known = keys_for(kind);
  std::vector<std::string> names(known.begin(), known.end());
  static const std::vector<std::string> all = {"kind",    "districts", "from",     "to",           "share",
                                               "votes",   "party",     "points",   "factor",       "into",
                                               "parties", "name",      "dissolve", "constituency", "winner"};
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    std::string message = "operation " + std::to_string(index) + " (" + std::string(operation_kind_name(kind)) + "): ";
    if (std::find(all.begin(), all.end(), name) != all.end()) {
      message += "key '" + name + "' does not apply to a " + std::string(operation_kind_name(kind)) + " operation";
    } else {
      message += "unknown key '" + name + "'";
      if (const auto suggestion = toml_reading::closest(name, names))
        message += " (did you mean '" + *suggestion + "'?)";
    }
    std::string keys;
    for (const std::string& k : names) keys += (keys.empty() ? "" : ", ") + k;
    message += "; its keys: ";
    message += keys;
    throw Error(doc.path, line_of(node), message);
  }
}

std::vector<SplitPart> read_split_parts(const Document& doc, const toml::node& node, const std::string& label) {
  const toml::table* table = node.as_table();
  if (!table || table->empty())
    throw Error(doc.path, line_of(node), label + ": into: expected a table like { A = \"60%\", B = \"40%\" }");
  // toml++ keeps keys sorted; the file's order is the source order.
  std::vector<std::pair<toml::source_position, SplitPart>> parts;
  for (const auto& [key, value] : *table) {
    const std::string text = toml_reading::scalar_text(doc, value, "into");
    const Rational share = at_line(doc, line_of(value), label + ": into." + std::string(key.str()),
                                   [&] { return parse_share_value(text); });
    parts.push_back({value.source().begin, {std::string(key.str()), share}});
  }
  std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
    return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
  });
  std::vector<SplitPart> result;
  result.reserve(parts.size());
  for (auto& part : parts) result.push_back(std::move(part.second));
  return result;
}

// `kind = "alliance"`: name, parties (forming), dissolve = true (dissolving).
void read_alliance_keys(const Document& doc, const toml::table& table, const std::string& label, VoteOperation& op) {
  op.parties = toml_reading::optional_strings(doc, table, "parties").value_or(std::vector<std::string>{});
  if (const toml::node* name = table.get("name")) op.name = toml_reading::scalar_text(doc, *name, "name");
  if (const toml::node* dissolve = table.get("dissolve")) {
    const auto* flag = dissolve->as_boolean();
    if (!flag) throw Error(doc.path, line_of(*dissolve), label + ": dissolve: expected true or false");
    op.dissolve = flag->get();
  }
}

VoteOperation read_operation(const Document& doc, const toml::table& table, std::size_t index) {
  VoteOperation op;
  op.source = doc.path;
  op.line = line_of(table);
  for (const auto& [key, node] : table) op.key_lines[std::string(key.str())] = line_of(node);
  const std::string label = "operation " + std::to_string(index);
  const std::string kind = required_text(doc, table, "kind", op.line, label);
  op.kind = at_line(doc, op.line_of("kind"), label + ": kind", [&] { return operation_kind_by_name(kind); });
  reject_foreign_keys(doc, table, op.kind, index);
  const std::string full = label + " (" + kind + ")";
  const auto text = [&](std::string_view key) { return toml_reading::optional_text(doc, table, key); };
  const auto parsed = [&](std::string_view key, auto parse) {
    using Value = decltype(parse(std::string()));
    std::optional<Value> value;
    if (const auto raw = text(key))
      value = at_line(doc, op.line_of(key), full + ": " + std::string(key), [&] { return parse(*raw); });
    return value;
  };
  op.districts = toml_reading::optional_strings(doc, table, "districts").value_or(std::vector<std::string>{});
  if (table.get("districts") && op.districts.empty())
    throw Error(doc.path, op.line_of("districts"), full + ": districts is empty (leave it out for every district)");
  op.from = text("from").value_or("");
  op.to = text("to").value_or("");
  op.party = text("party").value_or("");
  op.share = parsed("share", parse_share_value);
  op.votes = parsed("votes", [](const std::string& t) { return parse_whole(t, max_votes, "votes"); });
  op.points = parsed("points", parse_points);
  op.factor = parsed("factor", [](const std::string& t) { return parse_rational(t); });
  if (op.kind == OperationKind::merge) {
    op.parties = toml_reading::optional_strings(doc, table, "parties").value_or(std::vector<std::string>{});
    op.into = text("into").value_or("");
  }
  if (op.kind == OperationKind::split) {
    if (const toml::node* into = table.get("into")) op.parts = read_split_parts(doc, *into, full);
  }
  if (op.kind == OperationKind::alliance) read_alliance_keys(doc, table, full, op);
  if (op.kind == OperationKind::set) {
    op.constituency = text("constituency").value_or("");
    op.winner = text("winner").value_or("");
  }
  return op;
}

// The keys an operation cannot do without (a swept field may come from the sweep instead).
void check_required(const Document& doc, const VoteOperation& op, std::size_t index, const std::string& swept) {
  const std::string label =
      "operation " + std::to_string(index) + " (" + std::string(operation_kind_name(op.kind)) + ")";
  const auto need = [&](bool present, const std::string& key) {
    if (!present && key != swept) throw Error(doc.path, op.line, label + " needs '" + key + "'");
  };
  switch (op.kind) {
    case OperationKind::transfer:
      need(!op.from.empty(), "from");
      need(!op.to.empty(), "to");
      if (op.share && op.votes)
        throw Error(doc.path, op.line_of("votes"), label + ": give 'share' or 'votes', not both");
      if (!op.share && !op.votes && swept != "share" && swept != "votes")
        throw Error(doc.path, op.line, label + " needs 'share' or 'votes'");
      if (op.from == op.to) throw Error(doc.path, op.line_of("to"), label + ": 'from' and 'to' name the same list");
      break;
    case OperationKind::uniform:
      need(!op.party.empty(), "party");
      need(op.points.has_value(), "points");
      break;
    case OperationKind::proportional:
      need(!op.party.empty(), "party");
      need(op.factor.has_value(), "factor");
      break;
    case OperationKind::turnout:
      need(op.factor.has_value(), "factor");
      break;
    case OperationKind::merge: {
      need(!op.parties.empty(), "parties");
      need(!op.into.empty(), "into");
      std::set<std::string> named;
      for (const std::string& party : op.parties)
        if (!named.insert(party).second)
          throw Error(doc.path, op.line_of("parties"),
                      std::string(label).append(": '").append(party).append("' is named twice in 'parties'"));
      if (op.parties.size() == 1 && op.parties.front() == op.into)
        throw Error(doc.path, op.line_of("into"), label + ": merges '" + op.into + "' into itself");
      break;
    }
    case OperationKind::split:
      need(!op.party.empty(), "party");
      need(!op.parts.empty(), "into");
      break;
    case OperationKind::remove:
      need(!op.party.empty(), "party");
      break;
    case OperationKind::set:
      if (!op.constituency.empty() || !op.winner.empty()) {  // a constituency's winner (mixed member)
        need(!op.constituency.empty(), "constituency");
        need(!op.winner.empty(), "winner");
        if (!op.party.empty() || op.votes)
          throw Error(doc.path, op.line, label + ": sets a constituency's winner or a list's votes, not both");
        break;
      }
      need(!op.party.empty(), "party");
      need(op.votes.has_value(), "votes");
      break;
    case OperationKind::alliance:
      need(!op.name.empty(), "name");
      if (!op.dissolve) need(!op.parties.empty(), "parties");
      break;
  }
}

// ---- [seats] ----

// `"District name" = 60`: the district's seat total in the scenario, reserved seats included.
void read_seats(const Document& doc, const toml::node& node, Scenario& scenario) {
  const toml::table* table = node.as_table();
  if (!table) throw Error(doc.path, line_of(node), "seats: expected a table [seats] of district = seats");
  for (const auto& [key, value] : *table) {
    const std::string district(key.str());
    const std::string text = toml_reading::scalar_text(doc, value, "seats");
    scenario.seats[district] =
        at_line(doc, line_of(value), "seats." + district, [&] { return parse_whole(text, max_seats, "seats"); });
    scenario.seats_lines[district] = line_of(value);
  }
}

// ---- [sweep] ----

void read_parameter(const Document& doc, const Scenario& scenario, Sweep& sweep) {
  const std::string& p = sweep.parameter;
  const auto fail = [&](const std::string& what) { throw Error(doc.path, sweep.line, "sweep parameter: " + what); };
  if (p == "rule.first_divisor") {
    sweep.target = SweepTarget::first_divisor;
  } else if (p == "rule.threshold") {
    sweep.target = SweepTarget::threshold;
  } else if (p.rfind("seats.", 0) == 0 && p.size() > 6) {
    sweep.target = SweepTarget::seats;
    sweep.district = p.substr(6);
  } else if (p.rfind("op.", 0) == 0) {
    sweep.target = SweepTarget::operation;
    const std::size_t dot = p.find('.', 3);
    const std::string number = p.substr(3, dot == std::string::npos ? std::string::npos : dot - 3);
    if (dot == std::string::npos || number.empty() || number.find_first_not_of("0123456789") != std::string::npos ||
        number.size() > 6)
      fail("'" + p + "' should read op.N.FIELD, N counting the [[op]] tables from 1");
    const std::size_t n = std::stoul(number);
    if (n < 1 || n > scenario.operations.size())
      fail("'" + p + "': the file has " + std::to_string(scenario.operations.size()) + " operation(s)");
    sweep.operation = n - 1;
    sweep.field = p.substr(dot + 1);
    const VoteOperation& op = scenario.operations[sweep.operation];
    const std::vector<std::string> fields = operation_parameters(op.kind);
    if (std::find(fields.begin(), fields.end(), sweep.field) == fields.end()) {
      std::string known;
      for (const std::string& f : fields) known += (known.empty() ? "" : ", ") + f;
      fail("operation " + number + " (" + std::string(operation_kind_name(op.kind)) + ") has no numeric parameter '" +
           sweep.field + "'" + (known.empty() ? std::string(" (it has none)") : " (it has: " + known + ")"));
    }
  } else {
    const std::vector<std::string> forms = {"rule.first_divisor", "rule.threshold", "op.1.share", "seats."};
    fail("unknown parameter '" + p + "'" + did_you_mean(p, forms) +
         " (known: op.N.share, op.N.votes, op.N.points, op.N.factor, rule.first_divisor, rule.threshold, "
         "seats.<district>)");
  }
}

// One swept value, checked as its parameter reads it.
Rational parse_sweep_value(const Sweep& sweep, const std::string& text) {
  switch (sweep.target) {
    case SweepTarget::operation:
      if (sweep.field == "share") return parse_share_value(text);
      if (sweep.field == "votes") return Rational(parse_whole(text, max_votes, "votes"));
      if (sweep.field == "points") return parse_points(text);
      return parse_rational(text);
    case SweepTarget::first_divisor: {
      const Rational first = parse_rational(text);
      if (first.is_negative()) throw Error("first divisor '" + text + "' is negative");
      return first;
    }
    case SweepTarget::threshold: {
      const ThresholdValue value = ThresholdValue::parse(text);
      return value.kind == ThresholdValue::Kind::share ? value.share : Rational(value.votes);
    }
    case SweepTarget::seats:
      return Rational(parse_whole(text, max_seats, "seats"));
  }
  return {};
}

bool is_percent(const std::string& text) { return !text.empty() && text.back() == '%'; }
bool is_votes(const std::string& text) { return !text.empty() && text.back() == 'v'; }

// values = { from = "0%", to = "20%", step = "0.5%" }: every value from `from` by `step` up
// to and including `to` (down to, when step is negative), computed exactly.
std::vector<std::string> expand_range(const Document& doc, const toml::table& range, std::size_t line) {
  toml_reading::reject_unknown_keys(doc, range, {"from", "to", "step"}, "sweep values");
  const std::string from = required_text(doc, range, "from", line, "sweep values");
  const std::string to = required_text(doc, range, "to", line, "sweep values");
  const std::string step = required_text(doc, range, "step", line, "sweep values");
  const bool percent = is_percent(from);
  const bool votes = is_votes(from);  // a threshold in votes: "1000v"
  if (is_percent(to) != percent || is_percent(step) != percent || is_votes(to) != votes || is_votes(step) != votes)
    throw Error(doc.path, line,
                "sweep values: write from, to and step in the same unit (all with %, all with v or none)");
  const auto read = [&](const std::string& text, std::string_view key) {
    return at_line(doc, line, "sweep values: " + std::string(key), [&] {
      return percent ? parse_share(text) : parse_rational(votes ? text.substr(0, text.size() - 1) : text);
    });
  };
  const Rational a = read(from, "from"), b = read(to, "to"), d = read(step, "step");
  if (d.is_zero()) throw Error(doc.path, line, "sweep values: step is zero");
  const Rational count = (b - a) / d;
  if (count.is_negative())
    throw Error(doc.path, line, "sweep has no values: from " + from + " never reaches to " + to + " by step " + step);
  if (count > Rational(static_cast<std::int64_t>(max_sweep_values) - 1))
    throw Error(doc.path, line, "sweep values: more than " + std::to_string(max_sweep_values) + " values");
  std::vector<std::string> texts;
  for (std::int64_t k = 0; k <= count.floor(); ++k) {
    const Rational value = a + d * Rational(k);
    texts.push_back(percent ? format_percent(value) : value.to_string() + (votes ? "v" : ""));
  }
  return texts;
}

Sweep read_sweep(const Document& doc, const toml::table& table, const Scenario& scenario) {
  toml_reading::reject_unknown_keys(doc, table, {"parameter", "values"}, "[sweep]");
  Sweep sweep;
  sweep.source = doc.path;
  sweep.line = line_of(table);
  sweep.parameter = required_text(doc, table, "parameter", sweep.line, "[sweep]");
  sweep.line = line_of(*table.get("parameter"));
  read_parameter(doc, scenario, sweep);
  const toml::node* values = table.get("values");
  if (!values) throw Error(doc.path, line_of(table), "[sweep] needs 'values'");
  sweep.values_line = line_of(*values);
  if (const toml::table* range = values->as_table()) {
    sweep.texts = expand_range(doc, *range, sweep.values_line);
  } else if (const toml::array* list = values->as_array()) {
    for (const toml::node& item : *list) sweep.texts.push_back(toml_reading::scalar_text(doc, item, "values"));
  } else {
    sweep.texts.push_back(toml_reading::scalar_text(doc, *values, "values"));
  }
  if (sweep.texts.empty()) throw Error(doc.path, sweep.values_line, "sweep has no values");
  std::optional<bool> threshold_share;
  for (const std::string& text : sweep.texts) {
    sweep.values.push_back(
        at_line(doc, sweep.values_line, "sweep value", [&] { return parse_sweep_value(sweep, text); }));
    if (sweep.target == SweepTarget::threshold) {
      if (threshold_share && *threshold_share != is_percent(text))
        throw Error(doc.path, sweep.values_line,
                    "sweep values: thresholds must be all shares (5%) or all votes (1000v)");
      threshold_share = is_percent(text);
    }
  }
  sweep.percent = std::all_of(sweep.texts.begin(), sweep.texts.end(), is_percent);
  return sweep;
}

}  // namespace

std::string Sweep::format(const Rational& value) const {
  if (percent) return format_percent(value);
  // A threshold in votes says its unit, as it is written (interface.md, amendment 1).
  return value.to_string() + (target == SweepTarget::threshold ? "v" : "");
}

namespace {

enum class BaseKey { required, given_by_caller };

Scenario parse(const std::string& path, const std::string& text, BaseKey base_key) {
  const Document doc = toml_reading::parse(path, text);
  toml_reading::reject_unknown_keys(doc, doc.root, {"name", "base", "clamp", "rule", "seats", "op", "sweep"},
                                    "the scenario");
  Scenario scenario;
  scenario.path = path;
  scenario.files.push_back({path, sha256_hex(text)});
  scenario.name = toml_reading::optional_text(doc, doc.root, "name").value_or(fs::path(path).stem().string());
  const toml::node* base = doc.root.get("base");
  if (!base && base_key == BaseKey::required)
    throw Error(path, 1, "the scenario needs 'base' (its data set, relative to this file, e.g. base = \"../\")");
  if (base && base_key == BaseKey::required) {
    scenario.base_line = line_of(*base);
    const std::string base_text = toml_reading::scalar_text(doc, *base, "base");
    scenario.base = (fs::path(path).parent_path() / base_text).lexically_normal().string();
    if (scenario.base.empty()) scenario.base = ".";
  }
  scenario.clamp = toml_reading::optional_bool(doc, doc.root, "clamp").value_or(false);
  if (const toml::node* rule = doc.root.get("rule")) {
    if (!rule->is_table()) throw Error(path, line_of(*rule), "rule: expected a table [rule]");
    scenario.rule = toml_reading::read_rule(doc, *rule->as_table());
    for (const auto& [key, node] : *rule->as_table()) scenario.rule_lines[std::string(key.str())] = line_of(node);
    scenario.rule_lines["[rule]"] = line_of(*rule);
    // Files named in the scenario (party thresholds, seat bounds, leveling capacities) are relative to it.
    const fs::path folder = fs::path(path).parent_path();
    scenario.rule.resolve_files(fs::absolute(folder.empty() ? fs::path(".") : folder).lexically_normal().string());
  }
  if (const toml::node* seats = doc.root.get("seats")) read_seats(doc, *seats, scenario);
  if (const toml::node* ops = doc.root.get("op")) {
    const toml::array* array = ops->as_array();
    if (!array || !array->is_array_of_tables())
      throw Error(path, line_of(*ops), "op: write each operation as an [[op]] table");
    for (const toml::node& item : *array)
      scenario.operations.push_back(read_operation(doc, *item.as_table(), scenario.operations.size() + 1));
  }
  if (const toml::node* sweep = doc.root.get("sweep")) {
    if (!sweep->is_table()) throw Error(path, line_of(*sweep), "sweep: expected a table [sweep]");
    scenario.sweep = read_sweep(doc, *sweep->as_table(), scenario);
  }
  for (std::size_t i = 0; i < scenario.operations.size(); ++i) {
    const bool swept =
        scenario.sweep && scenario.sweep->target == SweepTarget::operation && scenario.sweep->operation == i;
    check_required(doc, scenario.operations[i], i + 1, swept ? scenario.sweep->field : std::string());
  }
  return scenario;
}

}  // namespace

Scenario parse_scenario(const std::string& path, const std::string& text) {
  return parse(path, text, BaseKey::required);
}

Scenario parse_scenario_on_given_base(const std::string& path, const std::string& text) {
  return parse(path, text, BaseKey::given_by_caller);
}

Scenario load_scenario(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(path, 0, "no such scenario file");
  return parse_scenario(path, read_text_file(path));
}

namespace {

// The rule of the system a base data set names (`system = "NAME|FILE"` in its election.toml), or none.
RuleSettings base_system_rule(const Scenario& scenario, const LoadedInput& input) {
  if (!input.system) return {};
  try {
    return load_system(*input.system).rule;
  } catch (const Error& error) {
    throw Error(scenario.path, scenario.base_line, "base: " + std::string(error.what()));
  }
}

}  // namespace

ScenarioBase load_scenario_base(const Scenario& scenario, const CsvOptions& options) {
  std::error_code ec;
  if (!fs::exists(scenario.base, ec))
    throw Error(scenario.path, scenario.base_line,
                "base: no data set or votes file at '" + scenario.base + "' (base is relative to the scenario file)");
  // A base that is not a data set (no election.toml, a bad file in it): the scenario's line says
  // where it was named.
  return scenario_base_of(scenario, [&] {
    try {
      return load_input(scenario.base, options);
    } catch (const Error& error) {
      throw Error(scenario.path, scenario.base_line, "base: " + std::string(error.what()));
    }
  }());
}

ScenarioBase scenario_base_of(const Scenario& scenario, LoadedInput input) {
  ScenarioBase base{std::move(input), {}, {}};
  SeatSources seats;
  if (base.input.districts) {
    seats.seats_file = base.input.districts;
    seats.seats_file_name = base.input.districts_file;
  }
  apply_seat_totals(base.input.election, seats);
  base.settings = base_system_rule(scenario, base.input);  // a data set's `system = ...`, under its [rule]
  RuleSettings own = base.input.rule;
  own.resolve_files(base.input.folder);  // the data set's files are relative to its folder
  base.settings.override_with(own);
  base.rule = base.settings.build();
  return base;
}

Rule scenario_rule(const Scenario& scenario, const ScenarioBase& base) {
  RuleSettings settings = base.settings;
  settings.override_with(scenario.rule);
  try {
    return settings.build();
  } catch (const Error& error) {
    if (!error.file().empty()) {
      // A file the scenario's [rule] names (missing, unreadable, malformed): say where it was named.
      const std::pair<const char*, const std::optional<std::string>&> files[] = {
          {"party_thresholds", scenario.rule.party_thresholds},
          {"seat_bounds", scenario.rule.seat_bounds},
          {"leveling_per_district", scenario.rule.leveling_per_district}};
      for (const auto& [key, value] : files) {
        const auto line = scenario.rule_lines.find(key);
        if (value && *value == error.file() && line != scenario.rule_lines.end())
          throw Error(scenario.path, line->second, std::string(key) + ": " + error.what());
      }
      throw;
    }
    // "first-divisor: ..." names the key; point at it in the scenario, else at [rule].
    std::string key = error.message().substr(0, error.message().find(':'));
    std::replace(key.begin(), key.end(), '-', '_');
    const auto it = scenario.rule_lines.find(key);
    const auto table = scenario.rule_lines.find("[rule]");
    const std::size_t line = it != scenario.rule_lines.end()      ? it->second
                             : table != scenario.rule_lines.end() ? table->second
                                                                  : 0;
    throw Error(scenario.path, line, error.message() + " (the base's rule with the scenario's [rule] over it)");
  }
}

Election scenario_start(const Scenario& scenario, const ScenarioBase& base) {
  Election election = base.input.election;
  std::vector<std::string> names;
  for (const District& district : election.districts) names.push_back(district.name);
  for (const auto& [name, seats] : scenario.seats) {
    const std::size_t line = scenario.seats_lines.contains(name) ? scenario.seats_lines.at(name) : 0;
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw Error(scenario.path, line, "seats: no district '" + name + "' in the base" + did_you_mean(name, names));
    District& district = election.districts[static_cast<std::size_t>(it - names.begin())];
    if (seats < district.reserved)
      throw Error(scenario.path, line,
                  "seats." + name + ": " + std::to_string(seats) + " seats, but the district has " +
                      std::to_string(district.reserved) + " reserved seat(s) inside its total");
    district.seats = seats;
  }
  return election;
}

std::vector<Scenario> load_what_if_sweeps(const std::string& folder) {
  namespace fs = std::filesystem;
  std::vector<Scenario> sweeps;
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(fs::path(folder) / "what-if", ec)) return sweeps;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(folder) / "what-if"))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    Scenario scenario = load_scenario(file.string());
    if (scenario.sweep && fs::weakly_canonical(scenario.base, ec) == fs::weakly_canonical(folder, ec))
      sweeps.push_back(std::move(scenario));
  }
  return sweeps;
}

}  // namespace seatsim
