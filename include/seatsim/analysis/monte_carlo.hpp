#pragma once
// Monte Carlo seat distributions. Each draw perturbs every district's votes by a noise model,
// applies the whole rule (threshold on the drawn votes, reserved seats, the batched kernel),
// and counts seats: per party nationally, per list in each district, per coalition. Under a rule
// with tiers (leveling seats, a biproportional apportionment) or seat bounds, each drawn election
// is allocated whole by `allocate(election, rule)` instead, and a list's seats are its total
// seats (district + leveling); the votes drawn are the same either way.
//
// The result of any set of draws is a set of integer histograms (SimulationCounts). Counts add
// exactly and in any order, and every draw's random numbers depend only on (seed, draw,
// district), so the totals, and everything derived from them, are byte-identical whether the
// draws ran on one thread, many threads, or many MPI ranks.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "seatsim/analysis/index_distribution.hpp"
#include "seatsim/analysis/noise_model.hpp"
#include "seatsim/core/election.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/rule.hpp"

namespace seatsim {

// Histograms of seats over draws, flattened into one array (layout: Simulation's offsets).
struct SimulationCounts {
  std::vector<std::uint64_t> bins;
  std::uint64_t draws = 0;
  // The disproportionality indices over the draws; empty unless the Simulation tracks them.
  IndexDistributions indices;

  void add(const SimulationCounts& other);
};

// One seat distribution: counts[k] draws gave k seats.
struct SeatDistribution {
  std::span<const std::uint64_t> counts;
  std::uint64_t draws = 0;

  double mean() const noexcept;
  double standard_deviation() const noexcept;  // over the draws (divisor N)
  // The smallest k with P(seats ≤ k) ≥ percent/100, exactly from the counts.
  std::int64_t quantile(unsigned percent) const noexcept;
  std::uint64_t at_least(std::int64_t seats) const noexcept;  // draws with ≥ seats
  std::int64_t min_seen() const noexcept;
  std::int64_t max_seen() const noexcept;
};

// Called now and then from the thread that called run(), with the draws done so far.
using SimulationProgress = std::function<void(std::uint64_t done)>;

class Simulation {
 public:
  // `coalitions` as written on the command line, "A+B+C" (party names joined by '+'; a name
  // that itself contains '+' is matched whole first). Throws seatsim::Error for a coalition
  // naming an unknown party, or for an election the rule cannot allocate.
  Simulation(const Election& election, const Rule& rule, NoiseModel noise, std::uint64_t seed,
             const std::vector<std::string>& coalitions = {});

  // Also tally every draw's disproportionality indices (index_distribution.hpp) into the counts'
  // `indices`: off by default, since it costs about as much as the allocation itself.
  void track_indices() noexcept { track_indices_ = true; }
  bool tracks_indices() const noexcept { return track_indices_; }

  // The counts of draws [first, last). `threads` = 0 uses every core.
  SimulationCounts run(std::uint64_t first, std::uint64_t last, unsigned threads = 0,
                       const SimulationProgress& progress = {}) const;

  const Election& election() const noexcept { return election_; }
  const Rule& rule() const noexcept { return rule_; }
  const NoiseModel& noise() const noexcept { return noise_; }
  std::uint64_t seed() const noexcept { return seed_; }
  // The house: every district's seats, plus the leveling seats under a leveling tier (a mixed-member rule:
  // its house_seats, or the districts' seats before any overhang).
  std::int64_t total_seats() const noexcept { return total_seats_; }
  // Whether draws are allocated whole (a rule with tiers or seat bounds) rather than batched.
  bool whole_election_draws() const noexcept { return whole_election_; }
  // The allocation of the votes as cast, for reference beside the distributions.
  const ElectionOutcome& cast_outcome() const noexcept { return cast_outcome_; }

  // Parties nationally, in order of first appearance; coalitions as named.
  const std::vector<std::string>& parties() const noexcept { return parties_; }
  const std::vector<std::string>& coalitions() const noexcept { return coalition_names_; }
  std::int64_t cast_party_seats(std::size_t party) const;
  std::int64_t cast_coalition_seats(std::size_t coalition) const;

  SeatDistribution party(const SimulationCounts& counts, std::size_t party) const;
  SeatDistribution list(const SimulationCounts& counts, std::size_t district, std::size_t list) const;
  SeatDistribution coalition(const SimulationCounts& counts, std::size_t coalition) const;
  // The draws in which a party (a coalition) held more than half of that draw's House: all seats, or under a
  // mixed-member rule the House the draw elected (New Zealand's grows by overhang).
  std::uint64_t party_majorities(const SimulationCounts& counts, std::size_t party) const;
  std::uint64_t coalition_majorities(const SimulationCounts& counts, std::size_t coalition) const;

  std::size_t bin_count() const noexcept { return bins_; }

 private:
  struct Block;
  void run_block(std::uint64_t first, std::uint64_t count, Block& block, SimulationCounts& counts) const;
  void draw_votes(std::uint64_t first, std::uint64_t count, Block& block) const;
  void allocate_batched(std::uint64_t count, Block& block, SimulationCounts& counts) const;
  void allocate_whole(std::uint64_t first, std::uint64_t count, Block& block, SimulationCounts& counts) const;
  void count_parties(std::uint64_t count, const Block& block, SimulationCounts& counts) const;
  void count_indices(std::uint64_t count, const Block& block, SimulationCounts& counts) const;

  Election election_;
  Rule rule_;
  NoiseModel noise_;
  std::uint64_t seed_ = 0;
  ElectionOutcome cast_outcome_;
  std::int64_t total_seats_ = 0;
  std::size_t majority_offset_ = 0;  // bins: one majority count per party, then per coalition
  std::int64_t max_house_ = 0;       // the most seats a draw's House can have (a mixed-member House grows)
  bool whole_election_ = false;
  bool track_indices_ = false;

  std::vector<DistrictNoise> district_noise_;
  std::vector<std::string> parties_;
  std::vector<std::vector<std::size_t>> list_party_;           // district, list -> party
  std::vector<std::vector<std::size_t>> general_lists_;        // district -> lists in the general allocation
  std::vector<std::vector<std::uint64_t>> general_keys_;       // district -> their tie keys
  std::vector<std::vector<std::vector<std::size_t>>> groups_;  // district -> reserved groups' lists
  // district, list: the list's own threshold; absent for lists the threshold does not concern
  // (exempt, reserved seats, or no threshold at all).
  std::vector<std::vector<std::optional<std::optional<ThresholdValue>>>> thresholds_;
  std::vector<std::string> coalition_names_;
  std::vector<std::vector<std::size_t>> coalition_parties_;

  // Histogram layout in SimulationCounts::bins.
  std::vector<std::size_t> party_offset_, party_size_;
  std::vector<std::vector<std::size_t>> list_offset_;
  std::vector<std::size_t> list_size_;  // per district: the most seats one of its lists can hold, + 1
  std::vector<std::size_t> coalition_offset_, coalition_size_;
  std::size_t bins_ = 0;
};

}  // namespace seatsim
