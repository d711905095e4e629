#include "seatsim/render/chart_data.hpp"

#include <algorithm>
#include <map>

#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

struct PartyTotals {
  std::int64_t seats = 0;
  std::int64_t published = 0;
  std::int64_t votes = 0;
  std::size_t first_seen = 0;
};

std::vector<std::string> parties_by_weight(const std::map<std::string, PartyTotals>& totals) {
  std::vector<std::string> names;
  names.reserve(totals.size());
  for (const auto& [name, total] : totals) names.push_back(name);
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    const PartyTotals& x = totals.at(a);
    const PartyTotals& y = totals.at(b);
    if (x.seats != y.seats) return x.seats > y.seats;
    if (x.votes != y.votes) return x.votes > y.votes;
    return x.first_seen < y.first_seen;
  });
  return names;
}

}  // namespace

ElectionCharts election_charts(const Election& election, const ElectionOutcome& outcome, const PartyStyles& styles,
                               const std::string& district) {
  std::vector<std::size_t> chosen;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    if (district.empty() || election.districts[d].name == district) chosen.push_back(d);
  if (chosen.empty()) throw Error(election.source, 0, "no district named '" + district + "'");

  std::map<std::string, PartyTotals> totals;
  bool any_published = false;
  for (const std::size_t d : chosen) {
    const District& source = election.districts[d];
    for (const ListResult& list : source.lists) any_published = any_published || list.published_seats.has_value();
    for (std::size_t i = 0; i < source.lists.size(); ++i) {
      const ListResult& list = source.lists[i];
      auto [it, added] = totals.try_emplace(list.party);
      if (added) it->second.first_seen = totals.size();
      it->second.seats += outcome.seats(d, i);
      it->second.published += list.published_seats.value_or(0);
      it->second.votes += list.votes;
    }
  }

  ElectionCharts charts;
  std::map<std::string, std::size_t> index;
  Parliament published;
  for (const StyledParty& party : style_parties(parties_by_weight(totals), styles)) {
    index[party.party] = charts.recomputed.parties.size();
    const PartyTotals& total = totals.at(party.party);
    charts.recomputed.parties.push_back({party.party, total.seats, party.colour, party.label});
    published.parties.push_back({party.party, total.published, party.colour, party.label});
  }
  if (any_published) charts.published = std::move(published);

  for (const std::size_t d : chosen) {
    const District& source = election.districts[d];
    DistrictDiff diff{source.name, source.has_published(), std::vector<std::int64_t>(index.size(), 0),
                      std::vector<std::int64_t>(index.size(), 0)};
    for (std::size_t i = 0; i < source.lists.size(); ++i) {
      const std::size_t k = index.at(source.lists[i].party);
      diff.seats[k] += outcome.seats(d, i);
      diff.published[k] += source.lists[i].published_seats.value_or(0);
    }
    charts.districts.push_back(std::move(diff));
  }
  charts.changes = {std::vector<std::int64_t>(index.size(), 0), std::vector<std::int64_t>(index.size(), 0)};
  for (const DistrictDiff& diff : charts.districts) {
    if (!diff.has_published) continue;
    for (std::size_t k = 0; k < index.size(); ++k) {
      charts.changes.won[k] += std::max<std::int64_t>(0, diff.seats[k] - diff.published[k]);
      charts.changes.lost[k] += std::max<std::int64_t>(0, diff.published[k] - diff.seats[k]);
    }
  }
  return charts;
}

Parliament styled(Parliament parliament, const PartyStyles& styles) {
  std::vector<std::string> names;
  for (const ParliamentParty& party : parliament.parties) names.push_back(party.name);
  std::map<std::string, StyledParty> by_name;
  for (StyledParty& party : style_parties(names, styles)) by_name.emplace(party.party, std::move(party));
  for (ParliamentParty& party : parliament.parties) {
    const StyledParty& style = by_name.at(party.name);
    const bool styled_here = styles.find(party.name) != nullptr;
    if (party.colour.empty() || (styled_here && !styles.find(party.name)->colour.empty())) party.colour = style.colour;
    if (party.label.empty() || styled_here) party.label = style.label;
  }
  return parliament;
}

}  // namespace seatsim
