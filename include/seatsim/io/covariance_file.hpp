#pragma once
// A covariance matrix of the national polling error, party by party, in squared percentage
// points, read from a CSV file whose header names the parties and whose rows repeat them:
//
//   party,Arbeiderpartiet,Høyre
//   Arbeiderpartiet,4,-1.5
//   Høyre,-1.5,3
//
// Values are decimals read exactly and then held as doubles (they feed a random draw); the matrix
// must be square, name the same parties in the same order across and down, and be symmetric
// (exactly, as written). Whether it is positive definite is checked where it is factored
// (analysis/projection.cpp, by Eigen's LLT). Errors name the file and the line.
#include <string>
#include <vector>

#include "seatsim/io/csv.hpp"

namespace seatsim {

struct CovarianceMatrix {
  std::string source;
  std::vector<std::string> parties;
  std::vector<std::vector<double>> values;  // squared percentage points
  std::size_t line = 0;                     // the header's
};

CovarianceMatrix parse_covariance_table(const CsvTable& table);
CovarianceMatrix read_covariance_file(const std::string& path);

}  // namespace seatsim
