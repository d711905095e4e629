// The Riksdag 2022 data set (scenarios/sweden-2022): the import is reproducible from the source file,
// and `compare --system sweden-riksdag-2018` reproduces every constituency's fixed and adjustment seats.
#include <doctest/doctest.h>

#include "seatsim/io/file_io.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

const fs::path folder = source_dir() / "scenarios" / "sweden-2022";

RunResult import_into(const fs::path& out, const fs::path& json = folder / "source" / "riksdag_2022.json") {
  return run_cli({"import", "riksdag", json.string(), "--manifest", (folder / "source" / "manifest.toml").string(),
                  "-o", out.string()});
}

}  // namespace

TEST_SUITE("sweden 2022") {
  TEST_CASE("the checked-in Sweden 2022 data set is the importer's output for its source file") {
    TempDir tmp;
    const fs::path out = tmp.path / "sweden";
    const RunResult r = import_into(out);
    REQUIRE(r.status == 0);
    CHECK(r.out == "imported 29 constituencies, 1093 lists, 349 seats into " + out.string() +
                       "; QUALITY.md lists 9 inconsistencies\n");
    for (const char* file : {"results.csv", "districts.csv", "election.toml", "QUALITY.md"}) {
      CAPTURE(file);
      CHECK(read_text_file((out / file).string()) == read_text_file((folder / file).string()));
    }
  }

  TEST_CASE("compare reproduces every constituency's fixed and adjustment seats of the Riksdag 2022") {
    const RunResult r = run_cli({"compare", folder.string(), "--system", "sweden-riksdag-2018", "--format", "csv"});
    CHECK(r.status == 0);
    CHECK(r.err.find("districts matched: 29/29, seats differing: 0") != std::string::npos);
    // Tier by tier: the CSV carries the published and recomputed fixed (district) and adjustment seats.
    CHECK(r.out.rfind("district,party,votes,published_seats,seats,diff,published_district_seats,"
                      "published_leveling_seats,district_seats,leveling_seats",
                      0) == 0);
  }

  TEST_CASE("explain on Sweden 2022: 39 adjustment seats, party by party, each at the highest votes/(2n+1)") {
    const RunResult r = run_cli({"explain", folder.string(), "--system", "sweden-riksdag-2018", "--format", "csv"});
    REQUIRE(r.status == 0);
    std::size_t awarded = 0;
    for (std::size_t at = r.out.find(",awarded"); at != std::string::npos; at = r.out.find(",awarded", at + 1))
      ++awarded;
    CHECK(awarded == 39);
  }

  TEST_CASE("report on Sweden 2022 has explain's tables: the national apportionment and the award order") {
    TempDir tmp;
    const fs::path html = tmp.path / "sweden.html";
    const RunResult r = run_cli({"report", folder.string(), "--no-sweeps", "-o", html.string()});
    REQUIRE(r.status == 0);
    const std::string text = read_text_file(html.string());
    CHECK(text.find("<h2>Leveling tier: the national apportionment</h2>") != std::string::npos);
    CHECK(text.find("<h2>Leveling tier: each leveling seat in the order it was placed (seatsim explain)</h2>") !=
          std::string::npos);
    CHECK(text.find("<td>Malmö kommun</td>") != std::string::npos);
  }

  TEST_CASE("import riksdag stops with exit 2 naming the file, and writes nothing") {
    TempDir tmp;
    const fs::path bad = tmp.write("bad.json", "{\"year\": 2022, \"total_seats\": -1}");
    const RunResult r = import_into(tmp.path / "out", bad);
    CHECK(r.status == 2);
    CHECK(r.err.find("bad.json") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "out"));
    // A name with a control character, written as a JSON escape: the data set could not be read back.
    const fs::path escaped = tmp.write("escaped.json", "{\"year\": 2022, \"national_votes\": {\"S\\u001b[2J\": 1}}");
    const RunResult control = import_into(tmp.path / "out", escaped);
    CHECK(control.status == 2);
    CHECK(control.err.find("escaped.json") != std::string::npos);
    CHECK(control.err.find("U+001B") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "out"));
  }
}

}  // namespace seatsim::test
