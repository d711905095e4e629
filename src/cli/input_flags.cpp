#include "input_flags.hpp"

#include <iostream>

namespace seatsim::cli {

void add_input_flags(CLI::App& app, InputFlags& flags) {
  const std::string group = "Reading the input (see docs/preparing-data.md)";
  app.add_option("--delimiter", flags.delimiter,
                 "Field delimiter of the CSV files: ',', ';' or tab (default: the one under which the header has "
                 "the required columns)")
      ->group(group);
  app.add_option("--thousands", flags.thousands,
                 "Thousands separator in counts: ',', '.', \"'\" or ' ' (with ' ', no-break spaces too); "
                 "default none")
      ->group(group);
  app.add_option("--encoding", flags.encoding,
                 "Text encoding: utf8 (default) or latin1 (Windows-1252, converted to UTF-8)")
      ->group(group);
}

CsvOptions InputFlags::options() const {
  CsvOptions options;
  if (!delimiter.empty()) options.delimiter = csv_delimiter_by_name(delimiter);
  if (!thousands.empty()) options.thousands = thousands_separator_by_name(thousands);
  if (!encoding.empty()) options.encoding = text_encoding_by_name(encoding);
  options.warn = [](const std::string& warning) { std::cerr << "seatsim: warning: " << warning << '\n'; };
  return options;
}

}  // namespace seatsim::cli
