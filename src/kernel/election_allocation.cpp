#include "seatsim/kernel/election_allocation.hpp"

#include <algorithm>
#include <map>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/lot_record.hpp"

namespace seatsim {
namespace {

// Reserved seats as `allocate` reports them: the winners hold one seat each.
void fill_reserved(const std::string& source, const District& district, const TieBreak& ties, DistrictOutcome& out) {
  const ReservedSeats reserved = reserved_seats(district, ties, source);
  for (const std::size_t i : reserved.tied) out.lists[i].tie = true;
  for (const std::size_t i : reserved.winners) {
    out.lists[i].seats = 1;
    out.lists[i].reserved_seat = true;
  }
  out.unfilled_reserved = reserved.unfilled;
}

std::string tie_note(const District& district, const DistrictOutcome& out, const Rule& rule, bool lot_drawn) {
  std::string competing;
  for (std::size_t i = 0; i < out.lists.size(); ++i) {
    if (!out.lists[i].tie) continue;
    if (!competing.empty()) competing += ", ";
    competing += district.lists[i].party + " (" + std::to_string(out.lists[i].seats) + " seats)";
  }
  const std::string where = district.name.empty() ? "the district" : district.name;
  std::string note = "tie in " + where + ": equal quotients decided the last seat(s) between " + competing +
                     "; rule '" + std::string(tie_rule_name(rule.ties)) + "'";
  if (lot_drawn) note += ", decided by lot (seed " + std::to_string(rule.seed) + ")";
  return note;
}

}  // namespace

ReservedSeats reserved_seats(const District& district, const TieBreak& ties, const std::string& source) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < district.lists.size(); ++i)
    if (!district.lists[i].quota_group.empty()) groups[district.lists[i].quota_group].push_back(i);
  if (static_cast<std::int64_t>(groups.size()) > district.reserved) {
    const ListResult& list = district.lists[groups.begin()->second.front()];
    throw Error(source, list.line,
                "district '" + district.name + "' has " + std::to_string(groups.size()) + " quota group(s) but " +
                    std::to_string(district.reserved) + " reserved seat(s)");
  }
  std::vector<std::int64_t> votes;
  for (const ListResult& list : district.lists) votes.push_back(list.votes);
  ReservedSeats reserved;
  for (const auto& [group, members] : groups) {
    std::int64_t best = -1;
    for (const std::size_t i : members) best = std::max(best, votes[i]);
    std::vector<std::size_t> top;
    for (const std::size_t i : members)
      if (votes[i] == best) top.push_back(i);
    if (top.size() > 1) reserved.tied.insert(reserved.tied.end(), top.begin(), top.end());
    reserved.winners.push_back(top.size() == 1 ? top.front() : ties.choose(top, votes, 1).front());
  }
  reserved.unfilled = district.reserved - static_cast<std::int64_t>(groups.size());
  return reserved;
}

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

NationalVotes national_votes(const Election& election) {
  NationalVotes national;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) national.party[list.party] += list.votes;
  national.total = election.total_votes();
  return national;
}

std::vector<bool> district_threshold_passes(const District& district, const Threshold& threshold,
                                            const NationalVotes& national) {
  std::vector<bool> row;
  row.reserve(district.lists.size());
  ThresholdVotes votes;
  votes.district_total = district.total_votes();
  votes.national_total = national.total;
  for (const ListResult& list : district.lists) {
    const std::optional<ThresholdValue> value = threshold.for_party(list.party);
    // Exempt lists and reserved-seat lists pass; so does every list when there is no threshold.
    if (!list.quota_group.empty() || threshold.exempts(list.party) || (!value && threshold.alternatives.empty())) {
      row.push_back(true);
      continue;
    }
    votes.list = list.votes;
    const auto party = national.party.find(list.party);
    votes.party_national = party == national.party.end() ? list.votes : party->second;
    row.push_back(threshold.passes(value, votes));
  }
  return row;
}

std::vector<std::vector<bool>> threshold_passes(const Election& election, const Threshold& threshold) {
  const NationalVotes national = threshold.needs_national() ? national_votes(election) : NationalVotes{};
  std::vector<std::vector<bool>> passes;
  for (const District& district : election.districts)
    passes.push_back(district_threshold_passes(district, threshold, national));
  return passes;
}

DistrictOutcome allocate_district(const District& district, const std::vector<bool>& passes, const Rule& rule,
                                  const std::string& source, std::vector<std::string>* notes) {
  const auto district_error = [&](const std::string& what) {
    const std::size_t line = district.lists.empty() ? 0 : district.lists.front().line;
    return Error(source, line, "district '" + district.name + "': " + what);
  };
  if (district.seats < 0 || district.reserved < 0) throw district_error("negative seats");
  if (district.reserved > district.seats) throw district_error("more reserved seats than seats");
  DistrictOutcome out;
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
  const LotRecord lot;  // this district's draws, for its tie note (and passed on to the caller's record)
  const std::size_t first_line = district.lists.empty() ? 0 : district.lists.front().line;
  try {
    fill_reserved(source, district, ties, out);
  } catch (const TieError& error) {
    throw TieError(source, first_line, error.message());
  }

  std::vector<std::int64_t> votes;
  std::vector<std::uint64_t> general_keys;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    out.lists[i].passes_threshold = passes[i];
    if (!district.lists[i].quota_group.empty() || !passes[i]) continue;
    out.general_lists.push_back(i);
    votes.push_back(district.lists[i].votes);
    general_keys.push_back(keys[i]);
  }
  out.general_seats = district.seats - district.reserved;
  const bool any_votes = std::any_of(votes.begin(), votes.end(), [](std::int64_t v) { return v > 0; });
  if (out.general_seats > 0 && !any_votes)
    throw district_error(std::to_string(out.general_seats) + " seat(s) to fill but no list with votes passes " +
                         "the threshold");
  ties.list_keys = general_keys;
  try {
    if (!district.alliances.empty()) {
      if (!rule.bounds.empty()) throw district_error("seat bounds do not combine with list alliances");
      out.general = allocate_by_groups(district, out.general_lists, out.general_seats, rule, ties);
    } else if (rule.bounds.empty()) {
      out.general = seatsim::allocate(votes, out.general_seats, rule.method, ties);
    } else {
      std::vector<SeatBound> bounds;
      for (const std::size_t i : out.general_lists) bounds.push_back(rule.bounds.for_list(district.lists[i].party));
      out.general = allocate_bounded(votes, out.general_seats, rule.method.divisor(), bounds, ties);
    }
  } catch (const TieError& error) {
    throw TieError(source, first_line, error.message());
  } catch (const Error& error) {
    if (!error.file().empty()) throw;
    throw district_error(error.message());
  }
  for (std::size_t k = 0; k < out.general_lists.size(); ++k) {
    ListOutcome& list = out.lists[out.general_lists[k]];
    list.seats = out.general.seats[k];
    list.tie = list.tie || out.general.tie[k] != 0;
  }
  for (ListOutcome& list : out.lists) list.district_seats = list.seats;
  if (notes) {
    if (std::any_of(out.lists.begin(), out.lists.end(), [](const ListOutcome& l) { return l.tie; }))
      notes->push_back(tie_note(district, out, rule, lot.drawn()));
    if (out.unfilled_reserved > 0)
      notes->push_back(district.name + ": " + std::to_string(out.unfilled_reserved) +
                       " reserved seat(s) stay unfilled (no list of the group)");
    if (out.general.quota_excess > 0)
      notes->push_back(district.name + ": whole quotas exceed the seats by " +
                       std::to_string(out.general.quota_excess) + "; withdrawn from the smallest remainders");
  }
  return out;
}

ElectionOutcome allocate(const Election& election, const Rule& rule) {
  rule.check();
  check_vote_limits(election);
  if (rule.biproportional.enabled) {
    if (has_alliances(election)) throw Error(election.source, 0, "list alliances do not combine with --biproportional");
    return allocate_biproportional(election, rule);
  }
  if (rule.mixed_member.enabled()) {
    if (has_alliances(election)) throw Error(election.source, 0, "list alliances do not combine with mixed_member");
    return allocate_mixed_member(election, rule);
  }
  if (rule.quota_tier.enabled()) {
    if (has_alliances(election)) throw Error(election.source, 0, "list alliances do not combine with --quota-tier");
    return allocate_quota_tier(election, rule);
  }
  std::vector<std::vector<bool>> passes = threshold_passes(election, rule.threshold);
  if (rule.alliances.threshold == AllianceThreshold::groups && !rule.threshold.empty()) {
    const NationalVotes national = rule.threshold.needs_national() ? national_votes(election) : NationalVotes{};
    for (std::size_t d = 0; d < election.districts.size(); ++d)
      apply_group_threshold(election.districts[d], rule.threshold, national, passes[d]);
  }
  ElectionOutcome result;
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    result.districts.push_back(
        allocate_district(election.districts[d], passes[d], rule, election.source, &result.notes));
  if (rule.leveling.enabled()) add_leveling(election, rule, result);
  return result;
}

}  // namespace seatsim
