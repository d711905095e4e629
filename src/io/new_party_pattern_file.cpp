#include "seatsim/io/new_party_pattern_file.hpp"

#include <map>
#include <set>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim {

NewPartyPattern parse_new_party_pattern(const CsvTable& table) {
  const std::size_t party_column = table.require_column("party");
  const std::size_t district_column = table.require_column("district");
  const std::size_t weight_column = table.require_column("weight");
  NewPartyPattern pattern;
  pattern.source = table.source;
  std::set<std::pair<std::string, std::string>> seen;
  std::map<std::string, std::pair<Rational, std::size_t>> totals;  // party -> weight sum, first line
  for (const CsvRow& row : table.rows) {
    try {
      const std::string& party = row.fields[party_column];
      const std::string& district = row.fields[district_column];
      const std::string& text = row.fields[weight_column];
      if (party.empty() || district.empty()) throw Error("the row names no party or no district");
      if (text.find('/') != std::string::npos) throw Error("weight '" + text + "' is not a decimal");
      const Rational weight = parse_rational(text);
      if (weight < Rational(0)) throw Error("weight '" + text + "' is negative");
      if (!seen.emplace(party, district).second)
        throw Error("the weight of '" + party + "' in '" + district + "' is given twice");
      auto& total = totals.try_emplace(party, Rational(0), row.line).first->second;
      total.first = total.first + weight;
      pattern.rows.push_back({party, district, weight, row.line});
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
  }
  for (const auto& [party, total] : totals)
    if (total.first.is_zero())
      throw Error(table.source, total.second, "every weight of '" + party + "' is 0 (it would get no votes anywhere)");
  return pattern;
}

NewPartyPattern read_new_party_pattern_file(const std::string& path) {
  return parse_new_party_pattern(parse_csv(read_text_file(path), path, {}, {"party", "district", "weight"}));
}

}  // namespace seatsim
