#pragma once
// The Levenshtein distance between two strings, byte by byte: how close a misspelt name is to a
// known one ("did you mean"), and which imported names look like variants of each other.
// With `ignore_case`, ASCII letters compare without case.
#include <cstddef>
#include <string_view>

namespace seatsim {

std::size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case = false);

}  // namespace seatsim
