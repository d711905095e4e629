#include "projection_flags.hpp"

#include "common.hpp"
#include "seatsim/analysis/turnout_change.hpp"
#include "seatsim/io/covariance_file.hpp"
#include "seatsim/io/district_regions_file.hpp"
#include "seatsim/io/house_effects_file.hpp"
#include "seatsim/io/new_party_pattern_file.hpp"
#include "seatsim/io/party_mapping.hpp"
#include "seatsim/io/ropf_file.hpp"
#include "simulate.hpp"

namespace seatsim::cli {
namespace {

constexpr std::uint64_t max_projection_draws = 1'000'000'000;

}  // namespace

ProjectionOptions ProjectionFlags::options(std::uint64_t seed) const {
  ProjectionOptions options;
  options.swing = SwingModel::parse(swing);
  options.draws = static_cast<std::uint64_t>(draws);
  options.seed = seed;
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

bool ProjectionFlags::options_given() const {
  return !mapping.empty() || swing != "uniform" || draws != 0 || !covariance.empty() || !regions.empty() ||
         !regional_covariance.empty() || !new_party_pattern.empty() || turnout != "unchanged" ||
         !house_effects.empty() || !noise.empty() || no_sampling || no_house_effects || !coalitions.empty();
}

PollSet ProjectionFlags::read_polls(std::vector<std::string>& warnings) const {
  return polls.ends_with(".ropf") ? read_ropf_file(polls, &warnings) : read_poll_file(polls);
}

void add_projection_flags(CLI::App& app, ProjectionFlags& flags, bool polls_required) {
  CLI::Option* polls = app.add_option("--polls", flags.polls, "The poll file (CSV; see below)");
  if (polls_required) polls->required();
  app.add_option("--mapping", flags.mapping, "Poll parties to base lists (CSV poll_party,base_party,weight)");
  app.add_option("--swing", flags.swing, "Swing model: uniform (default), proportional, mix:W");
  app.add_option("--draws", flags.draws, "Monte Carlo draws (default 0: the point projection only)")
      ->check(CLI::Validator(
          [](std::string& text) {
            return text == "0" ? std::string() : whole_number_from(1, max_projection_draws)(text);
          },
          "UINT"));
  app.add_option("--threads", flags.threads, "Worker threads (default 0: every core)");
  app.add_option("--half-life", flags.half_life, "Half-life of a poll's weight, in days (default 14)");
  app.add_option("--covariance", flags.covariance,
                 "National error: CSV party x party covariance in squared percentage points");
  app.add_option("--regions", flags.regions,
                 "Regions above the districts: CSV district,region (default: the rule's leveling regions)");
  app.add_option("--regional-covariance", flags.regional_covariance,
                 "Regional error, one draw per region: CSV party x party covariance in squared points");
  app.add_option("--new-party-pattern", flags.new_party_pattern,
                 "Spread new lists by district weights: CSV party,district,weight (default: uniformly)");
  app.add_option("--turnout", flags.turnout,
                 "District totals: unchanged (default) or scale:F (each total * F, rounded half up)");
  app.add_option("--noise", flags.noise, "District noise on the projected votes: dirichlet:K, multinomial");
  app.add_option("--house-effects", flags.house_effects,
                 "Given house effects: CSV pollster,party,points (instead of estimating them)");
  app.add_flag("--no-sampling", flags.no_sampling, "No poll sampling error in the draws");
  app.add_flag("--no-house-effects", flags.no_house_effects, "Do not estimate house effects");
  repeatable(app.add_option("--coalition", flags.coalitions,
                            "NAME=A+B (or A+B): P(majority), inclusive and exclusive (repeatable)"));
}

}  // namespace seatsim::cli
