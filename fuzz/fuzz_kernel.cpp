// Fuzz target: the allocation kernel. The input picks a method (every registered one, modified
// first divisors, custom sequences), a tie rule and seed, the seats, and the lists' votes (up to
// the documented limit of 10^12, with deliberate repeats and multiples so that ties are common).
// Every property of tests/allocation_properties.hpp is checked on it, the fast divisor path
// against the exact seat-by-seat reference among them.
#include "allocation_properties.hpp"
#include "fuzz_support.hpp"
#include "seatsim/core/error.hpp"

using namespace seatsim;
using namespace seatsim::properties;
using seatsim::fuzz::Bytes;

namespace {

Method pick_method(Bytes& in) {
  const std::vector<std::string> names = method_names();
  const std::uint64_t choice = in.below(names.size() + 2, 1);
  if (choice < names.size()) return method_by_name(names[choice]);
  if (choice == names.size()) {
    // Modified Sainte-Laguë: a first divisor in 0.1 .. 2.9 (it must stay below d(1) = 3).
    return with_first_divisor(method_by_name("sainte-lague"), Rational(in.between(1, 29, 1), 10));
  }
  // A custom sequence of two or three increasing divisors, the first possibly 0.
  std::vector<Rational> divisors;
  std::int64_t tenths = in.between(0, 30, 1);
  const int count = static_cast<int>(in.between(2, 3, 1));
  for (int i = 0; i < count; ++i) {
    divisors.emplace_back(tenths, 10);
    tenths += in.between(1, 40, 1);
  }
  return custom_divisor_method(divisors);
}

std::int64_t pick_votes(Bytes& in, const Votes& earlier) {
  switch (in.below(7, 1)) {
    case 0:
      return 0;
    case 1:
      return in.between(0, 10, 1);
    case 2:
      return in.between(0, 65535, 2);
    case 3:
      return in.between(0, max_votes, 5);
    case 4:  // a repeat: equal votes, equal quotients
      return earlier.empty() ? 1 : earlier[in.below(earlier.size(), 1)];
    case 5:  // a multiple: quotients equal at different seat counts
      return earlier.empty() ? 2 : std::min(max_votes, earlier[in.below(earlier.size(), 1)] * in.between(2, 5, 1));
    default:
      return max_votes - in.between(0, 3, 1);
  }
}

void check(const Violation& violation, const Votes& votes, std::int64_t seats, const Method& method,
           const TieBreak& ties) {
  FUZZ_CHECK(!violation, *violation + " (" + describe(votes, seats, method, ties) + ")");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  Method method;
  try {
    method = pick_method(in);
  } catch (const Error&) {
    return 0;  // a custom sequence the rules reject (too many decimals, not increasing)
  }
  TieBreak ties{static_cast<TieRule>(in.below(5, 1)), in.u64(1), in.u64(2), "fuzz", {}};
  const std::int64_t seats = in.below(4, 1) == 0 ? in.between(0, 20000, 2) : in.between(0, 60, 1);
  const std::size_t lists = static_cast<std::size_t>(in.between(1, 40, 1));
  Votes votes;
  while (votes.size() < lists) votes.push_back(pick_votes(in, votes));

  check(seats_add_up(votes, seats, method, ties), votes, seats, method, ties);
  if (method.is_divisor())
    check(fast_equals_reference(votes, seats, method.divisor(), ties), votes, seats, method, ties);
  check(within_bounds(votes, seats, method, ties), votes, seats, method, ties);
  check(tie_error_iff_tie(votes, seats, method, ties), votes, seats, method, ties);
  if (ties.rule == TieRule::error) return 0;  // the remaining properties compare allocations

  std::vector<Votes> columns{votes};
  // Up to 3 perturbed scenarios, or up to 40 (blocks of SIMD lanes, and the partial block after them).
  const int extras = static_cast<int>(in.below(2, 1) == 0 ? in.between(0, 3, 1) : in.between(4, 40, 1));
  for (int extra = extras; extra > 0; --extra) {
    Votes column = votes;
    column[in.below(lists, 1)] = pick_votes(in, votes);
    columns.push_back(column);
  }
  check(batch_equals_single(columns, seats, method, ties), votes, seats, method, ties);

  const std::size_t list = in.below(lists, 1);
  const std::int64_t more = in.between(1, 1000, 2);
  const bool droop = !method.is_divisor() && method.quota().kind() == QuotaRule::Kind::droop;
  if (!droop) check(vote_monotone(votes, seats, method, ties, list, more), votes, seats, method, ties);
  if (method.is_divisor() && seats < max_seats)
    check(house_monotone(votes, seats, method, ties), votes, seats, method, ties);
  if (!droop) check(scale_invariant(votes, seats, method, ties, in.between(2, 7, 1)), votes, seats, method, ties);

  std::vector<std::uint64_t> keys(lists);
  for (std::size_t i = 0; i < lists; ++i) keys[i] = stream_key("list " + std::to_string(i));
  std::vector<std::size_t> order(lists);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = lists; i > 1; --i) std::swap(order[i - 1], order[in.below(i, 1)]);
  check(permutation_invariant(votes, seats, method, ties, keys, order), votes, seats, method, ties);
  return 0;
}
