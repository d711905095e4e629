#include "seatsim/io/house_effects_file.hpp"

#include "seatsim/core/error.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim {

HouseEffects parse_house_effects(const CsvTable& table) {
  const std::size_t pollster_column = table.require_column("pollster");
  const std::size_t party_column = table.require_column("party");
  const std::size_t points_column = table.require_column("points");
  HouseEffects effects;
  for (const CsvRow& row : table.rows) {
    try {
      const std::string& pollster = row.fields[pollster_column];
      const std::string& party = row.fields[party_column];
      const std::string& points = row.fields[points_column];
      if (pollster.empty() || party.empty()) throw Error("the row names no pollster or no party");
      if (points.find('/') != std::string::npos) throw Error("points '" + points + "' is not a decimal");
      const double value = parse_rational(points).to_double();
      if (!effects[pollster].emplace(party, value).second)
        throw Error("the house effect of '" + pollster + "' on '" + party + "' is given twice");
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
  }
  return effects;
}

HouseEffects read_house_effects_file(const std::string& path) {
  return parse_house_effects(parse_csv(read_text_file(path), path, {}, {"pollster", "party", "points"}));
}

}  // namespace seatsim
