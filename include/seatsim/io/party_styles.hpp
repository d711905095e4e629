#pragma once
// How the lists look in charts: a colour and a short label per party, from a data set's
// optional `parties.csv` (`party,colour,short`), else from a fixed colour-blind-safe palette.
// The order of parties.csv is also the seating order of a hemicycle (left to right).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/io/csv.hpp"

namespace seatsim {

struct PartyStyle {
  std::string colour;      // "#rrggbb", "#rgb" or a CSS colour name; empty: from the palette
  std::string short_name;  // empty: the party's name
};

struct PartyStyles {
  std::vector<std::string> order;  // parties in the file's order
  std::map<std::string, PartyStyle> styles;

  const PartyStyle* find(const std::string& party) const;
};

// Reads `party,colour,short` (colour and short optional, in any order). Throws seatsim::Error
// (file, line, ...) for a colour that is not #rgb, #rrggbb or a plain colour name, and for a
// party listed twice.
PartyStyles read_party_styles(const CsvTable& table);
// A data set's parties.csv, when the folder has one.
std::optional<PartyStyles> load_party_styles(const std::string& folder);

// True for "#rgb", "#rrggbb" and plain CSS colour names ("teal"): what may go into SVG as is.
bool is_valid_colour(std::string_view colour) noexcept;

// The fixed colour-blind-safe palette (Okabe-Ito, then Paul Tol's muted scheme).
const std::vector<std::string>& colour_blind_palette();

// The parties of a chart in seating order, each with its colour and label: parties named in
// `styles` first (in its order), then the others in the order given. Parties without a colour
// of their own take the palette's colours in turn.
struct StyledParty {
  std::string party;
  std::string colour;
  std::string label;
};
std::vector<StyledParty> style_parties(const std::vector<std::string>& parties, const PartyStyles& styles);

}  // namespace seatsim
