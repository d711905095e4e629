#pragma once
// How a tie is broken when equal priorities compete for fewer seats than there are lists.
// more-votes and fewer-votes fall back to lot when the votes are equal too; lot is a
// reproducible draw keyed by (seed, district, list) so that a result never depends on the
// order in which districts are processed or on the thread that processes them.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace seatsim {

enum class TieRule { more_votes, fewer_votes, list_order, lot, error };

TieRule tie_rule_by_name(std::string_view name);  // throws seatsim::Error
std::string_view tie_rule_name(TieRule rule) noexcept;
std::vector<std::string> tie_rule_names();  // every rule's name, in a stable order

struct TieBreak {
  TieRule rule = TieRule::more_votes;
  std::uint64_t seed = 0;
  std::uint64_t stream = 0;  // the district's key (a hash of its name): lot draws differ per district
  std::string context;       // the district's name, for the message of TieRule::error
  // Per list, a key that identifies it under lot (a hash of its name, so that reordering the
  // lists does not change a draw). Empty: the list's index is its key.
  std::span<const std::uint64_t> list_keys;

  // From `candidates` (indices into `votes`, in list order), picks `count` winners.
  // Returns the winners in list order. Throws TieError under TieRule::error.
  std::vector<std::size_t> choose(std::span<const std::size_t> candidates, std::span<const std::int64_t> votes,
                                  std::size_t count) const;
};

// A stable 64-bit key of a name (FNV-1a), for TieBreak::stream and TieBreak::list_keys.
std::uint64_t stream_key(std::string_view name) noexcept;

}  // namespace seatsim
