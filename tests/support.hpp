#pragma once
// Helpers shared by the test suites: running the CLI, temporary folders, the shared data.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "seatsim/io/csv.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim::test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return SEATSIM_SOURCE_DIR; }
inline fs::path shared_dir() { return SEATSIM_SHARED_DIR; }
inline std::string cli() { return SEATSIM_CLI; }

// The shared real-election file, or empty after printing "SKIPPED" (ctest then reports the
// test as skipped) when ../shared/data is absent.
inline fs::path shared_data(const std::string& name) {
  const fs::path path = shared_dir() / "data" / name;
  if (!fs::exists(path)) {
    std::cout << "SKIPPED: " << path << " is absent" << std::endl;
    return {};
  }
  return path;
}

// A fresh temporary folder, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() / ("seatsim-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& content) const {
    const fs::path file = path / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
};

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string quote(const std::string& arg) {
  std::string q = "'";
  for (const char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `seatsim ARGS...` (or any program when `program` is given) and captures its output.
inline RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {},
                         const std::string& program = cli()) {
  TempDir tmp;
  std::string command = quote(program);
  for (const std::string& arg : args) command += " " + quote(arg);
  const fs::path in = tmp.write("stdin", stdin_text);
  command += " <" + quote(in.string()) + " >" + quote((tmp.path / "out").string()) + " 2>" +
             quote((tmp.path / "err").string());
  const int raw = std::system(command.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_text_file((tmp.path / "out").string());
  result.err = read_text_file((tmp.path / "err").string());
  return result;
}

// Parses CSV output into rows of column -> value.
inline std::vector<std::map<std::string, std::string>> csv_records(const std::string& text) {
  const CsvTable table = parse_csv(text, "output");
  std::vector<std::map<std::string, std::string>> records;
  for (const CsvRow& row : table.rows) {
    auto& record = records.emplace_back();
    for (std::size_t i = 0; i < table.header.size(); ++i) record[table.header[i]] = row.fields[i];
  }
  return records;
}

// The row of a scenario comparison (level,district,party,...) for one list; empty when absent.
inline std::map<std::string, std::string> row(const std::vector<std::map<std::string, std::string>>& rows,
                                              const std::string& level, const std::string& district,
                                              const std::string& party) {
  for (const auto& r : rows)
    if (r.at("level") == level && r.at("district") == district && r.at("party") == party) return r;
  return {};
}

}  // namespace seatsim::test
