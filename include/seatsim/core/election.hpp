#pragma once
// The election model every command works on: districts with their seat totals, and in each
// district the lists in input order with their votes and, when known, the published seats.
// I/O builds it, scenario operations transform it, the kernel allocates it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/alliance.hpp"
#include "seatsim/core/constituency.hpp"

namespace seatsim {

// Hard limits, documented in the README and enforced by the readers.
inline constexpr std::int64_t max_votes = 1'000'000'000'000;  // per list
inline constexpr std::int64_t max_seats = 1'000'000;          // per district
// The whole election: with lists at most max_votes, no sum of votes can overflow 64 bits.
inline constexpr std::int64_t max_total_votes = 1'000'000'000'000'000'000;

struct ListResult {
  std::string party;
  std::int64_t votes = 0;
  std::optional<std::int64_t> published_seats;
  std::optional<std::int64_t> published_district_seats;  // multi-tier results
  std::optional<std::int64_t> published_leveling_seats;
  std::string quota_group;  // non-empty: the list competes only for its group's reserved seat
  std::size_t line = 0;     // where it was read, for error messages (0: not from a file)
};

struct District {
  std::string name;
  std::int64_t seats = 0;     // all seats, reserved ones included
  std::int64_t reserved = 0;  // minority quota seats inside `seats`
  std::vector<ListResult> lists;
  std::vector<Alliance> alliances = {};  // list alliances: seats go to groups first (seatsim/core/alliance.hpp)
  // Its population where the law apportions seats to districts by it (districts.csv `population`:
  // the Bundestag's 2013 law gives each Land its share of 598 seats by its German population).
  std::optional<std::int64_t> population = {};

  std::int64_t total_votes() const noexcept;
  bool has_published() const noexcept;  // every list has published_seats
};

struct Election {
  std::vector<District> districts;
  std::string source;  // the file it was read from, for error messages
  // Mixed-member elections: the constituency winners (seatsim/core/constituency.hpp) and their file.
  std::vector<ConstituencyResult> constituencies = {};
  std::string constituencies_source = {};

  std::int64_t total_votes() const noexcept;
  std::int64_t total_seats() const noexcept;
  const District* find(const std::string& district) const noexcept;
  // True when some list publishes leveling seats: a multi-tier result, compared tier by tier.
  bool has_published_tiers() const noexcept;
};

// The district tier of a multi-tier result: a copy whose lists' published_seats are their
// published district seats (where known), for analyses of the district allocations alone.
Election district_tier_published(const Election& election);

}  // namespace seatsim
