// New Zealand general elections without overhang (issue 19): scenarios/new-zealand-2017 and
// scenarios/new-zealand-2002, imported by scripts/import_nz_nzelect.py from nzelect's results per voting place
// (summed per electorate) and mygov.org.nz's published seats. `compare --system new-zealand-house` reproduces every
// party's seats, and the import reproduces each folder from its source/.
#include <doctest/doctest.h>

#include <cstdlib>

#include "seatsim/io/file_io.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

using Records = std::vector<std::map<std::string, std::string>>;

fs::path scenario(const std::string& year) { return source_dir() / "scenarios" / ("new-zealand-" + year); }

std::map<std::string, std::string> party_row(const Records& rows, const std::string& party) {
  for (const auto& r : rows)
    if (r.at("party") == party) return r;
  FAIL("no row for " << party);
  return {};
}

// compare must match every party and give a House of `house` seats.
void check_compare(const std::string& year, std::int64_t house) {
  const RunResult r = run_cli({"compare", scenario(year).string(), "--system", "new-zealand-house", "--format", "csv"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(r.err.find("districts matched: 1/1, seats differing: 0") != std::string::npos);
  std::int64_t total = 0;
  for (const auto& row : csv_records(r.out)) {
    CAPTURE(row.at("party"));
    CHECK(row.at("diff") == "0");
    CHECK(row.at("seats") == row.at("published_seats"));
    total += std::stoll(row.at("seats"));
  }
  CHECK(total == house);
}

// Runs the importer on source/ into a temporary folder and compares every file it writes with the kept one.
void check_import(const std::string& year, const std::string& date, bool with_totals) {
  TempDir tmp;
  const fs::path source = scenario(year) / "source";
  std::string command = "python3 " + quote((source_dir() / "scripts" / "import_nz_nzelect.py").string()) + " " +
                        quote((source / ("nzge-" + year + "-electorates.csv")).string()) + " " +
                        quote((source / "mygov_elections.ts").string()) + " --year " + year + " --date " + date +
                        " --names " + quote((source / "party_names.csv").string()) + " --manifest " +
                        quote((source / "manifest.toml").string()) + " --provenance " +
                        quote((source / "provenance.md").string()) + " -o " + quote(tmp.path.string());
  if (with_totals)
    command += " --totals " + quote((source / ("nzelect_test_totals_v_published" + year + ".R.txt")).string());
  REQUIRE(std::system(command.c_str()) == 0);
  for (const char* name : {"results.csv", "constituencies.csv", "districts.csv", "election.toml", "QUALITY.md"}) {
    CAPTURE(name);
    CHECK(read_text_file((tmp.path / name).string()) == read_text_file((scenario(year) / name).string()));
  }
}

}  // namespace

TEST_SUITE("new zealand nzelect") {
  TEST_CASE("New Zealand 2017: compare reproduces every party's published seats (120, no overhang)") {
    check_compare("2017", 120);
    const RunResult a = run_cli({"allocate", scenario("2017").string(), "--format", "csv"});
    REQUIRE_MESSAGE(a.status == 0, a.err);
    const Records rows = csv_records(a.out);
    // National 41 electorates + 15 list, Labour 29 + 17; ACT (0.5%) keeps Epsom and no more, within its share.
    CHECK(party_row(rows, "National Party").at("constituency_seats") == "41");
    CHECK(party_row(rows, "National Party").at("seats") == "56");
    CHECK(party_row(rows, "Labour Party").at("constituency_seats") == "29");
    CHECK(party_row(rows, "ACT New Zealand").at("constituency_seats") == "1");
    CHECK(party_row(rows, "ACT New Zealand").at("list_seats") == "0");
    CHECK(party_row(rows, "The Opportunities Party (TOP)").at("seats") == "0");  // 2.4%, no electorate
    CHECK(a.err.find("more than its share") == std::string::npos);               // no overhang
  }

  TEST_CASE("New Zealand 2002: compare reproduces every party, the Progressive Coalition in by its electorate") {
    check_compare("2002", 120);
    const RunResult a = run_cli({"allocate", scenario("2002").string(), "--format", "csv"});
    REQUIRE_MESSAGE(a.status == 0, a.err);
    const Records rows = csv_records(a.out);
    // 1.7% of the party vote: under 5%, it takes part through Wigram and wins one list seat besides.
    CHECK(party_row(rows, "Progressive Coalition").at("constituency_seats") == "1");
    CHECK(party_row(rows, "Progressive Coalition").at("list_seats") == "1");
    CHECK(party_row(rows, "Labour Party").at("seats") == "52");
    CHECK(party_row(rows, "Christian Heritage").at("seats") == "0");  // 1.4%, no electorate
    CHECK(a.err.find("more than its share") == std::string::npos);
  }

  TEST_CASE("New Zealand 2017 and 2002: the import reproduces each folder from its source files") {
    check_import("2017", "2017-09-23", true);
    check_import("2002", "2002-07-27", false);
  }

  TEST_CASE("New Zealand 2017: the kept QUALITY.md records the official totals check and no inconsistency") {
    const std::string quality = read_text_file((scenario("2017") / "QUALITY.md").string());
    CHECK(quality.find("the 7 totals nzelect's test asserts from the Electoral Commission's summary are the sums "
                       "here: National Party party votes 1,152,075") != std::string::npos);
    CHECK(quality.find("## Inconsistencies found (0)") != std::string::npos);
  }
}

}  // namespace seatsim::test
