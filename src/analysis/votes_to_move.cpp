#include "votes_to_move.hpp"

#include <numeric>
#include <optional>

#include "seatsim/allocation.hpp"
#include "seatsim/error.hpp"
#include "seatsim/int128.hpp"

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

  i128 up(const Frac& lambda) const {
    i128 sum = 0;
    for (const std::size_t g : gainers_)
      sum += std::max<i128>(0, ceil_of(times(lambda, rule_.divisor(published_[g] - 1))) - votes_[g]);
    return sum;
  }
  i128 down(const Frac& lambda) const {
    i128 sum = 0;
    for (const std::size_t o : losers_)
      sum += std::max<i128>(0, votes_[o] - floor_of(times(lambda, rule_.divisor(published_[o]))));
    return sum;
  }

  // [L, H]: the λ at which moving t votes suffices, or none.
  std::optional<std::pair<Frac, Frac>> range(i128 t) const {
    std::optional<Frac> high = hi_, low = lo_, up_bound, down_bound;
    for (const std::size_t g : gainers_) {  // the largest c/a with UP(c/a) ≤ t
      const Rational a = rule_.divisor(published_[g] - 1);
      i128 good = 0, bad = votes_[g] + t + 1;
      while (bad - good > 1) {
        const i128 mid = good + (bad - good) / 2;
        (up(over_c(mid, a)) <= t ? good : bad) = mid;
      }
      const Frac candidate = over_c(good, a);
      if (!up_bound || *up_bound < candidate) up_bound = candidate;
    }
    for (const std::size_t o : losers_) {  // the smallest c/b with DOWN(c/b) ≤ t
      const Rational b = rule_.divisor(published_[o]);
      i128 bad = -1, good = std::max<i128>(votes_[o], 1);
      while (down(over_c(good, b)) > t) good *= 2;
      while (good - bad > 1) {
        const i128 mid = bad + (good - bad) / 2;
        (down(over_c(mid, b)) <= t ? good : bad) = mid;
      }
      const Frac candidate = over_c(good, b);
      if (!down_bound || candidate < *down_bound) down_bound = candidate;
    }
    if (up_bound && (!high || *up_bound < *high)) high = up_bound;
    if (down_bound && (!low || *low < *down_bound)) low = down_bound;
    if (!low || !high || *high < *low) return std::nullopt;
    return std::make_pair(*low, *high);
  }

  // Votes after moving at λ, balanced so that as many are given as taken; none when the lists'
  // room at λ does not allow it.
  std::optional<std::vector<std::int64_t>> moved(const Frac& lambda) const {
    std::vector<std::int64_t> w = votes_;
    i128 given = 0, taken = 0;
    for (const std::size_t g : gainers_) {
      w[g] = std::max<std::int64_t>(
          votes_[g], static_cast<std::int64_t>(ceil_of(times(lambda, rule_.divisor(published_[g] - 1)))));
      given += w[g] - votes_[g];
    }
    for (const std::size_t o : losers_) {
      w[o] = std::min<std::int64_t>(votes_[o],
                                    static_cast<std::int64_t>(floor_of(times(lambda, rule_.divisor(published_[o])))));
      taken += votes_[o] - w[o];
    }
    for (const std::size_t g : gainers_) {  // give what was taken beyond the need
      const i128 room = floor_of(times(lambda, rule_.divisor(published_[g]))) - w[g];
      const i128 add = std::min(std::max<i128>(room, 0), taken - given);
      w[g] += static_cast<std::int64_t>(add);
      given += add;
    }
    for (const std::size_t o : losers_) {  // take what was given beyond the surplus
      const i128 floor_votes =
          published_[o] > 0 ? ceil_of(times(lambda, rule_.divisor(published_[o] - 1))) : static_cast<i128>(0);
      const i128 sub = std::min(std::max<i128>(w[o] - floor_votes, 0), given - taken);
      w[o] -= static_cast<std::int64_t>(sub);
      taken += sub;
    }
    if (given != taken) return std::nullopt;
    return w;
  }

 private:
  static Frac over_c(i128 c, const Rational& a) { return frac(c * a.den(), a.num()); }

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
  if (!search.range(total)) {
    result.note = "no move of votes between the differing lists gives the published seats";
    return result;
  }
  i128 bad = -1, good = total;
  while (good - bad > 1) {
    const i128 mid = bad + (good - bad) / 2;
    (search.range(mid) ? good : bad) = mid;
  }
  // The least t is exact for the inequalities; a tie at the chosen λ may still go the other way,
  // so confirm by recomputing, allowing a few more votes.
  for (i128 t = good; t <= good + 3 && t <= total; ++t) {
    const auto range = search.range(t);
    if (!range) continue;
    const Frac lambda = range->first == range->second ? range->first : simplest_between(range->first, range->second);
    const auto w = search.moved(lambda);
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
