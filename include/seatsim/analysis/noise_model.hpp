#pragma once
// Noise models for Monte Carlo: how one draw's votes are made from the votes as cast. Each
// district is drawn independently from its own random stream (RandomStream keyed by seed, draw
// and district); the swing model adds one national number per party and draw.
//
// For a district with cast votes v_j, total V = Σ v_j and shares p_j = v_j / V (lists with no
// votes stay at 0 in every model):
//  - dirichlet:K   shares q ~ Dirichlet(K·p_1, …, K·p_n) (drawn as normalised Gamma(K·p_j)
//                  variates), votes round(q_j·V). Mean p_j, variance p_j(1 − p_j)/(K + 1).
//  - multinomial   the V ballots resampled: (v'_j) ~ Multinomial(V; p_1, …, p_n), drawn as
//                  successive binomials v'_j ~ Bin(V − Σ_{l<j} v'_l, v_j / Σ_{l≥j} v_l).
//  - swing:SD[,DSD] in percentage points: a national swing s_P ~ N(0, SD²) per party and
//                  draw, shared by the party's lists in every district, plus independent district
//                  noise e_j ~ N(0, DSD²) (DSD defaults to SD); votes round(V·max(0, p_j +
//                  (s_P + e_j)/100)).
// round() is round-half-up. The allocation is scale-invariant, so that district totals change
// under the swing model does not matter except against a threshold in votes.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/analysis/random_stream.hpp"

namespace seatsim {

struct NoiseModel {
  enum class Kind { dirichlet, multinomial, swing };
  Kind kind = Kind::multinomial;
  double concentration = 0;  // dirichlet: K
  double national_sd = 0;    // swing: SD, percentage points
  double district_sd = 0;    // swing: DSD, percentage points
  std::string text;          // as given, for reports

  // "dirichlet:100", "multinomial", "swing:2" or "swing:2,1". Throws seatsim::Error for an
  // unknown model, K ≤ 0, a negative SD, or a number that does not parse.
  static NoiseModel parse(std::string_view text);
  std::string describe() const;  // the formula in one line
};

// A noise model applied to one district's cast votes, with every per-list constant computed once
// (the Dirichlet parameters' gamma constants, the multinomial's conditional probabilities).
class DistrictNoise {
 public:
  DistrictNoise(const NoiseModel& model, std::span<const std::int64_t> cast);

  // Draws the district's votes into `out` (one entry per list). `party_swing[j]` is the
  // national swing of list j's party in this draw (swing model only; otherwise empty).
  void draw(std::span<const double> party_swing, RandomStream& random, std::span<std::int64_t> out) const;

 private:
  NoiseModel::Kind kind_;
  double district_sd_ = 0;
  std::vector<std::int64_t> cast_;
  double total_ = 0;
  std::vector<RandomStream::GammaShape> shapes_;  // dirichlet, lists with votes
  std::vector<double> conditional_;               // multinomial: v_j / Σ_{l≥j} v_l
  std::vector<double> share_;                     // swing: v_j / V
};

}  // namespace seatsim
