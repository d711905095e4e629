// The comparator: recompute, then for every district that does not match, say what kind of
// difference it is — published seats missing, published seats that cannot add up, or seats that
// add up but differ — with the quotients of the disputed seats, the votes that would have had to
// move, and the first divisors (if any) that reproduce the published seats.
#include "seatsim/analysis/comparator.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "votes_to_move.hpp"

namespace seatsim {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i)
    text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return text;
}

std::string seats_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " seat" : " seats"); }

bool has_linear_divisors(const Rule& rule) {
  return rule.method.is_divisor() && rule.method.divisor().family() == DivisorRule::Family::linear;
}

// Seats changing hands in one tier: the larger of the seats gained and the seats lost.
struct Changes {
  std::int64_t gained = 0, lost = 0;
  void add(std::int64_t diff) { diff > 0 ? gained += diff : lost -= diff; }
  std::int64_t seats() const { return std::max(gained, lost); }
};

void fill_lists(const District& district, const DistrictOutcome& outcome, bool tiered, DistrictComparison& out) {
  Changes all, district_tier, leveling_tier;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const ListResult& published = district.lists[i];
    ListComparison list;
    list.published = published.published_seats;
    list.seats = outcome.lists[i].seats;
    list.reserved_seat = outcome.lists[i].reserved_seat;
    list.tie = outcome.lists[i].tie;
    list.tiered = tiered;
    list.district_seats = outcome.lists[i].district_seats;
    list.leveling_seats = outcome.lists[i].leveling_seats;
    if (tiered) {
      list.published_district = published.published_district_seats;
      list.published_leveling = published.published_leveling_seats;
      if (list.published_district) {
        out.published_total += *list.published_district;
        district_tier.add(*list.district_diff());
      }
      leveling_tier.add(list.leveling_diff());
    } else if (list.published) {
      out.published_total += *list.published;
      all.add(*list.diff());
    }
    out.lists.push_back(list);
  }
  out.seats_differing = tiered ? district_tier.seats() + leveling_tier.seats() : all.seats();
}

std::int64_t district_total(const DistrictOutcome& outcome) {
  std::int64_t total = 0;
  for (const ListOutcome& list : outcome.lists) total += list.seats;
  return total;
}

// With tiers, the published total is the district tier's (it must fill the district's seats) and
// a list matches when both its tiers do.
DistrictMatch classify(const DistrictComparison& out) {
  const bool missing = std::any_of(out.lists.begin(), out.lists.end(),
                                   [](const ListComparison& l) { return !l.published || !l.district_diff(); });
  if (missing) return DistrictMatch::published_missing;
  if (out.published_total != out.seats - out.unfilled_reserved) return DistrictMatch::published_total;
  const bool differs = std::any_of(out.lists.begin(), out.lists.end(), [](const ListComparison& l) {
    return *l.district_diff() != 0 || l.leveling_diff() != 0;
  });
  return differs ? DistrictMatch::differs : DistrictMatch::matched;
}

// Which leveling seats disagree, as text; empty when they agree.
std::string leveling_difference(const District& district, const DistrictComparison& out) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const ListComparison& l = out.lists[i];
    if (l.leveling_diff() == 0) continue;
    items.push_back(district.lists[i].party + " " + std::to_string(l.published_leveling.value_or(0)) + " published, " +
                    std::to_string(l.leveling_seats) + " recomputed");
  }
  return items.empty() ? std::string() : "leveling seats differ: " + join(items);
}

// The recomputation's boundary and the quotient of each disputed seat (divisor methods).
void fill_quotients(const District& district, const DistrictOutcome& outcome, const Rule& rule,
                    DistrictComparison& out) {
  if (!rule.method.is_divisor()) return;
  const DivisorRule& divisors = rule.method.divisor();
  const Boundary& boundary = outcome.general.boundary;
  const auto list_at = [&](std::size_t k) { return outcome.general_lists[k]; };
  if (boundary.last_awarded) {
    const std::size_t i = list_at(*boundary.last_awarded);
    out.last_awarded = Quotient::of(divisors, i, district.lists[i].votes, outcome.lists[i].district_seats);
  }
  if (boundary.first_missed) {
    const std::size_t i = list_at(*boundary.first_missed);
    out.first_missed = Quotient::of(divisors, i, district.lists[i].votes, outcome.lists[i].district_seats + 1);
  }
  if (out.match == DistrictMatch::matched) return;
  for (const std::size_t i : outcome.general_lists) {
    const auto diff = out.lists[i].district_diff();
    if (!diff || *diff == 0) continue;
    const std::int64_t seat = *diff > 0 ? outcome.lists[i].district_seats : outcome.lists[i].district_seats + 1;
    out.disputed.push_back({Quotient::of(divisors, i, district.lists[i].votes, seat), *diff > 0});
  }
}

// Which reserved seats disagree, as text; empty when they agree.
std::string reserved_difference(const District& district, const DistrictComparison& out) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const auto diff = out.lists[i].district_diff();
    if (district.lists[i].quota_group.empty() || !diff || *diff == 0) continue;
    items.push_back(district.lists[i].party + " (" + district.lists[i].quota_group + ") " +
                    std::to_string(*district.lists[i].published_seats) + " published, " +
                    std::to_string(out.lists[i].district_seats) + " recomputed");
  }
  return items.empty() ? std::string() : "reserved seats differ: " + join(items);
}

// `election` holds the district tier's published seats (all of them without tiers): the analyses
// below are of the district allocation.
void explain_differences(const Election& election, std::size_t d, const DistrictOutcome& outcome, const Rule& rule,
                         DistrictComparison& out) {
  const District& district = election.districts[d];
  std::string text = "the published seats add up but differ";
  if (rule.mixed_member.enabled()) {
    out.explanation = text +
                      " (mixed member: `seatsim allocate` shows each party's constituency seats, share and "
                      "list seats)";
    return;
  }
  if (rule.quota_tier.enabled()) {
    out.explanation = text + " (quota tier: `seatsim allocate` shows each district's quota and the national tier)";
    return;
  }
  if (rule.biproportional.enabled) {
    out.explanation = text +
                      " (biproportional: the districts are not allocated one by one; the district and list "
                      "divisors of `seatsim allocate` show why each cell has its seats)";
    return;
  }
  const std::string leveling = leveling_difference(district, out);
  const bool district_tier_differs = std::any_of(
      out.lists.begin(), out.lists.end(), [](const ListComparison& l) { return l.district_diff().value_or(0) != 0; });
  if (!district_tier_differs) {
    out.explanation = "the district seats match; " + leveling;
    return;
  }
  std::vector<std::int64_t> votes, published, recomputed;
  for (const std::size_t i : outcome.general_lists) {
    votes.push_back(district.lists[i].votes);
    published.push_back(*district.lists[i].published_seats);
    recomputed.push_back(outcome.lists[i].district_seats);
  }
  const std::string reserved = reserved_difference(district, out);
  // Both analyses know the plain district allocation; under seat bounds they would mislead.
  if (rule.threshold.empty() && reserved.empty() && rule.bounds.empty()) {
    std::vector<std::uint64_t> keys;
    for (const std::size_t i : outcome.general_lists) keys.push_back(stream_key(district.lists[i].party));
    const TieBreak ties{rule.ties, rule.seed, stream_key(district.name), "district '" + district.name + "'", keys};
    VotesToMove move = analysis::votes_to_move(votes, published, recomputed, out.general_seats, rule.method, ties);
    for (std::size_t& k : move.from) k = outcome.general_lists[k];
    for (std::size_t& k : move.to) k = outcome.general_lists[k];
    out.to_move = move;
  }
  if (has_linear_divisors(rule) && rule.bounds.empty()) {
    DistrictFit fit = fit_district(election, d, rule);
    out.fits = fit.first_divisors;
  }
  std::vector<std::string> parts;
  if (!leveling.empty()) parts.push_back(leveling);
  if (!reserved.empty()) parts.push_back(reserved);
  if (out.fits && !out.fits->empty)
    parts.push_back("a rule question: first divisors " + out.fits->describe() + " (≈ " + out.fits->describe_decimal() +
                    ") reproduce the published seats");
  else if (out.fits)
    parts.push_back("no first divisor reproduces the published seats");
  if (out.to_move && out.to_move->found) {
    std::vector<std::string> from, to;
    for (const std::size_t i : out.to_move->from) from.push_back(district.lists[i].party);
    for (const std::size_t i : out.to_move->to) to.push_back(district.lists[i].party);
    parts.push_back(group_thousands(out.to_move->votes) + " votes moved from " + join(from) + " to " + join(to) +
                    " would give them");
  }
  if (out.lists.front().tiered) text = "the published district seats add up but differ";
  for (const std::string& part : parts) text += "; " + part;
  out.explanation = text;
}

std::string explain_data_fault(const District& district, const DistrictComparison& out) {
  if (out.match == DistrictMatch::published_missing) {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < district.lists.size(); ++i)
      if (!out.lists[i].district_diff())
        items.push_back(district.lists[i].party + " (" + group_thousands(district.lists[i].votes) + " votes, " +
                        std::to_string(out.lists[i].seats) + " recomputed)");
    return "a data fault: no published seats for " + join(items) + ", so the district cannot match";
  }
  const bool tiered = !out.lists.empty() && out.lists.front().tiered;
  std::string text = std::string("a data fault: the published ") + (tiered ? "district " : "") + "seats sum to " +
                     std::to_string(out.published_total) + ", but the district has " + seats_text(out.seats);
  if (out.reserved > 0) {
    text += " (" + std::to_string(out.reserved) + " reserved";
    if (out.unfilled_reserved > 0) text += ", " + std::to_string(out.unfilled_reserved) + " of them without a list";
    text += ")";
  }
  return text + ", so no allocation of them can match";
}

}  // namespace

std::string_view district_match_name(DistrictMatch match) noexcept {
  switch (match) {
    case DistrictMatch::matched:
      return "matched";
    case DistrictMatch::differs:
      return "differs";
    case DistrictMatch::published_total:
      return "published total wrong";
    case DistrictMatch::published_missing:
      return "published seats missing";
  }
  return "";
}

std::size_t Comparison::matched() const noexcept {
  return static_cast<std::size_t>(std::count_if(districts.begin(), districts.end(), [](const DistrictComparison& d) {
    return d.match == DistrictMatch::matched;
  }));
}

std::int64_t Comparison::seats_differing() const noexcept {
  std::int64_t total = 0;
  for (const DistrictComparison& d : districts) total += d.seats_differing;
  return total;
}

std::string Comparison::summary_line() const {
  return "districts matched: " + std::to_string(matched()) + "/" + std::to_string(districts.size()) +
         ", seats differing: " + std::to_string(seats_differing());
}

Comparison compare(const Election& election, const Rule& rule) {
  const bool any_published = std::any_of(election.districts.begin(), election.districts.end(), [](const District& d) {
    return std::any_of(d.lists.begin(), d.lists.end(),
                       [](const ListResult& l) { return l.published_seats.has_value(); });
  });
  if (!any_published)
    throw Error(election.source, 1, "no published seats to compare with (a published_seats column with values)");
  // A multi-tier result is compared tier by tier; the analyses of a difference are of the district
  // tier, so they see its published seats (and the rule without the tier above).
  const bool tiered = election.has_published_tiers();
  const Election tier = tiered ? district_tier_published(election) : Election{};
  const Election& district_tier = tiered ? tier : election;
  Rule district_rule = rule;
  district_rule.leveling = LevelingRule{};
  const ElectionOutcome outcome = allocate(election, rule);
  Comparison comparison;
  comparison.notes = outcome.notes;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    const DistrictOutcome& result = outcome.districts[d];
    DistrictComparison& out = comparison.districts.emplace_back();
    out.district = district.name;
    // A mixed-member district's seats are what the count gives (overhang grows the House).
    out.seats = rule.mixed_member.enabled() ? district_total(result) : district.seats;
    out.reserved = district.reserved;
    out.general_seats = result.general_seats;
    out.unfilled_reserved = result.unfilled_reserved;
    fill_lists(district, result, tiered, out);
    out.match = classify(out);
    fill_quotients(district, result, rule, out);
    switch (out.match) {
      case DistrictMatch::matched:
        if (out.unfilled_reserved > 0)
          out.explanation = std::to_string(out.unfilled_reserved) + " reserved seat(s) without a list stay unfilled";
        break;
      case DistrictMatch::differs:
        explain_differences(district_tier, d, result, rule.biproportional.enabled ? rule : district_rule, out);
        break;
      case DistrictMatch::published_missing:
      case DistrictMatch::published_total:
        out.explanation = explain_data_fault(district, out);
        break;
    }
  }
  return comparison;
}

Json comparison_to_json(const Election& election, const Comparison& comparison) {
  const auto quotient_json = [&](const District& district, const Quotient& q) {
    Json json;
    json["party"] = district.lists[q.list].party;
    json["seat"] = q.seat;
    json["votes"] = q.votes;
    json["divisor"] = q.divisor.to_string();
    if (q.squared_divisor) json["divisor_is_squared"] = true;
    json["quotient"] = q.fraction();
    json["value"] = q.decimal(3);
    return json;
  };
  Json districts = Json::array();
  for (std::size_t d = 0; d < comparison.districts.size(); ++d) {
    const District& district = election.districts[d];
    const DistrictComparison& c = comparison.districts[d];
    Json entry;
    entry["district"] = c.district;
    entry["match"] = std::string(district_match_name(c.match));
    entry["seats"] = c.seats;
    entry["reserved"] = c.reserved;
    entry["unfilled_reserved"] = c.unfilled_reserved;
    entry["published_total"] = c.published_total;
    entry["seats_differing"] = c.seats_differing;
    entry["explanation"] = c.explanation;
    Json lists = Json::array();
    for (std::size_t i = 0; i < c.lists.size(); ++i) {
      const ListComparison& l = c.lists[i];
      Json list;
      list["party"] = district.lists[i].party;
      list["votes"] = district.lists[i].votes;
      list["quota"] = district.lists[i].quota_group;
      list["published_seats"] = l.published ? Json(*l.published) : Json(nullptr);
      list["seats"] = l.seats;
      list["diff"] = l.diff() ? Json(*l.diff()) : Json(nullptr);
      list["reserved_seat"] = l.reserved_seat;
      list["tie"] = l.tie;
      if (l.tiered) {
        list["published_district_seats"] = l.published_district ? Json(*l.published_district) : Json(nullptr);
        list["published_leveling_seats"] = l.published_leveling ? Json(*l.published_leveling) : Json(nullptr);
        list["district_seats"] = l.district_seats;
        list["leveling_seats"] = l.leveling_seats;
      }
      lists.push_back(list);
    }
    entry["lists"] = lists;
    entry["last_awarded"] = c.last_awarded ? quotient_json(district, *c.last_awarded) : Json(nullptr);
    entry["first_missed"] = c.first_missed ? quotient_json(district, *c.first_missed) : Json(nullptr);
    Json disputed = Json::array();
    for (const DisputedSeat& seat : c.disputed) {
      Json json = quotient_json(district, seat.quotient);
      json["recomputed_not_published"] = seat.awarded;
      disputed.push_back(json);
    }
    entry["disputed_seats"] = disputed;
    if (c.to_move) {
      Json move;
      move["found"] = c.to_move->found;
      move["votes"] = c.to_move->found ? Json(c.to_move->votes) : Json(nullptr);
      Json from = Json::array(), to = Json::array();
      for (const std::size_t i : c.to_move->from) from.push_back(district.lists[i].party);
      for (const std::size_t i : c.to_move->to) to.push_back(district.lists[i].party);
      move["from"] = from;
      move["to"] = to;
      move["note"] = c.to_move->note;
      entry["votes_to_move"] = move;
    }
    if (c.fits) {
      entry["first_divisors_reproducing"] = c.fits->describe();
      entry["first_divisors_reproducing_decimal"] = c.fits->describe_decimal();
    }
    districts.push_back(entry);
  }
  Json json;
  json["districts"] = districts;
  json["summary"] = {{"districts", comparison.districts.size()},
                     {"matched", comparison.matched()},
                     {"seats_differing", comparison.seats_differing()},
                     {"line", comparison.summary_line()}};
  json["notes"] = comparison.notes;
  return json;
}

}  // namespace seatsim
