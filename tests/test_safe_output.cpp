// Safe output: a result named with -o is written to a temporary file beside it and renamed into
// place only when complete. These tests make runs fail at every stage — an error found late in
// a large input, a write that fails after output has begun, a destination that cannot be
// replaced — and check that nothing half-written is left: no -o file (or the previous one,
// untouched) and no temporary file. The failures are chosen to work as root too (CI runs as
// root, where permission bits do not stop a write): a file-size limit, a directory in the way.
#include <doctest/doctest.h>

#include <algorithm>

#include "seatsim/core/json.hpp"
#include "seatsim/render/table.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

// A votes file of `rows` lists in 100 districts; `last` replaces the final row.
std::string big_votes(std::size_t rows, const std::string& last = {}) {
  std::string text = "district,party,votes\n";
  for (std::size_t i = 0; i < rows; ++i) {
    if (i + 1 == rows && !last.empty()) {
      text += last + "\n";
      break;
    }
    text += "D" + std::to_string(i % 100) + ",Party " + std::to_string(i) + "," +
            std::to_string(1000 + (i * 7919) % 5000) + "\n";
  }
  return text;
}

std::string big_seats() {
  std::string text = "district,seats\n";
  for (int d = 0; d < 100; ++d) text += "D" + std::to_string(d) + ",20\n";
  return text;
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The last line of stderr (notes on ties may come before it).
std::string last_line(const std::string& text) {
  const std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.find_last_of('\n') == std::string::npos ? 0 : trimmed.find_last_of('\n') + 1);
}

}  // namespace

TEST_CASE("an error on the last line of a large input leaves the previous -o file untouched") {
  TempDir tmp;
  const std::size_t rows = 50'000;
  const fs::path votes = tmp.write("votes.csv", big_votes(rows, "D7,Late,12x"));
  const fs::path seats = tmp.write("seats.csv", big_seats());
  const fs::path out = tmp.write("result.csv", "the previous result\n");
  const RunResult r = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "seatsim: " + votes.string() + ":" + std::to_string(rows + 1) + ": votes '12x' is not a whole number\n");
  CHECK(seatsim::read_text_file(out.string()) == "the previous result\n");
  CHECK(names_in(tmp.path) == std::vector<std::string>{"result.csv", "seats.csv", "votes.csv"});
}

TEST_CASE("a tie under --ties error, found after the input was read, writes nothing") {
  TempDir tmp;
  const fs::path votes = tmp.write("votes.csv", "district,party,votes\nN,A,10\nN,B,20\nS,A,45\nS,B,21\n");
  const fs::path seats = tmp.write("seats.csv", "district,seats\nN,3\nS,2\n");
  const fs::path out = tmp.path / "result.csv";
  const RunResult r = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "--first-divisor", "1.4",
                               "--ties", "error", "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("seatsim: " + votes.string() + ":4: tie in district 'S'") == 0);
  CHECK_FALSE(fs::exists(out));
  CHECK(names_in(tmp.path) == std::vector<std::string>{"seats.csv", "votes.csv"});
}

TEST_CASE("a write that fails after output has begun leaves no file behind (file-size limit)") {
  // RLIMIT_FSIZE binds root too: the output grows past 64 KiB, the write fails with EFBIG
  // (SIGXFSZ ignored), and the temporary file must be removed.
  TempDir tmp;
  const fs::path votes = tmp.write("votes.csv", big_votes(20'000));
  const fs::path seats = tmp.write("seats.csv", big_seats());
  const fs::path out = tmp.path / "result.csv";
  const std::string script = "ulimit -f 128; trap '' XFSZ; exec \"$0\" \"$@\"";
  for (const std::string format : {"csv", "json", "table"}) {
    INFO("format " << format);
    const RunResult r = run_cli({"-c", script, cli(), "allocate", votes.string(), "--seats-file", seats.string(),
                                 "--format", format, "-o", out.string()},
                                {}, "sh");
    CHECK(r.status == 2);
    CHECK(last_line(r.err) == "seatsim: " + out.string() + ": cannot write: File too large");
    CHECK_FALSE(fs::exists(out));
    CHECK(names_in(tmp.path) == std::vector<std::string>{"seats.csv", "votes.csv"});
  }
  // The same run without the limit succeeds, so the limit was what failed it.
  const RunResult ok = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "-o", out.string()});
  CHECK(ok.status == 0);
  CHECK(fs::file_size(out) > 128 * 1024);
}

TEST_CASE("a destination that cannot be renamed into (an existing folder) leaves no temporary file") {
  TempDir tmp;
  const fs::path votes = tmp.write("votes.csv", big_votes(2'000));
  const fs::path seats = tmp.write("seats.csv", big_seats());
  const fs::path folder = tmp.path / "results";
  fs::create_directory(folder);
  const fs::path kept = folder / "kept.txt";
  std::ofstream(kept) << "kept\n";
  const RunResult r = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "-o", folder.string()});
  CHECK(r.status == 2);
  CHECK(last_line(r.err) == "seatsim: " + folder.string() + ": cannot replace it with the new output: Is a directory");
  CHECK(names_in(tmp.path) == std::vector<std::string>{"results", "seats.csv", "votes.csv"});
  CHECK(names_in(folder) == std::vector<std::string>{"kept.txt"});
}

TEST_CASE("-o into a folder that does not exist, or under a file, fails before anything is written") {
  TempDir tmp;
  const fs::path votes = tmp.write("votes.csv", "party,votes\nA,10\nB,5\n");
  for (const fs::path& out : {tmp.path / "missing" / "result.csv", votes / "result.csv"}) {
    const RunResult r = run_cli({"allocate", votes.string(), "--seats", "3", "-o", out.string()});
    CHECK(r.status == 2);
    CHECK(r.err ==
          "seatsim: " + out.string() + ": cannot write: folder '" + out.parent_path().string() + "' does not exist\n");
    CHECK(names_in(tmp.path) == std::vector<std::string>{"votes.csv"});
  }
}

TEST_CASE("a successful run replaces the previous -o file whole, in every format") {
  TempDir tmp;
  const fs::path votes = tmp.write("votes.csv", "party,votes\nA,10\nB,5\n");
  const fs::path out = tmp.write("result.csv", std::string(100'000, '~'));  // longer than the new result
  for (const std::string format : {"csv", "json", "table"}) {
    const RunResult r = run_cli({"allocate", votes.string(), "--seats", "3", "--format", format, "-o", out.string()});
    CHECK(r.status == 0);
    const std::string written = seatsim::read_text_file(out.string());
    CHECK(written.find('~') == std::string::npos);
    CHECK(written.find("A") != std::string::npos);
    CHECK(names_in(tmp.path) == std::vector<std::string>{"result.csv", "votes.csv"});
  }
  CHECK(seatsim::read_text_file(out.string()).rfind("district  party", 0) == 0);
}

TEST_CASE("AtomicFile: an exception while writing removes the temporary file, commit replaces") {
  TempDir tmp;
  const fs::path out = tmp.write("result.csv", "old\n");
  try {
    seatsim::AtomicFile file(out);
    file.stream() << "half a result";
    CHECK(names_in(tmp.path).size() == 2);  // the temporary file beside it
    throw std::runtime_error("failed while writing");
  } catch (const std::runtime_error&) {
  }
  CHECK(names_in(tmp.path) == std::vector<std::string>{"result.csv"});
  CHECK(seatsim::read_text_file(out.string()) == "old\n");
  {
    seatsim::AtomicFile file(out);
    file.stream() << "new\n";
    file.commit();
  }
  CHECK(seatsim::read_text_file(out.string()) == "new\n");
  CHECK(names_in(tmp.path) == std::vector<std::string>{"result.csv"});
}

TEST_CASE("streamed CSV and JSON output equal the whole rendering, byte for byte") {
  // allocate writes CSV row by row; the other formats go through a Table. Both must agree.
  TempDir tmp;
  const fs::path votes = tmp.write("votes.csv",
                                   "district,party,votes\n\"North, upper\",\"A \"\"x\"\"\",10\n\"North, upper\",B,5\n"
                                   "South,\"multi\nline\",7\nSouth,D,7\n");
  const fs::path seats = tmp.write("seats.csv", "district,seats\n\"North, upper\",3\nSouth,1\n");
  const RunResult csv = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "--format", "csv"});
  REQUIRE(csv.status == 0);
  const RunResult json = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "--format", "json"});
  REQUIRE(json.status == 0);
  // The same records through a Table and render_csv.
  seatsim::Table table;
  table.columns = {"district", "party", "votes", "seats", "tie"};
  const seatsim::Json parsed = seatsim::Json::parse(json.out);
  for (const seatsim::Json& record : parsed["results"])
    table.add({record["district"].get<std::string>(), record["party"].get<std::string>(),
               seatsim::Cell(record["votes"].get<long long>()), seatsim::Cell(record["seats"].get<long long>()),
               record["tie"].get<std::string>()});
  CHECK(csv.out == seatsim::render_csv(table));
  // JSON streams too: it must read exactly as the whole document dumped at once.
  CHECK(json.out == parsed.dump(2) + "\n");
  CHECK(csv.out.find("\"North, upper\",\"A \"\"x\"\"\",10,") != std::string::npos);
}

TEST_CASE("write_json_records writes exactly what Json::dump(2) writes") {
  const seatsim::Json head = {
      {"meta", {{"rule", {{"method", "dhondt"}, {"divisors", {"1", "2"}}}}, {"seed", nullptr}}}};
  for (const std::size_t count : {0, 1, 3}) {
    seatsim::Json whole = head;
    whole["results"] = seatsim::Json::array();
    for (std::size_t i = 0; i < count; ++i)
      whole["results"].push_back(
          {{"party", "A \"q\"\nline"}, {"seats", i}, {"list", {1, 2}}, {"empty", seatsim::Json::object()}});
    std::ostringstream out;
    std::size_t next = 0;
    seatsim::write_json_records(out, head, "results", [&](seatsim::Json& record) {
      if (next == count) return false;
      record = whole["results"][next++];
      return true;
    });
    INFO(count << " records");
    CHECK(out.str() == whole.dump(2) + "\n");
  }
}
