#pragma once
// The explorer page's files (src/server/web/), compiled into the binary by
// cmake/embed_files.cmake: `seatsim serve` needs no file beside the executable and no network.
#include <vector>

#include "embedded_files.hpp"

namespace seatsim::embedded {

// Paths relative to src/server/web/, e.g. "index.html", "explorer.js".
const std::vector<File>& web_files();

}  // namespace seatsim::embedded
