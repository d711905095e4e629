// Divisor methods: the seat-by-seat reference, and the general exact path (jump to an estimated
// divisor, then exact single steps) that the fast kernels fall back to. Every kernel ends in the
// same boundary analysis, which detects a tie exactly and breaks it by the named rule, so that
// they agree seat for seat. The fast kernels are in divisor_jump.cpp and batch_*.cpp.
#include <algorithm>
#include <cmath>
#include <queue>

#include "kernel/divisor_detail.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/kernel/allocation.hpp"

namespace seatsim {
namespace detail {
namespace {

struct Ranked {
  Priority priority;
  std::size_t list;
};
// Highest priority first; among equals the earlier list (the order only matters for speed,
// ties are settled afterwards as a group).
struct Lower {
  bool operator()(const Ranked& a, const Ranked& b) const noexcept {
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.list > b.list;
  }
};

// The priority of the next seat of list i, and of the last seat it holds.
Priority next_priority(const DivisorRule& rule, std::span<const std::int64_t> votes, std::size_t i, std::int64_t held) {
  return rule.priority(votes[i], held);
}

}  // namespace

void require_votes(std::span<const std::int64_t> votes, std::int64_t seats) {
  if (seats > 0 && std::none_of(votes.begin(), votes.end(), [](std::int64_t v) { return v > 0; }))
    throw Error("no list has a vote, but there are " + std::to_string(seats) + " seats to fill");
}

void reset_result(DistrictSeats& out, std::size_t n) {
  out.seats.assign(n, 0);
  out.tie.assign(n, 0);
  out.tie_decided = false;
  out.boundary = Boundary{};
  out.quota_excess = 0;
}

void settle_boundary(std::span<const std::int64_t> votes, const DivisorRule& rule, const TieBreak& ties,
                     DistrictSeats& out) {
  const std::size_t n = votes.size();
  std::optional<std::size_t> lowest_won, highest_missed;
  Priority lowest{}, highest{};
  for (std::size_t i = 0; i < n; ++i) {
    if (votes[i] <= 0) continue;
    if (out.seats[i] > 0) {
      const Priority p = rule.priority(votes[i], out.seats[i] - 1);
      if (!lowest_won || p < lowest) lowest = p, lowest_won = i;
    }
    const Priority q = next_priority(rule, votes, i, out.seats[i]);
    if (!highest_missed || q > highest) highest = q, highest_missed = i;
  }
  out.boundary = {lowest_won, lowest, highest_missed, highest};
  if (!lowest_won || !highest_missed || lowest != highest) return;

  // Equal priorities at the boundary: the lists holding a seat at that priority and those whose
  // next seat has it compete for the seats held there.
  std::vector<std::size_t> competing;
  std::size_t contested = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (votes[i] <= 0) continue;
    if (out.seats[i] > 0 && rule.priority(votes[i], out.seats[i] - 1) == lowest) {
      competing.push_back(i);
      --out.seats[i];
      ++contested;
    } else if (next_priority(rule, votes, i, out.seats[i]) == lowest) {
      competing.push_back(i);
    }
  }
  for (const std::size_t winner : ties.choose(competing, votes, contested)) ++out.seats[winner];
  for (const std::size_t i : competing) out.tie[i] = 1;
  out.tie_decided = true;
  out.boundary.last_awarded = std::nullopt;
  out.boundary.first_missed = std::nullopt;
  for (const std::size_t i : competing) {
    const bool won = out.seats[i] > 0 && rule.priority(votes[i], out.seats[i] - 1) == lowest;
    (won ? out.boundary.last_awarded : out.boundary.first_missed) = i;
  }
}

namespace {

// A first guess of each list's seats from one divisor estimated from the totals
// (Pukelsheim's jump): floating point is fine here, the exact steps of `repair` fix it.
std::vector<std::int64_t> estimate(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule) {
  const std::size_t n = votes.size();
  std::vector<std::int64_t> guess(n, 0);
  double total = 0;
  double parties = 0;
  for (const std::int64_t v : votes)
    if (v > 0) total += static_cast<double>(v), parties += 1;
  if (total <= 0 || seats == 0) return guess;
  const double cap = static_cast<double>(seats);
  // d(k) ≈ a + b·k: a seat count s has signpost about a + b(s − ½), so the divisor that
  // hands out S seats in all is about V / (b(S + P(a/b − ½))).
  const bool linear = rule.family() == DivisorRule::Family::linear;
  const double a = linear ? static_cast<double>(rule.tail_a()) : 0.5;
  const double b = linear ? static_cast<double>(rule.tail_b()) : 1.0;
  double shifted = static_cast<double>(seats) + parties * (a / b - 0.5);
  if (shifted <= 0.5) shifted = static_cast<double>(seats);
  const double lambda = total / (b * shifted);
  const auto& prefix = rule.scaled_prefix();
  for (std::size_t i = 0; i < n; ++i) {
    if (votes[i] <= 0) continue;
    const double y = static_cast<double>(votes[i]) / lambda;  // count the divisors d(k) ≤ y
    double count = 0;
    switch (rule.family()) {
      case DivisorRule::Family::linear: {
        std::size_t k = 0;
        while (k < prefix.size() && static_cast<double>(prefix[k]) <= y) ++k;
        count = static_cast<double>(k);
        if (k == prefix.size()) count = std::max(count, std::floor((y - a) / b) + 1.0);
        break;
      }
      case DivisorRule::Family::dean:
        count = 1.0 + std::max(0.0, std::floor(y - 0.5));
        break;
      case DivisorRule::Family::huntington_hill:
        count = 1.0 + std::max(0.0, std::floor((std::sqrt(1.0 + 4.0 * y * y) - 1.0) / 2.0));
        break;
    }
    guess[i] = static_cast<std::int64_t>(std::clamp(count, 0.0, cap));
  }
  return guess;
}

// Moves single seats, exactly, until the allocation has `seats` seats and satisfies the
// divisor condition: no seat held at a priority below a priority that missed one. Heaps are
// lazy: an entry is stale when its list's seat count changed since it was pushed.
void repair(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
            std::vector<std::int64_t>& held) {
  struct Entry {
    Priority priority;
    std::size_t list;
    std::int64_t at;  // the seat count it was computed for
  };
  const auto lower = [](const Entry& x, const Entry& y) { return x.priority < y.priority; };
  const auto higher = [](const Entry& x, const Entry& y) { return x.priority > y.priority; };
  std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> missed(lower);     // next seats, best on top
  std::priority_queue<Entry, std::vector<Entry>, decltype(higher)> awarded(higher);  // last seats, worst on top
  const auto push = [&](std::size_t i) {
    missed.push({rule.priority(votes[i], held[i]), i, held[i]});
    if (held[i] > 0) awarded.push({rule.priority(votes[i], held[i] - 1), i, held[i]});
  };
  const auto drop_stale = [&](auto& queue) {
    while (!queue.empty() && queue.top().at != held[queue.top().list]) queue.pop();
  };
  std::int64_t total = 0;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (votes[i] <= 0) continue;
    total += held[i];
    push(i);
  }
  for (;;) {
    drop_stale(missed);
    drop_stale(awarded);
    const bool surplus = total > seats;
    const bool swap =
        total == seats && !awarded.empty() && !missed.empty() && awarded.top().priority < missed.top().priority;
    if (total < seats || swap) {
      const std::size_t i = missed.top().list;
      ++held[i];
      ++total;
      push(i);
      if (!swap) continue;
      drop_stale(awarded);
    }
    if (surplus || swap) {
      const std::size_t i = awarded.top().list;
      --held[i];
      --total;
      push(i);
      continue;
    }
    if (total == seats) return;
  }
}

}  // namespace

void allocate_divisor_by_repair(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                                const TieBreak& ties, DistrictSeats& out) {
  require_votes(votes, seats);
  reset_result(out, votes.size());
  out.seats = estimate(votes, seats, rule);
  repair(votes, seats, rule, out.seats);
  settle_boundary(votes, rule, ties, out);
}

}  // namespace detail

using detail::Lower;
using detail::Ranked;

DistrictSeats allocate_divisor_reference(std::span<const std::int64_t> votes, std::int64_t seats,
                                         const DivisorRule& rule, const TieBreak& ties) {
  detail::require_votes(votes, seats);
  DistrictSeats out;
  detail::reset_result(out, votes.size());
  std::priority_queue<Ranked, std::vector<Ranked>, Lower> queue;
  for (std::size_t i = 0; i < votes.size(); ++i)
    if (votes[i] > 0) queue.push({rule.priority(votes[i], 0), i});
  for (std::int64_t remaining = seats; remaining > 0;) {
    const Ranked top = queue.top();
    queue.pop();
    ++out.seats[top.list];
    --remaining;
    queue.push({rule.priority(votes[top.list], out.seats[top.list]), top.list});
  }
  detail::settle_boundary(votes, rule, ties, out);
  return out;
}

DistrictSeats allocate(std::span<const std::int64_t> votes, std::int64_t seats, const Method& method,
                       const TieBreak& ties) {
  if (method.is_divisor()) return allocate_divisor(votes, seats, method.divisor(), ties);
  return allocate_quota(votes, seats, method.quota(), ties);
}

}  // namespace seatsim
