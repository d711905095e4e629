// The explain report of a leveling tier: tables, JSON and text from LevelingOutcome's record.
#include "seatsim/render/leveling_report.hpp"

#include "seatsim/kernel/quotient.hpp"

namespace seatsim {
namespace {

constexpr int comparison_places = 6;

std::string status_of(const LevelingOutcome& leveling, std::size_t p) {
  if (leveling.dropped[p]) return "dropped";
  if (!leveling.takes_part[p]) return "below_threshold";
  if (leveling.excess[p] > 0) return "returns_excess";
  return "takes_part";
}

bool concerns(const LevelingCandidate& candidate, const std::string& district) {
  return district.empty() || candidate.district == district;
}

std::vector<Cell> candidate_row(std::int64_t step, const LevelingCandidate& c, const std::string& reason) {
  return {Cell(static_cast<long long>(step)),
          c.party,
          c.district,
          Cell::number(decimal_text(c.comparison, comparison_places)),
          Cell::number(format_decimal(c.divisor, 4)),
          reason};
}

void put_candidate(Json& j, const LevelingCandidate& c) {
  j["party"] = c.party;
  j["district"] = c.district;
  j["comparison"] = decimal_text(c.comparison, comparison_places);
  j["comparison_exact"] = exact_text(c.comparison);
  j["divisor"] = format_fraction_text(c.divisor);
}

Json candidate_json(const LevelingCandidate& c) {
  Json j;
  put_candidate(j, c);
  return j;
}

Json award_json(const LevelingAward& award) {
  Json j;
  j["step"] = award.step;
  put_candidate(j, award.seat);
  j["tie"] = award.tie;
  j["skipped"] = Json::array();
  for (const SkippedCandidate& skip : award.skipped) {
    Json s = candidate_json(skip.candidate);
    s["reason"] = skip.reason;
    j["skipped"].push_back(std::move(s));
  }
  return j;
}

Json awards_json(const std::vector<LevelingAward>& awards, const std::string& district) {
  Json out = Json::array();
  for (const LevelingAward& award : awards) {
    LevelingAward shown = award;
    std::erase_if(shown.skipped, [&](const SkippedCandidate& s) { return !concerns(s.candidate, district); });
    if (concerns(award.seat, district) || !shown.skipped.empty()) out.push_back(award_json(shown));
  }
  return out;
}

}  // namespace

Table leveling_national_table(const LevelingOutcome& leveling) {
  Table table;
  table.columns = {"party", "votes", "status", "national_seats", "district_seats", "returned_seats", "leveling_seats"};
  for (std::size_t p = 0; p < leveling.parties.size(); ++p) {
    const bool shares = leveling.takes_part[p];
    table.add({leveling.parties[p], Cell(static_cast<long long>(leveling.votes[p])), status_of(leveling, p),
               shares ? Cell(static_cast<long long>(leveling.national_seats[p])) : Cell(""),
               Cell(static_cast<long long>(leveling.district_seats[p])),
               Cell(static_cast<long long>(leveling.excess[p])),
               Cell(static_cast<long long>(leveling.leveling_seats[p]))});
  }
  return table;
}

Table leveling_region_table(const LevelingOutcome& leveling) {
  Table table;
  table.columns = {"party", "region", "votes", "district_seats", "leveling_seats"};
  for (const RegionShare& share : leveling.region_shares)
    table.add({share.party, share.region, Cell(static_cast<long long>(share.votes)),
               Cell(static_cast<long long>(share.district_seats)), Cell(static_cast<long long>(share.leveling_seats))});
  return table;
}

Table leveling_award_table(const LevelingOutcome& leveling, const std::string& district) {
  Table table;
  table.columns = {"step", "party", "district", "comparison", "divisor", "reason"};
  // Placement by region: the region step first, its rows marked, the region's name in `district`.
  for (const LevelingAward& award : leveling.region_awards) {
    for (const SkippedCandidate& skip : award.skipped)
      if (concerns(skip.candidate, district))
        table.add(candidate_row(award.step, skip.candidate, "region step: " + skip.reason));
    if (concerns(award.seat, district))
      table.add(candidate_row(award.step, award.seat,
                              award.tie ? "region step: awarded by tie rule" : "region step: awarded"));
  }
  for (const LevelingAward& award : leveling.awards) {
    for (const SkippedCandidate& skip : award.skipped)
      if (concerns(skip.candidate, district)) table.add(candidate_row(award.step, skip.candidate, skip.reason));
    if (concerns(award.seat, district))
      table.add(candidate_row(award.step, award.seat, award.tie ? "awarded by tie rule" : "awarded"));
  }
  for (const ReturnedSeat& back : leveling.returned)
    if (concerns(back.seat, district))
      table.add(candidate_row(
          0, back.seat,
          std::string("returned: more district seats than its national share") + (back.tie ? " (tie rule)" : "")));
  return table;
}

Json leveling_to_json(const LevelingOutcome& leveling, const std::string& district) {
  Json j;
  j["national"] = to_records(leveling_national_table(leveling));
  j["returned"] = Json::array();
  for (const ReturnedSeat& back : leveling.returned)
    if (concerns(back.seat, district)) {
      Json r = candidate_json(back.seat);
      r["tie"] = back.tie;
      j["returned"].push_back(std::move(r));
    }
  j["awards"] = awards_json(leveling.awards, district);
  if (!leveling.region_awards.empty()) {
    j["regions"] = to_records(leveling_region_table(leveling));
    j["region_awards"] = awards_json(leveling.region_awards, district);
  }
  return j;
}

std::string leveling_text(const LevelingOutcome& leveling, const std::string& district, bool markdown) {
  const auto table = [markdown](const Table& t) { return markdown ? render_markdown(t) + "\n" : render_text(t); };
  const std::string heading = markdown ? "## " : "";
  std::string text = heading + "National apportionment (" + std::to_string(leveling.apportioned) + " seats)\n";
  text += (markdown ? "\n" : "") + table(leveling_national_table(leveling));
  if (!leveling.region_awards.empty()) {
    text += "\n" + heading + "Regional split (the leveling seats each party takes in each region)\n" +
            (markdown ? "\n" : "") + table(leveling_region_table(leveling));
  }
  text += "\n" + heading +
          (leveling.region_awards.empty() ? "Award of the leveling seats, in order"
                                          : "Award of the leveling seats, in order: to regions, then districts") +
          (district.empty() ? "" : " (" + district + ")") + "\n" + (markdown ? "\n" : "");
  text += table(leveling_award_table(leveling, district));
  return text;
}

}  // namespace seatsim
