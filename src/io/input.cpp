#include "seatsim/io/input.hpp"

#include <filesystem>

#include "seatsim/core/error.hpp"
#include "seatsim/io/alliances_file.hpp"
#include "seatsim/io/constituencies_file.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/system_file.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

namespace fs = std::filesystem;

LoadedInput load_votes_file(const std::string& path, const CsvOptions& options) {
  LoadedInput input;
  input.election = read_votes_file(path, input.files, options);
  input.name = path;
  return input;
}

LoadedInput load_dataset(const fs::path& folder, const CsvOptions& options) {
  const fs::path manifest_path = folder / "election.toml";
  if (!fs::exists(manifest_path)) throw Error(folder.string(), 0, "is a folder but not a data set (no election.toml)");
  LoadedInput input;
  input.folder = folder.string();
  std::string text = read_text_file(manifest_path.string());
  input.files.push_back({manifest_path.string(), sha256_hex(text)});
  const toml_reading::Document doc = toml_reading::parse(manifest_path.string(), std::move(text));
  toml_reading::reject_unknown_keys(
      doc, doc.root, {"name", "date", "source", "rule_source", "rule_evidence", "caveats", "system", "rule"},
      "election.toml");
  input.name = toml_reading::optional_text(doc, doc.root, "name").value_or(folder.filename().string());
  input.caveats = toml_reading::optional_strings(doc, doc.root, "caveats").value_or(std::vector<std::string>{});
  if (const toml::node* system = doc.root.get("system")) {
    // The statutory system the data set was elected under; its [rule] refines it key by key.
    std::string name = toml_reading::scalar_text(doc, *system, "system");
    if (names_system_file(name) && fs::path(name).is_relative()) name = (folder / name).string();
    input.system = name;
    input.system_line = toml_reading::line_of(*system);
  }
  if (const toml::node* rule = doc.root.get("rule")) {
    if (!rule->is_table()) throw Error(doc.path, toml_reading::line_of(*rule), "rule: expected a table [rule]");
    input.rule = toml_reading::read_rule(doc, *rule->as_table());
  }
  input.election = read_votes_file((folder / "results.csv").string(), input.files, options);
  const fs::path districts = folder / "districts.csv";
  if (fs::exists(districts)) {
    input.districts_file = districts.string();
    input.districts =
        read_seat_totals(read_csv_file(input.districts_file, input.files, options, {"district", "seats"}));
  }
  const fs::path alliances = folder / "alliances.csv";
  if (fs::exists(alliances)) read_alliances_file(alliances.string(), input.election, input.files, options);
  const fs::path constituencies = folder / "constituencies.csv";
  if (fs::exists(constituencies))
    read_constituencies_file(constituencies.string(), input.election, input.files, options);
  return input;
}

}  // namespace

void stream_csv_file(const std::string& path, std::vector<InputFile>& files, const CsvParser::HeaderHandler& on_header,
                     const CsvParser::RowHandler& on_row, const CsvOptions& options,
                     std::vector<std::string> required_columns) {
  Sha256 digest;
  CsvParser parser(path, on_header, on_row, options, std::move(required_columns));
  read_file_chunks(path, [&](std::string_view chunk) {
    digest.update(chunk);
    parser.feed(chunk);
  });
  parser.finish();
  files.push_back({path, digest.hex_digest()});
}

CsvTable read_csv_file(const std::string& path, std::vector<InputFile>& files, const CsvOptions& options,
                       std::vector<std::string> required_columns) {
  CsvTable table;
  table.source = path;
  stream_csv_file(
      path, files,
      [&](const CsvHeader& header) {
        table.header = header.names;
        table.header_line = header.line;
      },
      [&](const CsvRow& row) { table.rows.push_back(row); }, options, std::move(required_columns));
  return table;
}

Election read_votes_file(const std::string& path, std::vector<InputFile>& files, const CsvOptions& options) {
  VotesReader votes(options);
  stream_csv_file(
      path, files, [&](const CsvHeader& header) { votes.header(header); }, [&](const CsvRow& row) { votes.row(row); },
      options, VotesReader::required_columns());
  return votes.finish();
}

LoadedInput load_input(const std::string& path, const CsvOptions& options) {
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) return load_dataset(path, options);
  if (path != "-" && !fs::exists(path, ec)) throw Error(path, 0, "no such file or folder");
  return load_votes_file(path, options);
}

}  // namespace seatsim
