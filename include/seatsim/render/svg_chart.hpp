#pragma once
// The charts of `seatsim chart` and `seatsim report`, written as plain SVG by seatsim itself.
// Every seat drawn is one element `<... class="seat ...">`, so that tests (and people) can
// count them; each party's seats form one group `<g class="party">` with a tooltip.
#include <cstdint>
#include <string>
#include <vector>

#include "seatsim/io/parliament.hpp"

namespace seatsim {

// The parliament as arcs of seats coloured by list, with a legend of seat counts.
std::string hemicycle_svg(const Parliament& parliament);

enum class CompareLayout {
  side_by_side,  // published and recomputed hemicycles next to each other
  marked,        // the recomputed hemicycle with the seats that changed hands marked
};
CompareLayout compare_layout_by_name(const std::string& name);  // throws seatsim::Error

// Seats won and lost per party (in the parliament's order), summed over districts: a party can
// win a seat in one district and lose one in another.
struct SeatChanges {
  std::vector<std::int64_t> won;
  std::vector<std::int64_t> lost;
};

// Both parliaments list the same parties in the same (seating) order. Without `changes`, a
// party's won or lost seats are the difference of its totals.
std::string compare_svg(const Parliament& published, const Parliament& recomputed, CompareLayout layout,
                        const std::string& title, const SeatChanges& changes = {});

// One district's row of the diff chart: the recomputed seats per party, and the published ones.
struct DistrictDiff {
  std::string district;
  bool has_published = false;
  std::vector<std::int64_t> seats;      // per party of the legend
  std::vector<std::int64_t> published;  // per party of the legend (all 0 without a published result)
};
// Per district, the seats won (marked) and lost (hollow) against the published result.
// `legend` gives the parties' order, colours and labels (seats unused).
std::string diff_svg(const std::vector<DistrictDiff>& districts, const Parliament& legend, const std::string& title);

// Where seats change in a sweep: between the last value with the old seats and the first with
// the new ones (equal for an exact boundary).
struct SweepBreak {
  double before = 0, after = 0;
  std::string label;                              // "between 1.5 and 8/5"
  std::string before_text = {}, after_text = {};  // as `scenario --break-points` prints them ("20", "21")
  std::vector<std::int64_t> change = {};          // per list: seats gained (negative: lost); empty: unknown
};

// Seats per list against a swept parameter.
struct SweepChart {
  std::string title;
  std::string parameter;                         // axis label, e.g. "first divisor"
  std::vector<double> x;                         // the parameter at each step, increasing
  std::vector<std::string> x_labels;             // exact text of each step's value
  std::vector<ParliamentParty> lists;            // name, colour, label (seats unused)
  std::vector<std::vector<std::int64_t>> seats;  // [list][step]
  // Exact break points when known (a sweep searches them); else they are placed between the
  // steps whose seats differ.
  std::vector<SweepBreak> breaks;
  std::string scope = {};          // the districts drawn, in words ("all districts")
  std::size_t lists_left_out = 0;  // smaller lists with seats whose lines are not drawn
};
// Break points are marked by dashed lines (`<line class="break" data-before data-after>`); a
// list's line steps at the break point that changes its seats (half-way between its two values),
// and half-way between two steps where no known break point explains a change.
std::string sweep_svg(const SweepChart& chart);
// Steps i (> 0) where some list's seats differ from step i − 1.
std::vector<std::size_t> sweep_breaks(const SweepChart& chart);

// Seats–votes curves: each party's seats in all against its own national vote share.
struct CurveStep {
  double share_from = 0, share_to = 0;  // percent: the piece's first and last probe
  std::int64_t seats = 0;
};
struct CurveSeries {
  ParliamentParty party;                 // name, colour, label (seats unused)
  std::vector<CurveStep> steps;          // in order of the share
  std::vector<std::string> break_texts;  // one per change between steps i and i + 1: the exact interval
};
struct SeatsVotesChart {
  std::string title;
  std::int64_t house = 0;  // all seats: the top of the seat axis
  std::vector<CurveSeries> series;
};
// One step path per party (`<path class="curve">`), a marker at every break point (`<circle
// class="break">`, its exact interval as tooltip), the line of proportionality and 50 % dashed.
std::string seats_votes_svg(const SeatsVotesChart& chart);

}  // namespace seatsim
