#include "toml_reading.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/io/edit_distance.hpp"
#include "seatsim/io/rule_keys.hpp"

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

std::vector<std::string> strings_of(const Document& doc, const toml::node& node, std::string_view key) {
  if (const auto* s = node.as_string()) return {s->get()};
  const auto* array = node.as_array();
  if (!array) throw Error(doc.path, line_of(node), std::string(key) + ": expected a string or a list of strings");
  std::vector<std::string> items;
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (!s) throw Error(doc.path, line_of(item), std::string(key) + ": expected a list of strings");
    items.push_back(s->get());
  }
  return items;
}

std::optional<std::vector<std::string>> optional_strings(const Document& doc, const toml::table& table,
                                                         std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  return strings_of(doc, *node, key);
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

namespace {

// One key's value from TOML, by the key's type (seatsim/io/rule_keys.hpp).
void read_rule_key(const Document& doc, const toml::node& node, const RuleKey& key, RuleSettings& settings) {
  const std::string_view name = key.name;
  switch (key.type) {
    case KeyType::flag:
      if (const auto* b = node.as_boolean()) return key.set_text(settings, b->get() ? "true" : "false");
      throw Error(doc.path, line_of(node), std::string(name) + ": expected true or false").with_key(std::string(name));
    case KeyType::names:
      for (const std::string& item : strings_of(doc, node, name)) key.set_text(settings, item);
      return;
    case KeyType::seed: {
      if (const auto* i = node.as_integer()) {
        if (i->get() < 0)
          throw Error(doc.path, line_of(node), "seed: must not be negative").with_key(std::string(name));
        return key.set_text(settings, std::to_string(i->get()));
      }
      return key.set_text(settings, scalar_text(doc, node, name));
    }
    default:
      if (const auto* array = node.as_array(); array && name == "divisors") {
        std::string joined;
        for (const toml::node& item : *array) joined += (joined.empty() ? "" : ",") + scalar_text(doc, item, name);
        return key.set_text(settings, joined);
      }
      return key.set_text(settings, scalar_text(doc, node, name));
  }
}

}  // namespace

RuleSettings read_rule(const Document& doc, const toml::table& rule, std::string_view where) {
  const std::vector<std::string> names = rule_key_names();
  RuleSettings settings;
  for (const auto& [name, node] : rule) {
    const RuleKey* key = find_rule_key(name.str());
    if (!key || key->name != name.str()) {
      std::string message = "unknown key '" + std::string(name.str()) + "' in " + std::string(where);
      if (const auto suggestion = closest(name.str(), names)) message += " (did you mean '" + *suggestion + "'?)";
      throw Error(doc.path, line_of(node), message).with_key(std::string(name.str()));
    }
    try {
      read_rule_key(doc, node, *key, settings);
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(doc.path, line_of(node), error.message()).with_key(std::string(key->name));
    }
  }
  // Check every value now, so that a bad one is reported with its line.
  try {
    RuleSettings check = settings;
    // Files are checked when the rule is built with its folder.
    check.party_thresholds.reset();
    check.seat_bounds.reset();
    if (check.leveling_per_district &&
        check.leveling_per_district->find_first_not_of("0123456789") != std::string::npos)
      check.leveling_per_district = "1";
    // A layer may refine a mixed-member rule named by the system below it (house_seats for one election).
    if (!check.mixed_member && (check.constituency_route || check.house_seats)) check.mixed_member = "new-zealand";
    const Rule built = check.build(std::string{});
    (void)built;
  } catch (const Error& error) {
    if (!error.file().empty()) throw;
    std::string key = error.message().substr(0, error.message().find(':'));
    std::replace(key.begin(), key.end(), '-', '_');  // messages name flags, the manifest has keys
    const toml::node* node = rule.get(key);
    throw Error(doc.path, node ? line_of(*node) : line_of(rule), error.message()).with_key(key);
  }
  return settings;
}

}  // namespace seatsim::toml_reading
