// seatsim import: converts published tables into a data set (results.csv, districts.csv,
// election.toml, QUALITY.md), with the project's own code and a hand-written recipe.
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/error.hpp"
#include "seatsim/file_io.hpp"
#include "seatsim/wikitable_import.hpp"

namespace seatsim::cli {
namespace {

struct ImportCommand {
  std::string input, output, recipe = "auto";

  int run() const {
    if (output.empty()) throw Error("give the data set's folder with -o");
    const std::string text = read_text_file(input);
    std::optional<ImportRecipe> chosen;
    if (recipe == "auto")
      chosen = matching_builtin_recipe(text);
    else if (recipe != "none")
      chosen = std::filesystem::is_directory(recipe) ? read_recipe(recipe) : builtin_recipe(recipe);
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

const bool registered = register_command({
    "import",
    "Convert published tables (scraped wikitable text) into a data set folder",
    60,
    [](CLI::App& app) -> Runner {
      app.require_subcommand(1);
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
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
