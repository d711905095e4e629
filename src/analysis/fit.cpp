// Fitting the first divisor: the exact interval of d(0) under which a district's published seats
// are the divisor outcome. Derivation (non-strict, ties decided afterwards by recomputing):
// the published seats p are a divisor outcome iff every list's last seat has a quotient at least
// every list's next seat's. Only quotients with divisor d(0) = f depend on f: the last seat of a
// list with one seat (v/f) and the next seat of a list with none (v/f). With
//   A  = the smallest last-seat quotient of lists with ≥ 2 seats,   B  = the largest next-seat
//   quotient of lists with ≥ 1 seat,   m1 = the fewest votes of a list with 1 seat,
//   M0 = the most votes of a list with 0 seats,
// the conditions are A ≥ B, m1 ≥ M0, m1/f ≥ B (f ≤ m1/B) and A ≥ M0/f (f ≥ M0/A), and f < d(1).
#include <algorithm>

#include "district_view.hpp"
#include "seatsim/analysis/rule_fit.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/kernel/quotient.hpp"

namespace seatsim {
namespace {

using analysis::DistrictView;

// The fraction with the smallest denominator strictly between a and b (0 ≤ a < b).
Rational simplest_between(const Rational& a, const Rational& b) {
  const std::int64_t k = a.floor();
  if (Rational(k + 1) < b) return Rational(k + 1);
  const Rational ka(k);
  if (a == ka) return ka + Rational(1) / Rational((Rational(1) / (b - ka)).floor() + 1);
  return ka + Rational(1) / simplest_between(Rational(1) / (b - ka), Rational(1) / (a - ka));
}

std::string votes_text(std::int64_t votes) { return group_thousands(votes) + " votes"; }

struct GeneralList {
  std::size_t list;  // index in the view's district
  std::int64_t votes, published;
};

// Why the published seats cannot be reproduced by any first divisor, when that is clear before
// looking at divisors at all; empty when they might be.
std::string precondition_failure(const DistrictView& view, const District& full, const DistrictOutcome& reference,
                                 std::vector<GeneralList>& general) {
  std::string missing;
  for (const ListResult& list : full.lists)
    if (!list.published_seats) missing += (missing.empty() ? "" : ", ") + list.party;
  if (!missing.empty()) return "published seats missing for " + missing;
  for (const std::size_t i : view.dropped)
    if (*full.lists[i].published_seats > 0)
      return full.lists[i].party + " is below the threshold but has " + std::to_string(*full.lists[i].published_seats) +
             " published seat(s)";
  const District& district = view.district();
  for (std::size_t k = 0; k < district.lists.size(); ++k) {
    const ListResult& list = district.lists[k];
    if (!list.quota_group.empty() && *list.published_seats != reference.lists[k].seats)
      return "reserved seat of group '" + list.quota_group + "': " + list.party + " has " +
             std::to_string(*list.published_seats) + " published, the rule gives it " +
             std::to_string(reference.lists[k].seats);
  }
  std::int64_t sum = 0;
  for (const std::size_t k : reference.general_lists) {
    const ListResult& list = district.lists[k];
    general.push_back({k, list.votes, *list.published_seats});
    sum += *list.published_seats;
    if (list.votes == 0 && *list.published_seats > 0) return list.party + " has no votes but published seats";
  }
  if (sum != reference.general_seats)
    return "the general lists' published seats sum to " + std::to_string(sum) + ", not to the " +
           std::to_string(reference.general_seats) + " general seats";
  return {};
}

}  // namespace

FirstDivisorSet FirstDivisorSet::interval(Rational low, bool low_included, Rational high, bool high_included) {
  FirstDivisorSet set;
  if (high < low || (low == high && !(low_included && high_included))) return set;
  set.empty = false;
  set.low = low;
  set.high = high;
  set.low_included = low_included;
  set.high_included = high_included;
  return set;
}

bool FirstDivisorSet::contains(const Rational& f) const {
  if (empty) return false;
  const bool above = low_included ? !(f < low) : low < f;
  const bool below = high_included ? !(high < f) : f < high;
  return above && below;
}

FirstDivisorSet FirstDivisorSet::intersect(const FirstDivisorSet& other) const {
  if (empty || other.empty) return none();
  Rational lo = low, hi = high;
  bool lo_in = low_included, hi_in = high_included;
  if (other.low > lo || (other.low == lo && !other.low_included)) lo = other.low, lo_in = other.low_included;
  if (other.high < hi || (other.high == hi && !other.high_included)) hi = other.high, hi_in = other.high_included;
  return interval(lo, lo_in, hi, hi_in);
}

std::string FirstDivisorSet::describe() const {
  if (empty) return "none";
  if (low == high) return "{" + format_fraction_text(low) + "}";
  return (low_included ? "[" : "(") + format_fraction_text(low) + ", " + format_fraction_text(high) +
         (high_included ? "]" : ")");
}

std::string FirstDivisorSet::describe_decimal(int places) const {
  if (empty) return "none";
  if (low == high) return "{" + format_decimal(low, places) + "}";
  return (low_included ? "[" : "(") + format_decimal(low, places) + ", " + format_decimal(high, places) +
         (high_included ? "]" : ")");
}

DistrictFit fit_district(const Election& election, std::size_t d, const Rule& rule) {
  // The first-divisor interval comes from quotient inequalities of independent districts.
  if (rule.biproportional.enabled)
    throw Error("fit does not apply to a biproportional rule: its districts are not allocated one by one");
  if (!rule.bounds.empty()) throw Error("fit does not take seat bounds (--min-seats, --max-seats, --seat-bounds)");
  if (!rule.method.is_divisor() || rule.method.divisor().family() != DivisorRule::Family::linear)
    throw Error(
        "fit varies the first divisor of a linear divisor method (dhondt, sainte-lague, danish, imperiali, "
        "adams, or --divisors); '" +
        rule.method.name + "' is not one");
  const DivisorRule& divisors = rule.method.divisor();
  const Rational limit = divisors.divisor(1);
  const District& full = election.districts[d];
  const DistrictView view = analysis::isolate(election, d, rule);
  DistrictFit fit;
  std::vector<GeneralList> general;
  const DistrictOutcome reference = view.allocate(view.rule);
  fit.reason = precondition_failure(view, full, reference, general);
  if (!fit.reason.empty()) return fit;

  std::optional<Quotient> lowest_last, highest_next;  // A and B
  std::optional<GeneralList> fewest_one, most_none;   // m1 and M0
  for (const GeneralList& g : general) {
    if (g.votes == 0) continue;
    if (g.published >= 2) {
      const Quotient q = Quotient::of(divisors, g.list, g.votes, g.published);
      if (!lowest_last || q.priority() < lowest_last->priority()) lowest_last = q;
    }
    if (g.published >= 1) {
      const Quotient q = Quotient::of(divisors, g.list, g.votes, g.published + 1);
      if (!highest_next || q.priority() > highest_next->priority()) highest_next = q;
    }
    if (g.published == 1 && (!fewest_one || g.votes < fewest_one->votes)) fewest_one = g;
    if (g.published == 0 && (!most_none || g.votes > most_none->votes)) most_none = g;
  }
  const auto party = [&](std::size_t k) { return view.district().lists[k].party; };
  if (lowest_last && highest_next && lowest_last->priority() < highest_next->priority()) {
    fit.reason = "no first divisor can work: " + party(lowest_last->list) + "'s last seat (" + lowest_last->fraction() +
                 " = " + lowest_last->decimal() + ") is below " + party(highest_next->list) + "'s next seat (" +
                 highest_next->fraction() + " = " + highest_next->decimal() + ")";
    return fit;
  }
  if (fewest_one && most_none && fewest_one->votes < most_none->votes) {
    fit.reason = "no first divisor can work: " + party(fewest_one->list) + " has 1 seat with " +
                 votes_text(fewest_one->votes) + ", " + party(most_none->list) + " none with " +
                 votes_text(most_none->votes);
    return fit;
  }
  Rational low(0), high = limit;
  bool high_is_limit = true;
  if (fewest_one && highest_next) {
    const Rational bound = Rational(fewest_one->votes) * highest_next->divisor / Rational(highest_next->votes);
    if (bound < high) high = bound, high_is_limit = false;
  }
  if (most_none && lowest_last)
    low = std::max(low, Rational(most_none->votes) * lowest_last->divisor / Rational(lowest_last->votes));
  if (high < low || (low == high && high_is_limit)) {
    fit.reason = "no first divisor can work: it would have to be at least " + format_fraction_text(low) +
                 " and at most " + format_fraction_text(high) + (high_is_limit ? " (exclusive)" : "");
    return fit;
  }
  // Recomputing decides the ties at the endpoints (and any tie that holds for every f).
  const auto works = [&](const Rational& f) -> bool {
    try {
      Rule variant = view.rule;
      variant.method = with_first_divisor(rule.method, f);
      return view.reproduces(view.allocate(variant), full);
    } catch (const TieError&) {
      return false;
    } catch (const Error& error) {
      fit.reason = "first divisor " + f.to_string() + " not evaluated: " + error.message();
      return false;
    }
  };
  if (low == high) {
    fit.first_divisors = works(low) ? FirstDivisorSet::interval(low, true, low, true) : FirstDivisorSet::none();
    if (fit.first_divisors.empty && fit.reason.empty())
      fit.reason =
          "only a first divisor of " + format_fraction_text(low) + " could work, and there a tie goes the other way";
    return fit;
  }
  const bool inside = works(simplest_between(low, high));
  const bool low_in = works(low);
  const bool high_in = !high_is_limit && works(high);
  if (inside)
    fit.first_divisors = FirstDivisorSet::interval(low, low_in, high, high_in);
  else if (low_in || high_in)
    fit.first_divisors = FirstDivisorSet::interval(low_in ? low : high, true, low_in ? low : high, true);
  if (fit.first_divisors.empty && fit.reason.empty())
    fit.reason = "a tie at the last seat goes against the published seats for every first divisor";
  return fit;
}

RuleFit fit_rule(const Election& full_election, const Rule& rule, bool standard_methods) {
  // A multi-tier result: the district tier is what a first divisor explains.
  const Election tier = full_election.has_published_tiers() ? district_tier_published(full_election) : Election{};
  const Election& election = full_election.has_published_tiers() ? tier : full_election;
  RuleFit fit;
  fit.method = rule.method.name;
  bool first = true;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    DistrictFit district = fit_district(election, d, rule);
    if (d == 0) fit.first_divisor_limit = rule.method.divisor().divisor(1);
    if (standard_methods) {
      for (const std::string& name : method_names()) {
        Rule variant = rule;
        variant.method = method_by_name(name);
        try {
          const analysis::DistrictView view = analysis::isolate(election, d, variant);
          if (view.reproduces(view.allocate(variant), election.districts[d])) district.methods_matching.push_back(name);
        } catch (const Error&) {
          // a method that cannot allocate this district (a tie under 'error') does not reproduce it
        }
      }
    }
    if (district.first_divisors.empty) {
      fit.unexplained_by_first_divisor.push_back(d);
    } else {
      fit.intersection = first ? district.first_divisors : fit.intersection.intersect(district.first_divisors);
      first = false;
    }
    if (!district.explained()) fit.unexplained.push_back(d);
    fit.districts.push_back(std::move(district));
  }
  return fit;
}

Json rule_fit_to_json(const Election& election, const RuleFit& fit) {
  const auto set_json = [](const FirstDivisorSet& set) {
    Json json;
    json["text"] = set.describe();
    json["decimal"] = set.describe_decimal();
    json["empty"] = set.empty;
    if (!set.empty) {
      json["low"] = format_fraction_text(set.low);
      json["low_included"] = set.low_included;
      json["high"] = format_fraction_text(set.high);
      json["high_included"] = set.high_included;
    }
    return json;
  };
  const auto names = [&](const std::vector<std::size_t>& districts) {
    Json list = Json::array();
    for (const std::size_t d : districts) list.push_back(election.districts[d].name);
    return list;
  };
  Json json;
  json["method"] = fit.method;
  json["first_divisor_limit"] = fit.first_divisor_limit.to_string();
  Json districts = Json::array();
  for (std::size_t d = 0; d < fit.districts.size(); ++d) {
    const DistrictFit& district = fit.districts[d];
    Json entry;
    entry["district"] = election.districts[d].name;
    entry["first_divisors"] = set_json(district.first_divisors);
    entry["reason"] = district.reason;
    entry["methods_matching"] = district.methods_matching;
    entry["explained"] = district.explained();
    districts.push_back(entry);
  }
  json["districts"] = districts;
  json["intersection"] = set_json(fit.intersection);
  json["unexplained_by_first_divisor"] = names(fit.unexplained_by_first_divisor);
  json["unexplained"] = names(fit.unexplained);
  return json;
}

}  // namespace seatsim
