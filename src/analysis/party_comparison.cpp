// Recomputed against published seats per party (seatsim/analysis/party_comparison.hpp).
#include "seatsim/analysis/party_comparison.hpp"

#include <algorithm>
#include <map>

#include "seatsim/core/error.hpp"

namespace seatsim {

bool PartiesComparison::all_matched() const {
  return std::all_of(parties.begin(), parties.end(),
                     [](const PartyComparison& p) { return p.published && *p.published == p.seats; });
}

std::string PartiesComparison::summary_line() const {
  std::int64_t matched = 0, differing = 0;
  for (const PartyComparison& p : parties) {
    if (p.published && *p.published == p.seats) ++matched;
    differing += p.published ? std::max(p.seats - *p.published, std::int64_t{0}) : p.seats;
  }
  return "parties matched: " + std::to_string(matched) + "/" + std::to_string(parties.size()) +
         ", seats differing: " + std::to_string(differing);
}

PartiesComparison compare_parties(const Election& election, const ElectionOutcome& outcome,
                                  const std::vector<PublishedPartySeats>& published,
                                  const std::string& published_file) {
  PartiesComparison out;
  std::map<std::string, std::size_t> index;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      const ListResult& list = election.districts[d].lists[i];
      const auto [it, fresh] = index.emplace(list.party, out.parties.size());
      if (fresh) out.parties.push_back({list.party, std::nullopt, 0});
      PartyComparison& party = out.parties[it->second];
      party.seats += outcome.seats(d, i);
      if (!published.empty()) continue;
      if (!list.published_seats)
        throw Error(election.source, list.line,
                    "no published seats for " + list.party + " in " + election.districts[d].name +
                        ": give every row's published_seats, or the published seats per party (national.csv)");
      party.published = party.published.value_or(0) + *list.published_seats;
    }
  for (const PublishedPartySeats& p : published) {
    const auto it = index.find(p.party);
    if (it == index.end())
      throw Error(published_file, p.line, "party '" + p.party + "' has no votes in " + election.source);
    out.parties[it->second].published = p.seats;
  }
  for (const PartyComparison& p : out.parties) {
    out.seats_total += p.seats;
    out.published_total += p.published.value_or(0);
  }
  return out;
}

}  // namespace seatsim
