#include "seatsim/render/comparison_report.hpp"

#include <algorithm>

#include "text_wrap.hpp"

namespace seatsim {
namespace {

std::string signed_text(std::int64_t n) { return n > 0 ? "+" + std::to_string(n) : std::to_string(n); }

std::string ordinal(std::int64_t n) {
  const std::int64_t tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

std::string quotient_text(const District& district, const Quotient& q) {
  return district.lists[q.list].party + " " + q.fraction() + " = " + q.decimal();
}

std::string render(const Table& table, bool markdown) { return markdown ? render_markdown(table) : render_text(table); }

std::string district_detail(const District& district, const DistrictComparison& c, bool markdown) {
  std::string out = markdown ? "### " + c.district + "\n\n" : "== " + c.district + ": ";
  out += std::string(district_match_name(c.match)) + " — " + c.explanation + "\n" + (markdown ? "\n" : "");
  const bool tiered = !c.lists.empty() && c.lists.front().tiered;
  Table table;
  table.columns = {"party", "votes", "published", "seats", "diff", "disputed seat"};
  table.rank_by = {"seats", "votes"};
  if (tiered) table.columns.insert(table.columns.begin() + 5, {"district tier", "leveling tier"});
  const auto tier_text = [](const std::optional<std::int64_t>& published, std::int64_t seats) {
    return (published ? std::to_string(*published) : std::string("blank")) + " -> " + std::to_string(seats);
  };
  for (std::size_t i = 0; i < c.lists.size(); ++i) {
    const ListComparison& l = c.lists[i];
    if (l.published && l.district_diff() && *l.district_diff() == 0 && l.leveling_diff() == 0) continue;
    std::string disputed;
    for (const DisputedSeat& seat : c.disputed)
      if (seat.quotient.list == i)
        disputed = ordinal(seat.quotient.seat) + " seat: " + seat.quotient.fraction() + " = " +
                   seat.quotient.decimal() +
                   (seat.awarded ? " (recomputed, not published)" : " (published, not recomputed)");
    if (!district.lists[i].quota_group.empty())
      disputed += (disputed.empty() ? "" : "; ") + std::string("reserved: ") + district.lists[i].quota_group;
    std::vector<Cell> row{district.lists[i].party,
                          Cell::number(group_thousands(district.lists[i].votes)),
                          l.published ? Cell(*l.published) : Cell::number("blank"),
                          Cell(l.seats),
                          l.published ? Cell::number(signed_text(*l.diff())) : Cell::number("?"),
                          disputed};
    if (tiered)
      row.insert(row.begin() + 5, {tier_text(l.published_district, l.district_seats),
                                   tier_text(l.published_leveling.value_or(0), l.leveling_seats)});
    table.add(std::move(row));
  }
  out += render(table, markdown);
  if (c.last_awarded || c.first_missed) {
    out += markdown ? "\n" : "";
    out += "recomputed boundary: last seat awarded " +
           (c.last_awarded ? quotient_text(district, *c.last_awarded) : std::string("none")) + "; first seat missed " +
           (c.first_missed ? quotient_text(district, *c.first_missed) : std::string("none")) + "\n";
  }
  if (c.to_move && !c.to_move->found) out += "votes to move: " + c.to_move->note + "\n";
  return out + "\n";
}

}  // namespace

Table comparison_table(const Election& election, const Comparison& comparison) {
  const bool tiered = election.has_published_tiers();
  Table table;
  table.columns = {"district", "party", "votes", "published_seats", "seats", "diff"};
  table.group_by = {"district"};
  table.rank_by = {"seats", "votes"};
  // A multi-tier result adds both tiers after the contract's columns: published_seats is their sum.
  if (tiered)
    table.columns.insert(table.columns.end(),
                         {"published_district_seats", "published_leveling_seats", "district_seats", "leveling_seats"});
  const auto optional = [](const std::optional<std::int64_t>& value) {
    return value ? Cell(*value) : Cell::number("");
  };
  for (std::size_t d = 0; d < comparison.districts.size(); ++d) {
    const District& district = election.districts[d];
    const DistrictComparison& c = comparison.districts[d];
    for (std::size_t i = 0; i < c.lists.size(); ++i) {
      const ListComparison& l = c.lists[i];
      std::vector<Cell> row{district.name,         district.lists[i].party, Cell(district.lists[i].votes),
                            optional(l.published), Cell(l.seats),           optional(l.diff())};
      if (tiered)
        row.insert(row.end(), {optional(l.published_district), optional(l.published_leveling), Cell(l.district_seats),
                               Cell(l.leveling_seats)});
      table.add(std::move(row));
    }
  }
  return table;
}

std::string comparison_report(const Election& election, const Comparison& comparison, const std::string& title,
                              const Rule& rule, bool markdown) {
  std::string out = markdown ? "## Comparison: " + title + "\n\n" : "Comparison: " + title + "\n";
  out += "Recomputed under " + rule.describe();
  const bool reserved = std::any_of(comparison.districts.begin(), comparison.districts.end(),
                                    [](const DistrictComparison& c) { return c.reserved > 0; });
  if (reserved) out += "; reserved seats: each to the list of its group with most votes";
  out += "\n\n";
  Table summary;
  summary.columns = {"district", "seats", "reserved", "published", "status", "seats differing"};
  for (const DistrictComparison& c : comparison.districts)
    summary.add({c.district, Cell(c.seats), Cell(c.reserved), Cell(c.published_total),
                 std::string(district_match_name(c.match)), Cell(c.seats_differing)});
  out += render(summary, markdown) + "\n";
  for (std::size_t d = 0; d < comparison.districts.size(); ++d)
    if (comparison.districts[d].match != DistrictMatch::matched)
      out += district_detail(election.districts[d], comparison.districts[d], markdown);
  for (std::size_t d = 0; d < comparison.districts.size(); ++d)
    if (comparison.districts[d].match == DistrictMatch::matched && !comparison.districts[d].explanation.empty())
      out += "note: " + comparison.districts[d].district + ": " + comparison.districts[d].explanation + "\n";
  return out;
}

Table rule_fit_table(const Election& election, const RuleFit& fit) {
  Table table;
  table.columns = {"district",      "first_divisors", "low",          "low_included",     "high",
                   "high_included", "low_decimal",    "high_decimal", "methods_matching", "reason"};
  for (std::size_t d = 0; d < fit.districts.size(); ++d) {
    const DistrictFit& f = fit.districts[d];
    const FirstDivisorSet& set = f.first_divisors;
    std::string methods;
    for (const std::string& m : f.methods_matching) methods += (methods.empty() ? "" : " ") + m;
    const auto text = [&](const std::string& value) { return set.empty ? std::string() : value; };
    table.add({election.districts[d].name, set.describe(), text(format_fraction_text(set.low)),
               text(set.low_included ? "yes" : "no"), text(format_fraction_text(set.high)),
               text(set.high_included ? "yes" : "no"), text(format_decimal(set.low, 6)),
               text(format_decimal(set.high, 6)), methods, f.reason});
  }
  return table;
}

std::string rule_fit_report(const Election& election, const RuleFit& fit, const Rule& rule, bool markdown) {
  // Text lines fit the table's width (markdown is reflowed by its reader).
  const auto line = [&](const std::string& text) {
    return (markdown ? text : wrap_paragraph(text, text_width)) + "\n";
  };
  std::string out = markdown ? "## First divisors reproducing the published seats\n\n" : "";
  out +=
      line("Method " + fit.method + " with its first divisor f varied over [0, " + fit.first_divisor_limit.to_string() +
           ") (every later divisor fixed: " + rule.method.divisor().describe() + "); ties " +
           std::string(tie_rule_name(rule.ties))) +
      "\n";
  Table table;
  table.columns = {"district", "first divisors f", "≈", "standard methods reproducing it", "why none"};
  table.wrap = {"standard methods reproducing it", "why none"};
  for (std::size_t d = 0; d < fit.districts.size(); ++d) {
    const DistrictFit& f = fit.districts[d];
    std::string methods;
    for (const std::string& m : f.methods_matching) methods += (methods.empty() ? "" : ", ") + m;
    table.add({election.districts[d].name, f.first_divisors.describe(), f.first_divisors.describe_decimal(),
               methods.empty() ? "none" : methods, f.first_divisors.empty ? f.reason : ""});
  }
  out += render(table, markdown) + "\n";
  const auto names = [&](const std::vector<std::size_t>& list) {
    std::string text;
    for (const std::size_t d : list) text += (text.empty() ? "" : ", ") + election.districts[d].name;
    return text.empty() ? std::string("none") : text;
  };
  const std::size_t explained = fit.districts.size() - fit.unexplained_by_first_divisor.size();
  out += line("intersection over the " + std::to_string(explained) + " districts some first divisor explains: " +
              fit.intersection.describe() + " ≈ " + fit.intersection.describe_decimal());
  if (rule.method.is_divisor()) {
    const Rational official = rule.method.divisor().divisor(0);
    out += line("the rule's own first divisor " + official.to_string() + " is " +
                (fit.intersection.contains(official) ? "inside" : "outside") + " it");
  }
  out += line("districts no first divisor explains: " + names(fit.unexplained_by_first_divisor));
  out += line("districts no setting explains (no first divisor, no standard method): " + names(fit.unexplained));
  return out;
}

}  // namespace seatsim
