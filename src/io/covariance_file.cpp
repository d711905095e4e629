#include "seatsim/io/covariance_file.hpp"

#include "seatsim/core/error.hpp"
#include "seatsim/core/rational.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim {

CovarianceMatrix parse_covariance_table(const CsvTable& table) {
  CovarianceMatrix matrix;
  matrix.source = table.source;
  matrix.line = table.header_line;
  if (table.header.size() < 2 || table.header.front() != "party")
    throw Error(table.source, table.header_line, "the header must be 'party' and then the parties");
  matrix.parties.assign(table.header.begin() + 1, table.header.end());
  std::vector<std::vector<Rational>> exact;
  for (const CsvRow& row : table.rows) {
    try {
      const std::size_t index = exact.size();
      if (index >= matrix.parties.size()) throw Error("more rows than parties in the header");
      if (row.fields.front() != matrix.parties[index])
        throw Error("row '" + row.fields.front() + "' should be '" + matrix.parties[index] +
                    "' (the rows name the header's parties in its order)");
      std::vector<Rational>& values = exact.emplace_back();
      for (std::size_t k = 1; k < row.fields.size(); ++k) {
        if (row.fields[k].find('/') != std::string::npos) throw Error("'" + row.fields[k] + "' is not a decimal");
        values.push_back(parse_rational(row.fields[k]));
      }
      if (values[index] < Rational(0)) throw Error("a variance cannot be negative");
      for (std::size_t k = 0; k < index; ++k)
        if (values[k] != exact[k][index])
          throw Error("the matrix is not symmetric: (" + matrix.parties[index] + ", " + matrix.parties[k] + ") is " +
                      values[k].to_string() + " but (" + matrix.parties[k] + ", " + matrix.parties[index] + ") is " +
                      exact[k][index].to_string());
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
  }
  if (exact.size() != matrix.parties.size())
    throw Error(table.source, table.header_line,
                "the header names " + std::to_string(matrix.parties.size()) + " parties but there are " +
                    std::to_string(exact.size()) + " rows");
  for (const std::vector<Rational>& row : exact) {
    std::vector<double>& values = matrix.values.emplace_back();
    for (const Rational& value : row) values.push_back(value.to_double());
  }
  return matrix;
}

CovarianceMatrix read_covariance_file(const std::string& path) {
  return parse_covariance_table(parse_csv(read_text_file(path), path));
}

}  // namespace seatsim
