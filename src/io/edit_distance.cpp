#include "seatsim/io/edit_distance.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace seatsim {

// One row of the dynamic-programming table at a time: O(|a|·|b|) time, O(|b|) memory.
std::size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case) {
  const auto same = [ignore_case](unsigned char x, unsigned char y) {
    return x == y || (ignore_case && std::tolower(x) == std::tolower(y));
  };
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace seatsim
