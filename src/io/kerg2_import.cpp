// The kerg2 importer: the Bundeswahlleiterin's flat results file (and a seats table) into a data
// set of the national upper apportionment. Reading is strict (a count that is not a number, a row
// with the wrong number of fields, an unknown party id stop the import with the file's line);
// checking is exhaustive (every sum the sources state is recomputed, and each disagreement becomes
// one line of QUALITY.md). No number of the data set is computed: the seat total is the sum the
// seats table's national rows give, and it is checked against the Länder rows.
#include "seatsim/io/kerg2_import.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "seatsim/core/error.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/utf8.hpp"
#include "seatsim/kernel/quotient.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

// The one district of the upper apportionment.
const std::string national_district = "Deutschland";

// wahlwerk-data's party ids and the group names kerg2.csv of 2025 gives the same parties. Names,
// not numbers: a party id missing here stops the import, so nothing is matched by guessing.
const std::map<std::string, std::string, std::less<>> kerg2_name_of_party_id = {
    {"afd", "AfD"},      {"bsw", "BSW"},         {"cdu", "CDU"}, {"csu", "CSU"}, {"fdp", "FDP"},
    {"gruene", "GRÜNE"}, {"linke", "Die Linke"}, {"spd", "SPD"}, {"ssw", "SSW"}};

std::string votes_text(std::int64_t votes) { return group_thousands(votes) + " votes"; }
std::string seats_text(std::int64_t seats) { return std::to_string(seats) + (seats == 1 ? " seat" : " seats"); }
std::string in_quotes(const std::string& name) { return "'" + name + "'"; }
std::string at_line(std::size_t line) { return " (line " + std::to_string(line) + ")"; }

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_escape(fields[i]);
  return line + "\n";
}

// A whole non-negative number as the sources write it (digits only), or nothing for an empty cell.
std::optional<std::int64_t> read_count(std::string_view text, const std::string& file, std::size_t line,
                                       const std::string& what) {
  if (text.empty()) return std::nullopt;
  if (text.size() > 15 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw Error(file, line, what + ": '" + std::string(text) + "' is not a whole number");
  return std::stoll(std::string(text));
}

// ---- kerg2.csv ---------------------------------------------------------------------------------

struct PartyVotes {
  std::string party;
  std::int64_t votes = 0;
  std::size_t line = 0;
};

// The second votes of one area (the Bund or a Land), parties in the file's order.
struct Area {
  std::string number, name;
  std::vector<PartyVotes> parties;
  std::optional<std::int64_t> valid;  // the 'Gültige' row
  std::size_t line = 0, valid_line = 0;

  const PartyVotes* find(const std::string& party) const {
    const auto it = std::find_if(parties.begin(), parties.end(), [&](const PartyVotes& p) { return p.party == party; });
    return it == parties.end() ? nullptr : &*it;
  }
  std::int64_t sum() const {
    std::int64_t total = 0;
    for (const PartyVotes& p : parties) total += p.votes;
    return total;
  }
};

struct Kerg2 {
  std::string date;  // ISO, from Wahltag
  std::optional<Area> bund;
  std::map<std::string, Area> laender;  // by Land key ("01" ... "16")
  std::size_t lines = 0, header_line = 0, rows = 0, area_rows = 0, wahlkreis_rows = 0;
};

struct Kerg2Columns {
  std::size_t count = 0, wahltag = 0, gebietsart = 0, gebietsnummer = 0, gebietsname = 0, gruppenart = 0,
              gruppenname = 0, stimme = 0, anzahl = 0;
};

std::vector<std::string> split_semicolons(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t end; (end = line.find(';', start)) != std::string_view::npos; start = end + 1)
    fields.emplace_back(line.substr(start, end - start));
  fields.emplace_back(line.substr(start));
  return fields;
}

Kerg2Columns read_kerg2_header(const std::vector<std::string>& names, const std::string& file, std::size_t line) {
  const auto find = [&](std::string_view name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw Error(file, line, "no column '" + std::string(name) + "' in the header (is this a kerg2.csv?)");
    return static_cast<std::size_t>(it - names.begin());
  };
  return {names.size(),       find("Wahltag"),     find("Gebietsart"), find("Gebietsnummer"), find("Gebietsname"),
          find("Gruppenart"), find("Gruppenname"), find("Stimme"),     find("Anzahl")};
}

// "23.02.2025" -> "2025-02-23".
std::string iso_date(const std::string& text, const std::string& file, std::size_t line) {
  const bool shaped = text.size() == 10 && text[2] == '.' && text[5] == '.' &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
  if (!shaped) throw Error(file, line, "Wahltag '" + text + "' is not a date DD.MM.YYYY");
  return text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2);
}

// Takes one row of a Bund or Land area with Stimme 2.
void take_second_votes(Area& area, const std::vector<std::string>& fields, const Kerg2Columns& c,
                       const std::string& file, std::size_t line) {
  if (area.line == 0) {
    area.line = line;
    area.number = fields[c.gebietsnummer];
    area.name = fields[c.gebietsname];
  }
  const std::string& group = fields[c.gruppenname];
  const auto count = read_count(fields[c.anzahl], file, line, "Anzahl of " + in_quotes(group));
  if (fields[c.gruppenart] == "Partei") {
    if (const PartyVotes* first = area.find(group))
      throw Error(file, line,
                  "a second row for " + in_quotes(group) + " in " + area.name + " (first on line " +
                      std::to_string(first->line) + ")");
    // A party without second votes here had no Landesliste: it is not on the ballot of this area.
    if (count && *count > 0) area.parties.push_back({group, *count, line});
  } else if (group == "Gültige") {
    area.valid = count;
    area.valid_line = line;
  }
}

Kerg2 read_kerg2(const SourceText& source) {
  require_clean_text(source.text, source.name);
  Kerg2 k;
  std::optional<Kerg2Columns> columns;
  std::string_view text = source.text;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::size_t number = ++k.lines;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || (!columns && line.front() == '#')) continue;  // the official comment preamble
    const std::vector<std::string> fields = split_semicolons(line);
    if (!columns) {
      columns = read_kerg2_header(fields, source.name, number);
      k.header_line = number;
      continue;
    }
    if (fields.size() != columns->count)
      throw Error(source.name, number,
                  std::to_string(fields.size()) + " fields, but the header (line " + std::to_string(k.header_line) +
                      ") has " + std::to_string(columns->count));
    ++k.rows;
    const std::string date = iso_date(fields[columns->wahltag], source.name, number);
    if (k.date.empty()) k.date = date;
    if (date != k.date)
      throw Error(source.name, number, "Wahltag " + fields[columns->wahltag] + " differs from the earlier rows");
    const std::string& kind = fields[columns->gebietsart];
    if (kind == "Wahlkreis") ++k.wahlkreis_rows;
    if (kind != "Bund" && kind != "Land") continue;
    ++k.area_rows;
    if (fields[columns->stimme] != "2") continue;  // first votes, and the counts of the whole area
    Area& area = kind == "Bund" ? (k.bund ? *k.bund : k.bund.emplace()) : k.laender[fields[columns->gebietsnummer]];
    take_second_votes(area, fields, *columns, source.name, number);
  }
  if (!columns) throw Error(source.name, 0, "no header line: the file is empty or only comments");
  if (!k.bund || k.bund->parties.empty())
    throw Error(source.name, 0, "no second votes of the Bund (Gebietsart 'Bund')");
  return k;
}

// ---- the seats table ---------------------------------------------------------------------------

struct SeatRow {
  std::int64_t seats = 0;
  std::size_t line = 0;
};

struct Seats {
  std::map<std::string, SeatRow> national;                        // kerg2 party name -> seats
  std::map<std::string, std::map<std::string, SeatRow>> laender;  // Land key -> party -> seats
  std::size_t rows = 0;
};

// "de.bund" -> "", "de.bund.land.07" -> "07"; anything else is an error.
std::string land_key_of_unit(const std::string& unit, const std::string& file, std::size_t line) {
  if (unit == "de.bund") return {};
  const std::string prefix = "de.bund.land.";
  std::string key = unit.rfind(prefix, 0) == 0 ? unit.substr(prefix.size()) : std::string();
  if (key.size() != 2 || !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw Error(file, line, "unit '" + unit + "' is neither 'de.bund' nor 'de.bund.land.NN'");
  return key;
}

std::string kerg2_name(const std::string& party_id, const std::string& file, std::size_t line) {
  const auto it = kerg2_name_of_party_id.find(party_id);
  if (it != kerg2_name_of_party_id.end()) return it->second;
  std::string known;
  for (const auto& [id, name] : kerg2_name_of_party_id) known += (known.empty() ? "" : ", ") + id;
  throw Error(file, line, "party id '" + party_id + "' has no kerg2 name (known: " + known + ")");
}

Seats read_seats(const SourceText& source) {
  const CsvTable table = parse_csv(source.text, source.name);
  const std::size_t unit_column = table.require_column("unit");
  const std::size_t party_column = table.require_column("party");
  const std::size_t seats_column = table.require_column("seats");
  Seats seats;
  for (const CsvRow& row : table.rows) {
    const std::string land = land_key_of_unit(row.fields[unit_column], source.name, row.line);
    const std::string party = kerg2_name(row.fields[party_column], source.name, row.line);
    const auto count = read_count(row.fields[seats_column], source.name, row.line, "seats of " + in_quotes(party));
    if (!count) throw Error(source.name, row.line, "no seats for " + in_quotes(party));
    auto& unit = land.empty() ? seats.national : seats.laender[land];
    if (const auto [first, fresh] = unit.emplace(party, SeatRow{*count, row.line}); !fresh)
      throw Error(source.name, row.line,
                  "a second row for " + in_quotes(party) + " in " + row.fields[unit_column] + " (first on line " +
                      std::to_string(first->second.line) + ")");
    ++seats.rows;
  }
  if (seats.national.empty()) throw Error(source.name, 0, "no national rows (unit 'de.bund')");
  return seats;
}

std::int64_t total_of(const std::map<std::string, SeatRow>& rows) {
  std::int64_t total = 0;
  for (const auto& [party, row] : rows) total += row.seats;
  return total;
}

// ---- checks ------------------------------------------------------------------------------------

class Report {
 public:
  void check(bool ok, std::string passed, std::string failed) {
    (ok ? passed_ : findings_).push_back(ok ? std::move(passed) : std::move(failed));
  }
  void passed(std::string text) { passed_.push_back(std::move(text)); }
  void finding(std::string text) { findings_.push_back(std::move(text)); }
  std::size_t faults() const { return findings_.size(); }

  std::string markdown(const std::string& title, const std::string& sources, const std::string& contents) const {
    std::string out = "# Quality report: " + title + "\n\nWritten by `seatsim import kerg2`; regenerated by every " +
                      "import. Nothing listed here was corrected: the data set keeps the published numbers.\n\n" +
                      "## Sources\n\n" + sources + "\n## Inconsistencies found (" + std::to_string(findings_.size()) +
                      ")\n\n";
    if (findings_.empty()) out += "None.\n";
    for (const std::string& f : findings_) out += "- " + f + "\n";
    out += "\n## Checks that passed (" + std::to_string(passed_.size()) + ")\n\n";
    for (const std::string& p : passed_) out += "- " + p + "\n";
    return out + "\n" + contents;
  }

 private:
  std::vector<std::string> passed_, findings_;
};

void check_area_sum(const Area& area, const std::string& file, Report& report) {
  const std::string where = area.name + at_line(area.line) + ": ";
  if (!area.valid) {
    report.finding(where + "no 'Gültige' second votes, so the parties' sum cannot be checked");
    return;
  }
  const std::int64_t sum = area.sum();
  const std::string parties = std::to_string(area.parties.size()) + " parties' second votes add up to ";
  report.check(sum == *area.valid,
               where + "the " + parties + group_thousands(sum) + ", the 'Gültige' row" + at_line(area.valid_line),
               where + "the " + parties + group_thousands(sum) + ", but the 'Gültige' row" + at_line(area.valid_line) +
                   " says " + group_thousands(*area.valid) + " in " + file);
}

// Every party's and the valid votes' Bund figure against the sum over the Länder.
void check_laender_against_bund(const Kerg2& k, Report& report) {
  const Area& bund = *k.bund;
  std::size_t agreeing = 0;
  for (const PartyVotes& p : bund.parties) {
    std::int64_t sum = 0;
    for (const auto& [key, land] : k.laender)
      if (const PartyVotes* v = land.find(p.party)) sum += v->votes;
    if (sum == p.votes)
      ++agreeing;
    else
      report.finding(in_quotes(p.party) + at_line(p.line) + ": " + votes_text(p.votes) + " in " + bund.name + ", " +
                     group_thousands(sum) + " summed over the Länder");
  }
  for (const auto& [key, land] : k.laender)
    for (const PartyVotes& v : land.parties)
      if (!bund.find(v.party))
        report.finding(in_quotes(v.party) + " has second votes in " + land.name + at_line(v.line) + " but none in " +
                       bund.name);
  if (agreeing == bund.parties.size())
    report.passed("every party's second votes summed over the " + std::to_string(k.laender.size()) +
                  " Länder equal its " + bund.name + " figure (" + std::to_string(agreeing) + " parties)");
  std::int64_t valid = 0;
  bool complete = bund.valid.has_value();
  for (const auto& [key, land] : k.laender) {
    complete = complete && land.valid.has_value();
    valid += land.valid.value_or(0);
  }
  if (complete)
    report.check(
        valid == *bund.valid,
        "the Länder's 'Gültige' second votes add up to " + group_thousands(valid) + ", the " + bund.name + " figure",
        "the Länder's 'Gültige' second votes add up to " + group_thousands(valid) + ", " + bund.name + " says " +
            group_thousands(*bund.valid));
}

void check_seats(const Kerg2& k, const Seats& seats, const std::string& seats_file, Report& report) {
  const std::int64_t total = total_of(seats.national);
  report.passed("the seats table's national rows give " + seats_text(total) + " to " +
                std::to_string(seats.national.size()) + " parties: the data set's seat total");
  for (const auto& [party, row] : seats.national)
    if (!k.bund->find(party))
      report.finding(in_quotes(party) + " holds " + seats_text(row.seats) + " in " + seats_file + at_line(row.line) +
                     " but has no second votes in " + k.bund->name);
  std::map<std::string, std::int64_t> land_sums;
  std::int64_t all_laender = 0;
  for (const auto& [key, parties] : seats.laender) {
    const auto land = k.laender.find(key);
    for (const auto& [party, row] : parties) {
      land_sums[party] += row.seats;
      all_laender += row.seats;
      if (land == k.laender.end()) {
        std::string finding = "Land " + key + at_line(row.line) + " of ";
        finding += seats_file;
        finding += " has no rows in the votes file";
        report.finding(std::move(finding));
      } else if (!land->second.find(party))
        report.finding(in_quotes(party) + " holds " + seats_text(row.seats) + " in " + land->second.name +
                       at_line(row.line) + " but has no second votes there");
    }
  }
  if (seats.laender.empty()) return;
  std::size_t agreeing = 0;
  for (const auto& [party, sum] : land_sums) {
    const auto national = seats.national.find(party);
    const std::int64_t published = national == seats.national.end() ? 0 : national->second.seats;
    if (sum == published)
      ++agreeing;
    else
      report.finding(in_quotes(party) + ": " + seats_text(published) + " nationally in " + seats_file + ", " +
                     seats_text(sum) + " summed over its Land rows");
  }
  for (const auto& [party, row] : seats.national)
    if (!land_sums.contains(party))
      report.finding(in_quotes(party) + " holds national seats" + at_line(row.line) + " but no Land row");
  if (agreeing == land_sums.size())
    report.passed("every party's Land seats add up to its national seats (" + std::to_string(agreeing) + " parties, " +
                  std::to_string(seats.laender.size()) + " Länder)");
  report.check(all_laender == total, "the Land rows add up to " + seats_text(all_laender) + ", the national total",
               "the Land rows add up to " + seats_text(all_laender) + ", the national rows to " + seats_text(total));
}

// ---- output ------------------------------------------------------------------------------------

std::string seats_cell(const std::map<std::string, SeatRow>* unit, const std::string& party) {
  if (!unit) return "0";
  const auto it = unit->find(party);
  return std::to_string(it == unit->end() ? 0 : it->second.seats);
}

std::string results_csv(const Area& area, const std::string& district, const std::optional<Seats>& seats,
                        const std::map<std::string, SeatRow>* unit) {
  std::string out;
  for (const PartyVotes& p : area.parties) {
    std::vector<std::string> fields{district, p.party, std::to_string(p.votes)};
    if (seats) fields.push_back(seats_cell(unit, p.party));
    out += csv_line(fields);
  }
  return out;
}

std::string laender_csv(const Kerg2& k, const std::optional<Seats>& seats) {
  std::string out = seats ? "district,party,votes,published_seats\n" : "district,party,votes\n";
  for (const auto& [key, land] : k.laender) {
    const std::map<std::string, SeatRow>* unit = nullptr;
    if (seats)
      if (const auto it = seats->laender.find(key); it != seats->laender.end()) unit = &it->second;
    out += results_csv(land, land.name, seats, unit);
  }
  return out;
}

std::string file_line(const SourceText& source, const std::string& what) {
  return "- `" + source.name + "` (sha256 `" + sha256_hex(source.text) + "`): " + what + "\n";
}

std::string sources_text(const SourceText& kerg2, const Kerg2& k, const std::optional<SourceText>& seats_source,
                         const std::optional<Seats>& seats) {
  std::string out = file_line(kerg2, std::to_string(k.lines) + " lines, header on line " +
                                         std::to_string(k.header_line) + ", " + std::to_string(k.rows) +
                                         " rows: " + std::to_string(k.area_rows) + " rows of the Bund and the " +
                                         std::to_string(k.laender.size()) + " Länder (their second votes read), " +
                                         std::to_string(k.wahlkreis_rows) + " Wahlkreis rows (not read)");
  if (seats)
    out += file_line(*seats_source, std::to_string(seats->rows) + " rows: " + std::to_string(seats->national.size()) +
                                        " national, " + std::to_string(seats->rows - seats->national.size()) + " of " +
                                        std::to_string(seats->laender.size()) + " Länder");
  return out;
}

std::string contents_text(const Kerg2& k, const std::optional<Seats>& seats) {
  const std::string parties = std::to_string(k.bund->parties.size());
  std::string out = "## What the data set holds\n\n- `results.csv`: one district, " + national_district + " (" +
                    k.bund->name + " in kerg2), with the " + parties +
                    " parties that have second votes there, in kerg2's order";
  out += seats ? "; `published_seats` from the seats table's national rows (0 for a party without one).\n"
               : "; no published seats (no seats table given).\n";
  out += "- `laender.csv`: the same for each of the " + std::to_string(k.laender.size()) +
         " Länder (the data of the lower apportionment, which no rule of the data set uses)" +
         (seats ? ", with the seats table's Land rows.\n" : ".\n");
  out += seats ? "- `districts.csv`: " + national_district + " with the national seat total, no reserved seats.\n"
               : "- no `districts.csv`: without a seats table the seat total is not known.\n";
  out +=
      "\n## Not modelled\n\n"
      "- Only the upper apportionment among the parties is a district here. The lower apportionment to the Länder "
      "lists and the constituency winners are not: under the 2023 law a party's seats in a Land go to its "
      "constituency winners in the order of their first-vote shares, and winners beyond its seats (no "
      "Zweitstimmendeckung) get none.\n"
      "- The alternative route into the apportionment (3 constituency wins, BWahlG § 4 (2)) is not read: the "
      "Wahlkreis rows are skipped, so a party below the threshold that won 3 constituencies would need its own "
      "exemption in the rule. election.toml's caveats say whether that happened in this election.\n"
      "- The threshold and its exemption for parties of national minorities are stated in election.toml's [rule], "
      "not derived from the sources.\n";
  return out;
}

// The hand-written part of election.toml, checked before it is copied: TOML, the data set's keys
// (not `date`, which kerg2 gives), a [rule] seatsim can read.
void check_manifest(const SourceText& manifest) {
  const toml_reading::Document doc = toml_reading::parse(manifest.name, manifest.text);
  if (const toml::node* date = doc.root.get("date"))
    throw Error(manifest.name, toml_reading::line_of(*date), "date: leave it out, it comes from kerg2's Wahltag");
  toml_reading::reject_unknown_keys(
      doc, doc.root, {"name", "source", "rule_source", "rule_evidence", "caveats", "rule"}, manifest.name);
  if (const toml::node* rule = doc.root.get("rule")) {
    if (!rule->is_table()) throw Error(manifest.name, toml_reading::line_of(*rule), "rule: expected a table [rule]");
    (void)toml_reading::read_rule(doc, *rule->as_table());
  }
}

std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

std::string election_toml(const Kerg2& k, const SourceText& kerg2, const std::optional<SourceText>& seats,
                          const std::optional<SourceText>& manifest) {
  const std::string from = kerg2.name + (seats ? " and " + seats->name : std::string());
  std::string out = "# Written by `seatsim import kerg2` from " + from;
  if (!manifest)
    return out + " without a manifest.\ndate = " + toml_string(k.date) +
           "\nname = " + toml_string("Bundestag election " + k.date) + "\nsource = " + toml_string(from) +
           "\ncaveats = [\"Imported without a manifest: the rule and the sources are not stated.\"]\n";
  return out + ",\n# with the manifest " + manifest->name +
         " (copied below the date). Do not edit here: edit the manifest and re-import;\n# a test checks that the "
         "import reproduces this folder.\ndate = " +
         toml_string(k.date) + "\n" + manifest->text;
}

}  // namespace

ImportedDataSet import_kerg2(const SourceText& kerg2, const std::optional<SourceText>& seats_source,
                             const std::optional<SourceText>& manifest) {
  if (manifest) check_manifest(*manifest);
  const Kerg2 k = read_kerg2(kerg2);
  std::optional<Seats> seats;
  if (seats_source) seats = read_seats(*seats_source);
  Report report;
  check_area_sum(*k.bund, kerg2.name, report);
  for (const auto& [key, land] : k.laender) check_area_sum(land, kerg2.name, report);
  check_laender_against_bund(k, report);
  if (seats) check_seats(k, *seats, seats_source->name, report);

  ImportedDataSet data;
  data.files["results.csv"] = (seats ? "district,party,votes,published_seats\n" : "district,party,votes\n") +
                              results_csv(*k.bund, national_district, seats, seats ? &seats->national : nullptr);
  data.files["laender.csv"] = laender_csv(k, seats);
  if (seats) {
    data.seats = total_of(seats->national);
    data.files["districts.csv"] =
        "district,seats,reserved\n" + csv_line({national_district, std::to_string(data.seats), "0"});
  }
  data.files["election.toml"] = election_toml(k, kerg2, seats_source, manifest);
  data.files["QUALITY.md"] = report.markdown("Bundestag election " + k.date + ", second votes",
                                             sources_text(kerg2, k, seats_source, seats), contents_text(k, seats));
  data.districts = 1;
  data.lists = k.bund->parties.size();
  data.findings = report.faults();
  return data;
}

}  // namespace seatsim
