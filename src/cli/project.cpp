// seatsim project: from polls to seats. The polls are pooled, a swing model carries them onto a
// base election's districts, the rule allocates; with --draws, a Monte Carlo of the poll
// uncertainty (analysis/projection.hpp). Wiring only: options in, ProjectionResult out, rendered.
#include <iostream>

#include "analysis_input.hpp"
#include "command.hpp"
#include "common.hpp"
#include "seatsim/analysis/projection.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/house_effects_file.hpp"
#include "seatsim/io/ropf_file.hpp"
#include "seatsim/render/projection_report.hpp"
#include "simulate.hpp"

namespace seatsim::cli {
namespace {

constexpr std::uint64_t max_projection_draws = 1'000'000'000;

struct ProjectCommand {
  std::string input;
  InputFlags reading;
  std::string polls;
  std::string mapping;
  std::string swing = "uniform";
  std::int64_t draws = 0;
  unsigned threads = 0;
  double half_life = 14;
  std::string covariance;
  std::string regions;
  std::string regional_covariance;
  std::string new_party_pattern;
  std::string turnout = "unchanged";
  std::string house_effects;
  std::string noise;
  bool no_sampling = false;
  bool no_house_effects = false;
  std::vector<std::string> coalitions;
  std::string view;
  RuleFlags rule;
  OutputFlags output;

  ProjectionOptions options(const Prepared& prepared) const {
    ProjectionOptions options;
    options.swing = SwingModel::parse(swing);
    options.draws = static_cast<std::uint64_t>(draws);
    options.seed = prepared.rule.seed;
    options.threads = threads;
    options.coalitions = coalitions;
    options.half_life_days = half_life;
    options.sampling_error = !no_sampling;
    options.estimate_house_effects = !no_house_effects;
    if (!mapping.empty()) options.mapping = read_party_mapping(mapping);
    if (!covariance.empty()) options.national_error = read_covariance_file(covariance);
    if (!house_effects.empty()) options.house_effects = read_house_effects_file(house_effects);
    if (!noise.empty()) options.district_noise = NoiseModel::parse(noise);
    if (!regions.empty()) options.regions = read_district_regions_file(regions);
    if (!regional_covariance.empty()) options.regional_error = read_covariance_file(regional_covariance);
    if (!new_party_pattern.empty()) options.new_party_pattern = read_new_party_pattern_file(new_party_pattern);
    options.turnout = TurnoutChange::parse(turnout);
    options.run_draws = current_draw_runner();
    return options;
  }

  int run() const {
    const Prepared prepared = prepare_analysis_input(input, rule, reading);
    std::vector<std::string> reading_warnings;
    const PollSet poll_set =
        polls.ends_with(".ropf") ? read_ropf_file(polls, &reading_warnings) : read_poll_file(polls);
    const ProjectionOptions chosen = options(prepared);
    const ProjectionResult result = project(prepared.input.election, prepared.rule, poll_set, chosen);
    if (!result.counted) return 0;  // another MPI rank writes the output
    for (const std::string& warning : reading_warnings) std::cerr << "seatsim: warning: " << warning << '\n';
    for (const std::string& warning : result.warnings) std::cerr << "seatsim: warning: " << warning << '\n';
    print_notes(result.point.notes);

    const ProjectionTables tables = projection_tables(prepared.input.election, result);
    Meta meta = make_meta("project", prepared);
    meta.seed = prepared.rule.seed;
    meta.extra["polls"] = polls;
    meta.extra["swing"] = chosen.swing.text;
    meta.extra["swing_model"] = chosen.swing.describe();
    meta.extra["draws"] = draws;
    meta.extra["effective_sample_size"] = result.effective_sample_size;
    meta.extra["coalitions"] = coalitions;
    std::string footer = "swing: " + chosen.swing.describe() + "; draws: " + std::to_string(draws);
    if (draws > 0) footer += "; seed " + std::to_string(prepared.rule.seed);
    emit(output, rendered(tables, result, meta, {footer}));
    return 0;
  }

  std::string rendered(const ProjectionTables& tables, const ProjectionResult& result, const Meta& meta,
                       const std::vector<std::string>& footer) const {
    const Format format = chosen_format(output);
    if (format == Format::json) {
      Json extra;
      extra["coalitions"] = to_records(tables.coalitions);
      extra["districts"] = to_records(tables.districts);
      extra["histogram"] = to_records(tables.histogram);
      Json effects = Json::array();
      for (const HouseEffect& effect : result.house_effects)
        effects.push_back({{"pollster", effect.pollster},
                           {"party", effect.party},
                           {"points", effect.points},
                           {"given", effect.given}});
      extra["house_effects"] = effects;
      return render(output, tables.parties, meta, "parties", extra);
    }
    const std::string shown = !view.empty() ? view : draws == 0 ? "districts" : "parties";
    const Table& table = shown == "histogram"    ? tables.histogram
                         : shown == "districts"  ? tables.districts
                         : shown == "coalitions" ? tables.coalitions
                                                 : tables.parties;
    if (format == Format::csv || view == "coalitions" || view == "districts" || view == "histogram")
      return render(output, table, meta, "results", {}, footer);
    // People get the parties, then the coalitions (and before them the districts at --draws 0 with no --view).
    std::string text;
    if (shown == "districts") text += render_text(tables.districts) + "\n";
    if (tables.coalitions.rows.empty()) return text + render(output, tables.parties, meta, "results", {}, footer);
    return text + render_text(tables.parties) + "\n" + render(output, tables.coalitions, meta, "", {}, footer);
  }
};

const bool registered = register_command({
    "project",
    "From polls to seats: swing a base election to the polls, with poll uncertainty by Monte Carlo",
    72,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ProjectCommand>();
      app.footer(
          "Polls (--polls): CSV pollster,fieldwork_end,sample_size,area,party,share (share: percent, exact decimal; "
          "or a ROPF file, *.ropf, of ASAPOP / Europe Elects; "
          "area: national, a district of INPUT (its polls swing that district alone) or a region (--regions, "
          "or the rule's leveling regions; its polls swing its districts against the region's base shares; the "
          "most specific area with polls swings each district). A poll's shares must sum "
          "to 100 +- 5 points (rescaled to 100 with a warning). Poll parties map to INPUT's lists through --mapping "
          "(CSV poll_party,base_party,weight; weights sum to 1 per poll party; base_party new:NAME adds a list "
          "spread uniformly over the districts, or by --new-party-pattern: district share t * g_d * B / sum g V); an "
          "unmapped name equal to a list maps to it. Lists no poll names "
          "keep their base share.\n"
          "Swing (per list j of party p in a district, share s_j; poll share t_p, base national share b_p):\n"
          "  uniform       s_j + (t_p - b_p)\n"
          "  proportional  s_j * t_p / b_p\n"
          "  mix:W         W * uniform + (1 - W) * proportional\n"
          "negative shares set to 0; the district's votes kept and shared out in proportion by largest remainders, "
          "exactly in integers (docs/projection.md).\n"
          "--draws 0 (default) prints the projected votes and seats of every list (--view districts) and the party "
          "seats. With draws: per party mean, median, 80/90/95/99 % intervals and P(passing each national "
          "threshold); per --coalition P(majority), inclusive and exclusive. Each draw: poll sampling error "
          "(Dirichlet with the pooled effective sample size; weights n * 2^(-age/half-life)), house effects "
          "(each pollster's mean deviation from the pooled average, removed), a national error (--covariance), "
          "a regional error added for each region's districts (--regional-covariance), "
          "district noise (--noise); reproducible for a seed whatever --threads.\n"
          "Example: seatsim project ../shared/data/norway_2021_storting_full.csv --system norway-storting-2005 "
          "--polls scenarios/norway-polls/polls.csv --mapping scenarios/norway-polls/mapping.csv --draws 10000");
      add_analysis_input(app, command->input, command->reading);
      app.add_option("--polls", command->polls, "The poll file (CSV; see below)")->required();
      app.add_option("--mapping", command->mapping, "Poll parties to base lists (CSV poll_party,base_party,weight)");
      app.add_option("--swing", command->swing, "Swing model: uniform (default), proportional, mix:W");
      app.add_option("--draws", command->draws, "Monte Carlo draws (default 0: the point projection only)")
          ->check(CLI::Validator(
              [](std::string& text) {
                return text == "0" ? std::string() : whole_number_from(1, max_projection_draws)(text);
              },
              "UINT"));
      app.add_option("--threads", command->threads, "Worker threads (default 0: every core)");
      app.add_option("--half-life", command->half_life, "Half-life of a poll's weight, in days (default 14)");
      app.add_option("--covariance", command->covariance,
                     "National error: CSV party x party covariance in squared percentage points");
      app.add_option("--regions", command->regions,
                     "Regions above the districts: CSV district,region (default: the rule's leveling regions)");
      app.add_option("--regional-covariance", command->regional_covariance,
                     "Regional error, one draw per region: CSV party x party covariance in squared points");
      app.add_option("--new-party-pattern", command->new_party_pattern,
                     "Spread new lists by district weights: CSV party,district,weight (default: uniformly)");
      app.add_option("--turnout", command->turnout,
                     "District totals: unchanged (default) or scale:F (each total * F, rounded half up)");
      app.add_option("--noise", command->noise, "District noise on the projected votes: dirichlet:K, multinomial");
      app.add_option("--house-effects", command->house_effects,
                     "Given house effects: CSV pollster,party,points (instead of estimating them)");
      app.add_flag("--no-sampling", command->no_sampling, "No poll sampling error in the draws");
      app.add_flag("--no-house-effects", command->no_house_effects, "Do not estimate house effects");
      repeatable(app.add_option("--coalition", command->coalitions,
                                "NAME=A+B (or A+B): P(majority), inclusive and exclusive (repeatable)"));
      app.add_option("--view", command->view, "What to print: parties, coalitions, districts, histogram")
          ->check(CLI::IsMember({"parties", "coalitions", "districts", "histogram"}));
      add_rule_flags(app, command->rule);
      if (CLI::Option* seed = app.get_option_no_throw("--seed"))
        seed->description("Seed of the draws (and of the 'lot' tie rule); default 0 or the data set's [rule] seed");
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
