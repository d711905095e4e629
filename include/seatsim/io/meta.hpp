#pragma once
// What every result says about how it was made (interface.md): seatsim's version, the rule as
// applied, the seed where randomness is used, and the SHA-256 of every input file.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/json.hpp"

#include "seatsim/kernel/rule.hpp"

namespace seatsim {

struct InputFile {
  std::string path;
  std::string sha256;
};

struct Meta {
  std::string command;
  Json system = nullptr;  // the electoral system as applied, in its serialization (system_to_json)
  Json rule;              // rule_to_json(...)
  std::optional<std::uint64_t> seed;
  std::vector<InputFile> inputs;
  Json extra = Json::object();

  Json to_json() const;
  // The full provenance in one line: the table format's last line under --verbose.
  std::string one_line() const;
  // The table format's last line for people: the command, the rule in words, the inputs by name.
  std::string summary_line() const;
};

// The rule of a meta block (rule_to_json) in a few words: "dhondt, threshold 5% (national)".
std::string rule_in_words(const Json& rule);
// The input files by name, the files of one folder (a data set) as that folder.
std::string inputs_in_words(const std::vector<InputFile>& inputs);

std::string_view version() noexcept;
Json rule_to_json(const Rule& rule);

}  // namespace seatsim
