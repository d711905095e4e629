#include "seatsim/analysis/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/batch.hpp"

namespace seatsim {
namespace {

// Draws per block: the columns of one batched-kernel call. Blocks are only a unit of work; every
// draw's numbers depend on the draw alone, so the block size never changes a result.
constexpr std::uint64_t block_draws = 256;

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

void SimulationCounts::add(const SimulationCounts& other) {
  if (bins.size() < other.bins.size()) bins.resize(other.bins.size(), 0);
  for (std::size_t i = 0; i < other.bins.size(); ++i) bins[i] += other.bins[i];
  draws += other.draws;
  indices.merge(other.indices);
}

double SeatDistribution::mean() const noexcept {
  if (draws == 0) return 0;
  u128 sum = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) sum += static_cast<u128>(counts[k]) * k;
  return static_cast<double>(sum) / static_cast<double>(draws);
}

double SeatDistribution::standard_deviation() const noexcept {
  if (draws == 0) return 0;
  // N·Σk²c − (Σkc)², exactly in integers, then one division: the same bits however the counts
  // were gathered.
  u128 sum = 0, squares = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    sum += static_cast<u128>(counts[k]) * k;
    squares += static_cast<u128>(counts[k]) * k * k;
  }
  const u128 spread = static_cast<u128>(draws) * squares - sum * sum;
  return std::sqrt(static_cast<double>(spread)) / static_cast<double>(draws);
}

std::int64_t SeatDistribution::quantile(unsigned percent) const noexcept {
  u128 cumulative = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    cumulative += counts[k];
    if (cumulative * 100 >= static_cast<u128>(percent) * draws && cumulative > 0) return static_cast<std::int64_t>(k);
  }
  return static_cast<std::int64_t>(counts.empty() ? 0 : counts.size() - 1);
}

std::uint64_t SeatDistribution::at_least(std::int64_t seats) const noexcept {
  std::uint64_t total = 0;
  for (std::size_t k = static_cast<std::size_t>(std::max<std::int64_t>(seats, 0)); k < counts.size(); ++k)
    total += counts[k];
  return total;
}

std::int64_t SeatDistribution::min_seen() const noexcept {
  for (std::size_t k = 0; k < counts.size(); ++k)
    if (counts[k] > 0) return static_cast<std::int64_t>(k);
  return 0;
}

std::int64_t SeatDistribution::max_seen() const noexcept {
  for (std::size_t k = counts.size(); k-- > 0;)
    if (counts[k] > 0) return static_cast<std::int64_t>(k);
  return 0;
}

Simulation::Simulation(const Election& election, const Rule& rule, NoiseModel noise, std::uint64_t seed,
                       const std::vector<std::string>& coalitions)
    : election_(election), rule_(rule), noise_(std::move(noise)), seed_(seed) {
  cast_outcome_ = allocate(election_, rule_);  // validates the election under the rule
  // Alliances pool votes across lists: only the exact whole-election path knows them.
  whole_election_ = rule_.tiered() || !rule_.bounds.empty() || has_alliances(election_);
  const bool leveling = rule_.leveling.enabled();
  total_seats_ = election_.total_seats() + (leveling ? rule_.leveling.seats : 0);
  max_house_ = total_seats_;
  if (rule_.mixed_member.enabled()) {
    // A mixed-member House is fixed nationally (Germany: house_seats, which one party's Land list may
    // approach) or grows by overhang (New Zealand: at most one seat per electorate), so a list, a party or a
    // coalition may hold more than the districts' seats: the histograms cover the largest House possible.
    if (rule_.mixed_member.house_seats > 0) total_seats_ = rule_.mixed_member.house_seats;
    max_house_ =
        std::max(total_seats_, election_.total_seats()) + static_cast<std::int64_t>(election_.constituencies.size());
    // The 2013 Bundestag law enlarges the House to balance overhang, without a bound in law: cover twice the
    // House of the votes as cast (a draw beyond it stops with the histogram's error, it is not miscounted).
    if (rule_.mixed_member.kind == MixedMemberRule::Kind::germany_2013 && cast_outcome_.mixed_member)
      max_house_ = std::max(max_house_, 2 * cast_outcome_.mixed_member->house);
  }
  // The most seats one list of a district can hold: its district seats plus, under leveling,
  // the leveling seats the district can take (checked by the placement), never more than all.
  for (const District& district : election_.districts) {
    const std::int64_t leveling_room =
        leveling ? std::clamp<std::int64_t>(rule_.leveling.capacity(district.name), 0, rule_.leveling.seats) : 0;
    const std::int64_t room = rule_.mixed_member.enabled() ? max_house_ : district.seats + leveling_room;
    list_size_.push_back(static_cast<std::size_t>(room) + 1);
  }

  std::map<std::string, std::size_t> party_index;
  std::vector<std::int64_t> party_cap;
  for (std::size_t d = 0; d < election_.districts.size(); ++d) {
    const District& district = election_.districts[d];
    std::vector<std::size_t>& parties = list_party_.emplace_back();
    std::vector<std::size_t>& general = general_lists_.emplace_back();
    std::vector<std::uint64_t>& keys = general_keys_.emplace_back();
    std::vector<std::optional<std::optional<ThresholdValue>>>& thresholds = thresholds_.emplace_back();
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t j = 0; j < district.lists.size(); ++j) {
      const ListResult& list = district.lists[j];
      const auto [it, added] = party_index.emplace(list.party, parties_.size());
      if (added) {
        parties_.push_back(list.party);
        party_cap.push_back(0);
      }
      parties.push_back(it->second);
      party_cap[it->second] += static_cast<std::int64_t>(list_size_[d]) - 1;
      if (list.quota_group.empty()) {
        general.push_back(j);
        keys.push_back(stream_key(list.party));
        const Threshold& threshold = rule_.threshold;
        const std::optional<ThresholdValue> own = threshold.for_party(list.party);
        const bool subject = !threshold.exempts(list.party) && (own || !threshold.alternatives.empty());
        thresholds.push_back(subject ? std::optional<std::optional<ThresholdValue>>(own) : std::nullopt);
      } else {
        groups[list.quota_group].push_back(j);
        thresholds.push_back(std::nullopt);
      }
    }
    std::vector<std::int64_t> cast;
    for (const ListResult& list : district.lists) cast.push_back(list.votes);
    district_noise_.emplace_back(noise_, cast);
    std::vector<std::vector<std::size_t>>& reserved = groups_.emplace_back();
    for (auto& [name, members] : groups) reserved.push_back(std::move(members));
  }

  for (const std::string& text : coalitions) {
    std::vector<std::string> names;
    if (party_index.contains(trimmed(text))) {
      names.push_back(trimmed(text));
    } else {
      for (std::size_t start = 0;;) {
        const std::size_t plus = text.find('+', start);
        names.push_back(trimmed(text.substr(start, plus == std::string::npos ? std::string::npos : plus - start)));
        if (plus == std::string::npos) break;
        start = plus + 1;
      }
    }
    std::vector<std::size_t> members;
    for (const std::string& name : names) {
      const auto it = party_index.find(name);
      if (it == party_index.end()) {
        std::string message = "--coalition '" + text;
        message += "': no list named '";
        message += name;
        message += "' in the input";
        throw Error(message);
      }
      if (std::find(members.begin(), members.end(), it->second) == members.end()) members.push_back(it->second);
    }
    coalition_names_.push_back(text);
    coalition_parties_.push_back(std::move(members));
  }

  // Histogram layout: parties, then every district's lists, then coalitions.
  for (std::size_t p = 0; p < parties_.size(); ++p) {
    const std::size_t size = static_cast<std::size_t>(std::min(party_cap[p], max_house_)) + 1;
    party_offset_.push_back(bins_);
    party_size_.push_back(size);
    bins_ += size;
  }
  for (std::size_t d = 0; d < election_.districts.size(); ++d) {
    std::vector<std::size_t>& offsets = list_offset_.emplace_back();
    for (std::size_t j = 0; j < election_.districts[d].lists.size(); ++j) {
      offsets.push_back(bins_);
      bins_ += list_size_[d];
    }
  }
  for (const std::vector<std::size_t>& members : coalition_parties_) {
    std::int64_t cap = 0;
    for (const std::size_t p : members) cap += party_cap[p];
    const std::size_t size = static_cast<std::size_t>(std::min(cap, max_house_)) + 1;
    coalition_offset_.push_back(bins_);
    coalition_size_.push_back(size);
    bins_ += size;
  }
  // Then one count per party and coalition: the draws in which it held more than half of that draw's House.
  majority_offset_ = bins_;
  bins_ += parties_.size() + coalition_parties_.size();
  exclusive_offset_ = bins_;
  bins_ += coalition_parties_.size();
  for (const std::vector<std::size_t>& members : coalition_parties_) {
    std::vector<std::size_t>& subsets = coalition_subsets_.emplace_back();
    for (std::size_t other = 0; other < coalition_parties_.size(); ++other) {
      const std::vector<std::size_t>& candidate = coalition_parties_[other];
      const bool inside = std::all_of(candidate.begin(), candidate.end(), [&](std::size_t p) {
        return std::find(members.begin(), members.end(), p) != members.end();
      });
      if (inside && candidate.size() < members.size()) subsets.push_back(other);
    }
  }
}

void Simulation::set_vote_source(std::shared_ptr<const VoteSource> source) {
  if (source_) bins_ -= source_bins_;
  source_ = std::move(source);
  source_offset_ = bins_;
  source_bins_ = source_ ? source_->tally_bins() : 0;
  bins_ += source_bins_;
}

std::span<const std::uint64_t> Simulation::source_tally(const SimulationCounts& counts) const {
  return std::span<const std::uint64_t>(counts.bins).subspan(source_offset_, source_bins_);
}

std::uint64_t Simulation::exclusive_majorities(const SimulationCounts& counts, std::size_t coalition) const {
  return counts.bins.at(exclusive_offset_ + coalition);
}

std::int64_t Simulation::cast_party_seats(std::size_t party) const {
  std::int64_t seats = 0;
  for (std::size_t d = 0; d < election_.districts.size(); ++d)
    for (std::size_t j = 0; j < list_party_[d].size(); ++j)
      if (list_party_[d][j] == party) seats += cast_outcome_.seats(d, j);
  return seats;
}

std::int64_t Simulation::cast_coalition_seats(std::size_t coalition) const {
  std::int64_t seats = 0;
  for (const std::size_t p : coalition_parties_[coalition]) seats += cast_party_seats(p);
  return seats;
}

SeatDistribution Simulation::party(const SimulationCounts& counts, std::size_t party) const {
  return {std::span<const std::uint64_t>(counts.bins).subspan(party_offset_[party], party_size_[party]), counts.draws};
}

SeatDistribution Simulation::list(const SimulationCounts& counts, std::size_t district, std::size_t list) const {
  return {std::span<const std::uint64_t>(counts.bins).subspan(list_offset_[district][list], list_size_[district]),
          counts.draws};
}

std::uint64_t Simulation::party_majorities(const SimulationCounts& counts, std::size_t party) const {
  return counts.bins[majority_offset_ + party];
}

std::uint64_t Simulation::coalition_majorities(const SimulationCounts& counts, std::size_t coalition) const {
  return counts.bins[majority_offset_ + parties_.size() + coalition];
}

SeatDistribution Simulation::coalition(const SimulationCounts& counts, std::size_t coalition) const {
  return {std::span<const std::uint64_t>(counts.bins).subspan(coalition_offset_[coalition], coalition_size_[coalition]),
          counts.draws};
}

// A worker's buffers, reused from block to block.
struct Simulation::Block {
  std::vector<VoteMatrix> votes;                        // per district: lists × draws
  VoteMatrix general;                                   // the general lists of one district, threshold applied
  std::vector<double> party_swing;                      // party × draws
  std::vector<double> list_swing;                       // one district's lists, one draw
  std::vector<std::int64_t> party_votes;                // party × draws, for a national threshold
  std::vector<std::int64_t> national_votes;             // per draw
  std::vector<std::int32_t> party_seats;                // party × draws
  std::vector<std::int64_t> house;                      // per draw: all its seats (a mixed-member House grows)
  std::vector<BatchSeats> seats;                        // per district, reused so that the kernel allocates nothing
  std::optional<Election> drawn;                        // one draw's election, for whole-election allocation
  std::vector<std::vector<std::int64_t>> source_votes;  // one draw from a VoteSource
  // Per district, each list's seats draw after draw (draw c at [c·lists, (c+1)·lists)); filled
  // only when the indices are tracked.
  std::vector<std::vector<std::int64_t>> list_seats;
};

void Simulation::run_block(std::uint64_t first, std::uint64_t count, Block& block, SimulationCounts& counts) const {
  if (source_)
    draw_from_source(first, count, block, counts);
  else
    draw_votes(first, count, block);
  block.party_seats.assign(parties_.size() * static_cast<std::size_t>(count), 0);
  block.house.assign(static_cast<std::size_t>(count), total_seats_);
  if (track_indices_) {
    block.list_seats.resize(election_.districts.size());
    for (std::size_t d = 0; d < election_.districts.size(); ++d)
      block.list_seats[d].assign(election_.districts[d].lists.size() * static_cast<std::size_t>(count), 0);
  }
  if (whole_election_)
    allocate_whole(first, count, block, counts);
  else
    allocate_batched(count, block, counts);
  count_parties(count, block, counts);
  if (track_indices_) count_indices(count, block, counts);
}

// Every district's votes for draws [first, first + count), from the draws' own random streams.
void Simulation::draw_votes(std::uint64_t first, std::uint64_t count, Block& block) const {
  const std::size_t draws = static_cast<std::size_t>(count);
  const Eigen::Index columns = static_cast<Eigen::Index>(count);
  const std::size_t parties = parties_.size();
  const std::size_t districts = election_.districts.size();
  const bool swing = noise_.kind == NoiseModel::Kind::swing;

  if (swing) {
    block.party_swing.assign(parties * draws, 0.0);
    if (noise_.national_sd > 0)
      for (std::size_t c = 0; c < draws; ++c) {
        RandomStream random(seed_, first + c, RandomStream::national_stream);
        for (std::size_t p = 0; p < parties; ++p)
          block.party_swing[p * draws + c] = noise_.national_sd * random.normal();
      }
  }
  block.votes.resize(districts);
  for (std::size_t d = 0; d < districts; ++d) {
    const District& district = election_.districts[d];
    const std::size_t lists = district.lists.size();
    VoteMatrix& votes = block.votes[d];
    votes.resize(static_cast<Eigen::Index>(lists), columns);
    block.list_swing.assign(swing ? lists : 0, 0.0);
    for (std::size_t c = 0; c < draws; ++c) {
      RandomStream random(seed_, first + c, d);
      if (swing)
        for (std::size_t j = 0; j < lists; ++j) block.list_swing[j] = block.party_swing[list_party_[d][j] * draws + c];
      district_noise_[d].draw(block.list_swing, random,
                              std::span<std::int64_t>(votes.col(static_cast<Eigen::Index>(c)).data(), lists));
    }
  }
}

// Every district's votes for draws [first, first + count), from the vote source.
void Simulation::draw_from_source(std::uint64_t first, std::uint64_t count, Block& block,
                                  SimulationCounts& counts) const {
  const std::size_t districts = election_.districts.size();
  block.votes.resize(districts);
  block.source_votes.resize(districts);
  for (std::size_t d = 0; d < districts; ++d) {
    const std::size_t lists = election_.districts[d].lists.size();
    block.votes[d].resize(static_cast<Eigen::Index>(lists), static_cast<Eigen::Index>(count));
    block.source_votes[d].assign(lists, 0);
  }
  for (std::uint64_t c = 0; c < count; ++c) {
    source_->draw(seed_, first + c, block.source_votes,
                  std::span<std::uint64_t>(counts.bins).subspan(source_offset_, source_bins_));
    for (std::size_t d = 0; d < districts; ++d)
      for (std::size_t j = 0; j < block.source_votes[d].size(); ++j)
        block.votes[d](static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(c)) = block.source_votes[d][j];
  }
}

// The district tier alone, district by district over all draws at once: the batched kernel.
void Simulation::allocate_batched(std::uint64_t count, Block& block, SimulationCounts& counts) const {
  const std::size_t draws = static_cast<std::size_t>(count);
  const Eigen::Index columns = static_cast<Eigen::Index>(count);
  const std::size_t parties = parties_.size();
  const std::size_t districts = election_.districts.size();

  const Threshold& threshold = rule_.threshold;
  const bool national = threshold.needs_national();
  if (national) {
    block.party_votes.assign(parties * draws, 0);
    block.national_votes.assign(draws, 0);
    for (std::size_t d = 0; d < districts; ++d)
      for (std::size_t c = 0; c < draws; ++c)
        for (std::size_t j = 0; j < list_party_[d].size(); ++j) {
          const std::int64_t v = block.votes[d](static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(c));
          block.party_votes[list_party_[d][j] * draws + c] += v;
          block.national_votes[c] += v;
        }
  }

  block.seats.resize(districts);
  for (std::size_t d = 0; d < districts; ++d) {
    const District& district = election_.districts[d];
    const VoteMatrix& votes = block.votes[d];
    const std::vector<std::size_t>& general = general_lists_[d];
    const std::int64_t general_seats = district.seats - district.reserved;
    const std::string context = district.name.empty() ? "the district" : "district '" + district.name + "'";

    // The general allocation: lists below the threshold take part with no votes, which the
    // kernel treats exactly as absent.
    const VoteMatrix* input = &votes;
    if (!threshold.empty() || general.size() != district.lists.size()) {
      block.general.resize(static_cast<Eigen::Index>(general.size()), columns);
      for (std::size_t c = 0; c < draws; ++c) {
        const Eigen::Index col = static_cast<Eigen::Index>(c);
        ThresholdVotes measured;
        measured.district_total = threshold.empty() ? 0 : votes.col(col).sum();
        measured.national_total = national ? block.national_votes[c] : 0;
        for (std::size_t k = 0; k < general.size(); ++k) {
          const std::size_t j = general[k];
          std::int64_t v = votes(static_cast<Eigen::Index>(j), col);
          if (const std::optional<std::optional<ThresholdValue>>& own = thresholds_[d][j]) {
            measured.list = v;
            measured.party_national = national ? block.party_votes[list_party_[d][j] * draws + c] : 0;
            if (!threshold.passes(*own, measured)) v = 0;
          }
          block.general(static_cast<Eigen::Index>(k), col) = v;
        }
      }
      input = &block.general;
    }
    if (general_seats > 0) {
      const TieBreak ties{rule_.ties, rule_.seed, stream_key(district.name), context, general_keys_[d]};
      BatchSeats& seats = block.seats[d];
      try {
        allocate_batch(*input, general_seats, rule_.method, ties, seats, 1);
      } catch (const TieError&) {
        throw;
      } catch (const Error& error) {
        throw Error(election_.source, 0,
                    "district '" + district.name + "': a draw has no list with votes that passes the threshold (" +
                        error.message() + ")");
      }
      for (std::size_t k = 0; k < general.size(); ++k) {
        const std::size_t j = general[k];
        const std::size_t offset = list_offset_[d][j];
        std::int32_t* party_seats = block.party_seats.data() + list_party_[d][j] * draws;
        for (std::size_t c = 0; c < draws; ++c) {
          const std::int32_t s = seats.seats(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(c));
          ++counts.bins[offset + static_cast<std::size_t>(s)];
          party_seats[c] += s;
          if (track_indices_) block.list_seats[d][c * district.lists.size() + j] = s;
        }
      }
    } else {
      for (const std::size_t j : general) counts.bins[list_offset_[d][j]] += count;
    }

    // Reserved seats: each group's list with most votes, ties by the rule (as fill_reserved).
    const TieBreak reserved_ties{rule_.ties, rule_.seed, stream_key(district.name), context, {}};
    for (const std::vector<std::size_t>& members : groups_[d]) {
      for (std::size_t c = 0; c < draws; ++c) {
        const Eigen::Index col = static_cast<Eigen::Index>(c);
        std::int64_t best = -1;
        for (const std::size_t j : members) best = std::max(best, votes(static_cast<Eigen::Index>(j), col));
        std::vector<std::size_t> top;
        for (const std::size_t j : members)
          if (votes(static_cast<Eigen::Index>(j), col) == best) top.push_back(j);
        std::size_t winner = top.front();
        if (top.size() > 1) {
          const std::span<const std::int64_t> column(votes.col(col).data(), district.lists.size());
          winner = reserved_ties.choose(top, column, 1).front();
        }
        for (const std::size_t j : members) {
          const bool won = j == winner;
          ++counts.bins[list_offset_[d][j] + (won ? 1 : 0)];
          if (won) ++block.party_seats[list_party_[d][j] * draws + c];
          if (won && track_indices_) block.list_seats[d][c * district.lists.size() + j] = 1;
        }
      }
    }
  }
}

// Each draw as an election of its own, allocated whole (all tiers), one draw after another.
void Simulation::allocate_whole(std::uint64_t first, std::uint64_t count, Block& block,
                                SimulationCounts& counts) const {
  const std::size_t draws = static_cast<std::size_t>(count);
  if (!block.drawn) block.drawn = election_;
  Election& drawn = *block.drawn;
  for (std::size_t c = 0; c < draws; ++c) {
    const Eigen::Index col = static_cast<Eigen::Index>(c);
    for (std::size_t d = 0; d < drawn.districts.size(); ++d)
      for (std::size_t j = 0; j < drawn.districts[d].lists.size(); ++j)
        drawn.districts[d].lists[j].votes = block.votes[d](static_cast<Eigen::Index>(j), col);
    ElectionOutcome outcome;
    try {
      outcome = allocate(drawn, rule_);
    } catch (const TieError&) {
      throw;
    } catch (const Error& error) {
      throw Error(
          election_.source, 0,
          "draw " + std::to_string(first + c) + " cannot be allocated under the rule (" + error.message() + ")");
    }
    for (std::size_t d = 0; d < drawn.districts.size(); ++d)
      for (std::size_t j = 0; j < drawn.districts[d].lists.size(); ++j) {
        const std::int64_t s = outcome.seats(d, j);
        if (s < 0 || static_cast<std::size_t>(s) >= list_size_[d])
          throw std::logic_error("simulate: a list holds more seats than its histogram covers");
        ++counts.bins[list_offset_[d][j] + static_cast<std::size_t>(s)];
        block.party_seats[list_party_[d][j] * draws + c] += static_cast<std::int32_t>(s);
        if (track_indices_) block.list_seats[d][c * drawn.districts[d].lists.size() + j] = s;
      }
    if (outcome.mixed_member) block.house[c] = outcome.mixed_member->house;
  }
}

void Simulation::count_parties(std::uint64_t count, const Block& block, SimulationCounts& counts) const {
  const std::size_t draws = static_cast<std::size_t>(count);
  const std::size_t parties = parties_.size();
  // More than half of the draw's House.
  const auto majority = [&block](std::int64_t seats, std::size_t c) { return 2 * seats > block.house[c]; };
  for (std::size_t p = 0; p < parties; ++p)
    for (std::size_t c = 0; c < draws; ++c) {
      const std::int32_t seats = block.party_seats[p * draws + c];
      ++counts.bins[party_offset_[p] + static_cast<std::size_t>(seats)];
      if (majority(seats, c)) ++counts.bins[majority_offset_ + p];
    }
  std::vector<std::uint8_t> coalition_majority(coalition_parties_.size());
  for (std::size_t c = 0; c < draws; ++c) {
    for (std::size_t q = 0; q < coalition_parties_.size(); ++q) {
      std::size_t seats = 0;
      for (const std::size_t p : coalition_parties_[q])
        seats += static_cast<std::size_t>(block.party_seats[p * draws + c]);
      ++counts.bins[coalition_offset_[q] + seats];
      coalition_majority[q] = majority(static_cast<std::int64_t>(seats), c) ? 1 : 0;
      if (coalition_majority[q] != 0) ++counts.bins[majority_offset_ + parties + q];
    }
    for (std::size_t q = 0; q < coalition_parties_.size(); ++q) {
      const bool smaller_one = std::any_of(coalition_subsets_[q].begin(), coalition_subsets_[q].end(),
                                           [&](std::size_t other) { return coalition_majority[other] != 0; });
      if (coalition_majority[q] != 0 && !smaller_one) ++counts.bins[exclusive_offset_ + q];
    }
  }
}

// Each draw's indices from its drawn votes (before any threshold: the votes cast) and its seats.
void Simulation::count_indices(std::uint64_t count, const Block& block, SimulationCounts& counts) const {
  const std::size_t districts = election_.districts.size();
  std::vector<std::span<const std::int64_t>> votes(districts), seats(districts);
  for (std::size_t c = 0; c < static_cast<std::size_t>(count); ++c) {
    for (std::size_t d = 0; d < districts; ++d) {
      const std::size_t lists = election_.districts[d].lists.size();
      votes[d] = std::span<const std::int64_t>(block.votes[d].col(static_cast<Eigen::Index>(c)).data(), lists);
      seats[d] = std::span<const std::int64_t>(block.list_seats[d]).subspan(c * lists, lists);
    }
    counts.indices.add(district_and_national_indices(votes, seats, list_party_, parties_.size()));
  }
}

SimulationCounts Simulation::run(std::uint64_t first, std::uint64_t last, unsigned threads,
                                 const SimulationProgress& progress) const {
  SimulationCounts total;
  total.bins.assign(bins_, 0);
  if (last <= first) return total;
  const std::uint64_t blocks = (last - first - 1) / block_draws + 1;
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, blocks));

  std::atomic<std::uint64_t> next_block{0}, done{0};
  std::atomic<bool> failed{false};
  std::vector<SimulationCounts> partial(threads);
  std::vector<std::exception_ptr> errors(threads);
  std::mutex mutex;
  std::condition_variable finished_signal;
  unsigned finished = 0;

  const auto work = [&](unsigned worker) {
    try {
      Block block;
      partial[worker].bins.assign(bins_, 0);
      for (;;) {
        const std::uint64_t b = next_block++;
        if (b >= blocks || failed) break;
        const std::uint64_t begin = first + b * block_draws;
        const std::uint64_t count = std::min(block_draws, last - begin);
        run_block(begin, count, block, partial[worker]);
        done += count;
      }
    } catch (...) {
      errors[worker] = std::current_exception();
      failed = true;
    }
    const std::lock_guard<std::mutex> lock(mutex);
    ++finished;
    finished_signal.notify_all();
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (finished < threads) {
      finished_signal.wait_for(lock, std::chrono::milliseconds(100));
      if (progress) {
        lock.unlock();
        progress(done.load());
        lock.lock();
      }
    }
  }
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);
  for (const SimulationCounts& counts : partial) total.add(counts);
  total.draws = last - first;
  return total;
}

}  // namespace seatsim
