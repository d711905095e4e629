#pragma once
// The input of the analyses (margins, simulate): a data set, a votes file, or a scenario file.
// A scenario (a .toml file, docs/scenarios.md) is applied to its base data set: its vote
// operations in order, its [rule] over the base's rule, and the rule flags over both.
#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "input_flags.hpp"

namespace seatsim::cli {

// The INPUT positional of the analyses, with the reading flags.
void add_analysis_input(CLI::App& app, std::string& path, InputFlags& reading);

// Input loaded (a scenario's operations applied), rule merged, seat totals applied. A scenario
// with a sweep, or seat flags given with a scenario, are errors.
Prepared prepare_analysis_input(const std::string& path, const RuleFlags& flags, const InputFlags& reading);

}  // namespace seatsim::cli
