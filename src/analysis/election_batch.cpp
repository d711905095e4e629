#include "seatsim/election_batch.hpp"

#include <algorithm>
#include <map>

#include "seatsim/batch.hpp"
#include "seatsim/election_allocation.hpp"
#include "seatsim/error.hpp"

namespace seatsim {
namespace {

bool same_shape(const Election& a, const Election& b) {
  if (a.districts.size() != b.districts.size()) return false;
  for (std::size_t d = 0; d < a.districts.size(); ++d) {
    const District &x = a.districts[d], &y = b.districts[d];
    if (x.name != y.name || x.seats != y.seats || x.reserved != y.reserved || x.lists.size() != y.lists.size())
      return false;
    for (std::size_t i = 0; i < x.lists.size(); ++i)
      if (x.lists[i].party != y.lists[i].party || x.lists[i].quota_group != y.lists[i].quota_group) return false;
  }
  return true;
}

Error district_error(const Election& election, const District& district, const std::string& what) {
  const std::size_t line = district.lists.empty() ? 0 : district.lists.front().line;
  return Error(election.source, line, "district '" + district.name + "': " + what);
}

ElectionSeats empty_seats(const Election& election) {
  ElectionSeats out;
  for (const District& district : election.districts) {
    out.seats.emplace_back(district.lists.size(), 0);
    out.tie.emplace_back(district.lists.size(), 0);
  }
  return out;
}

// The reserved seats of one district, as `allocate` fills them: each quota group's list with
// most votes, ties broken with the district's tie break keyed by list name.
void fill_reserved(const Election& election, const District& district, const TieBreak& ties,
                   std::vector<std::int64_t>& seats, std::vector<std::uint8_t>& tie) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < district.lists.size(); ++i)
    if (!district.lists[i].quota_group.empty()) groups[district.lists[i].quota_group].push_back(i);
  if (static_cast<std::int64_t>(groups.size()) > district.reserved) {
    const ListResult& list = district.lists[groups.begin()->second.front()];
    throw Error(election.source, list.line,
                "district '" + district.name + "' has " + std::to_string(groups.size()) + " quota group(s) but " +
                    std::to_string(district.reserved) + " reserved seat(s)");
  }
  std::vector<std::int64_t> votes;
  for (const ListResult& list : district.lists) votes.push_back(list.votes);
  for (const auto& [group, members] : groups) {
    std::int64_t best = -1;
    for (const std::size_t i : members) best = std::max(best, votes[i]);
    std::vector<std::size_t> top;
    for (const std::size_t i : members)
      if (votes[i] == best) top.push_back(i);
    const std::vector<std::size_t> winner = top.size() == 1 ? top : ties.choose(top, votes, 1);
    if (top.size() > 1)
      for (const std::size_t i : top) tie[i] = 1;
    seats[winner.front()] = 1;
  }
}

}  // namespace

ElectionSeats seats_of(const Election& election, const Rule& rule) {
  const ElectionOutcome outcome = allocate(election, rule);
  ElectionSeats out = empty_seats(election);
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
      out.seats[d][i] = outcome.districts[d].lists[i].seats;
      out.tie[d][i] = outcome.districts[d].lists[i].tie ? 1 : 0;
    }
  return out;
}

std::vector<ElectionSeats> allocate_variants(std::span<const Election> variants, const Rule& rule, unsigned threads) {
  std::vector<ElectionSeats> out(variants.size());
  if (variants.empty()) return out;
  const Election& first = variants.front();
  // The batched kernel allocates districts one by one; tiers above the districts (and seat bounds,
  // which the batched kernel does not know) take the whole election: one `allocate` per variant.
  const bool whole_election = rule.tiered() || !rule.bounds.empty();
  std::vector<std::size_t> batched;
  for (std::size_t s = 0; s < variants.size(); ++s) {
    if (!whole_election && same_shape(first, variants[s])) {
      batched.push_back(s);
      out[s] = empty_seats(first);
    } else {
      out[s] = seats_of(variants[s], rule);
    }
  }
  std::vector<std::vector<std::vector<bool>>> passes(variants.size());
  for (const std::size_t s : batched) {
    check_vote_limits(variants[s]);
    passes[s] = threshold_passes(variants[s], rule.threshold);
  }

  for (std::size_t d = 0; d < first.districts.size(); ++d) {
    const District& shape = first.districts[d];
    if (shape.seats < 0 || shape.reserved < 0) throw district_error(first, shape, "negative seats");
    if (shape.reserved > shape.seats) throw district_error(first, shape, "more reserved seats than seats");
    const std::int64_t general_seats = shape.seats - shape.reserved;
    std::vector<std::uint64_t> keys;
    for (const ListResult& list : shape.lists) keys.push_back(stream_key(list.party));
    const std::string context = shape.name.empty() ? "the district" : "district '" + shape.name + "'";

    // Variants whose lists take part alike share one matrix.
    std::map<std::vector<bool>, std::vector<std::size_t>> by_participants;
    for (const std::size_t s : batched) {
      const District& district = variants[s].districts[d];
      TieBreak reserved_ties{rule.ties, rule.seed, stream_key(shape.name), context, {}};
      reserved_ties.list_keys = keys;  // by list name, as `allocate` draws them
      try {
        fill_reserved(variants[s], district, reserved_ties, out[s].seats[d], out[s].tie[d]);
      } catch (const TieError& error) {
        throw TieError(first.source, district.lists.front().line, error.message());
      }
      std::vector<bool> takes_part(district.lists.size());
      for (std::size_t i = 0; i < district.lists.size(); ++i)
        takes_part[i] = district.lists[i].quota_group.empty() && passes[s][d][i];
      by_participants[takes_part].push_back(s);
    }
    for (const auto& [takes_part, members] : by_participants) {
      std::vector<std::size_t> rows;
      std::vector<std::uint64_t> row_keys;
      for (std::size_t i = 0; i < takes_part.size(); ++i)
        if (takes_part[i]) rows.push_back(i), row_keys.push_back(keys[i]);
      VoteMatrix votes(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(members.size()));
      for (std::size_t c = 0; c < members.size(); ++c) {
        const District& district = variants[members[c]].districts[d];
        bool any_votes = false;
        for (std::size_t r = 0; r < rows.size(); ++r) {
          votes(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = district.lists[rows[r]].votes;
          any_votes = any_votes || district.lists[rows[r]].votes > 0;
        }
        if (general_seats > 0 && !any_votes)
          throw district_error(
              variants[members[c]], district,
              std::to_string(general_seats) + " seat(s) to fill but no list with votes passes the threshold");
      }
      TieBreak ties{rule.ties, rule.seed, stream_key(shape.name), context, {}};
      ties.list_keys = row_keys;
      BatchSeats result;
      try {
        result = allocate_batch(votes, general_seats, rule.method, ties, threads);
      } catch (const TieError& error) {
        throw TieError(first.source, shape.lists.empty() ? 0 : shape.lists.front().line, error.message());
      }
      for (std::size_t c = 0; c < members.size(); ++c) {
        ElectionSeats& seats = out[members[c]];
        for (std::size_t r = 0; r < rows.size(); ++r) {
          const auto row = static_cast<Eigen::Index>(r), col = static_cast<Eigen::Index>(c);
          seats.seats[d][rows[r]] = result.seats(row, col);
          seats.tie[d][rows[r]] = static_cast<std::uint8_t>(seats.tie[d][rows[r]] | result.tie(row, col));
        }
      }
    }
  }
  return out;
}

}  // namespace seatsim
