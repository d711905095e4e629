#pragma once
// The options of a projection from polls, as `seatsim project` and `seatsim report --polls` take
// them: one set of flags, one reading of the files, so that the two commands project alike.
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "seatsim/analysis/projection.hpp"
#include "seatsim/io/poll_file.hpp"

namespace seatsim::cli {

struct ProjectionFlags {
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

  // The options with the files read (seed: the rule's); run_draws is this process's draw runner.
  ProjectionOptions options(std::uint64_t seed) const;
  // Whether an option besides --polls was given (a command where --polls is optional refuses them without it).
  bool options_given() const;
  // The polls (a *.ropf file as ROPF, else CSV); the ROPF reader's warnings into `warnings`.
  PollSet read_polls(std::vector<std::string>& warnings) const;
};

// --polls (required or not), --mapping, --swing, --draws, --threads, --half-life, --covariance,
// --regions, --regional-covariance, --new-party-pattern, --turnout, --noise, --house-effects,
// --no-sampling, --no-house-effects, --coalition.
void add_projection_flags(CLI::App& app, ProjectionFlags& flags, bool polls_required);

}  // namespace seatsim::cli
