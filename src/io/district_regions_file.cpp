#include "seatsim/io/district_regions_file.hpp"

#include <set>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim {

DistrictRegions parse_district_regions(const CsvTable& table) {
  const std::size_t district_column = table.require_column("district");
  const std::size_t region_column = table.require_column("region");
  DistrictRegions regions;
  regions.source = table.source;
  std::set<std::string> seen;
  for (const CsvRow& row : table.rows) {
    const std::string& district = row.fields[district_column];
    const std::string& region = row.fields[region_column];
    if (district.empty() || region.empty())
      throw Error(table.source, row.line, "the row names no district or no region");
    if (!seen.insert(district).second)
      throw Error(table.source, row.line, "district '" + district + "' is given a region twice");
    regions.rows.push_back({district, region, row.line});
  }
  return regions;
}

DistrictRegions read_district_regions_file(const std::string& path) {
  return parse_district_regions(parse_csv(read_text_file(path), path, {}, {"district", "region"}));
}

}  // namespace seatsim
