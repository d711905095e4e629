#pragma once
// A data set's published seats per party over the whole election (`national.csv`: `party,published_seats`,
// other columns ignored), for elections whose published result is national while the count is per district
// (the Bundestag 2017: seats per party, the Länder's seats only in part). Read by `seatsim compare --view
// parties`.
#include <cstdint>
#include <string>
#include <vector>

#include "seatsim/io/csv.hpp"
#include "seatsim/io/input.hpp"

namespace seatsim {

struct PublishedPartySeats {
  std::string party;
  std::int64_t seats = 0;
  std::size_t line = 0;
};

// Throws seatsim::Error(file, line) for a missing column, an empty or bad count, or a party given twice.
std::vector<PublishedPartySeats> read_party_seats(const std::string& path, std::vector<InputFile>& files,
                                                  const CsvOptions& options = {});

}  // namespace seatsim
