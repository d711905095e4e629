#include "seatsim/render/projection_section.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "seatsim/render/projection_fan_chart.hpp"
#include "seatsim/render/projection_report.hpp"

namespace seatsim {
namespace {

// "Polls: polls.csv, 5 polls by 3 pollsters (national), fieldwork ending 2020-10-01 to 2020-11-20."
std::string poll_source(const PollSet& polls) {
  std::set<std::string> pollsters, areas;
  std::string first, last;
  for (const Poll& poll : polls.polls) {
    pollsters.insert(poll.pollster);
    areas.insert(poll.area);
    if (first.empty() || poll.fieldwork_end < first) first = poll.fieldwork_end;
    if (last.empty() || poll.fieldwork_end > last) last = poll.fieldwork_end;
  }
  std::string area_list;
  for (const std::string& area : areas) area_list += (area_list.empty() ? "" : ", ") + area;
  return "Polls: " + polls.source + ", " + std::to_string(polls.polls.size()) + " poll" +
         (polls.polls.size() == 1 ? "" : "s") + " by " + std::to_string(pollsters.size()) + " pollster" +
         (pollsters.size() == 1 ? "" : "s") + " (" + area_list + "), fieldwork ending " + first +
         (first == last ? "" : " to " + last) + ".";
}

std::string uncertainty(const ProjectionOptions& options, const ProjectionResult& result) {
  if (result.draws == 0) return "No draws: the point projection only (seatsim report --draws N adds the polls' error).";
  char sample[32];
  std::snprintf(sample, sizeof sample, "%.0f", result.effective_sample_size);
  std::string text = std::to_string(result.draws) + " draws, seed " + std::to_string(result.seed) + ": ";
  std::vector<std::string> parts;
  if (options.sampling_error) parts.push_back(std::string("sampling error (effective sample size ") + sample + ")");
  if (!options.house_effects.empty())
    parts.push_back("house effects given");
  else if (options.estimate_house_effects)
    parts.push_back("house effects estimated and removed");
  if (options.national_error) parts.push_back("national error (covariance of " + options.national_error->source + ")");
  if (options.district_noise) parts.push_back("district noise");
  if (parts.empty()) parts.push_back("no error source");
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : ", ") + parts[i];
  return text + ".";
}

}  // namespace

HtmlSection projection_section(const Election& base, const PollSet& polls, const ProjectionOptions& options,
                               const ProjectionResult& result, const PartyStyles& styles) {
  const ProjectionTables tables = projection_tables(base, result);
  HtmlSection section;
  section.id = "projection";
  section.heading = "Projection from polls";
  section.paragraphs = {poll_source(polls), "Swing model: " + options.swing.describe() + ".",
                        uncertainty(options, result)};
  for (const std::string& warning : result.warnings) section.paragraphs.push_back("Warning: " + warning);
  if (result.draws > 0)
    section.charts.push_back(
        {"Seats projected from the polls: per party the 50, 80, 90, 95 and 99 % intervals over "
         "the draws (darkest: 50 %), the median (line) and the base election's seats (diamond).",
         projection_fan_svg(result, styles, "Seats projected from the polls")});
  section.tables.push_back({"Projected seats per party",
                            result.draws > 0 ? "Shares in percent; mean, median and central intervals (lo80, hi80, "
                                               "...) of the seats over the draws; p_pass: P(passing a threshold)."
                                             : "Shares in percent; the seats of the point projection.",
                            tables.parties});
  if (!tables.coalitions.rows.empty())
    section.tables.push_back({"Coalitions",
                              "P(majority: more than half of all seats); exclusive: and no named coalition of some of "
                              "its parties has one.",
                              tables.coalitions});
  return section;
}

}  // namespace seatsim
