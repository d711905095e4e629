#include "seatsim/io/system_file.hpp"

#include <algorithm>
#include <filesystem>

#include "embedded_files.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

namespace fs = std::filesystem;
using toml_reading::Document;
using toml_reading::line_of;

// The text fields of [system], in the order the writer puts them.
struct TextField {
  std::string_view key;
  std::string System::*member;
  std::string_view description;
};

const std::vector<TextField>& text_fields() {
  static const std::vector<TextField> fields = {
      {"name", &System::name, "the library's name, lower case with dashes"},
      {"title", &System::title, "what the system is, in words"},
      {"body", &System::body, "the elected body"},
      {"country", &System::country, "the country (or canton, state)"},
      {"in_force", &System::in_force, "the years the system is (was) in force"},
      {"statute", &System::statute, "the law that sets the system"},
  };
  return fields;
}

constexpr std::string_view list_fields[] = {"not_modelled", "notes"};
constexpr std::string_view table_fields[] = {"rule", "statutes", "verified"};

std::vector<std::string> known_system_keys() {
  std::vector<std::string> keys{"schema_version"};
  for (const TextField& field : text_fields()) keys.emplace_back(field.key);
  keys.insert(keys.end(), std::begin(list_fields), std::end(list_fields));
  keys.insert(keys.end(), std::begin(table_fields), std::end(table_fields));
  return keys;
}

void reject_unknown(const Document& doc, const toml::table& table, const std::vector<std::string>& known,
                    const std::string& where) {
  for (const auto& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
    std::string message = "unknown key '" + std::string(key.str()) + "' in " + where;
    if (const auto suggestion = toml_reading::closest(key.str(), known))
      message += " (did you mean '" + *suggestion + "'?)";
    throw Error(doc.path, line_of(node), message).with_key(std::string(key.str()));
  }
}

std::string required_string(const Document& doc, const toml::node& node, std::string_view key) {
  if (const auto* s = node.as_string()) return s->get();
  throw Error(doc.path, line_of(node), std::string(key) + ": expected a string").with_key(std::string(key));
}

void check_schema_version(const std::string& source, std::size_t line, std::int64_t version) {
  if (version < 1 || version > system_schema_version)
    throw Error(source, line,
                "schema_version " + std::to_string(version) + " is not one this seatsim reads (it reads 1 to " +
                    std::to_string(system_schema_version) + "; a newer seatsim may)")
        .with_key("schema_version");
}

// A statute citation must cite a key the rule has.
void check_statute_key(const std::string& source, std::size_t line, const std::string& key) {
  if (find_rule_key(key) && find_rule_key(key)->name == key) return;
  std::string message = "statutes: '" + key + "' is not a rule key";
  if (const auto suggestion = toml_reading::closest(key, rule_key_names()))
    message += " (did you mean '" + *suggestion + "'?)";
  throw Error(source, line, message).with_key("statutes");
}

Verification read_verification(const Document& doc, const toml::table& table) {
  reject_unknown(doc, table, {"election", "data", "matched"}, "[[system.verified]]");
  Verification verification;
  if (const auto* node = table.get("election")) verification.election = required_string(doc, *node, "election");
  if (const auto* node = table.get("data")) verification.data = required_string(doc, *node, "data");
  if (const auto* node = table.get("matched")) verification.matched = required_string(doc, *node, "matched");
  if (verification.election.empty())
    throw Error(doc.path, line_of(table), "verified: every entry names its election").with_key("verified");
  return verification;
}

System read_system_table(const Document& doc, const toml::table& table) {
  reject_unknown(doc, table, known_system_keys(), "[system]");
  System system;
  if (const toml::node* node = table.get("schema_version")) {
    const auto* version = node->as_integer();
    if (!version) throw Error(doc.path, line_of(*node), "schema_version: expected a whole number");
    check_schema_version(doc.path, line_of(*node), version->get());
    system.schema_version = static_cast<int>(version->get());
  }
  for (const TextField& field : text_fields())
    if (const toml::node* node = table.get(field.key)) system.*field.member = required_string(doc, *node, field.key);
  if (const toml::node* node = table.get("not_modelled"))
    system.not_modelled = toml_reading::strings_of(doc, *node, "not_modelled");
  if (const toml::node* node = table.get("notes")) system.notes = toml_reading::strings_of(doc, *node, "notes");
  if (const toml::node* node = table.get("rule")) {
    if (!node->is_table()) throw Error(doc.path, line_of(*node), "rule: expected a table [system.rule]");
    system.rule = toml_reading::read_rule(doc, *node->as_table(), "[system.rule]");
  }
  if (const toml::node* node = table.get("statutes")) {
    if (!node->is_table()) throw Error(doc.path, line_of(*node), "statutes: expected a table [system.statutes]");
    for (const auto& [key, value] : *node->as_table()) {
      check_statute_key(doc.path, line_of(value), std::string(key.str()));
      system.statutes[std::string(key.str())] = required_string(doc, value, key.str());
    }
  }
  if (const toml::node* node = table.get("verified")) {
    const auto* array = node->as_array();
    if (!array) throw Error(doc.path, line_of(*node), "verified: expected [[system.verified]] tables");
    for (const toml::node& item : *array) {
      if (!item.is_table()) throw Error(doc.path, line_of(item), "verified: expected [[system.verified]] tables");
      system.verified.push_back(read_verification(doc, *item.as_table()));
    }
  }
  return system;
}

System parse_toml(const std::string& source, const std::string& text) {
  const Document doc = toml_reading::parse(source, text);
  reject_unknown(doc, doc.root, {"system"}, "a system file");
  const toml::node* node = doc.root.get("system");
  if (!node || !node->is_table()) throw Error(source, 1, "a system file holds one table [system]");
  return read_system_table(doc, *node->as_table());
}

// ---- writing ----

std::string toml_quoted(std::string_view text) {
  Json json = std::string(text);
  return json.dump();  // a JSON string is a valid TOML basic string for every character JSON escapes
}

std::string toml_quoted_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_quoted(items[i]);
  return out + "]";
}

std::string folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

System load_library_system(const std::string& name) {
  for (const System& system : library_systems())
    if (system.name == name) return system;
  std::vector<std::string> names;
  for (const System& system : library_systems()) names.push_back(system.name);
  std::string message = "no system '" + name + "' in the library";
  const std::vector<std::string> close = closest_names(name, names, 3);
  if (!close.empty()) message += " (did you mean '" + close.front() + "'?)";
  message += "; `seatsim systems` lists them, and a file is named with a '/' or a .toml/.json ending";
  throw Error(message).with_key("system");
}

}  // namespace

bool names_system_file(std::string_view value) {
  const auto ends = [&](std::string_view suffix) {
    return value.size() >= suffix.size() && value.substr(value.size() - suffix.size()) == suffix;
  };
  return value.find('/') != std::string_view::npos || ends(".toml") || ends(".json");
}

System parse_system(const std::string& source, const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const bool json = (source.size() >= 5 && source.substr(source.size() - 5) == ".json") ||
                    (first != std::string::npos && text[first] == '{');
  if (!json) return parse_toml(source, text);
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw Error(source, 0, std::string("not valid JSON: ") + error.what());
  }
  if (!document.is_object() || document.size() != 1 || !document.contains("system"))
    throw Error(source, 0, "a system file in JSON is one object {\"system\": {...}}");
  return system_from_json(document["system"], source);
}

System load_system(const std::string& name_or_path) {
  if (!names_system_file(name_or_path)) return load_library_system(name_or_path);
  System system = parse_system(name_or_path, read_text_file(name_or_path));
  system.rule.resolve_files(folder_of(name_or_path));
  return system;
}

System system_from_json(const Json& json, const std::string& source) {
  const auto fail = [&](const std::string& key, const std::string& message) {
    return Error(source, 0, key + ": " + message).with_key(key);
  };
  if (!json.is_object()) throw Error(source, 0, "system: expected an object");
  const std::vector<std::string> known = known_system_keys();
  System system;
  for (const auto& [key, value] : json.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string message = "unknown key '" + key + "' in system";
      if (const auto suggestion = toml_reading::closest(key, known))
        message += " (did you mean '" + *suggestion + "'?)";
      throw Error(source, 0, message).with_key(key);
    }
  }
  if (json.contains("schema_version")) {
    if (!json["schema_version"].is_number_integer()) throw fail("schema_version", "expected a whole number");
    check_schema_version(source, 0, json["schema_version"].get<std::int64_t>());
    system.schema_version = json["schema_version"].get<int>();
  }
  for (const TextField& field : text_fields()) {
    const std::string key(field.key);
    if (!json.contains(key)) continue;
    if (!json[key].is_string()) throw fail(key, "expected a string");
    system.*field.member = json[key].get<std::string>();
  }
  const auto strings = [&](const std::string& key) {
    std::vector<std::string> items;
    if (!json.contains(key)) return items;
    if (!json[key].is_array()) throw fail(key, "expected a list of strings");
    for (const Json& item : json[key]) {
      if (!item.is_string()) throw fail(key, "expected a list of strings");
      items.push_back(item.get<std::string>());
    }
    return items;
  };
  system.not_modelled = strings("not_modelled");
  system.notes = strings("notes");
  if (json.contains("rule")) {
    const Json& rule = json["rule"];
    if (!rule.is_object()) throw fail("rule", "expected an object");
    for (const auto& [key, value] : rule.items()) {
      const RuleKey* found = find_rule_key(key);
      if (!found || found->name != key) {
        std::string message = "unknown key '" + key + "' in system.rule";
        if (const auto suggestion = toml_reading::closest(key, rule_key_names()))
          message += " (did you mean '" + *suggestion + "'?)";
        throw Error(source, 0, message).with_key(key);
      }
      try {
        found->set_json(system.rule, value);
      } catch (const Error& error) {
        throw Error(source, 0, error.message()).with_key(key);
      }
    }
  }
  if (json.contains("statutes")) {
    if (!json["statutes"].is_object()) throw fail("statutes", "expected an object");
    for (const auto& [key, value] : json["statutes"].items()) {
      check_statute_key(source, 0, key);
      if (!value.is_string()) throw fail("statutes", "expected strings");
      system.statutes[key] = value.get<std::string>();
    }
  }
  if (json.contains("verified")) {
    if (!json["verified"].is_array()) throw fail("verified", "expected a list");
    for (const Json& item : json["verified"]) {
      if (!item.is_object() || !item.contains("election") || !item["election"].is_string())
        throw fail("verified", "every entry is an object naming its election");
      Verification verification;
      for (const auto& [key, value] : item.items()) {
        if (!value.is_string()) throw fail("verified", key + ": expected a string");
        if (key == "election")
          verification.election = value.get<std::string>();
        else if (key == "data")
          verification.data = value.get<std::string>();
        else if (key == "matched")
          verification.matched = value.get<std::string>();
        else
          throw fail("verified", "unknown key '" + key + "' (known: election, data, matched)");
      }
      system.verified.push_back(verification);
    }
  }
  return system;
}

Json system_to_json(const System& system) {
  Json json = Json::object();
  json["schema_version"] = system.schema_version;
  for (const TextField& field : text_fields())
    if (!(system.*field.member).empty()) json[std::string(field.key)] = system.*field.member;
  if (!system.not_modelled.empty()) json["not_modelled"] = system.not_modelled;
  if (!system.notes.empty()) json["notes"] = system.notes;
  Json rule = Json::object();
  for (const RuleKey& key : rule_keys())
    if (key.set_in(system.rule)) rule[std::string(key.name)] = key.to_json(system.rule);
  json["rule"] = rule;
  if (!system.statutes.empty()) {
    Json statutes = Json::object();
    for (const auto& [key, text] : system.statutes) statutes[key] = text;
    json["statutes"] = statutes;
  }
  if (!system.verified.empty()) {
    Json verified = Json::array();
    for (const Verification& v : system.verified) {
      Json item = {{"election", v.election}};
      if (!v.data.empty()) item["data"] = v.data;
      if (!v.matched.empty()) item["matched"] = v.matched;
      verified.push_back(item);
    }
    json["verified"] = verified;
  }
  return json;
}

std::string system_to_toml(const System& system) {
  std::string out = "[system]\nschema_version = " + std::to_string(system.schema_version) + "\n";
  for (const TextField& field : text_fields())
    if (!(system.*field.member).empty())
      out += std::string(field.key) + " = " + toml_quoted(system.*field.member) + "\n";
  if (!system.not_modelled.empty()) out += "not_modelled = " + toml_quoted_list(system.not_modelled) + "\n";
  if (!system.notes.empty()) out += "notes = " + toml_quoted_list(system.notes) + "\n";
  out += "\n[system.rule]\n";
  for (const RuleKey& key : rule_keys())
    if (key.set_in(system.rule)) out += std::string(key.name) + " = " + key.toml_text(system.rule) + "\n";
  if (!system.statutes.empty()) {
    out += "\n[system.statutes]\n";
    for (const auto& [key, text] : system.statutes) out += key + " = " + toml_quoted(text) + "\n";
  }
  for (const Verification& v : system.verified) {
    out += "\n[[system.verified]]\nelection = " + toml_quoted(v.election) + "\n";
    if (!v.data.empty()) out += "data = " + toml_quoted(v.data) + "\n";
    if (!v.matched.empty()) out += "matched = " + toml_quoted(v.matched) + "\n";
  }
  return out;
}

const std::vector<System>& library_systems() {
  static const std::vector<System> systems = [] {
    std::vector<System> all;
    for (const embedded::File& file : embedded::system_files()) {
      const std::string path(file.path);
      if (path.size() < 5 || path.substr(path.size() - 5) != ".toml") continue;
      System system = parse_system("systems/" + path, std::string(file.content));
      const std::string stem = path.substr(0, path.size() - 5);
      if (system.name != stem)
        throw Error("systems/" + path, 0, "name '" + system.name + "' differs from the file's name '" + stem + "'");
      all.push_back(std::move(system));
    }
    std::sort(all.begin(), all.end(), [](const System& a, const System& b) { return a.name < b.name; });
    return all;
  }();
  return systems;
}

Json system_json_schema() {
  Json rule_properties = Json::object();
  for (const RuleKey& key : rule_keys()) {
    Json property;
    switch (key.type) {
      case KeyType::flag:
        property["type"] = "boolean";
        break;
      case KeyType::names:
        property["type"] = "array";
        property["items"] = {{"type", "string"}};
        break;
      case KeyType::seed:
        property["type"] = Json::array({"integer", "string"});
        property["minimum"] = 0;
        break;
      case KeyType::count:
        property["type"] = Json::array({"integer", "string"});
        break;
      case KeyType::threshold:
        property["type"] = "string";
        property["pattern"] = "^[0-9]+(\\.[0-9]+)?(%|v)$";
        break;
      case KeyType::text:
        property["type"] = key.name == "divisors" ? Json::array({"string", "array"}) : Json("string");
        break;
    }
    if (key.choices) property["enum"] = key.choices();
    property["description"] = std::string(key.help);
    rule_properties[std::string(key.name)] = property;
  }
  Json system_properties = Json::object();
  system_properties["schema_version"] = {{"type", "integer"}, {"minimum", 1}, {"maximum", system_schema_version}};
  for (const TextField& field : text_fields())
    system_properties[std::string(field.key)] = {{"type", "string"}, {"description", std::string(field.description)}};
  for (std::string_view list : list_fields)
    system_properties[std::string(list)] = {{"type", "array"}, {"items", {{"type", "string"}}}};
  system_properties["rule"] = {{"type", "object"}, {"additionalProperties", false}, {"properties", rule_properties}};
  Json statute_keys = Json::array();
  for (const RuleKey& key : rule_keys()) statute_keys.push_back(std::string(key.name));
  system_properties["statutes"] = {
      {"type", "object"}, {"propertyNames", {{"enum", statute_keys}}}, {"additionalProperties", {{"type", "string"}}}};
  system_properties["verified"] = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"election"}},
        {"additionalProperties", false},
        {"properties",
         {{"election", {{"type", "string"}}}, {"data", {{"type", "string"}}}, {"matched", {{"type", "string"}}}}}}}};
  Json schema;
  schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  schema["title"] = "seatsim electoral system";
  schema["type"] = "object";
  schema["required"] = {"system"};
  schema["additionalProperties"] = false;
  schema["properties"] = {
      {"system", {{"type", "object"}, {"additionalProperties", false}, {"properties", system_properties}}}};
  return schema;
}

}  // namespace seatsim
