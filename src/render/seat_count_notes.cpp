#include "seatsim/render/seat_count_notes.hpp"

#include <numeric>

namespace seatsim {
namespace {

std::string seats_word(std::int64_t n) { return std::to_string(n) + (n == 1 ? " seat" : " seats"); }

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

}  // namespace

std::vector<std::string> seat_count_notes(const Election& election, const ElectionOutcome& outcome) {
  const std::int64_t total = election.total_seats();
  std::vector<std::string> lines = {"The data set has " + seats_word(total) + " in " +
                                    std::to_string(election.districts.size()) +
                                    (election.districts.size() == 1 ? " district." : " districts.")};
  std::int64_t recomputed = 0, published = 0;
  bool any_published = false;
  std::vector<std::string> unfilled, unbalanced;
  for (std::size_t d = 0; d < election.districts.size(); ++d) {
    const District& district = election.districts[d];
    std::int64_t seats = 0, rows = 0;
    bool rows_published = false;
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      seats += outcome.seats(d, i);
      rows += district.lists[i].published_seats.value_or(0);
      rows_published = rows_published || district.lists[i].published_seats.has_value();
    }
    any_published = any_published || rows_published;
    recomputed += seats;
    published += rows;
    if (seats < district.seats)
      unfilled.push_back(district.name + " fills " + std::to_string(seats) + " of its " +
                         std::to_string(district.seats) + (district.reserved > 0 ? " (reserved seats included)" : ""));
    if (rows != district.seats && rows_published)
      unbalanced.push_back(district.name + ": " + std::to_string(rows) + " of " + std::to_string(district.seats));
  }
  if (recomputed < total)
    lines.push_back("Recomputed: " + seats_word(recomputed) + ", " + seats_word(total - recomputed) +
                    " unfilled (a reserved seat without a list of its group stays empty; the notes name it): " +
                    joined(unfilled) + ".");
  else if (recomputed > total)
    lines.push_back("Recomputed: " + seats_word(recomputed) + ", " + seats_word(recomputed - total) +
                    " above the districts' totals (leveling seats).");
  if (any_published && published != total)
    lines.push_back("Published: " + seats_word(published) + ": the published rows of " +
                    std::to_string(unbalanced.size()) + (unbalanced.size() == 1 ? " district do" : " districts do") +
                    " not add up to its seats (a fault of the source, kept as published): " + joined(unbalanced) + ".");
  return lines;
}

}  // namespace seatsim
