#include "toml_reading.hpp"

#include <algorithm>

#include "seatsim/edit_distance.hpp"
#include "seatsim/error.hpp"

namespace seatsim::toml_reading {

Document parse(std::string path, std::string text) {
  Document doc{std::move(path), std::move(text), {}};
  try {
    doc.root = toml::parse(doc.text, std::string_view{doc.path});
  } catch (const toml::parse_error& error) {
    throw Error(doc.path, error.source().begin.line, std::string(error.description()));
  }
  return doc;
}

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

std::string scalar_text(const Document& doc, const toml::node& node, std::string_view key) {
  if (const auto* s = node.as_string()) return s->get();
  if (node.is_integer() || node.is_floating_point()) {
    // Read the number's own characters from the file: TOML floats are binary doubles.
    const toml::source_region& where = node.source();
    std::size_t line = 1, offset = 0;
    while (line < where.begin.line && offset < doc.text.size()) {
      if (doc.text[offset++] == '\n') ++line;
    }
    offset += where.begin.column - 1;
    std::size_t end = offset;
    while (end < doc.text.size() && std::string_view("0123456789+-._eE").find(doc.text[end]) != std::string_view::npos)
      ++end;
    std::string raw = doc.text.substr(offset, end - offset);
    std::erase(raw, '_');
    if (raw.find_first_of("eE") != std::string::npos)
      throw Error(doc.path, line_of(node), std::string(key) + ": write the number without an exponent");
    return raw;
  }
  throw Error(doc.path, line_of(node), std::string(key) + ": expected a string or a number");
}

std::optional<std::string> optional_text(const Document& doc, const toml::table& table, std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  return scalar_text(doc, *node, key);
}

std::optional<bool> optional_bool(const Document& doc, const toml::table& table, std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (const auto* b = node->as_boolean()) return b->get();
  throw Error(doc.path, line_of(*node), std::string(key) + ": expected true or false");
}

std::optional<std::int64_t> optional_integer(const Document& doc, const toml::table& table, std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (const auto* i = node->as_integer()) return i->get();
  throw Error(doc.path, line_of(*node), std::string(key) + ": expected a whole number");
}

std::optional<std::vector<std::string>> optional_strings(const Document& doc, const toml::table& table,
                                                         std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (const auto* s = node->as_string()) return std::vector<std::string>{s->get()};
  const auto* array = node->as_array();
  if (!array) throw Error(doc.path, line_of(*node), std::string(key) + ": expected a string or a list of strings");
  std::vector<std::string> items;
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (!s) throw Error(doc.path, line_of(item), std::string(key) + ": expected a list of strings");
    items.push_back(s->get());
  }
  return items;
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate, true);
    if (!best || d < best_distance) best = candidate, best_distance = d;
  }
  if (best && best_distance <= std::max<std::size_t>(2, word.size() / 3)) return best;
  return std::nullopt;
}

void reject_unknown_keys(const Document& doc, const toml::table& table, std::initializer_list<std::string_view> known,
                         std::string_view where) {
  const std::vector<std::string> names(known.begin(), known.end());
  for (const auto& [key, node] : table) {
    if (std::find(names.begin(), names.end(), key.str()) != names.end()) continue;
    std::string message = "unknown key '" + std::string(key.str()) + "'";
    if (!where.empty()) message += " in " + std::string(where);
    if (const auto suggestion = closest(key.str(), names)) message += " (did you mean '" + *suggestion + "'?)";
    throw Error(doc.path, line_of(node), message);
  }
}

RuleSettings read_rule(const Document& doc, const toml::table& rule) {
  // clang-format off
  reject_unknown_keys(doc, rule,
                      {"method", "first_divisor", "divisors", "threshold", "threshold_scope", "threshold_strict",
                       "threshold_exempt", "party_thresholds", "ties", "seed", "reserved",
                       "min_seats", "max_seats", "seat_bounds", "leveling_seats", "leveling_threshold",
                       "leveling_placement", "leveling_per_district", "biproportional", "quorum_any_district",
                       "quorum_total", "list_votes", "winner_take_one"},
                      "[rule]");
  // clang-format on
  RuleSettings settings;
  settings.method = optional_text(doc, rule, "method");
  settings.first_divisor = optional_text(doc, rule, "first_divisor");
  if (const toml::node* node = rule.get("divisors")) {
    if (const auto* array = node->as_array()) {
      std::string joined;
      for (const toml::node& item : *array) joined += (joined.empty() ? "" : ",") + scalar_text(doc, item, "divisors");
      settings.divisors = joined;
    } else {
      settings.divisors = scalar_text(doc, *node, "divisors");
    }
  }
  settings.threshold = optional_text(doc, rule, "threshold");
  settings.threshold_scope = optional_text(doc, rule, "threshold_scope");
  settings.threshold_strict = optional_bool(doc, rule, "threshold_strict");
  settings.threshold_exempt = optional_strings(doc, rule, "threshold_exempt");
  settings.party_thresholds = optional_text(doc, rule, "party_thresholds");
  settings.ties = optional_text(doc, rule, "ties");
  if (const auto seed = optional_integer(doc, rule, "seed")) {
    if (*seed < 0) throw Error(doc.path, line_of(*rule.get("seed")), "seed: must not be negative");
    settings.seed = static_cast<std::uint64_t>(*seed);
  }
  settings.reserved = optional_text(doc, rule, "reserved");
  settings.min_seats = optional_text(doc, rule, "min_seats");
  settings.max_seats = optional_text(doc, rule, "max_seats");
  settings.seat_bounds = optional_text(doc, rule, "seat_bounds");
  settings.leveling_seats = optional_text(doc, rule, "leveling_seats");
  settings.leveling_threshold = optional_text(doc, rule, "leveling_threshold");
  settings.leveling_placement = optional_text(doc, rule, "leveling_placement");
  settings.leveling_per_district = optional_text(doc, rule, "leveling_per_district");
  settings.biproportional = optional_bool(doc, rule, "biproportional");
  settings.quorum_any_district = optional_text(doc, rule, "quorum_any_district");
  settings.quorum_total = optional_text(doc, rule, "quorum_total");
  settings.list_votes = optional_bool(doc, rule, "list_votes");
  settings.winner_take_one = optional_bool(doc, rule, "winner_take_one");
  // Check every value now, so that a bad one is reported with its line.
  try {
    RuleSettings check = settings;
    // Files are checked when the rule is built with its folder.
    check.party_thresholds.reset();
    check.seat_bounds.reset();
    if (check.leveling_per_district &&
        check.leveling_per_district->find_first_not_of("0123456789") != std::string::npos)
      check.leveling_per_district = "1";
    const Rule built = check.build(std::string{});
    (void)built;
  } catch (const Error& error) {
    if (!error.file().empty()) throw;
    std::string key = error.message().substr(0, error.message().find(':'));
    std::replace(key.begin(), key.end(), '-', '_');  // messages name flags, the manifest has keys
    const toml::node* node = rule.get(key);
    throw Error(doc.path, node ? line_of(*node) : line_of(rule), error.message());
  }
  return settings;
}

}  // namespace seatsim::toml_reading
