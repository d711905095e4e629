#pragma once
// The record of how leveling (adjustment) seats were placed, seat by seat, for `seatsim explain`:
// the order of the award, the comparison number that won each seat, and the candidates passed over
// on the way with the reason. Placement rules fill it as they decide; nothing here decides a seat.
#include <cstdint>
#include <string>
#include <vector>

#include "seatsim/core/priority.hpp"
#include "seatsim/core/rational.hpp"

namespace seatsim {

// A party in a district, with its comparison number there (exact) and the divisor behind it.
struct LevelingCandidate {
  std::string party;
  std::string district;
  Priority comparison;
  Rational divisor;
};

struct SkippedCandidate {
  LevelingCandidate candidate;
  std::string reason;  // "district has its leveling seat already", "party has no votes there", ...
};

// One leveling seat: step 1 is the first placed. `skipped` are the candidates passed over since the
// previous award (rules that walk one ranking) or for this seat (rules that search per seat).
struct LevelingAward {
  std::int64_t step = 0;
  LevelingCandidate seat;
  bool tie = false;  // a tie rule chose among equal comparison numbers
  std::vector<SkippedCandidate> skipped;
};

// A district seat a party gives back because it won more district seats than its national share
// (Sweden): the seat, with the comparison number it had been won with.
struct ReturnedSeat {
  LevelingCandidate seat;
  bool tie = false;
};

// The comparison number in lowest terms, for display ("1234/567").
std::string exact_text(const Priority& value);
// The comparison number as a decimal with `digits` places, exactly rounded, for display only.
std::string decimal_text(const Priority& value, int digits = 4);

// Placement by region (Denmark, § 78): one party in one region — its votes and district seats there,
// and the leveling seats the region step gave it.
struct RegionShare {
  std::string party;
  std::string region;
  std::int64_t votes = 0;
  std::int64_t district_seats = 0;
  std::int64_t leveling_seats = 0;
};

}  // namespace seatsim
