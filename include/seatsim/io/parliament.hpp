#pragma once
// A parliament as charts see it: parties in seating order (left to right), each with its seats,
// colour and label. It is also the format of the widely used parliament-diagram tools, whose
// JSON `{"parties":[{"name","nb_seats","color"}]}` seatsim reads and writes.
#include <cstdint>
#include <string>
#include <vector>

namespace seatsim {

struct ParliamentParty {
  std::string name;
  std::int64_t seats = 0;
  std::string colour;  // "#rrggbb", "#rgb" or a colour name
  std::string label;   // shown in legends; the name when empty
};

struct Parliament {
  std::string title;
  std::vector<ParliamentParty> parties;

  std::int64_t total_seats() const noexcept;
};

// Reads parliament-diagram JSON: `parties` is an array of objects with `name` (text) and
// `nb_seats` (a whole number); `color` is optional (the palette fills it in), other keys are
// ignored. Throws seatsim::Error(source, line, ...).
Parliament read_parliament_json(const std::string& text, const std::string& source);
// Writes the same format (with `short` for a label that differs from the name), two-space indented.
std::string write_parliament_json(const Parliament& parliament);

}  // namespace seatsim
