#pragma once
// Importing election tables scraped from Wikipedia ("wikitable" text: `## Heading` sections,
// tab-separated rows, header rows starting with `Party`, HTML tags, thousands separators) into a
// data set: results.csv, districts.csv, national.csv, election.toml and QUALITY.md.
//
// The importer changes no number. What the text lacks — which list holds which minority quota
// seat, the manifest with the rule and its sources — comes from a recipe: small files written by
// hand, with their sources, kept in src/io/recipes/<name>/ and built into the program.
// Everything inconsistent it finds goes to QUALITY.md, one line per finding naming the section.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seatsim {

// One reserved seat: which list of which district holds the seat of which group. An empty party
// means the group has no list in the data (the seat stays unfilled).
struct QuotaSeat {
  std::string district, group, party;
  std::string seed_marker;  // the word the text uses to mark it ("Kurdish" in "… Kurdish Minority seat"), if any
  std::string source;
  std::size_t line = 0;
};

struct ImportRecipe {
  std::string name;      // "iraq-2013"
  std::string origin;    // where it was read from, for messages
  std::string manifest;  // the election.toml to write, verbatim
  std::vector<QuotaSeat> quota_seats;
};

// The recipes built into the program, by name.
std::vector<std::string> builtin_recipe_names();
ImportRecipe builtin_recipe(std::string_view name);  // throws seatsim::Error for an unknown name
// A recipe folder on disk with the same files (manifest.toml, quota-seats.csv).
ImportRecipe read_recipe(const std::filesystem::path& folder);
// The built-in recipe whose quota districts all appear as sections of `text`, if exactly one does.
std::optional<ImportRecipe> matching_builtin_recipe(std::string_view text);
// The recipe a user's choice names: "auto" (the matching built-in one, if any), "none", a recipe folder, or a
// built-in recipe's name. The CLI's --recipe and Python's recipe= read the same words.
std::optional<ImportRecipe> chosen_recipe(std::string_view text, const std::string& choice);

struct ImportedDataSet {
  std::map<std::string, std::string> files;  // file name -> content
  std::size_t districts = 0, lists = 0, findings = 0;
  std::int64_t seats = 0, reserved = 0;
};

// Converts the text; `source_name` names it in messages and in QUALITY.md. Throws
// seatsim::Error(source, line, ...) for text it cannot read (invalid UTF-8, a number that is
// not one, a row before any header) and for a recipe that does not fit the text.
ImportedDataSet import_wikitable(std::string_view text, const std::string& source_name,
                                 const std::optional<ImportRecipe>& recipe);

// Writes every file into `folder` (created when absent), each atomically; other files there stay.
void write_dataset(const ImportedDataSet& data, const std::filesystem::path& folder);

}  // namespace seatsim
