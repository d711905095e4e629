#pragma once
// Comparing a recomputation with a published result: per district, whether the seats match,
// and for each district that does not, which lists differ, the quotients that decided the seats
// in question, how many votes would have had to move for the published outcome, and which first
// divisors would reproduce it — so that a reader can tell a data error from a rule question.
// The result is plain data: the CLI, the Python bindings and the web UI render it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/analysis/rule_fit.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/kernel/quotient.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

enum class DistrictMatch {
  matched,            // every list's published seats equal the recomputed ones
  differs,            // the published seats add up, but some list differs
  published_total,    // the published seats do not add up to the district's seats: a data error
  published_missing,  // some list has no published seats (a blank cell): nothing to compare it with
};
std::string_view district_match_name(DistrictMatch match) noexcept;

struct ListComparison {
  std::optional<std::int64_t> published;  // none: blank in the source (with tiers: their sum)
  std::int64_t seats = 0;                 // recomputed (with tiers: their sum)
  // A multi-tier result is compared tier by tier (interface.md): both tiers must match.
  bool tiered = false;
  std::optional<std::int64_t> published_district, published_leveling;
  std::int64_t district_seats = 0, leveling_seats = 0;  // recomputed
  bool reserved_seat = false;                           // recomputed: holds its group's reserved seat
  bool tie = false;                                     // a tie decided its last seat or the seat it missed
  std::optional<std::int64_t> diff() const {
    return published ? std::optional<std::int64_t>(seats - *published) : std::nullopt;
  }
  // The difference in the district tier (all seats without tiers) and in the leveling tier.
  std::optional<std::int64_t> district_diff() const {
    if (!tiered) return diff();
    return published_district ? std::optional<std::int64_t>(district_seats - *published_district) : std::nullopt;
  }
  std::int64_t leveling_diff() const { return tiered ? leveling_seats - published_leveling.value_or(0) : 0; }
};

// The seat of a differing list that the recomputation and the publication disagree on: for a list
// the recomputation favours, the last seat it was awarded; for a list the publication favours,
// the first seat it missed.
struct DisputedSeat {
  Quotient quotient;
  bool awarded = false;  // true: recomputed but not published; false: published but not recomputed
};

// The fewest votes that, moved from the lists the recomputation favours to those the publication
// favours (every other list unchanged), make the same rule give the published seats. Found exactly
// and verified by recomputing the moved votes; `found` is false when no such move exists (or the
// method has irrational divisors), with the reason in `note`.
struct VotesToMove {
  bool found = false;
  std::int64_t votes = 0;
  std::vector<std::size_t> from, to;  // list indices
  std::string note;
};

struct DistrictComparison {
  std::string district;
  std::int64_t seats = 0, reserved = 0, general_seats = 0, unfilled_reserved = 0;
  std::int64_t published_total = 0;  // the sum of the known published seats
  DistrictMatch match = DistrictMatch::matched;
  std::vector<ListComparison> lists;  // in input order
  std::int64_t seats_differing = 0;   // seats that change hands (a missing seat counts as one)
  // The recomputation's boundary (divisor methods): the last seat awarded and the first missed.
  std::optional<Quotient> last_awarded, first_missed;
  std::vector<DisputedSeat> disputed;   // divisor methods, match == differs or published_missing
  std::optional<VotesToMove> to_move;   // match == differs, divisor methods
  std::optional<FirstDivisorSet> fits;  // match == differs, linear divisor methods
  std::string explanation;              // one line: what the difference is
};

struct Comparison {
  std::vector<DistrictComparison> districts;
  std::vector<std::string> notes;  // ties and unfilled reserved seats, one line each

  std::size_t matched() const noexcept;
  std::int64_t seats_differing() const noexcept;
  bool all_matched() const noexcept { return matched() == districts.size(); }
  // "districts matched: M/N, seats differing: K"
  std::string summary_line() const;
};

// Recomputes `election` (seat totals applied) under `rule` and compares with its published
// seats; a result with published district and leveling seats tier by tier. Throws seatsim::Error
// when no list has published seats, or for an impossible district.
Comparison compare(const Election& election, const Rule& rule);

// The comparison as JSON (districts with lists, quotients exact and as decimals, the summary).
Json comparison_to_json(const Election& election, const Comparison& comparison);

}  // namespace seatsim
