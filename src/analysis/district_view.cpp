#include "district_view.hpp"

#include <utility>

namespace seatsim::analysis {

Rule district_rule(Rule rule) {
  rule.threshold = Threshold{};
  rule.leveling = LevelingRule{};
  rule.biproportional = BiproportionalRule{};
  return rule;
}

DistrictView isolate(const Election& election, std::size_t d, const Rule& rule) {
  DistrictView view;
  view.rule = district_rule(rule);
  view.single.source = election.source;
  const District& district = election.districts[d];
  const std::vector<bool> passes = threshold_passes(election, rule.threshold)[d];
  District& kept = view.single.districts.emplace_back();
  kept.name = district.name;
  kept.seats = district.seats;
  kept.reserved = district.reserved;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    if (!passes[i]) {
      view.dropped.push_back(i);
      continue;
    }
    kept.lists.push_back(district.lists[i]);
    view.original.push_back(i);
  }
  return view;
}

DistrictOutcome DistrictView::allocate(Rule rule_variant) const {
  return seatsim::allocate(single, district_rule(std::move(rule_variant))).districts.front();
}

bool DistrictView::reproduces(const DistrictOutcome& outcome, const District& full) const {
  for (const std::size_t i : dropped)
    if (full.lists[i].published_seats.value_or(1) != 0) return false;
  const District& mine = district();
  for (std::size_t k = 0; k < mine.lists.size(); ++k) {
    const auto& published = mine.lists[k].published_seats;
    if (!published || *published != outcome.lists[k].seats) return false;
  }
  return true;
}

}  // namespace seatsim::analysis
