// The bounded divisor method, seat by seat from the minimums. Exact: priorities are compared by
// the kernel's cross-multiplication, and a tie at the decisive seat is settled by the tie rule as
// in the unbounded kernel.
#include "seatsim/kernel/seat_bounds.hpp"

#include <queue>

#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

bool below_max(const SeatBound& bound, std::int64_t seats) noexcept { return !bound.max || seats < *bound.max; }

void check_feasible(std::span<const std::int64_t> votes, std::int64_t seats, std::span<const SeatBound> bounds) {
  std::int64_t minimums = 0;
  std::int64_t capacity = 0;
  bool unbounded = false;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    const SeatBound& bound = bounds[i];
    if (bound.min < 0 || (bound.max && *bound.max < 0)) throw Error("seat bounds must not be negative");
    if (bound.max && bound.min > *bound.max)
      throw Error("seat bounds: a minimum of " + std::to_string(bound.min) + " is above the maximum of " +
                  std::to_string(*bound.max));
    minimums += bound.min;
    // A list without votes can hold its minimum but never wins a seat above it.
    if (votes[i] <= 0)
      capacity += bound.min;
    else if (bound.max)
      capacity += *bound.max;
    else
      unbounded = true;
  }
  if (minimums > seats)
    throw Error("seat bounds: the minimums add up to " + std::to_string(minimums) + " seats, more than the " +
                std::to_string(seats) + " to fill");
  if (!unbounded && capacity < seats)
    throw Error("seat bounds: the maximums (of the lists with votes) allow only " + std::to_string(capacity) +
                " of the " + std::to_string(seats) + " seats");
}

// The seat above the minimums that was won at the lowest priority, and the seat that came next,
// re-decided by the tie rule when their priorities are equal (as the unbounded kernel does).
void settle_boundary(std::span<const std::int64_t> votes, const DivisorRule& rule, std::span<const SeatBound> bounds,
                     const TieBreak& ties, DistrictSeats& out) {
  std::optional<std::size_t> lowest_won, highest_missed;
  Priority lowest{}, highest{};
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (votes[i] <= 0) continue;
    if (out.seats[i] > bounds[i].min) {
      const Priority p = rule.priority(votes[i], out.seats[i] - 1);
      if (!lowest_won || p < lowest) lowest = p, lowest_won = i;
    }
    if (below_max(bounds[i], out.seats[i])) {
      const Priority q = rule.priority(votes[i], out.seats[i]);
      if (!highest_missed || q > highest) highest = q, highest_missed = i;
    }
  }
  out.boundary = {lowest_won, lowest, highest_missed, highest};
  if (!lowest_won || !highest_missed || lowest != highest) return;

  std::vector<std::size_t> competing;
  std::size_t contested = 0;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (votes[i] <= 0) continue;
    if (out.seats[i] > bounds[i].min && rule.priority(votes[i], out.seats[i] - 1) == lowest) {
      competing.push_back(i);
      --out.seats[i];
      ++contested;
    } else if (below_max(bounds[i], out.seats[i]) && rule.priority(votes[i], out.seats[i]) == lowest) {
      competing.push_back(i);
    }
  }
  for (const std::size_t winner : ties.choose(competing, votes, contested)) ++out.seats[winner];
  for (const std::size_t i : competing) out.tie[i] = 1;
  out.tie_decided = true;
  out.boundary.last_awarded = std::nullopt;
  out.boundary.first_missed = std::nullopt;
  for (const std::size_t i : competing) {
    const bool won = out.seats[i] > bounds[i].min && rule.priority(votes[i], out.seats[i] - 1) == lowest;
    (won ? out.boundary.last_awarded : out.boundary.first_missed) = i;
  }
}

}  // namespace

SeatBound SeatBounds::for_list(std::string_view party) const {
  SeatBound bound{min_seats.value_or(0), max_seats};
  if (const auto it = per_list.find(std::string(party)); it != per_list.end()) {
    if (it->second.min) bound.min = *it->second.min;
    if (it->second.max) bound.max = it->second.max;
  }
  return bound;
}

std::string SeatBounds::describe() const {
  if (empty()) return "none";
  std::string text;
  if (min_seats) text += "min " + std::to_string(*min_seats);
  if (max_seats) text += std::string(text.empty() ? "" : ", ") + "max " + std::to_string(*max_seats);
  for (const auto& [party, bound] : per_list) {
    text += std::string(text.empty() ? "" : "; ") + party + ":";
    if (bound.min) text += " min " + std::to_string(*bound.min);
    if (bound.max) text += " max " + std::to_string(*bound.max);
  }
  return text;
}

DistrictSeats allocate_bounded(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                               std::span<const SeatBound> bounds, const TieBreak& ties) {
  if (bounds.size() != votes.size()) throw Error("seat bounds: one bound per list is needed");
  check_feasible(votes, seats, bounds);
  DistrictSeats out;
  out.tie.assign(votes.size(), 0);
  out.seats.resize(votes.size());
  std::int64_t remaining = seats;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    out.seats[i] = bounds[i].min;
    remaining -= bounds[i].min;
  }
  struct Entry {
    Priority priority;
    std::size_t list;
  };
  const auto lower = [](const Entry& a, const Entry& b) {
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.list > b.list;
  };
  std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> queue(lower);
  for (std::size_t i = 0; i < votes.size(); ++i)
    if (votes[i] > 0 && below_max(bounds[i], out.seats[i])) queue.push({rule.priority(votes[i], out.seats[i]), i});
  for (; remaining > 0; --remaining) {
    const Entry top = queue.top();
    queue.pop();
    const std::size_t i = top.list;
    ++out.seats[i];
    if (below_max(bounds[i], out.seats[i])) queue.push({rule.priority(votes[i], out.seats[i]), i});
  }
  settle_boundary(votes, rule, bounds, ties, out);
  return out;
}

}  // namespace seatsim
