#include "seatsim/render/party_colours.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

namespace seatsim {
namespace {

// Colour words and the shade drawn for them: the palette's own where it has one, so that a named
// colour and the palette's colours stay distinguishable.
const std::vector<std::pair<std::string_view, std::string_view>>& colour_words() {
  static const std::vector<std::pair<std::string_view, std::string_view>> words = {
      {"green", "#009E73"},  {"greens", "#009E73"}, {"red", "#CC3311"},       {"reds", "#CC3311"},
      {"blue", "#0072B2"},   {"orange", "#E69F00"}, {"yellow", "#F0E442"},    {"purple", "#7B3294"},
      {"violet", "#7B3294"}, {"pink", "#CC79A7"},   {"brown", "#8C510A"},     {"black", "#333333"},
      {"grey", "#999999"},   {"gray", "#999999"},   {"turquoise", "#44AA99"},
  };
  return words;
}

std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words(1);
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)))
      words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!words.back().empty())
      words.emplace_back();
  }
  return words;
}

// Parties by national votes, most first; equal votes in order of appearance.
std::vector<std::string> by_national_votes(const Election& base) {
  std::map<std::string, std::int64_t> votes;
  std::vector<std::string> order;
  for (const District& district : base.districts)
    for (const ListResult& list : district.lists) {
      auto [it, added] = votes.try_emplace(list.party, 0);
      if (added) order.push_back(list.party);
      it->second += list.votes;
    }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return votes.at(a) > votes.at(b); });
  return order;
}

std::string upper(std::string colour) {
  for (char& c : colour) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return colour;
}

}  // namespace

const std::string& others_colour() {
  static const std::string grey = "#BBBBBB";
  return grey;
}

std::string colour_named_in(std::string_view party) {
  for (const std::string& word : lower_words(party))
    for (const auto& [name, colour] : colour_words())
      if (word == name) return std::string(colour);
  return {};
}

PartyStyles run_party_styles(const Election& base, const PartyStyles& given) {
  PartyStyles styles = given;
  const std::vector<std::string> ranked = by_national_votes(base);
  // Colours the parties choose (their own or their name's) are not handed to another party.
  std::set<std::string> taken;
  std::map<std::string, std::string> chosen;
  for (const std::string& party : ranked) {
    const PartyStyle* style = given.find(party);
    std::string colour = style && !style->colour.empty() ? style->colour : colour_named_in(party);
    if (colour.empty()) continue;
    taken.insert(upper(colour));
    chosen[party] = std::move(colour);
  }
  const std::vector<std::string>& palette = colour_blind_palette();
  std::size_t next = 0;
  for (const std::string& party : ranked) {
    std::string colour;
    if (const auto it = chosen.find(party); it != chosen.end()) {
      colour = it->second;
    } else {
      while (next < palette.size() && taken.contains(upper(palette[next]))) ++next;
      colour = next < palette.size() ? palette[next++] : others_colour();
    }
    styles.styles[party].colour = colour;
  }
  return styles;
}

PartyStyles data_set_party_styles(const Election& base, const std::string& folder) {
  return run_party_styles(base, load_party_styles(folder).value_or(PartyStyles{}));
}

}  // namespace seatsim
