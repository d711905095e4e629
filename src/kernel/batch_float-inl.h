// The batched divisor kernel in single precision: twice the scenarios per vector of the double
// kernel (16 with AVX-512), for districts whose votes and scaled divisors are below 2^24, i.e.
// exact floats. Included by batch_simd.cpp once per SIMD level that has a fused multiply-add.
//
// Exactness by a separating divisor. Each lane looks for a value rho (signposts per vote) at
// which D(s_i - 1) < v_i · rho < D(s_i) holds strictly for every list i and the seats s_i sum
// to the house: then every awarded seat's priority v/D(k) lies above 1/rho and every missed
// one below, which is the divisor condition with no tie, so the allocation is the unique one
// and no tie flag is set (the certificate of the double kernel, reached differently). The
// sign of v · rho - D is computed exactly by one fused multiply-add: v, D and rho are floats,
// the exact product-minus-D is rounded once, and rounding keeps the sign (and zero only for an
// exact zero). The seat counts are floating-point estimates; the exact signs decide.
//
// Finding rho: Pukelsheim's divisor with the learnt bias, then, while a lane is a seat or two
// off, rho moves just past the next list threshold D(s)/v (the smallest, when seats are
// missing) or just below the last one D(s-1)/v (the largest, when there are too many): one
// seat per pass. The thresholds are estimates (a reciprocal refined by a Newton step); a
// wrong move is caught by the next pass's exact count. Further off, a secant step. A lane not
// certified within the passes allowed — a tie, two thresholds closer than a float resolves —
// goes to the single kernel, as do blocks with a vote of 2^24 or more (to the double kernel).
#if defined(SEATSIM_KERNEL_BATCH_FLOAT_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef SEATSIM_KERNEL_BATCH_FLOAT_INL_H_
#undef SEATSIM_KERNEL_BATCH_FLOAT_INL_H_
#else
#define SEATSIM_KERNEL_BATCH_FLOAT_INL_H_
#endif

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include <hwy/highway.h>

#include "kernel/float_rule-inl.h"
#include "kernel/transpose-inl.h"

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE::batch {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_NATIVE_FMA  // the exact signs need a fused multiply-add: levels without one skip the kernel

template <int Prefix>
class FloatBlockKernel {
  using DF = float_kernel::DF;
  using VF = float_kernel::VF;
  using MF = float_kernel::MF;
  static constexpr int most_passes = 16;

 public:
  static constexpr std::size_t kLanes = hn::MaxLanes(DF());

  explicit FloatBlockKernel(const BatchJob& job)
      : job_(job), lists_(job.lists), rule_(*job.rule, job.seats), buffers_(batch_shared::block_buffers()) {
    // Rows padded to whole squares of lanes: the transposes store and load whole squares.
    buffers_.reserve_float((lists_ + kLanes - 1) / kLanes * kLanes * kLanes);
    // Plain pointers: reaching the thread-local buffers in the loops costs a register spill.
    votes_ = buffers_.float_votes.get();
    inverses_ = buffers_.float_inverses.get();
    seats_ = buffers_.float_seats.get();
  }

  // Allocates the block of scenarios starting at `first` and appends the lanes it cannot
  // certify to `leftovers`; false, with nothing written, when a vote is not an exact float.
  bool run(std::size_t first, std::vector<std::size_t>& leftovers) {
    const DF d;
    if (!load(first)) return false;
    VF rho = rule_.first_guess(total_, parties_, bias_);
    float_kernel::RhoSearch search{hn::Zero(d), hn::Zero(d)};
    // The first count estimates and finds thresholds; the second only checks (it is the last
    // for 94 % of blocks); later ones do both.
    Count c = count<false, true>(rho);
    learn(c.delta);
    rho = search.next(rho, c.delta, c.next, c.last, votes_per_b_);
    MF certified = hn::FirstN(d, 0);
    for (int pass = 1; pass < most_passes; ++pass) {
      c = pass == 1 ? count<true, false>(rho) : count<true, true>(rho);
      certified = hn::And(ok_, hn::AndNot(c.inexact, c.delta == hn::Zero(d)));
      if (hn::AllTrue(d, hn::Or(certified, hn::Not(ok_)))) break;
      // A lane at the right total but on a signpost (a tie, or a count off by rounding)
      // cannot be moved by a threshold step; a lane a seat or two short, then as many over,
      // has two thresholds closer than a step resolves (a tie?): the single kernel takes both.
      const MF stuck = hn::And(c.inexact, c.delta == hn::Zero(d));
      const VF off = hn::Abs(c.delta);
      const MF swinging =
          hn::And(c.delta == hn::Neg(search.previous_delta), hn::And(off > hn::Zero(d), off <= hn::Set(d, 2.0f)));
      ok_ = hn::AndNot(hn::Or(stuck, hn::And(swinging, search.previous_rho > hn::Zero(d))), ok_);
      if (pass == 1) c = count<false, true>(rho);  // the thresholds at the same rho
      rho = search.next(rho, c.delta, c.next, c.last, votes_per_b_);
    }
    store(first, certified, leftovers);
    return true;
  }

 private:
  struct Count {
    VF delta;                        // seats - total
    float_kernel::TwoSmallest next;  // next thresholds D(s)/v
    float_kernel::TwoLargest last;   // last thresholds D(s-1)/v
    MF inexact;                      // some list sits on a signpost, or its estimated count is off
  };

  float* votes(std::size_t list) const { return votes_ + list * kLanes; }
  float* inverses(std::size_t list) const { return inverses_ + list * kLanes; }
  float* seats(std::size_t list) const { return seats_ + list * kLanes; }

  // The block's votes as floats, list by list (scenario j of the block is column first + j),
  // with their reciprocals; the lanes' totals and the lanes the kernel can take. False when a
  // vote is negative or 2^24 or more.
  bool load(std::size_t first) {
    const DF d;
    const std::size_t lists = lists_;
    const std::int64_t* base = job_.votes + first * lists;
    float_kernel::VI range = hn::Zero(float_kernel::DI());
    const VF zero = hn::Zero(d), one = hn::Set(d, 1.0f);
    VF total = zero, parties = zero, top = zero;
    VF rows[kLanes];
    for (std::size_t g = 0; g < lists; g += kLanes) {
      const std::size_t n = std::min(kLanes, lists - g);
#pragma GCC unroll 16
      for (std::size_t j = 0; j < kLanes; ++j) rows[j] = float_kernel::load_votes(base + j * lists + g, n, range);
      transpose_(rows);
#pragma GCC unroll 16
      for (std::size_t k = 0; k < kLanes; ++k) hn::Store(rows[k], d, votes(g + k));
    }
    if (!float_kernel::votes_in_range(range)) return false;  // negative, or 2^31 and more
    const float* const votes = votes_;
    float* const inverses = inverses_;
    for (std::size_t i = 0; i < lists; ++i) {
      const VF v = hn::Load(d, votes + i * kLanes);
      hn::Store(float_kernel::reciprocal(v), d, inverses + i * kLanes);
      total = total + v;
      parties = parties + hn::IfThenElseZero(v > zero, one);
      top = hn::Max(top, v);
    }
    if (!hn::AllTrue(d, top < hn::Set(d, float_kernel::two_to_24))) return false;
    total_ = total;
    votes_per_b_ = total * hn::Set(d, rule_.inv_b);  // the model slope of seats in rho
    parties_ = parties;
    ok_ = parties > zero;
    return true;
  }

  // The first guess is short of the total by delta on average (the first divisors shift small
  // lists): move the guess by that much for the next blocks. A heuristic for speed only.
  void learn(VF delta) {
    const DF d;
    const float lanes = static_cast<float>(hn::CountTrue(d, ok_));
    if (lanes == 0) return;
    const float mean = hn::GetLane(hn::SumOfLanes(d, hn::IfThenElseZero(ok_, delta))) / lanes;
    bias_ = std::clamp(bias_ + 0.5f * mean, -rule_.house, rule_.house);
  }

  // Seats at rho, stored; the exact check of every list's position; the thresholds. (Plain
  // local accumulators: members of the returned Count would live in memory.)
  template <bool Check, bool Thresholds>
  Count count(VF rho) {
    const DF d;
    const VF infinity = hn::Set(d, std::numeric_limits<float>::infinity());
    float_kernel::TwoSmallest next{infinity, infinity};
    float_kernel::TwoLargest last{hn::Zero(d), hn::Zero(d)};
    MF inexact = hn::FirstN(d, 0);
    VF total = hn::Zero(d);
    const std::size_t lists = lists_;
    // Local copies: the loop's float stores could alias members, which would then be reloaded
    // (and broadcast again) on every list.
    const float_kernel::FloatRule<Prefix> rule = rule_;
    const float* const votes = votes_;
    const float* const inverses = inverses_;
    float* const seats = seats_;
    const bool sentinel = rule.needs_sentinel();
    for (std::size_t i = 0; i < lists; ++i) {
      const VF v = hn::Load(d, votes + i * kLanes);
      const VF s = rule.estimate(v * rho);
      hn::Store(s, d, seats + i * kLanes);
      VF d_next, d_last;
      rule.signposts(s, d_next, d_last, sentinel);
      if constexpr (Check) inexact = hn::Or(inexact, rule.off_signposts(v, rho, d_next, d_last));
      if constexpr (Thresholds) {
        const VF r = hn::Load(d, inverses + i * kLanes);
        next.add(d_next * r);  // +inf for a list without votes
        last.add(d_last * r);  // negative for a list without seats
      }
      total = total + s;
    }
    return {hn::Set(d, rule_.house) - total, next, last, inexact};
  }

  // Writes the whole block (its columns are contiguous in the outputs), then reports the lanes
  // not certified: the single kernel overwrites those columns afterwards.
  void store(std::size_t first, MF certified, std::vector<std::size_t>& leftovers) {
    const DF d;
    const float_kernel::DI di;
    const std::size_t lists = lists_;
    std::int32_t* out = job_.seats_out + first * lists;
    VF rows[kLanes];
    for (std::size_t g = 0; g < lists; g += kLanes) {
      const std::size_t n = std::min(kLanes, lists - g);
#pragma GCC unroll 16
      for (std::size_t k = 0; k < kLanes; ++k) rows[k] = hn::Load(d, seats(g + k));
      transpose_(rows);
      const auto mask = hn::FirstN(di, n);
#pragma GCC unroll 16
      for (std::size_t j = 0; j < kLanes; ++j) {
        std::int32_t* p = out + j * lists + g;
        if (n == kLanes)
          hn::StoreU(hn::ConvertTo(di, rows[j]), di, p);
        else
          hn::BlendedStore(hn::ConvertTo(di, rows[j]), mask, di, p);
      }
    }
    std::uint8_t* tie = job_.tie_out + first * lists;
    std::fill(tie, tie + kLanes * lists, std::uint8_t{0});
    if (hn::AllTrue(d, certified)) return;
    alignas(64) float accepted[kLanes];
    hn::Store(hn::IfThenElseZero(certified, hn::Set(d, 1.0f)), d, accepted);
    for (std::size_t j = 0; j < kLanes; ++j)
      if (accepted[j] == 0) leftovers.push_back(first + j);
  }

  const BatchJob& job_;
  std::size_t lists_;
  float_kernel::FloatRule<Prefix> rule_;
  batch_shared::Block& buffers_;
  float *votes_ = nullptr, *inverses_ = nullptr, *seats_ = nullptr;
  Transposer<DF> transpose_;
  float bias_ = 0;
  VF total_, votes_per_b_, parties_;
  MF ok_;
};

#endif  // HWY_NATIVE_FMA
}  // namespace seatsim::detail::HWY_NAMESPACE::batch
HWY_AFTER_NAMESPACE();

#endif  // SEATSIM_KERNEL_BATCH_FLOAT_INL_H_
