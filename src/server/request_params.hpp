#pragma once
// The explorer's request parameters: the command line's rule flags without the dashes
// (`first-divisor` or `first_divisor`), `system`, and `seats.<district>`, from the query string, a
// form body or a JSON body. Every name is checked, no value names a file (request_files.hpp).
#include <string>
#include <utility>
#include <vector>

#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/server/explorer.hpp"

namespace seatsim::server {

using Params = std::vector<std::pair<std::string, std::string>>;

// The rule parameters a request may give: every key of the registry (seatsim/io/rule_keys.hpp) but
// those that may name a file, in the command line's spelling, and `system`.
const std::vector<std::string>& rule_parameters();

// first_divisor and first-divisor both name --first-divisor.
std::string flag_name(std::string name);

// The request's parameters: the query string, and a JSON or form body's.
Params request_params(const ExplorerRequest& request);

// Throws seatsim::Error for a parameter not in `known` (with a suggestion), a file-valued one, or one
// given twice; `seats` admits seats.<district>.
void reject_unknown(const Params& params, const std::vector<std::string>& known, bool seats);
// As reject_unknown for routes whose parameters are not rule flags.
void reject_params(const Params& params, const std::vector<std::string>& known);

// "true", "1" or empty: true; "false", "0": false; else seatsim::Error.
bool parse_flag(const std::string& name, const std::string& value);

// The rule parameters given, as `RuleFlags::sources` reads them on the command line; the request
// path reads no file (FileAccess::refused: a file-valued key or a system file is an error).
RuleSources given_sources(const Params& params);

// seats.<district>=N: the district's seat total, reserved seats included.
void apply_seat_params(const Params& params, Election& election);

// The request's path and parameters as text: bytes that are not UTF-8 (`%ff`) are refused.
void require_text(const ExplorerRequest& request);

}  // namespace seatsim::server
