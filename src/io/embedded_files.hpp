#pragma once
// Files built into the binary (cmake/embed_files.cmake): the import recipes of src/io/recipes/,
// so that `seatsim import` needs nothing beside the executable.
#include <string_view>
#include <vector>

namespace seatsim::embedded {

struct File {
  std::string_view path;  // relative to src/io/recipes/, e.g. "iraq-2013/manifest.toml"
  std::string_view content;
};

const std::vector<File>& recipe_files();
// The library of electoral systems, systems/*.toml (path: "norway-storting-2005.toml").
const std::vector<File>& system_files();

}  // namespace seatsim::embedded
