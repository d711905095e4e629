#pragma once
// Recomputed against published seats per party over the whole election: for a count whose published
// result is national (seatsim/io/party_seats.hpp), or the district rows' published seats added up. A
// mixed-member House's seats are what the count gives; seats of winners outside the lists are not a
// party's and are not compared.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/io/party_seats.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {

struct PartyComparison {
  std::string party;
  std::optional<std::int64_t> published;
  std::int64_t seats = 0;
};

struct PartiesComparison {
  std::vector<PartyComparison> parties;  // in order of first appearance in the election
  std::int64_t published_total = 0, seats_total = 0;
  bool all_matched() const;
  std::string summary_line() const;  // "parties matched: M/N, seats differing: K"
};

// `published` empty: the district rows' published seats added up, every row must have them. Throws
// seatsim::Error(file, line) for a published party without votes, or for missing published seats.
PartiesComparison compare_parties(const Election& election, const ElectionOutcome& outcome,
                                  const std::vector<PublishedPartySeats>& published, const std::string& published_file);

}  // namespace seatsim
