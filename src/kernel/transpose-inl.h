// Square transposes in registers, for the batched kernels (batch_simd.cpp, batch_float-inl.h).
// Included once per SIMD level (Highway's -inl.h convention): a toggle instead of a guard.
#if defined(SEATSIM_KERNEL_TRANSPOSE_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef SEATSIM_KERNEL_TRANSPOSE_INL_H_
#undef SEATSIM_KERNEL_TRANSPOSE_INL_H_
#else
#define SEATSIM_KERNEL_TRANSPOSE_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE::batch {
namespace hn = hwy::HWY_NAMESPACE;

// Transposes a square of vectors in registers: afterwards rows[k] holds lane k of every former
// row. log2(lanes) rounds, each swapping the off-diagonal sub-blocks of one size with a lane
// permutation and a blend per row. Moves a block's votes into structure-of-arrays form and its
// seats back (scalar loops there cost half the kernel's instructions).
template <class D>
class Transposer {
  using T = hn::TFromD<D>;
  using V = hn::Vec<D>;
  using Index = hwy::MakeSigned<T>;

 public:
  static constexpr std::size_t kLanes = hn::MaxLanes(D());

  Transposer() {
    std::size_t r = 0;
    for (std::size_t h = kLanes / 2; h >= 1; h /= 2, ++r) {
      for (std::size_t lane = 0; lane < kLanes; ++lane) {
        const bool high = (lane & h) != 0;
        down_[r][lane] = static_cast<Index>(high ? lane - h : lane);
        up_[r][lane] = static_cast<Index>(high ? lane : lane + h);
        high_[r][lane] = high ? T{1} : T{0};
      }
    }
  }

  HWY_INLINE void operator()(V* rows) const {
    if constexpr (kLanes >= 16) round<8, 0>(rows);
    if constexpr (kLanes >= 8) round<4, (kLanes >= 16)>(rows);
    if constexpr (kLanes >= 4) round<2, (kLanes >= 16) + (kLanes >= 8)>(rows);
    if constexpr (kLanes >= 2) round<1, (kLanes >= 16) + (kLanes >= 8) + (kLanes >= 4)>(rows);
  }

 private:
  template <std::size_t H, std::size_t R>
  HWY_INLINE void round(V* rows) const {
    const D d;
    const auto down = hn::SetTableIndices(d, down_[R]), up = hn::SetTableIndices(d, up_[R]);
    const auto high = hn::Load(d, high_[R]) != hn::Zero(d);
#pragma GCC unroll 16
    for (std::size_t i = 0; i < kLanes; ++i) {
      if (i & H) continue;
      const V low_row = rows[i], high_row = rows[i + H];
      rows[i] = hn::IfThenElse(high, hn::TableLookupLanes(high_row, down), low_row);
      rows[i + H] = hn::IfThenElse(high, high_row, hn::TableLookupLanes(low_row, up));
    }
  }

  alignas(64) Index down_[4][16] = {}, up_[4][16] = {};
  alignas(64) T high_[4][16] = {};
};

}  // namespace seatsim::detail::HWY_NAMESPACE::batch
HWY_AFTER_NAMESPACE();

#endif  // SEATSIM_KERNEL_TRANSPOSE_INL_H_
