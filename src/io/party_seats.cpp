// Published seats per party over the whole election (seatsim/io/party_seats.hpp).
#include "seatsim/io/party_seats.hpp"

#include <map>
#include <string_view>

#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/votes_file.hpp"

namespace seatsim {
namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

}  // namespace

std::vector<PublishedPartySeats> read_party_seats(const std::string& path, std::vector<InputFile>& files,
                                                  const CsvOptions& options) {
  const CsvTable table = read_csv_file(path, files, options, {"party", "published_seats"});
  const std::size_t party_col = table.require_column("party");
  const std::size_t seats_col = table.require_column("published_seats");
  std::vector<PublishedPartySeats> out;
  std::map<std::string, std::size_t> seen;
  for (const CsvRow& row : table.rows) {
    PublishedPartySeats entry;
    entry.party = trimmed(row.fields[party_col]);
    entry.line = row.line;
    if (entry.party.empty()) throw Error(table.source, row.line, "party is empty");
    entry.seats = parse_count(trimmed(row.fields[seats_col]), max_seats, "published_seats", table.source, row.line);
    if (const auto [it, fresh] = seen.emplace(entry.party, row.line); !fresh)
      throw Error(table.source, row.line,
                  "duplicate party '" + entry.party + "' (first on line " + std::to_string(it->second) + ")");
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace seatsim
