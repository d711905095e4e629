// Linear divisor rules in single precision, for the kernels that certify an allocation by the
// exact signs of v · rho - D(k) (divisor_float-inl.h across lists, batch_float-inl.h across
// scenarios). Votes and scaled divisors must be below 2^24, where floats hold them exactly
// (detail::float_kernel_applies, and the vote check of load_votes). Only levels with a fused
// multiply-add include it: the exact sign needs the single rounding.
// Included once per SIMD level (Highway's -inl.h convention): a toggle instead of a guard.
#if defined(SEATSIM_KERNEL_FLOAT_RULE_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef SEATSIM_KERNEL_FLOAT_RULE_INL_H_
#undef SEATSIM_KERNEL_FLOAT_RULE_INL_H_
#else
#define SEATSIM_KERNEL_FLOAT_RULE_INL_H_
#endif

#include <algorithm>
#include <cstdint>
#include <limits>

#include <hwy/highway.h>

#include "seatsim/kernel/divisor_rule.hpp"

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_NATIVE_FMA
namespace float_kernel {
constexpr float two_to_24 = 16777216.0f;
// A step moves rho this far (relatively) past a threshold: above the thresholds' error
// (about 2^-22, see reciprocal) and far below the gaps between distinct thresholds.
constexpr float past = 1.0f / 262144.0f;  // 2^-18

using DF = hn::ScalableTag<float>;
using DI = hn::RebindToSigned<DF>;
using VF = hn::Vec<DF>;
using VI = hn::Vec<DI>;
using MF = hn::Mask<DF>;

// 1/v to within about 2^-23 (relative): the approximate reciprocal (2^-14 with AVX-512, 1.5 ·
// 2^-12 with AVX2) and one Newton step, squaring its error. +inf for v = 0. Only thresholds,
// which choose where rho moves, use it; nothing is decided by it.
HWY_INLINE VF reciprocal(VF v) {
  const DF d;
  const VF r0 = hn::ApproximateReciprocal(v);
  const VF r = hn::MulAdd(r0, hn::NegMulAdd(v, r0, hn::Set(d, 1.0f)), r0);
  return hn::IfThenElse(v == hn::Zero(d), hn::Set(d, std::numeric_limits<float>::infinity()), r);
}

// Votes p[0, n), n <= lanes, as floats (0 beyond n). A vote in [0, 2^31) is its low 32 bits with
// zero high bits: the 64-bit words are split into halves (one permutation each) rather than
// converted through double. `range` collects the high halves and the low halves' signs:
// votes_in_range(range) says whether every vote read was in [0, 2^31).
HWY_INLINE VF load_votes(const std::int64_t* p, std::size_t n, VI& range) {
  const DI di;
  const hn::Repartition<std::int64_t, DF> d64;
  constexpr std::size_t half = hn::MaxLanes(hn::Repartition<std::int64_t, DF>());
  // Masked loads: a row may end where the vote matrix does.
  const auto low = hn::BitCast(di, hn::MaskedLoad(hn::FirstN(d64, std::min(n, half)), d64, p));
  const auto high = hn::BitCast(di, hn::MaskedLoad(hn::FirstN(d64, n > half ? n - half : 0), d64, p + half));
  const VI values = hn::ConcatEven(di, high, low);
  range = hn::Or(range, hn::Or(hn::ConcatOdd(di, high, low), hn::ShiftRight<31>(values)));
  return hn::ConvertTo(DF(), values);
}
HWY_INLINE bool votes_in_range(VI range) { return hn::AllTrue(DI(), range == hn::Zero(DI())); }

// D(k) = prefix[k] for k < Prefix, a + b·k from k = Prefix on (scaled to integers); Prefix <= 2.
template <int Prefix>
struct FloatRule {
  float house, a, b, p0, p1;
  float inv_b, count_shift, guess_shift;  // 1/b, 1 - a/b, a/b - 1/2: divisions done once

  FloatRule(const DivisorRule& rule, std::int64_t seats)
      : house(static_cast<float>(seats)),
        a(static_cast<float>(rule.tail_a())),
        b(static_cast<float>(rule.tail_b())),
        p0(prefix(rule, 0)),
        p1(prefix(rule, 1)),
        inv_b(1.0f / b),
        count_shift(1.0f - a / b),
        guess_shift(a / b - 0.5f) {}

  // Pukelsheim's divisor V / (b (S + n(a/b - 1/2))), in signpost units per vote, with a bias
  // added to S.
  VF first_guess(VF total, VF parties, float bias) const {
    const DF d;
    VF shifted = hn::Set(d, house + bias) + parties * hn::Set(d, guess_shift);
    shifted = hn::IfThenElse(shifted <= hn::Set(d, 0.5f), hn::Set(d, house), shifted);
    return hn::Set(d, b) * shifted / hn::IfThenElse(total > hn::Zero(d), total, hn::Set(d, 1.0f));
  }

  // Estimated seats at y = v · rho (seat k when D(k) < y), at most the house. The tail's count
  // floor((y - a)/b) + 1 is also right inside the prefix once clamped to it: below D(m) = a + b·m
  // it is at most m.
  VF estimate(VF y) const {
    const DF d;
    const VF tail = hn::Floor(hn::MulAdd(y, hn::Set(d, inv_b), hn::Set(d, count_shift)));
    VF s;
    if constexpr (Prefix == 0) {
      s = hn::Max(tail, hn::Zero(d));
    } else if constexpr (Prefix == 1) {
      s = hn::IfThenElseZero(y > hn::Set(d, p0), hn::Max(tail, hn::Set(d, 1.0f)));
    } else {
      const VF beyond_first = hn::IfThenElse(y > hn::Set(d, p1), hn::Max(tail, hn::Set(d, 2.0f)), hn::Set(d, 1.0f));
      s = hn::IfThenElseZero(y > hn::Set(d, p0), beyond_first);
    }
    return hn::Min(s, hn::Set(d, house));
  }

  // Whether D(-1) needs setting: a - b is not negative (D'Hondt, Imperiali).
  bool needs_sentinel() const { return a >= b; }

  // D(s) and D(s - 1) for seat counts s, exact: integers below 2^24. For s = 0, D(-1) is
  // negative, below any v · rho, so that a list without seats passes the lower check and has no
  // last threshold: a - b where that is negative (Sainte-Laguë), else -1 (`sentinel`, a copy of
  // needs_sentinel() that the caller's loop can see is invariant).
  void signposts(VF s, VF& next, VF& last, bool sentinel) const {
    const DF d;
    const VF tail = hn::MulAdd(hn::Set(d, b), s, hn::Set(d, a));
    const VF tail_last = tail - hn::Set(d, b);
    if constexpr (Prefix == 0) {
      next = tail;
      last = tail_last;
    } else if constexpr (Prefix == 1) {
      next = hn::IfThenElse(s == hn::Zero(d), hn::Set(d, p0), tail);
      last = hn::IfThenElse(s == hn::Set(d, 1.0f), hn::Set(d, p0), tail_last);
    } else {
      const MF one = s == hn::Set(d, 1.0f);
      next = hn::IfThenElse(s == hn::Zero(d), hn::Set(d, p0), hn::IfThenElse(one, hn::Set(d, p1), tail));
      last = hn::IfThenElse(one, hn::Set(d, p0), hn::IfThenElse(s == hn::Set(d, 2.0f), hn::Set(d, p1), tail_last));
    }
    if (sentinel) last = hn::IfThenElse(s == hn::Zero(d), hn::Set(d, -1.0f), last);
  }

  // Whether v · rho lies strictly between D(s - 1) and D(s), decided exactly: v, rho and the
  // signposts are floats, and a fused multiply-add rounds the exact v · rho - D once, which
  // keeps its sign (zero only for an exact zero). True where it does not.
  static MF off_signposts(VF v, VF rho, VF next, VF last) {
    const DF d;
    return hn::Or(hn::MulSub(v, rho, next) >= hn::Zero(d), hn::MulSub(v, rho, last) <= hn::Zero(d));
  }

 private:
  static float prefix(const DivisorRule& rule, std::size_t k) {
    const auto& p = rule.scaled_prefix();
    return k < p.size() ? static_cast<float>(p[k]) : 0.0f;
  }
};

// The two smallest and the two largest of values seen so far, lane by lane.
struct TwoSmallest {
  VF first, second;
  HWY_INLINE void add(VF x) {
    second = hn::Min(second, hn::Max(first, x));
    first = hn::Min(first, x);
  }
};
struct TwoLargest {
  VF first, second;
  HWY_INLINE void add(VF x) {
    second = hn::Max(second, hn::Min(first, x));
    first = hn::Max(first, x);
  }
};

// Where rho goes next, lane by lane, from a count at rho that is `delta` seats short (negative:
// too many): one or two seats in, just past the smallest or second smallest next threshold
// D(s)/v; one or two out, just below the largest or second largest last threshold D(s-1)/v.
// Further off, a secant step, on the slope measured from the previous count where there was
// one (seats are lumpy in rho: the model slope, votes / b, can make the steps oscillate), on the
// model slope otherwise. A list whose own next two thresholds come first makes a two-seat move
// overshoot by one, which the next count shows.
struct RhoSearch {
  VF previous_rho, previous_delta;  // previous_rho 0: no previous count

  HWY_INLINE VF next(VF rho, VF delta, const TwoSmallest& next_thresholds, const TwoLargest& last_thresholds,
                     VF votes_per_b) {
    const DF d;
    const VF zero = hn::Zero(d), one = hn::Set(d, 1.0f);
    const VF up = hn::IfThenElse(delta > one, next_thresholds.second, next_thresholds.first) * hn::Set(d, 1.0f + past);
    const VF down =
        hn::IfThenElse(delta < hn::Neg(one), last_thresholds.second, last_thresholds.first) * hn::Set(d, 1.0f - past);
    VF moved = hn::IfThenElse(delta > zero, up, hn::IfThenElse(delta < zero, down, rho));
    const auto far = hn::Abs(delta) > hn::Set(d, 2.0f);
    if (!hn::AllFalse(d, far)) {  // rare once the bias is learnt: the divisions only then
      const VF measured = (previous_delta - delta) / (rho - previous_rho);
      const VF slope = hn::IfThenElse(hn::And(previous_rho > zero, measured > zero), measured, votes_per_b);
      const VF secant = rho + delta / slope;
      moved = hn::IfThenElse(far, hn::IfThenElse(secant > zero, secant, rho * hn::Set(d, 0.5f)), moved);
    }
    previous_rho = rho;
    previous_delta = delta;
    return moved;
  }
};

}  // namespace float_kernel
#endif  // HWY_NATIVE_FMA

}  // namespace seatsim::detail::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // SEATSIM_KERNEL_FLOAT_RULE_INL_H_
