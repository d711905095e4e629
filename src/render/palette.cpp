// Colours of the lists in charts: the palette, and the seating order.
#include <set>

#include "seatsim/io/party_styles.hpp"

namespace seatsim {

const std::vector<std::string>& colour_blind_palette() {
  // Okabe & Ito (2008) without black, then Paul Tol's "muted" scheme: distinguishable under the
  // common colour-vision deficiencies. Charts with more lists than colours reuse them in turn.
  static const std::vector<std::string> palette = {
      "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#332288",
      "#117733", "#882255", "#44AA99", "#999933", "#AA4499", "#DDCC77", "#88CCEE", "#CC6677",
  };
  return palette;
}

std::vector<StyledParty> style_parties(const std::vector<std::string>& parties, const PartyStyles& styles) {
  const std::set<std::string> present(parties.begin(), parties.end());
  std::vector<std::string> order;
  for (const std::string& party : styles.order)
    if (present.contains(party)) order.push_back(party);
  const std::set<std::string> styled(order.begin(), order.end());
  std::set<std::string> seen;
  for (const std::string& party : parties)
    if (!styled.contains(party) && seen.insert(party).second) order.push_back(party);

  // A party without a colour (one a scenario's split made) takes a palette colour no styled party
  // has, while there is one: with run_party_styles every party of the base data set has its own.
  const std::vector<std::string>& palette = colour_blind_palette();
  std::set<std::string> used;
  for (const auto& [name, style] : styles.styles) used.insert(style.colour);
  std::vector<std::string> free;
  for (const std::string& colour : palette)
    if (!used.contains(colour)) free.push_back(colour);
  const std::vector<std::string>& fallback = free.empty() ? palette : free;
  std::size_t next = 0;
  std::vector<StyledParty> result;
  for (const std::string& party : order) {
    const PartyStyle* style = styles.find(party);
    StyledParty styled_party{party, {}, party};
    if (style && !style->short_name.empty()) styled_party.label = style->short_name;
    if (style && !style->colour.empty())
      styled_party.colour = style->colour;
    else
      styled_party.colour = fallback[next++ % fallback.size()];
    result.push_back(std::move(styled_party));
  }
  return result;
}

}  // namespace seatsim
