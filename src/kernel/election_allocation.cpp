#include "seatsim/election_allocation.hpp"

#include <algorithm>
#include <map>

#include "seatsim/error.hpp"
#include "seatsim/int128.hpp"

namespace seatsim {
namespace {

Error district_error(const Election& election, const District& district, const std::string& what) {
  const std::size_t line = district.lists.empty() ? 0 : district.lists.front().line;
  return Error(election.source, line, "district '" + district.name + "': " + what);
}

// Reserved seats: each quota group's list with most votes takes one seat of the group.
void fill_reserved(const Election& election, const District& district, const TieBreak& ties, DistrictOutcome& out) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < district.lists.size(); ++i)
    if (!district.lists[i].quota_group.empty()) groups[district.lists[i].quota_group].push_back(i);
  if (static_cast<std::int64_t>(groups.size()) > district.reserved) {
    const ListResult& list = district.lists[groups.begin()->second.front()];
    throw Error(election.source, list.line,
                "district '" + district.name + "' has " + std::to_string(groups.size()) + " quota group(s) but " +
                    std::to_string(district.reserved) + " reserved seat(s)");
  }
  std::vector<std::int64_t> votes;
  for (const ListResult& list : district.lists) votes.push_back(list.votes);
  for (const auto& [group, members] : groups) {
    std::int64_t best = -1;
    for (const std::size_t i : members) best = std::max(best, votes[i]);
    std::vector<std::size_t> top;
    for (const std::size_t i : members)
      if (votes[i] == best) top.push_back(i);
    const std::vector<std::size_t> winner = top.size() == 1 ? top : ties.choose(top, votes, 1);
    if (top.size() > 1)
      for (const std::size_t i : top) out.lists[i].tie = true;
    out.lists[winner.front()].seats = 1;
    out.lists[winner.front()].reserved_seat = true;
  }
  out.unfilled_reserved = district.reserved - static_cast<std::int64_t>(groups.size());
}

std::string tie_note(const District& district, const DistrictOutcome& out, const Rule& rule) {
  std::string competing;
  for (std::size_t i = 0; i < out.lists.size(); ++i) {
    if (!out.lists[i].tie) continue;
    if (!competing.empty()) competing += ", ";
    competing += district.lists[i].party + " (" + std::to_string(out.lists[i].seats) + " seats)";
  }
  const std::string where = district.name.empty() ? "the district" : district.name;
  return "tie in " + where + ": equal quotients decided the last seat(s) between " + competing + "; rule '" +
         std::string(tie_rule_name(rule.ties)) + "'";
}

}  // namespace

// Readers enforce the limits on files, but an election built or transformed in memory may not.
void check_vote_limits(const Election& election) {
  i128 total = 0;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) {
      if (list.votes < 0 || list.votes > max_votes)
        throw Error(election.source, list.line,
                    "votes of '" + list.party + "' (" + std::to_string(list.votes) + ") outside the limits 0 to " +
                        std::to_string(max_votes));
      total += list.votes;
      if (total > max_total_votes)
        throw Error(election.source, list.line,
                    "the election's total votes pass the limit of " + std::to_string(max_total_votes));
    }
}

std::vector<std::vector<bool>> threshold_passes(const Election& election, const Threshold& threshold) {
  std::map<std::string, std::int64_t> national;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) national[list.party] += list.votes;
  const std::int64_t national_base = election.total_votes();
  std::vector<std::vector<bool>> passes;
  for (const District& district : election.districts) {
    const std::int64_t district_base = district.total_votes();
    std::vector<bool>& row = passes.emplace_back();
    for (const ListResult& list : district.lists) {
      const std::optional<ThresholdValue> value = threshold.for_party(list.party);
      if (!value || !list.quota_group.empty()) {
        row.push_back(true);
        continue;
      }
      const bool is_national = threshold.scope == ThresholdScope::national;
      row.push_back(value->passes(is_national ? national[list.party] : list.votes,
                                  is_national ? national_base : district_base, threshold.strict));
    }
  }
  return passes;
}

ElectionOutcome allocate(const Election& election, const Rule& rule) {
  check_vote_limits(election);
  const std::vector<std::vector<bool>> passes = threshold_passes(election, rule.threshold);
  ElectionOutcome result;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    if (district.seats < 0 || district.reserved < 0) throw district_error(election, district, "negative seats");
    if (district.reserved > district.seats) throw district_error(election, district, "more reserved seats than seats");
    DistrictOutcome& out = result.districts.emplace_back();
    out.lists.resize(district.lists.size());
    std::vector<std::uint64_t> keys;
    for (const ListResult& list : district.lists) keys.push_back(stream_key(list.party));
    TieBreak ties{rule.ties,
                  rule.seed,
                  stream_key(district.name),
                  district.name.empty() ? "the district" : "district '" + district.name + "'",
                  {}};
    // Lots are keyed by list name, never by position, so that reordering lists changes nothing.
    ties.list_keys = keys;
    try {
      fill_reserved(election, district, ties, out);
    } catch (const TieError& error) {
      throw TieError(election.source, district.lists.front().line, error.message());
    }

    std::vector<std::int64_t> votes;
    std::vector<std::uint64_t> general_keys;
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      out.lists[i].passes_threshold = passes[d][i];
      if (!district.lists[i].quota_group.empty() || !passes[d][i]) continue;
      out.general_lists.push_back(i);
      votes.push_back(district.lists[i].votes);
      general_keys.push_back(keys[i]);
    }
    out.general_seats = district.seats - district.reserved;
    const bool any_votes = std::any_of(votes.begin(), votes.end(), [](std::int64_t v) { return v > 0; });
    if (out.general_seats > 0 && !any_votes)
      throw district_error(
          election, district,
          std::to_string(out.general_seats) + " seat(s) to fill but no list with votes passes " + "the threshold");
    ties.list_keys = general_keys;
    try {
      out.general = seatsim::allocate(votes, out.general_seats, rule.method, ties);
    } catch (const TieError& error) {
      throw TieError(election.source, district.lists.empty() ? 0 : district.lists.front().line, error.message());
    }
    for (std::size_t k = 0; k < out.general_lists.size(); ++k) {
      ListOutcome& list = out.lists[out.general_lists[k]];
      list.seats = out.general.seats[k];
      list.tie = list.tie || out.general.tie[k] != 0;
    }
    if (std::any_of(out.lists.begin(), out.lists.end(), [](const ListOutcome& l) { return l.tie; }))
      result.notes.push_back(tie_note(district, out, rule));
    if (out.unfilled_reserved > 0)
      result.notes.push_back(district.name + ": " + std::to_string(out.unfilled_reserved) +
                             " reserved seat(s) stay unfilled (no list of the group)");
    if (out.general.quota_excess > 0)
      result.notes.push_back(district.name + ": whole quotas exceed the seats by " +
                             std::to_string(out.general.quota_excess) + "; withdrawn from the smallest remainders");
  }
  return result;
}

}  // namespace seatsim
