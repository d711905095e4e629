#pragma once
// The page's files (index.html, explorer.js, explorer.css, favicon.svg), compiled into the binary.
#include <optional>
#include <string>

#include "seatsim/server/explorer.hpp"

namespace seatsim::server {

// The file a GET of `path` serves ("/" is index.html), or nothing: a path is looked up among the
// names compiled in, never opened, so no request reaches the file system this way.
std::optional<ExplorerResponse> page_file(const std::string& path);

}  // namespace seatsim::server
