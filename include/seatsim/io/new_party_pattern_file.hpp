#pragma once
// How a new list's share is spread over the districts (analysis/swing_model.hpp): a CSV file
//
//   party,district,weight
//   Ny,Oslo,2
//   Ny,Akershus,1.5
//
// one row per new list and district, `weight` an exact decimal ≥ 0 (a relative strength: the
// list's district share is proportional to it; a district without a row weighs 0). Each party's
// weights must not all be 0; a party and district named twice is an error. Whether the party is a
// new list (mapping `new:NAME`) and the district one of the base's is checked by the projection.
// Errors name the file and the line.
#include <string>
#include <vector>

#include "seatsim/core/rational.hpp"
#include "seatsim/io/csv.hpp"

namespace seatsim {

struct PatternWeight {
  std::string party, district;
  Rational weight;
  std::size_t line = 0;
};

struct NewPartyPattern {
  std::string source;
  std::vector<PatternWeight> rows;
};

NewPartyPattern parse_new_party_pattern(const CsvTable& table);
NewPartyPattern read_new_party_pattern_file(const std::string& path);

}  // namespace seatsim
