#pragma once
// Seat bounds: a minimum and/or a maximum number of seats per list (the US House's seat per state,
// the European Parliament's 6 to 96 per country), for divisor methods. The bounded divisor method
// gives list i the seats min(max(round_D(v_i / D), lo_i), hi_i) for a divisor D that fills the
// house; that is the same as handing out seats one by one, from the minimums up, by the method's
// priorities, passing over lists at their maximum (Pukelsheim, Proportional Representation, ch. 6;
// BAZI's "Min"/"Max"/"Range" restrictions).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "seatsim/kernel/allocation.hpp"

namespace seatsim {

struct SeatBound {
  std::int64_t min = 0;
  std::optional<std::int64_t> max;  // none: no cap
};

// The bounds of a rule: one minimum and maximum for every list, and per-list overrides (a bounds
// file `party,min,max`; an empty field there takes the general value).
struct SeatBounds {
  std::optional<std::int64_t> min_seats;
  std::optional<std::int64_t> max_seats;
  struct Override {
    std::optional<std::int64_t> min, max;
  };
  std::map<std::string, Override> per_list;

  bool empty() const noexcept { return !min_seats && !max_seats && per_list.empty(); }
  SeatBound for_list(std::string_view party) const;
  std::string describe() const;  // "min 2, max 96; per list: ..." or "none"
};

// Seats for one district under bounds (one per list), exactly, with ties detected at the last
// seat above the minimums and broken by `ties`. A list without votes takes its minimum and no
// more. Throws seatsim::Error when the bounds cannot be met: a minimum above its maximum, the
// minimums above `seats`, or the maximums (of lists with votes) below `seats`.
DistrictSeats allocate_bounded(std::span<const std::int64_t> votes, std::int64_t seats, const DivisorRule& rule,
                               std::span<const SeatBound> bounds, const TieBreak& ties);

}  // namespace seatsim
