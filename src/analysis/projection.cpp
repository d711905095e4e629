#include "seatsim/analysis/projection.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/analysis/random_stream.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/name_lookup.hpp"

namespace seatsim {
namespace {

constexpr std::size_t national = static_cast<std::size_t>(-1);  // the area of a national poll

// The projection's parties: the base's lists in order of first appearance, then the new lists.
struct Parties {
  std::vector<std::string> names;
  std::size_t base_count = 0;

  std::size_t index(const std::string& name) const {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  }
};

Parties base_parties(const Election& base) {
  Parties parties;
  for (const District& district : base.districts)
    for (const ListResult& list : district.lists)
      if (parties.index(list.party) == parties.names.size()) parties.names.push_back(list.party);
  parties.base_count = parties.names.size();
  return parties;
}

std::vector<std::string> district_names(const Election& election) {
  std::vector<std::string> names;
  for (const District& district : election.districts) names.push_back(district.name);
  return names;
}

// One poll in the projection's parties: shares of one (summing to 1) and which parties it lists.
struct MappedPoll {
  const Poll* poll = nullptr;
  std::size_t area = national;
  std::vector<double> share;
  std::vector<bool> listed;
};

std::size_t poll_area(const Poll& poll, const PollSet& polls, const Election& base) {
  if (poll.national()) return national;
  for (std::size_t d = 0; d < base.districts.size(); ++d)
    if (base.districts[d].name == poll.area) return d;
  throw Error(polls.source, poll.line,
              "area '" + poll.area + "' is neither 'national' nor a district of the base election" +
                  did_you_mean(poll.area, district_names(base)));
}

MappedPoll map_poll(const Poll& poll, const PollSet& polls, const Election& base, const ProjectionOptions& options,
                    Parties& parties, std::vector<std::string>& warnings) {
  MappedPoll mapped;
  mapped.poll = &poll;
  mapped.area = poll_area(poll, polls, base);
  Rational sum;
  for (const PollShare& share : poll.shares) sum = sum + share.percent;
  const Rational off = sum > Rational(100) ? sum - Rational(100) : Rational(100) - sum;
  if (off > Rational(poll_sum_tolerance_points))
    throw Error(polls.source, poll.line,
                "the shares of this poll (" + poll.pollster + ", " + poll.fieldwork_end + ") sum to " +
                    sum.to_string() + " %, more than " + std::to_string(poll_sum_tolerance_points) +
                    " points from 100");
  if (sum.is_zero()) throw Error(polls.source, poll.line, "the shares of this poll sum to 0");
  if (sum != Rational(100))
    warnings.push_back(polls.source + ":" + std::to_string(poll.line) + ": the shares of this poll sum to " +
                       sum.to_string() + " %; rescaled to 100");
  const std::vector<std::string> base_names(parties.names.begin(), parties.names.begin() + parties.base_count);
  std::vector<std::pair<std::size_t, double>> parts;
  for (const PollShare& share : poll.shares)
    for (const MappingTarget& target :
         resolve_poll_party(share, polls.source, options.mapping ? &*options.mapping : nullptr, base_names)) {
      if (parties.index(target.base_party) == parties.names.size()) parties.names.push_back(target.base_party);
      parts.emplace_back(parties.index(target.base_party),
                         share.percent.to_double() * target.weight.to_double() / sum.to_double());
    }
  mapped.share.assign(parties.names.size(), 0.0);
  mapped.listed.assign(parties.names.size(), false);
  for (const auto& [party, share] : parts) {
    mapped.share[party] += share;
    mapped.listed[party] = true;
  }
  return mapped;
}

// An area's polls pooled: shares of one for the polled parties, the unpolled at their base share.
struct AreaPool {
  std::size_t area = national;
  SwingBase base;
  std::vector<double> pooled;  // polled parties: their share of one (summing to polled_mass)
  std::vector<bool> polled;
  double polled_mass = 1;
  std::vector<std::int64_t> fixed_target;  // unpolled parties: round(S · base share); polled: 0
  double effective_sample_size = 0;
};

SwingBase area_base(const Election& election, const Parties& parties, std::size_t area) {
  SwingBase base;
  base.party_votes.assign(parties.names.size(), 0);
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    if (area != national && area != d) continue;
    for (const ListResult& list : election.districts[d].lists) {
      base.party_votes[parties.index(list.party)] += list.votes;
      base.total += list.votes;
    }
  }
  return base;
}

std::int64_t rounded_share(double share) {
  return static_cast<std::int64_t>(std::floor(share * static_cast<double>(swing_share_scale) + 0.5));
}

// The recency and size weight of every poll of the area: n_i · 2^(−age / h).
std::vector<double> poll_weights(const std::vector<const MappedPoll*>& polls, double half_life) {
  std::int64_t newest = polls.front()->poll->day;
  for (const MappedPoll* poll : polls) newest = std::max(newest, poll->poll->day);
  std::vector<double> weights;
  for (const MappedPoll* poll : polls) {
    const double age = static_cast<double>(newest - poll->poll->day);
    weights.push_back(static_cast<double>(poll->poll->sample_size) * std::exp2(-age / half_life));
  }
  return weights;
}

// Σ w x / Σ w over the polls listing each party, x corrected by `effect` (poll, party → points).
std::vector<double> weighted_average(const std::vector<const MappedPoll*>& polls, const std::vector<double>& weights,
                                     std::size_t parties,
                                     const std::function<double(const MappedPoll&, std::size_t)>& effect) {
  std::vector<double> sum(parties, 0.0), weight(parties, 0.0);
  for (std::size_t i = 0; i < polls.size(); ++i)
    for (std::size_t p = 0; p < parties; ++p)
      if (p < polls[i]->listed.size() && polls[i]->listed[p]) {
        sum[p] += weights[i] * (polls[i]->share[p] - effect(*polls[i], p) / 100.0);
        weight[p] += weights[i];
      }
  for (std::size_t p = 0; p < parties; ++p) sum[p] = weight[p] > 0 ? std::max(0.0, sum[p] / weight[p]) : 0.0;
  return sum;
}

// House effects, points: given ones, else each pollster's mean deviation from the raw average.
std::map<std::string, std::vector<double>> house_effects(const std::vector<const MappedPoll*>& polls,
                                                         const std::vector<double>& raw, const Parties& parties,
                                                         const ProjectionOptions& options,
                                                         std::vector<HouseEffect>& report) {
  std::map<std::string, std::vector<double>> effects;
  if (!options.house_effects.empty()) {
    for (const auto& [pollster, by_party] : options.house_effects)
      for (const auto& [party, points] : by_party) {
        const std::size_t p = parties.index(party);
        if (p == parties.names.size())
          throw Error("house effect of '" + pollster + "': no party '" + party + "' in the projection" +
                      did_you_mean(party, parties.names));
        effects[pollster].resize(parties.names.size(), 0.0);
        effects[pollster][p] = points;
        report.push_back({pollster, party, points, true});
      }
    return effects;
  }
  if (!options.estimate_house_effects) return effects;
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> sums;  // pollster -> sum, count
  for (const MappedPoll* poll : polls) {
    auto& [sum, count] = sums[poll->poll->pollster];
    sum.resize(parties.names.size(), 0.0);
    count.resize(parties.names.size(), 0.0);
    for (std::size_t p = 0; p < parties.names.size(); ++p)
      if (poll->listed[p]) {
        sum[p] += 100.0 * (poll->share[p] - raw[p]);
        count[p] += 1;
      }
  }
  for (const auto& [pollster, totals] : sums) {
    std::vector<double>& effect = effects[pollster];
    effect.assign(parties.names.size(), 0.0);
    for (std::size_t p = 0; p < parties.names.size(); ++p)
      if (totals.second[p] > 0) {
        effect[p] = totals.first[p] / totals.second[p];
        report.push_back({pollster, parties.names[p], effect[p], false});
      }
  }
  return effects;
}

AreaPool pool_area(const Election& projected, const Parties& parties, std::size_t area,
                   const std::vector<const MappedPoll*>& polls, const ProjectionOptions& options,
                   std::vector<HouseEffect>& report) {
  AreaPool pool;
  pool.area = area;
  pool.base = area_base(projected, parties, area);
  const std::size_t n = parties.names.size();
  const std::vector<double> weights = poll_weights(polls, options.half_life_days);
  const auto no_effect = [](const MappedPoll&, std::size_t) { return 0.0; };
  std::vector<double> pooled = weighted_average(polls, weights, n, no_effect);
  if (area == national) {
    const std::map<std::string, std::vector<double>> effects = house_effects(polls, pooled, parties, options, report);
    if (!effects.empty())
      pooled = weighted_average(polls, weights, n, [&](const MappedPoll& poll, std::size_t p) {
        const auto it = effects.find(poll.poll->pollster);
        return it == effects.end() || p >= it->second.size() ? 0.0 : it->second[p];
      });
  }
  pool.polled.assign(n, false);
  for (const MappedPoll* poll : polls)
    for (std::size_t p = 0; p < n; ++p)
      if (poll->listed[p]) pool.polled[p] = true;
  // Unpolled parties keep their base share; the polled share out the rest.
  pool.fixed_target.assign(n, 0);
  double unpolled = 0, polled_sum = 0;
  for (std::size_t p = 0; p < n; ++p) {
    const double base_share =
        pool.base.total > 0 ? static_cast<double>(pool.base.party_votes[p]) / static_cast<double>(pool.base.total) : 0;
    if (pool.polled[p]) {
      polled_sum += pooled[p];
    } else {
      unpolled += base_share;
      pool.fixed_target[p] = rounded_share(base_share);
    }
  }
  pool.polled_mass = std::max(0.0, 1.0 - unpolled);
  pool.pooled.assign(n, 0.0);
  for (std::size_t p = 0; p < n; ++p)
    if (pool.polled[p] && polled_sum > 0) pool.pooled[p] = pooled[p] / polled_sum * pool.polled_mass;
  double weight_sum = 0, weight_squares = 0;
  for (std::size_t i = 0; i < polls.size(); ++i) {
    weight_sum += weights[i];
    weight_squares += weights[i] * weights[i] / static_cast<double>(polls[i]->poll->sample_size);
  }
  pool.effective_sample_size = weight_squares > 0 ? weight_sum * weight_sum / weight_squares : 0;
  return pool;
}

// Target shares T_p (units of 1/S) from shares of one for the polled parties.
std::vector<std::int64_t> targets(const AreaPool& pool, const std::vector<double>& shares) {
  std::vector<std::int64_t> target = pool.fixed_target;
  for (std::size_t p = 0; p < target.size(); ++p)
    if (pool.polled[p]) target[p] = rounded_share(shares[p]);
  return target;
}

// Every district of the projected election, with its area and the lists' parties.
struct DistrictPlan {
  std::size_t pool = 0;  // index into the pools
  std::vector<std::int64_t> base_votes;
  std::vector<std::size_t> list_party;
};

// The swing of every district from each area's target shares.
void project_all(const SwingModel& model, const std::vector<AreaPool>& pools,
                 const std::vector<std::vector<std::int64_t>>& area_targets, const std::vector<DistrictPlan>& plans,
                 std::vector<std::vector<std::int64_t>>& votes) {
  std::vector<std::vector<std::int64_t>> factors;
  for (std::size_t a = 0; a < pools.size(); ++a)
    factors.push_back(proportional_factors(pools[a].base, area_targets[a]));
  for (std::size_t d = 0; d < plans.size(); ++d) {
    const DistrictPlan& plan = plans[d];
    project_district(model, pools[plan.pool].base, area_targets[plan.pool], factors[plan.pool], plan.base_votes,
                     plan.list_party, votes[d]);
  }
}

// The per-draw votes for the Simulation: sampling, national error, swing, district noise.
class ProjectionSource : public VoteSource {
 public:
  ProjectionSource(const ProjectionOptions& options, std::vector<AreaPool> pools, std::vector<DistrictPlan> plans,
                   std::optional<Eigen::MatrixXd> cholesky, std::vector<std::size_t> error_parties,
                   std::vector<ThresholdValue> thresholds, std::size_t parties)
      : options_(options),
        pools_(std::move(pools)),
        plans_(std::move(plans)),
        cholesky_(std::move(cholesky)),
        error_parties_(std::move(error_parties)),
        thresholds_(std::move(thresholds)),
        parties_(parties) {}

  std::size_t tally_bins() const override { return thresholds_.size() * parties_; }

  void draw(std::uint64_t seed, std::uint64_t draw, std::vector<std::vector<std::int64_t>>& votes,
            std::span<std::uint64_t> tally) const override {
    RandomStream national_stream(seed, draw, RandomStream::national_stream);
    std::vector<std::vector<std::int64_t>> area_targets;
    std::vector<double> error(parties_, 0.0);
    for (std::size_t a = 0; a < pools_.size(); ++a) {
      const AreaPool& pool = pools_[a];
      RandomStream own(seed, draw, RandomStream::national_stream - 1 - (pool.area == national ? 0 : pool.area));
      RandomStream& random = pool.area == national ? national_stream : own;
      std::vector<double> shares = options_.sampling_error ? dirichlet(pool, random) : pool.pooled;
      if (a == 0 && cholesky_) error = national_error(national_stream);
      if (cholesky_) add_error(pool, error, shares);
      area_targets.push_back(targets(pool, shares));
    }
    project_all(options_.swing, pools_, area_targets, plans_, votes);
    if (options_.district_noise) add_district_noise(seed, draw, votes);
    count_passes(votes, tally);
  }

 private:
  std::vector<double> dirichlet(const AreaPool& pool, RandomStream& random) const {
    std::vector<double> shares(parties_, 0.0);
    double sum = 0;
    for (std::size_t p = 0; p < parties_; ++p)
      if (pool.polled[p] && pool.pooled[p] > 0) {
        shares[p] = random.gamma(pool.effective_sample_size * pool.pooled[p] / pool.polled_mass);
        sum += shares[p];
      }
    for (double& share : shares) share = sum > 0 ? share / sum * pool.polled_mass : 0;
    return shares;
  }

  std::vector<double> national_error(RandomStream& random) const {
    Eigen::VectorXd z(static_cast<Eigen::Index>(error_parties_.size()));
    for (Eigen::Index k = 0; k < z.size(); ++k) z[k] = random.normal();
    const Eigen::VectorXd e = *cholesky_ * z;
    std::vector<double> error(parties_, 0.0);
    for (std::size_t k = 0; k < error_parties_.size(); ++k) error[error_parties_[k]] = e[static_cast<Eigen::Index>(k)];
    return error;
  }

  static void add_error(const AreaPool& pool, const std::vector<double>& error, std::vector<double>& shares) {
    double sum = 0;
    for (std::size_t p = 0; p < shares.size(); ++p)
      if (pool.polled[p]) {
        shares[p] = std::max(0.0, shares[p] + error[p] / 100.0);
        sum += shares[p];
      }
    for (std::size_t p = 0; p < shares.size(); ++p)
      if (pool.polled[p]) shares[p] = sum > 0 ? shares[p] / sum * pool.polled_mass : 0;
  }

  void add_district_noise(std::uint64_t seed, std::uint64_t draw, std::vector<std::vector<std::int64_t>>& votes) const {
    thread_local std::vector<double> no_swing;
    for (std::size_t d = 0; d < votes.size(); ++d) {
      const DistrictNoise noise(*options_.district_noise, votes[d]);
      no_swing.assign(votes[d].size(), 0.0);
      RandomStream random(seed, draw, d);
      noise.draw(no_swing, random, votes[d]);
    }
  }

  // tally[t · parties + p]: the draws where party p passes threshold t on the national votes.
  void count_passes(const std::vector<std::vector<std::int64_t>>& votes, std::span<std::uint64_t> tally) const {
    if (thresholds_.empty()) return;
    std::vector<std::int64_t> party_votes(parties_, 0);
    std::int64_t total = 0;
    for (std::size_t d = 0; d < votes.size(); ++d)
      for (std::size_t j = 0; j < votes[d].size(); ++j) {
        party_votes[plans_[d].list_party[j]] += votes[d][j];
        total += votes[d][j];
      }
    for (std::size_t t = 0; t < thresholds_.size(); ++t)
      for (std::size_t p = 0; p < parties_; ++p)
        if (thresholds_[t].passes(party_votes[p], total, false)) ++tally[t * parties_ + p];
  }

  const ProjectionOptions& options_;
  std::vector<AreaPool> pools_;
  std::vector<DistrictPlan> plans_;
  std::optional<Eigen::MatrixXd> cholesky_;
  std::vector<std::size_t> error_parties_;
  std::vector<ThresholdValue> thresholds_;
  std::size_t parties_ = 0;
};

// The smallest k with P(seats ≤ k) ≥ permille / 1000, exactly from the counts.
std::int64_t quantile_permille(const SeatDistribution& distribution, std::uint64_t permille) {
  u128 cumulative = 0;
  for (std::size_t k = 0; k < distribution.counts.size(); ++k) {
    cumulative += distribution.counts[k];
    if (cumulative > 0 && cumulative * 1000 >= static_cast<u128>(permille) * distribution.draws)
      return static_cast<std::int64_t>(k);
  }
  return distribution.counts.empty() ? 0 : static_cast<std::int64_t>(distribution.counts.size()) - 1;
}

std::optional<Eigen::MatrixXd> cholesky_factor(const CovarianceMatrix& covariance, const Parties& parties,
                                               std::vector<std::size_t>& error_parties) {
  const Eigen::Index n = static_cast<Eigen::Index>(covariance.parties.size());
  Eigen::MatrixXd matrix(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string& name = covariance.parties[static_cast<std::size_t>(i)];
    const std::size_t p = parties.index(name);
    if (p == parties.names.size())
      throw Error(covariance.source, covariance.line,
                  "no party '" + name + "' in the projection" + did_you_mean(name, parties.names));
    error_parties.push_back(p);
    for (Eigen::Index k = 0; k < n; ++k)
      matrix(i, k) = covariance.values[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)];
  }
  const Eigen::LLT<Eigen::MatrixXd> llt(matrix);
  if (llt.info() != Eigen::Success)
    throw Error(covariance.source, covariance.line, "the covariance matrix is not positive definite");
  return Eigen::MatrixXd(llt.matrixL());
}

// The rule's thresholds measured on national votes: P(pass) is reported for each.
std::vector<ThresholdValue> national_thresholds(const Rule& rule, std::vector<std::string>& names) {
  std::vector<ThresholdValue> thresholds;
  if (rule.threshold.value && rule.threshold.scope == ThresholdScope::national) {
    thresholds.push_back(*rule.threshold.value);
    names.push_back(rule.threshold.value->to_string() + " national");
  }
  if (rule.leveling.enabled() && rule.leveling.threshold) {
    thresholds.push_back(*rule.leveling.threshold);
    names.push_back(rule.leveling.threshold->to_string() + " leveling");
  }
  return thresholds;
}

std::int64_t party_seats(const Election& election, const ElectionOutcome& outcome, const std::string& party) {
  std::int64_t seats = 0;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    for (std::size_t j = 0; j < election.districts[d].lists.size(); ++j)
      if (election.districts[d].lists[j].party == party) seats += outcome.seats(d, j);
  return seats;
}

std::pair<std::string, std::string> coalition_name_and_parties(const std::string& text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos) return {text, text};
  return {text.substr(0, equals), text.substr(equals + 1)};
}

std::vector<std::string> split_plus(const std::string& text) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t plus = text.find('+', start);
    parts.push_back(text.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
    if (plus == std::string::npos) return parts;
    start = plus + 1;
  }
}

// The base with every new list standing in every district (no votes yet).
Election with_new_lists(const Election& base, const Parties& parties) {
  Election projected = base;
  for (District& district : projected.districts)
    for (std::size_t p = parties.base_count; p < parties.names.size(); ++p)
      district.lists.push_back(ListResult{parties.names[p], 0, {}, {}, {}, {}, 0});
  return projected;
}

// One pool per area with polls, the nation first; `areas` receives their areas in that order.
std::vector<AreaPool> pool_polls(const Election& projected, const Parties& parties,
                                 const std::vector<MappedPoll>& mapped, const PollSet& polls,
                                 const ProjectionOptions& options, std::vector<std::size_t>& areas,
                                 std::vector<HouseEffect>& house_effects) {
  areas = {national};
  for (const MappedPoll& poll : mapped)
    if (poll.area != national && std::find(areas.begin(), areas.end(), poll.area) == areas.end())
      areas.push_back(poll.area);
  std::vector<AreaPool> pools;
  for (const std::size_t area : areas) {
    std::vector<const MappedPoll*> area_polls;
    for (const MappedPoll& poll : mapped)
      if (poll.area == area) area_polls.push_back(&poll);
    if (area_polls.empty()) throw Error(polls.source, 0, "no national poll (the projection needs one)");
    pools.push_back(pool_area(projected, parties, area, area_polls, options, house_effects));
  }
  return pools;
}

// Every district's base votes, lists' parties, and the pool that swings it (its own, or the nation's).
std::vector<DistrictPlan> district_plans(const Election& projected, const Parties& parties,
                                         const std::vector<std::size_t>& areas) {
  std::vector<DistrictPlan> plans;
  for (std::size_t d = 0; d < projected.districts.size(); ++d) {
    DistrictPlan& plan = plans.emplace_back();
    const auto own = std::find(areas.begin(), areas.end(), d);
    plan.pool = own == areas.end() ? 0 : static_cast<std::size_t>(own - areas.begin());
    for (const ListResult& list : projected.districts[d].lists) {
      plan.base_votes.push_back(list.votes);
      plan.list_party.push_back(parties.index(list.party));
    }
  }
  return plans;
}

// The point projection's votes written into `projected`; returns the areas' targets.
std::vector<std::vector<std::int64_t>> point_projection(const SwingModel& swing, const std::vector<AreaPool>& pools,
                                                        const std::vector<DistrictPlan>& plans, Election& projected) {
  std::vector<std::vector<std::int64_t>> area_targets, votes(plans.size());
  for (const AreaPool& pool : pools) area_targets.push_back(targets(pool, pool.pooled));
  for (std::size_t d = 0; d < plans.size(); ++d) votes[d].assign(plans[d].base_votes.size(), 0);
  project_all(swing, pools, area_targets, plans, votes);
  for (std::size_t d = 0; d < plans.size(); ++d)
    for (std::size_t j = 0; j < votes[d].size(); ++j) projected.districts[d].lists[j].votes = votes[d][j];
  return area_targets;
}

// The draws' seat distribution of one party: mean, median, intervals, the counts.
void describe_draws(const SeatDistribution& seats, ProjectedParty& row) {
  row.mean = seats.mean();
  row.median = quantile_permille(seats, 500);
  row.seat_counts.assign(seats.counts.begin(), seats.counts.begin() + seats.max_seen() + 1);
  constexpr std::array<std::uint64_t, 4> tails = {100, 50, 25, 5};  // per mille below each interval
  for (std::size_t k = 0; k < tails.size(); ++k)
    row.intervals[k] = {quantile_permille(seats, tails[k]), quantile_permille(seats, 1000 - tails[k])};
}

// Each district list's base seats and, with draws, P(more) and P(fewer) seats than in the base.
void describe_lists(const Simulation& simulation, const std::optional<SimulationCounts>& counts, const Election& base,
                    const ElectionOutcome& base_outcome, ProjectionResult& result) {
  for (std::size_t d = 0; d < result.projected.districts.size(); ++d) {
    std::vector<ProjectedList>& rows = result.lists.emplace_back();
    for (std::size_t j = 0; j < result.projected.districts[d].lists.size(); ++j) {
      ProjectedList& row = rows.emplace_back();
      row.base_seats = j < base.districts[d].lists.size() ? base_outcome.seats(d, j) : 0;
      if (!counts) continue;
      const SeatDistribution seats = simulation.list(*counts, d, j);
      const double draws = static_cast<double>(counts->draws);
      row.mean = seats.mean();
      row.more = static_cast<double>(seats.at_least(row.base_seats + 1)) / draws;
      row.fewer = static_cast<double>(counts->draws - seats.at_least(row.base_seats)) / draws;
    }
  }
}

void describe_coalitions(const Simulation& simulation, const std::optional<SimulationCounts>& counts,
                         const ProjectionOptions& options, ProjectionResult& result) {
  for (std::size_t q = 0; q < options.coalitions.size(); ++q) {
    ProjectedCoalition& row = result.coalitions.emplace_back();
    const auto [name, spec] = coalition_name_and_parties(options.coalitions[q]);
    row.name = name;
    row.parties = split_plus(spec);
    row.point_seats = simulation.cast_coalition_seats(q);
    if (!counts) continue;
    const SeatDistribution seats = simulation.coalition(*counts, q);
    row.mean = seats.mean();
    const double draws = static_cast<double>(counts->draws);
    row.majority = static_cast<double>(simulation.coalition_majorities(*counts, q)) / draws;  // of each draw's House
    row.exclusive_majority = static_cast<double>(simulation.exclusive_majorities(*counts, q)) / draws;
  }
}

}  // namespace

ProjectionResult project(const Election& base, const Rule& rule, const PollSet& polls,
                         const ProjectionOptions& options) {
  ProjectionResult result;
  result.draws = options.draws;
  result.seed = options.seed;
  if (!(options.half_life_days > 0)) throw Error("the half-life of the poll weights must be greater than 0");
  Parties parties = base_parties(base);
  std::vector<MappedPoll> mapped;
  for (const Poll& poll : polls.polls) mapped.push_back(map_poll(poll, polls, base, options, parties, result.warnings));
  for (MappedPoll& poll : mapped) {  // new lists found in later polls
    poll.share.resize(parties.names.size(), 0.0);
    poll.listed.resize(parties.names.size(), false);
  }
  result.projected = with_new_lists(base, parties);
  std::vector<std::size_t> areas;
  const std::vector<AreaPool> pools =
      pool_polls(result.projected, parties, mapped, polls, options, areas, result.house_effects);
  result.effective_sample_size = pools.front().effective_sample_size;
  const std::vector<DistrictPlan> plans = district_plans(result.projected, parties, areas);
  const std::vector<std::vector<std::int64_t>> area_targets =
      point_projection(options.swing, pools, plans, result.projected);

  std::vector<std::string> specs;
  for (const std::string& coalition : options.coalitions) specs.push_back(coalition_name_and_parties(coalition).second);
  Simulation simulation(result.projected, rule, options.district_noise.value_or(NoiseModel{}), options.seed, specs);
  result.point = simulation.cast_outcome();
  result.total_seats = simulation.total_seats();

  std::optional<SimulationCounts> counts;
  std::vector<ThresholdValue> thresholds = national_thresholds(rule, result.threshold_names);
  if (options.draws > 0) {
    std::optional<Eigen::MatrixXd> cholesky;
    std::vector<std::size_t> error_parties;
    if (options.national_error) cholesky = cholesky_factor(*options.national_error, parties, error_parties);
    simulation.set_vote_source(std::make_shared<ProjectionSource>(
        options, pools, plans, std::move(cholesky), std::move(error_parties), thresholds, parties.names.size()));
    counts = options.run_draws ? options.run_draws(simulation, options.draws, options.threads)
                               : simulation.run(0, options.draws, options.threads);
    if (!counts) {  // another process (MPI rank 0) has the counts and reports them
      result.counted = false;
      return result;
    }
  }

  const ElectionOutcome base_outcome = allocate(base, rule);
  const AreaPool& nation = pools.front();
  for (std::size_t p = 0; p < parties.names.size(); ++p) {
    ProjectedParty& row = result.parties.emplace_back();
    row.name = parties.names[p];
    row.base_share = nation.base.total > 0
                         ? static_cast<double>(nation.base.party_votes[p]) / static_cast<double>(nation.base.total)
                         : 0;
    row.pooled_share = static_cast<double>(area_targets.front()[p]) / static_cast<double>(swing_share_scale);
    row.base_seats = p < parties.base_count ? party_seats(base, base_outcome, row.name) : 0;
    row.point_seats = party_seats(result.projected, result.point, row.name);
    if (!counts) continue;
    const auto& names = simulation.parties();
    describe_draws(simulation.party(*counts, static_cast<std::size_t>(std::find(names.begin(), names.end(), row.name) -
                                                                      names.begin())),
                   row);
    const std::span<const std::uint64_t> passes = simulation.source_tally(*counts);
    for (std::size_t t = 0; t < thresholds.size(); ++t)
      row.pass_probability.push_back(static_cast<double>(passes[t * parties.names.size() + p]) /
                                     static_cast<double>(counts->draws));
  }
  describe_coalitions(simulation, counts, options, result);
  describe_lists(simulation, counts, base, base_outcome, result);
  return result;
}

}  // namespace seatsim
