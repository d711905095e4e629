#include "seatsim/render/projection_fan_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "seatsim/core/int128.hpp"
#include "seatsim/render/party_colours.hpp"
#include "svg_writer.hpp"

namespace seatsim {
namespace {

constexpr const char* ink = "#222222";
constexpr const char* faint = "#888888";
constexpr double row_height = 26;
constexpr double band_height = 16;
constexpr double top = 70;
constexpr double plot_width = 560;
// The bands' opacity, in the order of fan_levels: the 50 % band darkest, the 99 % palest.
constexpr std::array<double, fan_levels.size()> opacity = {0.9, 0.6, 0.45, 0.32, 0.2};

std::string two_decimals(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

// The smallest k with P(seats <= k) >= permille / 1000, exactly from the counts.
std::int64_t quantile(const std::vector<std::uint64_t>& counts, std::uint64_t draws, std::uint64_t tenths_permille) {
  u128 cumulative = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    cumulative += counts[k];
    if (cumulative > 0 && cumulative * 10'000 >= static_cast<u128>(tenths_permille) * draws)
      return static_cast<std::int64_t>(k);
  }
  return counts.empty() ? 0 : static_cast<std::int64_t>(counts.size()) - 1;
}

std::string colour_of(const PartyStyles& styles, const std::string& party) {
  if (const PartyStyle* style = styles.find(party); style && !style->colour.empty()) return style->colour;
  const std::string named = colour_named_in(party);
  return named.empty() ? others_colour() : named;
}

std::string label_of(const PartyStyles& styles, const std::string& party) {
  const PartyStyle* style = styles.find(party);
  return style && !style->short_name.empty() ? style->short_name : party;
}

bool drawn(const ProjectedParty& party) {
  return party.base_seats > 0 || party.point_seats > 0 || party.seat_counts.size() > 1;
}

}  // namespace

std::array<std::pair<std::int64_t, std::int64_t>, fan_levels.size()> fan_intervals(const ProjectedParty& party,
                                                                                   std::uint64_t draws) {
  std::array<std::pair<std::int64_t, std::int64_t>, fan_levels.size()> intervals{};
  for (std::size_t i = 0; i < fan_levels.size(); ++i) {
    const std::uint64_t tail = (100 - fan_levels[i]) * 50;  // in 1/10000: half of what lies outside
    intervals[i] = {quantile(party.seat_counts, draws, tail), quantile(party.seat_counts, draws, 10'000 - tail)};
  }
  return intervals;
}

std::string projection_fan_svg(const ProjectionResult& result, const PartyStyles& styles, const std::string& title) {
  std::vector<const ProjectedParty*> rows;
  std::int64_t most = 1;
  for (const ProjectedParty& party : result.parties) {
    if (!drawn(party)) continue;
    rows.push_back(&party);
    most = std::max({most, party.base_seats, party.point_seats, static_cast<std::int64_t>(party.seat_counts.size())});
  }
  double label_width = 60;
  for (const ProjectedParty* party : rows)
    label_width = std::max(label_width, svg::text_width(svg::shorten(label_of(styles, party->name), 28), 13) + 20);
  label_width = std::ceil(label_width);
  // Seat k's cell spans [k - 0.5, k + 0.5]: an interval [lo, hi] covers hi - lo + 1 cells. A cell is a multiple of
  // half a unit wide where it can be, so that the bands' edges are exact in the SVG's one decimal.
  const double cells = static_cast<double>(most + 1);
  const double per_seat =
      std::floor(2 * plot_width / cells) >= 1 ? std::floor(2 * plot_width / cells) / 2 : plot_width / cells;
  const auto x_of = [&](double seats) { return label_width + (seats + 0.5) * per_seat; };
  const double width = std::max(label_width + plot_width + 30, svg::text_width(title, 18) + 40);
  const double height = top + row_height * static_cast<double>(rows.size()) + 60;

  std::string out = svg::open_document(width, height, title);
  out += svg::text(20, 30, svg::shorten(title, static_cast<std::size_t>(width / 11)),
                   "font-size=\"18\" font-weight=\"bold\" fill=\"" + std::string(ink) + "\"");
  const std::size_t left_out = result.parties.size() - rows.size();
  std::string subtitle = "Seats over " + std::to_string(result.draws) +
                         " draws: 50/80/90/95/99 % intervals (darkest: 50 %), | median, \u25C6 base election";
  if (left_out > 0) subtitle += "; " + std::to_string(left_out) + " lists without seats left out";
  out += svg::text(20, 50, subtitle, "font-size=\"12\" fill=\"" + std::string(faint) + "\"");

  // The seat axis: a tick every `step` seats.
  const std::int64_t step = most <= 20 ? 1 : most <= 50 ? 5 : most <= 200 ? 10 : 50;
  const double axis_y = top + row_height * static_cast<double>(rows.size()) + 4;
  for (std::int64_t k = 0; k <= most; k += step) {
    out += "<line class=\"grid\" x1=\"" + svg::num(x_of(static_cast<double>(k))) + "\" x2=\"" +
           svg::num(x_of(static_cast<double>(k))) + "\" y1=\"" + svg::num(top - 4) + "\" y2=\"" + svg::num(axis_y) +
           "\" stroke=\"#e4e4e4\"/>\n";
    out += svg::text(x_of(static_cast<double>(k)), axis_y + 14, std::to_string(k),
                     "text-anchor=\"middle\" font-size=\"11\" fill=\"" + std::string(faint) + "\"");
  }
  out += svg::text(label_width + plot_width / 2, axis_y + 32, "seats",
                   "text-anchor=\"middle\" fill=\"" + std::string(faint) + "\"");

  for (std::size_t r = 0; r < rows.size(); ++r) {
    const ProjectedParty& party = *rows[r];
    const std::string colour = colour_of(styles, party.name);
    const double y = top + row_height * static_cast<double>(r);
    const double middle = y + band_height / 2;
    const auto intervals = fan_intervals(party, result.draws);
    out += "<g class=\"party\" data-party=\"" + svg::escape(party.name) + "\">\n<title>" +
           svg::escape(party.name + ": median " + std::to_string(party.median) + ", 90 % " +
                       std::to_string(intervals[2].first) + "\u2013" + std::to_string(intervals[2].second) + ", base " +
                       std::to_string(party.base_seats)) +
           "</title>\n";
    out += svg::text(label_width - 8, middle + 4, svg::shorten(label_of(styles, party.name), 28),
                     "text-anchor=\"end\" fill=\"" + std::string(ink) + "\"");
    for (std::size_t i = fan_levels.size(); i-- > 0;) {
      const auto& [lo, hi] = intervals[i];
      out += "<rect class=\"band\" data-party=\"" + svg::escape(party.name) + "\" data-level=\"" +
             std::to_string(fan_levels[i]) + "\" data-lo=\"" + std::to_string(lo) + "\" data-hi=\"" +
             std::to_string(hi) + "\" x=\"" + svg::num(x_of(static_cast<double>(lo) - 0.5)) + "\" y=\"" + svg::num(y) +
             "\" width=\"" + svg::num(static_cast<double>(hi - lo + 1) * per_seat) + "\" height=\"" +
             svg::num(band_height) + "\" fill=\"" + colour + "\" fill-opacity=\"" + two_decimals(opacity[i]) + "\"/>\n";
    }
    const double median_x = x_of(static_cast<double>(party.median));
    out += "<line class=\"median\" data-party=\"" + svg::escape(party.name) + "\" data-seats=\"" +
           std::to_string(party.median) + "\" x1=\"" + svg::num(median_x) + "\" x2=\"" + svg::num(median_x) +
           "\" y1=\"" + svg::num(y - 2) + "\" y2=\"" + svg::num(y + band_height + 2) + "\" stroke=\"" + ink +
           "\" stroke-width=\"2\"/>\n";
    const double base_x = x_of(static_cast<double>(party.base_seats));
    out += "<path class=\"base\" data-party=\"" + svg::escape(party.name) + "\" data-seats=\"" +
           std::to_string(party.base_seats) + "\" d=\"M" + svg::num(base_x) + " " + svg::num(middle - 6) +
           "l5 6l-5 6l-5 -6z\" fill=\"#ffffff\" stroke=\"" + ink + "\" stroke-width=\"1.5\"/>\n</g>\n";
  }
  return out + "</svg>\n";
}

}  // namespace seatsim
