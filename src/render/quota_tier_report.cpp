// The explain report of a quota tier: tables, JSON and text from the election, its outcome and the
// tier's record (QuotaTierOutcome). Decimals are for reading; the seats were decided exactly.
#include "seatsim/render/quota_tier_report.hpp"

#include <map>

#include "seatsim/kernel/quotient.hpp"

namespace seatsim {
namespace {

constexpr int places = 4;

Cell count(std::int64_t value) { return Cell(static_cast<long long>(value)); }

std::int64_t quota_seats_of(const DistrictOutcome& district) {
  std::int64_t total = 0;
  for (const ListOutcome& list : district.lists) total += list.district_seats;
  return total;
}

std::map<std::string, std::int64_t> national_votes_of(const Election& election) {
  std::map<std::string, std::int64_t> votes;
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists) votes[list.party] += list.votes;
  return votes;
}

}  // namespace

Table quota_tier_district_table(const Election& election, const ElectionOutcome& outcome, const std::string& district) {
  const QuotaTierOutcome& tier = *outcome.quota_tier;
  Table table;
  table.columns = {"district", "party", "votes", "quota", "quota_seats", "remainder", "upper_seats", "seats"};
  table.group_by = {"district"};
  table.rank_by = {"votes"};
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& in = election.districts[d];
    if (!district.empty() && in.name != district) continue;
    for (std::size_t i = 0; i < in.lists.size(); ++i) {
      const ListOutcome& list = outcome.districts[d].lists[i];
      table.add({in.name, in.lists[i].party, count(in.lists[i].votes),
                 Cell::number(format_decimal(tier.quotas[d], places)), count(list.district_seats),
                 list.passes_threshold ? Cell::number(format_decimal(tier.unused[d][i], places)) : Cell(""),
                 count(list.leveling_seats), count(list.seats)});
    }
  }
  return table;
}

Table quota_tier_summary_table(const Election& election, const ElectionOutcome& outcome) {
  const QuotaTierOutcome& tier = *outcome.quota_tier;
  Table table;
  table.columns = {"district", "seats", "quota", "quota_seats", "withdrawn", "left_over"};
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const std::int64_t handed = quota_seats_of(outcome.districts[d]);
    table.add({election.districts[d].name, count(tier.district_seats[d]),
               Cell::number(format_decimal(tier.quotas[d], places)), count(handed), count(tier.excess[d]),
               count(tier.district_seats[d] - handed)});
  }
  return table;
}

Table quota_tier_national_table(const Election& election, const ElectionOutcome& outcome) {
  const QuotaTierOutcome& tier = *outcome.quota_tier;
  const std::map<std::string, std::int64_t> votes = national_votes_of(election);
  Table table;
  table.columns = {"party", "votes", "upper_votes", "status", "quota_seats", "upper_seats", "seats"};
  table.rank_by = {"votes"};
  for (std::size_t p = 0; p < tier.parties.size(); ++p) {
    const bool part = tier.takes_part[p];
    table.add({tier.parties[p], count(votes.at(tier.parties[p])), part ? count(tier.upper_votes[p]) : Cell(""),
               part ? "takes_part" : "below_threshold", count(tier.lower_seats[p]), count(tier.upper_seats[p]),
               count(tier.lower_seats[p] + tier.upper_seats[p])});
  }
  return table;
}

Json quota_tier_to_json(const Election& election, const ElectionOutcome& outcome) {
  Json j;
  j["districts"] = to_records(quota_tier_summary_table(election, outcome));
  j["national"] = to_records(quota_tier_national_table(election, outcome));
  j["upper_total"] = outcome.quota_tier->upper_total;
  Json exact = Json::object();
  for (std::size_t d = 0; d < election.districts.size(); ++d)
    exact[election.districts[d].name] = format_fraction_text(outcome.quota_tier->quotas[d]);
  j["quota_exact"] = exact;
  return j;
}

std::string quota_tier_text(const Election& election, const ElectionOutcome& outcome, const std::string& district,
                            bool markdown) {
  const auto table = [markdown](const Table& t) { return markdown ? render_markdown(t) + "\n" : render_text(t); };
  const std::string heading = markdown ? "## " : "";
  const std::string gap = markdown ? "\n" : "";
  std::string text = heading + "Quota tier: each district's quota and the whole quotas it handed out\n" + gap;
  text += table(quota_tier_summary_table(election, outcome));
  text += "\n" + heading + "Each list in each district: quota seats, remainder passed up, national seats placed" +
          (district.empty() ? "" : " (" + district + ")") + "\n" + gap;
  text += table(quota_tier_district_table(election, outcome, district));
  text += "\n" + heading +
          "National tier (seats left over by the districts: " + std::to_string(outcome.quota_tier->upper_total) +
          ")\n" + gap;
  text += table(quota_tier_national_table(election, outcome));
  return text;
}

}  // namespace seatsim
