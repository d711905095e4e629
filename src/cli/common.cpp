#include "common.hpp"

#include <unistd.h>

#include <iostream>

#include "seatsim/error.hpp"
#include "seatsim/file_io.hpp"

namespace seatsim::cli {

void add_input(CLI::App& app, std::string& path) {
  app.add_option("INPUT", path,
                 "Votes CSV ('-' for stdin) or a data-set folder (election.toml, results.csv, "
                 "districts.csv)")
      ->required();
}

void add_rule_flags(CLI::App& app, RuleFlags& flags, bool with_seats) {
  const std::string group = "Rule (overrides the data set's [rule])";
  const auto add = [&](const std::string& name, std::string& into, const std::string& help) {
    CLI::Option* option = app.add_option(name, into, help)->group(group);
    flags.options.push_back(option);
    return option;
  };
  std::string methods;
  for (const std::string& name : method_names()) methods += (methods.empty() ? "" : ", ") + name;
  add("--method,-m", flags.method, "Allocation method: " + methods + " (default sainte-lague)");
  add("--first-divisor", flags.first_divisor, "First divisor of a divisor method, as an exact decimal (1.4 = 7/5)");
  add("--divisors", flags.divisors, "Custom divisor sequence '1.4,3,5'; continues arithmetically from the last two");
  add("--threshold", flags.threshold, "Legal threshold: a share ('5%') or a number of votes ('1000')");
  add("--threshold-scope", flags.threshold_scope, "district (default) or national: the base of the threshold");
  add("--party-thresholds", flags.party_thresholds, "CSV party,threshold overriding --threshold (empty = exempt)");
  add("--ties", flags.ties, "Tie rule: more-votes (default), fewer-votes, list-order, lot, error");
  flags.options.push_back(app.add_option("--threshold-exempt", flags.exempt,
                                         "A list exempt from the threshold "
                                         "(repeatable)")
                              ->group(group));
  flags.options.push_back(
      app.add_flag("--threshold-strict", flags.strict, "A list exactly at the threshold fails (default: it passes)")
          ->group(group));
  flags.options.push_back(
      app.add_option("--seed", flags.seed, "Seed for the 'lot' tie rule (default 0)")->group(group));
  if (with_seats) {
    flags.seats_option =
        app.add_option("--seats", flags.seats, "Seats of the single district in the votes file")->group("Seats");
    flags.seats_file_option =
        app.add_option("--seats-file", flags.seats_file, "CSV district,seats[,reserved] with each district's seats")
            ->group("Seats");
    flags.seats_option->excludes(flags.seats_file_option);
  }
}

RuleSettings RuleFlags::given() const {
  const auto set = [&](const std::string& name) {
    for (const CLI::Option* option : options)
      if (option->check_name(name)) return option->count() > 0;
    return false;
  };
  RuleSettings s;
  if (set("--method")) s.method = method;
  if (set("--first-divisor")) s.first_divisor = first_divisor;
  if (set("--divisors")) s.divisors = divisors;
  if (set("--threshold")) s.threshold = threshold;
  if (set("--threshold-scope")) s.threshold_scope = threshold_scope;
  if (set("--party-thresholds")) s.party_thresholds = party_thresholds;
  if (set("--ties")) s.ties = ties;
  if (set("--threshold-exempt")) s.threshold_exempt = exempt;
  if (set("--threshold-strict")) s.threshold_strict = strict;
  if (set("--seed")) s.seed = seed;
  return s;
}

void add_output_flags(CLI::App& app, OutputFlags& flags, bool with_markdown) {
  app.add_option("--format,-f", flags.format,
                 std::string("Output format: table, csv, json") + (with_markdown ? ", markdown" : "") +
                     " (default: table on a terminal, csv otherwise)")
      ->check(with_markdown ? CLI::IsMember({"table", "csv", "json", "markdown"})
                            : CLI::IsMember({"table", "csv", "json"}));
  app.add_option("--output,-o", flags.output, "Write the result to this file (atomically) instead of stdout");
}

Prepared prepare(const std::string& path, const RuleFlags& flags) {
  Prepared prepared{load_input(path), {}, {}};
  prepared.settings = prepared.input.rule;
  const RuleSettings given = flags.given();
  prepared.settings.override_with(given);
  // Files named on the command line are relative to the working folder, the manifest's to its folder.
  prepared.rule = prepared.settings.build(given.party_thresholds ? std::string() : prepared.input.folder);
  SeatSources seats;
  if (flags.seats_option && flags.seats_option->count() > 0) seats.seats = flags.seats;
  if (flags.seats_file_option && flags.seats_file_option->count() > 0) {
    seats.seats_file = read_seat_totals(read_csv_file(flags.seats_file, prepared.input.files));
    seats.seats_file_name = flags.seats_file;
  } else if (prepared.input.districts) {
    seats.seats_file = prepared.input.districts;
    seats.seats_file_name = prepared.input.districts_file;
  }
  apply_seat_totals(prepared.input.election, seats);
  return prepared;
}

Meta make_meta(const std::string& command, const Prepared& prepared) {
  Meta meta;
  meta.command = command;
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
  switch (chosen_format(flags)) {
    case Format::csv:
      return render_csv(table);
    case Format::markdown:
      return render_markdown(table);
    case Format::table: {
      std::vector<std::string> lines = footer;
      lines.push_back(meta.one_line());
      return render_text(table, lines);
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
