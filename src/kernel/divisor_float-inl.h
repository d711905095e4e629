// The single-district divisor kernel in single precision, SIMD across lists (16 per AVX-512
// vector): for small and medium districts whose votes and scaled divisors are below 2^24.
// Included by divisor_simd.cpp once per SIMD level that has a fused multiply-add.
//
// It looks for a separating divisor, as the batched kernel does (batch_float-inl.h): a value
// rho (signposts per vote) at which D(s_i - 1) < v_i · rho < D(s_i) holds strictly for every list
// and the seats sum to the house, each inequality decided exactly by the sign of one fused
// multiply-add (float_rule-inl.h). Such an allocation is the unique one and has no tie. rho
// starts at Pukelsheim's divisor (with a bias learnt from earlier calls) and moves one or two
// seats per count, just past the next threshold D(s)/v or below the last one D(s-1)/v; further
// off, a secant step. No certificate within a few counts (a tie, thresholds closer than a float
// resolves, a vote of 2^24 or more): false, and the double-precision kernel takes the district.
//
// The boundary (the worst awarded seat and the best missed one) comes from correctly rounded
// quotients D/v: rounding is monotone, so a strictly smallest quotient is the exact smallest;
// lists that share the extreme quotient are compared exactly (seatsim::Priority), first in list
// order among equals, as the reference does.
#if defined(SEATSIM_KERNEL_DIVISOR_FLOAT_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef SEATSIM_KERNEL_DIVISOR_FLOAT_INL_H_
#undef SEATSIM_KERNEL_DIVISOR_FLOAT_INL_H_
#else
#define SEATSIM_KERNEL_DIVISOR_FLOAT_INL_H_
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>

#include <hwy/highway.h>

#include "kernel/float_rule-inl.h"

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_NATIVE_FMA
namespace float_kernel {

// Districts up to this many lists try the single-precision kernel first.
constexpr std::size_t most_single_lists = 256;

template <int Prefix>
class SingleKernel {
  static constexpr int most_passes = 12;
  static constexpr std::size_t kLanes = hn::MaxLanes(DF());

 public:
  SingleKernel(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule, DistrictSeats& out)
      : votes_(votes),
        rule_(rule),
        ops_(rule, seats),
        out_(out),
        lists_(votes.size()),
        chunks_((lists_ + kLanes - 1) / kLanes) {
    simd_shared::FloatWorkspace& ws = simd_shared::float_workspace();
    ws.resize(chunks_ * kLanes);
    bias_ = &ws.bias;
    votes_f_ = ws.votes.get();
    seats_ = ws.seats.get();
    next_keys_ = ws.next_keys.get();
    last_keys_ = ws.last_keys.get();
  }

  // True when the allocation is certified and `out` written (seats and boundary; the caller
  // cleared the tie flags).
  bool run() {
    if (!load()) return false;
    float& bias = *bias_;
    float rho = first_guess(bias);
    float previous_rho = 0, previous_delta = 0;
    for (int pass = 0; pass < most_passes; ++pass) {
      const Count c = count(rho);
      if (pass == 0) bias = std::clamp(bias + 0.125f * c.delta, -ops_.house, ops_.house);
      if (c.delta == 0) return !c.inexact && finish(c);  // inexact: on a signpost (a tie?)
      // A seat or two in, then as many out: two thresholds closer than a step resolves (a tie?).
      if (pass > 0 && c.delta == -previous_delta && std::abs(c.delta) <= 2) return false;
      const float next = move(rho, c, previous_rho, previous_delta);
      previous_rho = rho;
      previous_delta = c.delta;
      rho = next;
    }
    return false;
  }

 private:
  struct Count {
    float delta;               // seats short (negative: too many)
    TwoSmallest next_by_lane;  // next thresholds D(s)/v
    TwoLargest last_by_lane;   // last thresholds D(s-1)/v
    bool inexact;              // some list on a signpost, or its estimated count off

    // Across lanes, when needed (each reduction is a chain of shuffles).
    float smallest_next() const { return hn::GetLane(hn::MinOfLanes(DF(), next_by_lane.first)); }
    float largest_last() const { return hn::GetLane(hn::MaxOfLanes(DF(), last_by_lane.first)); }
  };

  // Votes as floats, zero-padded to whole vectors; totals. False when a vote is negative or 2^24
  // or more, or no list has a vote.
  bool load() {
    const DF d;
    VI range = hn::Zero(DI());
    VF total = hn::Zero(d);
    std::size_t parties = 0;
    bool exact = true;  // every vote below 2^24
    for (std::size_t k = 0; k < chunks_; ++k) {
      const std::size_t first = k * kLanes;
      const VF v = load_votes(votes_.data() + first, std::min(kLanes, lists_ - first), range);
      hn::Store(v, d, votes_f_ + first);
      total = total + v;
      parties += hn::CountTrue(d, v > hn::Zero(d));
      exact = exact && hn::AllTrue(d, v < hn::Set(d, two_to_24));
    }
    if (!votes_in_range(range) || !exact) return false;
    total_ = hn::GetLane(hn::SumOfLanes(d, total));
    parties_ = static_cast<float>(parties);
    return parties > 0;
  }

  // Pukelsheim's divisor V / (b (S + n(a/b - 1/2))), in signpost units per vote, with the bias
  // learnt from earlier calls added to S.
  float first_guess(float bias) const {
    float shifted = ops_.house + bias + parties_ * ops_.guess_shift;
    if (shifted <= 0.5f) shifted = ops_.house;
    return ops_.b * shifted / total_;
  }

  // Seats at rho (stored), the exact position check and the thresholds (correctly rounded
  // quotients D/v, stored for the boundary) of every list.
  Count count(float rho_value) {
    const DF d;
    const VF infinity = hn::Set(d, std::numeric_limits<float>::infinity()), rho = hn::Set(d, rho_value);
    TwoSmallest next{infinity, infinity};
    TwoLargest last{hn::Zero(d), hn::Zero(d)};
    VF total = hn::Zero(d);
    auto inexact = hn::FirstN(d, 0);
    // Local copies: the loop's float stores could alias members, which would then be reloaded.
    const FloatRule<Prefix> rule = ops_;
    const float* const votes = votes_f_;
    float *const seats = seats_, *const next_keys = next_keys_, *const last_keys = last_keys_;
    const bool sentinel = rule.needs_sentinel();
    for (std::size_t k = 0; k < chunks_; ++k) {
      const std::size_t first = k * kLanes;
      const VF v = hn::Load(d, votes + first);
      const VF s = rule.estimate(v * rho);  // 0 in the padding, where v = 0
      hn::Store(s, d, seats + first);
      VF d_next, d_last;
      rule.signposts(s, d_next, d_last, sentinel);
      inexact = hn::Or(inexact, rule.off_signposts(v, rho, d_next, d_last));
      const VF to_next = d_next / v;  // +inf without votes
      const VF to_last = d_last / v;  // negative (or -inf) without seats
      hn::Store(to_next, d, next_keys + first);
      hn::Store(to_last, d, last_keys + first);
      next.add(to_next);
      last.add(to_last);
      total = total + s;
    }
    return {ops_.house - hn::GetLane(hn::SumOfLanes(d, total)), next, last, !hn::AllFalse(d, inexact)};
  }

  // Where rho goes next: one or two seats in, just past the smallest or second smallest next
  // threshold; one or two out, just below the largest or second largest last threshold; a
  // secant step further off, on the slope measured from the previous count when there was one
  // (seats are lumpy in rho: the model slope, votes / b, can make steps oscillate).
  float move(float rho, const Count& c, float previous_rho, float previous_delta) const {
    const DF d;
    if (c.delta == 1) return c.smallest_next() * (1 + past);
    if (c.delta == -1) return c.largest_last() * (1 - past);
    if (c.delta == 2) {
      // The second smallest across lanes: the lanes' second smallest, or the smallest of the
      // other lanes' smallest.
      const VF first = c.next_by_lane.first, at = hn::Set(d, c.smallest_next());
      const VF others = hn::IfThenElse(first == at, hn::Set(d, std::numeric_limits<float>::infinity()), first);
      return hn::GetLane(hn::MinOfLanes(d, hn::Min(c.next_by_lane.second, others))) * (1 + past);
    }
    if (c.delta == -2) {
      const VF first = c.last_by_lane.first, at = hn::Set(d, c.largest_last());
      const VF others = hn::IfThenElseZero(hn::Not(first == at), first);
      return hn::GetLane(hn::MaxOfLanes(d, hn::Max(c.last_by_lane.second, others))) * (1 - past);
    }
    const float measured = (previous_delta - c.delta) / (rho - previous_rho);
    const float slope = previous_rho > 0 && measured > 0 ? measured : total_ * ops_.inv_b;
    const float next = rho + c.delta / slope;
    return next > 0 ? next : rho / 2;
  }

  // The seats and the boundary of a certified allocation.
  bool finish(const Count& c) {
    for (std::size_t i = 0; i < lists_; ++i) out_.seats[i] = static_cast<std::int64_t>(seats_[i]);
    const std::size_t missed = extreme(next_keys_, c.smallest_next(), true);
    const std::size_t awarded = extreme(last_keys_, c.largest_last(), false);
    out_.boundary = {awarded, last_priority(awarded), missed, next_priority(missed)};
    return true;
  }

  // rule_.priority for a linear rule, inline.
  Priority priority(std::size_t i, std::int64_t k) const {
    return {static_cast<u128>(votes_[i]), static_cast<u128>(rule_.scaled_divisor(k))};
  }
  Priority next_priority(std::size_t i) const { return priority(i, out_.seats[i]); }
  Priority last_priority(std::size_t i) const { return priority(i, out_.seats[i] - 1); }

  // The first list whose quotient is `key`. Rounding is monotone, so that is the exact extreme
  // when no other list has the same quotient; where several do, the exact comparison decides
  // (the best next seat when `missed`, else the worst last seat), first in list order among
  // equals.
  std::size_t extreme(const float* keys, float key, bool missed) const {
    const DF d;
    const VF at_key = hn::Set(d, key);
    std::size_t first = lists_, holders = 0;
    for (std::size_t k = 0; k < chunks_; ++k) {
      const auto at = hn::Load(d, keys + k * kLanes) == at_key;
      if (hn::AllFalse(d, at)) continue;
      if (first == lists_) first = k * kLanes + static_cast<std::size_t>(hn::FindFirstTrue(d, at));
      holders += hn::CountTrue(d, at);
    }
    if (holders == 1) return first;
    std::size_t best = first;
    for (std::size_t i = first + 1; i < lists_; ++i)
      if (keys[i] == key && (missed ? next_priority(i) > next_priority(best) : last_priority(i) < last_priority(best)))
        best = i;
    return best;
  }

  std::span<const std::int64_t> votes_;
  const DivisorRule& rule_;
  FloatRule<Prefix> ops_;
  DistrictSeats& out_;
  std::size_t lists_, chunks_;
  float* bias_ = nullptr;  // the first guess's bias, learnt per thread: districts in a loop tend to share it
  float *votes_f_ = nullptr, *seats_ = nullptr, *next_keys_ = nullptr, *last_keys_ = nullptr;
  float total_ = 0, parties_ = 0;
};

template <int Prefix>
bool allocate_single(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                     DistrictSeats& out) {
  return SingleKernel<Prefix>(votes, seats, rule, out).run();
}

}  // namespace float_kernel
#endif  // HWY_NATIVE_FMA

}  // namespace seatsim::detail::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // SEATSIM_KERNEL_DIVISOR_FLOAT_INL_H_
