// seatsim chart: the parliament as SVG — a hemicycle, published against recomputed, the
// per-district differences, or a sweep.
#include <filesystem>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/parliament.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/chart_data.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/svg_chart.hpp"

namespace seatsim::cli {
namespace {

bool is_parliament_json(const std::string& path) {
  std::error_code ec;
  return std::filesystem::path(path).extension() == ".json" && !std::filesystem::is_directory(path, ec);
}

// "sainte-lague", "sainte-lague, first divisor 1.4", "divisors 1.4, 3, 5, ...": short enough for a title.
std::string rule_label(const Method& method) {
  if (!method.is_divisor()) return method.name;
  if (method.name == "custom") return "divisors " + method.divisor().describe();
  const Rational first = method.divisor().divisor(0);
  if (method.divisor().family() == DivisorRule::Family::linear &&
      method_by_name(method.name).divisor().divisor(0) != first)
    return method.name + ", first divisor " + first.to_string();
  return method.name;
}

struct ChartCommand {
  std::string input;
  InputFlags reading;
  std::string kind = "hemicycle";
  std::string layout = "side-by-side";
  std::string district;
  std::string parties_file;
  std::string title;
  std::string parliament_json;
  bool published = false;
  unsigned threads = 1;
  RuleFlags rule;
  std::string output;

  PartyStyles given_styles(const std::string& folder) const {
    if (!parties_file.empty()) {
      std::vector<InputFile> ignored;
      return read_party_styles(read_csv_file(parties_file, ignored));
    }
    return load_party_styles(folder).value_or(PartyStyles{});
  }
  // Every party's colour, assigned once from the base election (render/party_colours.hpp).
  PartyStyles styles(const LoadedInput& base) const {
    return run_party_styles(base.election, given_styles(base.folder));
  }

  // A parliament-diagram JSON file: drawn as it is (hemicycle only).
  Parliament parliament_from_json() const {
    if (kind != "hemicycle") throw Error(input, 0, "a parliament JSON file can only be drawn as --kind hemicycle");
    Parliament parliament = styled(read_parliament_json(read_text_file(input), input), given_styles({}));
    if (!title.empty()) parliament.title = title;
    if (parliament.title.empty()) parliament.title = std::filesystem::path(input).stem().string();
    return parliament;
  }

  std::string chart_title(const Prepared& prepared, const std::string& what) const {
    if (!title.empty()) return title;
    std::string name = prepared.input.name;
    if (!district.empty()) name += ", " + district;
    return name + ": " + what;
  }

  // A scenario file with a [sweep]: seats per list against the swept parameter.
  std::string sweep_chart_svg() const {
    const Scenario scenario = load_scenario(input);
    if (!scenario.sweep)
      throw Error(input, 0, "--kind sweep needs a scenario file with a [sweep] (see docs/scenarios.md)");
    const ScenarioBase base = load_scenario_base(scenario, reading.options());
    const SweepResult result = run_sweep(scenario, base, {threads, true});
    return sweep_svg(sweep_chart(scenario, result, styles(base.input), title));
  }

  int run() const {
    std::string svg;
    Parliament drawn;
    if (kind == "sweep") {
      if (!parliament_json.empty()) throw Error("--parliament-json applies to hemicycle, compare and diff charts");
      emit(OutputFlags{"", output}, sweep_chart_svg());
      return 0;
    }
    // A scenario without a sweep is an input like a data set (its operations applied); one with a sweep
    // is a family of elections, drawn as one chart.
    if (std::filesystem::path(input).extension() == ".toml" && load_scenario(input).sweep)
      throw Error(input, 0, "this scenario sweeps a parameter: draw it with --kind sweep");
    if (is_parliament_json(input)) {
      drawn = parliament_from_json();
      svg = hemicycle_svg(drawn);
    } else {
      const Prepared prepared = prepare(input, rule, reading.options());
      const ElectionOutcome outcome = allocate(prepared.input.election, prepared.rule);
      print_notes(outcome.notes);
      ElectionCharts charts = election_charts(prepared.input.election, outcome, styles(prepared.input), district);
      const std::string method = rule_label(prepared.rule.method);
      if ((kind == "compare" || published) && !charts.published)
        throw Error(prepared.input.election.source, 0, "no published result to chart: no list has published_seats");
      if (kind == "hemicycle") {
        drawn = published ? *charts.published : charts.recomputed;
        drawn.title = chart_title(prepared, published ? "published seats" : "seats under " + method);
        svg = hemicycle_svg(drawn);
      } else if (kind == "compare") {
        drawn = charts.recomputed;
        svg = compare_svg(*charts.published, charts.recomputed, compare_layout_by_name(layout),
                          chart_title(prepared, "published against recomputed (" + method + ")"), charts.changes);
      } else {
        drawn = charts.recomputed;
        svg = diff_svg(charts.districts, charts.recomputed,
                       chart_title(prepared, "seats won and lost against the published result (" + method + ")"));
      }
    }
    // Both outputs are complete before either is written.
    if (!parliament_json.empty()) write_file_atomically(parliament_json, write_parliament_json(drawn));
    emit(OutputFlags{"", output}, svg);
    return 0;
  }
};

const bool registered = register_command({
    "chart",
    "Draw the parliament as SVG: hemicycle, published against recomputed, per-district differences",
    80,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ChartCommand>();
      app.footer(
          "Kinds: hemicycle (seats by list, legend with counts), compare (published and recomputed side by side, or "
          "--layout marked: the recomputed hemicycle with the seats won ringed), diff (per district, seats won and "
          "lost against the published result), sweep (INPUT is a scenario file with a [sweep]: seats per list against "
          "the swept parameter in the districts it changes, break points dashed).\nColours: one per party in every "
          "chart "
          "of the data set: the data set's parties.csv (party,colour,short; its order is the seating order), else a "
          "colour its name says (\"Green\"), else a colour-blind-safe palette by national votes; smaller lists beyond "
          "the palette share a grey (\"others\").\nINPUT may also be parliament-diagram JSON "
          "({\"parties\":[{\"name\",\"nb_seats\",\"color\"}]}).\nExample: seatsim chart votes.csv --seats 101 "
          "--kind hemicycle -o parliament.svg");
      app.add_option("INPUT", command->input,
                     "Votes CSV ('-' for stdin), a data-set folder, parliament-diagram JSON (*.json), or a scenario "
                     "file (*.toml, --kind sweep)")
          ->required();
      add_input_flags(app, command->reading);
      app.add_option("--kind,-k", command->kind, "hemicycle (default), compare, diff or sweep")
          ->check(CLI::IsMember({"hemicycle", "compare", "diff", "sweep"}));
      app.add_option("--layout", command->layout, "compare: side-by-side (default) or marked")
          ->check(CLI::IsMember({"side-by-side", "marked"}));
      app.add_option("--district", command->district, "Chart this district only (default: all, summed by party)");
      app.add_flag("--published", command->published, "hemicycle: draw the published seats instead of recomputed");
      app.add_option("--parties", command->parties_file,
                     "CSV party,colour,short (default: the data set's parties.csv)");
      app.add_option("--title", command->title, "Chart title (default: the data set's name and what is drawn)");
      app.add_option("--parliament-json", command->parliament_json,
                     "Also write the drawn parliament as parliament-diagram JSON to this file");
      app.add_option("--threads", command->threads, "sweep: threads of the batched kernel (0 = every core)");
      add_rule_flags(app, command->rule);
      app.add_option("--output,-o", command->output, "Write the SVG to this file (atomically) instead of stdout");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
