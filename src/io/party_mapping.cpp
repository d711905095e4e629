#include "seatsim/io/party_mapping.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/name_lookup.hpp"

namespace seatsim {
namespace {

constexpr std::string_view new_prefix = "new:";

MappingTarget parse_target(const std::string& base_party, const std::string& weight_text, std::size_t line) {
  MappingTarget target;
  target.line = line;
  target.new_list = base_party.starts_with(new_prefix);
  target.base_party = target.new_list ? base_party.substr(new_prefix.size()) : base_party;
  if (target.base_party.empty()) throw Error("the row names no base_party");
  if (weight_text.find('/') != std::string::npos)
    throw Error("weight '" + weight_text + "' is not a decimal (like 0.5)");
  target.weight = parse_rational(weight_text);
  if (!(target.weight > Rational(0)) || target.weight > Rational(1))
    throw Error("weight '" + weight_text + "' must be greater than 0 and at most 1");
  return target;
}

// Each poll party's weights sum to exactly 1: reported on its first row.
void check_weight_sums(const PartyMapping& mapping) {
  for (const auto& [party, targets] : mapping.entries) {
    Rational sum;
    for (const MappingTarget& target : targets) sum = sum + target.weight;
    if (sum != Rational(1))
      throw Error(mapping.source, targets.front().line,
                  "the weights of poll party '" + party + "' sum to " + sum.to_string() + ", not 1");
  }
}

}  // namespace

PartyMapping parse_party_mapping(const CsvTable& table) {
  const std::size_t poll_column = table.require_column("poll_party");
  const std::size_t base_column = table.require_column("base_party");
  const std::size_t weight_column = table.require_column("weight");
  PartyMapping mapping;
  mapping.source = table.source;
  for (const CsvRow& row : table.rows) {
    try {
      const std::string& poll_party = row.fields[poll_column];
      if (poll_party.empty()) throw Error("the row names no poll_party");
      MappingTarget target = parse_target(row.fields[base_column], row.fields[weight_column], row.line);
      std::vector<MappingTarget>& targets = mapping.entries[poll_party];
      for (const MappingTarget& earlier : targets)
        if (earlier.base_party == target.base_party)
          throw Error("'" + poll_party + "' -> '" + target.base_party + "' is already mapped on line " +
                      std::to_string(earlier.line));
      targets.push_back(std::move(target));
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
  }
  check_weight_sums(mapping);
  return mapping;
}

PartyMapping read_party_mapping(const std::string& path) {
  return parse_party_mapping(parse_csv(read_text_file(path), path, {}, {"poll_party", "base_party", "weight"}));
}

std::vector<MappingTarget> resolve_poll_party(const PollShare& share, const std::string& poll_source,
                                              const PartyMapping* mapping,
                                              const std::vector<std::string>& base_parties) {
  const auto is_base = [&](const std::string& name) {
    return std::find(base_parties.begin(), base_parties.end(), name) != base_parties.end();
  };
  if (mapping) {
    const auto it = mapping->entries.find(share.party);
    if (it != mapping->entries.end()) {
      for (const MappingTarget& target : it->second)
        if (!target.new_list && !is_base(target.base_party))
          throw Error(mapping->source, target.line,
                      "no list '" + target.base_party + "' in the base election" +
                          did_you_mean(target.base_party, base_parties) + " (write new:NAME for a new list)");
      return it->second;
    }
  }
  if (is_base(share.party)) return {MappingTarget{share.party, Rational(1), false, 0}};
  std::vector<std::string> known = base_parties;
  if (mapping)
    for (const auto& [party, targets] : mapping->entries) known.push_back(party);
  throw Error(poll_source, share.line,
              "poll party '" + share.party + "' is neither mapped nor a list of the base election" +
                  did_you_mean(share.party, known));
}

}  // namespace seatsim
