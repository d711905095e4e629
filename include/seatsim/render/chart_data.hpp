#pragma once
// From an allocated election to what the charts draw: seats per party summed over districts
// (recomputed and published), and the per-district differences, with the parties in seating
// order and coloured by their styles.
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/svg_chart.hpp"

namespace seatsim {

struct ElectionCharts {
  Parliament recomputed;  // every party that has votes, seating order
  // When any list has published seats; blanks count as 0 (the diff chart marks such districts).
  std::optional<Parliament> published;
  std::vector<DistrictDiff> districts;  // per district, parties as in `recomputed`
  SeatChanges changes;                  // against the published seats, district by district
};

// Seating order: parties named in `styles` first, then by recomputed seats (most first), then by
// votes. `district` non-empty keeps that district only (throws seatsim::Error if unknown).
ElectionCharts election_charts(const Election& election, const ElectionOutcome& outcome, const PartyStyles& styles,
                               const std::string& district = {});

struct SweepResult;
// A scenario's sweep: seats per party at each value, sorted by value, with the sweep's exact break
// points; parties in seating order, coloured by `styles`. Drawn are the districts whose seats change
// (else those the operations name) when they are at most three, else all districts summed; lists
// that never win a seat are left out, and of more than twelve lists the smaller ones beyond the
// twelfth (those whose seats change are drawn first). An empty `title` is "<scenario>: seats in <districts>".
SweepChart sweep_chart(const Scenario& scenario, const SweepResult& result, const PartyStyles& styles,
                       const std::string& title = {});
// The swept parameter in words, for the axis: "votes moved from ‘A’ to ‘B’", "first divisor".
std::string sweep_parameter_label(const Scenario& scenario);

// Fills in missing colours (palette, in order) and labels of a parliament read from JSON.
Parliament styled(Parliament parliament, const PartyStyles& styles);

}  // namespace seatsim
