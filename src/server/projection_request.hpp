#pragma once
// What /api/project reads from a request (docs/explorer.md, "From polls to seats"): a poll (CSV
// or ROPF), an optional party mapping, covariance and house effects sent as text, never as paths
// (the formats of --mapping, --covariance and --house-effects), and the options of
// `seatsim project` that need no file. Every input is bounded before it is parsed: the texts in
// bytes and lines, the draws by ExplorerLimits::max_draws, the threads by max_projection_threads.
#include <cstddef>
#include <string>
#include <vector>

#include "request_limits.hpp"
#include "request_params.hpp"
#include "seatsim/analysis/projection.hpp"
#include "seatsim/io/poll_file.hpp"

namespace seatsim::server {

// The texts a request may send: a poll of a few dozen polls fits many times over.
inline constexpr std::size_t max_poll_bytes = std::size_t{128} * 1024;
inline constexpr std::size_t max_poll_lines = 5'000;
inline constexpr std::size_t max_mapping_bytes = std::size_t{32} * 1024;
inline constexpr std::size_t max_mapping_lines = 1'000;
// A covariance of a few dozen parties, house effects of many pollsters: far below these.
inline constexpr std::size_t max_covariance_bytes = std::size_t{64} * 1024;
inline constexpr std::size_t max_covariance_lines = 200;
inline constexpr std::size_t max_house_effects_bytes = std::size_t{64} * 1024;
inline constexpr std::size_t max_house_effects_lines = 2'000;
// Threads one request's draws may use (the results do not depend on them).
inline constexpr unsigned max_projection_threads = 4;

// The names messages give the texts, as the command line names the files: "polls:3: ...".
inline constexpr const char* poll_field = "polls";
inline constexpr const char* mapping_field = "mapping";
inline constexpr const char* covariance_field = "covariance";
inline constexpr const char* house_effects_field = "house-effects";

// The parameters /api/project takes besides the rule parameters.
const std::vector<std::string>& projection_parameters();

struct ProjectionRequest {
  PollSet polls;
  std::vector<std::string> warnings;  // the ROPF reader's
  ProjectionOptions options;          // the seed is the rule's; run_draws is the caller's
  bool ropf = false;
};

// Takes the projection's parameters out of `params` (the rule's stay there), checks them and
// parses the texts. Throws seatsim::Error (400) for bad input, with the command line's message
// and the field as the file; RequestRefused (422) for a text, or draws, beyond the limits.
ProjectionRequest read_projection_request(Params& params, const WorkBudget& budget);

}  // namespace seatsim::server
