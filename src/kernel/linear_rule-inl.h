// Linear divisor rules as SIMD operations, for the kernels of divisor_simd.cpp and
// batch_simd.cpp. Included once per SIMD level (Highway's -inl.h convention): no include guard,
// a toggle instead.
#if defined(SEATSIM_KERNEL_LINEAR_RULE_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef SEATSIM_KERNEL_LINEAR_RULE_INL_H_
#undef SEATSIM_KERNEL_LINEAR_RULE_INL_H_
#else
#define SEATSIM_KERNEL_LINEAR_RULE_INL_H_
#endif

#include <cstdint>
#include <limits>

#include <hwy/highway.h>

#include "seatsim/kernel/divisor_rule.hpp"

HWY_BEFORE_NAMESPACE();
namespace seatsim::detail::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Linear rules: D(k) = prefix[k] for k < m, a + b·k from k = m on, all scaled to integers.
// Prefix is m when known at compile time (0: D'Hondt, Sainte-Laguë; 1: a modified first
// divisor; 2), -1 for any m. The vector forms take the constants broadcast once per pass
// (Consts), so that loops do not reload them.
template <int Prefix>
struct LinearRule {
  using D = hn::ScalableTag<double>;
  using V = hn::Vec<D>;
  static constexpr double two_to_53 = 9007199254740992.0;
  static constexpr double infinity = std::numeric_limits<double>::infinity();

  double a, b, inv_b;
  const std::int64_t* prefix;
  std::int64_t m;
  double first_tail;  // D(m)
  double p0, p1;      // D(0), D(1) when they are prefix entries

  explicit LinearRule(const DivisorRule& rule)
      : a(static_cast<double>(rule.tail_a())),
        b(static_cast<double>(rule.tail_b())),
        inv_b(1.0 / b),
        prefix(rule.scaled_prefix().data()),
        m(static_cast<std::int64_t>(rule.scaled_prefix().size())),
        first_tail(a + b * static_cast<double>(m)),
        p0(m > 0 ? static_cast<double>(prefix[0]) : 0),
        p1(m > 1 ? static_cast<double>(prefix[1]) : 0) {}

  double tail_a() const { return a; }
  double tail_b() const { return b; }
  bool infinite_first() const { return signpost(0) == 0; }
  bool exact(double max_votes, std::int64_t seats) const {
    return max_votes < two_to_53 && signpost(seats + 1) < two_to_53;
  }
  double signpost(std::int64_t k) const {
    return k < m ? static_cast<double>(prefix[k]) : a + b * static_cast<double>(k);
  }
  double key(double v, std::int64_t k) const {
    const double d = signpost(k);
    return d == 0 ? infinity : v / d;
  }

  struct Consts {
    V a, b, inv_b, shift, first_tail, one, zero, m, p0, p1, inf;
  };
  Consts consts(D d) const {
    return {hn::Set(d, a),          hn::Set(d, b),   inv_b_vector(d),     hn::Set(d, -a * inv_b),
            hn::Set(d, first_tail), hn::Set(d, 1.0), hn::Zero(d),         hn::Set(d, static_cast<double>(m)),
            hn::Set(d, p0),         hn::Set(d, p1),  hn::Set(d, infinity)};
  }

  // Estimated seats at signpost position y = votes / divisor (seat k when D(k) < y). Exact
  // integers or not, an estimate: the kernels decide by priorities. 0 for y = 0 when D(0) > 0.
  V count(const Consts& c, V y) const {
    const V tail = hn::Max(hn::Floor(hn::MulAdd(y, c.inv_b, c.shift)) + c.one, c.m);
    if constexpr (Prefix == 0) {
      return tail;
    } else if constexpr (Prefix == 1) {
      return hn::IfThenElse(y > c.first_tail, tail, hn::IfThenElseZero(y > c.p0, c.one));
    } else if constexpr (Prefix == 2) {
      const V in_prefix = hn::IfThenElseZero(y > c.p0, c.one) + hn::IfThenElseZero(y > c.p1, c.one);
      return hn::IfThenElse(y > c.first_tail, tail, in_prefix);
    } else {
      if (m == 0) return tail;
      const D d;
      V in_prefix = c.zero;
      for (std::int64_t k = 0; k < m; ++k)
        in_prefix = in_prefix + hn::IfThenElseZero(y > hn::Set(d, static_cast<double>(prefix[k])), c.one);
      return hn::IfThenElse(y > c.first_tail, tail, in_prefix);
    }
  }
  // D(k) for seat counts k held as doubles (k >= 0): exact, integers below 2^53.
  V signpost(const Consts& c, V k) const {
    const V tail = hn::MulAdd(c.b, k, c.a);  // exact: integer products and sums below 2^53
    if constexpr (Prefix == 0) {
      return tail;
    } else if constexpr (Prefix == 1) {
      return hn::IfThenElse(k == c.zero, c.p0, tail);
    } else if constexpr (Prefix == 2) {
      return hn::IfThenElse(k == c.zero, c.p0, hn::IfThenElse(k == c.one, c.p1, tail));
    } else {
      const D d;
      V den = tail;
      for (std::int64_t j = 0; j < m; ++j)
        den = hn::IfThenElse(k == hn::Set(d, static_cast<double>(j)), hn::Set(d, static_cast<double>(prefix[j])), den);
      return den;
    }
  }
  // v / D(k), correctly rounded (+inf where D(k) = 0).
  V key(const Consts& c, V v, V k) const {
    const V den = signpost(c, k);
    const auto zero = den == c.zero;
    return hn::IfThenElse(zero, c.inf, v / hn::IfThenElse(zero, c.one, den));
  }

 private:
  V inv_b_vector(D d) const { return hn::Set(d, inv_b); }
};

}  // namespace seatsim::detail::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // SEATSIM_KERNEL_LINEAR_RULE_INL_H_
