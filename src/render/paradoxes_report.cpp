#include "seatsim/render/paradoxes_report.hpp"

#include <cstdio>

namespace seatsim {
namespace {

std::string change_name(ParadoxChange change) {
  switch (change) {
    case ParadoxChange::district_votes:
      return "district_votes";
    case ParadoxChange::national_votes:
      return "national_votes_ppm";
    case ParadoxChange::district_seats:
      return "district_seats";
    case ParadoxChange::leveling_seats:
      return "leveling_seats";
  }
  return "";
}

}  // namespace

Table paradoxes_table(const Election& election, const ParadoxSearch& search) {
  Table table;
  table.columns = {"kind",  "change",       "district",    "party",     "amount", "before",
                   "after", "seats_before", "seats_after", "rechecked", "detail"};
  for (const ParadoxFinding& f : search.findings)
    table.add({paradox_kind_name(f.kind), change_name(f.change), f.district ? election.districts[*f.district].name : "",
               f.party, Cell(static_cast<long long>(f.amount)), Cell(static_cast<long long>(f.value_before)),
               Cell(static_cast<long long>(f.value_after)), Cell(static_cast<long long>(f.seats_before)),
               Cell(static_cast<long long>(f.seats_after)), f.rechecked ? "yes" : "no", f.detail});
  return table;
}

std::vector<std::string> paradox_search_summary(const ParadoxSearch& search) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", search.seconds);
  std::string searched = "searched: seats of " + std::to_string(search.districts_searched) + "/" +
                         std::to_string(search.districts) + " districts ±10 %";
  if (search.leveling_searched) searched += ", leveling seats ±10 %";
  searched += ", votes of " + std::to_string(search.parties_searched) + "/" + std::to_string(search.parties) +
              " parties nationally and " + std::to_string(search.lists_searched) + "/" + std::to_string(search.lists) +
              " lists by district";
  if (search.population_districts > 0)
    searched += ", population paradox in " + std::to_string(search.population_searched) + "/" +
                std::to_string(search.population_districts) + " districts";
  searched += "; " + std::to_string(search.allocations) + " allocations in " + seconds + " s" +
              (search.complete ? " (complete)" : " (stopped at --max-seconds)");
  std::string findings =
      "findings: " + std::to_string(search.findings.size()) + ", each re-checked by allocating again";
  if (search.failed_rechecks > 0)
    findings += "; " + std::to_string(search.failed_rechecks) + " dropped (not confirmed by re-allocation)";
  return {searched, findings};
}

Json paradox_search_json(const ParadoxSearch& search) {
  return {{"complete", search.complete},
          {"seconds", search.seconds},
          {"allocations", search.allocations},
          {"districts", search.districts},
          {"districts_searched", search.districts_searched},
          {"leveling_searched", search.leveling_searched},
          {"population_districts", search.population_districts},
          {"population_searched", search.population_searched},
          {"parties", search.parties},
          {"parties_searched", search.parties_searched},
          {"lists", search.lists},
          {"lists_searched", search.lists_searched},
          {"failed_rechecks", search.failed_rechecks}};
}

}  // namespace seatsim
