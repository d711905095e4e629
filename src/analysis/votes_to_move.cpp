#include "votes_to_move.hpp"

#include <numeric>
#include <optional>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/allocation.hpp"

namespace seatsim::analysis {
namespace {

// A non-negative exact fraction; λ and the quantities it is compared with.
struct Frac {
  i128 n = 0, d = 1;
};

i128 gcd128(i128 a, i128 b) {
  while (b != 0) {
    const i128 t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}
Frac frac(i128 n, i128 d) {
  const i128 g = gcd128(n, d);
  return {n / g, d / g};
}
bool operator<(const Frac& a, const Frac& b) { return a.n * b.d < b.n * a.d; }
bool operator==(const Frac& a, const Frac& b) { return a.n * b.d == b.n * a.d; }
i128 floor_of(const Frac& a) { return a.n / a.d; }
i128 ceil_of(const Frac& a) { return (a.n + a.d - 1) / a.d; }
Frac times(const Frac& a, const Rational& r) { return frac(a.n * r.num(), a.d * r.den()); }
Frac over(std::int64_t votes, const Rational& r) { return frac(static_cast<i128>(votes) * r.den(), r.num()); }

// The fraction with the smallest denominator strictly between a and b (a < b).
Frac simplest_between(const Frac& a, const Frac& b) {
  const i128 k = floor_of(a);
  if (Frac{k + 1, 1} < b) return {k + 1, 1};
  const Frac ra{a.n - k * a.d, a.d}, rb{b.n - k * b.d, b.d};  // a − k, b − k in [0, 1]
  if (ra.n == 0) {
    const i128 x = floor_of(Frac{rb.d, rb.n}) + 1;  // k + 1/x with x > 1/(b − k)
    return frac(k * x + 1, x);
  }
  const Frac inner = simplest_between(Frac{rb.d, rb.n}, Frac{ra.d, ra.n});
  return frac(k * inner.n + inner.d, inner.n);
}

// λ-feasibility for a number of moved votes t. The lists that gain must end strictly above λ·d(p−1)
// and the lists that lose strictly below λ·d(p), so that no tie involves a list whose votes moved.
class Search {
 public:
  Search(const std::vector<std::int64_t>& votes, const std::vector<std::int64_t>& published,
         const std::vector<std::int64_t>& recomputed, const DivisorRule& rule)
      : votes_(votes), published_(published), rule_(rule) {
    for (std::size_t i = 0; i < votes.size(); ++i) {
      if (published[i] > recomputed[i]) {
        gainers_.push_back(i);
      } else if (published[i] < recomputed[i]) {
        losers_.push_back(i);
      } else if (votes[i] > 0) {
        const Frac next = over(votes[i], rule.divisor(published[i]));
        if (!lo_ || *lo_ < next) lo_ = next;
        if (published[i] > 0) {
          const Frac last = over(votes[i], rule.divisor(published[i] - 1));
          if (!hi_ || last < *hi_) hi_ = last;
        }
      }
    }
  }
  const std::vector<std::size_t>& gainers() const { return gainers_; }
  const std::vector<std::size_t>& losers() const { return losers_; }

  // Votes the gainers need at λ: each one more than λ·d(p−1), at least.
  i128 up(const Frac& lambda) const {
    i128 sum = 0;
    for (const std::size_t g : gainers_) sum += std::max<i128>(0, above(lambda, g) - votes_[g]);
    return sum;
  }
  // Votes the losers must give at λ: each down to one less than λ·d(p), at most.
  i128 down(const Frac& lambda) const {
    i128 sum = 0;
    for (const std::size_t o : losers_) sum += std::max<i128>(0, votes_[o] - below(lambda, o));
    return sum;
  }

  // A λ at which moving t votes suffices, or none. UP(λ) ≤ t holds below some Λ_up (open), at
  // the first jump of some gainer's ⌊λ·a⌋ that pushes UP past t; DOWN(λ) ≤ t holds above some
  // Λ_down (open), after the last jump of some loser's ⌈λ·b⌉ that keeps DOWN above t.
  std::optional<Frac> lambda(i128 t) const {
    if (gainers_.empty() || losers_.empty()) return std::nullopt;
    std::optional<Frac> up_limit, down_limit;
    for (const std::size_t g : gainers_) {  // the smallest c with UP(c/a) > t
      const Rational a = rule_.divisor(published_[g] - 1);
      i128 good = -1, bad = votes_[g] + t;  // UP(c/a) ≥ c + 1 − v > t at c = v + t
      while (bad - good > 1) {
        const i128 mid = good + (bad - good) / 2;
        (up(over_c(mid, a)) > t ? bad : good) = mid;
      }
      const Frac candidate = over_c(bad, a);
      if (!up_limit || candidate < *up_limit) up_limit = candidate;
    }
    for (const std::size_t o : losers_) {  // the largest c with DOWN(c/b) > t
      const Rational b = rule_.divisor(published_[o]);
      if (down(Frac{0, 1}) <= t) {
        down_limit = Frac{0, 1};  // λ > 0 is all it takes (λ itself must stay positive)
        break;
      }
      i128 good = 0, bad = std::max<i128>(votes_[o], 1);
      while (down(over_c(bad, b)) > t) good = bad, bad *= 2;
      while (bad - good > 1) {
        const i128 mid = good + (bad - good) / 2;
        (down(over_c(mid, b)) > t ? good : bad) = mid;
      }
      const Frac candidate = over_c(good, b);
      if (!down_limit || *down_limit < candidate) down_limit = candidate;
    }
    // λ in (Λ_down, Λ_up) ∩ [lo, hi]
    Frac low = *down_limit, high = *up_limit;
    bool low_open = true, high_open = true;
    if (lo_ && !(*lo_ < low) && !(*lo_ == low)) low = *lo_, low_open = false;
    if (hi_ && *hi_ < high) high = *hi_, high_open = false;
    if (high < low) return std::nullopt;
    if (low == high) {
      if (low_open || high_open) return std::nullopt;
      return low;
    }
    return simplest_between(low, high);
  }

  // Votes after moving at λ, balanced so that as many are given as taken; none when the lists'
  // room at λ does not allow it.
  std::optional<std::vector<std::int64_t>> moved(const Frac& lambda) const {
    std::vector<std::int64_t> w = votes_;
    i128 given = 0, taken = 0;
    for (const std::size_t g : gainers_) {
      w[g] = std::max<std::int64_t>(votes_[g], static_cast<std::int64_t>(above(lambda, g)));
      given += w[g] - votes_[g];
    }
    for (const std::size_t o : losers_) {
      w[o] = std::min<std::int64_t>(votes_[o], static_cast<std::int64_t>(below(lambda, o)));
      taken += votes_[o] - w[o];
    }
    for (const std::size_t g : gainers_) {  // give what was taken beyond the need, staying below the next seat
      const i128 room = ceil_of(times(lambda, rule_.divisor(published_[g]))) - 1 - w[g];
      const i128 add = std::min(std::max<i128>(room, 0), taken - given);
      w[g] += static_cast<std::int64_t>(add);
      given += add;
    }
    for (const std::size_t o : losers_) {  // take what was given beyond the surplus, keeping the last seat
      const i128 keep =
          published_[o] > 0 ? floor_of(times(lambda, rule_.divisor(published_[o] - 1))) + 1 : static_cast<i128>(0);
      const i128 sub = std::min(std::max<i128>(w[o] - keep, 0), given - taken);
      w[o] -= static_cast<std::int64_t>(sub);
      taken += sub;
    }
    if (given != taken) return std::nullopt;
    return w;
  }

 private:
  static Frac over_c(i128 c, const Rational& a) { return frac(c * a.den(), a.num()); }
  i128 above(const Frac& lambda, std::size_t g) const {
    return floor_of(times(lambda, rule_.divisor(published_[g] - 1))) + 1;
  }
  i128 below(const Frac& lambda, std::size_t o) const {
    return ceil_of(times(lambda, rule_.divisor(published_[o]))) - 1;
  }

  const std::vector<std::int64_t>& votes_;
  const std::vector<std::int64_t>& published_;
  const DivisorRule& rule_;
  std::vector<std::size_t> gainers_, losers_;
  std::optional<Frac> lo_, hi_;  // from the lists whose seats agree
};

}  // namespace

VotesToMove votes_to_move(const std::vector<std::int64_t>& votes, const std::vector<std::int64_t>& published,
                          const std::vector<std::int64_t>& recomputed, std::int64_t seats, const Method& method,
                          const TieBreak& ties) {
  VotesToMove result;
  if (!method.is_divisor()) {
    result.note = "not computed for quota methods";
    return result;
  }
  const DivisorRule& rule = method.divisor();
  if (rule.family() == DivisorRule::Family::huntington_hill || rule.divisor(0).is_zero()) {
    result.note = "not computed for methods whose first divisor is 0 or whose divisors are irrational";
    return result;
  }
  if (std::accumulate(published.begin(), published.end(), std::int64_t{0}) != seats) {
    result.note = "the published seats do not add up to the seats";
    return result;
  }
  for (std::size_t i = 0; i < votes.size(); ++i)
    if (votes[i] == 0 && published[i] > 0) {
      result.note = "a list without votes has published seats";
      return result;
    }
  const Search search(votes, published, recomputed, rule);
  result.to = search.gainers();
  result.from = search.losers();
  i128 total = 0;
  for (const std::size_t o : search.losers()) total += votes[o];
  if (!search.lambda(total)) {
    result.note = "no move of votes between the differing lists gives the published seats";
    return result;
  }
  i128 bad = -1, good = total;
  while (good - bad > 1) {
    const i128 mid = bad + (good - bad) / 2;
    (search.lambda(mid) ? good : bad) = mid;
  }
  // The least t is exact for the inequalities; recomputing the moved votes confirms it (a tie
  // among the lists whose seats agree could still go the other way: then allow a few more votes).
  for (i128 t = good; t <= good + 3 && t <= total; ++t) {
    const auto lambda = search.lambda(t);
    if (!lambda) continue;
    const auto w = search.moved(*lambda);
    if (!w) continue;
    try {
      if (allocate(*w, seats, method, ties).seats != published) continue;
    } catch (const TieError&) {
      continue;
    }
    std::int64_t moved = 0;
    for (const std::size_t g : search.gainers()) moved += (*w)[g] - votes[g];
    result.found = true;
    result.votes = moved;
    return result;
  }
  result.note = "the bound of " + to_string(static_cast<u128>(good)) +
                " votes could not be confirmed by recomputing (a tie goes the other way)";
  return result;
}

}  // namespace seatsim::analysis
