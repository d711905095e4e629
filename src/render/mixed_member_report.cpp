// The explain report of a mixed-member system: tables, JSON and text from the kernel's record
// (MixedMemberTrace) and outcome. Decimals are for reading; the seats were decided exactly.
#include "seatsim/render/mixed_member_report.hpp"

#include "seatsim/kernel/leveling_award.hpp"
#include "seatsim/kernel/quotient.hpp"

namespace seatsim {
namespace {

using Kind = MixedMemberRule::Kind;
constexpr int comparison_places = 6;

Cell count(std::int64_t value) { return Cell(static_cast<long long>(value)); }

std::string status_of(const MixedMemberOutcome& mixed, const MixedMemberTrace& trace, std::size_t p) {
  if (!mixed.takes_part[p]) return "below_threshold";
  const bool threshold = trace.passes_threshold[p];
  const bool route = trace.by_constituency_route[p];
  if (threshold && route) return "takes_part (threshold and constituency route)";
  if (route) return "takes_part (constituency route: " + std::to_string(trace.constituency_wins[p]) + " wins)";
  if (trace.threshold_exempt[p]) return "takes_part (exempt from the threshold)";
  return "takes_part (threshold)";
}

std::int64_t independents_in(const Election& election, const std::string& region) {
  std::int64_t n = 0;
  for (const ConstituencyResult& c : election.constituencies)
    if (c.independent && c.region == region) ++n;
  return n;
}

void add_land_rows(Table& table, const MixedMemberTrace& trace, const std::string& district) {
  for (const MixedMemberLand& land : trace.lands) {
    if (!district.empty() && land.land != district) continue;
    const std::int64_t seats = land.list_seats > land.seated ? land.list_seats : land.seated;
    table.add({land.land, land.party, count(land.votes), count(land.list_seats), count(land.wins), count(land.seated),
               count(land.wins - land.seated), count(seats - land.seated), count(seats)});
  }
}

void add_region_rows(Table& table, const Election& election, const ElectionOutcome& outcome,
                     const std::string& district) {
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& region = election.districts[d];
    if (!district.empty() && region.name != district) continue;
    for (std::size_t i = 0; i < region.lists.size(); ++i) {
      const ListOutcome& list = outcome.districts[d].lists[i];
      table.add({region.name, region.lists[i].party, count(region.lists[i].votes), Cell(""), count(list.district_seats),
                 count(list.district_seats), count(0), count(list.leveling_seats), count(list.seats)});
    }
    if (const std::int64_t independents = independents_in(election, region.name); independents > 0)
      table.add({region.name, "(independents)", Cell(""), Cell(""), count(independents), count(independents), count(0),
                 count(0), count(independents)});
  }
}

Json step_json(const MixedMemberStep& step) {
  Json j;
  j["step"] = step.step;
  j["party"] = step.party;
  j["district"] = step.district;
  j["region"] = step.region;
  j["comparison"] = step.comparison ? Json(decimal_text(*step.comparison, comparison_places)) : Json();
  j["comparison_exact"] = step.comparison ? Json(exact_text(*step.comparison)) : Json();
  j["divisor"] = step.divisor ? Json(format_fraction_text(*step.divisor)) : Json();
  j["reason"] = step.reason;
  return j;
}

Json strings(const std::vector<std::string>& values) {
  Json out = Json::array();
  for (const std::string& v : values) out.push_back(v);
  return out;
}

std::string house_line(const MixedMemberOutcome& mixed, Kind kind) {
  std::string line = "House: " + std::to_string(mixed.house) + " seats; " + std::to_string(mixed.others) +
                     " constituency seat(s) of independents and of parties not taking part taken off first; ";
  line += kind == Kind::scotland ? std::to_string(mixed.apportioned) + " regional list seats"
                                 : std::to_string(mixed.apportioned) + " seats apportioned nationally";
  std::int64_t overhang = 0;
  for (const std::int64_t o : mixed.overhang) overhang += o;
  if (overhang > 0) line += "; overhang " + std::to_string(overhang) + " (kept, the House grows)";
  if (!mixed.unseated.empty())
    line += "; " + std::to_string(mixed.unseated.size()) + " constituency winner(s) without second-vote coverage";
  return line + "\n";
}

}  // namespace

Table mixed_member_national_table(const MixedMemberOutcome& mixed, const MixedMemberTrace& trace, Kind kind) {
  Table table;
  table.columns = {
      "party",      "votes",    "status", "constituency_wins", "entitlement", "constituency_seats", "unseated",
      "list_seats", "overhang", "seats"};
  table.rank_by = {"votes"};
  for (std::size_t p = 0; p < mixed.parties.size(); ++p) {
    const bool entitled = kind != Kind::scotland && mixed.takes_part[p];
    const std::int64_t wins = trace.constituency_wins[p];
    table.add({mixed.parties[p], count(mixed.votes[p]), status_of(mixed, trace, p), count(wins),
               entitled ? count(mixed.share[p]) : Cell(""), count(mixed.constituency_seats[p]),
               count(wins - mixed.constituency_seats[p]), count(mixed.list_seats[p]), count(mixed.overhang[p]),
               count(mixed.constituency_seats[p] + mixed.list_seats[p])});
  }
  return table;
}

Table mixed_member_district_table(const Election& election, const ElectionOutcome& outcome,
                                  const MixedMemberTrace& trace, Kind kind, const std::string& district) {
  Table table;
  table.columns = {"district",           "party",    "votes",      "entitlement", "constituency_wins",
                   "constituency_seats", "unseated", "list_seats", "seats"};
  if (kind == Kind::germany_2023 || kind == Kind::germany_2013) add_land_rows(table, trace, district);
  if (kind == Kind::scotland) add_region_rows(table, election, outcome, district);
  return table;
}

Table mixed_member_step_table(const MixedMemberTrace& trace, const std::string& district) {
  Table table;
  table.columns = {"step", "party", "district", "comparison", "divisor", "reason"};
  for (const MixedMemberStep& step : trace.steps) {
    if (!district.empty() && step.region != district) continue;
    table.add({count(step.step), step.party, step.district,
               step.comparison ? Cell::number(decimal_text(*step.comparison, comparison_places)) : Cell(""),
               step.divisor ? Cell::number(format_decimal(*step.divisor, 4)) : Cell(""), step.reason});
  }
  return table;
}

Json mixed_member_to_json(const Election& election, const ElectionOutcome& outcome, const MixedMemberTrace& trace,
                          Kind kind, const std::string& district) {
  const MixedMemberOutcome& mixed = *outcome.mixed_member;
  Json j;
  j["house"] = mixed.house;
  j["apportioned"] = mixed.apportioned;
  j["taken_off_first"] = mixed.others;
  j["route"] = trace.route;
  j["national"] = to_records(mixed_member_national_table(mixed, trace, kind));
  j["districts"] = to_records(mixed_member_district_table(election, outcome, trace, kind, district));
  j["steps"] = Json::array();
  for (const MixedMemberStep& step : trace.steps)
    if (district.empty() || step.region == district) j["steps"].push_back(step_json(step));
  j["independents"] = strings(mixed.independents);
  j["unseated"] = strings(mixed.unseated);
  return j;
}

std::string mixed_member_text(const Election& election, const ElectionOutcome& outcome, const MixedMemberTrace& trace,
                              Kind kind, const std::string& district, bool markdown) {
  const MixedMemberOutcome& mixed = *outcome.mixed_member;
  const auto table = [markdown](const Table& t) { return markdown ? render_markdown(t) + "\n" : render_text(t); };
  const std::string heading = markdown ? "## " : "";
  const std::string gap = markdown ? "\n" : "";
  std::string text = heading + "Mixed member (" + mixed_member_kind_name(kind) +
                     "): who takes part and why, entitlement against constituency seats\n" + gap;
  text += table(mixed_member_national_table(mixed, trace, kind));
  text += house_line(mixed, kind);
  for (const std::string& who : mixed.independents) text += "taken off first: " + who + "\n";
  const std::string scope = district.empty() ? "" : " (" + district + ")";
  if (kind != Kind::new_zealand) {
    text += "\n" + heading +
            (kind == Kind::scotland ? "Each region: constituency seats and list seats"
                                    : "Each Land list: its seats, the constituency winners it covers, list seats") +
            scope + "\n" + gap;
    text += table(mixed_member_district_table(election, outcome, trace, kind, district));
    text += "\n" + heading +
            (kind == Kind::scotland ? "Award table: each region's list seats in the order they were placed"
                                    : "Second-vote coverage: each constituency winner by first-vote share") +
            scope + "\n" + gap;
    text += table(mixed_member_step_table(trace, district));
  }
  return text;
}

}  // namespace seatsim
