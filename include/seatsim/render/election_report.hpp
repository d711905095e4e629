#pragma once
// The HTML report of one election under its rule: what `seatsim report` writes and Python's
// seatsim.report returns. With published seats it is a comparison (summary, each differing district
// explained, published against recomputed charts, the comparison table); without, a results report.
// Both carry the hemicycle, the disproportionality indices, the upper tier's tables, a chart per
// what-if sweep given, and the data set's caveats. The front end adds `meta` (how it was made).
#include <vector>

#include "seatsim/analysis/sweep.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/kernel/rule.hpp"
#include "seatsim/render/html_report.hpp"

namespace seatsim {

// `input` is the loaded data (its election with seat totals), `rule` the rule it is allocated under. `given` are
// the colours asked for (parties.csv); every chart shares them, the rest by vote rank. The report's notes (ties,
// unfilled seats) are those of the comparison or of the allocation.
HtmlReport election_report(const LoadedInput& input, const Rule& rule, const PartyStyles& given,
                           const std::vector<SweepRun>& sweeps);

}  // namespace seatsim
