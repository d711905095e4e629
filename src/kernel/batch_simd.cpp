// The batched divisor kernel: many scenarios of one district, SIMD across scenarios.
//
// Where votes and divisors are exact floats, blocks of 16 scenarios (AVX-512) go through the
// single-precision kernel first (batch_float-inl.h); a block with a vote of 2^24 or more, and
// every block on levels without a fused multiply-add, take the double-precision kernel here.
//
// A block holds one vector of scenarios (8 with AVX-512), stored structure-of-arrays: for each
// list, its votes in every scenario of the block side by side. Every lane runs the single
// kernel's method (divisor_simd.cpp) on its own scenario: a jump, one secant re-count, then
// single-seat steps until the total is right. Lanes that need fewer steps idle under a mask.
//
// Exactness without division. Priorities v/D(k) are compared by cross-multiplication in doubles:
// v and the scaled divisors D(k) are integers, and while votes × D(seats + 1) < 2^53 (checked per
// scenario) every product is an exact integer, so every comparison is exact. A lane is accepted
// only when its best missed seat is strictly below its worst awarded seat — the divisor
// condition with no tie, which makes the allocation the unique one, with no tie flag. Every other
// lane (a tie, votes too large, no votes) is handed back to the single kernel.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include <hwy/aligned_allocator.h>

#include "kernel/divisor_detail.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernel/batch_simd.cpp"
#include <hwy/foreach_target.h>  // includes this file again once per SIMD level
#include <hwy/highway.h>

#include "kernel/linear_rule-inl.h"
#include "kernel/transpose-inl.h"

#ifndef SEATSIM_BATCH_SIMD_SHARED
#define SEATSIM_BATCH_SIMD_SHARED
namespace seatsim::detail::batch_shared {

constexpr double two_to_53 = 9007199254740992.0;
constexpr std::int64_t most_steps = 24;  // a lane further off goes to the single kernel

// Per-thread block buffers (lists × lanes), vector-aligned, reused across blocks and calls.
struct Block {
  hwy::AlignedFreeUniquePtr<double[]> votes, seats;
  hwy::AlignedFreeUniquePtr<double[]> lanes;  // per-lane scratch: chosen list, direction
  // The single-precision kernel's (batch_float-inl.h): votes, their reciprocals, seats.
  hwy::AlignedFreeUniquePtr<float[]> float_votes, float_inverses, float_seats;
  std::size_t capacity = 0, float_capacity = 0;

  void reserve_float(std::size_t cells) {
    if (cells <= float_capacity) return;
    float_votes = hwy::AllocateAligned<float>(cells);
    float_inverses = hwy::AllocateAligned<float>(cells);
    float_seats = hwy::AllocateAligned<float>(cells);
    std::fill(float_seats.get(), float_seats.get() + cells, 0.0f);  // padding rows are stored too
    float_capacity = cells;
  }

  void reserve(std::size_t cells) {
    if (cells > capacity) {
      // Padded by a vector: the output gathers read past the last list.
      votes = hwy::AllocateAligned<double>(cells + 16 * 16);
      seats = hwy::AllocateAligned<double>(cells + 16 * 16);
      std::fill(votes.get(), votes.get() + cells + 16 * 16, 0.0);
      std::fill(seats.get(), seats.get() + cells + 16 * 16, 0.0);
      capacity = cells;
    }
    if (!lanes) lanes = hwy::AllocateAligned<double>(2 * 16);  // two values per lane, up to 16 lanes
  }
};

inline Block& block_buffers() {
  thread_local Block b;
  return b;
}

}  // namespace seatsim::detail::batch_shared
#endif

#include "kernel/batch_float-inl.h"

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

namespace batch {
using D = hn::ScalableTag<double>;
using DI = hn::RebindToSigned<D>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;

// Lanes per vector: a compile-time constant on every x86 level, so that squares of vectors
// stay in registers.
constexpr std::size_t kLanes = hn::MaxLanes(D());

template <int Prefix>
class BlockKernel {
 public:
  BlockKernel(const BatchJob& job, const LinearRule<Prefix>& rule)
      : job_(job),
        rule_(rule),
        lists_(job.lists),
        lanes_(kLanes),
        seats_(static_cast<double>(job.seats)),
        // Products v · D(k), k <= seats + 1, must stay exact.
        vote_limit_(batch_shared::two_to_53 / rule.signpost(job.seats + 1)),
        buffers_(batch_shared::block_buffers()) {
    buffers_.reserve(lists_ * lanes_);
  }

  // Allocates the block of scenarios starting at `first`; appends the lanes it cannot certify.
  void run(std::size_t first, std::vector<std::size_t>& leftovers) {
    const D d;
    const auto c = rule_.consts(d);
    M ok = load(first);
    V rho = first_guess(d);
    V delta = count(c, rho, hn::Not(hn::FirstN(d, 0)));
    learn(delta, ok);
    // A secant re-count for the lanes more than a seat off, when one is further than two
    // seats off (fewer step passes then pay for it).
    const V off = hn::Abs(delta);
    if (!hn::AllFalse(d, hn::And(ok, off > hn::Set(d, 2.0)))) {
      const M far = hn::And(ok, off > c.one);
      const V slope = hn::IfThenElse(moving_ > c.zero, moving_, total_) * hn::Set(d, rule_.inv_b);
      const V next = rho + delta / slope;
      rho = hn::IfThenElse(next > c.zero, next, rho * hn::Set(d, 0.5));
      delta = hn::IfThenElse(far, count(c, rho, far), delta);
    }
    ok = hn::And(ok, hn::Abs(delta) <= hn::Set(d, static_cast<double>(batch_shared::most_steps)));
    step(c, delta, ok);
    ok = hn::And(ok, certified(c));
    store(first, ok, leftovers);
  }

 private:
  using Consts = typename LinearRule<Prefix>::Consts;

  double* votes(std::size_t list) { return buffers_.votes.get() + list * lanes_; }
  double* seats(std::size_t list) { return buffers_.seats.get() + list * lanes_; }

  // Gathers the block's votes list by list (scenario j of the block is column first + j), and
  // the lanes' totals. Returns the lanes the kernel can take.
  M load(std::size_t first) {
    const D d;
    const DI di;
    const std::size_t lists = lists_, lanes = lanes_;
    const std::int64_t* base = job_.votes + first * lists;
    if (lists < lanes) {  // narrower than a vector: element by element
      double* block = buffers_.votes.get();
      for (std::size_t j = 0; j < lanes; ++j)
        for (std::size_t i = 0; i < lists; ++i) block[i * lanes + j] = static_cast<double>(base[j * lists + i]);
    } else {
      // Squares of lanes × lanes: row j is lists [g, g + lanes) of scenario j, read in place
      // (the last square overlaps the one before it rather than reading past the column).
      V rows[kLanes];
      for (std::size_t g = 0; g < lists; g += kLanes) {
        const std::size_t at = std::min(g, lists - kLanes);
#pragma GCC unroll 16
        for (std::size_t j = 0; j < kLanes; ++j) rows[j] = hn::ConvertTo(d, hn::LoadU(di, base + j * lists + at));
        transpose_(rows);
#pragma GCC unroll 16
        for (std::size_t k = 0; k < kLanes; ++k) hn::Store(rows[k], d, votes(at + k));
      }
    }
    const V zero = hn::Zero(d), one = hn::Set(d, 1.0);
    V total = zero, parties = zero, top = zero;
    for (std::size_t i = 0; i < lists; ++i) {
      const V v = hn::Max(hn::Load(d, votes(i)), zero);
      hn::Store(v, d, votes(i));
      total = total + v;
      parties = parties + hn::IfThenElseZero(v > zero, one);
      top = hn::Max(top, v);
    }
    total_ = total;
    parties_ = parties;
    return hn::And(parties > zero, top < hn::Set(d, vote_limit_));
  }

  // Pukelsheim's divisor V / (b (S + n(a/b - 1/2))), in signpost units per vote, with the bias
  // learnt from earlier blocks added to S: scenarios of one district share it.
  V first_guess(D d) const {
    const V s = hn::Set(d, seats_ + bias_);
    V shifted = s + parties_ * hn::Set(d, rule_.a / rule_.b - 0.5);
    shifted = hn::IfThenElse(shifted <= hn::Set(d, 0.5), hn::Set(d, seats_), shifted);
    const V total = hn::IfThenElse(total_ > hn::Zero(d), total_, hn::Set(d, 1.0));
    return hn::Set(d, rule_.b) * shifted / total;
  }

  // The first guess is short of the total by delta on average (the first divisors shift small
  // lists): move the guess by that much for the next blocks. A heuristic for speed only.
  void learn(V delta, M ok) {
    const D d;
    const double lanes = static_cast<double>(hn::CountTrue(d, ok));
    if (lanes == 0) return;
    const double mean = hn::GetLane(hn::SumOfLanes(d, hn::IfThenElseZero(ok, delta))) / lanes;
    bias_ = std::clamp(bias_ + 0.5 * mean, -seats_, seats_);
  }

  // Seats at rho in the lanes of `lanes` (the others keep theirs); returns seats - total.
  V count(const Consts& c, V rho, M lanes) {
    const D d;
    const V cap = hn::Set(d, seats_);
    V total = c.zero, moving = c.zero;
    const std::size_t lists = lists_;
    for (std::size_t i = 0; i < lists; ++i) {
      const V v = hn::Load(d, votes(i));
      V s = hn::Min(rule_.count(c, v * rho), cap);  // 0 for v = 0, as D(0) > 0 here
      s = hn::IfThenElse(lanes, s, hn::Load(d, seats(i)));
      hn::Store(s, d, seats(i));
      total = total + s;
      moving = moving + hn::IfThenElseZero(s >= c.one, v);
    }
    moving_ = moving;
    return cap - total;
  }

  // Single seats, exactly, until every lane of `ok` holds the right total: where seats are
  // missing, the list with the best next priority takes one; where there are too many, the
  // list with the worst last priority gives one back. Both are "the largest num/den":
  // v / D(s) for a next seat, D(s-1) / v for a last one; a list without votes (adding) or
  // without seats (removing) has num/den 0 and never beats the start, 0/1.
  void step(const Consts& c, V delta, M ok) {
    const D d;
    for (;;) {
      const M active = hn::And(ok, delta != c.zero);
      if (hn::AllFalse(d, active)) return;
      const M adding = delta > c.zero;
      V best_num = c.zero, best_den = c.one, best = c.zero, index = c.zero;
      const std::size_t lists = lists_;
      for (std::size_t i = 0; i < lists; ++i, index = index + c.one) {
        const V v = hn::Load(d, votes(i)), s = hn::Load(d, seats(i));
        const V held = hn::IfThenElseZero(s > c.zero, rule_.signpost(c, hn::Max(s - c.one, c.zero)));
        const V num = hn::IfThenElse(adding, v, held);
        const V den = hn::IfThenElse(adding, rule_.signpost(c, s), v);
        const M better = num * best_den > best_num * den;
        best_num = hn::IfThenElse(better, num, best_num);
        best_den = hn::IfThenElse(better, den, best_den);
        best = hn::IfThenElse(better, index, best);
      }
      const V direction = hn::IfThenElseZero(active, hn::IfThenElse(adding, c.one, hn::Neg(c.one)));
      double* chosen = buffers_.lanes.get();
      double* moves = chosen + lanes_;
      hn::Store(best, d, chosen);
      hn::Store(direction, d, moves);
      // Without a branch: an idle lane adds 0 to list 0 (a branch per lane mispredicts).
      for (std::size_t j = 0; j < kLanes; ++j) seats(static_cast<std::size_t>(chosen[j]))[j] += moves[j];
      delta = delta - direction;
    }
  }

  // Lanes whose best missed seat is strictly below their worst awarded seat.
  M certified(const Consts& c) {
    const D d;
    V missed_num = c.zero, missed_den = c.one;    // the best next seat: largest v / D(s)
    V awarded_num = c.one, awarded_den = c.zero;  // the worst last seat: smallest v / D(s-1)
    const std::size_t lists = lists_;
    for (std::size_t i = 0; i < lists; ++i) {
      const V v = hn::Load(d, votes(i)), s = hn::Load(d, seats(i));
      const V next = rule_.signpost(c, s), last = rule_.signpost(c, hn::Max(s - c.one, c.zero));
      const M higher = v * missed_den > missed_num * next;  // never for v = 0
      missed_num = hn::IfThenElse(higher, v, missed_num);
      missed_den = hn::IfThenElse(higher, next, missed_den);
      const M lower = hn::And(s > c.zero, v * awarded_den < awarded_num * last);
      awarded_num = hn::IfThenElse(lower, v, awarded_num);
      awarded_den = hn::IfThenElse(lower, last, awarded_den);
    }
    // missed_num / missed_den < awarded_num / awarded_den; an awarded_den of 0 (no seat
    // awarded, impossible with seats > 0) fails.
    return missed_num * awarded_den < awarded_num * missed_den;
  }

  // Writes the whole block (its columns are contiguous in the outputs), then reports the lanes
  // not accepted: the single kernel overwrites those columns afterwards.
  void store(std::size_t first, M ok, std::vector<std::size_t>& leftovers) {
    const D d;
    const std::size_t lists = lists_, lanes = lanes_;
    std::int32_t* out = job_.seats_out + first * lists;
    if (lists < lanes) {
      const double* block = buffers_.seats.get();
      for (std::size_t j = 0; j < lanes; ++j)
        for (std::size_t i = 0; i < lists; ++i) out[j * lists + i] = static_cast<std::int32_t>(block[i * lanes + j]);
    } else {
      const hn::Rebind<std::int32_t, D> d32;
      V rows[kLanes];
      for (std::size_t g = 0; g < lists; g += kLanes) {
        const std::size_t at = std::min(g, lists - kLanes);
#pragma GCC unroll 16
        for (std::size_t k = 0; k < kLanes; ++k) rows[k] = hn::Load(d, seats(at + k));
        transpose_(rows);
#pragma GCC unroll 16
        for (std::size_t j = 0; j < kLanes; ++j) hn::StoreU(hn::DemoteTo(d32, rows[j]), d32, out + j * lists + at);
      }
    }
    std::uint8_t* tie = job_.tie_out + first * lists;
    std::fill(tie, tie + lanes * lists, std::uint8_t{0});
    if (hn::AllTrue(d, ok)) return;
    double* accepted = buffers_.lanes.get();
    hn::Store(hn::IfThenElseZero(ok, hn::Set(d, 1.0)), d, accepted);
    for (std::size_t j = 0; j < lanes; ++j)
      if (accepted[j] == 0) leftovers.push_back(first + j);
  }

  const BatchJob& job_;
  const LinearRule<Prefix>& rule_;
  std::size_t lists_, lanes_;
  double seats_, vote_limit_;
  batch_shared::Block& buffers_;
  Transposer<D> transpose_;
  double bias_ = 0;
  V total_, parties_, moving_;
};

template <int Prefix>
void run_blocks(const BatchJob& job, std::size_t first, std::size_t last, std::vector<std::size_t>& leftovers) {
  const LinearRule<Prefix> rule(*job.rule);
  BlockKernel<Prefix> kernel(job, rule);
  const std::size_t lanes = hn::Lanes(D());
  std::size_t column = first;
#if HWY_NATIVE_FMA  // the single-precision kernel's exact signs need a fused multiply-add
  if (float_kernel_applies(*job.rule, job.seats)) {
    FloatBlockKernel<Prefix> single_precision(job);
    constexpr std::size_t wide = FloatBlockKernel<Prefix>::kLanes;
    for (; column + wide <= last; column += wide)
      if (!single_precision.run(column, leftovers))  // votes too large for floats
        for (std::size_t k = 0; k < wide; k += lanes) kernel.run(column + k, leftovers);
  }
#endif
  for (; column + lanes <= last; column += lanes) kernel.run(column, leftovers);
  for (; column < last; ++column) leftovers.push_back(column);
}

}  // namespace batch

void BatchDivisor(const BatchJob& job, std::size_t first, std::size_t last, std::vector<std::size_t>& leftovers) {
  switch (job.rule->scaled_prefix().size()) {
    case 0:
      return batch::run_blocks<0>(job, first, last, leftovers);
    case 1:
      return batch::run_blocks<1>(job, first, last, leftovers);
    default:
      return batch::run_blocks<2>(job, first, last, leftovers);
  }
}

}  // namespace seatsim::detail::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernel/simd_dispatch.hpp"

namespace seatsim::detail {

HWY_EXPORT(BatchDivisor);

bool batch_kernel_applies(const DivisorRule& rule, std::int64_t seats) {
  if (rule.family() != DivisorRule::Family::linear || seats <= 0) return false;
  const auto& prefix = rule.scaled_prefix();
  if (rule.scaled_divisor(0) <= 0 || prefix.size() > 2) return false;
  // D(seats + 1) in doubles (any seat count, no integer overflow); the prefix is below it.
  const double last =
      static_cast<double>(rule.tail_a()) + static_cast<double>(rule.tail_b()) * (static_cast<double>(seats) + 1);
  return last < batch_shared::two_to_53;
}

void batch_divisor(const BatchJob& job, std::size_t first, std::size_t last, std::vector<std::size_t>& leftovers) {
  dispatched(HWY_DISPATCH_TABLE(BatchDivisor))(job, first, last, leftovers);
}

}  // namespace seatsim::detail
#endif
