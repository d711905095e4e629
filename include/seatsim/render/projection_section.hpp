#pragma once
// The section "Projection from polls" of the HTML report (`seatsim report --polls`): where the
// polls come from (the source, how many polls, pollsters and fieldwork dates), the swing model and
// the draws, the seat distribution per party (mean, median, 80/90/95/99 % intervals), the
// coalitions' majority probabilities when coalitions were asked for, and the fan chart
// (projection_fan_chart.hpp) when there are draws.
#include <string>

#include "seatsim/analysis/projection.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/io/poll_file.hpp"
#include "seatsim/render/html_report.hpp"

namespace seatsim {

// `base` is the election projected from; `styles` the run's colours (run_party_styles of the base).
HtmlSection projection_section(const Election& base, const PollSet& polls, const ProjectionOptions& options,
                               const ProjectionResult& result, const PartyStyles& styles);

}  // namespace seatsim
