// seatsim paradoxes: a bounded search of an election for non-monotonicity, negative vote weight,
// Alabama paradoxes and seats that move between other districts, each finding re-checked.
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/paradoxes.hpp"
#include "seatsim/render/paradoxes_report.hpp"

namespace seatsim::cli {
namespace {

struct ParadoxesCommand {
  std::string input;
  InputFlags reading;
  double max_seconds = 60;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    const Election& election = prepared.input.election;
    const ParadoxSearch search = search_paradoxes(election, prepared.rule, {max_seconds});
    const std::vector<std::string> summary = paradox_search_summary(search);
    const Meta meta = make_meta("paradoxes", prepared);
    const Format format = chosen_format(output);
    Json extra;
    extra["search"] = paradox_search_json(search);
    emit(output, render(output, paradoxes_table(election, search), meta, "results", extra, summary));
    if (format == Format::csv || format == Format::json)
      for (const std::string& line : summary) std::cerr << line << '\n';
    return 0;
  }
};

const bool registered = register_command({
    "paradoxes",
    "Search the election for paradoxes (non-monotonicity, negative vote weight, Alabama), each re-checked",
    65,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ParadoxesCommand>();
      app.footer(
          "Bounded search (docs/paradoxes.md): every district's seats ±10 % one by one (and the leveling seats), "
          "every party's votes nationally and every list's votes in its district over a grid (±1, ±10, … and "
          "±0.1 % … ±50 %, down to none), every change of the result between grid points found by bisection.\n"
          "Columns: kind,change,district,party,amount,before,after,seats_before,seats_after,rechecked,detail. kind: "
          "non_monotonicity (gains votes, fewer seats in all), negative_vote_weight (loses votes, more seats), "
          "alabama (one seat more, a list loses one), seats_move_elsewhere (under tiers: a seat moves between two "
          "other districts). Each finding is re-checked by allocating the changed election again. The last lines "
          "(stderr for csv and json) say how far the search got; a clean result proves nothing beyond it.\n"
          "Example: seatsim paradoxes ../shared/data/norway_2021_storting_full.csv --first-divisor 1.4 "
          "--leveling-seats 19 --leveling-threshold 4% --max-seconds 60");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_option("--max-seconds", command->max_seconds, "Stop the search after this many seconds (default 60)")
          ->check(CLI::Range(0.0, 1e9));
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
