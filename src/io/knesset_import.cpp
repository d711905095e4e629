// seatsim import knesset (seatsim/io/knesset_import.hpp). No number of the data set is computed but the sum
// of a letter's column; every other number is copied, and every check becomes one line of QUALITY.md.
#include "seatsim/io/knesset_import.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "seatsim/core/error.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/utf8.hpp"

namespace seatsim {
namespace {

// The columns before the first ballot letter, the last of which holds the locality's valid votes.
const std::vector<std::string> expc_fixed = {"סמל ועדה", "שם ישוב", "סמל ישוב", "בזב", "מצביעים", "פסולים", "כשרים"};

std::int64_t whole_number(const std::string& text, const std::string& source, std::size_t line) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0)
    throw Error(source, line, "'" + text + "' is not a whole number of votes");
  return value;
}

struct LetterVotes {
  std::vector<std::string> letters;  // in the file's order
  std::map<std::string, std::int64_t> votes;
  std::int64_t valid = 0;  // the sum of כשרים
  std::size_t localities = 0;
  std::vector<std::string> findings;
};

LetterVotes sum_letters(const SourceText& expc) {
  const CsvTable table = parse_csv(expc.text, expc.name, {}, expc_fixed);
  const std::size_t valid_column = table.require_column("כשרים");
  LetterVotes out;
  for (std::size_t c = valid_column + 1; c < table.header.size(); ++c) out.letters.push_back(table.header[c]);
  for (const CsvRow& row : table.rows) {
    const std::int64_t valid = whole_number(row.fields[valid_column], expc.name, row.line);
    std::int64_t letters = 0;
    for (std::size_t c = valid_column + 1; c < table.header.size(); ++c) {
      const std::int64_t v = whole_number(row.fields[c], expc.name, row.line);
      out.votes[table.header[c]] += v;
      letters += v;
    }
    if (letters != valid)
      out.findings.push_back(expc.name + " line " + std::to_string(row.line) + ": the letters add up to " +
                             std::to_string(letters) + ", valid votes " + std::to_string(valid));
    out.valid += valid;
    ++out.localities;
  }
  return out;
}

struct ListName {
  std::string party;
  std::string seats;
};

std::map<std::string, ListName> read_lists(const SourceText& lists, const LetterVotes& votes) {
  const CsvTable table = parse_csv(lists.text, lists.name, {}, {"letter", "party", "published_seats"});
  const std::size_t letter = table.require_column("letter"), party = table.require_column("party"),
                    seats = table.require_column("published_seats");
  std::map<std::string, ListName> names;
  for (const CsvRow& row : table.rows) {
    if (!votes.votes.contains(row.fields[letter]))
      throw Error(lists.name, row.line, "no ballot letter '" + row.fields[letter] + "' in the votes file");
    (void)whole_number(row.fields[seats], lists.name, row.line);
    if (!names.emplace(row.fields[letter], ListName{row.fields[party], row.fields[seats]}).second)
      throw Error(lists.name, row.line, "ballot letter '" + row.fields[letter] + "' is named twice");
  }
  return names;
}

// The `"A": "B"` pairs of the agreements file, with their lines.
struct Agreement {
  std::string first, second;
  std::size_t line;
};

// `"A": "B",` (spaces anywhere, the comma optional): a line of SurplusAgreement.py's dictionary. Read by
// hand, not with <regex>: GCC 12 warns inside <regex> under the sanitizers, and warnings are errors.
std::optional<std::pair<std::string, std::string>> quoted_pair(std::string_view line) {
  std::size_t at = 0;
  const auto skip_spaces = [&] {
    while (at < line.size() && std::isspace(static_cast<unsigned char>(line[at]))) ++at;
  };
  const auto quoted = [&]() -> std::optional<std::string> {
    skip_spaces();
    if (at >= line.size() || line[at] != '"') return std::nullopt;
    const std::size_t close = line.find('"', at + 1);
    if (close == std::string_view::npos || close == at + 1) return std::nullopt;
    std::string text(line.substr(at + 1, close - at - 1));
    at = close + 1;
    return text;
  };
  const auto symbol = [&](char c) {
    skip_spaces();
    if (at >= line.size() || line[at] != c) return false;
    ++at;
    return true;
  };
  auto first = quoted();
  if (!first || !symbol(':')) return std::nullopt;
  auto second = quoted();
  if (!second) return std::nullopt;
  symbol(',');
  skip_spaces();
  if (at != line.size()) return std::nullopt;
  return std::pair{std::move(*first), std::move(*second)};
}

std::vector<Agreement> read_agreements(const SourceText& agreements) {
  require_clean_text(agreements.text, agreements.name);
  std::vector<Agreement> pairs;
  std::size_t line = 0, start = 0;
  while (start <= agreements.text.size()) {
    const std::size_t end = std::min(agreements.text.find('\n', start), agreements.text.size());
    ++line;
    if (auto pair = quoted_pair(std::string_view(agreements.text).substr(start, end - start)))
      pairs.push_back({std::move(pair->first), std::move(pair->second), line});
    start = end + 1;
  }
  if (pairs.empty()) throw Error(agreements.name, 0, "no \"LETTER\": \"LETTER\" pair: not a surplus agreements file");
  return pairs;
}

std::string name_of(const std::map<std::string, ListName>& names, const std::string& letter) {
  const auto it = names.find(letter);
  return it == names.end() ? letter : it->second.party;
}

std::string alliances_csv(const std::vector<Agreement>& pairs, const std::map<std::string, ListName>& names,
                          const LetterVotes& votes, const std::string& source) {
  std::string csv = "district,alliance,party\n";
  for (const Agreement& pair : pairs) {
    for (const std::string& letter : {pair.first, pair.second})
      if (!votes.votes.contains(letter))
        throw Error(source, pair.line, "no ballot letter '" + letter + "' in the votes file");
    const std::string alliance = name_of(names, pair.first) + " + " + name_of(names, pair.second);
    for (const std::string& letter : {pair.first, pair.second})
      csv += "," + csv_escape(alliance) + "," + csv_escape(name_of(names, letter)) + "\n";
  }
  return csv;
}

std::string source_line(const SourceText& source) {
  return "- `" + source.name + "` (sha256 `" + sha256_hex(source.text) + "`)";
}

std::string quality_report(const SourceText& expc, const SourceText& lists, const SourceText& agreements,
                           const LetterVotes& votes, std::size_t named, std::size_t pairs, std::int64_t seats) {
  std::string out =
      "# Quality report: Knesset election\n\nWritten by `seatsim import knesset`; regenerated by every "
      "import. Nothing listed here was corrected: the data set keeps the published numbers.\n\n"
      "## Sources\n\n";
  out += source_line(expc) + ": " + std::to_string(votes.localities) + " localities, " +
         std::to_string(votes.letters.size()) + " ballot letters, valid votes (כשרים) " + std::to_string(votes.valid) +
         "\n";
  out += source_line(lists) + ": " + std::to_string(named) + " letters named; published seats add up to " +
         std::to_string(seats) + " (the letters it does not name keep their letter and published 0 seats)\n";
  out += source_line(agreements) + ": " + std::to_string(pairs) + " surplus agreements\n";
  out += "\n## Inconsistencies found (" + std::to_string(votes.findings.size()) + ")\n\n";
  if (votes.findings.empty()) out += "None.\n";
  for (const std::string& finding : votes.findings) out += "- " + finding + "\n";
  out += "\n## Checks that passed\n\n";
  out += "- " + std::to_string(votes.localities - votes.findings.size()) + " of " + std::to_string(votes.localities) +
         " localities: the ballot letters add up to the valid votes (כשרים)\n";
  return out;
}

}  // namespace

ImportedDataSet import_knesset(const SourceText& expc, const SourceText& lists, const SourceText& agreements,
                               const std::optional<SourceText>& manifest, const std::optional<SourceText>& provenance) {
  // What is copied into the data set as text must read back: no control characters, UTF-8 only.
  for (const auto* text : {&manifest, &provenance})
    if (*text) require_clean_text((*text)->text, (*text)->name);
  const LetterVotes votes = sum_letters(expc);
  const std::map<std::string, ListName> names = read_lists(lists, votes);
  const std::vector<Agreement> pairs = read_agreements(agreements);
  ImportedDataSet data;
  std::string results = "district,party,votes,published_seats\n";
  for (const std::string& letter : votes.letters) {
    const auto named = names.find(letter);
    const std::string seats = named == names.end() ? "0" : named->second.seats;
    results += "Israel," + csv_escape(name_of(names, letter)) + "," + std::to_string(votes.votes.at(letter)) + "," +
               seats + "\n";
    data.seats += whole_number(seats, lists.name, 0);
  }
  data.files["results.csv"] = results;
  data.files["alliances.csv"] = alliances_csv(pairs, names, votes, agreements.name);
  data.files["election.toml"] = "# Written by `seatsim import knesset` from " + expc.name + ", " + lists.name +
                                " and " + agreements.name + (manifest ? ", with the manifest " + manifest->name : "") +
                                ". Do not edit here: edit the sources and re-import.\n" +
                                (manifest ? manifest->text : std::string());
  data.files["QUALITY.md"] = quality_report(expc, lists, agreements, votes, names.size(), pairs.size(), data.seats);
  if (provenance) data.files["QUALITY.md"] += "\n## Provenance (" + provenance->name + ")\n\n" + provenance->text;
  data.districts = 1;
  data.lists = votes.letters.size();
  data.findings = votes.findings.size();
  return data;
}

}  // namespace seatsim
