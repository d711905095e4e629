#pragma once
// Options shared by the commands, and the plumbing from them to the library: the input
// (votes file or data set), the rule flags of interface.md, seat totals, and output
// (--format, -o written atomically).
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include "seatsim/json.hpp"

#include "seatsim/input.hpp"
#include "seatsim/meta.hpp"
#include "seatsim/rule.hpp"
#include "seatsim/rule_settings.hpp"
#include "seatsim/table.hpp"

namespace seatsim::cli {

// The rule flags of interface.md; only flags given on the command line override the input.
struct RuleFlags {
  RuleSettings settings;
  std::string method, first_divisor, divisors, threshold, threshold_scope, party_thresholds, ties;
  std::vector<std::string> exempt;
  std::uint64_t seed = 0;
  bool strict = false;
  // Tiers (docs/multi-tier.md).
  std::string min_seats, max_seats, seat_bounds, leveling_seats, leveling_threshold, leveling_placement,
      leveling_per_district, quorum_any_district, quorum_total;
  bool biproportional = false, list_votes = false, winner_take_one = false;
  std::int64_t seats = 0;
  std::string seats_file;
  std::vector<CLI::Option*> options;  // to ask which were given
  CLI::Option* seats_option = nullptr;
  CLI::Option* seats_file_option = nullptr;

  RuleSettings given() const;
};
void add_rule_flags(CLI::App& app, RuleFlags& flags, bool with_seats = true);

struct OutputFlags {
  std::string format;
  std::string output;
};
void add_output_flags(CLI::App& app, OutputFlags& flags, bool with_markdown = false);

// A repeatable option takes one value per occurrence (`--x A --x B`), so that a positional may follow it.
CLI::Option* repeatable(CLI::Option* option);
// `repeatable` for every option of `command` that takes several values (each main calls it per command).
void one_value_per_occurrence(CLI::App& command);

// The input positional: a votes CSV, "-" for stdin, or a data-set folder.
void add_input(CLI::App& app, std::string& path);

// Input loaded, rule merged (input's rule, then flags), seat totals applied.
struct Prepared {
  LoadedInput input;
  Rule rule;
  RuleSettings settings;
};
Prepared prepare(const std::string& path, const RuleFlags& flags);

// The format asked for, or the default: table on a terminal, csv otherwise.
Format chosen_format(const OutputFlags& flags);

// Renders `table` in the chosen format; JSON gets {"meta": ..., key: records, ...extra}.
std::string render(const OutputFlags& flags, const Table& table, const Meta& meta,
                   const std::string& records_key = "results", const Json& extra = {},
                   const std::vector<std::string>& footer = {});
// Writes to -o atomically, or to stdout.
void emit(const OutputFlags& flags, const std::string& content);
// The same for output produced piece by piece: `write` writes to the stream, which is a
// temporary file renamed over -o once `write` has returned (removed if it throws), or stdout.
void emit_stream(const OutputFlags& flags, const std::function<void(std::ostream&)>& write);

// Notes (ties, unfilled seats) go to stderr, one line each.
void print_notes(const std::vector<std::string>& notes);

Meta make_meta(const std::string& command, const Prepared& prepared);

}  // namespace seatsim::cli
