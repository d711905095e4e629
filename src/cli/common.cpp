#include "common.hpp"

#include <unistd.h>

#include <charconv>
#include <iostream>
#include <limits>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/kernel/leveling_placement.hpp"
#include "seatsim/kernel/method.hpp"

namespace seatsim::cli {

void add_input(CLI::App& app, std::string& path) {
  app.add_option("INPUT", path,
                 "Votes CSV ('-' for stdin), a data-set folder (election.toml, results.csv, districts.csv), or a "
                 "scenario file without a sweep (.toml: its operations applied to its base data set)")
      ->required();
}

CLI::Option* repeatable(CLI::Option* option) {
  // CLI11 lets a vector option take every following word, so that `--threshold-exempt A votes.csv`
  // swallows the input; one value per occurrence, never split on commas (interface.md, amendment 3).
  return option->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void one_value_per_occurrence(CLI::App& command) {
  // Every option that takes several values is a repeatable one; a command that forgets
  // `repeatable` must not bring back the swallowed positional.
  for (CLI::Option* option : command.get_options())
    if (option->nonpositional() && option->get_items_expected_max() > 1) repeatable(option);
}

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string help_of(const RuleKey& key) {
  std::string help(key.help);
  if (key.name == "method") {
    std::string aliases;
    for (const auto& [alias, name] : method_aliases()) {
      if (!aliases.empty()) aliases += ", ";
      aliases += alias;
      aliases += " = ";
      aliases += name;
    }
    return help + ": " + joined(method_names()) + ". Also: " + aliases +
           ". Case, accents, apostrophes and dashes do not matter (D'Hondt, Sainte-Laguë, Hare-Niemeyer)";
  }
  if (key.choices) help += " [" + joined(key.choices()) + "]";
  return help;
}

}  // namespace

CLI::Validator whole_number_from(std::uint64_t low, std::uint64_t high) {
  const std::string range = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
  return CLI::Validator(
      [low, high, range](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (!digits || error != std::errc() || stop != end || value < low || value > high)
          return "'" + text + "' is not " + range;
        return {};
      },
      "UINT");
}

void add_rule_flags(CLI::App& app, RuleFlags& flags, bool with_seats) {
  flags.system_option =
      app.add_option("--system", flags.system,
                     "Electoral system: a name from `seatsim systems`, or a system file (a value with '/' or ending "
                     "in .toml/.json). Flags override it key by key; it overrides the data set's [rule]")
          ->group("Rule (overrides the data set's [rule])");
  for (const RuleKey& key : rule_keys()) {
    const std::string name(key.name);
    const std::string group = key.group == "tiers" ? "Tiers (override the data set's [rule]; see docs/multi-tier.md)"
                                                   : "Rule (overrides the data set's [rule])";
    std::string flag = key.flag();
    if (name == "method") flag += ",-m";
    CLI::Option* option = nullptr;
    if (key.type == KeyType::flag) {
      option = app.add_flag(flag, flags.switches[name], help_of(key));
    } else {
      // One value per occurrence (amendment 3): a positional may follow, and names may hold commas.
      option =
          app.add_option(flag, flags.values[name], help_of(key))->expected(1)->allow_extra_args(false)->delimiter('\0');
      option->multi_option_policy(key.type == KeyType::names ? CLI::MultiOptionPolicy::TakeAll
                                                             : CLI::MultiOptionPolicy::TakeLast);
    }
    flags.options[name] = option->group(group);
  }
  if (with_seats) {
    flags.seats_option =
        app.add_option("--seats", flags.seats, "Seats of the single district in the votes file")->group("Seats");
    flags.seats_file_option =
        app.add_option("--seats-file", flags.seats_file, "CSV district,seats[,reserved] with each district's seats")
            ->group("Seats");
    flags.seats_option->excludes(flags.seats_file_option);
    flags.alliances_option =
        app.add_option("--alliances", flags.alliances_file,
                       "CSV district,alliance,party[,sub_alliance]: list alliances (instead of a data set's "
                       "alliances.csv)")
            ->group("Seats");
    flags.constituencies_option =
        app.add_option("--constituencies", flags.constituencies_file,
                       "CSV constituency,region,winner[,winner_votes,valid_votes]: the constituency winners of a "
                       "mixed-member election (instead of a data set's constituencies.csv)")
            ->group("Seats");
  }
}

RuleSettings RuleFlags::given() const {
  RuleSettings settings;
  for (const RuleKey& key : rule_keys()) {
    const std::string name(key.name);
    const CLI::Option* option = options.at(name);
    if (option->count() == 0) continue;
    try {
      if (key.type == KeyType::flag) {
        key.set_text(settings, switches.at(name) ? "true" : "false");
      } else if (key.type == KeyType::names) {
        for (const std::string& value : values.at(name)) key.set_text(settings, value);
      } else {
        key.set_text(settings, values.at(name).back());
      }
    } catch (const Error& error) {
      throw Error(key.flag() + ": " + error.message().substr(error.message().find(": ") + 2)).with_key(name);
    }
  }
  return settings;
}

RuleSources RuleFlags::sources() const {
  RuleSources sources;
  if (system_option && system_option->count() > 0) sources.system = system;
  sources.overrides = given();
  return sources;
}

SeatOverrides RuleFlags::seat_overrides() const {
  SeatOverrides overrides;
  if (seats_option && seats_option->count() > 0) overrides.seats = seats;
  if (seats_file_option && seats_file_option->count() > 0) overrides.seats_file = seats_file;
  if (alliances_option && alliances_option->count() > 0) overrides.alliances_file = alliances_file;
  if (constituencies_option && constituencies_option->count() > 0) overrides.constituencies_file = constituencies_file;
  return overrides;
}

void add_output_flags(CLI::App& app, OutputFlags& flags) {
  app.add_option("--format,-f", flags.format,
                 "Output format: table, csv, json, markdown (default: table on a terminal, csv otherwise)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}));
  app.add_option("--output,-o", flags.output, "Write the result to this file (atomically) instead of stdout");
  app.add_flag("--verbose", flags.verbose,
               "table and markdown: end with the full provenance (version, rule, SHA-256 of the inputs)");
}

Prepared prepare(const std::string& path, const RuleFlags& flags, const CsvOptions& csv) {
  Prepared prepared = prepare_election(path, flags.sources(), flags.seat_overrides(), csv);
  print_notes(prepared.warnings);
  return prepared;
}

Meta make_meta(const std::string& command, const Prepared& prepared) {
  Meta meta;
  meta.command = command;
  meta.system = system_to_json(prepared.system);
  meta.rule = rule_to_json(prepared.rule);
  if (prepared.rule.ties == TieRule::lot) meta.seed = prepared.rule.seed;
  meta.inputs = prepared.input.files;
  return meta;
}

Format chosen_format(const OutputFlags& flags) {
  const bool terminal = flags.output.empty() && ::isatty(STDOUT_FILENO);
  return flags.format.empty() ? (terminal ? Format::table : Format::csv) : format_by_name(flags.format);
}

std::string render(const OutputFlags& flags, const Table& table, const Meta& meta, const std::string& records_key,
                   const Json& extra, const std::vector<std::string>& footer) {
  const Format format = chosen_format(flags);
  switch (format) {
    case Format::csv:
      return render_csv(table);
    case Format::markdown:
    case Format::table: {
      std::vector<std::string> lines = footer;
      lines.push_back(flags.last_line(meta));
      return format == Format::table ? render_text(table, lines) : render_markdown(table, lines);
    }
    case Format::json: {
      Json json;
      json["meta"] = meta.to_json();
      json[records_key] = to_records(table);
      if (extra.is_object())
        for (const auto& [key, value] : extra.items()) json[key] = value;
      return json.dump(2) + "\n";
    }
  }
  return {};
}

void emit(const OutputFlags& flags, const std::string& content) {
  if (flags.output.empty() || flags.output == "-") {
    std::cout << content << std::flush;
    return;
  }
  write_file_atomically(flags.output, content);
}

void emit_stream(const OutputFlags& flags, const std::function<void(std::ostream&)>& write) {
  if (flags.output.empty() || flags.output == "-") {
    write(std::cout);
    std::cout.flush();
    return;
  }
  AtomicFile file(flags.output);
  write(file.stream());
  file.commit();
}

void print_notes(const std::vector<std::string>& notes) {
  for (const std::string& note : notes) std::cerr << "seatsim: note: " << note << '\n';
}

}  // namespace seatsim::cli
