// Seats–votes curves (seats_votes.hpp): the swing's integer parameter walked over a grid of 256
// steps, every change of the party's seats between neighbours located by bisection.
#include "seatsim/analysis/seats_votes.hpp"

#include <algorithm>
#include <functional>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace seatsim {
namespace {

constexpr std::int64_t ppm = 1'000'000;
constexpr std::int64_t grid_steps = 256;

struct Probe {
  std::optional<std::int64_t> seats;  // none: no valid allocation there
  std::int64_t votes = 0, total = 0;  // the party's national votes, and all votes
};

class Curve {
 public:
  Curve(const Election& election, const Rule& rule, const std::string& party, Swing swing)
      : cast_(election), rule_(rule), party_(party), swing_(swing), work_(election) {
    for (const District& district : election.districts)
      for (const ListResult& list : district.lists)
        if (list.party == party) party_votes_ += list.votes, found_ = true;
    if (!found_) throw Error("seats-votes: no list of party '" + party + "'");
  }

  std::int64_t low() const { return swing_ == Swing::proportional ? 0 : -ppm; }
  std::int64_t high() const {
    if (swing_ == Swing::uniform) return ppm;
    // Up to 99 times the other votes (a share of 99 %), at least the cast votes.
    std::int64_t others = 0;
    for (const District& district : cast_.districts) others += district.total_votes();
    others -= party_votes_;
    return std::min<std::int64_t>(max_votes,
                                  std::max<std::int64_t>(party_votes_, 99 * std::max<std::int64_t>(others, 1)));
  }

  Probe at(std::int64_t parameter) {
    set(parameter);
    Probe probe;
    for (const District& district : work_.districts)
      for (const ListResult& list : district.lists) {
        probe.total += list.votes;
        if (list.party == party_) probe.votes += list.votes;
      }
    try {
      const ElectionOutcome outcome = allocate(work_, rule_);
      std::int64_t seats = 0;
      for (std::size_t d = 0; d < work_.districts.size(); ++d)
        for (std::size_t i = 0; i < work_.districts[d].lists.size(); ++i)
          if (work_.districts[d].lists[i].party == party_) seats += outcome.seats(d, i);
      probe.seats = seats;
    } catch (const Error&) {
    }
    return probe;
  }

 private:
  void set(std::int64_t parameter) {
    for (std::size_t d = 0; d < cast_.districts.size(); ++d) {
      const District& district = cast_.districts[d];
      if (swing_ == Swing::proportional) {
        for (std::size_t i = 0; i < district.lists.size(); ++i)
          if (district.lists[i].party == party_)
            work_.districts[d].lists[i].votes =
                party_votes_ == 0
                    ? 0
                    : static_cast<std::int64_t>(static_cast<i128>(district.lists[i].votes) * parameter / party_votes_);
        continue;
      }
      // Uniform: the party's share p + Δ (clamped), the others in proportion to their cast votes.
      const std::int64_t total = district.total_votes();
      std::int64_t own = 0;
      for (const ListResult& list : district.lists)
        if (list.party == party_) own += list.votes;
      if (total == 0 || own == 0) continue;  // no list of the party here: nothing to swing
      const i128 target = std::clamp<i128>(static_cast<i128>(own) * ppm + static_cast<i128>(parameter) * total, 0,
                                           static_cast<i128>(total) * ppm);  // share × ppm × total
      const std::int64_t own_after = static_cast<std::int64_t>(target / ppm);
      const std::int64_t others = total - own, others_after = total - own_after;
      for (std::size_t i = 0; i < district.lists.size(); ++i) {
        const ListResult& list = district.lists[i];
        std::int64_t& votes = work_.districts[d].lists[i].votes;
        if (list.party == party_)
          votes = static_cast<std::int64_t>(static_cast<i128>(list.votes) * own_after / own);
        else
          votes = others == 0 ? 0 : static_cast<std::int64_t>(static_cast<i128>(list.votes) * others_after / others);
      }
    }
  }

  const Election& cast_;
  const Rule& rule_;
  std::string party_;
  Swing swing_;
  Election work_;
  std::int64_t party_votes_ = 0;
  bool found_ = false;
};

Rational share(const Probe& probe) { return probe.total == 0 ? Rational(0) : Rational(probe.votes, probe.total); }

}  // namespace

SeatsVotesCurve seats_votes_curve(const Election& election, const Rule& rule, const std::string& party, Swing swing) {
  const ElectionOutcome cast = allocate(election, rule);  // the cast election must allocate
  Curve curve(election, rule, party, swing);
  SeatsVotesCurve result;
  result.party = party;
  result.swing = swing;
  for (const DistrictOutcome& district : cast.districts)
    for (const ListOutcome& list : district.lists) result.house += list.seats;
  const std::int64_t low = curve.low(), high = curve.high();
  std::int64_t from = low;
  Probe first = curve.at(low), last = first;
  const auto close = [&](const Probe& end) {
    if (first.seats) result.pieces.push_back({*first.seats, first.votes, end.votes, share(first), share(end)});
  };
  for (std::int64_t step = 1; step <= grid_steps; ++step) {
    const std::int64_t to = low + static_cast<std::int64_t>(static_cast<i128>(high - low) * step / grid_steps);
    Probe next = curve.at(to);
    std::int64_t at = from;
    // Every change between `at` and `to`: bisect for the first parameter whose seats differ.
    while (next.seats != last.seats) {
      std::int64_t same = at, differs = to;
      Probe found = next;
      while (differs - same > 1) {
        const std::int64_t mid = same + (differs - same) / 2;
        Probe probe = curve.at(mid);
        if (probe.seats == last.seats) {
          same = mid;
          last = probe;
        } else {
          differs = mid;
          found = probe;
        }
      }
      close(last);
      first = found;
      last = found;
      at = differs;
      if (at == to) break;
    }
    last = next;
    from = to;
  }
  close(last);
  for (const CurvePiece& piece : result.pieces)
    if (piece.share_from <= Rational(1, 2) && Rational(1, 2) <= piece.share_to) result.seats_at_half = piece.seats;
  return result;
}

}  // namespace seatsim
