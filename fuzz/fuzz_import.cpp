// Fuzz target: the seed importer (`seatsim import wikitable`). Any text goes through
// import_wikitable without a recipe and with the built-in recipe that matches it, if one does.
//  - It is read, or rejected with seatsim::Error naming the text and a line.
//  - A data set it writes is one seatsim can read back: results.csv as a votes file,
//    districts.csv as seat totals for exactly those districts, and it allocates with every seat
//    placed, or is rejected with seatsim::Error naming file and line.
#include <set>

#include "fuzz_support.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/io/wikitable_import.hpp"
#include "seatsim/kernel/election_allocation.hpp"

using namespace seatsim;

namespace {

const std::string source = "fuzz.txt";

std::string with_context(const std::string& what, const Error& error) { return what + ": " + error.what(); }

void check_reads_back(const ImportedDataSet& data) {
  // national.csv only when the text has a national summary table.
  for (const char* name : {"results.csv", "districts.csv", "election.toml", "QUALITY.md"})
    FUZZ_CHECK(data.files.count(name) == 1, std::string("the data set lacks ") + name);
  Election election;
  std::map<std::string, SeatTotal> seats;
  try {
    election = read_votes(parse_csv(data.files.at("results.csv"), "results.csv"));
    seats = read_seat_totals(parse_csv(data.files.at("districts.csv"), "districts.csv"));
    if (data.files.count("national.csv")) {
      const CsvTable national = parse_csv(data.files.at("national.csv"), "national.csv");
      FUZZ_CHECK(!national.rows.empty(), "an empty national.csv");
    }
    apply_seat_totals(election, SeatSources{std::nullopt, seats, "districts.csv"});
  } catch (const Error& error) {
    fuzz::fail(__FILE__, __LINE__, with_context("the imported data set does not read back", error));
  }
  FUZZ_CHECK(election.districts.size() == data.districts, "district count differs from the import's report");
  try {
    const ElectionOutcome outcome = allocate(election, Rule{});
    for (std::size_t d = 0; d < election.districts.size(); ++d) {
      std::int64_t placed = outcome.districts[d].unfilled_reserved;
      for (const ListOutcome& list : outcome.districts[d].lists) placed += list.seats;
      FUZZ_CHECK(placed == election.districts[d].seats, "seats placed differ from the district's seats");
    }
  } catch (const Error& error) {
    FUZZ_CHECK(!error.file().empty() && error.line() > 0, with_context("an error without file and line", error));
  }
}

void import_with(std::string_view text, const std::optional<ImportRecipe>& recipe) {
  ImportedDataSet data;
  try {
    data = import_wikitable(text, source, recipe);
  } catch (const Error& error) {
    FUZZ_CHECK(!error.file().empty(), with_context("an error without a file", error));
    FUZZ_CHECK(error.line() > 0 || error.message().find("no '## ' sections") == 0,
               with_context("an error without a line", error));
    return;
  }
  check_reads_back(data);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  import_with(text, std::nullopt);
  std::optional<ImportRecipe> recipe;
  try {
    recipe = matching_builtin_recipe(text);
  } catch (const Error& error) {
    fuzz::fail(__FILE__, __LINE__, with_context("matching a recipe threw", error));
  }
  if (recipe) import_with(text, recipe);
  return 0;
}
