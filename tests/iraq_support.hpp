#pragma once
// Independent reference computations for the Iraq 2013 and comparator tests: a seat-by-seat
// divisor allocation with exact fractions (no code shared with the kernel), and readers of the
// checked-in data set. Deliberately naive: it is the yardstick, not the thing measured.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "seatsim/core/int128.hpp"
#include "support.hpp"

namespace seatsim::test {

struct Fraction {
  i128 num = 0, den = 1;  // den > 0
};
inline bool less(const Fraction& a, const Fraction& b) { return a.num * b.den < b.num * a.den; }
inline bool equal(const Fraction& a, const Fraction& b) { return a.num * b.den == b.num * a.den; }

// Divisors d(0) = first, d(k) = a + b·k for k ≥ 1 (Sainte-Laguë: a = 1, b = 2; D'Hondt: a = 1, b = 1).
struct Divisors {
  Fraction first{1, 1};
  i128 a = 1, b = 2;
  Fraction at(std::int64_t k) const { return k == 0 ? first : Fraction{a + b * k, 1}; }
};

// Seat by seat: the largest votes / d(seats) wins; equal quotients go to the list with more votes.
inline std::vector<std::int64_t> naive_allocation(const std::vector<std::int64_t>& votes, std::int64_t seats,
                                                  const Divisors& divisors) {
  std::vector<std::int64_t> held(votes.size(), 0);
  for (std::int64_t s = 0; s < seats; ++s) {
    std::size_t best = votes.size();
    for (std::size_t i = 0; i < votes.size(); ++i) {
      if (votes[i] <= 0) continue;
      if (best == votes.size()) {
        best = i;
        continue;
      }
      const Fraction di = divisors.at(held[i]), db = divisors.at(held[best]);
      // votes_i / di vs votes_best / db, with d = num/den: v_i·den_i·num_b vs v_b·den_b·num_i
      const i128 lhs = static_cast<i128>(votes[i]) * di.den * db.num;
      const i128 rhs = static_cast<i128>(votes[best]) * db.den * di.num;
      if (lhs > rhs || (lhs == rhs && votes[i] > votes[best])) best = i;
    }
    ++held[best];
  }
  return held;
}

struct IraqList {
  std::string party;
  std::int64_t votes = 0;
  std::string published;  // as in the file ("" when blank)
  std::string quota;
};
struct IraqDistrict {
  std::string name;
  std::int64_t seats = 0, reserved = 0;
  std::vector<IraqList> lists;
};

// The checked-in data set, read with the CSV parser only.
inline std::vector<IraqDistrict> read_iraq_dataset(const fs::path& folder) {
  std::vector<IraqDistrict> districts;
  for (const auto& row : csv_records(read_text_file((folder / "districts.csv").string())))
    districts.push_back({row.at("district"), std::stoll(row.at("seats")), std::stoll(row.at("reserved")), {}});
  for (const auto& row : csv_records(read_text_file((folder / "results.csv").string()))) {
    auto it =
        std::find_if(districts.begin(), districts.end(), [&](const auto& d) { return d.name == row.at("district"); });
    if (it != districts.end())
      it->lists.push_back({row.at("party"), std::stoll(row.at("votes")), row.at("published_seats"), row.at("quota")});
  }
  return districts;
}

}  // namespace seatsim::test
