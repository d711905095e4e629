// `seatsim import wikitable` on small texts: layout it must cope with, what it refuses, and what
// it reports.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

const std::string text =
    "\n"
    "Party\tTotal votes\tPercentage\tTotal seats\tParty leader\n"
    "Blue List\t1,500\t60.00%\t4\tX\n"
    "Other Parties\t\t\t1\t-\n"
    "<b>Total</b>\t<b>2,500</b>\t<b>100%</b>\t<b>5</b>\t\n"
    "\n"
    "## North Governorate\n"
    "\n"
    "Party\tTotal votes\tPercentage\tSeats\tParty leader\n"
    "Blue List\t1,000\t50.00%\t2\tX\n"
    " Green List\t600\t30.00%\t1\t\n"
    "\n"
    "Party\tTotal votes\tPercentage\tSeats\tParty leader\n"
    "Old Folks Elder Minority seat\t150\t7.50%\t1\t\n"
    "<b>Other parties</b>\t<b>250</b>\t<b>12.50%</b>\t<b>-</b>\t\n"
    "<b>Total</b>\t<b>2,000</b>\t<b>100%</b>\t<b>4</b>\t\n"
    "\n"
    "Sources: somewhere\n"
    "\n"
    "## South Governorate\n"
    "\n"
    "Party\tTotal votes\tPercentage\tSeats\tParty leader\n"
    "Blue List\t400\t\t2\tX\n"
    "Red List\t100\t\t\t\n"
    "<b>Other parties</b>\t\t\t<b>1</b>\t\n"
    "<b>Total</b>\t\t<b>100%</b>\t<b>3</b>\t\n";

}  // namespace

TEST_CASE("import wikitable copes with split tables and tags and separators and blank cells and markers") {
  TempDir tmp;
  const fs::path seed = tmp.write("seed.txt", text);
  const fs::path out = tmp.path / "ds";
  const RunResult r = run_cli({"import", "wikitable", seed.string(), "-o", out.string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("2 districts, 5 lists, 7 seats (1 reserved)") != std::string::npos);
  CHECK(read_text_file((out / "results.csv").string()) ==
        "district,party,votes,published_seats,quota\n"
        "North Governorate,Blue List,1000,2,\n"
        "North Governorate,Green List,600,1,\n"
        "North Governorate,Old Folks,150,1,Elder\n"
        "South Governorate,Blue List,400,2,\n"
        "South Governorate,Red List,100,,\n");
  CHECK(read_text_file((out / "districts.csv").string()) ==
        "district,seats,reserved\nNorth Governorate,4,1\nSouth Governorate,3,0\n");
  CHECK(read_text_file((out / "national.csv").string()) ==
        "party,votes,percentage,seats\nBlue List,1500,60.00,4\nOther Parties,,,1\n");
  const std::string quality = read_text_file((out / "QUALITY.md").string());
  for (const char* expected : {
           "- North Governorate (line 11): leading space in the name ' Green List' (trimmed)",
           "- North Governorate (line 14): 'Old Folks' is marked as a 'Elder Minority seat' but no hand table names it",
           "- South Governorate (line 24): blank seat cell for 'Red List' (100 votes)",
           "- South Governorate (line 25): the 'Other parties' row claims 1 seat while the named lists hold 2 of the 3 "
           "seats",
           "- South Governorate (line 26): seat sum: the list rows hold 2 seats, the Total row says 3",
           "- South Governorate (line 26): the Total row has no vote count",
           "- South Governorate (line 20): percentages missing for 2 of the 2 rows with votes",
           "- national summary (line 3): 'Blue List': 1,500 votes here, 1,400 summed over the governorate tables",
           "- national summary (line 5): total seats 5 here, 7 in the governorate Total rows",
           "- North Governorate (line 7): the table is split by 1 repeated header row(s): read as one",
           "- North Governorate: somewhere",
       }) {
    INFO(expected);
    CHECK(quality.find(expected) != std::string::npos);
  }
  // The data set loads; the blank seat cell is reported by compare, not guessed.
  const RunResult c = run_cli({"compare", out.string(), "--format", "json"});
  CHECK(c.status == 1);
  CHECK(c.out.find("published seats missing") != std::string::npos);
}

TEST_CASE("import wikitable stops with exit 2 and writes nothing on text it cannot read") {
  TempDir tmp;
  const fs::path out = tmp.path / "ds";
  const fs::path bad = tmp.write("bad.txt", "## A\nParty\tTotal votes\tSeats\nX\t1,00\t1\n<b>Total</b>\t100\t1\n");
  RunResult r = run_cli({"import", "wikitable", bad.string(), "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("bad.txt:3: votes '1,00' is not a whole number") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  const fs::path early = tmp.write("early.txt", "## A\nX\t100\t1\n");
  r = run_cli({"import", "wikitable", early.string(), "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("early.txt:2: a table row before any 'Party' header row") != std::string::npos);
  const fs::path no_total = tmp.write("nototal.txt", "## A\nParty\tTotal votes\tSeats\nX\t100\t1\n");
  r = run_cli({"import", "wikitable", no_total.string(), "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("section 'A' has no Total row with seats") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("import wikitable: a recipe that does not fit the text is an error naming its line") {
  TempDir tmp;
  const fs::path seed = tmp.write("seed.txt", text);
  tmp.write("recipe/manifest.toml", "name = \"x\"\n");
  tmp.write("recipe/quota-seats.csv", "district,group,party,seed_marker,source\nNorth Governorate,Old,Nobody,,hand\n");
  const RunResult r = run_cli({"import", "wikitable", seed.string(), "-o", (tmp.path / "ds").string(), "--recipe",
                               (tmp.path / "recipe").string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("quota-seats.csv:2: no list 'Nobody' in section 'North Governorate'") != std::string::npos);
  const RunResult unknown =
      run_cli({"import", "wikitable", seed.string(), "-o", (tmp.path / "ds").string(), "--recipe", "atlantis"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown recipe 'atlantis' (built in: iraq-2013)") != std::string::npos);
}
