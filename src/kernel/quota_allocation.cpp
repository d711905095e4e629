// Largest-remainder methods, exactly: whole quotas by integer division, remainders compared
// as numerators over the quota's common denominator.
#include <algorithm>
#include <numeric>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/allocation.hpp"

namespace seatsim {
namespace {

// Gives (or, with `take`, withdraws) one seat each to `count` lists, chosen by remainder
// among `eligible`: the largest remainders gain, the smallest lose. Equal remainders at the
// cut are a tie, decided by the tie rule (the rule picks which lists keep or gain the seat).
void hand_out_by_remainder(std::vector<std::size_t> eligible, const std::vector<i128>& remainder, std::size_t count,
                           bool take, std::span<const std::int64_t> votes, const TieBreak& ties, DistrictSeats& out) {
  if (count == 0) return;
  // Best first: for gaining, the largest remainders; for losing, the smallest ones first.
  std::stable_sort(eligible.begin(), eligible.end(), [&](std::size_t a, std::size_t b) {
    return take ? remainder[a] < remainder[b] : remainder[a] > remainder[b];
  });
  const i128 cut = remainder[eligible[count - 1]];
  std::vector<std::size_t> sure, competing;
  for (const std::size_t i : eligible) {
    if (remainder[i] == cut)
      competing.push_back(i);
    else if (take ? remainder[i] < cut : remainder[i] > cut)
      sure.push_back(i);
  }
  const std::int64_t step = take ? -1 : 1;
  for (const std::size_t i : sure) out.seats[i] += step;
  const std::size_t left = count - sure.size();
  if (competing.size() == left) {
    for (const std::size_t i : competing) out.seats[i] += step;
    return;
  }
  std::sort(competing.begin(), competing.end());
  // The tie rule chooses winners: when taking seats away, the winners keep theirs.
  const std::vector<std::size_t> winners = ties.choose(competing, votes, take ? competing.size() - left : left);
  for (const std::size_t i : competing) {
    const bool winner = std::binary_search(winners.begin(), winners.end(), i);
    if (winner != take) out.seats[i] += step;
    out.tie[i] = 1;
  }
  out.tie_decided = true;
}

}  // namespace

DistrictSeats allocate_quota(std::span<const std::int64_t> votes, std::int64_t seats, const QuotaRule& rule,
                             const TieBreak& ties) {
  const std::size_t n = votes.size();
  DistrictSeats out;
  out.seats.assign(n, 0);
  out.tie.assign(n, 0);
  if (seats == 0) return out;
  const std::int64_t total = std::accumulate(votes.begin(), votes.end(), std::int64_t{0});
  if (total <= 0) throw Error("no list has a vote, but there are " + std::to_string(seats) + " seats to fill");
  const Rational quota = rule.quota(total, seats);
  // v / (qn/qd) = v·qd / qn; remainder numerator (over qd) = v·qd − whole·qn.
  std::vector<i128> remainder(n, 0);
  std::int64_t whole_total = 0;
  std::vector<std::size_t> voters;
  for (std::size_t i = 0; i < n; ++i) {
    if (votes[i] <= 0) continue;
    const i128 scaled = static_cast<i128>(votes[i]) * quota.den();
    const i128 whole = scaled / quota.num();
    out.seats[i] = static_cast<std::int64_t>(whole);
    remainder[i] = scaled - whole * quota.num();
    whole_total += out.seats[i];
    voters.push_back(i);
  }
  // Rounds of at most one seat per list: more than one round happens only in degenerate cases
  // (fewer lists than seats left over, or a quota so small that one list holds several extra).
  if (whole_total > seats) out.quota_excess = whole_total - seats;
  for (std::int64_t gap = seats - whole_total; gap != 0;) {
    std::vector<std::size_t> eligible = voters;
    if (gap < 0) std::erase_if(eligible, [&](std::size_t i) { return out.seats[i] == 0; });
    if (eligible.empty()) throw Error("the quota method cannot place all seats");
    const std::size_t count = std::min<std::size_t>(eligible.size(), static_cast<std::size_t>(gap < 0 ? -gap : gap));
    hand_out_by_remainder(std::move(eligible), remainder, count, gap < 0, votes, ties, out);
    gap += gap < 0 ? static_cast<std::int64_t>(count) : -static_cast<std::int64_t>(count);
  }
  return out;
}

}  // namespace seatsim
