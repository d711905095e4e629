#pragma once
// From polls to seats: the polls are pooled into target shares, a swing model turns them into
// integer votes in every district of a base election (swing_model.hpp), the rule allocates them.
// With draws, a Monte Carlo (monte_carlo.hpp's Simulation, fed by a VoteSource) adds the
// uncertainty, every draw from its own random streams (reproducible whatever the threads):
//
// Areas: the nation, a region (a group of districts: ProjectionOptions::regions, else the rule's
// leveling regions) or a district. A poll's `area` names one (a district first, then a region); each
// district is swung by its most specific area with polls (district > region > national), against
// that area's base votes (regional swing, swing_model.hpp).
//
// Pooling (per area with polls). Poll i of sample size n_i,
// fieldwork ending a_i days before the area's newest poll, weighs w_i = n_i · 2^(−a_i / h), h the
// half-life in days (default 14). A party's pooled share is Σ w_i x_ip / Σ w_i over the polls that
// list it, with x_ip the poll's share (after the mapping, and minus its pollster's house effect);
// the polled parties' shares are then scaled to sum to the share the base gave the parties no
// poll names (which keep their base share: unpolled lists do not swing). The effective sample
// size is n_eff = (Σ w_i)² / Σ (w_i² / n_i), so one poll gives its own n and k equal polls k·n.
// House effects (national polls): pollster k's effect on party p is the mean over its polls of
// x_ip − pooled_p (pooled before any correction), unless given; each poll is corrected by its
// pollster's effects before the pooling.
//
// One draw, from RandomStream(seed, draw, ·):
//  (a) sampling: shares ~ Dirichlet(n_eff · pooled) over the polled parties with a share (the
//      national stream; a district's or region's own poll from stream national − 1 − area, area
//      the district's index d, or D + r for region r, D districts);
//  (c) national error: e = L z, z ~ N(0, I), L the Cholesky factor (Eigen's LLT) of the given
//      covariance in squared points; share_p += e_p / 100 for every area, negative shares set to
//      0, the polled shares scaled back to their total;
//  (c') regional error: per region r, its own e_r = L_R z_r from stream national − 1 − D − R − r
//      (R regions), L_R the Cholesky factor of the regional covariance; a district of region r
//      takes share_p += (e_p + e_rp) / 100 instead, then the same clamp and rescale;
//  the swing (exact, swing_model.hpp) then gives each district's votes, and
//  (d) district noise: the noise model (noise_model.hpp) over those votes, the district's stream.
// Target shares are rounded half up to 10^-12 before the swing.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/analysis/noise_model.hpp"
#include "seatsim/analysis/swing_model.hpp"
#include "seatsim/analysis/turnout_change.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/io/covariance_file.hpp"
#include "seatsim/io/district_regions_file.hpp"
#include "seatsim/io/new_party_pattern_file.hpp"
#include "seatsim/io/party_mapping.hpp"
#include "seatsim/io/poll_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

// Stated tolerance: a poll's shares must sum to 100 ± this many percentage points; other than 100
// they are rescaled to 100, with a warning.
inline constexpr std::int64_t poll_sum_tolerance_points = 5;

struct ProjectionOptions {
  SwingModel swing;
  std::uint64_t draws = 0;  // 0: the point projection only
  std::uint64_t seed = 0;
  unsigned threads = 0;                 // 0: every core
  std::vector<std::string> coalitions;  // "NAME=A+B" or "A+B"
  double half_life_days = 14;           // recency weights
  bool sampling_error = true;           // (a)
  bool estimate_house_effects = true;   // (b), when no effects are given
  // (b) given: pollster -> party (base party) -> effect in percentage points.
  std::map<std::string, std::map<std::string, double>> house_effects;
  std::optional<CovarianceMatrix> national_error;  // (c)
  std::optional<NoiseModel> district_noise;        // (d)
  std::optional<PartyMapping> mapping;
  // Regions above the districts (regional polls, regional error); none: the rule's leveling regions.
  std::optional<DistrictRegions> regions;
  std::optional<CovarianceMatrix> regional_error;  // (c'), needs regions
  // New lists spread by a pattern of district weights (swing_model.hpp's pattern_target); those
  // it does not name, and all without a pattern, spread uniformly.
  std::optional<NewPartyPattern> new_party_pattern;
  TurnoutChange turnout;  // unchanged by default
  // How the draws run: by default Simulation::run in this process. A front end may split them
  // (seatsim-mpi: across MPI ranks); it returns no counts where another process reports them.
  std::function<std::optional<SimulationCounts>(const Simulation&, std::uint64_t draws, unsigned threads)> run_draws;
};

// One party's seats over the draws (all zero-draw fields stay empty without draws).
struct ProjectedParty {
  std::string name;
  double base_share = 0;    // national, of one
  double pooled_share = 0;  // the point target, of one
  std::int64_t base_seats = 0;
  std::int64_t point_seats = 0;
  double mean = 0;
  std::int64_t median = 0;
  // Central intervals: 80, 90, 95, 99 % ([lower, upper] seats).
  std::array<std::pair<std::int64_t, std::int64_t>, 4> intervals{};
  std::vector<double> pass_probability;    // per threshold of ProjectionResult::threshold_names
  std::vector<std::uint64_t> seat_counts;  // seat_counts[k]: the draws that gave k seats
};

struct ProjectedCoalition {
  std::string name;
  std::vector<std::string> parties;
  std::int64_t point_seats = 0;
  double mean = 0;
  double majority = 0;            // P(more than half of all seats)
  double exclusive_majority = 0;  // and no named coalition of some of its parties has one
};

// One list in one district: its seats in the base and, with draws, how likely it holds more or
// fewer (a seat changing hands). Under a leveling tier a list's seats include its leveling seats.
struct ProjectedList {
  std::int64_t base_seats = 0;
  double mean = 0;
  double more = 0;   // P(seats > base_seats)
  double fewer = 0;  // P(seats < base_seats)
};

struct HouseEffect {
  std::string pollster, party;
  double points = 0;
  bool given = false;
};

struct ProjectionResult {
  Election projected;     // the point projection's district votes (new lists appended)
  ElectionOutcome point;  // its seats under the rule
  std::int64_t total_seats = 0;
  std::uint64_t draws = 0;
  std::uint64_t seed = 0;
  double effective_sample_size = 0;          // national
  std::vector<std::string> threshold_names;  // "4% national" ...
  std::vector<ProjectedParty> parties;
  std::vector<ProjectedCoalition> coalitions;
  std::vector<std::vector<ProjectedList>> lists;  // [district][list] of `projected`
  std::vector<HouseEffect> house_effects;
  std::vector<std::string> warnings;
  bool counted = true;  // false where run_draws returned no counts: this process reports nothing
};

// The whole projection. Throws seatsim::Error (file, line) for bad polls, mapping, covariance or
// coalitions, and as `allocate` does.
ProjectionResult project(const Election& base, const Rule& rule, const PollSet& polls,
                         const ProjectionOptions& options);

}  // namespace seatsim
