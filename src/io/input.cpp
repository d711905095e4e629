#include "seatsim/input.hpp"

#include <filesystem>

#include "seatsim/error.hpp"
#include "seatsim/file_io.hpp"
#include "toml_reading.hpp"

namespace seatsim {
namespace {

namespace fs = std::filesystem;

LoadedInput load_votes_file(const std::string& path) {
  LoadedInput input;
  const CsvTable table = read_csv_file(path, input.files);
  input.election = read_votes(table);
  input.name = path;
  return input;
}

LoadedInput load_dataset(const fs::path& folder) {
  const fs::path manifest_path = folder / "election.toml";
  if (!fs::exists(manifest_path)) throw Error(folder.string(), 0, "is a folder but not a data set (no election.toml)");
  LoadedInput input;
  input.folder = folder.string();
  std::string text = read_text_file(manifest_path.string());
  input.files.push_back({manifest_path.string(), sha256_hex(text)});
  const toml_reading::Document doc = toml_reading::parse(manifest_path.string(), std::move(text));
  toml_reading::reject_unknown_keys(
      doc, doc.root, {"name", "date", "source", "rule_source", "rule_evidence", "caveats", "rule"}, "election.toml");
  input.name = toml_reading::optional_text(doc, doc.root, "name").value_or(folder.filename().string());
  input.caveats = toml_reading::optional_strings(doc, doc.root, "caveats").value_or(std::vector<std::string>{});
  if (const toml::node* rule = doc.root.get("rule")) {
    if (!rule->is_table()) throw Error(doc.path, toml_reading::line_of(*rule), "rule: expected a table [rule]");
    input.rule = toml_reading::read_rule(doc, *rule->as_table());
  }
  const CsvTable results = read_csv_file((folder / "results.csv").string(), input.files);
  input.election = read_votes(results);
  const fs::path districts = folder / "districts.csv";
  if (fs::exists(districts)) {
    input.districts_file = districts.string();
    input.districts = read_seat_totals(read_csv_file(input.districts_file, input.files));
  }
  return input;
}

}  // namespace

CsvTable read_csv_file(const std::string& path, std::vector<InputFile>& files) {
  const std::string text = read_text_file(path);
  files.push_back({path, sha256_hex(text)});
  return parse_csv(text, path);
}

LoadedInput load_input(const std::string& path) {
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) return load_dataset(path);
  if (path != "-" && !fs::exists(path, ec)) throw Error(path, 0, "no such file or folder");
  return load_votes_file(path);
}

}  // namespace seatsim
