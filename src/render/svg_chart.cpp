#include "seatsim/render/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include "seatsim/core/error.hpp"
#include "seatsim/render/hemicycle.hpp"
#include "seatsim/render/party_colours.hpp"
#include "svg_writer.hpp"

namespace seatsim {
namespace {

using svg::escape;
using svg::num;

const char* const ink = "#222222";
const char* const faint = "#888888";

std::string signed_number(std::int64_t value) {
  if (value > 0) return "+" + std::to_string(value);
  if (value < 0) return "\u2212" + std::to_string(-value);  // a real minus sign
  return "\u00b10";
}

// A hemicycle of outer radius `radius` whose centre is at (cx, cy). Each party's seats follow in
// seating order; its last `marked[k]` seats are ringed as won against the published result.
std::string draw_hemicycle(const Parliament& parliament, double cx, double cy, double radius,
                           const std::vector<std::int64_t>& marked = {}) {
  for (const ParliamentParty& party : parliament.parties)
    if (party.seats < 0) throw Error("party '" + party.name + "' has a negative number of seats");
  const std::vector<SeatPosition> seats = hemicycle_layout(parliament.total_seats());
  std::string out = "<g class=\"hemicycle\">\n";
  std::size_t next = 0;
  for (std::size_t k = 0; k < parliament.parties.size(); ++k) {
    const ParliamentParty& party = parliament.parties[k];
    if (party.seats == 0) continue;
    out += "<g class=\"party\" fill=\"" + escape(party.colour) + "\"><title>" + escape(party.name) + ": " +
           std::to_string(party.seats) + (party.seats == 1 ? " seat" : " seats") + "</title>\n";
    const std::int64_t ringed = k < marked.size() ? std::min(marked[k], party.seats) : 0;
    for (std::int64_t s = 0; s < party.seats; ++s, ++next) {
      const SeatPosition& seat = seats[next];
      const bool gained = s >= party.seats - ringed;
      const double r = seat.radius * radius;
      out += "<circle class=\"seat" + std::string(gained ? " gained" : "") + "\" cx=\"" + num(cx + seat.x * radius) +
             "\" cy=\"" + num(cy - seat.y * radius) + "\" r=\"" + num(r) + "\"" +
             (gained ? " stroke=\"" + std::string(ink) + "\" stroke-width=\"" + num(std::max(1.0, r * 0.35)) + "\""
                     : std::string()) +
             "/>\n";
    }
    out += "</g>\n";
  }
  out +=
      svg::text(cx, cy - 4, std::to_string(parliament.total_seats()) + " seats",
                "text-anchor=\"middle\" font-size=\"" + num(std::max(14.0, radius / 12)) + "\" fill=\"" + ink + "\"");
  return out + "</g>\n";
}

double seat_radius(const Parliament& parliament, double radius) {
  if (parliament.total_seats() == 0) return 0;
  return hemicycle_layout(parliament.total_seats()).front().radius * radius;
}

struct LegendEntry {
  std::string colour;
  std::string label;  // the party's full name (with its short label); cut only beyond the chart's width
  std::string tooltip;
  std::string counts;  // " — 5" after the label, never cut
};

double legend_row_height() { return 22.0; }

// Entries in rows of `columns`, starting at (x, y); returns the height used.
double legend_height(std::size_t entries, std::size_t columns) {
  // NOLINTNEXTLINE(bugprone-integer-division): a whole number of rows, rounded up, on purpose
  return legend_row_height() * static_cast<double>((entries + columns - 1) / columns);
}

std::string draw_legend(const std::vector<LegendEntry>& entries, double x, double y, double width,
                        std::size_t columns) {
  std::string out = "<g class=\"legend\">\n";
  const double column_width = width / static_cast<double>(columns);
  const auto max_chars = static_cast<std::size_t>(std::max(8.0, (column_width - 24) / (13 * 0.6)));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const double ex = x + column_width * static_cast<double>(i % columns);
    // NOLINTNEXTLINE(bugprone-integer-division): the row
    const double ey = y + legend_row_height() * static_cast<double>(i / columns);
    out += "<g class=\"legend-entry\"><title>" + escape(entries[i].tooltip) + "</title><rect class=\"swatch\" x=\"" +
           num(ex) + "\" y=\"" + num(ey) + "\" width=\"14\" height=\"14\" rx=\"3\" fill=\"" +
           escape(entries[i].colour) + "\"/>" +
           svg::text(
               ex + 20, ey + 12,
               svg::shorten(entries[i].label,
                            std::max<std::size_t>(6, max_chars - std::min(max_chars, svg::length(entries[i].counts)))) +
                   entries[i].counts,
               "class=\"legend-label\" fill=\"" + std::string(ink) + "\"") +
           "</g>\n";
  }
  return out + "</g>\n";
}

// The width the longest entry needs (swatch, gap and text).
double widest_entry(const std::vector<LegendEntry>& entries) {
  double widest = 0;
  for (const LegendEntry& entry : entries)
    widest = std::max(widest, svg::text_width(entry.label + entry.counts, 13) + 30);
  return widest;
}

// As many columns as the longest entry allows (full names first), at most one per 260 px.
std::size_t legend_columns(const std::vector<LegendEntry>& entries, double width) {
  const auto by_width = static_cast<std::size_t>(width / std::max(widest_entry(entries), 260.0));
  return std::max<std::size_t>(1, by_width);
}

// "Full name (SHORT)" when the party has a short label of its own.
std::string legend_name(const ParliamentParty& party) {
  if (party.label.empty() || party.label == party.name) return party.name;
  return party.name + " (" + party.label + ")";
}

bool is_other(const ParliamentParty& party) { return party.colour == others_colour(); }

// Lists drawn in the grey of "others" share one legend entry: "others (12 lists)".
struct OthersGroup {
  std::size_t lists = 0;
  std::int64_t before = 0, after = 0;
  std::string names;
  void add(const ParliamentParty& party, std::int64_t seats_before, std::int64_t seats_after) {
    ++lists;
    before += seats_before;
    after += seats_after;
    names += (names.empty() ? "" : "; ") + party.name + " " + std::to_string(seats_after);
  }
  std::string label() const { return "others (" + std::to_string(lists) + (lists == 1 ? " list)" : " lists)"); }
};

std::vector<LegendEntry> seat_legend(const Parliament& parliament) {
  std::vector<LegendEntry> entries;
  OthersGroup others;
  for (const ParliamentParty& party : parliament.parties) {
    if (party.seats <= 0) continue;
    if (is_other(party)) {
      others.add(party, party.seats, party.seats);
      continue;
    }
    entries.push_back({party.colour, legend_name(party), party.name + ": " + std::to_string(party.seats),
                       " \u2014 " + std::to_string(party.seats)});
  }
  if (others.lists > 0)
    entries.push_back({others_colour(), others.label(), others.names, " \u2014 " + std::to_string(others.after)});
  return entries;
}

// Titles are cut to the chart's width (the full title stays in the document's <title>).
std::string fit(const std::string& text, double width, double font_size) {
  return svg::shorten(text, static_cast<std::size_t>(std::max(10.0, width / (font_size * 0.6))));
}

std::string title_text(double x, const std::string& title, double width) {
  return svg::text(x, 30, fit(title, width - 20, 18),
                   "text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\" fill=\"" + std::string(ink) + "\"");
}

void check_same_parties(const Parliament& a, const Parliament& b) {
  bool same = a.parties.size() == b.parties.size();
  for (std::size_t k = 0; same && k < a.parties.size(); ++k) same = a.parties[k].name == b.parties[k].name;
  if (!same) throw Error("compare chart: the published and recomputed parliaments list different parties");
}

}  // namespace

std::string hemicycle_svg(const Parliament& parliament) {
  const double width = 800, radius = 360, top = 50;
  const std::vector<LegendEntry> legend = seat_legend(parliament);
  const std::size_t columns = legend_columns(legend, width - 40);
  const double legend_top = top + radius + seat_radius(parliament, radius) + 16;
  const double height = legend_top + legend_height(legend.size(), columns) + 10;
  const std::string title = parliament.title.empty() ? "Parliament" : parliament.title;
  return svg::open_document(width, height, title) + title_text(width / 2, title, width) +
         draw_hemicycle(parliament, width / 2, top + radius, radius) +
         draw_legend(legend, 20, legend_top, width - 40, columns) + "</svg>\n";
}

CompareLayout compare_layout_by_name(const std::string& name) {
  if (name == "side-by-side") return CompareLayout::side_by_side;
  if (name == "marked") return CompareLayout::marked;
  throw Error("unknown compare layout '" + name + "' (known: side-by-side, marked)");
}

std::string compare_svg(const Parliament& published, const Parliament& recomputed, CompareLayout layout,
                        const std::string& title, const SeatChanges& changes) {
  check_same_parties(published, recomputed);
  std::vector<LegendEntry> legend;
  std::vector<std::int64_t> gained;
  OthersGroup others;
  for (std::size_t k = 0; k < recomputed.parties.size(); ++k) {
    const ParliamentParty& party = recomputed.parties[k];
    const std::int64_t before = published.parties[k].seats;
    const bool by_district = k < changes.won.size() && k < changes.lost.size();
    const std::int64_t won = by_district ? changes.won[k] : std::max<std::int64_t>(0, party.seats - before);
    const std::int64_t lost = by_district ? changes.lost[k] : std::max<std::int64_t>(0, before - party.seats);
    gained.push_back(won);
    if (party.seats == 0 && before == 0) continue;
    if (is_other(party)) {
      others.add(party, before, party.seats);
      continue;
    }
    std::string change;
    if (won > 0 && lost > 0)
      change = " (won " + std::to_string(won) + ", lost " + std::to_string(lost) + ")";
    else if (won + lost > 0)
      change = " (" + signed_number(won - lost) + ")";
    legend.push_back(
        {party.colour, legend_name(party),
         party.name + ": published " + std::to_string(before) + ", recomputed " + std::to_string(party.seats) + change,
         " \u2014 " + std::to_string(before) + " \u2192 " + std::to_string(party.seats) + change});
  }
  if (others.lists > 0)
    legend.push_back({others_colour(), others.label(), others.names,
                      " \u2014 " + std::to_string(others.before) + " \u2192 " + std::to_string(others.after)});
  const double top = 50;
  if (layout == CompareLayout::marked) {
    const double width = 800, radius = 360;
    const std::size_t columns = legend_columns(legend, width - 40);
    const double legend_top = top + radius + seat_radius(recomputed, radius) + 34;
    const double height = legend_top + legend_height(legend.size(), columns) + 10;
    return svg::open_document(width, height, title) + title_text(width / 2, title, width) +
           draw_hemicycle(recomputed, width / 2, top + radius, radius, gained) +
           svg::text(width / 2, top + radius + seat_radius(recomputed, radius) + 18,
                     "Recomputed; ringed seats are won against the published result (published \u2192 recomputed)",
                     "text-anchor=\"middle\" fill=\"" + std::string(faint) + "\"") +
           draw_legend(legend, 20, legend_top, width - 40, columns) + "</svg>\n";
  }
  const double panel = 700, radius = 320, width = 2 * panel;
  const std::size_t columns = legend_columns(legend, width - 40);
  const double legend_top =
      top + 30 + radius + std::max(seat_radius(published, radius), seat_radius(recomputed, radius)) + 16;
  const double height = legend_top + legend_height(legend.size(), columns) + 10;
  std::string out = svg::open_document(width, height, title) + title_text(width / 2, title, width);
  const std::vector<std::pair<const Parliament*, std::string>> panels = {{&published, "Published"},
                                                                         {&recomputed, "Recomputed"}};
  for (std::size_t i = 0; i < panels.size(); ++i) {
    const double cx = panel * (static_cast<double>(i) + 0.5);
    out += svg::text(cx, top + 16, panels[i].second,
                     "text-anchor=\"middle\" font-size=\"16\" fill=\"" + std::string(ink) + "\"");
    out += draw_hemicycle(*panels[i].first, cx, top + 30 + radius, radius);
  }
  return out + draw_legend(legend, 20, legend_top, width - 40, columns) + "</svg>\n";
}

std::string diff_svg(const std::vector<DistrictDiff>& districts, const Parliament& legend_parties,
                     const std::string& title) {
  const double label_width = 210, seat = 12, step = 14, party_gap = 5, row_height = 22, top = 60;
  std::string rows;
  double widest = 0;
  for (std::size_t d = 0; d < districts.size(); ++d) {
    const DistrictDiff& district = districts[d];
    const double y = top + row_height * static_cast<double>(d);
    std::int64_t won = 0, lost = 0;
    rows += "<g class=\"district\"><title>" + escape(district.district.empty() ? "(one district)" : district.district) +
            "</title>\n";
    rows += svg::text(label_width - 8, y + 11, svg::shorten(district.district, 30),
                      "text-anchor=\"end\" fill=\"" + std::string(ink) + "\"");
    double x = label_width;
    for (std::size_t k = 0; k < district.seats.size(); ++k) {
      const std::int64_t seats = district.seats[k];
      if (seats == 0) continue;
      const ParliamentParty& party = legend_parties.parties[k];
      const std::int64_t gained = district.has_published ? std::max<std::int64_t>(0, seats - district.published[k]) : 0;
      won += gained;
      rows += "<g class=\"party\" fill=\"" + escape(party.colour) + "\"><title>" + escape(party.name) + ": " +
              std::to_string(seats) +
              (district.has_published ? " (published " + std::to_string(district.published[k]) + ")" : "") + "</title>";
      for (std::int64_t s = 0; s < seats; ++s, x += step) {
        const bool is_won = s >= seats - gained;
        rows += "<rect class=\"seat" + std::string(is_won ? " gained" : "") + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
                "\" width=\"" + num(seat) + "\" height=\"" + num(seat) + "\"" +
                (is_won ? " stroke=\"" + std::string(ink) + "\" stroke-width=\"2\"" : std::string()) + "/>";
      }
      rows += "</g>\n";
      x += party_gap;
    }
    if (district.has_published) {
      x += 10;
      for (std::size_t k = 0; k < district.seats.size(); ++k) {
        const std::int64_t missing = district.published[k] - district.seats[k];
        if (missing <= 0) continue;
        lost += missing;
        const ParliamentParty& party = legend_parties.parties[k];
        rows += "<g class=\"lost\" fill=\"#ffffff\" stroke=\"" + escape(party.colour) + "\"><title>" +
                escape(party.name) + " loses " + std::to_string(missing) + "</title>";
        for (std::int64_t s = 0; s < missing; ++s, x += step)
          rows += "<rect class=\"lost-seat\" x=\"" + num(x + 1) + "\" y=\"" + num(y + 1) + "\" width=\"" +
                  num(seat - 2) + "\" height=\"" + num(seat - 2) + "\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>";
        rows += "</g>\n";
      }
    }
    const std::string summary = !district.has_published ? "published result incomplete"
                                : won == 0 && lost == 0
                                    ? "as published"
                                    : "won " + std::to_string(won) + ", lost " + std::to_string(lost);
    rows += svg::text(x + 8, y + 11, summary, "fill=\"" + std::string(won + lost > 0 ? ink : faint) + "\"");
    rows += "</g>\n";
    widest = std::max(widest, x + 8 + svg::text_width(summary, 13));
  }
  const double width = std::max({700.0, widest + 20, svg::text_width(title, 18) + 40});
  std::vector<LegendEntry> legend;
  OthersGroup others;
  for (std::size_t k = 0; k < legend_parties.parties.size(); ++k) {
    std::int64_t seats = 0;
    for (const DistrictDiff& district : districts) seats += district.seats[k] + district.published[k];
    const ParliamentParty& party = legend_parties.parties[k];
    if (seats == 0) continue;
    if (is_other(party))
      others.add(party, 0, seats);
    else
      legend.push_back({party.colour, legend_name(party), party.name, ""});
  }
  if (others.lists > 0) legend.push_back({others_colour(), others.label(), others.names, ""});
  const std::size_t columns = legend_columns(legend, width - 40);
  const double legend_top = top + row_height * static_cast<double>(districts.size()) + 20;
  const double height = legend_top + legend_height(legend.size(), columns) + 10;
  const std::string key =
      "Recomputed seats per district; outlined: won against the published result; hollow dashed: lost";
  return svg::open_document(width, height, title) +
         svg::text(20, 30, title, "font-size=\"18\" font-weight=\"bold\" fill=\"" + std::string(ink) + "\"") +
         svg::text(20, 48, key, "fill=\"" + std::string(faint) + "\"") + rows +
         draw_legend(legend, 20, legend_top, width - 40, columns) + "</svg>\n";
}

std::vector<std::size_t> sweep_breaks(const SweepChart& chart) {
  std::vector<std::size_t> breaks;
  for (std::size_t i = 1; i < chart.x.size(); ++i)
    for (const std::vector<std::int64_t>& seats : chart.seats)
      if (seats[i] != seats[i - 1]) {
        breaks.push_back(i);
        break;
      }
  return breaks;
}

namespace {

double nice_step(double range) {
  const double raw = range / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0})
    if (raw <= factor * magnitude) return factor * magnitude;
  return 10 * magnitude;
}

}  // namespace

std::string sweep_svg(const SweepChart& chart) {
  const std::size_t steps = chart.x.size();
  if (steps == 0) throw Error("sweep chart: no steps");
  if (chart.seats.size() != chart.lists.size() || chart.x_labels.size() != steps)
    throw Error("sweep chart: lists, labels and steps do not match");
  std::int64_t most = 1;
  for (const std::vector<std::int64_t>& seats : chart.seats) {
    if (seats.size() != steps) throw Error("sweep chart: a list has a different number of steps");
    most = std::max(most, *std::max_element(seats.begin(), seats.end()));
  }
  const double left = 70, top = 60, plot_width = 640, plot_height = 360;
  const double x_low = chart.x.front(), x_high = chart.x.back();
  const auto x_at = [&](double value) {
    if (x_high <= x_low) return left + plot_width / 2;
    return left + plot_width * (value - x_low) / (x_high - x_low);
  };
  const double y_step = nice_step(static_cast<double>(most));
  const double y_top = std::ceil(static_cast<double>(most) / y_step) * y_step;
  const auto y_at = [&](double seats) { return top + plot_height * (1 - seats / y_top); };

  std::string plot = "<g class=\"axes\" stroke=\"" + std::string(faint) + "\">\n";
  for (double tick = 0; tick <= y_top + 1e-9; tick += y_step) {
    plot += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + plot_width) + "\" y1=\"" + num(y_at(tick)) +
            "\" y2=\"" + num(y_at(tick)) + "\" stroke-opacity=\"0.3\"/>\n";
    plot += svg::text(left - 8, y_at(tick) + 4, num(tick),
                      "text-anchor=\"end\" stroke=\"none\" fill=\"" + std::string(ink) + "\"");
  }
  const std::size_t label_every = std::max<std::size_t>(1, (steps + 5) / 6);
  for (std::size_t i = 0; i < steps; i += label_every) {
    const double x = x_at(chart.x[i]);
    plot += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(top + plot_height) + "\" y2=\"" +
            num(top + plot_height + 5) + "\"/>\n";
    plot += svg::text(x, top + plot_height + 20, chart.x_labels[i],
                      "text-anchor=\"middle\" stroke=\"none\" fill=\"" + std::string(ink) + "\"");
  }
  plot += "<rect x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" + num(plot_width) + "\" height=\"" +
          num(plot_height) + "\" fill=\"none\"/>\n</g>\n";
  plot += svg::text(left + plot_width / 2, top + plot_height + 45, chart.parameter,
                    "text-anchor=\"middle\" fill=\"" + std::string(ink) + "\"");
  plot += svg::text(20, top + plot_height / 2, "seats",
                    "text-anchor=\"middle\" transform=\"rotate(-90 20 " + num(top + plot_height / 2) + ")\" fill=\"" +
                        std::string(ink) + "\"");

  std::vector<SweepBreak> breaks = chart.breaks;
  if (breaks.empty())
    for (const std::size_t i : sweep_breaks(chart))
      breaks.push_back({chart.x[i - 1], chart.x[i],
                        "seats change between " + chart.x_labels[i - 1] + " and " + chart.x_labels[i],
                        chart.x_labels[i - 1], chart.x_labels[i]});
  std::stable_sort(breaks.begin(), breaks.end(),
                   [](const SweepBreak& a, const SweepBreak& b) { return a.before < b.before; });
  plot += "<g class=\"breaks\" stroke=\"" + std::string(ink) + "\" stroke-dasharray=\"4 3\">\n";
  for (const SweepBreak& at : breaks) {
    const double x = x_at((at.before + at.after) / 2);
    plot += "<line class=\"break\" data-before=\"" + escape(at.before_text) + "\" data-after=\"" +
            escape(at.after_text) + "\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(top) + "\" y2=\"" +
            num(top + plot_height) + "\"><title>" + escape(at.label) + "</title></line>\n";
  }
  plot += "</g>\n";

  std::vector<LegendEntry> legend;
  OthersGroup others;
  plot += "<g class=\"series\" fill=\"none\" stroke-width=\"2.5\">\n";
  for (std::size_t k = 0; k < chart.lists.size(); ++k) {
    const std::vector<std::int64_t>& seats = chart.seats[k];
    const auto [low, high] = std::minmax_element(seats.begin(), seats.end());
    if (*high == 0) continue;
    const ParliamentParty& list = chart.lists[k];
    // The line steps where the break point that changes this list's seats lies; a change no
    // known break point explains steps half-way between the two values.
    std::int64_t current = seats[0];
    double last_x = x_at(chart.x[0]);  // the path never runs backwards
    std::string path = "M" + num(last_x) + " " + num(y_at(static_cast<double>(current)));
    const auto step_to = [&](double x, std::int64_t seats_now) {
      last_x = std::max(last_x, x);
      current = seats_now;
      path += "H" + num(last_x) + "V" + num(y_at(static_cast<double>(current)));
    };
    std::size_t next_break = 0;
    for (std::size_t i = 1; i < steps; ++i) {
      for (; next_break < breaks.size() && (breaks[next_break].before + breaks[next_break].after) / 2 <= chart.x[i];
           ++next_break) {
        const SweepBreak& at = breaks[next_break];
        if (k < at.change.size() && at.change[k] != 0)
          step_to(x_at((at.before + at.after) / 2), current + at.change[k]);
      }
      if (seats[i] != current) step_to(x_at((chart.x[i - 1] + chart.x[i]) / 2), seats[i]);
    }
    path += "H" + num(x_at(chart.x.back()) + (steps == 1 ? 1 : 0));
    plot += "<path class=\"list\" d=\"" + path + "\" stroke=\"" + escape(list.colour) + "\"><title>" +
            escape(list.name) + "</title></path>\n";
    const std::string range =
        *low == *high ? std::to_string(*low) : std::to_string(*low) + "\u2013" + std::to_string(*high);
    if (is_other(list))
      others.add(list, *low, *high);
    else
      legend.push_back({list.colour, legend_name(list), list.name, " \u2014 " + range});
  }
  if (others.lists > 0) legend.push_back({others_colour(), others.label(), others.names, ""});
  plot += "</g>\n";

  // The legend beside the plot when it is short, else under it in as many columns as fit.
  const double plot_right = left + plot_width + 30;
  const bool beside = legend_height(legend.size(), 1) <= plot_height;
  const double legend_width = std::clamp(widest_entry(legend), 260.0, 440.0);
  const double width = beside ? plot_right + legend_width + 20 : std::max(plot_right, 760.0);
  const std::size_t columns = beside ? 1 : legend_columns(legend, width - 40);
  const double legend_left = beside ? plot_right : 20, legend_top = beside ? top : top + plot_height + 60;
  const double height = beside ? top + plot_height + 60 : legend_top + legend_height(legend.size(), columns) + 10;
  std::string subtitle = (chart.scope.empty() ? std::string() : "Seats in " + chart.scope + "; ") +
                         std::to_string(breaks.size()) + (breaks.size() == 1 ? " break point" : " break points") +
                         " (dashed) over " + std::to_string(steps) + " steps";
  if (chart.lists_left_out > 0) subtitle += "; " + std::to_string(chart.lists_left_out) + " smaller lists not drawn";
  return svg::open_document(width, height, chart.title) +
         svg::text(20, 28, fit(chart.title, width - 40, 18),
                   "font-size=\"18\" font-weight=\"bold\" fill=\"" + std::string(ink) + "\"") +
         svg::text(20, 46, fit(subtitle, width - 40, 13), "fill=\"" + std::string(faint) + "\"") + plot +
         draw_legend(legend, legend_left, legend_top, beside ? legend_width : width - 40, columns) + "</svg>\n";
}

namespace {

// The axes of a seats–votes chart: vote share 0–100 % across, seats 0–house up.
struct CurvePlot {
  double left = 70, top = 60, width = 640, height = 360;
  double seat_top = 1;
  double x_at(double share) const { return left + width * share / 100; }
  double y_at(double seats) const { return top + height * (1 - seats / seat_top); }
};

std::string curve_axes(const CurvePlot& plot, double seat_step) {
  std::string out = "<g class=\"axes\" stroke=\"" + std::string(faint) + "\">\n";
  for (double tick = 0; tick <= plot.seat_top + 1e-9; tick += seat_step) {
    out += "<line x1=\"" + num(plot.left) + "\" x2=\"" + num(plot.left + plot.width) + "\" y1=\"" +
           num(plot.y_at(tick)) + "\" y2=\"" + num(plot.y_at(tick)) + "\" stroke-opacity=\"0.3\"/>\n";
    out += svg::text(plot.left - 8, plot.y_at(tick) + 4, num(tick),
                     "text-anchor=\"end\" stroke=\"none\" fill=\"" + std::string(ink) + "\"");
  }
  for (int share = 0; share <= 100; share += 10) {
    const double x = plot.x_at(share);
    out += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(plot.top + plot.height) + "\" y2=\"" +
           num(plot.top + plot.height + 5) + "\"/>\n";
    out += svg::text(x, plot.top + plot.height + 20, std::to_string(share),
                     "text-anchor=\"middle\" stroke=\"none\" fill=\"" + std::string(ink) + "\"");
  }
  out += "<rect x=\"" + num(plot.left) + "\" y=\"" + num(plot.top) + "\" width=\"" + num(plot.width) + "\" height=\"" +
         num(plot.height) + "\" fill=\"none\"/>\n</g>\n";
  out += svg::text(plot.left + plot.width / 2, plot.top + plot.height + 45, "national vote share (%)",
                   "text-anchor=\"middle\" fill=\"" + std::string(ink) + "\"");
  out += svg::text(20, plot.top + plot.height / 2, "seats",
                   "text-anchor=\"middle\" transform=\"rotate(-90 20 " + num(plot.top + plot.height / 2) +
                       ")\" fill=\"" + std::string(ink) + "\"");
  return out;
}

// Proportionality (seat share = vote share) and the vote share of one half, dashed.
std::string curve_references(const CurvePlot& plot, std::int64_t house) {
  const double bottom = plot.top + plot.height;
  return "<g class=\"reference\" stroke=\"" + std::string(faint) + "\" stroke-dasharray=\"4 3\" fill=\"none\">\n" +
         "<line class=\"proportional\" x1=\"" + num(plot.x_at(0)) + "\" y1=\"" + num(bottom) + "\" x2=\"" +
         num(plot.x_at(100)) + "\" y2=\"" + num(plot.y_at(static_cast<double>(house))) +
         "\"><title>seat share = vote share</title></line>\n<line class=\"half\" x1=\"" + num(plot.x_at(50)) +
         "\" y1=\"" + num(plot.top) + "\" x2=\"" + num(plot.x_at(50)) + "\" y2=\"" + num(bottom) +
         "\"><title>50 % of the votes</title></line>\n</g>\n";
}

// One party's step path; a change between two pieces is drawn half-way between their probes.
std::string curve_series(const CurvePlot& plot, const CurveSeries& series) {
  const std::vector<CurveStep>& steps = series.steps;
  const auto y = [&](std::int64_t seats) { return num(plot.y_at(static_cast<double>(seats))); };
  std::string path = "M" + num(plot.x_at(steps.front().share_from)) + " " + y(steps.front().seats);
  std::string marks;
  for (std::size_t i = 1; i < steps.size(); ++i) {
    const double x = plot.x_at((steps[i - 1].share_to + steps[i].share_from) / 2);
    path += "H" + num(x) + "V" + y(steps[i].seats);
    const std::string text = i - 1 < series.break_texts.size() ? series.break_texts[i - 1] : std::string();
    marks += "<circle class=\"break\" cx=\"" + num(x) + "\" cy=\"" + y(steps[i].seats) + "\" r=\"3.5\"><title>" +
             escape(text) + "</title></circle>\n";
  }
  path += "H" + num(plot.x_at(steps.back().share_to));
  const std::string& colour = series.party.colour;
  return "<g class=\"series\" stroke=\"" + escape(colour) + "\">\n<path class=\"curve\" d=\"" + path +
         "\" fill=\"none\" stroke-width=\"2.5\"><title>" + escape(series.party.name) + "</title></path>\n" +
         "<g class=\"breaks\" fill=\"" + escape(colour) + "\">\n" + marks + "</g>\n</g>\n";
}

}  // namespace

std::string seats_votes_svg(const SeatsVotesChart& chart) {
  CurvePlot plot;
  const double seat_step = nice_step(static_cast<double>(std::max<std::int64_t>(chart.house, 1)));
  plot.seat_top = std::ceil(static_cast<double>(std::max<std::int64_t>(chart.house, 1)) / seat_step) * seat_step;
  std::string body = curve_axes(plot, seat_step) + curve_references(plot, chart.house);
  std::vector<LegendEntry> legend;
  std::size_t breaks = 0;
  for (const CurveSeries& series : chart.series) {
    if (series.steps.empty()) continue;
    body += curve_series(plot, series);
    breaks += series.steps.size() - 1;
    legend.push_back({series.party.colour, legend_name(series.party), series.party.name,
                      " \u2014 " + std::to_string(series.steps.size() - 1) + " breaks"});
  }
  const double legend_left = plot.left + plot.width + 30, width = legend_left + 260;
  const double height = std::max(plot.top + plot.height + 60, plot.top + legend_height(legend.size(), 1) + 20);
  const std::string subtitle = std::to_string(breaks) + (breaks == 1 ? " break point" : " break points") +
                               " (dots); dashed: seat share = vote share, and 50 % of the votes";
  return svg::open_document(width, height, chart.title) +
         svg::text(20, 28, fit(chart.title, width - 40, 18),
                   "font-size=\"18\" font-weight=\"bold\" fill=\"" + std::string(ink) + "\"") +
         svg::text(20, 46, subtitle, "fill=\"" + std::string(faint) + "\"") + body +
         draw_legend(legend, legend_left, plot.top, 260, 1) + "</svg>\n";
}

}  // namespace seatsim
