#include "seatsim/analysis/population_paradox.hpp"

#include <map>
#include <utility>

#include "seatsim/core/int128.hpp"

namespace seatsim {
namespace {

std::string label(const District& district) { return district.name.empty() ? "the district" : district.name; }

std::string signed_votes(std::int64_t votes) { return (votes >= 0 ? "+" : "") + std::to_string(votes); }

// A raise as a percentage of the votes, two decimals rounded down, for the detail line.
std::string growth_text(std::int64_t raise, std::int64_t votes) {
  if (votes == 0) return "";
  const auto hundredths = static_cast<std::int64_t>(static_cast<i128>(raise) * 10'000 / votes);
  return " (" + std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") +
         std::to_string(hundredths % 100) + " %)";
}

class PopulationSearcher {
 public:
  PopulationSearcher(const Election& cast, std::size_t district, const std::vector<std::int64_t>& cast_seats,
                     const ListSeatsOf& seats_of, const std::function<bool()>& expired)
      : cast_(cast), d_(district), base_(cast_seats), seats_of_(seats_of), expired_(expired), work_(cast) {}

  PopulationSearch run() {
    const std::size_t lists = cast_.districts[d_].lists.size();
    for (std::size_t c = 0; c < lists; ++c)
      for (const bool down : {false, true}) {
        const std::int64_t votes = cast_.districts[d_].lists[c].votes;
        for (const std::int64_t t : paradox_vote_grid(votes, down)) {
          if (expired_()) {
            out_.complete = false;
            return finish();
          }
          visit(c, down ? -t : t);
        }
      }
    return finish();
  }

 private:
  std::int64_t& votes_of(std::size_t list) { return work_.districts[d_].lists[list].votes; }
  std::int64_t cast_votes(std::size_t list) const { return cast_.districts[d_].lists[list].votes; }

  // List c's votes changed by `change`: every pair that trades a seat against the cast result.
  void visit(std::size_t c, std::int64_t change) {
    votes_of(c) += change;
    const auto seats = seats_of_(work_);
    if (seats)
      for (std::size_t a = 0; a < base_.size(); ++a)
        for (std::size_t b = 0; b < base_.size(); ++b)
          if (a != c && b != c && a != b && (*seats)[a] < base_[a] && (*seats)[b] > base_[b]) consider(c, change, a, b);
    votes_of(c) = cast_votes(c);
  }

  // The largest raise of A's votes over the grid that keeps A below and B above their cast seats.
  std::int64_t strongest_raise(std::size_t a, std::size_t b) {
    std::int64_t kept = 0;
    for (const std::int64_t raise : paradox_vote_grid(cast_votes(a), false)) {
      if (expired_()) break;
      votes_of(a) = cast_votes(a) + raise;
      const auto seats = seats_of_(work_);
      votes_of(a) = cast_votes(a);
      if (!seats || (*seats)[a] >= base_[a] || (*seats)[b] <= base_[b]) break;
      kept = raise;
    }
    return kept;
  }

  void consider(std::size_t c, std::int64_t change, std::size_t a, std::size_t b) {
    const std::pair<std::size_t, std::size_t> pair{a, b};
    if (strict_.contains(pair)) return;
    const std::int64_t raise = strongest_raise(a, b);
    if (raise == 0 && weak_.contains(pair)) return;
    votes_of(a) = cast_votes(a) + raise;
    const auto seats = seats_of_(work_);
    votes_of(a) = cast_votes(a);
    if (!seats) return;
    ParadoxFinding finding = witness(c, change, a, b, raise, *seats);
    (raise > 0 ? strict_ : weak_)[pair] = std::move(finding);
  }

  ParadoxFinding witness(std::size_t c, std::int64_t change, std::size_t a, std::size_t b, std::int64_t raise,
                         const std::vector<std::int64_t>& seats) const {
    const District& district = cast_.districts[d_];
    ParadoxFinding finding;
    finding.kind = ParadoxKind::population;
    finding.change = ParadoxChange::district_votes;
    finding.district = d_;
    finding.list = a;
    finding.party = district.lists[a].party;
    finding.amount = raise;
    finding.value_before = cast_votes(a);
    finding.value_after = cast_votes(a) + raise;
    finding.list_seats = true;
    finding.seats_before = base_[a];
    finding.seats_after = seats[a];
    for (const ListResult& list : district.lists) finding.votes_after.push_back(list.votes);
    finding.votes_after[c] += change;
    finding.votes_after[a] += raise;
    finding.gainer = b;
    const std::string& name_a = district.lists[a].party;
    const std::string& name_b = district.lists[b].party;
    finding.detail = (raise > 0 ? name_a + " grows by " + std::to_string(raise) + " votes" +
                                      growth_text(raise, cast_votes(a)) + ", " + name_b + " by none,"
                                : name_a + " and " + name_b + " unchanged (equal growth),") +
                     " " + district.lists[c].party + " " + signed_votes(change) + " votes: " + name_a +
                     " loses a seat to " + name_b + " in " + label(district) + " (" + name_a + " " +
                     std::to_string(base_[a]) + " -> " + std::to_string(seats[a]) + ", " + name_b + " " +
                     std::to_string(base_[b]) + " -> " + std::to_string(seats[b]) + ")";
    return finding;
  }

  PopulationSearch finish() {
    for (auto& [pair, finding] : strict_) out_.findings.push_back(std::move(finding));
    for (auto& [pair, finding] : weak_)
      if (!strict_.contains(pair)) out_.findings.push_back(std::move(finding));
    return std::move(out_);
  }

  const Election& cast_;
  std::size_t d_;
  const std::vector<std::int64_t>& base_;
  const ListSeatsOf& seats_of_;
  const std::function<bool()>& expired_;
  Election work_;
  std::map<std::pair<std::size_t, std::size_t>, ParadoxFinding> strict_, weak_;
  PopulationSearch out_;
};

}  // namespace

PopulationSearch search_population_paradox(const Election& cast, std::size_t district,
                                           const std::vector<std::int64_t>& cast_seats, const ListSeatsOf& seats_of,
                                           const std::function<bool()>& expired) {
  return PopulationSearcher(cast, district, cast_seats, seats_of, expired).run();
}

bool population_paradox_holds(const Election& before, const Election& after, const ParadoxFinding& finding,
                              const std::vector<std::int64_t>& seats_before,
                              const std::vector<std::int64_t>& seats_after) {
  if (!finding.district || !finding.list || !finding.gainer || *finding.list == *finding.gainer) return false;
  const std::size_t a = *finding.list, b = *finding.gainer;
  const auto& lists_before = before.districts.at(*finding.district).lists;
  const auto& lists_after = after.districts.at(*finding.district).lists;
  if (finding.votes_after.size() != lists_after.size() || finding.votes_after.at(a) != finding.value_after)
    return false;
  // A'/A ≥ B'/B, cross-multiplied.
  const bool grows_as_fast = static_cast<i128>(lists_after.at(a).votes) * lists_before.at(b).votes >=
                             static_cast<i128>(lists_after.at(b).votes) * lists_before.at(a).votes;
  return grows_as_fast && seats_after.at(a) < seats_before.at(a) && seats_after.at(b) > seats_before.at(b);
}

}  // namespace seatsim
