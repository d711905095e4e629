// Biproportional lower apportionment by alternating scaling with exact divisor intervals, a
// feasibility check by maximum flow before it, and tie detection after it.
#include "seatsim/kernel/biproportional.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {
namespace {

Rational signpost(const Signposts& signposts, bool at_least_one, std::int64_t k) {
  return k == 0 && at_least_one ? Rational(0) : signposts.at(k);
}

i128 floor_div(i128 a, i128 b) {
  const i128 q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
i128 ceil_div(i128 a, i128 b) { return -floor_div(-a, b); }

constexpr i128 pow10(int e) {
  i128 p = 1;
  for (int i = 0; i < e; ++i) p *= 10;
  return p;
}

// An unsigned 192-bit product of a 128-bit and a 64-bit number, for exact comparisons of
// three-factor products of 64-bit integers.
struct U192 {
  std::uint64_t high = 0;
  u128 low = 0;
  friend bool operator==(const U192&, const U192&) = default;
  friend bool operator<(const U192& a, const U192& b) { return a.high != b.high ? a.high < b.high : a.low < b.low; }
};

U192 multiply(u128 x, std::uint64_t c) {
  const u128 low = static_cast<u128>(static_cast<std::uint64_t>(x)) * c;
  const u128 high = static_cast<u128>(static_cast<std::uint64_t>(x >> 64)) * c + (low >> 64);
  return {static_cast<std::uint64_t>(high >> 64), (high << 64) | static_cast<std::uint64_t>(low)};
}

// ---- feasibility: does any matrix with these margins fit the cells with votes? ----

struct FlowGraph {
  struct Edge {
    std::size_t to;
    std::int64_t capacity;
  };
  std::vector<Edge> edges;
  std::vector<std::vector<std::size_t>> out;

  explicit FlowGraph(std::size_t nodes) : out(nodes) {}
  void add(std::size_t from, std::size_t to, std::int64_t capacity) {
    out[from].push_back(edges.size());
    edges.push_back({to, capacity});
    out[to].push_back(edges.size());
    edges.push_back({from, 0});
  }
  // Edmonds-Karp: the graphs are small (districts + lists nodes).
  std::int64_t max_flow(std::size_t source, std::size_t sink) {
    std::int64_t total = 0;
    for (;;) {
      std::vector<std::size_t> via(out.size(), std::numeric_limits<std::size_t>::max());
      std::queue<std::size_t> queue;
      queue.push(source);
      via[source] = edges.size();
      while (!queue.empty() && via[sink] == std::numeric_limits<std::size_t>::max()) {
        const std::size_t node = queue.front();
        queue.pop();
        for (const std::size_t e : out[node])
          if (edges[e].capacity > 0 && via[edges[e].to] == std::numeric_limits<std::size_t>::max()) {
            via[edges[e].to] = e;
            queue.push(edges[e].to);
          }
      }
      if (via[sink] == std::numeric_limits<std::size_t>::max()) return total;
      std::int64_t push = std::numeric_limits<std::int64_t>::max();
      for (std::size_t node = sink; node != source; node = edges[via[node] ^ 1].to)
        push = std::min(push, edges[via[node]].capacity);
      for (std::size_t node = sink; node != source; node = edges[via[node] ^ 1].to) {
        edges[via[node]].capacity -= push;
        edges[via[node] ^ 1].capacity += push;
      }
      total += push;
    }
  }
  std::vector<bool> reachable(std::size_t source) const {
    std::vector<bool> seen(out.size(), false);
    std::vector<std::size_t> stack{source};
    seen[source] = true;
    while (!stack.empty()) {
      const std::size_t node = stack.back();
      stack.pop_back();
      for (const std::size_t e : out[node])
        if (edges[e].capacity > 0 && !seen[edges[e].to]) seen[edges[e].to] = true, stack.push_back(edges[e].to);
    }
    return seen;
  }
};

std::string join_names(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "'" : ", '") + name + "'";
  return text;
}

void check_feasible(const MatrixProblem& p, const std::vector<std::uint8_t>& winner) {
  const std::size_t rows = p.rows, cols = p.cols;
  std::vector<std::int64_t> row_need = p.row_seats, col_need = p.col_seats;
  for (std::size_t d = 0; d < rows; ++d)
    for (std::size_t c = 0; c < cols; ++c)
      if (winner[d * cols + c]) --row_need[d], --col_need[c];
  for (std::size_t c = 0; c < cols; ++c)
    if (col_need[c] < 0)
      throw Error("winner-take-one: list '" + p.col_names[c] + "' has the most votes in " +
                  std::to_string(p.col_seats[c] - col_need[c]) + " districts but only " +
                  std::to_string(p.col_seats[c]) + " seat(s) from the upper apportionment");
  for (std::size_t d = 0; d < rows; ++d) {
    if (row_need[d] < 0)
      throw Error("winner-take-one: district '" + p.row_names[d] + "' has more guaranteed seats than seats");
    bool any = false;
    for (std::size_t c = 0; c < cols; ++c) any = any || p.votes[d * cols + c] > 0;
    if (row_need[d] > 0 && !any)
      throw Error("district '" + p.row_names[d] + "' has " + std::to_string(p.row_seats[d]) +
                  " seat(s) but no list that takes part has votes there");
  }
  const std::size_t source = rows + cols, sink = source + 1;
  FlowGraph graph(sink + 1);
  std::int64_t demand = 0;
  for (std::size_t d = 0; d < rows; ++d) graph.add(source, d, row_need[d]), demand += row_need[d];
  for (std::size_t c = 0; c < cols; ++c) graph.add(rows + c, sink, col_need[c]);
  for (std::size_t d = 0; d < rows; ++d)
    for (std::size_t c = 0; c < cols; ++c)
      if (p.votes[d * cols + c] > 0) graph.add(d, rows + c, std::numeric_limits<std::int64_t>::max() / 4);
  if (graph.max_flow(source, sink) == demand) return;
  // Lists outside the source side have votes only in districts outside it, which cannot hold them.
  const std::vector<bool> side = graph.reachable(source);
  std::vector<std::string> lists, districts;
  std::int64_t need = 0, room = 0;
  for (std::size_t c = 0; c < cols; ++c)
    if (!side[rows + c] && col_need[c] > 0) lists.push_back(p.col_names[c]), need += p.col_seats[c];
  for (std::size_t d = 0; d < rows; ++d) {
    bool serves = false;
    for (std::size_t c = 0; c < cols; ++c)
      serves = serves || (!side[rows + c] && col_need[c] > 0 && p.votes[d * cols + c] > 0);
    if (serves) districts.push_back(p.row_names[d]), room += p.row_seats[d];
  }
  if (districts.empty())
    throw Error("no seat matrix fits: list(s) " + join_names(lists) + " are to get " + std::to_string(need) +
                " seat(s) but have no votes in any district with seats");
  throw Error("no seat matrix fits: list(s) " + join_names(lists) + " are to get " + std::to_string(need) +
              " seat(s) but the districts where they have votes (" + join_names(districts) + ") have only " +
              std::to_string(room));
}

// ---- ties: cells another valid matrix changes ----

// Directed graph on rows and columns: an edge row -> column where a cell could take one more seat
// at these divisors (its quotient is exactly on its next signpost), column -> row where it could
// give one up. A cycle is a transfer that keeps every margin: another valid matrix. Any valid
// matrix differs from this one only by such cycles at any certifying divisors, so the cells on
// cycles (edges inside one strongly connected component) are exactly the tied cells.
std::vector<std::uint8_t> find_ties(const MatrixProblem& p, const Signposts& signposts,
                                    const std::vector<std::uint8_t>& winner, const MatrixApportionment& result) {
  const std::size_t rows = p.rows, cols = p.cols, nodes = rows + cols;
  struct Arc {
    std::size_t from, to, cell;
  };
  std::vector<Arc> arcs;
  for (std::size_t d = 0; d < rows; ++d)
    for (std::size_t c = 0; c < cols; ++c) {
      const std::size_t cell = d * cols + c;
      if (p.votes[cell] <= 0) continue;
      const Rational scale = result.row_divisors[d] * result.col_divisors[c];
      const Rational v(p.votes[cell]);
      const std::int64_t x = result.seats[cell];
      if (v == signpost(signposts, winner[cell], x) * scale) arcs.push_back({d, rows + c, cell});
      if (x > 0) {
        const Rational below = signpost(signposts, winner[cell], x - 1);
        if (!below.is_zero() && v == below * scale) arcs.push_back({rows + c, d, cell});
      }
    }
  std::vector<std::uint8_t> tie(rows * cols, 0);
  if (arcs.empty()) return tie;
  // Kosaraju's strongly connected components, iteratively.
  std::vector<std::vector<std::size_t>> forward(nodes), backward(nodes);
  for (const Arc& arc : arcs) forward[arc.from].push_back(arc.to), backward[arc.to].push_back(arc.from);
  std::vector<std::size_t> order;
  std::vector<bool> seen(nodes, false);
  for (std::size_t start = 0; start < nodes; ++start) {
    if (seen[start]) continue;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
    seen[start] = true;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < forward[node].size()) {
        const std::size_t to = forward[node][next++];
        if (!seen[to]) seen[to] = true, stack.push_back({to, 0});
      } else {
        order.push_back(node);
        stack.pop_back();
      }
    }
  }
  std::vector<std::size_t> component(nodes, nodes);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (component[*it] != nodes) continue;
    std::vector<std::size_t> stack{*it};
    component[*it] = *it;
    while (!stack.empty()) {
      const std::size_t node = stack.back();
      stack.pop_back();
      for (const std::size_t from : backward[node])
        if (component[from] == nodes) component[from] = *it, stack.push_back(from);
    }
  }
  for (const Arc& arc : arcs)
    if (component[arc.from] == component[arc.to]) tie[arc.cell] = 1;
  return tie;
}

// Alternating scaling came back to where it was: the cells that change along the cycle (from the
// half-step `from` on) are those the votes leave undecided.
Error not_settling(const MatrixProblem& p, const std::vector<std::vector<std::int64_t>>& history, std::size_t from,
                   int steps) {
  std::string cells;
  for (std::size_t cell = 0; cell < p.rows * p.cols; ++cell) {
    bool changes = false;
    for (std::size_t k = from + 1; k < history.size(); ++k)
      changes = changes || history[k][cell] != history[from][cell];
    if (changes)
      cells += (cells.empty() ? "" : ", ") + p.col_names[cell % p.cols] + " in " + p.row_names[cell / p.cols];
  }
  return Error("tie in the biproportional lower apportionment: alternating scaling does not settle (after " +
               std::to_string(steps) + " steps), several seat matrices fit these votes" +
               (cells.empty() ? std::string() : ", differing in " + cells) +
               "; seatsim does not break it (statutes decide by lot): change a vote to decide it");
}

std::vector<std::int64_t> column_sums(const MatrixProblem& p, const std::vector<std::int64_t>& seats) {
  std::vector<std::int64_t> sums(p.cols, 0);
  for (std::size_t d = 0; d < p.rows; ++d)
    for (std::size_t c = 0; c < p.cols; ++c) sums[c] += seats[d * p.cols + c];
  return sums;
}

std::vector<std::int64_t> row_sums(const MatrixProblem& p, const std::vector<std::int64_t>& seats) {
  std::vector<std::int64_t> sums(p.rows, 0);
  for (std::size_t d = 0; d < p.rows; ++d)
    for (std::size_t c = 0; c < p.cols; ++c) sums[d] += seats[d * p.cols + c];
  return sums;
}

void validate(const MatrixProblem& p) {
  if (p.votes.size() != p.rows * p.cols || p.row_seats.size() != p.rows || p.col_seats.size() != p.cols ||
      (!p.at_least_one.empty() && p.at_least_one.size() != p.rows * p.cols) || p.row_names.size() != p.rows ||
      p.col_names.size() != p.cols)
    throw Error("biproportional: inconsistent matrix dimensions");
  std::int64_t row_total = 0, col_total = 0;
  for (const std::int64_t s : p.row_seats) {
    if (s < 0) throw Error("biproportional: negative district seats");
    row_total += s;
  }
  for (const std::int64_t s : p.col_seats) {
    if (s < 0) throw Error("biproportional: negative list seats");
    col_total += s;
  }
  for (const std::int64_t v : p.votes)
    if (v < 0) throw Error("biproportional: negative votes");
  if (row_total != col_total)
    throw Error("biproportional: the districts have " + std::to_string(row_total) + " seats but the lists " +
                std::to_string(col_total));
}

}  // namespace

std::string BiproportionalRule::describe() const {
  if (!enabled) return "none";
  std::string text = "biproportional";
  if (quorum_any_district) text += ", quorum " + quorum_any_district->to_string() + " in any district";
  if (quorum_total)
    text += std::string(quorum_any_district ? " or " : ", quorum ") + quorum_total->to_string() + " in total";
  if (list_votes) text += ", list votes";
  if (winner_take_one) text += ", winner takes one";
  return text;
}

Signposts::Signposts(const DivisorRule& rule) : rule_(rule) {
  if (rule.family() != DivisorRule::Family::linear)
    throw Error(
        "biproportional apportionment needs a divisor method with a linear divisor sequence "
        "(D'Hondt, Sainte-Laguë, ...), not Dean or Huntington-Hill");
}

VectorApportionment apportion_vector(std::span<const Rational> weights, std::span<const std::uint8_t> at_least_one,
                                     std::int64_t seats, const Signposts& signposts) {
  const std::size_t n = weights.size();
  const auto flagged = [&](std::size_t j) { return !at_least_one.empty() && at_least_one[j] != 0; };
  VectorApportionment out;
  out.seats.assign(n, 0);
  // The quotient weight / s(k) = (a/b) / (c/scale), compared without forming fractions (this is
  // the hot loop of alternating scaling): a1/(b1·c1) < a2/(b2·c2) ⇔ a1·b2·c2 < a2·b1·c1, exact in
  // 192 bits; c = 0 (a guaranteed first seat) is infinite.
  struct Entry {
    std::size_t j;
    std::int64_t c;  // the signpost numerator of the list's next seat
  };
  const auto lower = [&](const Entry& x, const Entry& y) {
    const bool x_infinite = x.c == 0, y_infinite = y.c == 0;
    if (x_infinite != y_infinite) return y_infinite;
    const Rational& wx = weights[x.j];
    const Rational& wy = weights[y.j];
    if (!x_infinite) {
      const U192 left =
          multiply(static_cast<u128>(wx.num()) * static_cast<u128>(wy.den()), static_cast<std::uint64_t>(y.c));
      const U192 right =
          multiply(static_cast<u128>(wy.num()) * static_cast<u128>(wx.den()), static_cast<std::uint64_t>(x.c));
      if (left != right) return left < right;
    } else if (wx != wy) {
      return wx < wy;
    }
    return x.j > y.j;
  };
  const auto next = [&](std::size_t j) {
    return Entry{j, flagged(j) && out.seats[j] == 0 ? 0 : signposts.scaled(out.seats[j])};
  };
  std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> queue(lower);
  for (std::size_t j = 0; j < n; ++j)
    if (weights[j] > Rational(0)) queue.push(next(j));
  if (seats > 0 && queue.empty()) throw Error("biproportional: seats to give but no votes");
  for (std::int64_t k = 0; k < seats; ++k) {
    const std::size_t j = queue.top().j;
    queue.pop();
    ++out.seats[j];
    queue.push(next(j));
  }
  bool have_lo = false;
  for (std::size_t j = 0; j < n; ++j) {
    if (!(weights[j] > Rational(0))) continue;
    const Rational above = signpost(signposts, flagged(j), out.seats[j]);
    if (above.is_zero()) throw Error("biproportional: a guaranteed first seat finds no seat to take");
    const Rational bound = weights[j] / above;
    if (!have_lo || bound > out.lo) out.lo = bound, have_lo = true;
    if (out.seats[j] > 0) {
      const Rational below = signpost(signposts, flagged(j), out.seats[j] - 1);
      if (below.is_zero()) continue;
      const Rational upper = weights[j] / below;
      if (!out.hi || upper < *out.hi) out.hi = upper;
    }
  }
  return out;
}

Rational pick_divisor(const Rational& lo, const std::optional<Rational>& hi) {
  if (hi && lo == *hi) return lo;
  const Rational top = hi ? *hi : lo * Rational(2) + Rational(1);
  for (int e = 18; e >= -18; --e) {
    // Multiples m·10^e strictly between lo and top.
    const i128 scale = pow10(e < 0 ? -e : e);
    const i128 lo_num = e < 0 ? static_cast<i128>(lo.num()) * scale : lo.num();
    const i128 lo_den = e < 0 ? static_cast<i128>(lo.den()) : static_cast<i128>(lo.den()) * scale;
    const i128 top_num = e < 0 ? static_cast<i128>(top.num()) * scale : top.num();
    const i128 top_den = e < 0 ? static_cast<i128>(top.den()) : static_cast<i128>(top.den()) * scale;
    const i128 first = floor_div(lo_num, lo_den) + 1;
    const i128 last = ceil_div(top_num, top_den) - 1;
    if (first > last) continue;
    const i128 m = floor_div(first + last, 2);
    const i128 limit = std::numeric_limits<std::int64_t>::max();
    if (e >= 0) {
      if (m > limit / scale) break;
      return Rational(static_cast<std::int64_t>(m * scale));
    }
    if (m > limit) break;
    return Rational(static_cast<std::int64_t>(m), static_cast<std::int64_t>(scale));
  }
  return (lo + top) / Rational(2);  // no short decimal fits: the exact middle
}

bool certifies(const MatrixProblem& p, const Signposts& signposts, const MatrixApportionment& result) {
  for (std::size_t d = 0; d < p.rows; ++d)
    for (std::size_t c = 0; c < p.cols; ++c) {
      const std::size_t cell = d * p.cols + c;
      const bool winner = !p.at_least_one.empty() && p.at_least_one[cell] != 0;
      const std::int64_t x = result.seats[cell];
      if (p.votes[cell] == 0) {
        if (x != 0) return false;
        continue;
      }
      const Rational q = Rational(p.votes[cell]) / (result.row_divisors[d] * result.col_divisors[c]);
      if (q > signpost(signposts, winner, x)) return false;
      if (x > 0 && q < signpost(signposts, winner, x - 1)) return false;
    }
  return true;
}

MatrixApportionment apportion_matrix(const MatrixProblem& problem, const DivisorRule& rule) {
  validate(problem);
  const Signposts signposts(rule);
  const std::size_t rows = problem.rows, cols = problem.cols;
  std::vector<std::uint8_t> winner =
      problem.at_least_one.empty() ? std::vector<std::uint8_t>(rows * cols, 0) : problem.at_least_one;
  for (std::size_t cell = 0; cell < rows * cols; ++cell)
    if (problem.votes[cell] == 0) winner[cell] = 0;
  check_feasible(problem, winner);

  MatrixApportionment result;
  result.seats.assign(rows * cols, 0);
  result.row_divisors.assign(rows, Rational(1));
  result.col_divisors.assign(cols, Rational(1));
  // The matrix after every half-step, and the list divisors after each column step with the index
  // of their matrix: the same list divisors again mean alternating scaling goes round in a cycle.
  std::map<std::vector<Rational>, std::size_t> seen;
  std::vector<std::vector<std::int64_t>> history;
  constexpr int max_steps = 10000;
  try {
    for (;;) {
      // Row step: every district's seats with the current list divisors.
      for (std::size_t d = 0; d < rows; ++d) {
        std::vector<Rational> weights(cols);
        for (std::size_t c = 0; c < cols; ++c) {
          const std::int64_t v = problem.votes[d * cols + c];
          weights[c] = v > 0 ? Rational(v) / result.col_divisors[c] : Rational(0);
        }
        const VectorApportionment row = apportion_vector(
            weights, std::span<const std::uint8_t>(winner.data() + d * cols, cols), problem.row_seats[d], signposts);
        for (std::size_t c = 0; c < cols; ++c) result.seats[d * cols + c] = row.seats[c];
        result.row_divisors[d] = pick_divisor(row.lo, row.hi);
      }
      ++result.steps;
      if (column_sums(problem, result.seats) == problem.col_seats) break;
      history.push_back(result.seats);
      // Column step: every list's seats with the current district divisors.
      for (std::size_t c = 0; c < cols; ++c) {
        std::vector<Rational> weights(rows);
        std::vector<std::uint8_t> flags(rows);
        for (std::size_t d = 0; d < rows; ++d) {
          const std::int64_t v = problem.votes[d * cols + c];
          weights[d] = v > 0 ? Rational(v) / result.row_divisors[d] : Rational(0);
          flags[d] = winner[d * cols + c];
        }
        const VectorApportionment column = apportion_vector(weights, flags, problem.col_seats[c], signposts);
        for (std::size_t d = 0; d < rows; ++d) result.seats[d * cols + c] = column.seats[d];
        result.col_divisors[c] = pick_divisor(column.lo, column.hi);
      }
      ++result.steps;
      if (row_sums(problem, result.seats) == problem.row_seats) break;
      history.push_back(result.seats);
      const auto [previous, fresh] = seen.emplace(result.col_divisors, history.size() - 1);
      if (!fresh) throw not_settling(problem, history, previous->second, result.steps);
      if (result.steps >= max_steps) throw not_settling(problem, history, 0, result.steps);
    }
  } catch (const Error& error) {
    // Divisors picked exactly at ties along a drift that never settles outgrow 64-bit fractions.
    if (error.message().rfind("number out of range", 0) != 0) throw;
    if (history.size() < 2)
      throw Error("biproportional: the divisors outgrow exact 64-bit fractions; this input is out of range");
    throw not_settling(problem, history, history.size() - std::min<std::size_t>(history.size(), 8), result.steps);
  }
  result.tie = find_ties(problem, signposts, winner, result);
  result.tied = std::any_of(result.tie.begin(), result.tie.end(), [](std::uint8_t t) { return t != 0; });
  return result;
}

}  // namespace seatsim
