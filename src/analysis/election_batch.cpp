#include "seatsim/analysis/election_batch.hpp"

#include <algorithm>
#include <map>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/batch.hpp"
#include "seatsim/kernel/election_allocation.hpp"

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
  // The batched kernel allocates districts one by one; tiers above the districts (and seat bounds and
  // list alliances, which the batched kernel does not know) take the whole election: one `allocate` per variant.
  const bool whole_election =
      rule.tiered() || !rule.bounds.empty() ||
      std::any_of(variants.begin(), variants.end(), [](const Election& e) { return has_alliances(e); });
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
        const ReservedSeats reserved = reserved_seats(district, reserved_ties, variants[s].source);
        for (const std::size_t i : reserved.tied) out[s].tie[d][i] = 1;
        for (const std::size_t i : reserved.winners) out[s].seats[d][i] = 1;
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
