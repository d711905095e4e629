#include "common.hpp"

#include <unistd.h>

#include <iostream>

#include "seatsim/error.hpp"
#include "seatsim/file_io.hpp"
#include "seatsim/leveling_placement.hpp"

namespace seatsim::cli {

void add_input(CLI::App& app, std::string& path) {
  app.add_option("INPUT", path,
                 "Votes CSV ('-' for stdin) or a data-set folder (election.toml, results.csv, "
                 "districts.csv)")
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

// interface.md, "Multi-tier flags", and the seat bounds of docs/multi-tier.md.
void add_tier_flags(CLI::App& app, RuleFlags& flags) {
  const std::string group = "Tiers (override the data set's [rule]; see docs/multi-tier.md)";
  const auto add = [&](const std::string& name, std::string& into, const std::string& help) {
    flags.options.push_back(app.add_option(name, into, help)->group(group));
  };
  const auto flag = [&](const std::string& name, bool& into, const std::string& help) {
    flags.options.push_back(app.add_flag(name, into, help)->group(group));
  };
  add("--min-seats", flags.min_seats, "Every list takes at least this many seats (divisor methods)");
  add("--max-seats", flags.max_seats, "No list takes more than this many seats (divisor methods)");
  add("--seat-bounds", flags.seat_bounds, "CSV party,min,max with per-list bounds (an empty field: the general one)");
  add("--leveling-seats", flags.leveling_seats, "National leveling seats on top of the district seats");
  add("--leveling-threshold", flags.leveling_threshold,
      "National threshold for the leveling tier: a share ('4%') or votes ('1000v'); a list exactly at it passes");
  std::string placements;
  for (const std::string& name : leveling_placement_names()) placements += (placements.empty() ? "" : ", ") + name;
  add("--leveling-placement", flags.leveling_placement,
      "How leveling seats go into districts: " + placements + " (default norway)");
  add("--leveling-per-district", flags.leveling_per_district,
      "Leveling seats each district can take: a number (default 1) or a CSV district,seats");
  flag("--biproportional", flags.biproportional,
       "Biproportional apportionment: lists nationally, then districts by alternating scaling");
  add("--quorum-any-district", flags.quorum_any_district,
      "Biproportional quorum: this share of the votes ('5%') or votes ('1000v') in at least one district");
  add("--quorum-total", flags.quorum_total,
      "Biproportional quorum: this share of all votes ('3%') or votes ('1000v'); with --quorum-any-district, either "
      "suffices");
  flag("--list-votes", flags.list_votes,
       "Votes are list votes: the upper apportionment divides them by the district's seats");
  flag("--winner-take-one", flags.winner_take_one,
       "Biproportional: a district's strongest list takes at least one seat there, when entitled to seats");
}

}  // namespace

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
  add("--threshold", flags.threshold, "Legal threshold: a share ('5%') or a number of votes ('1000v')");
  add("--threshold-scope", flags.threshold_scope, "district (default) or national: the base of the threshold");
  add("--party-thresholds", flags.party_thresholds, "CSV party,threshold overriding --threshold (empty = exempt)");
  add("--ties", flags.ties, "Tie rule: more-votes (default), fewer-votes, list-order, lot, error");
  flags.options.push_back(
      repeatable(app.add_option("--threshold-exempt", flags.exempt,
                                "A list exempt from the threshold (repeatable: one name each time)"))
          ->group(group));
  flags.options.push_back(
      app.add_flag("--threshold-strict", flags.strict, "A list exactly at the threshold fails (default: it passes)")
          ->group(group));
  flags.options.push_back(
      app.add_option("--seed", flags.seed, "Seed for the 'lot' tie rule (default 0)")->group(group));
  add_tier_flags(app, flags);
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
  if (set("--min-seats")) s.min_seats = min_seats;
  if (set("--max-seats")) s.max_seats = max_seats;
  if (set("--seat-bounds")) s.seat_bounds = seat_bounds;
  if (set("--leveling-seats")) s.leveling_seats = leveling_seats;
  if (set("--leveling-threshold")) s.leveling_threshold = leveling_threshold;
  if (set("--leveling-placement")) s.leveling_placement = leveling_placement;
  if (set("--leveling-per-district")) s.leveling_per_district = leveling_per_district;
  if (set("--biproportional")) s.biproportional = biproportional;
  if (set("--quorum-any-district")) s.quorum_any_district = quorum_any_district;
  if (set("--quorum-total")) s.quorum_total = quorum_total;
  if (set("--list-votes")) s.list_votes = list_votes;
  if (set("--winner-take-one")) s.winner_take_one = winner_take_one;
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
  // Files named on the command line are relative to the working folder, the manifest's to its folder.
  prepared.settings.resolve_files(prepared.input.folder);
  prepared.settings.override_with(flags.given());
  prepared.rule = prepared.settings.build();
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
