#pragma once
// Opinion polls, read from a CSV file with one row per (poll, party):
//
//   pollster,fieldwork_end,sample_size,area,party,share
//   Opinion,2025-08-01,1000,national,Arbeiderpartiet,27.1
//
// Rows with the same pollster, fieldwork_end and area form one poll. `fieldwork_end` is an ISO
// date (YYYY-MM-DD), `sample_size` a whole number ≥ 1 (the same on every row of a poll), `area`
// the word `national` or the name of a district of the base election (checked by the projection,
// which knows the base), `share` a percentage from 0 to 100 written as a decimal and read exactly
// (parse_rational: no binary floating point). Every error names the file and the line.
#include <cstdint>
#include <string>
#include <vector>

#include "seatsim/core/rational.hpp"
#include "seatsim/io/csv.hpp"

namespace seatsim {

struct PollShare {
  std::string party;  // as the poll writes it (mapped to base lists by party_mapping.hpp)
  Rational percent;   // 0 to 100, exact
  std::size_t line = 0;
};

struct Poll {
  std::string pollster;
  std::string fieldwork_end;  // YYYY-MM-DD as written
  std::int64_t day = 0;       // fieldwork_end as days since 1970-01-01, for recency weights
  std::int64_t sample_size = 0;
  std::string area;  // "national" or a district of the base
  std::vector<PollShare> shares;
  std::size_t line = 0;  // the poll's first row

  bool national() const noexcept { return area == "national"; }
};

struct PollSet {
  std::string source;
  std::vector<Poll> polls;  // in order of first appearance
};

// The word that names the whole country in the `area` column.
inline constexpr const char* national_area = "national";

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (proleptic Gregorian); throws seatsim::Error
// (no location) for anything else, an impossible day included.
std::int64_t iso_day_number(const std::string& date);

PollSet parse_poll_table(const CsvTable& table);
PollSet read_poll_file(const std::string& path);

}  // namespace seatsim
