#pragma once
// Renderings of a Comparison (comparator.hpp) and a RuleFit (rule_fit.hpp): the contract's CSV
// rows, and a report for people — a table per district, then for each district that does not
// match its differing lists with the quotients of the disputed seats and the explanation.
#include <string>

#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/rule_fit.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

// district,party,votes,published_seats,seats,diff — every list (interface.md, "Results").
Table comparison_table(const Election& election, const Comparison& comparison);
// The report as aligned text or markdown, ending with the summary line.
std::string comparison_report(const Election& election, const Comparison& comparison, const std::string& title,
                              const Rule& rule, bool markdown);

// district,first_divisors,low,low_included,high,high_included,low_decimal,high_decimal,methods_matching,reason
Table rule_fit_table(const Election& election, const RuleFit& fit);
// The fit as aligned text or markdown: the table, the intersection, the districts nothing explains.
std::string rule_fit_report(const Election& election, const RuleFit& fit, const Rule& rule, bool markdown);

}  // namespace seatsim
