#include "seatsim/io/constituencies_file.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/votes_file.hpp"

namespace seatsim {
namespace {

struct Columns {
  std::size_t constituency, region, winner;
  std::optional<std::size_t> winner_votes, valid_votes;
};

std::vector<std::string> district_names(const Election& election) {
  std::vector<std::string> names;
  for (const District& district : election.districts) names.push_back(district.name);
  return names;
}

std::vector<std::string> party_names(const Election& election) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      if (seen.insert(list.party).second) names.push_back(list.party);
  return names;
}

// The winner as written: a party of the list votes, or `independent:NAME`.
void read_winner(const std::string& text, const std::vector<std::string>& parties, ConstituencyResult& out) {
  if (text.rfind(independent_prefix, 0) == 0) {
    out.independent = true;
    out.winner = text.substr(independent_prefix.size());
    if (out.winner.empty()) throw Error("an independent winner needs a name: 'independent:NAME'");
    return;
  }
  if (text.empty()) throw Error("the row names no winner");
  if (std::find(parties.begin(), parties.end(), text) == parties.end())
    throw Error("winner '" + text + "' is no party of the list votes" + did_you_mean(text, parties) +
                "; write 'independent:" + text + "' for a candidate without a party");
  out.winner = text;
}

std::optional<std::int64_t> read_votes(const CsvRow& row, std::optional<std::size_t> column, const char* what,
                                       const std::string& file) {
  if (!column || row.fields[*column].empty()) return std::nullopt;
  return parse_count(row.fields[*column], max_votes, what, file, row.line);
}

void check_votes(const ConstituencyResult& c) {
  if (c.winner_votes.has_value() != c.valid_votes.has_value())
    throw Error("give both winner_votes and valid_votes, or neither");
  if (c.valid_votes && *c.winner_votes > *c.valid_votes)
    throw Error("winner_votes (" + std::to_string(*c.winner_votes) + ") exceed valid_votes (" +
                std::to_string(*c.valid_votes) + ")");
  if (c.valid_votes && *c.valid_votes == 0) throw Error("valid_votes is 0: a winner needs votes");
}

}  // namespace

void attach_constituencies(const CsvTable& table, Election& election) {
  const Columns columns{table.require_column("constituency"), table.require_column("region"),
                        table.require_column("winner"), table.column("winner_votes"), table.column("valid_votes")};
  const std::vector<std::string> regions = district_names(election);
  const std::vector<std::string> parties = party_names(election);
  std::map<std::string, std::size_t> first_line;
  std::vector<ConstituencyResult> constituencies;
  for (const CsvRow& row : table.rows) {
    ConstituencyResult c;
    c.line = row.line;
    c.name = row.fields[columns.constituency];
    c.region = row.fields[columns.region];
    try {
      if (c.name.empty()) throw Error("the row names no constituency");
      const auto [it, added] = first_line.emplace(c.name, row.line);
      if (!added)
        throw Error("constituency '" + c.name + "' has a second winner (first on line " + std::to_string(it->second) +
                    "): one winner per constituency");
      if (std::find(regions.begin(), regions.end(), c.region) == regions.end())
        throw Error("no region '" + c.region + "' among the districts of the list votes" +
                    did_you_mean(c.region, regions));
      read_winner(row.fields[columns.winner], parties, c);
      c.winner_votes = read_votes(row, columns.winner_votes, "winner_votes", table.source);
      c.valid_votes = read_votes(row, columns.valid_votes, "valid_votes", table.source);
      check_votes(c);
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
    constituencies.push_back(std::move(c));
  }
  election.constituencies = std::move(constituencies);
  election.constituencies_source = table.source;
}

void read_constituencies_file(const std::string& path, Election& election, std::vector<InputFile>& files,
                              const CsvOptions& options) {
  attach_constituencies(read_csv_file(path, files, options, {"constituency", "region", "winner"}), election);
}

}  // namespace seatsim
