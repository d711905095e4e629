// Regions of a leveling tier: parsing "NAME (SEATS): D; D" and mapping districts to regions.
#include "seatsim/kernel/leveling_regions.hpp"

#include <charconv>
#include <map>

#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

Error malformed(std::string_view text, const std::string& why) {
  return Error("leveling-regions: '" + std::string(text) + "': " + why +
               " (write 'NAME (SEATS): DISTRICT; DISTRICT; ...')");
}

}  // namespace

LevelingRegion LevelingRegion::parse(std::string_view text) {
  const auto colon = text.find("):");
  const auto open = text.substr(0, colon).rfind('(');
  if (colon == std::string_view::npos || open == std::string_view::npos) throw malformed(text, "no '(SEATS):'");
  LevelingRegion region;
  region.name = std::string(trimmed(text.substr(0, open)));
  if (region.name.empty()) throw malformed(text, "no region name");
  const std::string_view count = trimmed(text.substr(open + 1, colon - open - 1));
  const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), region.seats);
  if (count.empty() || error != std::errc() || end != count.data() + count.size() || region.seats < 0)
    throw malformed(text, "the seats are not a whole number");
  std::string_view rest = text.substr(colon + 2);
  while (!rest.empty()) {
    const auto semicolon = rest.find(';');
    const std::string_view name = trimmed(rest.substr(0, semicolon));
    if (name.empty()) throw malformed(text, "an empty district name");
    region.districts.emplace_back(name);
    rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
  }
  if (region.districts.empty()) throw malformed(text, "no districts");
  return region;
}

std::string LevelingRegion::to_string() const {
  std::string text = name + " (" + std::to_string(seats) + "):";
  for (std::size_t i = 0; i < districts.size(); ++i) text += (i ? "; " : " ") + districts[i];
  return text;
}

std::vector<std::size_t> region_of_districts(const Election& election, const std::vector<LevelingRegion>& regions) {
  std::map<std::string, std::size_t> region_of;
  for (std::size_t r = 0; r < regions.size(); ++r)
    for (const std::string& district : regions[r].districts) {
      if (!election.find(district))
        throw Error("leveling-regions: region '" + regions[r].name + "' names district '" + district +
                    "', which the data set does not have");
      const auto [it, fresh] = region_of.emplace(district, r);
      if (!fresh)
        throw Error("leveling-regions: district '" + district + "' is in two regions ('" + regions[it->second].name +
                    "' and '" + regions[r].name + "')");
    }
  std::vector<std::size_t> out;
  for (const District& district : election.districts) {
    const auto it = region_of.find(district.name);
    if (it == region_of.end()) throw Error("leveling-regions: district '" + district.name + "' is in no region");
    out.push_back(it->second);
  }
  return out;
}

}  // namespace seatsim
