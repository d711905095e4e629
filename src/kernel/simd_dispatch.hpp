#pragma once
// Run-time choice among the SIMD levels a Highway module was compiled for: the level pinned by
// seatsim::set_simd_target, or else Highway's own choice (the best this processor runs).
// Include after <hwy/highway.h>, in the HWY_ONCE part of a module.
#include <atomic>
#include <cstddef>
#include <cstdint>

#include <hwy/targets.h>

namespace seatsim::detail {

// 0: not pinned. Defined in divisor_simd.cpp.
extern std::atomic<std::int64_t> pinned_simd_target;

// The entry of an HWY_EXPORT table for the pinned level or for Highway's choice. The table's
// layout is HWY_EXPORT's: one slot per dynamic target, then the static (fallback) target.
template <class Function>
Function dispatched(Function const* table) {
#if (HWY_TARGETS & (HWY_TARGETS - 1)) == 0
  return table[0];  // one level only (a native build): HWY_EXPORT's table has one entry
#else
  const std::int64_t target = pinned_simd_target.load(std::memory_order_relaxed);
  if (target == 0) {
    // Highway's choice, looked up once (a call into libhwy on every allocation is measurable).
    static const std::size_t best = [] {
      hwy::GetChosenTarget().Update(hwy::SupportedTargets());
      return hwy::GetChosenTarget().GetIndex();
    }();
    return table[best];
  }
  if (target == HWY_STATIC_TARGET) return table[HWY_MAX_DYNAMIC_TARGETS + 1];
  return table[hwy::Num0BitsBelowLS1Bit_Nonzero64(static_cast<std::uint64_t>(HWY_CHOSEN_TARGET_SHIFT(target)))];
#endif
}

}  // namespace seatsim::detail
