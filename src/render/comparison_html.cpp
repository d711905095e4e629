#include "seatsim/render/comparison_html.hpp"

#include <algorithm>

#include "seatsim/kernel/quotient.hpp"

namespace seatsim {
namespace {

std::string signed_seats(std::int64_t diff) {
  return diff > 0 ? "+" + std::to_string(diff) : "\u2212" + std::to_string(-diff);
}

// "State of Law Coalition +1, Liberal Coalition −1"
std::string list_changes(const District& district, const DistrictComparison& c) {
  std::string text;
  for (std::size_t i = 0; i < c.lists.size(); ++i) {
    const std::optional<std::int64_t> diff = c.lists[i].diff();
    if (diff && *diff != 0) text += (text.empty() ? "" : ", ") + district.lists[i].party + " " + signed_seats(*diff);
  }
  return text;
}

std::string status_of(const DistrictComparison& c) {
  switch (c.match) {
    case DistrictMatch::matched:
      return "matches";
    case DistrictMatch::differs:
      return std::to_string(c.seats_differing) + (c.seats_differing == 1 ? " seat differs" : " seats differ");
    case DistrictMatch::published_total:
      return "published seats add up to " + std::to_string(c.published_total) + " of " + std::to_string(c.seats);
    case DistrictMatch::published_missing:
      return "published seats incomplete";
  }
  return {};
}

// The seats a list holds in the tier a district's quotients decide (all its seats without tiers).
std::int64_t recomputed_here(const ListComparison& l) { return l.tiered ? l.district_seats : l.seats; }
std::int64_t published_here(const ListComparison& l) {
  return (l.tiered ? l.published_district : l.published).value_or(0);
}

Table differing_lists(const District& district, const DistrictComparison& c) {
  Table table;
  table.columns = {"party", "votes", "published seats", "recomputed seats", "diff"};
  for (std::size_t i = 0; i < c.lists.size(); ++i) {
    const ListComparison& l = c.lists[i];
    if (l.diff().value_or(1) == 0) continue;
    table.add({district.lists[i].party, Cell(district.lists[i].votes),
               l.published ? Cell(*l.published) : Cell::number(""), Cell(l.seats),
               l.diff() ? Cell(*l.diff()) : Cell::number("")});
  }
  return table;
}

// The quotients of the district's general lists ranked, around its last seat: the seats whose
// holder the recomputation and the publication disagree on are marked. Empty when the quotients
// alone do not decide the district (no divisor method, list alliances, a boundary they do not
// reproduce).
std::optional<HtmlTable> quotient_table(const District& district, const DistrictComparison& c, const Rule& rule) {
  if (!rule.method.is_divisor() || !district.alliances.empty() || c.general_seats <= 0) return std::nullopt;
  std::vector<Quotient> quotients;
  for (std::size_t i = 0; i < c.lists.size(); ++i) {
    const ListResult& list = district.lists[i];
    const std::int64_t held = std::max(recomputed_here(c.lists[i]), published_here(c.lists[i]));
    if (!list.quota_group.empty() || held == 0) continue;
    for (std::int64_t seat = 1; seat <= held + 1; ++seat)
      quotients.push_back(Quotient::of(rule.method.divisor(), i, list.votes, seat));
  }
  std::stable_sort(quotients.begin(), quotients.end(),
                   [](const Quotient& a, const Quotient& b) { return a.priority() > b.priority(); });
  const auto seats = static_cast<std::size_t>(c.general_seats);
  if (quotients.size() <= seats) return std::nullopt;
  // The quotients alone must give the recomputed seats, or the table would explain something else.
  for (std::size_t r = 0; r < quotients.size(); ++r)
    if ((r < seats) != (quotients[r].seat <= recomputed_here(c.lists[quotients[r].list]))) return std::nullopt;

  const auto disputed = [&](const Quotient& q) {
    return (q.seat <= recomputed_here(c.lists[q.list])) != (q.seat <= published_here(c.lists[q.list]));
  };
  std::size_t first = seats > 3 ? seats - 3 : 0, last = std::min(quotients.size(), seats + 3);
  for (std::size_t r = 0; r < quotients.size(); ++r)
    if (disputed(quotients[r])) {
      first = std::min(first, r);
      last = std::max(last, r + 1);
    }
  HtmlTable table;
  table.caption = "Quotients around the last seat (" + rule.method.name + ")";
  table.table.columns = {"rank", "party", "its seat", "votes / divisor", "quotient", "recomputed", "published"};
  for (std::size_t r = first; r < last; ++r) {
    const Quotient& q = quotients[r];
    const ListComparison& l = c.lists[q.list];
    if (disputed(q)) table.marked_rows.insert(table.table.rows.size());
    table.table.add({Cell(static_cast<std::int64_t>(r + 1)), district.lists[q.list].party, Cell(q.seat), q.fraction(),
                     Cell::number(q.decimal()), q.seat <= recomputed_here(l) ? "seat" : "\u2014",
                     q.seat <= published_here(l) ? "seat" : "\u2014"});
  }
  table.marked_meaning = "Marked: the seats the recomputation and the publication give to different lists. The " +
                         std::to_string(c.general_seats) + " highest quotients take the general seats.";
  return table;
}

std::string sentence(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

// The comparator's explanation (it names the votes to move when they were found), then what it
// leaves out: why no move was found, and the first divisors that reproduce the publication.
std::vector<std::string> paragraphs(const DistrictComparison& c) {
  std::vector<std::string> out;
  if (!c.explanation.empty()) out.push_back(sentence(c.explanation));
  if (c.to_move && !c.to_move->found && !c.to_move->note.empty())
    out.push_back(sentence("Votes to move: " + c.to_move->note));
  if (c.fits && !c.fits->empty)
    out.push_back("First divisors that reproduce the published seats: " + c.fits->describe() + " (\u2248 " +
                  c.fits->describe_decimal() + ").");
  return out;
}

}  // namespace

std::vector<HtmlFinding> differing_findings(const Election& election, const Comparison& comparison) {
  std::vector<HtmlFinding> findings;
  for (std::size_t d = 0; d < comparison.districts.size(); ++d) {
    const DistrictComparison& c = comparison.districts[d];
    if (c.match == DistrictMatch::matched) continue;
    const std::string changes = list_changes(election.districts[d], c);
    std::string text = status_of(c);
    if (!changes.empty()) text += " (" + changes + ")";
    if (!c.explanation.empty()) text += ": " + c.explanation;
    findings.push_back({c.district, text, true});
  }
  return findings;
}

std::vector<std::string> matched_districts(const Comparison& comparison) {
  std::vector<std::string> names;
  for (const DistrictComparison& c : comparison.districts)
    if (c.match == DistrictMatch::matched) names.push_back(c.district);
  return names;
}

std::vector<HtmlDistrict> explained_districts(const Election& election, const Comparison& comparison,
                                              const Rule& rule) {
  std::vector<HtmlDistrict> out;
  for (std::size_t d = 0; d < comparison.districts.size(); ++d) {
    const DistrictComparison& c = comparison.districts[d];
    if (c.match == DistrictMatch::matched) continue;
    const District& district = election.districts[d];
    HtmlDistrict explained{c.district, status_of(c), paragraphs(c), {}};
    explained.tables.push_back({"Lists that differ", "", differing_lists(district, c)});
    if (std::optional<HtmlTable> quotients = quotient_table(district, c, rule))
      explained.tables.push_back(std::move(*quotients));
    out.push_back(std::move(explained));
  }
  return out;
}

}  // namespace seatsim
