// A scenario's sweep as a chart: seats per party (summed over districts) at each swept value,
// with the sweep's exact break points.
#include <algorithm>
#include <map>
#include <numeric>

#include "seatsim/analysis/sweep.hpp"
#include "seatsim/render/chart_data.hpp"

namespace seatsim {

SweepChart sweep_chart(const SweepResult& result, const PartyStyles& styles, const std::string& title) {
  std::vector<std::size_t> order(result.steps.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return result.steps[a].exact < result.steps[b].exact; });

  std::vector<std::string> parties;
  std::map<std::string, std::vector<std::int64_t>> seats;  // party -> seats per sorted step
  for (std::size_t j = 0; j < order.size(); ++j) {
    const SweepStep& step = result.steps[order[j]];
    for (std::size_t d = 0; d < step.election.districts.size(); ++d)
      for (std::size_t i = 0; i < step.election.districts[d].lists.size(); ++i) {
        const std::string& party = step.election.districts[d].lists[i].party;
        auto [it, added] = seats.try_emplace(party, std::vector<std::int64_t>(order.size(), 0));
        if (added) parties.push_back(party);
        it->second[j] += step.seats[d][i];
      }
  }
  // Seating order: most seats at any step first.
  std::stable_sort(parties.begin(), parties.end(), [&](const std::string& a, const std::string& b) {
    return *std::max_element(seats[a].begin(), seats[a].end()) > *std::max_element(seats[b].begin(), seats[b].end());
  });

  SweepChart chart;
  chart.title = title;
  chart.parameter = result.sweep.parameter;
  for (const std::size_t i : order) {
    chart.x.push_back(result.steps[i].exact.to_double());
    chart.x_labels.push_back(result.steps[i].value);
  }
  for (const StyledParty& party : style_parties(parties, styles)) {
    chart.lists.push_back({party.party, 0, party.colour, party.label});
    chart.seats.push_back(seats.at(party.party));
  }
  for (const BreakPoint& at : result.break_points) {
    const std::string label =
        at.before == at.after
            ? "seats change at " + at.before_text + (at.at_value.empty() ? "" : " (" + at.at_value + ")")
            : "seats change between " + at.before_text + " and " + at.after_text;
    chart.breaks.push_back({at.before.to_double(), at.after.to_double(), label});
  }
  return chart;
}

}  // namespace seatsim
