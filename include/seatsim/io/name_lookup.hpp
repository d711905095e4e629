#pragma once
// Finding the names people meant. A scenario or a command that names a list or a district
// that does not exist gets an error with the closest existing names, because a typo that
// silently matches nothing is the worst bug such a file can have.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace seatsim {

// Up to `count` names of `candidates` closest to `word` (case-insensitive edit distance, ties in
// candidate order), keeping only reasonably close ones; the candidates that contain `word` (or
// that `word` contains) count as close whatever their length.
std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t count = 3);

// " (did you mean 'A' or 'B'?)", or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "'A', 'B', 'C'": names in a message, each quoted.
std::string quoted_names(const std::vector<std::string>& names);

}  // namespace seatsim
