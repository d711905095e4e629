#pragma once
// Options shared by the commands, and the plumbing from them to the library: the input
// (votes file or data set), the rule flags of interface.md, seat totals, and output
// (--format, -o written atomically).
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include "seatsim/core/json.hpp"

#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim::cli {

// The rule flags: one per key of seatsim/io/rule_keys.hpp, and `--system`. Only flags given on the
// command line override the input (and the system).
struct RuleFlags {
  std::string system;
  CLI::Option* system_option = nullptr;
  std::map<std::string, std::vector<std::string>> values;  // key -> values given (names: one per flag)
  std::map<std::string, bool> switches;                    // flag-valued keys
  std::map<std::string, CLI::Option*> options;             // key -> its option, to ask which were given
  std::int64_t seats = 0;
  std::string seats_file;
  CLI::Option* seats_option = nullptr;
  CLI::Option* seats_file_option = nullptr;
  std::string alliances_file;
  CLI::Option* alliances_option = nullptr;
  std::string constituencies_file;
  CLI::Option* constituencies_option = nullptr;

  RuleSettings given() const;
  RuleSources sources() const;
  SeatOverrides seat_overrides() const;
};
void add_rule_flags(CLI::App& app, RuleFlags& flags, bool with_seats = true);

// A whole number from `low` to `high`, checked on the text before CLI11 converts it (it would
// wrap "-1" to 2^64-1 and saturate "99999999999999999999"): exit 2 with the range otherwise.
CLI::Validator whole_number_from(std::uint64_t low, std::uint64_t high);

struct OutputFlags {
  std::string format;
  std::string output;
  bool verbose = false;  // the table's last line: the full provenance instead of the short one

  std::string last_line(const Meta& meta) const { return verbose ? meta.one_line() : meta.summary_line(); }
};
// --format (table, csv, json, markdown), --output and --verbose.
void add_output_flags(CLI::App& app, OutputFlags& flags);

// A repeatable option takes one value per occurrence (`--x A --x B`), so that a positional may follow it.
CLI::Option* repeatable(CLI::Option* option);
// `repeatable` for every option of `command` that takes several values (each main calls it per command).
void one_value_per_occurrence(CLI::App& command);

// The input positional: a votes CSV, "-" for stdin, or a data-set folder.
void add_input(CLI::App& app, std::string& path);

// Input loaded (its CSV files read with `csv`; a scenario's operations applied), rule layered (input,
// --system, flags), names checked, seat totals applied: seatsim/analysis/election_setup.hpp's pipeline.
using Prepared = ElectionSetup;
Prepared prepare(const std::string& path, const RuleFlags& flags, const CsvOptions& csv = {});

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
