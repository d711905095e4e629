#pragma once
// A rule as people write it: text-valued keys, each optional, from a data set's manifest
// (`[rule]` in election.toml), a scenario file, command-line flags or Python keywords.
// Layers override key by key (flags over manifest), then `build` turns the result into an
// exact Rule, with errors that name the key.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/rule.hpp"

namespace seatsim {

struct RuleSettings {
  std::optional<std::string> method;
  std::optional<std::string> first_divisor;
  std::optional<std::string> divisors;  // "1.4,3,5"
  std::optional<std::string> threshold;
  std::optional<std::string> threshold_scope;
  std::optional<bool> threshold_strict;
  std::optional<std::vector<std::string>> threshold_exempt;
  std::optional<std::string> party_thresholds;  // a CSV file `party,threshold`
  std::optional<std::string> ties;
  std::optional<std::uint64_t> seed;
  std::optional<std::string> reserved;

  // Keys set in `other` replace those here.
  void override_with(const RuleSettings& other);
  // Throws seatsim::Error("<key>: ...") for a value that does not parse. Relative file paths
  // (party_thresholds) are resolved against `base_folder` when it is not empty.
  Rule build(const std::string& base_folder = {}) const;
};

}  // namespace seatsim
