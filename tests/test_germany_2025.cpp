// The Bundestag 2025 data set (scenarios/germany-2025): the import is reproducible from the source
// files, the sums agree, and Sainte-Laguë over the parties with 5% of the second votes (the SSW
// exempt) gives the official seats, through `seatsim compare` and by an independent recomputation.
#include <doctest/doctest.h>

#include <algorithm>

#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

const fs::path dataset = source_dir() / "scenarios" / "germany-2025";
const fs::path sources = dataset / "source";
const char* const dataset_files[] = {"results.csv", "laender.csv", "districts.csv", "election.toml", "QUALITY.md"};

RunResult import_into(const fs::path& out, const fs::path& kerg2 = sources / "kerg2-bund-laender.csv",
                      const fs::path& seats = sources / "declared.csv",
                      const fs::path& manifest = sources / "manifest.toml") {
  return run_cli({"import", "kerg2", kerg2.string(), "--seats", seats.string(), "--manifest", manifest.string(), "-o",
                  out.string()});
}

std::vector<std::map<std::string, std::string>> records_of(const fs::path& file) {
  return csv_records(read_text_file(file.string()));
}

std::int64_t number(const std::map<std::string, std::string>& record, const std::string& column) {
  return std::stoll(record.at(column));
}

// Sainte-Laguë by highest averages among the parties with at least 5% of all second votes and the
// exempt ones; quotients compared by cross-multiplication, so no floating point decides a seat.
std::map<std::string, std::int64_t> sainte_lague(const std::vector<std::map<std::string, std::string>>& rows,
                                                 std::int64_t seats, const std::set<std::string>& exempt) {
  std::int64_t valid = 0;
  for (const auto& r : rows) valid += number(r, "votes");
  std::map<std::string, std::int64_t> votes, won;
  for (const auto& r : rows)
    if (number(r, "votes") * 20 >= valid || exempt.count(r.at("party"))) votes[r.at("party")] = number(r, "votes");
  for (std::int64_t seat = 0; seat < seats; ++seat) {
    const std::string* best = nullptr;
    for (const auto& [party, v] : votes)
      if (!best || v * (2 * won[*best] + 1) > votes.at(*best) * (2 * won[party] + 1)) best = &party;
    ++won[*best];
  }
  return won;
}

}  // namespace

TEST_SUITE("germany 2025") {
  TEST_CASE("the checked-in Germany 2025 data set is the importer's output for its source files") {
    TempDir tmp;
    const fs::path out = tmp.path / "germany-2025";
    const RunResult r = import_into(out);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out == "imported 29 parties into " + out.string() + " (630 seats); QUALITY.md lists 0 inconsistencies\n");
    for (const char* name : dataset_files) {
      INFO(name);
      REQUIRE(fs::exists(out / name));
      CHECK(read_text_file((out / name).string()) == read_text_file((dataset / name).string()));
    }
    const std::string quality = read_text_file((dataset / "QUALITY.md").string());
    CHECK(quality.find("## Inconsistencies found (0)") != std::string::npos);
    CHECK(quality.find("## Checks that passed (22)") != std::string::npos);
  }

  TEST_CASE("Sainte-Laguë over 630 seats among the 5% parties, the SSW exempt, gives the official seats") {
    const RunResult r = run_cli({"compare", dataset.string(), "--format", "csv"});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK((r.out + r.err).find("districts matched: 1/1, seats differing: 0") != std::string::npos);
    // The same without seatsim's kernel: the published seats are what the law's arithmetic gives.
    const auto results = records_of(dataset / "results.csv");
    std::map<std::string, std::int64_t> published;
    for (const auto& row : results)
      if (number(row, "published_seats") > 0) published[row.at("party")] = number(row, "published_seats");
    CHECK(sainte_lague(results, 630, {"SSW"}) == published);
    CHECK(published ==
          std::map<std::string, std::int64_t>{
              {"AfD", 152}, {"CDU", 164}, {"CSU", 44}, {"Die Linke", 64}, {"GRÜNE", 85}, {"SPD", 120}, {"SSW", 1}});
  }

  TEST_CASE("the rule matters: without the SSW's exemption or with d'Hondt the seats differ") {
    CHECK(run_cli({"compare", dataset.string(), "--format", "csv", "--method", "dhondt"}).status == 1);
    TempDir tmp;
    for (const char* name : {"results.csv", "districts.csv"}) fs::copy_file(dataset / name, tmp.path / name);
    tmp.write("election.toml",
              "name = \"no exemption\"\n[rule]\nmethod = \"sainte-lague\"\nthreshold = \"5%\"\n"
              "threshold_scope = \"national\"\n");
    const RunResult r = run_cli({"compare", tmp.path.string(), "--format", "csv"});
    CHECK(r.status == 1);
    CHECK((r.out + r.err).find("districts matched: 0/1") != std::string::npos);
  }

  TEST_CASE("the data set's sums: 630 seats, valid votes, and the Länder add up to the nation") {
    const auto results = records_of(dataset / "results.csv");
    const auto laender = records_of(dataset / "laender.csv");
    const auto districts = records_of(dataset / "districts.csv");
    REQUIRE(districts.size() == 1);
    CHECK(districts[0].at("district") == "Deutschland");
    CHECK(number(districts[0], "seats") == 630);
    CHECK(number(districts[0], "reserved") == 0);
    std::int64_t votes = 0, seats = 0;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> national;  // party -> votes, seats
    for (const auto& row : results) {
      CHECK(row.at("district") == "Deutschland");
      votes += number(row, "votes");
      seats += number(row, "published_seats");
      national[row.at("party")] = {number(row, "votes"), number(row, "published_seats")};
    }
    CHECK(results.size() == 29);
    CHECK(votes == 49649512);  // the 'Gültige' second votes of the final result
    CHECK(seats == 630);
    CHECK(national.at("BSW").first == 2472947);  // final, not preliminary (2,468,670): 4.98%, below 5%
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> summed;
    std::set<std::string> lands;
    for (const auto& row : laender) {
      lands.insert(row.at("district"));
      summed[row.at("party")].first += number(row, "votes");
      summed[row.at("party")].second += number(row, "published_seats");
    }
    CHECK(lands.size() == 16);
    CHECK(summed == national);
  }

  TEST_CASE("import kerg2 stops with exit 2 naming the file and line, and writes nothing") {
    TempDir tmp;
    const fs::path out = tmp.path / "out";
    const std::string header =
        "Wahlart;Wahltag;Gebietsart;Gebietsnummer;Gebietsname;UegGebietsart;UegGebietsnummer;Gruppenart;Gruppenname;"
        "Gruppenreihenfolge;Stimme;Anzahl\n";
    const fs::path bad_count =
        tmp.write("count.csv", header + "BT;23.02.2025;Bund;99;Bundesgebiet;;;Partei;SPD;1;2;8149124\n" +
                                   "BT;23.02.2025;Bund;99;Bundesgebiet;;;Partei;CDU;2;2;11.196.374\n");
    RunResult r = import_into(out, bad_count);
    CHECK(r.status == 2);
    CHECK(r.err.find("count.csv:3: Anzahl of 'CDU': '11.196.374' is not a whole number") != std::string::npos);
    const fs::path short_row = tmp.write("short.csv", header + "BT;23.02.2025;Bund;99;Bundesgebiet;;;Partei;SPD\n");
    r = import_into(out, short_row);
    CHECK(r.status == 2);
    CHECK(r.err.find("short.csv:2: 9 fields, but the header (line 1) has 12") != std::string::npos);
    const fs::path unknown_party = tmp.write("declared.csv", "unit,party,seats\nde.bund,cdu,164\nde.bund,zentrum,1\n");
    r = import_into(out, sources / "kerg2-bund-laender.csv", unknown_party);
    CHECK(r.status == 2);
    CHECK(r.err.find("declared.csv:3: party id 'zentrum' has no kerg2 name") != std::string::npos);
    const fs::path dated = tmp.write("manifest.toml", "name = \"x\"\ndate = \"2025-02-23\"\n");
    r = import_into(out, sources / "kerg2-bund-laender.csv", sources / "declared.csv", dated);
    CHECK(r.status == 2);
    CHECK(r.err.find("manifest.toml:2: date: leave it out") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }

  TEST_CASE("import kerg2 lists a sum that disagrees in QUALITY.md and keeps the published numbers") {
    TempDir tmp;
    std::string kerg2 = read_text_file((sources / "kerg2-bund-laender.csv").string());
    const std::string spd = "Partei;SPD;1;2;8149124;";  // the Bund row of the SPD's second votes
    REQUIRE(kerg2.find(spd) != std::string::npos);
    kerg2.replace(kerg2.find(spd), spd.size(), "Partei;SPD;1;2;8149125;");
    const fs::path out = tmp.path / "out";
    const RunResult r = import_into(out, tmp.write("kerg2.csv", kerg2));
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("QUALITY.md lists 2 inconsistencies") != std::string::npos);
    const std::string quality = read_text_file((out / "QUALITY.md").string());
    CHECK(quality.find("the 29 parties' second votes add up to 49,649,513, but the 'Gültige' row (line 7) says "
                       "49,649,512") != std::string::npos);
    CHECK(quality.find("'SPD' (line 9): 8,149,125 votes in Bundesgebiet, 8,149,124 summed over the Länder") !=
          std::string::npos);
    CHECK(read_text_file((out / "results.csv").string()).find("Deutschland,SPD,8149125,120\n") != std::string::npos);
  }

  TEST_CASE("import kerg2 reads the official file's comment preamble and CRLF line ends alike") {
    TempDir tmp;
    std::string kerg2 = read_text_file((sources / "kerg2-bund-laender.csv").string());
    REQUIRE(kerg2.rfind("\xEF\xBB\xBFWahlart;", 0) == 0);
    std::string official = "\xEF\xBB\xBF# Die Bundeswahlleiterin\r\n# Stand: 14.03.2025\r\n#\r\n";
    for (std::size_t start = 3, end; start < kerg2.size(); start = end + 1) {
      end = std::min(kerg2.find('\n', start), kerg2.size());
      official += kerg2.substr(start, end - start) + "\r\n";
    }
    const fs::path out = tmp.path / "out";
    const RunResult r = import_into(out, tmp.write("kerg2.csv", official));
    REQUIRE_MESSAGE(r.status == 0, r.err);
    for (const char* name : {"results.csv", "laender.csv", "districts.csv"})
      CHECK(read_text_file((out / name).string()) == read_text_file((dataset / name).string()));
    CHECK(read_text_file((out / "QUALITY.md").string()).find("header on line 4") != std::string::npos);
  }
}
