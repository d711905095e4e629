// The Riksdag importer (riksdag_import.hpp): strict reading of the JSON, every stated sum checked.
#include "seatsim/io/riksdag_import.hpp"

#include <cstdint>
#include <map>
#include <vector>

#include "seatsim/core/error.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/utf8.hpp"
#include "seatsim/kernel/quotient.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

using Counts = std::map<std::string, std::int64_t>;

struct Constituency {
  std::string name;
  std::int64_t fixed_seats = 0, valid_votes = 0;
  std::vector<std::pair<std::string, std::int64_t>> votes;  // in the file's order
  Counts fixed, adjustment;
};

struct Riksdag {
  std::int64_t year = 0, total_seats = 0, valid_votes = 0;
  Counts national_votes, official_total;
  std::vector<Constituency> constituencies;
};

const Json& member(const Json& object, const std::string& key, const std::string& file) {
  if (!object.is_object() || !object.contains(key)) throw Error(file, 0, "missing key '" + key + "'");
  return object[key];
}

std::int64_t count(const Json& value, const std::string& what, const std::string& file) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0)
    throw Error(file, 0, what + ": expected a whole non-negative number");
  return value.get<std::int64_t>();
}

Counts counts(const Json& object, const std::string& what, const std::string& file) {
  if (!object.is_object()) throw Error(file, 0, what + ": expected an object of party counts");
  Counts out;
  for (const auto& [party, value] : object.items()) out[party] = count(value, what + "." + party, file);
  return out;
}

Constituency read_constituency(const Json& c, const std::string& file) {
  Constituency out;
  if (!member(c, "name", file).is_string()) throw Error(file, 0, "constituency name: expected text");
  out.name = c["name"].get<std::string>();
  const std::string at = "constituency '" + out.name + "'";
  out.fixed_seats = count(member(c, "fixed_seats", file), at + " fixed_seats", file);
  out.valid_votes = count(member(c, "valid_votes", file), at + " valid_votes", file);
  for (const auto& [party, value] : member(c, "votes", file).items())
    out.votes.emplace_back(party, count(value, at + " votes." + party, file));
  out.fixed = counts(member(c, "official_fixed", file), at + " official_fixed", file);
  out.adjustment = counts(member(c, "official_adjustment", file), at + " official_adjustment", file);
  for (const Counts* seats : {&out.fixed, &out.adjustment})
    for (const auto& [party, n] : *seats) {
      bool listed = false;
      for (const auto& [name, votes] : out.votes) listed = listed || name == party;
      if (!listed) throw Error(file, 0, at + ": seats for '" + party + "', which has no votes there");
    }
  return out;
}

// Names are copied into the data set: a control character, raw or written as a JSON escape ("\u0001"),
// would make it unreadable by seatsim itself.
void require_clean_strings(const Json& json, const std::string& source) {
  const auto check = [&](const std::string& text) {
    unsigned char previous = 0;
    for (const char byte : text) {
      const auto c = static_cast<unsigned char>(byte);
      if (is_refused_control(previous, c))
        throw Error(source, 0,
                    control_character_text(c) + " in '" + text.substr(0, text.find(byte)) +
                        "...': seatsim refuses NUL bytes and terminal escapes in its input");
      previous = c;
    }
  };
  if (json.is_string()) check(json.get<std::string>());
  if (json.is_object())
    for (const auto& [key, value] : json.items()) {
      check(key);
      require_clean_strings(value, source);
    }
  if (json.is_array())
    for (const Json& item : json) require_clean_strings(item, source);
}

Riksdag read_riksdag(const SourceText& source) {
  require_clean_text(source.text, source.name);
  Json doc;
  try {
    doc = Json::parse(source.text);
  } catch (const Json::exception& e) {
    throw Error(source.name, 0, std::string("not JSON: ") + e.what());
  }
  require_clean_strings(doc, source.name);
  Riksdag r;
  r.year = count(member(doc, "year", source.name), "year", source.name);
  r.total_seats = count(member(doc, "total_seats", source.name), "total_seats", source.name);
  r.valid_votes = count(member(doc, "valid_votes", source.name), "valid_votes", source.name);
  r.national_votes = counts(member(doc, "national_votes", source.name), "national_votes", source.name);
  r.official_total = counts(member(doc, "official_total", source.name), "official_total", source.name);
  const Json& list = member(doc, "constituencies", source.name);
  if (!list.is_array() || list.empty()) throw Error(source.name, 0, "constituencies: expected a non-empty list");
  for (const Json& c : list) r.constituencies.push_back(read_constituency(c, source.name));
  return r;
}

std::int64_t sum(const Counts& counts) {
  std::int64_t total = 0;
  for (const auto& [party, n] : counts) total += n;
  return total;
}

std::string thousands(std::int64_t n) { return group_thousands(n); }

// One check: a line under "passed" or under "inconsistencies".
struct Report {
  std::vector<std::string> passed, faults;
  void check(bool ok, const std::string& line) { (ok ? passed : faults).push_back(line); }
};

void check_constituencies(const Riksdag& r, Report& report) {
  std::int64_t fixed = 0, adjustment = 0;
  for (const Constituency& c : r.constituencies) {
    std::int64_t votes = 0;
    for (const auto& [party, n] : c.votes) votes += n;
    report.check(votes == c.valid_votes, c.name + ": the parties' votes add up to " + thousands(votes) +
                                             ", valid_votes says " + thousands(c.valid_votes));
    report.check(sum(c.fixed) == c.fixed_seats, c.name + ": official_fixed adds up to " + std::to_string(sum(c.fixed)) +
                                                    ", fixed_seats says " + std::to_string(c.fixed_seats));
    fixed += c.fixed_seats;
    adjustment += sum(c.adjustment);
  }
  report.check(fixed + adjustment == r.total_seats, "fixed seats " + std::to_string(fixed) + " + adjustment seats " +
                                                        std::to_string(adjustment) + " = total_seats " +
                                                        std::to_string(r.total_seats));
}

void check_national(const Riksdag& r, Report& report) {
  Counts votes, seats;
  for (const Constituency& c : r.constituencies) {
    for (const auto& [party, n] : c.votes) votes[party] += n;
    for (const auto& [party, n] : c.fixed) seats[party] += n;
    for (const auto& [party, n] : c.adjustment) seats[party] += n;
  }
  report.check(votes == r.national_votes, "every party's votes over the constituencies equal national_votes (" +
                                              std::to_string(r.national_votes.size()) + " parties)");
  report.check(sum(votes) == r.valid_votes, "the constituencies' party votes add up to " + thousands(sum(votes)) +
                                                ", valid_votes says " + thousands(r.valid_votes));
  report.check(seats == r.official_total, "every party's fixed and adjustment seats equal official_total (" +
                                              std::to_string(sum(r.official_total)) + " seats)");
}

std::string results_csv(const Riksdag& r) {
  std::string out = "district,party,votes,district_seats,leveling_seats\n";
  for (const Constituency& c : r.constituencies)
    for (const auto& [party, votes] : c.votes) {
      const auto fixed = c.fixed.find(party), adjustment = c.adjustment.find(party);
      out += csv_escape(c.name) + "," + csv_escape(party) + "," + std::to_string(votes) + "," +
             std::to_string(fixed == c.fixed.end() ? 0 : fixed->second) + "," +
             std::to_string(adjustment == c.adjustment.end() ? 0 : adjustment->second) + "\n";
    }
  return out;
}

std::string districts_csv(const Riksdag& r) {
  std::string out = "district,seats,reserved\n";
  for (const Constituency& c : r.constituencies)
    out += csv_escape(c.name) + "," + std::to_string(c.fixed_seats) + ",0\n";
  return out;
}

std::string quality_md(const Riksdag& r, const SourceText& source, const Report& report) {
  std::string out = "# Quality report: Riksdag election " + std::to_string(r.year) +
                    "\n\nWritten by `seatsim import riksdag`; regenerated by every import. Nothing listed here "
                    "was corrected: the data set keeps the published numbers.\n\n## Sources\n\n- `" +
                    source.name + "` (sha256 `" + sha256_hex(source.text) +
                    "`): " + std::to_string(r.constituencies.size()) + " constituencies, " +
                    std::to_string(r.total_seats) + " seats\n\n## Inconsistencies found (" +
                    std::to_string(report.faults.size()) + ")\n\n";
  if (report.faults.empty()) out += "None.\n";
  for (const std::string& line : report.faults) out += "- " + line + "\n";
  out += "\n## Checks that passed (" + std::to_string(report.passed.size()) + ")\n\n";
  for (const std::string& line : report.passed) out += "- " + line + "\n";
  return out;
}

void check_manifest(const SourceText& manifest) {
  const toml_reading::Document doc = toml_reading::parse(manifest.name, manifest.text);
  toml_reading::reject_unknown_keys(
      doc, doc.root, {"name", "date", "source", "rule_source", "rule_evidence", "caveats", "system", "rule"},
      manifest.name);
}

}  // namespace

ImportedDataSet import_riksdag(const SourceText& json, const SourceText& manifest) {
  check_manifest(manifest);
  const Riksdag r = read_riksdag(json);
  Report report;
  check_constituencies(r, report);
  check_national(r, report);
  ImportedDataSet data;
  data.files["results.csv"] = results_csv(r);
  data.files["districts.csv"] = districts_csv(r);
  data.files["election.toml"] = "# Written by `seatsim import riksdag` from " + json.name + ", with the manifest " +
                                manifest.name +
                                " (copied below). Do not edit here: edit the manifest and "
                                "re-import.\n" +
                                manifest.text;
  data.files["QUALITY.md"] = quality_md(r, json, report);
  data.districts = r.constituencies.size();
  for (const Constituency& c : r.constituencies) data.lists += c.votes.size();
  data.seats = r.total_seats;
  data.findings = report.faults.size();
  return data;
}

}  // namespace seatsim
