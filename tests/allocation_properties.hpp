#pragma once
// Properties every allocation must have, each stated once and checked two ways: on thousands of
// generated inputs with fixed seeds (tests/test_properties.cpp) and on the inputs libFuzzer
// invents (fuzz/fuzz_kernel.cpp). Each check returns a description of the violation, or nothing.
//
// The bounds of `within_bounds` for divisor methods with stationary signposts d(k) = k + r,
// 0 <= r <= 1 (D'Hondt r = 1, Sainte-Laguë 1/2, Danish 1/3, Adams 0), on l lists with votes,
// quota q = v·S/V and vote share w = v/V:
//     q − w(l−1)(1−r) − r(1−w)  <=  seats  <=  q + w(l−1)r + (1−r)(1−w).
// Derivation (docs/reliability.md): a divisor allocation has a divisor λ (infinite when the
// seats run out before every list has one under d(0) = 0) with v/λ − r <= seats <= v/λ + 1 − r
// for every list; summing over the other lists bounds 1/λ in terms of S − seats, and
// substituting gives the two inequalities. For D'Hondt the lower one is seats > q − 1, i.e.
// lower quota (Balinski & Young); for Adams the upper one is seats < q + 1, upper quota.
// Hare (largest remainders on V/S) stays within ⌊q⌋ and ⌈q⌉.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/batch.hpp"
#include "seatsim/kernel/method.hpp"

namespace seatsim::properties {

using Votes = std::vector<std::int64_t>;
using Violation = std::optional<std::string>;

inline std::string show(std::span<const std::int64_t> values) {
  std::string text = "[";
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? "," : "") + std::to_string(values[i]);
  return text + "]";
}

inline std::string describe(const Votes& votes, std::int64_t seats, const Method& method, const TieBreak& ties) {
  return method.describe() + ", ties " + std::string(tie_rule_name(ties.rule)) + ", seed " + std::to_string(ties.seed) +
         ", seats " + std::to_string(seats) + ", votes " + show(votes);
}

// The allocation, or nothing when it is rejected with seatsim::Error.
inline std::optional<DistrictSeats> try_allocate(const Votes& votes, std::int64_t seats, const Method& method,
                                                 const TieBreak& ties) {
  try {
    return allocate(votes, seats, method, ties);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Every seat is placed, lists without votes take none — or the input is rejected, and then
// only because no list has a vote (or a tie decides a seat under the rule 'error').
inline Violation seats_add_up(const Votes& votes, std::int64_t seats, const Method& method, const TieBreak& ties) {
  const bool any_votes = std::any_of(votes.begin(), votes.end(), [](std::int64_t v) { return v > 0; });
  try {
    const DistrictSeats result = allocate(votes, seats, method, ties);
    if (std::accumulate(result.seats.begin(), result.seats.end(), std::int64_t{0}) != seats)
      return "seats placed " + show(result.seats) + " do not add up to " + std::to_string(seats);
    for (std::size_t i = 0; i < votes.size(); ++i)
      if (result.seats[i] < 0 || (votes[i] == 0 && result.seats[i] != 0))
        return "list " + std::to_string(i) + " has " + std::to_string(result.seats[i]) + " seats";
  } catch (const TieError&) {
    if (ties.rule != TieRule::error) return std::string("a tie error under a rule that breaks ties");
  } catch (const Error& error) {
    if (any_votes || seats == 0) return "rejected a valid input: " + std::string(error.what());
  }
  return std::nullopt;
}

// A divisor allocation: no seat is held at a priority below one that missed a seat.
inline Violation divisor_condition(const Votes& votes, const DivisorRule& rule, const DistrictSeats& result) {
  std::optional<Priority> lowest_held, highest_missed;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (votes[i] == 0) continue;
    if (result.seats[i] > 0) {
      const Priority held = rule.priority(votes[i], result.seats[i] - 1);
      if (!lowest_held || held < *lowest_held) lowest_held = held;
    }
    const Priority missed = rule.priority(votes[i], result.seats[i]);
    if (!highest_missed || missed > *highest_missed) highest_missed = missed;
  }
  if (lowest_held && highest_missed && *lowest_held < *highest_missed)
    return "a seat is held at a priority below one that missed a seat: " + show(result.seats);
  return std::nullopt;
}

// The fast divisor kernel equals the seat-by-seat reference, seats and tie marks, or both reject.
inline Violation fast_equals_reference(const Votes& votes, std::int64_t seats, const DivisorRule& rule,
                                       const TieBreak& ties) {
  std::optional<DistrictSeats> fast, reference;
  std::string fast_error, reference_error;
  try {
    fast = allocate_divisor(votes, seats, rule, ties);
  } catch (const Error& error) {
    fast_error = error.what();
  }
  try {
    reference = allocate_divisor_reference(votes, seats, rule, ties);
  } catch (const Error& error) {
    reference_error = error.what();
  }
  if (fast_error != reference_error) return "errors differ: '" + fast_error + "' vs '" + reference_error + "'";
  if (!fast) return std::nullopt;
  if (fast->seats != reference->seats) return "fast " + show(fast->seats) + " != reference " + show(reference->seats);
  if (fast->tie != reference->tie || fast->tie_decided != reference->tie_decided)
    return std::string("tie marks differ from the reference");
  return divisor_condition(votes, rule, *reference);
}

// The batched kernel equals the single one on every column (scenario).
inline Violation batch_equals_single(const std::vector<Votes>& columns, std::int64_t seats, const Method& method,
                                     const TieBreak& ties, unsigned threads = 1) {
  if (columns.empty()) return std::nullopt;
  const Eigen::Index lists = static_cast<Eigen::Index>(columns.front().size());
  VoteMatrix matrix(lists, static_cast<Eigen::Index>(columns.size()));
  for (std::size_t s = 0; s < columns.size(); ++s)
    for (Eigen::Index i = 0; i < lists; ++i) matrix(i, static_cast<Eigen::Index>(s)) = columns[s][i];
  std::optional<BatchSeats> batch;
  try {
    batch = allocate_batch(matrix, seats, method, ties, threads);
  } catch (const Error&) {
    for (const Votes& column : columns)
      if (!try_allocate(column, seats, method, ties)) return std::nullopt;  // a column is rejected: so is the batch
    return std::string("the batch was rejected, but every column allocates");
  }
  for (std::size_t s = 0; s < columns.size(); ++s) {
    const std::optional<DistrictSeats> single = try_allocate(columns[s], seats, method, ties);
    if (!single) return "column " + std::to_string(s) + " is rejected alone but not in the batch";
    for (Eigen::Index i = 0; i < lists; ++i) {
      const auto k = static_cast<std::size_t>(i);
      const auto c = static_cast<Eigen::Index>(s);
      if (batch->seats(i, c) != single->seats[k] || batch->tie(i, c) != single->tie[k])
        return "column " + std::to_string(s) + " list " + std::to_string(i) + ": batch " +
               std::to_string(batch->seats(i, c)) + " vs single " + std::to_string(single->seats[k]);
    }
  }
  return std::nullopt;
}

// House monotonicity (divisor methods): one more seat never costs a list a seat.
inline Violation house_monotone(const Votes& votes, std::int64_t seats, const Method& method, const TieBreak& ties) {
  const auto smaller = try_allocate(votes, seats, method, ties);
  const auto larger = try_allocate(votes, seats + 1, method, ties);
  if (!smaller || !larger) return std::nullopt;
  for (std::size_t i = 0; i < votes.size(); ++i)
    if (larger->seats[i] < smaller->seats[i])
      return "list " + std::to_string(i) + " loses a seat when the house grows: " + show(smaller->seats) + " -> " +
             show(larger->seats);
  return std::nullopt;
}

// Vote monotonicity: more votes for `list`, all else equal, never cost it a seat.
inline Violation vote_monotone(const Votes& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                               std::size_t list, std::int64_t more) {
  Votes raised = votes;
  raised[list] = std::min(raised[list] + more, max_votes);
  const auto before = try_allocate(votes, seats, method, ties);
  const auto after = try_allocate(raised, seats, method, ties);
  if (!before || !after) return std::nullopt;
  if (after->seats[list] < before->seats[list])
    return "list " + std::to_string(list) + " loses a seat with " + std::to_string(more) +
           " more votes: " + show(before->seats) + " -> " + show(after->seats);
  return std::nullopt;
}

// Scale invariance: multiplying every list's votes by k changes nothing, tie marks included.
inline Violation scale_invariant(const Votes& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                                 std::int64_t k) {
  Votes scaled = votes;
  for (std::int64_t& v : scaled) {
    if (v > max_votes / k) return std::nullopt;  // beyond the documented limit: not a valid input
    v *= k;
  }
  const auto original = try_allocate(votes, seats, method, ties);
  const auto multiplied = try_allocate(scaled, seats, method, ties);
  if (original.has_value() != multiplied.has_value()) return std::string("scaling changes whether it allocates");
  if (!original) return std::nullopt;
  if (original->seats != multiplied->seats || original->tie != multiplied->tie)
    return "votes times " + std::to_string(k) + ": " + show(original->seats) + " -> " + show(multiplied->seats);
  return std::nullopt;
}

// Permutation invariance: reordering the lists (each keeping its lot key, as a list keeps its
// name) reorders the result and changes nothing else — except, under `list-order`, who wins a
// tie among the lists marked tied.
inline Violation permutation_invariant(const Votes& votes, std::int64_t seats, const Method& method, TieBreak ties,
                                       const std::vector<std::uint64_t>& keys, const std::vector<std::size_t>& order) {
  Votes permuted(votes.size());
  std::vector<std::uint64_t> permuted_keys(keys.size());
  for (std::size_t k = 0; k < order.size(); ++k) permuted[k] = votes[order[k]], permuted_keys[k] = keys[order[k]];
  ties.list_keys = keys;
  const auto original = try_allocate(votes, seats, method, ties);
  ties.list_keys = permuted_keys;
  const auto reordered = try_allocate(permuted, seats, method, ties);
  if (original.has_value() != reordered.has_value()) return std::string("reordering changes whether it allocates");
  if (!original) return std::nullopt;
  std::int64_t tied_before = 0, tied_after = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    if (original->tie[i] != reordered->tie[k]) return "list " + std::to_string(i) + " changes its tie mark";
    if (ties.rule == TieRule::list_order && original->tie[i]) {
      tied_before += original->seats[i];
      tied_after += reordered->seats[k];
    } else if (original->seats[i] != reordered->seats[k]) {
      return "list " + std::to_string(i) + ": " + std::to_string(original->seats[i]) + " seats, reordered " +
             std::to_string(reordered->seats[k]);
    }
  }
  if (tied_before != tied_after) return std::string("the tied lists hold a different number of seats");
  return std::nullopt;
}

// The r of a stationary divisor rule d(k) = k + r (scaled: tail a + b·k with no prefix), as a/b,
// when 0 <= r <= 1; nothing for other rules.
inline std::optional<std::pair<std::int64_t, std::int64_t>> stationary_split(const DivisorRule& rule) {
  if (rule.family() != DivisorRule::Family::linear || !rule.scaled_prefix().empty()) return std::nullopt;
  if (rule.tail_a() > rule.tail_b()) return std::nullopt;  // r > 1 (Imperiali)
  return std::pair{rule.tail_a(), rule.tail_b()};
}

// Quota bounds: Hare within ⌊q⌋..⌈q⌉; stationary divisor methods within the bounds above.
inline Violation within_bounds(const Votes& votes, std::int64_t seats, const Method& method, const TieBreak& ties) {
  const auto result = try_allocate(votes, seats, method, ties);
  if (!result) return std::nullopt;
  i128 total = 0;
  i128 lists = 0;
  for (const std::int64_t v : votes) total += v, lists += v > 0 ? 1 : 0;
  if (total == 0) return std::nullopt;
  const bool hare = !method.is_divisor() && method.quota().kind() == QuotaRule::Kind::hare;
  const auto split = method.is_divisor() ? stationary_split(method.divisor()) : std::nullopt;
  if (!hare && !split) return std::nullopt;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    const i128 v = votes[i], x = result->seats[i], s = seats;
    bool low = false, high = false;
    if (hare) {
      // ⌊vS/V⌋ <= x <= ⌈vS/V⌉  ⇔  (x+1)·V > v·S  and  (x−1)·V < v·S
      low = (x + 1) * total <= v * s;
      high = (x - 1) * total >= v * s;
    } else {
      const i128 a = split->first, b = split->second;
      low = b * x * total < b * v * s - v * (lists - 1) * (b - a) - a * (total - v);
      high = b * x * total > b * v * s + v * (lists - 1) * a + (b - a) * (total - v);
    }
    if (low || high)
      return "list " + std::to_string(i) + " with " + std::to_string(result->seats[i]) + " seats is " +
             (low ? "below" : "above") + " its bound: " + show(result->seats);
  }
  return std::nullopt;
}

// A tie is reported exactly when it decides a seat: the rule 'error' rejects exactly the inputs
// where another rule marks a decided tie.
inline Violation tie_error_iff_tie(const Votes& votes, std::int64_t seats, const Method& method, TieBreak ties) {
  ties.rule = TieRule::list_order;
  const auto broken = try_allocate(votes, seats, method, ties);
  if (!broken) return std::nullopt;
  ties.rule = TieRule::error;
  bool rejected = false;
  try {
    (void)allocate(votes, seats, method, ties);
  } catch (const TieError&) {
    rejected = true;
  }
  if (rejected != broken->tie_decided)
    return std::string(rejected ? "'error' rejects an input without a decided tie"
                                : "'error' accepts an input with a decided tie");
  return std::nullopt;
}

}  // namespace seatsim::properties
