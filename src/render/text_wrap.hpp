#pragma once
// Word wrapping for the text renderings (table.cpp): lines of at most a number of display
// columns (code points), broken at spaces; a word longer than a line is cut.
#include <cstddef>
#include <string>
#include <vector>

namespace seatsim {

std::vector<std::string> wrap_words(const std::string& text, std::size_t limit);
// `text` wrapped to `limit` columns, the continuation lines indented by `indent` spaces.
std::string wrap_paragraph(const std::string& text, std::size_t limit, std::size_t indent = 2);

}  // namespace seatsim
