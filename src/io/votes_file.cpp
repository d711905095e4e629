#include "seatsim/votes_file.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "seatsim/error.hpp"

namespace seatsim {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

std::optional<std::int64_t> optional_count(const CsvRow& row, std::optional<std::size_t> column, std::int64_t limit,
                                           const std::string& what, const std::string& file) {
  if (!column) return std::nullopt;
  const std::string text = trim(row.fields[*column]);
  if (text.empty()) return std::nullopt;
  return parse_count(text, limit, what, file, row.line);
}

}  // namespace

std::int64_t parse_count(std::string_view text, std::int64_t limit, const std::string& what, const std::string& file,
                         std::size_t line) {
  const std::string shown(text);
  if (text.empty()) throw Error(file, line, what + " is empty");
  if (text.front() == '-' && text.size() > 1 &&
      std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw Error(file, line, what + " '" + shown + "' is negative");
  if (!std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw Error(file, line, what + " '" + shown + "' is not a whole number");
  if (text.size() > 18)
    throw Error(file, line, what + " '" + shown + "' exceeds the limit of " + std::to_string(limit));
  std::int64_t value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  if (value > limit) throw Error(file, line, what + " '" + shown + "' exceeds the limit of " + std::to_string(limit));
  return value;
}

Election read_votes(const CsvTable& table) {
  const std::string& file = table.source;
  const std::optional<std::size_t> district_col = table.column("district");
  const std::size_t party_col = table.require_column("party");
  const std::size_t votes_col = table.require_column("votes");
  const std::optional<std::size_t> published_col = table.column("published_seats");
  const std::optional<std::size_t> district_seats_col = table.column("district_seats");
  const std::optional<std::size_t> leveling_col = table.column("leveling_seats");
  const std::optional<std::size_t> quota_col = table.column("quota");
  if (table.rows.empty()) throw Error(file, 1, "no lists: the file has a header but no rows");

  Election election;
  election.source = file;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::unordered_map<std::string, std::size_t>> seen;  // party -> line, per district
  for (const CsvRow& row : table.rows) {
    const std::string district = district_col ? trim(row.fields[*district_col]) : std::string();
    const std::string party = trim(row.fields[party_col]);
    if (party.empty()) throw Error(file, row.line, "empty party name");
    auto [it, inserted] = index.try_emplace(district, election.districts.size());
    if (inserted) {
      election.districts.push_back(District{district, 0, 0, {}});
      seen.emplace_back();
    }
    District& target = election.districts[it->second];
    if (const auto [previous, fresh] = seen[it->second].try_emplace(party, row.line); !fresh)
      throw Error(file, row.line,
                  "duplicate list '" + party + "'" + (district.empty() ? "" : " in district '" + district + "'") +
                      " (first on line " + std::to_string(previous->second) + ")");
    ListResult list;
    list.party = party;
    list.line = row.line;
    list.votes = parse_count(trim(row.fields[votes_col]), max_votes, "votes", file, row.line);
    list.published_seats = optional_count(row, published_col, max_seats, "published_seats", file);
    list.published_district_seats = optional_count(row, district_seats_col, max_seats, "district_seats", file);
    list.published_leveling_seats = optional_count(row, leveling_col, max_seats, "leveling_seats", file);
    if (!list.published_seats && list.published_district_seats)
      list.published_seats = *list.published_district_seats + list.published_leveling_seats.value_or(0);
    if (quota_col) list.quota_group = trim(row.fields[*quota_col]);
    target.lists.push_back(std::move(list));
  }
  return election;
}

std::map<std::string, SeatTotal> read_seat_totals(const CsvTable& table) {
  const std::size_t district_col = table.require_column("district");
  const std::size_t seats_col = table.require_column("seats");
  const std::optional<std::size_t> reserved_col = table.column("reserved");
  std::map<std::string, SeatTotal> totals;
  for (const CsvRow& row : table.rows) {
    const std::string district = trim(row.fields[district_col]);
    SeatTotal total;
    total.line = row.line;
    total.seats = parse_count(trim(row.fields[seats_col]), max_seats, "seats", table.source, row.line);
    if (reserved_col && !trim(row.fields[*reserved_col]).empty())
      total.reserved = parse_count(trim(row.fields[*reserved_col]), max_seats, "reserved", table.source, row.line);
    if (total.reserved > total.seats)
      throw Error(
          table.source, row.line,
          "reserved seats (" + std::to_string(total.reserved) + ") exceed seats (" + std::to_string(total.seats) + ")");
    if (const auto [it, fresh] = totals.emplace(district, total); !fresh)
      throw Error(table.source, row.line,
                  "duplicate district '" + district + "' (first on line " + std::to_string(it->second.line) + ")");
  }
  return totals;
}

void apply_seat_totals(Election& election, const SeatSources& sources) {
  if (sources.seats) {
    if (election.districts.size() != 1)
      throw Error("--seats applies to a single district, but " + election.source + " has " +
                  std::to_string(election.districts.size()) + " districts (use --seats-file)");
    if (*sources.seats < 0 || *sources.seats > max_seats)
      throw Error("--seats must be between 0 and " + std::to_string(max_seats));
    election.districts.front().seats = *sources.seats;
    return;
  }
  if (sources.seats_file) {
    std::set<std::string> known;
    for (District& district : election.districts) {
      known.insert(district.name);
      const auto it = sources.seats_file->find(district.name);
      if (it == sources.seats_file->end())
        throw Error(election.source, district.lists.empty() ? 0 : district.lists.front().line,
                    "no seat total for district '" + district.name + "': it has no row in " + sources.seats_file_name);
      district.seats = it->second.seats;
      district.reserved = it->second.reserved;
    }
    for (const auto& [name, total] : *sources.seats_file)
      if (known.count(name) == 0)
        throw Error(sources.seats_file_name, total.line, "district '" + name + "' has no votes in " + election.source);
    return;
  }
  for (District& district : election.districts) {
    const bool tiers = std::all_of(district.lists.begin(), district.lists.end(),
                                   [](const ListResult& l) { return l.published_district_seats.has_value(); });
    const bool published = district.has_published();
    if (!tiers && !published)
      throw Error(election.source, district.lists.front().line,
                  "no seat total for district '" + district.name +
                      "': give --seats, --seats-file, or a published_seats column");
    std::int64_t total = 0;
    for (const ListResult& list : district.lists)
      total += tiers ? *list.published_district_seats : *list.published_seats;
    district.seats = total;
  }
}

}  // namespace seatsim
