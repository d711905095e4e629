// seatsim fit: which first divisor (and which standard method) reproduces the published seats.
#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/rule_fit.hpp"
#include "seatsim/render/comparison_report.hpp"

namespace seatsim::cli {
namespace {

struct FitCommand {
  std::string input;
  InputFlags reading;
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    const Election& election = prepared.input.election;
    const RuleFit fit = fit_rule(election, prepared.rule);
    const Meta meta = make_meta("fit", prepared);
    const Format format = chosen_format(output);
    std::string text;
    if (format == Format::table || format == Format::markdown) {
      const bool markdown = format == Format::markdown;
      text = rule_fit_report(election, fit, prepared.rule, markdown) + (markdown ? "\n" : "") + output.last_line(meta) +
             "\n";
    } else {
      text = render(output, rule_fit_table(election, fit), meta, "districts_table", rule_fit_to_json(election, fit));
    }
    emit(output, text);
    return fit.unexplained.empty() ? 0 : 1;
  }
};

const bool registered = register_command({
    "fit",
    "Which rule produced the published seats: exact first-divisor intervals per district",
    30,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<FitCommand>();
      app.footer(
          "For each district: the exact set of first divisors f (d(0) = f, later divisors as in --method) under "
          "which the recomputation gives the published seats, as fractions and decimals, '[' / ']' marking an "
          "included endpoint (decided by recomputing there with the tie rule); and the standard methods that "
          "reproduce it. Then the intersection over the districts some f explains, and the districts nothing "
          "explains.\nCSV columns: district,first_divisors,low,low_included,high,high_included,low_decimal,"
          "high_decimal,methods_matching,reason.\nExit: 0 every district is explained by some first divisor or "
          "standard method, 1 some district is not, 2 bad input (e.g. a method that is not a linear divisor "
          "method).\nExample: seatsim fit scenarios/iraq-2013 --method sainte-lague");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
