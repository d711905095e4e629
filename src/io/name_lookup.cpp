#include "seatsim/io/name_lookup.hpp"

#include <algorithm>
#include <cctype>

#include "seatsim/io/edit_distance.hpp"

namespace seatsim {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

}  // namespace

std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t count) {
  const std::string needle = lowered(word);
  struct Scored {
    std::size_t distance;
    std::size_t order;
  };
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (std::find(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(i), candidates[i]) !=
        candidates.begin() + static_cast<std::ptrdiff_t>(i))
      continue;  // a name listed twice is suggested once
    const std::string hay = lowered(candidates[i]);
    const bool contains =
        !needle.empty() && (hay.find(needle) != std::string::npos || needle.find(hay) != std::string::npos);
    const std::size_t distance = edit_distance(needle, hay);
    const std::size_t limit = std::max<std::size_t>(2, std::max(needle.size(), hay.size()) / 3);
    if (contains || distance <= limit) scored.push_back({contains ? 0 : distance, i});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.distance < b.distance; });
  std::vector<std::string> names;
  for (const Scored& s : scored) {
    if (names.size() == count) break;
    names.push_back(candidates[s.order]);
  }
  return names;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string> names = closest_names(word, candidates);
  if (names.empty()) return {};
  std::string text = " (did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += "'" + names[i] + "'";
  }
  return text + "?)";
}

std::string quoted_names(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "'" : ", '") + name + "'";
  return text;
}

}  // namespace seatsim
