// Norway's placement of leveling seats (valgloven § 11-6 (5)-(7)), as described in
// ../shared/data/norway_2021_storting_full.meta.txt. Quotients are compared exactly:
// (v / (2n + 1)) / (V / S) = v·S / ((2n + 1)·V), a ratio of integers.
#include <algorithm>
#include <utility>

#include "seatsim/core/error.hpp"
#include "seatsim/core/priority.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {
namespace {

struct Candidate {
  Priority quotient;
  std::size_t district;
  std::size_t list;
  std::int64_t divisor;  // 2n + 1
};

std::string candidate_name(const PlacementInput& input, const Candidate& c) {
  const District& district = input.election.districts[c.district];
  return district.lists[c.list].party + " in " + district.name;
}

LevelingCandidate described(const PlacementInput& input, const Candidate& c) {
  const District& district = input.election.districts[c.district];
  return {district.lists[c.list].party, district.name, c.quotient, Rational(c.divisor)};
}

// Why a candidate is passed over: its district or its party is done.
std::string skip_reason(bool district_full) {
  return district_full ? "district has its leveling seat already" : "party has no leveling seat left";
}

}  // namespace

Placement place_norway(const PlacementInput& input) {
  const std::vector<District>& districts = input.election.districts;
  Placement out;
  std::vector<Candidate> candidates;
  for (std::size_t d = 0; d < districts.size(); ++d) {
    const District& district = districts[d];
    out.seats.emplace_back(district.lists.size(), 0);
    out.tie.emplace_back(district.lists.size(), 0);
    std::int64_t district_seats = 0;
    for (const std::int64_t s : input.district_seats[d]) district_seats += s;
    const u128 total_votes = static_cast<u128>(district.total_votes());
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      const ListResult& list = district.lists[i];
      if (list.votes <= 0 || !input.leveling_seats.contains(list.party)) continue;
      const u128 n = static_cast<u128>(input.district_seats[d][i]);
      candidates.push_back(
          {{static_cast<u128>(list.votes) * static_cast<u128>(district_seats), (2 * n + 1) * total_votes},
           d,
           i,
           2 * input.district_seats[d][i] + 1});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.quotient > b.quotient; });

  std::vector<std::int64_t> room = input.capacity;
  std::map<std::string, std::int64_t> left = input.leveling_seats;
  const auto open = [&](const Candidate& c) {
    return room[c.district] > 0 && left[districts[c.district].lists[c.list].party] > 0;
  };
  std::vector<SkippedCandidate> passed;  // since the last award
  const auto pass_over = [&](const Candidate& c) {
    passed.push_back({described(input, c), skip_reason(room[c.district] <= 0)});
  };
  const auto grant = [&](const Candidate& c, bool tie) {
    out.awards.push_back(
        {static_cast<std::int64_t>(out.awards.size()) + 1, described(input, c), tie, std::exchange(passed, {})});
    ++out.seats[c.district][c.list];
    --room[c.district];
    --left[districts[c.district].lists[c.list].party];
  };
  for (std::size_t begin = 0; begin < candidates.size();) {
    std::size_t end = begin + 1;
    while (end < candidates.size() && candidates[end].quotient == candidates[begin].quotient) ++end;
    // Equal quotients matter only when granting them all would overfill a district or a party.
    std::map<std::size_t, std::int64_t> per_district;
    std::map<std::string, std::int64_t> per_party;
    std::vector<std::size_t> eligible;
    for (std::size_t k = begin; k < end; ++k) {
      if (!open(candidates[k])) {
        pass_over(candidates[k]);
        continue;
      }
      eligible.push_back(k);
      ++per_district[candidates[k].district];
      ++per_party[districts[candidates[k].district].lists[candidates[k].list].party];
    }
    bool conflict = false;
    for (const auto& [d, count] : per_district) conflict = conflict || count > room[d];
    for (const auto& [party, count] : per_party) conflict = conflict || count > left[party];
    if (!conflict) {
      for (const std::size_t k : eligible) grant(candidates[k], false);
    } else {
      // One seat at a time by the tie rule among the still-eligible equal quotients.
      std::string names;
      for (;;) {
        std::vector<std::size_t> still;
        std::vector<std::int64_t> votes;
        std::vector<std::uint64_t> keys;
        for (std::size_t k = begin; k < end; ++k) {
          if (!open(candidates[k])) continue;
          still.push_back(still.size());
          const District& district = districts[candidates[k].district];
          votes.push_back(district.lists[candidates[k].list].votes);
          keys.push_back(stream_key(district.name + "\n" + district.lists[candidates[k].list].party));
        }
        if (still.empty()) break;
        std::vector<std::size_t> members;
        for (std::size_t k = begin; k < end; ++k)
          if (open(candidates[k])) members.push_back(k);
        const TieBreak breaker{input.ties, input.seed, stream_key("leveling placement"), "the leveling placement",
                               keys};
        const std::size_t winner = members[breaker.choose(still, votes, 1).front()];
        for (const std::size_t k : members) {
          out.tie[candidates[k].district][candidates[k].list] = 1;
          if (names.find(candidate_name(input, candidates[k])) == std::string::npos)
            names += (names.empty() ? "" : ", ") + candidate_name(input, candidates[k]);
        }
        grant(candidates[winner], true);
      }
      out.notes.push_back("tie in the leveling placement: equal quotients for " + names + "; rule '" +
                          std::string(tie_rule_name(input.ties)) + "'");
    }
    begin = end;
  }
  for (const auto& [party, count] : left)
    if (count > 0)
      throw Error("leveling placement (norway): " + std::to_string(count) + " leveling seat(s) of '" + party +
                  "' cannot be placed: every district where it has votes has no leveling seat left");
  return out;
}

}  // namespace seatsim
