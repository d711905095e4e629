#pragma once
// A comparison (analysis/comparator.hpp) as the HTML report's parts: the summary's findings (which
// districts differ, and how), and each differing district explained — its differing lists, why,
// and its quotients around the last seat with the disputed seats marked.
#include <string>
#include <vector>

#include "seatsim/analysis/comparator.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/render/html_report.hpp"

namespace seatsim {

// One finding per district that does not match: its lists' differences and the explanation.
std::vector<HtmlFinding> differing_findings(const Election& election, const Comparison& comparison);
// The names of the districts that match.
std::vector<std::string> matched_districts(const Comparison& comparison);

// Every district that does not match, explained. The quotient table (divisor methods, districts
// without list alliances) ranks the quotients around the district's last seat and marks the seats
// the recomputation and the publication give to different lists.
std::vector<HtmlDistrict> explained_districts(const Election& election, const Comparison& comparison, const Rule& rule);

}  // namespace seatsim
