#pragma once
// A rule as people write it: text-valued keys, each optional, from a data set's manifest
// (`[rule]` in election.toml), a scenario file, command-line flags or Python keywords.
// Layers override key by key (flags over manifest), then `build` turns the result into an
// exact Rule, with errors that name the key.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/kernel/rule.hpp"

namespace seatsim {

struct RuleSettings {
  std::optional<std::string> method;
  std::optional<std::string> first_divisor;
  std::optional<std::string> divisors;  // "1.4,3,5"
  std::optional<std::string> threshold;
  std::optional<std::string> threshold_scope;
  std::optional<bool> threshold_strict;
  std::optional<std::vector<std::string>> threshold_exempt;
  std::optional<std::vector<std::string>> threshold_or;  // alternatives: "12% district"
  std::optional<std::string> coalition_threshold;
  std::optional<std::vector<std::string>> coalition_lists;  // names, or prefixes ending in '*'
  std::optional<std::string> party_thresholds;              // a CSV file `party,threshold`
  std::optional<std::string> ties;
  std::optional<std::uint64_t> seed;
  std::optional<std::string> reserved;
  // Tiers (interface.md, "Multi-tier flags"; docs/multi-tier.md).
  std::optional<std::string> min_seats;  // every list
  std::optional<std::string> max_seats;
  std::optional<std::string> seat_bounds;  // a CSV file `party,min,max`
  std::optional<std::string> leveling_seats;
  std::optional<std::string> leveling_threshold;
  std::optional<std::string> leveling_placement;
  std::optional<std::string> leveling_per_district;  // a number, or a CSV file `district,seats`
  // Denmark's components of the leveling tier: the national method, other routes in ("district-seats 1",
  // "region-average 2"), regions ("NAME (SEATS): DISTRICT; DISTRICT").
  std::optional<std::string> leveling_method;
  std::optional<std::vector<std::string>> leveling_threshold_or;
  std::optional<std::vector<std::string>> leveling_regions;
  std::optional<bool> biproportional;
  std::optional<std::string> quorum_any_district;
  std::optional<std::string> quorum_total;
  std::optional<bool> list_votes;
  std::optional<bool> winner_take_one;
  // The quota tier (seatsim/kernel/quota_tier.hpp).
  std::optional<std::string> quota_tier;  // hare, droop, hagenbach-bischoff, imperiali
  std::optional<std::string> quota_tier_rounding;
  std::optional<std::string> quota_tier_base;
  std::optional<std::string> remainder_method;
  std::optional<std::string> remainder_votes;
  std::optional<std::string> remainder_threshold;
  std::optional<std::string> seats_by_votes;
  // List alliances (seatsim/kernel/alliance_rule.hpp).
  std::optional<std::string> alliance_method;     // inside alliances; default: method
  std::optional<std::string> alliance_threshold;  // "lists" (default) or "groups"
  // Mixed-member systems (seatsim/kernel/mixed_member.hpp).
  std::optional<std::string> mixed_member;        // new-zealand, scotland
  std::optional<std::string> constituency_route;  // constituency wins that qualify a party
  std::optional<std::string> house_seats;         // the seats apportioned nationally (Germany: 630)

  // Makes the file keys (party_thresholds, seat_bounds, a leveling_per_district file) that are
  // relative paths relative to `folder` (a manifest's files are relative to its folder).
  void resolve_files(const std::string& folder);
  // Keys set in `other` replace those here (every key of seatsim/io/rule_keys.hpp).
  void override_with(const RuleSettings& other);
  bool empty() const;
  bool operator==(const RuleSettings&) const = default;
  // Throws seatsim::Error("<key>: ...") for a value that does not parse. Relative file paths
  // (party_thresholds, seat_bounds, leveling_per_district) are resolved against `base_folder`
  // when it is not empty.
  Rule build(const std::string& base_folder = {}) const;
};

}  // namespace seatsim
