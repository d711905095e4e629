#include "seatsim/render/projection_report.hpp"

#include <cstdio>

namespace seatsim {
namespace {

Cell fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return Cell::number(text);
}

Cell integer(std::int64_t value) { return Cell(static_cast<long long>(value)); }

// A threshold's name as a column: "4% leveling" -> "p_pass_4%_leveling".
std::string pass_column(const std::string& name) {
  std::string column = "p_pass_" + name;
  for (char& c : column)
    if (c == ' ') c = '_';
  return column;
}

Table party_table(const ProjectionResult& result) {
  Table table;
  table.columns = {"party", "base_share", "poll_share", "base_seats", "seats"};
  const bool draws = result.draws > 0;
  if (draws) {
    for (const char* column : {"mean", "median", "lo80", "hi80", "lo90", "hi90", "lo95", "hi95", "lo99", "hi99"})
      table.columns.push_back(column);
    for (const std::string& name : result.threshold_names) table.columns.push_back(pass_column(name));
  }
  for (const ProjectedParty& party : result.parties) {
    std::vector<Cell> row = {party.name, fixed(100 * party.base_share, 3), fixed(100 * party.pooled_share, 3),
                             integer(party.base_seats), integer(party.point_seats)};
    if (draws) {
      row.push_back(fixed(party.mean, 3));
      row.push_back(integer(party.median));
      for (const auto& [lower, upper] : party.intervals) {
        row.push_back(integer(lower));
        row.push_back(integer(upper));
      }
      for (const double p : party.pass_probability) row.push_back(fixed(p, 4));
    }
    table.add(std::move(row));
  }
  table.rank_by = {"seats"};
  return table;
}

Table coalition_table(const ProjectionResult& result) {
  Table table;
  table.columns = {"coalition", "parties", "seats"};
  const bool draws = result.draws > 0;
  if (draws) table.columns.insert(table.columns.end(), {"mean", "p_majority", "p_majority_exclusive"});
  for (const ProjectedCoalition& coalition : result.coalitions) {
    std::string parties;
    for (const std::string& party : coalition.parties) parties += (parties.empty() ? "" : "+") + party;
    std::vector<Cell> row = {coalition.name, parties, integer(coalition.point_seats)};
    if (draws) {
      row.push_back(fixed(coalition.mean, 3));
      row.push_back(fixed(coalition.majority, 4));
      row.push_back(fixed(coalition.exclusive_majority, 4));
    }
    table.add(std::move(row));
  }
  table.wrap = {"parties"};
  return table;
}

Table district_table(const Election& base, const ProjectionResult& result) {
  Table table;
  table.columns = {"district", "party", "base_votes", "votes", "base_seats", "seats"};
  const bool draws = result.draws > 0;
  if (draws) table.columns.insert(table.columns.end(), {"mean", "p_more", "p_fewer"});
  for (std::size_t d = 0; d < result.projected.districts.size(); ++d) {
    const District& district = result.projected.districts[d];
    for (std::size_t j = 0; j < district.lists.size(); ++j) {
      const std::int64_t base_votes = j < base.districts[d].lists.size() ? base.districts[d].lists[j].votes : 0;
      const ProjectedList& list = result.lists[d][j];
      std::vector<Cell> row = {district.name,
                               district.lists[j].party,
                               integer(base_votes),
                               integer(district.lists[j].votes),
                               integer(list.base_seats),
                               integer(result.point.seats(d, j))};
      if (draws) {
        row.push_back(fixed(list.mean, 3));
        row.push_back(fixed(list.more, 4));
        row.push_back(fixed(list.fewer, 4));
      }
      table.add(std::move(row));
    }
  }
  table.group_by = {"district"};
  table.rank_by = {"votes"};
  return table;
}

Table histogram_table(const ProjectionResult& result) {
  Table table;
  table.columns = {"party", "seats", "count", "probability"};
  for (const ProjectedParty& party : result.parties)
    for (std::size_t k = 0; k < party.seat_counts.size(); ++k)
      table.add({party.name, integer(static_cast<std::int64_t>(k)),
                 Cell(static_cast<unsigned long>(party.seat_counts[k])),
                 fixed(static_cast<double>(party.seat_counts[k]) / static_cast<double>(result.draws), 6)});
  return table;
}

}  // namespace

ProjectionTables projection_tables(const Election& base, const ProjectionResult& result) {
  return {party_table(result), coalition_table(result), district_table(base, result), histogram_table(result)};
}

void describe_projection(Meta& meta, const std::string& polls, const ProjectionOptions& options,
                         const ProjectionResult& result) {
  meta.seed = options.seed;
  meta.extra["polls"] = polls;
  meta.extra["swing"] = options.swing.text;
  meta.extra["swing_model"] = options.swing.describe();
  meta.extra["draws"] = options.draws;
  meta.extra["effective_sample_size"] = result.effective_sample_size;
  meta.extra["coalitions"] = options.coalitions;
  // The swing's optional parts, named only where given, so that a plain projection's meta stays as it was.
  if (options.regions) meta.extra["regions"] = options.regions->source;
  if (options.regional_error) meta.extra["regional_error"] = true;
  if (options.new_party_pattern) meta.extra["new_party_pattern"] = options.new_party_pattern->source;
  if (options.turnout.text != "unchanged") meta.extra["turnout"] = options.turnout.describe();
}

Json projection_document(const Meta& meta, const ProjectionTables& tables, const ProjectionResult& result,
                         const std::vector<std::string>& reading_warnings) {
  Json json;
  json["meta"] = meta.to_json();
  json["parties"] = to_records(tables.parties);
  json["coalitions"] = to_records(tables.coalitions);
  json["districts"] = to_records(tables.districts);
  json["histogram"] = to_records(tables.histogram);
  Json effects = Json::array();
  for (const HouseEffect& effect : result.house_effects)
    effects.push_back(
        {{"pollster", effect.pollster}, {"party", effect.party}, {"points", effect.points}, {"given", effect.given}});
  json["house_effects"] = effects;
  std::vector<std::string> warnings = reading_warnings;
  warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
  json["warnings"] = warnings;
  json["notes"] = result.point.notes;
  return json;
}

}  // namespace seatsim
