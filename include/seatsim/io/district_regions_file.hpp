#pragma once
// Regions above the districts of a base election, for regional polls and a regional polling error
// (analysis/projection.hpp): a CSV file
//
//   district,region
//   Østfold,Østlandet
//   Akershus,Østlandet
//
// one row per district, naming the region it lies in. A district may be in no region (it has no
// row); a district named twice, or a row with no district or no region, is an error. Whether each
// district is one of the base election's is checked by the projection. Errors name the file and line.
#include <string>
#include <vector>

#include "seatsim/io/csv.hpp"

namespace seatsim {

struct DistrictRegion {
  std::string district, region;
  std::size_t line = 0;
};

struct DistrictRegions {
  std::string source;
  std::vector<DistrictRegion> rows;
};

DistrictRegions parse_district_regions(const CsvTable& table);
DistrictRegions read_district_regions_file(const std::string& path);

}  // namespace seatsim
