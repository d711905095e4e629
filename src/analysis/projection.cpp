#include "seatsim/analysis/projection.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>

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

constexpr std::size_t no_region = static_cast<std::size_t>(-1);

// Regions above the districts. Areas are numbered: a district d is area d, region r area D + r.
struct Regions {
  std::vector<std::string> names;
  std::vector<std::size_t> of_district;  // each district's region, or no_region

  std::size_t area(std::size_t region) const { return of_district.size() + region; }
  bool in_area(std::size_t area, std::size_t district) const {
    if (area == national || area == district) return true;
    return area >= of_district.size() && of_district[district] == area - of_district.size();
  }
};

std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// The regions of a --regions file (each district named must be the base's), else the rule's leveling regions.
Regions base_regions(const Election& base, const Rule& rule, const ProjectionOptions& options) {
  Regions regions;
  regions.of_district.assign(base.districts.size(), no_region);
  const std::vector<std::string> districts = district_names(base);
  if (options.regions) {
    for (const DistrictRegion& row : options.regions->rows) {
      const std::size_t d = index_of(districts, row.district);
      if (d == districts.size())
        throw Error(options.regions->source, row.line,
                    "no district '" + row.district + "' in the base election" + did_you_mean(row.district, districts));
      if (index_of(regions.names, row.region) == regions.names.size()) regions.names.push_back(row.region);
      regions.of_district[d] = index_of(regions.names, row.region);
    }
  } else if (!rule.leveling.regions.empty()) {
    for (const LevelingRegion& region : rule.leveling.regions) regions.names.push_back(region.name);
    regions.of_district = region_of_districts(base, rule.leveling.regions);
  }
  return regions;
}

// One poll in the projection's parties: shares of one (summing to 1) and which parties it lists.
struct MappedPoll {
  const Poll* poll = nullptr;
  std::size_t area = national;
  std::vector<double> share;
  std::vector<bool> listed;
};

// A poll's area: national, a district (first), or a region.
std::size_t poll_area(const Poll& poll, const PollSet& polls, const Election& base, const Regions& regions) {
  if (poll.national()) return national;
  for (std::size_t d = 0; d < base.districts.size(); ++d)
    if (base.districts[d].name == poll.area) return d;
  const std::size_t r = index_of(regions.names, poll.area);
  if (r < regions.names.size()) return regions.area(r);
  std::vector<std::string> known = district_names(base);
  known.insert(known.end(), regions.names.begin(), regions.names.end());
  throw Error(polls.source, poll.line,
              "area '" + poll.area + "' is neither 'national' nor a district" +
                  (regions.names.empty() ? "" : " or region") + " of the base election" +
                  did_you_mean(poll.area, known));
}

MappedPoll map_poll(const Poll& poll, const PollSet& polls, const Election& base, const Regions& regions,
                    const ProjectionOptions& options, Parties& parties, std::vector<std::string>& warnings) {
  MappedPoll mapped;
  mapped.poll = &poll;
  mapped.area = poll_area(poll, polls, base, regions);
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

SwingBase area_base(const Election& election, const Parties& parties, const Regions& regions, std::size_t area) {
  SwingBase base;
  base.party_votes.assign(parties.names.size(), 0);
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    if (!regions.in_area(area, d)) continue;
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

AreaPool pool_area(const Election& projected, const Parties& parties, const Regions& regions, std::size_t area,
                   const std::vector<const MappedPoll*>& polls, const ProjectionOptions& options,
                   std::vector<HouseEffect>& report) {
  AreaPool pool;
  pool.area = area;
  pool.base = area_base(projected, parties, regions, area);
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
  std::size_t region = no_region;
  std::int64_t votes_total = 0;  // the projected votes' sum (turnout)
  std::vector<std::int64_t> base_votes;
  std::vector<std::size_t> list_party;
};

// New lists spread by a pattern: integer weights g_pd, and per pool Σ g_pd V_d over its area.
struct SpreadPattern {
  std::vector<std::size_t> parties;               // the patterned new lists
  std::vector<std::vector<std::int64_t>> weight;  // [k][district], k indexing `parties`
  std::vector<std::vector<i128>> spread;          // [pool][k]
};

// Targets sharing the same shares: districts of one pool (and, with a regional error, one region).
struct SwingGroups {
  std::vector<std::size_t> pool;    // group -> pool
  std::vector<std::size_t> region;  // group -> region (no_region: the pool's shares as they are)
  std::vector<std::size_t> of_district;
};

SwingGroups swing_groups(const std::vector<DistrictPlan>& plans, bool by_region) {
  SwingGroups groups;
  for (const DistrictPlan& plan : plans) {
    const std::size_t region = by_region ? plan.region : no_region;
    std::size_t g = 0;
    while (g < groups.pool.size() && (groups.pool[g] != plan.pool || groups.region[g] != region)) ++g;
    if (g == groups.pool.size()) {
      groups.pool.push_back(plan.pool);
      groups.region.push_back(region);
    }
    groups.of_district.push_back(g);
  }
  return groups;
}

// The swing of every district from each group's target shares.
void project_all(const SwingModel& model, const std::vector<AreaPool>& pools, const SwingGroups& groups,
                 const std::vector<std::vector<std::int64_t>>& group_targets, const std::vector<DistrictPlan>& plans,
                 const SpreadPattern& pattern, std::vector<std::vector<std::int64_t>>& votes) {
  std::vector<std::vector<std::int64_t>> factors;
  for (std::size_t g = 0; g < groups.pool.size(); ++g)
    factors.push_back(proportional_factors(pools[groups.pool[g]].base, group_targets[g]));
  thread_local std::vector<std::int64_t> spread_target;
  for (std::size_t d = 0; d < plans.size(); ++d) {
    const DistrictPlan& plan = plans[d];
    const std::size_t g = groups.of_district[d];
    const AreaPool& pool = pools[groups.pool[g]];
    std::span<const std::int64_t> target = group_targets[g];
    if (!pattern.parties.empty()) {
      spread_target.assign(target.begin(), target.end());
      for (std::size_t k = 0; k < pattern.parties.size(); ++k) {
        const std::size_t p = pattern.parties[k];
        spread_target[p] =
            pattern_target(target[p], pattern.weight[k][d], pool.base.total, pattern.spread[groups.pool[g]][k]);
      }
      target = spread_target;
    }
    project_district(model, pool.base, target, factors[g], plan.base_votes, plan.list_party, votes[d],
                     plan.votes_total);
  }
}

// A polling error: the Cholesky factor L of its covariance and the parties of its rows.
struct ErrorFactor {
  Eigen::MatrixXd cholesky;
  std::vector<std::size_t> parties;
};

// The per-draw votes for the Simulation: sampling, national and regional error, swing, district noise.
class ProjectionSource : public VoteSource {
 public:
  ProjectionSource(const ProjectionOptions& options, std::vector<AreaPool> pools, std::vector<DistrictPlan> plans,
                   std::optional<ErrorFactor> national_error, std::optional<ErrorFactor> regional_error,
                   std::size_t regions, SpreadPattern pattern, std::vector<ThresholdValue> thresholds,
                   std::size_t parties)
      : options_(options),
        pools_(std::move(pools)),
        plans_(std::move(plans)),
        national_(std::move(national_error)),
        regional_(std::move(regional_error)),
        regions_(regions),
        groups_(swing_groups(plans_, regional_.has_value())),
        pattern_(std::move(pattern)),
        thresholds_(std::move(thresholds)),
        parties_(parties) {}

  std::size_t tally_bins() const override { return thresholds_.size() * parties_; }

  void draw(std::uint64_t seed, std::uint64_t draw, std::vector<std::vector<std::int64_t>>& votes,
            std::span<std::uint64_t> tally) const override {
    RandomStream national_stream(seed, draw, RandomStream::national_stream);
    std::vector<std::vector<double>> pool_shares;
    std::vector<double> error(parties_, 0.0);
    for (std::size_t a = 0; a < pools_.size(); ++a) {
      const AreaPool& pool = pools_[a];
      RandomStream own(seed, draw, RandomStream::national_stream - 1 - (pool.area == national ? 0 : pool.area));
      RandomStream& random = pool.area == national ? national_stream : own;
      pool_shares.push_back(options_.sampling_error ? dirichlet(pool, random) : pool.pooled);
      if (a == 0 && national_) error = error_draw(*national_, national_stream);
    }
    std::vector<std::vector<double>> region_errors;
    for (std::size_t r = 0; regional_ && r < regions_; ++r) {
      RandomStream random(seed, draw, RandomStream::national_stream - 1 - plans_.size() - regions_ - r);
      region_errors.push_back(error_draw(*regional_, random));
    }
    std::vector<std::vector<std::int64_t>> group_targets;
    for (std::size_t g = 0; g < groups_.pool.size(); ++g) {
      const AreaPool& pool = pools_[groups_.pool[g]];
      std::vector<double> shares = pool_shares[groups_.pool[g]];
      const std::size_t region = groups_.region[g];
      if (region != no_region) {
        std::vector<double> combined = error;
        for (std::size_t p = 0; p < parties_; ++p) combined[p] += region_errors[region][p];
        add_error(pool, combined, shares);
      } else if (national_) {
        add_error(pool, error, shares);
      }
      group_targets.push_back(targets(pool, shares));
    }
    project_all(options_.swing, pools_, groups_, group_targets, plans_, pattern_, votes);
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

  // e = L z, z ~ N(0, I) from `random`, in points, per party of the projection.
  std::vector<double> error_draw(const ErrorFactor& factor, RandomStream& random) const {
    Eigen::VectorXd z(static_cast<Eigen::Index>(factor.parties.size()));
    for (Eigen::Index k = 0; k < z.size(); ++k) z[k] = random.normal();
    const Eigen::VectorXd e = factor.cholesky * z;
    std::vector<double> error(parties_, 0.0);
    for (std::size_t k = 0; k < factor.parties.size(); ++k) error[factor.parties[k]] = e[static_cast<Eigen::Index>(k)];
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
  std::optional<ErrorFactor> national_, regional_;
  std::size_t regions_ = 0;
  SwingGroups groups_;
  SpreadPattern pattern_;
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

ErrorFactor cholesky_factor(const CovarianceMatrix& covariance, const Parties& parties) {
  ErrorFactor factor;
  std::vector<std::size_t>& error_parties = factor.parties;
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
  factor.cholesky = Eigen::MatrixXd(llt.matrixL());
  return factor;
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
std::vector<AreaPool> pool_polls(const Election& projected, const Parties& parties, const Regions& regions,
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
    pools.push_back(pool_area(projected, parties, regions, area, area_polls, options, house_effects));
  }
  return pools;
}

// Every district's base votes, lists' parties, projected total, and the pool that swings it: the most
// specific area with polls (its own, its region's, or the nation's).
std::vector<DistrictPlan> district_plans(const Election& projected, const Parties& parties, const Regions& regions,
                                         const std::vector<std::size_t>& areas, const TurnoutChange& turnout) {
  std::vector<DistrictPlan> plans;
  for (std::size_t d = 0; d < projected.districts.size(); ++d) {
    DistrictPlan& plan = plans.emplace_back();
    plan.region = regions.of_district[d];
    const auto own = std::find(areas.begin(), areas.end(), d);
    const auto region =
        plan.region == no_region ? areas.end() : std::find(areas.begin(), areas.end(), regions.area(plan.region));
    const auto chosen = own != areas.end() ? own : region;
    plan.pool = chosen == areas.end() ? 0 : static_cast<std::size_t>(chosen - areas.begin());
    std::int64_t total = 0;
    for (const ListResult& list : projected.districts[d].lists) {
      plan.base_votes.push_back(list.votes);
      plan.list_party.push_back(parties.index(list.party));
      total += list.votes;
    }
    plan.votes_total = turnout.total(total);
  }
  return plans;
}

// The pattern's weights as integers (times each party's common denominator) and each pool's Σ g V.
SpreadPattern spread_pattern(const std::optional<NewPartyPattern>& given, const Election& projected,
                             const Parties& parties, const Regions& regions, const std::vector<AreaPool>& pools,
                             const std::vector<DistrictPlan>& plans) {
  SpreadPattern pattern;
  if (!given) return pattern;
  const std::vector<std::string> districts = district_names(projected);
  const std::vector<std::string> new_lists(parties.names.begin() + static_cast<std::ptrdiff_t>(parties.base_count),
                                           parties.names.end());
  std::vector<std::vector<Rational>> exact;
  for (const PatternWeight& row : given->rows) {
    const std::size_t p = parties.index(row.party);
    if (p < parties.base_count || p == parties.names.size())
      throw Error(given->source, row.line,
                  "'" + row.party + "' is not a new list of the projection (a mapping's new:NAME)" +
                      did_you_mean(row.party, new_lists));
    const std::size_t d = index_of(districts, row.district);
    if (d == districts.size())
      throw Error(given->source, row.line,
                  "no district '" + row.district + "' in the base election" + did_you_mean(row.district, districts));
    const std::size_t k = static_cast<std::size_t>(std::find(pattern.parties.begin(), pattern.parties.end(), p) -
                                                   pattern.parties.begin());
    if (k == pattern.parties.size()) {
      pattern.parties.push_back(p);
      exact.emplace_back(districts.size(), Rational(0));
    }
    exact[k][d] = row.weight;
  }
  for (const std::vector<Rational>& weights : exact) {
    std::int64_t denominator = 1;
    for (const Rational& weight : weights) denominator = std::lcm(denominator, weight.den());
    std::vector<std::int64_t>& scaled = pattern.weight.emplace_back();
    for (const Rational& weight : weights) scaled.push_back((weight * Rational(denominator)).num());
  }
  for (const AreaPool& pool : pools) {
    std::vector<i128>& spread = pattern.spread.emplace_back(pattern.parties.size(), 0);
    for (std::size_t k = 0; k < pattern.parties.size(); ++k)
      for (std::size_t d = 0; d < plans.size(); ++d)
        if (regions.in_area(pool.area, d))
          spread[k] += static_cast<i128>(pattern.weight[k][d]) *
                       std::accumulate(plans[d].base_votes.begin(), plans[d].base_votes.end(), i128{0});
  }
  return pattern;
}

// The point projection's votes written into `projected`; returns the areas' targets.
std::vector<std::vector<std::int64_t>> point_projection(const SwingModel& swing, const std::vector<AreaPool>& pools,
                                                        const std::vector<DistrictPlan>& plans,
                                                        const SpreadPattern& pattern, Election& projected) {
  std::vector<std::vector<std::int64_t>> area_targets, votes(plans.size());
  for (const AreaPool& pool : pools) area_targets.push_back(targets(pool, pool.pooled));
  for (std::size_t d = 0; d < plans.size(); ++d) votes[d].assign(plans[d].base_votes.size(), 0);
  SwingGroups by_pool;
  for (std::size_t a = 0; a < pools.size(); ++a) {
    by_pool.pool.push_back(a);
    by_pool.region.push_back(no_region);
  }
  for (const DistrictPlan& plan : plans) by_pool.of_district.push_back(plan.pool);
  project_all(swing, pools, by_pool, area_targets, plans, pattern, votes);
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
  if (options.regional_error && !options.regions && rule.leveling.regions.empty())
    throw Error(options.regional_error->source, options.regional_error->line,
                "a regional error needs regions (--regions FILE, or the rule's leveling regions)");
  Parties parties = base_parties(base);
  const Regions regions = base_regions(base, rule, options);
  std::vector<MappedPoll> mapped;
  for (const Poll& poll : polls.polls)
    mapped.push_back(map_poll(poll, polls, base, regions, options, parties, result.warnings));
  for (MappedPoll& poll : mapped) {  // new lists found in later polls
    poll.share.resize(parties.names.size(), 0.0);
    poll.listed.resize(parties.names.size(), false);
  }
  result.projected = with_new_lists(base, parties);
  std::vector<std::size_t> areas;
  const std::vector<AreaPool> pools =
      pool_polls(result.projected, parties, regions, mapped, polls, options, areas, result.house_effects);
  result.effective_sample_size = pools.front().effective_sample_size;
  const std::vector<DistrictPlan> plans = district_plans(result.projected, parties, regions, areas, options.turnout);
  SpreadPattern pattern = spread_pattern(options.new_party_pattern, result.projected, parties, regions, pools, plans);
  const std::vector<std::vector<std::int64_t>> area_targets =
      point_projection(options.swing, pools, plans, pattern, result.projected);

  std::vector<std::string> specs;
  for (const std::string& coalition : options.coalitions) specs.push_back(coalition_name_and_parties(coalition).second);
  Simulation simulation(result.projected, rule, options.district_noise.value_or(NoiseModel{}), options.seed, specs);
  result.point = simulation.cast_outcome();
  result.total_seats = simulation.total_seats();

  std::optional<SimulationCounts> counts;
  std::vector<ThresholdValue> thresholds = national_thresholds(rule, result.threshold_names);
  if (options.draws > 0) {
    std::optional<ErrorFactor> national_error, regional_error;
    if (options.national_error) national_error = cholesky_factor(*options.national_error, parties);
    if (options.regional_error) regional_error = cholesky_factor(*options.regional_error, parties);
    simulation.set_vote_source(
        std::make_shared<ProjectionSource>(options, pools, plans, std::move(national_error), std::move(regional_error),
                                           regions.names.size(), std::move(pattern), thresholds, parties.names.size()));
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
