// seatsim import: converts published tables into a data set (results.csv, districts.csv,
// election.toml, QUALITY.md), with the project's own code and a hand-written recipe.
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/kerg2_import.hpp"
#include "seatsim/io/knesset_import.hpp"
#include "seatsim/io/riksdag_import.hpp"
#include "seatsim/io/wikitable_import.hpp"

namespace seatsim::cli {
namespace {

struct ImportCommand {
  std::string input, output, recipe = "auto";

  int run() const {
    if (output.empty()) throw Error("give the data set's folder with -o");
    const std::string text = read_text_file(input);
    const std::optional<ImportRecipe> chosen = chosen_recipe(text, recipe);
    const std::string name = std::filesystem::path(input).filename().string();
    const ImportedDataSet data = import_wikitable(text, name, chosen);
    write_dataset(data, output);
    std::cout << "imported " << data.districts << " districts, " << data.lists << " lists, " << data.seats << " seats ("
              << data.reserved << " reserved) into " << output << " with "
              << (chosen ? "recipe " + chosen->name : std::string("no recipe")) << "; QUALITY.md lists "
              << data.findings << " inconsistencies\n";
    return 0;
  }
};

// seatsim import kerg2: the Bundeswahlleiterin's results file (and a seats table) into a data set.
struct Kerg2Command {
  std::string input, seats, manifest, output;

  static std::optional<SourceText> optional_source(const std::string& path) {
    if (path.empty()) return std::nullopt;
    // The data set names its sources by file name, so that it does not depend on where the import ran.
    return SourceText{std::filesystem::path(path).filename().string(), read_text_file(path)};
  }

  int run() const {
    const ImportedDataSet data =
        import_kerg2(*optional_source(input), optional_source(seats), optional_source(manifest));
    write_dataset(data, output);
    std::cout << "imported " << data.lists << " parties into " << output << " ("
              << (seats.empty() ? std::string("no seats table") : std::to_string(data.seats) + " seats")
              << "); QUALITY.md lists " << data.findings << " inconsistencies\n";
    return 0;
  }
};

// Adds the subcommand; the runner it returns runs the import when the subcommand was given.
std::function<std::optional<int>()> add_kerg2(CLI::App& app) {
  CLI::App* kerg2 = app.add_subcommand(
      "kerg2", "The Bundeswahlleiterin's kerg2.csv (Bundestag election results) as the national apportionment");
  auto command = std::make_shared<Kerg2Command>();
  kerg2->add_option("KERG2", command->input, "kerg2.csv, or a reduction to its Bund and Land rows")->required();
  kerg2->add_option("--seats", command->seats,
                    "Published seats: a unit,party,seats table (wahlwerk-data's declared.csv)");
  kerg2->add_option("--manifest", command->manifest,
                    "The hand-written part of election.toml: name, source, caveats, [rule] (no date)");
  kerg2->add_option("--output,-o", command->output, "The data set's folder (created; its files replaced)")->required();
  kerg2->footer(
      "Writes results.csv (one district, Deutschland: every party's second votes, published seats), laender.csv "
      "(the same per Land), districts.csv (with --seats: the national seat total), election.toml and QUALITY.md "
      "(every sum checked).\nExample: seatsim import kerg2 scenarios/germany-2025/source/kerg2-bund-laender.csv "
      "--seats scenarios/germany-2025/source/declared.csv --manifest scenarios/germany-2025/source/manifest.toml "
      "-o scenarios/germany-2025");
  return [command, kerg2]() -> std::optional<int> {
    if (!kerg2->parsed()) return std::nullopt;
    return command->run();
  };
}

// seatsim import knesset: the Central Elections Committee's expc.csv, a letters table and the surplus
// agreements into a data set.
struct KnessetCommand {
  std::string input, lists, agreements, manifest, provenance, output;

  int run() const {
    const auto source = [](const std::string& path) { return Kerg2Command::optional_source(path); };
    const ImportedDataSet data =
        import_knesset(*source(input), *source(lists), *source(agreements), source(manifest), source(provenance));
    write_dataset(data, output);
    std::cout << "imported " << data.lists << " lists into " << output << " (" << data.seats
              << " published seats); QUALITY.md lists " << data.findings << " inconsistencies\n";
    return 0;
  }
};

// seatsim import riksdag: a Riksdag election (Valmyndigheten's final seat allocation, as JSON) into a data set.
struct RiksdagCommand {
  std::string input, manifest, output;

  int run() const {
    const auto source = [](const std::string& path) {
      return SourceText{std::filesystem::path(path).filename().string(), read_text_file(path)};
    };
    const ImportedDataSet data = import_riksdag(source(input), source(manifest));
    write_dataset(data, output);
    std::cout << "imported " << data.districts << " constituencies, " << data.lists << " lists, " << data.seats
              << " seats into " << output << "; QUALITY.md lists " << data.findings << " inconsistencies\n";
    return 0;
  }
};

std::function<std::optional<int>()> add_knesset(CLI::App& app) {
  CLI::App* knesset = app.add_subcommand(
      "knesset", "The Central Elections Committee's expc.csv (Knesset results per locality), with surplus agreements");
  auto command = std::make_shared<KnessetCommand>();
  knesset->add_option("EXPC", command->input, "expc.csv: one row per locality, one column per ballot letter")
      ->required();
  knesset->add_option("--lists", command->lists, "CSV letter,party,published_seats: names and published seats")
      ->required();
  knesset->add_option("--agreements", command->agreements, "Surplus agreements: lines \"LETTER\": \"LETTER\"")
      ->required();
  knesset->add_option("--manifest", command->manifest, "The hand-written election.toml (name, date, source, system)");
  knesset->add_option("--provenance", command->provenance, "Markdown copied into QUALITY.md: where each source is");
  knesset->add_option("--output,-o", command->output, "The data set's folder (created; its files replaced)")
      ->required();
  knesset->footer(
      "Writes results.csv (one district, Israel), alliances.csv (one alliance per agreement), election.toml and "
      "QUALITY.md.\nExample: seatsim import knesset scenarios/israel-2022/source/expc.csv --lists "
      "scenarios/israel-2022/source/lists.csv --agreements scenarios/israel-2022/source/SurplusAgreement.py "
      "--manifest scenarios/israel-2022/source/manifest.toml --provenance scenarios/israel-2022/source/PROVENANCE.md "
      "-o scenarios/israel-2022");
  return [command, knesset]() -> std::optional<int> {
    if (!knesset->parsed()) return std::nullopt;
    return command->run();
  };
}

std::function<std::optional<int>()> add_riksdag(CLI::App& app) {
  CLI::App* riksdag = app.add_subcommand(
      "riksdag", "A Riksdag election's JSON (votes, fixed and adjustment seats per constituency) as a data set");
  auto command = std::make_shared<RiksdagCommand>();
  riksdag->add_option("JSON", command->input, "The election's JSON (docs/data-sources.md, Sweden)")->required();
  riksdag->add_option("--manifest", command->manifest, "The hand-written part of election.toml")->required();
  riksdag->add_option("--output,-o", command->output, "The data set's folder (created; its files replaced)")
      ->required();
  riksdag->footer(
      "Writes results.csv (district,party,votes,district_seats,leveling_seats: the published fixed and "
      "adjustment seats), districts.csv (each constituency's fixed seats), election.toml and QUALITY.md (every "
      "sum checked).\nExample: seatsim import riksdag scenarios/sweden-2022/source/riksdag_2022.json --manifest "
      "scenarios/sweden-2022/source/manifest.toml -o scenarios/sweden-2022");
  return [command, riksdag]() -> std::optional<int> {
    if (!riksdag->parsed()) return std::nullopt;
    return command->run();
  };
}

const bool registered = register_command({
    "import",
    "Convert published tables (scraped wikitable text, kerg2.csv, Knesset expc.csv, Riksdag JSON) into a data set "
    "folder",
    60,
    [](CLI::App& app) -> Runner {
      app.require_subcommand(1);
      const auto kerg2 = add_kerg2(app);
      const auto knesset = add_knesset(app);
      const auto riksdag = add_riksdag(app);
      CLI::App* wikitable = app.add_subcommand(
          "wikitable", "Text with '## Section' headings and tab-separated tables whose header rows start with 'Party'");
      auto command = std::make_shared<ImportCommand>();
      wikitable->add_option("TEXT", command->input, "The scraped text file")->required();
      wikitable->add_option("--output,-o", command->output, "The data set's folder (created; its files replaced)")
          ->required();
      std::string recipes;
      for (const std::string& name : builtin_recipe_names()) recipes += (recipes.empty() ? "" : ", ") + name;
      wikitable->add_option("--recipe", command->recipe,
                            "auto (default: the built-in recipe whose districts the text has), none, a built-in "
                            "recipe (" +
                                recipes + "), or a folder with manifest.toml and quota-seats.csv");
      wikitable->footer(
          "Writes results.csv (district,party,votes,published_seats,quota), districts.csv (district,seats,reserved), "
          "national.csv (the summary table before the first section), election.toml (the recipe's manifest) and "
          "QUALITY.md (every inconsistency found, one line each).\nNumbers are never changed; 'Other parties' "
          "rows are left out of results.csv (they are not one list).\nExample: seatsim import wikitable "
          "../shared/seeds/000_3647352df70139e3.txt -o scenarios/iraq-2013");
      return [command, kerg2, knesset, riksdag] {
        if (const std::optional<int> status = kerg2()) return *status;
        if (const std::optional<int> status = knesset()) return *status;
        if (const std::optional<int> status = riksdag()) return *status;
        return command->run();
      };
    },
});

}  // namespace
}  // namespace seatsim::cli
