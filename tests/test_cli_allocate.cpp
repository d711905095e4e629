// `seatsim allocate` as users and scripts see it: columns, formats, exit codes, error lines,
// and that nothing is written to -o when the command fails.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;

TEST_CASE("allocate prints district,party,votes,seats,tie in input order") {
  const RunResult r = run_cli({"allocate", "-", "--seats", "2", "--first-divisor", "1.4"}, "party,votes\nA,45\nB,21\n");
  CHECK(r.status == 0);
  CHECK(r.out == "district,party,votes,seats,tie\n,A,45,2,tie\n,B,21,0,tie\n");
  CHECK(r.err.find("tie") != std::string::npos);  // the tie is also reported on stderr
}

TEST_CASE("threshold boundary: exactly 5% passes, --threshold-strict excludes") {
  const std::string votes = "party,votes\nA,900\nB,50\nC,50\n";
  const auto seats = [](const RunResult& r) {
    std::vector<std::string> s;
    for (const auto& row : csv_records(r.out)) s.push_back(row.at("seats"));
    return s;
  };
  CHECK(seats(run_cli({"allocate", "-", "--seats", "11", "--threshold", "5%"}, votes)) ==
        std::vector<std::string>{"9", "1", "1"});
  CHECK(seats(run_cli({"allocate", "-", "--seats", "11", "--threshold", "5%", "--threshold-strict"}, votes)) ==
        std::vector<std::string>{"11", "0", "0"});
  CHECK(seats(run_cli({"allocate", "-", "--seats", "11", "--threshold", "50v"}, votes)) ==
        std::vector<std::string>{"9", "1", "1"});
  CHECK(seats(run_cli(
            {"allocate", "-", "--seats", "11", "--threshold", "5%", "--threshold-strict", "--threshold-exempt", "C"},
            votes)) == std::vector<std::string>{"10", "0", "1"});
}

TEST_CASE("all lists below the threshold is an error, not an empty parliament") {
  const RunResult r = run_cli({"allocate", "-", "--seats", "3", "--threshold", "60%"}, "party,votes\nA,50\nB,50\n");
  CHECK(r.status == 2);
  CHECK(r.err.find("no list with votes passes the threshold") != std::string::npos);
}

TEST_CASE("multi-district files take seat totals from published_seats or a seats file") {
  TempDir tmp;
  const auto votes =
      tmp.write("v.csv", "district,party,votes,published_seats\nN,A,60,2\nN,B,40,1\nS,A,10,0\nS,B,90,2\n");
  const RunResult published = run_cli({"allocate", votes.string(), "--method", "dhondt"});
  CHECK(published.status == 0);
  CHECK(published.out == "district,party,votes,seats,tie\nN,A,60,2,\nN,B,40,1,\nS,A,10,0,\nS,B,90,2,\n");
  const auto seats = tmp.write("s.csv", "district,seats\nS,5\nN,1\n");
  const RunResult from_file = run_cli({"allocate", votes.string(), "--seats-file", seats.string(), "-m", "dhondt"});
  CHECK(from_file.out == "district,party,votes,seats,tie\nN,A,60,1,\nN,B,40,0,\nS,A,10,0,\nS,B,90,5,\n");
  const RunResult national =
      run_cli({"allocate", votes.string(), "-m", "dhondt", "--threshold", "40%", "--threshold-scope", "national"});
  // National: A 70/200 = 35% fails, B 130/200 passes everywhere.
  CHECK(national.out == "district,party,votes,seats,tie\nN,A,60,0,\nN,B,40,3,\nS,A,10,0,\nS,B,90,2,\n");
}

TEST_CASE("JSON output carries meta: version, the rule as applied, input digests") {
  const RunResult r = run_cli({"allocate", "-", "--seats", "3", "--format", "json", "--first-divisor", "1.4"},
                              "party,votes\nA,5\nB,3\n");
  REQUIRE(r.status == 0);
  const seatsim::Json json = seatsim::Json::parse(r.out);
  CHECK(json["meta"]["rule"]["method"] == "sainte-lague");
  CHECK(json["meta"]["rule"]["first_divisor"] == "1.4");
  CHECK(json["meta"]["inputs"][0]["sha256"].get<std::string>().size() == 64);
  CHECK(json["results"][0]["seats"] == 2);
  CHECK(json["results"][1]["party"] == "B");
}

TEST_CASE("sha256 matches the FIPS test vectors") {
  CHECK(seatsim::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(seatsim::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(seatsim::sha256_hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("bad input: one line naming file and line, exit 2, nothing written to -o") {
  TempDir tmp;
  const fs::path out = tmp.path / "out.csv";
  struct Case {
    std::string content;
    std::vector<std::string> extra;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"party,votes\nA,10\nB,-3\n", {"--seats", "2"}, "v.csv:3: votes '-3' is negative"},
      {"party,votes\nA,10\nB,x\n", {"--seats", "2"}, "v.csv:3: votes 'x' is not a whole number"},
      {"party,votes\nA,10\nA,3\n", {"--seats", "2"}, "v.csv:3: duplicate list 'A' (first on line 2)"},
      {"party,seats\nA,10\n", {"--seats", "2"}, "v.csv:1: missing column 'votes' (header: party,seats)"},
      {"party,votes\nA,10\n", {"--seats", "2", "--method", "borda"}, "method: unknown method 'borda'"},
      {"district,party,votes\nX,A,10\n", {}, "v.csv:2: no seat total for district 'X'"},
      {"party,votes\nA,10\n", {"--seats", "2000000"}, "--seats must be between 0 and 1000000"},
      {"party,votes\nA,1000000000001\n", {"--seats", "2"}, "v.csv:2: votes '1000000000001' exceeds the limit"},
      {"party;votes\nA;10\n",
       {"--seats", "2", "--delimiter", ","},
       "v.csv:1: the header is one column that holds a delimiter"},
      {"party,votes\nA,10\n\"B,3\n", {"--seats", "2"}, "v.csv:3: unterminated quoted field"},
      {"", {"--seats", "2"}, "v.csv:1: empty file"},
      {"party,votes\n", {"--seats", "2"}, "v.csv:1: no lists"},
  };
  for (const Case& c : cases) {
    const fs::path file = tmp.write("v.csv", c.content);
    std::vector<std::string> args = {"allocate", file.string(), "-o", out.string()};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    const RunResult r = run_cli(args);
    INFO(c.content);
    CHECK(r.status == 2);
    CHECK(r.err.find(c.expected) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
    CHECK(fs::directory_iterator(tmp.path) != fs::directory_iterator());  // only v.csv there
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path)) ++files;
    CHECK(files == 1);
  }
}

TEST_CASE("-o writes the file and nothing to stdout, --help exits 0") {
  TempDir tmp;
  const fs::path out = tmp.path / "out.csv";
  const RunResult r = run_cli({"allocate", "-", "--seats", "1", "-o", out.string()}, "party,votes\nA,1\n");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(seatsim::read_text_file(out.string()) == "district,party,votes,seats,tie\n,A,1,1,\n");
  const RunResult help = run_cli({"allocate", "--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("--first-divisor") != std::string::npos);
  const RunResult usage = run_cli({"allocate"});
  CHECK(usage.status == 2);
  CHECK(usage.err.rfind("seatsim: ", 0) == 0);
}

TEST_CASE("CSV input: BOM, CRLF, quoted names with commas and quotes, columns in any order, UTF-8 names") {
  const std::string text =
      "\xEF\xBB\xBFvotes,extra,party\r\n100,x,\"Liste \"\"A\"\", Nord\"\r\n50,y,قائمة دولة القانون\r\n30,z,Høyre\r\n";
  const RunResult r = run_cli({"allocate", "-", "--seats", "3", "--method", "dhondt"}, text);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "district,party,votes,seats,tie\n,\"Liste \"\"A\"\", Nord\",100,2,\n,قائمة دولة القانون,50,1,\n,"
        "Høyre,30,0,\n");
}
