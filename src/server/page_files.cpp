// The page's files, compiled into the binary (server/web/, embedded at build time).
#include "page_files.hpp"

#include "embedded_web.hpp"

namespace seatsim::server {

namespace {

std::string content_type_of(std::string_view name) {
  const auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

// Only the names compiled in are served: a path is looked up, never opened.
std::optional<ExplorerResponse> page_file(const std::string& path) {
  if (path.empty() || path.front() != '/') return std::nullopt;  // "GET ?" reaches here with an empty path
  const std::string name = path == "/" ? "index.html" : path.substr(1);
  for (const embedded::File& file : embedded::web_files())
    if (file.path == name) return ExplorerResponse{200, content_type_of(file.path), std::string(file.content)};
  return std::nullopt;
}

}  // namespace seatsim::server
