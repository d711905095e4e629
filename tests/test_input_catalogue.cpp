// The input catalogue, tests/inputs/: small files, valid but awkward or broken, each with a
// NAME.expect that says how seatsim is run on it and what must come out:
//
//   # what the case shows
//   run: allocate NAME.csv --seats 3          (the command line after `seatsim`; -o is added)
//   exit: 0 | 2
//   output:                                  (exit 0: the exact file written to -o follows)
//   stderr: seatsim: NAME.csv:3: ...         (the exact line on stderr; exit 0: notes, if any)
//
// Each case runs through the CLI from inside tests/inputs (so that messages name the file as a
// user typed it). A broken input must print exactly its one error line, naming file and line,
// exit 2, and leave nothing behind: no -o file and no temporary file.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "support.hpp"

using namespace seatsim::test;

namespace {

struct Expectation {
  std::string name;
  std::vector<std::string> run;
  int exit = -1;
  std::string output;
  std::string stderr_text;
  bool has_output = false;
};

Expectation read_expectation(const fs::path& file) {
  Expectation expectation;
  expectation.name = file.stem().string();
  std::istringstream in(seatsim::read_text_file(file.string()));
  std::string line;
  bool in_output = false;
  while (std::getline(in, line)) {
    if (in_output) {
      expectation.output += line + "\n";
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    const auto colon = line.find(':');
    REQUIRE_MESSAGE(colon != std::string::npos, file.string() << ": expected 'key: value', found '" << line << "'");
    const std::string key = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.erase(0, 1);
    if (key == "run") {
      std::istringstream words(value);
      for (std::string word; words >> word;) expectation.run.push_back(word);
    } else if (key == "exit") {
      expectation.exit = std::stoi(value);
    } else if (key == "stderr") {
      expectation.stderr_text += value + "\n";
    } else if (key == "output") {
      in_output = expectation.has_output = true;
    } else {
      FAIL(file.string() << ": unknown key '" << key << "'");
    }
  }
  return expectation;
}

// One line "seatsim: FILE:LINE: what is wrong", LINE a positive number (the error contract).
bool names_file_and_line(const std::string& err) {
  const std::string prefix = "seatsim: ";
  if (err.rfind(prefix, 0) != 0 || err.empty() || err.back() != '\n') return false;
  if (std::count(err.begin(), err.end(), '\n') != 1) return false;
  const std::string rest = err.substr(prefix.size());
  const auto first = rest.find(':');
  if (first == std::string::npos || first == 0) return false;
  const auto second = rest.find(':', first + 1);
  if (second == std::string::npos || second == first + 1 || rest.compare(second, 2, ": ") != 0) return false;
  const std::string line = rest.substr(first + 1, second - first - 1);
  return std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; }) && line != "0";
}

std::vector<fs::path> catalogue() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests" / "inputs"))
    if (entry.path().extension() == ".expect") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Runs `seatsim ARGS...` with tests/inputs as the working folder.
RunResult run_in_inputs(const std::vector<std::string>& args) {
  std::vector<std::string> shell = {
      "-c", "cd " + quote((source_dir() / "tests" / "inputs").string()) + " && exec \"$0\" \"$@\"", cli()};
  shell.insert(shell.end(), args.begin(), args.end());
  return run_cli(shell, {}, "sh");
}

}  // namespace

TEST_CASE("input catalogue: every file gives its expected result or its exact error line") {
  const std::vector<fs::path> files = catalogue();
  CHECK(files.size() >= 15);
  for (const fs::path& file : files) {
    const Expectation expected = read_expectation(file);
    INFO("case " << expected.name << ": seatsim " << [&] {
      std::string joined;
      for (const std::string& word : expected.run) joined += word + " ";
      return joined;
    }());
    REQUIRE(!expected.run.empty());
    REQUIRE((expected.exit == 0 || expected.exit == 2));
    TempDir tmp;
    const fs::path out = tmp.path / "result.csv";
    std::vector<std::string> args = expected.run;
    args.insert(args.end(), {"-o", out.string()});
    const RunResult result = run_in_inputs(args);
    CHECK(result.status == expected.exit);
    CHECK(result.err == expected.stderr_text);
    CHECK(result.out.empty());
    if (expected.exit == 0) {
      REQUIRE(expected.has_output);
      REQUIRE(fs::exists(out));
      CHECK(seatsim::read_text_file(out.string()) == expected.output);
    } else {
      CHECK(names_file_and_line(result.err));
      CHECK_FALSE(fs::exists(out));
      CHECK(fs::is_empty(tmp.path));  // no temporary file left either
    }
  }
}
