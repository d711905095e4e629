#include "seatsim/kernel/tie_rule.hpp"

#include <algorithm>

#include "seatsim/core/error.hpp"
#include "seatsim/kernel/lot_record.hpp"

namespace seatsim {
namespace {

std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr std::string_view names[] = {"more-votes", "fewer-votes", "list-order", "lot", "error"};

}  // namespace

TieRule tie_rule_by_name(std::string_view name) {
  for (std::size_t i = 0; i < std::size(names); ++i)
    if (names[i] == name) return static_cast<TieRule>(i);
  throw Error("unknown tie rule '" + std::string(name) + "' (known: more-votes, fewer-votes, list-order, lot, error)");
}

std::string_view tie_rule_name(TieRule rule) noexcept { return names[static_cast<std::size_t>(rule)]; }

std::vector<std::string> tie_rule_names() { return {std::begin(names), std::end(names)}; }

std::uint64_t stream_key(std::string_view name) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

std::vector<std::size_t> TieBreak::choose(std::span<const std::size_t> candidates, std::span<const std::int64_t> votes,
                                          std::size_t count) const {
  if (rule == TieRule::error)
    throw TieError((context.empty() ? std::string("tie") : "tie in " + context) + ": " +
                   std::to_string(candidates.size()) + " lists have equal quotients for " + std::to_string(count) +
                   " seat(s), and the tie rule is 'error'");
  std::vector<std::size_t> order(candidates.begin(), candidates.end());
  const auto lot_key = [&](std::size_t list) {
    const std::uint64_t key = list < list_keys.size() ? list_keys[list] : list;
    return splitmix64(seed ^ splitmix64(stream ^ splitmix64(key)));
  };
  const auto by_lot = [&](std::size_t a, std::size_t b) { return lot_key(a) < lot_key(b); };
  switch (rule) {
    case TieRule::list_order:
      break;
    case TieRule::lot:
      std::stable_sort(order.begin(), order.end(), by_lot);
      break;
    case TieRule::more_votes:
    case TieRule::fewer_votes:
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (votes[a] != votes[b]) return rule == TieRule::more_votes ? votes[a] > votes[b] : votes[a] < votes[b];
        return by_lot(a, b);
      });
      break;
    case TieRule::error:
      break;
  }
  // Provenance: a lot decided when it ordered the lists at the cut (LotRecord).
  if (count < order.size()) {
    const bool by_votes = rule == TieRule::more_votes || rule == TieRule::fewer_votes;
    if (rule == TieRule::lot || (by_votes && count > 0 && votes[order[count - 1]] == votes[order[count]]))
      LotRecord::report();
  }
  order.resize(count);
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace seatsim
