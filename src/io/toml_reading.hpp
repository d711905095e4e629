#pragma once
// Reading TOML (data-set manifests, scenario files) with the rules users rely on: numbers are
// taken from their source text, exactly (1.4 is 7/5, never the binary double), unknown keys are
// errors with their line (a silent typo is the worst bug such a file can have), and every error
// names file and line.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "seatsim/io/rule_settings.hpp"

namespace seatsim::toml_reading {

struct Document {
  std::string path;
  std::string text;
  toml::table root;
};

// Parses `text`; throws seatsim::Error(path, line, ...) on a syntax error.
Document parse(std::string path, std::string text);

std::size_t line_of(const toml::node& node);

// A scalar as exact text: strings as written, integers and floats as they appear in the file.
std::string scalar_text(const Document& doc, const toml::node& node, std::string_view key);
std::optional<std::string> optional_text(const Document& doc, const toml::table& table, std::string_view key);
std::optional<bool> optional_bool(const Document& doc, const toml::table& table, std::string_view key);
std::optional<std::int64_t> optional_integer(const Document& doc, const toml::table& table, std::string_view key);
// A string, or an array of strings.
std::vector<std::string> strings_of(const Document& doc, const toml::node& node, std::string_view key);
std::optional<std::vector<std::string>> optional_strings(const Document& doc, const toml::table& table,
                                                         std::string_view key);

// Throws for the first key of `table` that is not in `known`, suggesting the closest known key.
void reject_unknown_keys(const Document& doc, const toml::table& table, std::initializer_list<std::string_view> known,
                         std::string_view where);

// The `[rule]` table of a manifest or scenario, or `[system.rule]` (the keys of seatsim/io/rule_keys.hpp);
// `where` names the table in errors. Every value is checked, with its line.
RuleSettings read_rule(const Document& doc, const toml::table& rule, std::string_view where = "[rule]");

// The closest of `candidates` to `word` by edit distance, if reasonably close.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace seatsim::toml_reading
