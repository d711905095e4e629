// The fast exact divisor kernel, SIMD across the lists of one district. Districts of up to 256
// lists with votes below 2^24 try the single-precision kernel first (divisor_float-inl.h: a
// separating divisor certified by exact signs); everything else, and whatever that kernel cannot
// certify, takes the double-precision kernel below: jump, re-jump, step.
//
//  1. Jump: estimate the divisor from the totals (Pukelsheim) and count every list's seats at
//     it in one vector pass.
//  2. Re-jump: while the total is more than a few seats off, move the divisor by a secant step
//     on the measured counts and count again (a handful of passes even at 10^5 lists, where the
//     first guess can be thousands of seats off).
//  3. Step: compute each list's key for its next seat and for its last seat, and move single
//     seats — the best next seat in, or the worst last seat out — until the total is right and
//     no missed seat beats an awarded one.
//  4. Boundary: the best missed and the worst awarded seat, compared exactly; equal means a tie,
//     which detail::settle_boundary decides exactly as it does for the reference.
//
// Exactness. A key is the priority v/D(k) (Dean: v(2k+1)/(2k(k+1)); Huntington-Hill: its
// square v²/(k(k+1))) as ONE correctly rounded division of two integers below 2^53, which are
// exact doubles. Rounding is monotone, so key(x) > key(y) implies priority(x) > priority(y):
// a strict order of keys is the exact order. Equal keys are re-compared exactly (128-bit
// cross-multiplication through seatsim::Priority). Estimates (the divisor, the counts) may be
// off anyway: only the steps and the boundary decide, and they use keys. Inputs beyond 2^53 are
// refused (the caller takes the general exact path).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <hwy/aligned_allocator.h>

#include "kernel/divisor_detail.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/kernel/simd.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernel/divisor_simd.cpp"
#include <hwy/foreach_target.h>  // includes this file again once per SIMD level
#include <hwy/highway.h>

#include "kernel/linear_rule-inl.h"  // per SIMD level, like this file

#ifndef SEATSIM_DIVISOR_SIMD_SHARED
#define SEATSIM_DIVISOR_SIMD_SHARED
namespace seatsim::detail::simd_shared {

constexpr double two_to_53 = 9007199254740992.0;
constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr std::size_t max_lanes = 16;  // 8 doubles in AVX-512; room to spare

// Per-thread scratch, reused across calls so that a loop over districts allocates nothing.
struct Workspace {
  std::vector<double> votes, seats, next, last;  // next: key of the next seat; last: of the last one held
  void resize(std::size_t n) {
    if (votes.size() < n) votes.resize(n), seats.resize(n), next.resize(n), last.resize(n);
  }
};

inline Workspace& workspace() {
  thread_local Workspace w;
  return w;
}

// The single-precision kernel's (divisor_float-inl.h), in whole vectors.
struct FloatWorkspace {
  hwy::AlignedFreeUniquePtr<float[]> votes, seats, next_keys, last_keys;
  std::size_t capacity = 0;
  float bias = 0;  // the first guess's, learnt from earlier calls on this thread
  void resize(std::size_t n) {
    if (n <= capacity) return;
    for (auto* p : {&votes, &seats, &next_keys, &last_keys}) *p = hwy::AllocateAligned<float>(n);
    capacity = n;
  }
};

inline FloatWorkspace& float_workspace() {
  thread_local FloatWorkspace w;
  return w;
}

}  // namespace seatsim::detail::simd_shared
#endif

#include "kernel/divisor_float-inl.h"  // per SIMD level, like this file

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;
using simd_shared::infinity;
using simd_shared::two_to_53;

using D = hn::ScalableTag<double>;
using DI = hn::RebindToSigned<D>;
using V = hn::Vec<D>;

// Dean (d(k) = 2k(k+1)/(2k+1)) and Huntington-Hill (d(k) = √(k(k+1))). Both signposts lie
// within half a seat below k + ½, which is all the estimate needs.
template <bool Dean>
struct MeanRule {
  struct Consts {
    V half, one, zero, inf;
  };
  Consts consts(D d) const { return {hn::Set(d, 0.5), hn::Set(d, 1.0), hn::Zero(d), hn::Set(d, infinity)}; }

  double tail_a() const { return 0.5; }
  double tail_b() const { return 1.0; }
  bool infinite_first() const { return true; }
  bool exact(double max_votes, std::int64_t seats) const {
    const double s = static_cast<double>(seats + 1);
    if constexpr (Dean) return max_votes * (2 * s + 1) < two_to_53 && 2 * s * (s + 1) < two_to_53;
    return max_votes * max_votes < two_to_53 && s * (s + 1) < two_to_53;
  }
  double key(double v, std::int64_t k) const {
    if (k <= 0) return infinity;
    const double x = static_cast<double>(k);
    if constexpr (Dean) return v * (2 * x + 1) / (2 * x * (x + 1));
    return v * v / (x * (x + 1));
  }
  V count(const Consts& c, V y) const { return hn::Max(hn::Floor(y + c.half), c.one); }
  V key(const Consts& c, V v, V k) const {
    V num, den;
    if constexpr (Dean) {
      num = v * (k + k + c.one);
      den = (k + k) * (k + c.one);
    } else {
      num = v * v;
      den = k * (k + c.one);
    }
    const auto zero = den <= c.zero;
    return hn::IfThenElse(zero, c.inf, num / hn::IfThenElse(zero, c.one, den));
  }
};

struct Extreme {
  std::size_t index;
  double key;
  bool several;  // more than one list holds this key: resolve exactly
};

// The largest (Max) or smallest key of keys[0, padded), and the first index holding it: one
// pass reduces, a second finds the key (and whether another list holds it too).
template <bool Max>
Extreme extreme(const double* keys, std::size_t padded) {
  const D d;
  const std::size_t lanes = hn::Lanes(d);
  V best = hn::LoadU(d, keys);
  for (std::size_t i = lanes; i < padded; i += lanes)
    best = Max ? hn::Max(best, hn::LoadU(d, keys + i)) : hn::Min(best, hn::LoadU(d, keys + i));
  const V top = Max ? hn::MaxOfLanes(d, best) : hn::MinOfLanes(d, best);
  Extreme e{0, hn::GetLane(top), false};
  std::size_t i = 0;
  for (;; i += lanes) {
    const auto at = hn::LoadU(d, keys + i) == top;
    if (hn::AllFalse(d, at)) continue;
    e.index = i + static_cast<std::size_t>(hn::FindFirstTrue(d, at));
    e.several = hn::CountTrue(d, at) > 1;
    break;
  }
  for (i += lanes; i < padded && !e.several; i += lanes) e.several = !hn::AllFalse(d, hn::LoadU(d, keys + i) == top);
  return e;
}

// extreme<true>(next) and extreme<false>(last) in one pass.
inline std::pair<Extreme, Extreme> extremes(const double* next, const double* last, std::size_t padded) {
  const D d;
  const std::size_t lanes = hn::Lanes(d);
  V high = hn::LoadU(d, next), low = hn::LoadU(d, last);
  for (std::size_t i = lanes; i < padded; i += lanes) {
    high = hn::Max(high, hn::LoadU(d, next + i));
    low = hn::Min(low, hn::LoadU(d, last + i));
  }
  const V top = hn::MaxOfLanes(d, high), bottom = hn::MinOfLanes(d, low);
  Extreme a{padded, hn::GetLane(top), false}, b{padded, hn::GetLane(bottom), false};
  for (std::size_t i = 0; i < padded && !(a.several && b.several); i += lanes) {
    const auto at_top = hn::LoadU(d, next + i) == top, at_bottom = hn::LoadU(d, last + i) == bottom;
    if (!hn::AllFalse(d, at_top)) {
      if (a.index == padded) a.index = i + static_cast<std::size_t>(hn::FindFirstTrue(d, at_top));
      a.several = a.several || hn::CountTrue(d, at_top) > 1 || a.index < i;
    }
    if (!hn::AllFalse(d, at_bottom)) {
      if (b.index == padded) b.index = i + static_cast<std::size_t>(hn::FindFirstTrue(d, at_bottom));
      b.several = b.several || hn::CountTrue(d, at_bottom) > 1 || b.index < i;
    }
  }
  return {a, b};
}

template <class Rule>
class Kernel {
 public:
  Kernel(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule, const Rule& ops,
         DistrictSeats& out)
      : votes_(votes),
        seats_(seats),
        rule_(rule),
        ops_(ops),
        out_(out),
        ws_(simd_shared::workspace()),
        lists_(votes.size()),
        padded_((lists_ + hn::Lanes(D()) - 1) / hn::Lanes(D()) * hn::Lanes(D())) {
    ws_.resize(padded_);
  }

  bool run(const TieBreak& ties) {
    load();
    if (parties_ == 0) return false;  // no list has a vote: the general path says so
    if (!ops_.exact(max_votes_, seats_)) return false;
    // With d(0) = 0 every list's first seat has an infinite priority; fewer seats than lists
    // leave the cut among those, ranked by votes — the general path handles that.
    if (ops_.infinite_first() && static_cast<double>(seats_) < parties_) return false;
    if (!jump()) return false;
    return step(ties);
  }

 private:
  double seat(std::size_t i) const { return ws_.seats[i]; }
  std::int64_t held(std::size_t i) const { return static_cast<std::int64_t>(ws_.seats[i]); }

  // Votes to doubles (zero-padded), and their total, count and maximum.
  void load() {
    const D d;
    const DI di;
    const std::size_t lanes = hn::Lanes(d);
    V total = hn::Zero(d), parties = hn::Zero(d), top = hn::Zero(d);
    for (std::size_t i = 0; i < padded_; i += lanes) {
      V v;
      if (i + lanes <= lists_) {
        v = hn::ConvertTo(d, hn::LoadU(di, votes_.data() + i));
      } else {
        alignas(64) std::int64_t rest[simd_shared::max_lanes];
        for (std::size_t k = 0; k < lanes; ++k) rest[k] = i + k < lists_ ? votes_[i + k] : 0;
        v = hn::ConvertTo(d, hn::Load(di, rest));
      }
      v = hn::Max(v, hn::Zero(d));  // lists without votes take no part
      hn::StoreU(v, d, ws_.votes.data() + i);
      total = total + v;
      parties = parties + hn::IfThenElseZero(v > hn::Zero(d), hn::Set(d, 1.0));
      top = hn::Max(top, v);
    }
    total_votes_ = hn::GetLane(hn::SumOfLanes(d, total));
    parties_ = hn::GetLane(hn::SumOfLanes(d, parties));
    max_votes_ = hn::GetLane(hn::MaxOfLanes(d, top));
  }

  // Seats of every list at `rho` (signpost units per vote) into ws_.seats, and the keys of each
  // list's next seat (ws_.next; -1: no votes) and of the last seat it holds (ws_.last; +inf:
  // none). Returns the total and the votes of the lists holding seats (the count's slope in rho).
  std::pair<double, double> count(double rho, bool with_keys) {
    const D d;
    const std::size_t lanes = hn::Lanes(d);
    const auto c = ops_.consts(d);
    const V r = hn::Set(d, rho), cap = hn::Set(d, static_cast<double>(seats_)), one = hn::Set(d, 1.0);
    const V zero = hn::Zero(d), none = hn::Set(d, -1.0), inf = hn::Set(d, infinity);
    V total = zero, moving = zero;
    for (std::size_t i = 0; i < padded_; i += lanes) {
      const V v = hn::LoadU(d, ws_.votes.data() + i);
      V s = hn::Min(ops_.count(c, v * r), cap);
      s = hn::IfThenElseZero(v > zero, s);
      hn::StoreU(s, d, ws_.seats.data() + i);
      total = total + s;
      moving = moving + hn::IfThenElseZero(s >= one, v);
      if (!with_keys) continue;
      // The keys too, while the total is being reduced: most passes are the last one.
      hn::StoreU(hn::IfThenElse(v > zero, ops_.key(c, v, s), none), d, ws_.next.data() + i);
      hn::StoreU(hn::IfThenElse(s > zero, ops_.key(c, v, hn::Max(s - one, zero)), inf), d, ws_.last.data() + i);
    }
    return {hn::GetLane(hn::SumOfLanes(d, total)), hn::GetLane(hn::SumOfLanes(d, moving))};
  }

  // Steps 1 and 2: counts within a few seats of the total. The first guess ignores the first
  // divisors (1.6 rather than 1, say), which shifts small lists by a seat: one secant pass
  // removes that bias even when the guess is off by a single seat; later passes run only while
  // a pass is cheaper than the steps it saves.
  bool jump() {
    const double a = ops_.tail_a(), b = ops_.tail_b(), s = static_cast<double>(seats_);
    double shifted = s + parties_ * (a / b - 0.5);
    if (shifted <= 0.5) shifted = s;
    double rho = b * shifted / total_votes_;
    double last_rho = 0, last_total = -1;
    // Small districts compute the keys in every pass (they overlap the reduction of the total);
    // large ones once, after the last pass.
    const bool keys_each_pass = lists_ <= 512;
    for (int pass = 0;; ++pass) {
      const auto [total, moving] = count(rho, keys_each_pass);
      delta_ = seats_ - static_cast<std::int64_t>(total);
      const double off = std::abs(static_cast<double>(delta_));
      if (off <= (pass == 0 ? 1 : 4) || (pass == 12 && off <= 1024)) {
        if (!keys_each_pass) count(rho, true);
        return true;
      }
      if (pass == 12) return false;
      double slope = (moving > 0 ? moving : total_votes_) / b;
      if (last_total >= 0 && total != last_total && rho != last_rho) {
        const double measured = (total - last_total) / (rho - last_rho);
        if (measured > 0) slope = measured;
      }
      last_rho = rho;
      last_total = total;
      const double next = rho + static_cast<double>(delta_) / slope;
      rho = next > 0 ? next : rho / 2;
    }
  }

  Priority next_priority(std::size_t i) const { return rule_.priority(votes_[i], held(i)); }
  Priority last_priority(std::size_t i) const { return rule_.priority(votes_[i], held(i) - 1); }

  // The list with the best next seat (first in list order among equals), exactly.
  std::size_t best_next() const {
    const Extreme e = extreme<true>(ws_.next.data(), padded_);
    return e.several ? resolve_next(e.key) : e.index;
  }
  // The list with the worst last seat (first in list order among equals), exactly.
  std::size_t worst_last() const {
    const Extreme e = extreme<false>(ws_.last.data(), padded_);
    return e.several ? resolve_last(e.key) : e.index;
  }

  void write_seats() {
    const D d;
    const DI di;
    const std::size_t lanes = hn::Lanes(d);
    std::size_t i = 0;
    for (; i + lanes <= lists_; i += lanes)
      hn::StoreU(hn::ConvertTo(di, hn::LoadU(d, ws_.seats.data() + i)), di, out_.seats.data() + i);
    for (; i < lists_; ++i) out_.seats[i] = held(i);
  }

  // best_next() and worst_last() together: the two reductions overlap.
  std::pair<std::size_t, std::size_t> boundary() const {
    const auto [next, last] = extremes(ws_.next.data(), ws_.last.data(), padded_);
    return {next.several ? resolve_next(next.key) : next.index, last.several ? resolve_last(last.key) : last.index};
  }
  std::size_t resolve_next(double key) const {
    std::size_t best = lists_;
    for (std::size_t i = 0; i < lists_; ++i)
      if (ws_.next[i] == key && votes_[i] > 0 && (best == lists_ || next_priority(i) > next_priority(best))) best = i;
    return best;
  }
  std::size_t resolve_last(double key) const {
    std::size_t worst = lists_;
    for (std::size_t i = 0; i < lists_; ++i)
      if (ws_.last[i] == key && seat(i) > 0 && (worst == lists_ || last_priority(i) < last_priority(worst))) worst = i;
    return worst;
  }

  void add_seat(std::size_t i) {
    ws_.seats[i] += 1;
    ws_.last[i] = ws_.next[i];
    ws_.next[i] = ops_.key(ws_.votes[i], held(i));
  }
  void remove_seat(std::size_t i) {
    ws_.seats[i] -= 1;
    ws_.next[i] = ws_.last[i];
    ws_.last[i] = held(i) > 0 ? ops_.key(ws_.votes[i], held(i) - 1) : infinity;
  }

  // Steps 3 and 4.
  // An index past the lists (no lane matched the reduced key, or a padding lane won) means the keys could not
  // place the seat: the exact general path takes over (false), rather than reading past the votes.
  bool step(const TieBreak& ties) {
    for (; delta_ > 0; --delta_) {
      const std::size_t best = best_next();
      if (best >= lists_) return false;
      add_seat(best);
    }
    for (; delta_ < 0; ++delta_) {
      const std::size_t worst = worst_last();
      if (worst >= lists_) return false;
      remove_seat(worst);
    }
    for (std::size_t swaps = 0; swaps <= lists_ + 16; ++swaps) {
      const auto [in, out] = boundary();
      if (in >= lists_ || out >= lists_) return false;
      // Keys decide when they differ; equal keys are compared exactly.
      const auto order = ws_.next[in] < ws_.last[out]   ? std::strong_ordering::less
                         : ws_.next[in] > ws_.last[out] ? std::strong_ordering::greater
                                                        : next_priority(in) <=> last_priority(out);
      if (order > 0) {  // the estimate put a seat on the wrong side: swap it
        add_seat(in);
        remove_seat(out);
        continue;
      }
      write_seats();
      if (order == 0)
        settle_boundary(votes_, rule_, ties, out_);
      else
        out_.boundary = {out, last_priority(out), in, next_priority(in)};
      return true;
    }
    return false;
  }

  std::span<const std::int64_t> votes_;
  std::int64_t seats_;
  const DivisorRule& rule_;
  const Rule& ops_;
  DistrictSeats& out_;
  simd_shared::Workspace& ws_;
  std::size_t lists_, padded_;
  double total_votes_ = 0, parties_ = 0, max_votes_ = 0;
  std::int64_t delta_ = 0;
};

template <class Rule>
bool run_with(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule, const Rule& ops,
              const TieBreak& ties, DistrictSeats& out) {
  return Kernel<Rule>(votes, seats, rule, ops, out).run(ties);
}

bool JumpAndStep(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule, const TieBreak& ties,
                 DistrictSeats& out) {
  switch (rule.family()) {
    case DivisorRule::Family::linear:
#if HWY_NATIVE_FMA  // small and medium districts: single precision first
      if (votes.size() <= float_kernel::most_single_lists && float_kernel_applies(rule, seats)) {
        const std::size_t prefix = rule.scaled_prefix().size();
        if (prefix == 0   ? float_kernel::allocate_single<0>(votes, seats, rule, out)
            : prefix == 1 ? float_kernel::allocate_single<1>(votes, seats, rule, out)
                          : float_kernel::allocate_single<2>(votes, seats, rule, out))
          return true;
      }
#endif
      switch (rule.scaled_prefix().size()) {
        case 0:
          return run_with<LinearRule<0>>(votes, seats, rule, LinearRule<0>(rule), ties, out);
        case 1:
          return run_with<LinearRule<1>>(votes, seats, rule, LinearRule<1>(rule), ties, out);
        case 2:
          return run_with<LinearRule<2>>(votes, seats, rule, LinearRule<2>(rule), ties, out);
        default:
          return run_with<LinearRule<-1>>(votes, seats, rule, LinearRule<-1>(rule), ties, out);
      }
    case DivisorRule::Family::dean: {
      const MeanRule<true> ops;
      return Kernel<MeanRule<true>>(votes, seats, rule, ops, out).run(ties);
    }
    case DivisorRule::Family::huntington_hill: {
      const MeanRule<false> ops;
      return Kernel<MeanRule<false>>(votes, seats, rule, ops, out).run(ties);
    }
  }
  return false;
}

}  // namespace seatsim::detail::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernel/simd_dispatch.hpp"

namespace seatsim {
namespace detail {

std::atomic<std::int64_t> pinned_simd_target{0};

HWY_EXPORT(JumpAndStep);

bool jump_and_step(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                   const TieBreak& ties, DistrictSeats& out) {
  return dispatched(HWY_DISPATCH_TABLE(JumpAndStep))(votes, seats, rule, ties, out);
}

}  // namespace detail

std::vector<std::string> simd_targets() {
  std::vector<std::string> names;
  for (const std::int64_t target : hwy::SupportedAndGeneratedTargets()) names.emplace_back(hwy::TargetName(target));
  return names;
}

std::string simd_target() {
  const std::int64_t pinned = detail::pinned_simd_target.load();
  if (pinned != 0) return hwy::TargetName(pinned);
  return hwy::TargetName(hwy::SupportedAndGeneratedTargets().front());
}

void set_simd_target(std::string_view name) {
  if (name.empty()) {
    detail::pinned_simd_target.store(0);
    return;
  }
  std::string known;
  for (const std::int64_t target : hwy::SupportedAndGeneratedTargets()) {
    if (hwy::TargetName(target) == name) {
      detail::pinned_simd_target.store(target);
      return;
    }
    known += (known.empty() ? "" : ", ") + std::string(hwy::TargetName(target));
  }
  throw Error("SIMD level '" + std::string(name) + "' is not available here (available: " + known + ")");
}

}  // namespace seatsim
#endif
