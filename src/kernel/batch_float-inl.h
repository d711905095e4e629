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

#include "kernel/transpose-inl.h"

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE::batch {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_NATIVE_FMA  // the exact signs need a fused multiply-add: levels without one skip the kernel
namespace float_kernel {
constexpr double two_to_24 = 16777216.0;
constexpr int most_passes = 16;
// A step moves rho this far (relatively) past a threshold: above the thresholds' error
// (about 2^-22) and far below the gaps between distinct thresholds of one district.
constexpr float past = 1.0f / 262144.0f;  // 2^-18
}  // namespace float_kernel

// Whether the single-precision kernel can take this rule and house: every scaled divisor up to
// D(seats + 1) an exact float. (Votes are checked block by block.)
inline bool float_kernel_applies(const DivisorRule& rule, std::int64_t seats) {
  double largest =
      static_cast<double>(rule.tail_a()) + static_cast<double>(rule.tail_b()) * (static_cast<double>(seats) + 1);
  for (const std::int64_t d : rule.scaled_prefix()) largest = std::max(largest, static_cast<double>(d));
  return largest < float_kernel::two_to_24;
}

template <int Prefix>
class FloatBlockKernel {
  using DF = hn::ScalableTag<float>;
  using VF = hn::Vec<DF>;
  using MF = hn::Mask<DF>;

 public:
  static constexpr std::size_t kLanes = hn::MaxLanes(DF());

  explicit FloatBlockKernel(const BatchJob& job)
      : job_(job),
        lists_(job.lists),
        seats_(static_cast<float>(job.seats)),
        a_(static_cast<float>(job.rule->tail_a())),
        b_(static_cast<float>(job.rule->tail_b())),
        p0_(prefix(0)),
        p1_(prefix(1)),
        buffers_(batch_shared::block_buffers()) {
    // Rows padded to whole squares of lanes: the transposes store and load whole squares.
    buffers_.reserve_float((lists_ + kLanes - 1) / kLanes * kLanes * kLanes);
    // Plain pointers: reaching the thread-local buffers in the loops costs a register spill.
    votes_ = buffers_.float_votes.get();
    inverses_ = buffers_.float_inverses.get();
    seats_out_ = buffers_.float_seats.get();
  }

  // Allocates the block of scenarios starting at `first` and appends the lanes it cannot
  // certify to `leftovers`; false, with nothing written, when a vote is not an exact float.
  bool run(std::size_t first, std::vector<std::size_t>& leftovers) {
    const DF d;
    if (!load(first)) return false;
    VF rho = first_guess();
    MF certified = hn::FirstN(d, 0);
    for (int pass = 0; pass < float_kernel::most_passes; ++pass) {
      const Count c = count(rho);
      certified = hn::And(ok_, hn::AndNot(c.inexact, c.delta == hn::Zero(d)));
      if (pass == 0) learn(c.delta);
      if (hn::AllTrue(d, hn::Or(certified, hn::Not(ok_)))) break;
      // A lane at the right total but on a signpost (a tie, or a count off by rounding)
      // cannot be moved by a threshold step: the single kernel takes it.
      ok_ = hn::AndNot(hn::And(c.inexact, c.delta == hn::Zero(d)), ok_);
      rho = next_rho(rho, c);
    }
    store(first, certified, leftovers);
    return true;
  }

 private:
  struct Count {
    VF delta;        // seats - total
    VF next, next2;  // the two smallest next thresholds D(s)/v
    VF last, last2;  // the two largest last thresholds D(s-1)/v
    MF inexact;      // some list sits on a signpost, or its estimated count is off
  };

  float prefix(std::size_t k) const {
    const auto& p = job_.rule->scaled_prefix();
    return k < p.size() ? static_cast<float>(p[k]) : 0.0f;
  }
  float* votes(std::size_t list) const { return votes_ + list * kLanes; }
  float* inverses(std::size_t list) const { return inverses_ + list * kLanes; }
  float* seats(std::size_t list) const { return seats_out_ + list * kLanes; }

  // The block's votes as floats, list by list (scenario j of the block is column first + j),
  // with their reciprocals; the lanes' totals and the lanes the kernel can take. False when a
  // vote is negative or 2^24 or more.
  bool load(std::size_t first) {
    const DF d;
    const hn::RebindToSigned<DF> d32;
    const hn::Repartition<std::int64_t, DF> d64;
    constexpr std::size_t half = hn::MaxLanes(hn::Repartition<std::int64_t, DF>());
    const std::size_t lists = lists_;
    const std::int64_t* base = job_.votes + first * lists;
    // A vote in [0, 2^31) is its low 32 bits with zero high bits: split the 64-bit words into
    // halves (one permutation) rather than converting them through double (four operations).
    auto high_bits = hn::Zero(d32), low_bits = hn::Zero(d32);
    const VF zero = hn::Zero(d), one = hn::Set(d, 1.0f), infinity = hn::Set(d, std::numeric_limits<float>::infinity());
    VF total = zero, parties = zero, top = zero;
    VF rows[kLanes];
    for (std::size_t g = 0; g < lists; g += kLanes) {
      const std::size_t n = std::min(kLanes, lists - g);
      const auto low_mask = hn::FirstN(d64, std::min(n, half));
      const auto high_mask = hn::FirstN(d64, n > half ? n - half : 0);
#pragma GCC unroll 16
      for (std::size_t j = 0; j < kLanes; ++j) {
        const std::int64_t* p = base + j * lists + g;
        // Masked loads: the last column's rows end where the matrix does.
        const auto low = hn::BitCast(d32, hn::MaskedLoad(low_mask, d64, p));
        const auto high = hn::BitCast(d32, hn::MaskedLoad(high_mask, d64, p + half));
        const auto values = hn::ConcatEven(d32, high, low);
        high_bits = hn::Or(high_bits, hn::ConcatOdd(d32, high, low));
        low_bits = hn::Or(low_bits, values);
        rows[j] = hn::ConvertTo(d, values);
      }
      transpose_(rows);
#pragma GCC unroll 16
      for (std::size_t k = 0; k < kLanes; ++k) hn::Store(rows[k], d, votes(g + k));
    }
    // Negative votes (or 2^31 and more) leave the block to the double kernel.
    if (!hn::AllTrue(d32, hn::Eq(hn::Or(high_bits, hn::ShiftRight<31>(low_bits)), hn::Zero(d32)))) return false;
    for (std::size_t i = 0; i < lists; ++i) {
      const VF v = hn::Load(d, votes(i));
      // 1/v to about 2^-23: the approximate reciprocal and one Newton step (thresholds only).
      const VF r0 = hn::ApproximateReciprocal(v);
      const VF r = hn::MulAdd(r0, hn::NegMulAdd(v, r0, one), r0);
      hn::Store(hn::IfThenElse(v == zero, infinity, r), d, inverses(i));
      total = total + v;
      parties = parties + hn::IfThenElseZero(v > zero, one);
      top = hn::Max(top, v);
    }
    if (!hn::AllTrue(d, top < hn::Set(d, static_cast<float>(float_kernel::two_to_24)))) return false;
    total_ = hn::IfThenElse(total > zero, total, one);
    parties_ = parties;
    ok_ = parties > zero;
    return true;
  }

  // Pukelsheim's divisor V / (b (S + n(a/b - 1/2))), in signpost units per vote, with the bias
  // learnt from earlier blocks added to S.
  VF first_guess() const {
    const DF d;
    VF shifted = hn::Set(d, seats_ + bias_) + parties_ * hn::Set(d, a_ / b_ - 0.5f);
    shifted = hn::IfThenElse(shifted <= hn::Set(d, 0.5f), hn::Set(d, seats_), shifted);
    return hn::Set(d, b_) * shifted / total_;
  }

  // The first guess is short of the total by delta on average (the first divisors shift small
  // lists): move the guess by that much for the next blocks. A heuristic for speed only.
  void learn(VF delta) {
    const DF d;
    const float lanes = static_cast<float>(hn::CountTrue(d, ok_));
    if (lanes == 0) return;
    const float mean = hn::GetLane(hn::SumOfLanes(d, hn::IfThenElseZero(ok_, delta))) / lanes;
    bias_ = std::clamp(bias_ + 0.5f * mean, -seats_, seats_);
  }

  // Estimated seats at y = v · rho (seat k when D(k) < y), at most the house. The tail's
  // count floor((y - a)/b) + 1 is also right inside the prefix once clamped to it: below
  // D(m) = a + b·m it is at most m.
  VF estimate(VF y) const {
    const DF d;
    const VF tail = hn::Floor(hn::MulAdd(y, hn::Set(d, 1.0f / b_), hn::Set(d, 1.0f - a_ / b_)));
    VF s;
    if constexpr (Prefix == 0) {
      s = hn::Max(tail, hn::Zero(d));
    } else if constexpr (Prefix == 1) {
      s = hn::IfThenElseZero(y > hn::Set(d, p0_), hn::Max(tail, hn::Set(d, 1.0f)));
    } else {
      const VF beyond_first = hn::IfThenElse(y > hn::Set(d, p1_), hn::Max(tail, hn::Set(d, 2.0f)), hn::Set(d, 1.0f));
      s = hn::IfThenElseZero(y > hn::Set(d, p0_), beyond_first);
    }
    return hn::Min(s, hn::Set(d, seats_));
  }

  // D(s) and D(s - 1) for seat counts s, exact: integers below 2^24. For s = 0, D(-1) is
  // negative, below any v · rho, so that a list without seats passes the lower check and has
  // no last threshold: a - b where that is negative (Sainte-Laguë), else -1.
  void signposts(VF s, VF& next, VF& last) const {
    const DF d;
    const VF tail = hn::MulAdd(hn::Set(d, b_), s, hn::Set(d, a_));
    const VF tail_last = tail - hn::Set(d, b_);
    if constexpr (Prefix == 0) {
      next = tail;
      last = tail_last;
    } else if constexpr (Prefix == 1) {
      next = hn::IfThenElse(s == hn::Zero(d), hn::Set(d, p0_), tail);
      last = hn::IfThenElse(s == hn::Set(d, 1.0f), hn::Set(d, p0_), tail_last);
    } else {
      const MF one = s == hn::Set(d, 1.0f);
      next = hn::IfThenElse(s == hn::Zero(d), hn::Set(d, p0_), hn::IfThenElse(one, hn::Set(d, p1_), tail));
      last = hn::IfThenElse(one, hn::Set(d, p0_), hn::IfThenElse(s == hn::Set(d, 2.0f), hn::Set(d, p1_), tail_last));
    }
    if (a_ >= b_) last = hn::IfThenElse(s == hn::Zero(d), hn::Set(d, -1.0f), last);
  }

  // Seats at rho, stored; the exact check of every list's position; the thresholds.
  Count count(VF rho) {
    const DF d;
    const VF infinity = hn::Set(d, std::numeric_limits<float>::infinity());
    VF total = hn::Zero(d), next = infinity, next2 = infinity, last = hn::Zero(d), last2 = hn::Zero(d);
    MF inexact = hn::FirstN(d, 0);
    const std::size_t lists = lists_;
    for (std::size_t i = 0; i < lists; ++i) {
      const VF v = hn::Load(d, votes(i)), r = hn::Load(d, inverses(i));
      const VF s = estimate(v * rho);
      hn::Store(s, d, seats(i));
      VF d_next, d_last;
      signposts(s, d_next, d_last);
      // Exact signs of v · rho - D: the count is right and strictly inside its signposts.
      inexact =
          hn::Or(inexact, hn::Or(hn::MulSub(v, rho, d_next) >= hn::Zero(d), hn::MulSub(v, rho, d_last) <= hn::Zero(d)));
      const VF to_next = d_next * r;  // +inf for a list without votes
      const VF to_last = d_last * r;  // negative for a list without seats
      next2 = hn::Min(next2, hn::Max(next, to_next));
      next = hn::Min(next, to_next);
      last2 = hn::Max(last2, hn::Min(last, to_last));
      last = hn::Max(last, to_last);
      total = total + s;
    }
    return {hn::Set(d, seats_) - total, next, next2, last, last2, inexact};
  }

  // One or two seats in (rho just past the smallest or second smallest next threshold) or out
  // (just below the largest or second largest last one); a secant step when further off. A
  // list whose own next two thresholds come first makes a two-seat move overshoot by one: the
  // next pass steps back.
  VF next_rho(VF rho, const Count& c) const {
    const DF d;
    const VF zero = hn::Zero(d), one = hn::Set(d, 1.0f);
    const VF up = hn::IfThenElse(c.delta > one, c.next2, c.next) * hn::Set(d, 1.0f + float_kernel::past);
    const VF down = hn::IfThenElse(c.delta < hn::Neg(one), c.last2, c.last) * hn::Set(d, 1.0f - float_kernel::past);
    const VF moved = hn::IfThenElse(c.delta > zero, up, hn::IfThenElse(c.delta < zero, down, rho));
    const VF secant = rho + c.delta * hn::Set(d, b_) / total_;
    const VF far = hn::IfThenElse(secant > zero, secant, rho * hn::Set(d, 0.5f));
    return hn::IfThenElse(hn::Abs(c.delta) > hn::Set(d, 2.0f), far, moved);
  }

  // Writes the whole block (its columns are contiguous in the outputs), then reports the lanes
  // not certified: the single kernel overwrites those columns afterwards.
  void store(std::size_t first, MF certified, std::vector<std::size_t>& leftovers) {
    const DF d;
    const hn::RebindToSigned<DF> di;
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
  float seats_, a_, b_, p0_, p1_;
  batch_shared::Block& buffers_;
  float *votes_ = nullptr, *inverses_ = nullptr, *seats_out_ = nullptr;
  Transposer<DF> transpose_;
  float bias_ = 0;
  VF total_, parties_;
  MF ok_;
};

#endif  // HWY_NATIVE_FMA
}  // namespace seatsim::detail::HWY_NAMESPACE::batch
HWY_AFTER_NAMESPACE();

#endif  // SEATSIM_KERNEL_BATCH_FLOAT_INL_H_
