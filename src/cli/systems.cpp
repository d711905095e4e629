// seatsim systems: the library of statutory electoral systems; `show` writes one (or one made from
// rule flags) in the system serialization; `schema` prints the JSON Schema of that serialization.
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/system_file.hpp"

namespace seatsim::cli {
namespace {

std::string verified_text(const System& system) {
  std::string text;
  for (const Verification& v : system.verified)
    text += (text.empty() ? "" : "; ") + v.election + (v.matched.empty() ? "" : " (" + v.matched + ")");
  return text.empty() ? "unverified" : text;
}

Table systems_table() {
  Table table;
  table.columns = {"name", "body", "country", "in_force", "verified"};
  for (const System& system : library_systems())
    table.add({system.name, system.body, system.country, system.in_force, verified_text(system)});
  return table;
}

struct ShowOptions {
  std::string system;
  RuleFlags rule;
  std::string format = "toml";
  std::string output;
};

// The named system (or none) with the flags over its rule: `systems show --first-divisor 1.4 ...`
// writes the system file those flags describe.
System shown_system(const ShowOptions& options) {
  System system;
  if (!options.system.empty()) system = load_system(options.system);
  const RuleSources sources = options.rule.sources();
  if (sources.system) throw Error("give the system as the positional NAME, not with --system");
  system.rule.override_with(sources.overrides);
  (void)system.rule.build();  // a system that cannot be built is not written
  return system;
}

struct SystemsCommand {
  OutputFlags output;
  ShowOptions show;
  CLI::App* show_app = nullptr;
  CLI::App* schema_app = nullptr;

  int run() const {
    if (show_app->parsed()) {
      const System system = shown_system(show);
      const std::string text =
          show.format == "json" ? Json{{"system", system_to_json(system)}}.dump(2) + "\n" : system_to_toml(system);
      emit(OutputFlags{"", show.output}, text);
      return 0;
    }
    if (schema_app->parsed()) {
      emit(output, system_json_schema().dump(2) + "\n");
      return 0;
    }
    Meta meta;
    meta.command = "systems";
    emit(output, render(output, systems_table(), meta, "systems"));
    return 0;
  }
};

const bool registered = register_command({
    "systems",
    "The library of statutory electoral systems: list them, show one as a system file",
    5,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<SystemsCommand>();
      app.footer(
          "Columns: name,body,country,in_force,verified (the elections a test reproduces, or 'unverified').\n"
          "Any command takes a system with --system NAME (or --system FILE); flags override it key by key.\n"
          "Examples: seatsim systems\n  seatsim systems show norway-storting-2005 > storting.toml\n"
          "  seatsim systems show --method dhondt --threshold 5% > my-system.toml\n"
          "  seatsim compare ../shared/data/poland_2023_sejm.csv --system poland-sejm-2011");
      add_output_flags(app, command->output);
      command->show_app = app.add_subcommand(
          "show", "Write a system (from the library, a file, or the rule flags alone) as a system file");
      command->show_app->add_option("NAME", command->show.system, "A system of the library, or a system file");
      command->show_app->add_option("--format,-f", command->show.format, "toml (default) or json")
          ->check(CLI::IsMember({"toml", "json"}));
      command->show_app->add_option("--output,-o", command->show.output, "Write to this file (atomically)");
      add_rule_flags(*command->show_app, command->show.rule, false);
      command->show_app->footer(
          "The rule flags override the system's rule key by key, so that a system file can be written from the "
          "flags a command line uses. The output reads back to the same system (seatsim/io/system_file.hpp).");
      command->schema_app =
          app.add_subcommand("schema", "Print the JSON Schema of a system file ({\"system\": {...}} in JSON)");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
