// Votes files as spreadsheets export them (issue 18, point 4; docs/preparing-data.md), unknown
// columns (point 1), and the robustness of the reader (issue 15, points 10 and 11): a duplicate
// column, control characters, and the limits per row and per field, each with FILE:LINE.
#include <doctest/doctest.h>

#include <chrono>

#include "seatsim/core/error.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/votes_file.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

const std::string expected_seats = "district,party,votes,seats,tie\n,Blue,45000,3,\n,Red,21000,2,\n";

// `seatsim allocate FILE --seats 5 EXTRA...` (Sainte-Laguë) on `content`, as a file named `name`.
RunResult allocate_file(const std::string& name, const std::string& content, std::vector<std::string> extra = {}) {
  TempDir tmp;
  const fs::path file = tmp.write(name, content);
  std::vector<std::string> args = {"allocate", file.string(), "--seats", "5", "-f", "csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult result = run_cli(args);
  // Messages name the file as given; keep only its name for the checks.
  for (std::string* text : {&result.out, &result.err})
    for (std::size_t at; (at = text->find(file.string())) != std::string::npos;)
      text->replace(at, file.string().size(), name);
  return result;
}

std::string votes_error(const std::string& text, const CsvOptions& options = {}) {
  try {
    read_votes(parse_csv(text, "v.csv", options, VotesReader::required_columns()), options);
  } catch (const Error& error) {
    return error.text();
  }
  return "";
}

}  // namespace

TEST_CASE("spreadsheet CSV: header case and spaces, trailing empty rows, integral decimals") {
  const RunResult r = allocate_file("v.csv", " Party , VOTES \nBlue,45000.0\nRed,21000.00\n,\n,\n\n");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == expected_seats);
}

TEST_CASE("spreadsheet CSV: semicolon and tab detected from the header, or given with --delimiter") {
  const std::string semicolon = "\"Party\";\"Votes\"\r\n\"Blue\";\"45000\"\r\n\"Red\";21000\r\n;\r\n";
  CHECK(allocate_file("v.csv", semicolon).out == expected_seats);
  CHECK(allocate_file("v.csv", semicolon, {"--delimiter", ";"}).out == expected_seats);
  CHECK(allocate_file("v.csv", "party\tvotes\nBlue\t45000\nRed\t21000\n").out == expected_seats);
  CHECK(allocate_file("v.csv", "party\tvotes\nBlue\t45000\nRed\t21000\n", {"--delimiter", "tab"}).out ==
        expected_seats);
  // A name holding a comma in a ';' file.
  const RunResult comma = allocate_file("v.csv", "party;votes\nBlue, the;45000\nRed;21000\n");
  CHECK(comma.out == "district,party,votes,seats,tie\n,\"Blue, the\",45000,3,\n,Red,21000,2,\n");
  // --delimiter ',' on a ';' file says what is wrong.
  const RunResult wrong = allocate_file("v.csv", "party;votes\nBlue;1\n", {"--delimiter", ","});
  CHECK(wrong.status == 2);
  CHECK(wrong.err.find("v.csv:1: the header is one column that holds a delimiter") != std::string::npos);
  // Under both ',' and ';' the header has party and votes: ambiguous.
  CHECK(votes_error("party;a,votes,b;votes;c,party\n1;2,3,4;5;6,7\n") ==
        "v.csv:1: the header has the required columns both with ',' and with ';' as the delimiter: give --delimiter");
}

TEST_CASE("spreadsheet CSV: thousands separators with --thousands, and a hint without it") {
  CHECK(allocate_file("v.csv", "party,votes\nBlue,\"45,000\"\nRed,\"21,000.0\"\n", {"--thousands", ","}).out ==
        expected_seats);
  CHECK(allocate_file("v.csv",
                      "party;votes\nBlue;45 000\nRed;21\xC2\xA0"
                      "000\n",
                      {"--thousands", " "})
            .out == expected_seats);
  CHECK(allocate_file("v.csv", "party;votes\nBlue;45.000\nRed;21.000\n", {"--thousands", "."}).out == expected_seats);
  const RunResult hint = allocate_file("v.csv", "party,votes\nBlue,\"45,000\"\nRed,21000\n");
  CHECK(hint.status == 2);
  CHECK(hint.err ==
        "seatsim: v.csv:2: votes '45,000' is not a whole number (if ',' separates thousands, add --thousands ',')\n");
  // Groups must be of three digits.
  CHECK(votes_error("party,votes\nA,\"4,50\"\n", CsvOptions{0, ',', TextEncoding::utf8, {}}) ==
        "v.csv:2: votes '4,50' is not a whole number");
}

TEST_CASE("spreadsheet CSV: --encoding latin1 reads Windows-1252, without it, what to do") {
  const std::string latin1 = "party,votes\nBlue,45000\nH\xF8yre \x80,21000\n";
  const RunResult converted = allocate_file("v.csv", latin1, {"--encoding", "latin1"});
  CHECK(converted.status == 0);
  CHECK(converted.out == "district,party,votes,seats,tie\n,Blue,45000,3,\n,Høyre €,21000,2,\n");
  const RunResult refused = allocate_file("v.csv", latin1);
  CHECK(refused.status == 2);
  CHECK(refused.err == "seatsim: v.csv:3: line 3 is not UTF-8: save as UTF-8 or add --encoding latin1 (byte 25)\n");
}

TEST_CASE("spreadsheet CSV: a workbook and percentages are refused with what to do") {
  const RunResult xlsx = allocate_file("votes.xlsx", std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "rest");
  CHECK(xlsx.err == "seatsim: votes.xlsx:1: this is an Excel workbook: save it as CSV\n");
  const RunResult xls = allocate_file("votes.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest");
  CHECK(xls.err == "seatsim: votes.xls:1: this is an Excel workbook: save it as CSV\n");
  const RunResult ods = allocate_file("votes.ods", std::string("PK\x03\x04\x14\x00\x00\x08", 8));
  CHECK(ods.err == "seatsim: votes.ods:1: this is an OpenDocument spreadsheet: save it as CSV\n");
  const RunResult percent = allocate_file("v.csv", "party,votes\nBlue,45\nRed,30.5\nGreen,24.5\n");
  CHECK(percent.status == 2);
  CHECK(percent.err ==
        "seatsim: v.csv:3: votes look like percentages (all ≤ 100 with decimals, such as '30.5'): give vote counts\n");
  CHECK(votes_error("party,votes\nA,45%\n") == "v.csv:2: votes '45%' is a percentage: give vote counts");
  // A decimal among counts over 100 is no percentage, but still no count.
  CHECK(votes_error("party,votes\nA,45.5\nB,2100\n") == "v.csv:2: votes '45.5' is not a whole number");
  CHECK(votes_error("party,votes\nA,4500\nB,21.5\n") == "v.csv:3: votes '21.5' is not a whole number");
}

TEST_CASE("unknown columns: one warning naming them, with a suggestion when close") {
  const RunResult r = allocate_file("v.csv", "party,votes,published_seat,Note\nBlue,45000,3,x\nRed,21000,2,y\n");
  CHECK(r.status == 0);
  CHECK(r.out == expected_seats);
  CHECK(r.err ==
        "seatsim: warning: v.csv:1: unknown columns 'published_seat' (did you mean 'published_seats'?), 'Note' "
        "ignored\n");
  CHECK(allocate_file("v.csv", "party,votes,PUBLISHED_SEATS\nBlue,45000,3\nRed,21000,2\n").err.empty());
}

TEST_CASE("a duplicate column is refused with FILE:LINE") {
  const RunResult r = allocate_file("v.csv", "party,votes,votes\nBlue,45000,1\n");
  CHECK(r.status == 2);
  CHECK(r.err == "seatsim: v.csv:1: duplicate column 'votes' (columns 2 and 3)\n");
  CHECK(votes_error("\nparty,Votes,VOTES\nA,1,2\n") == "v.csv:2: duplicate column 'VOTES' (columns 2 and 3)");
}

TEST_CASE("NUL and terminal escapes in a field are refused with FILE:LINE, the message whole") {
  const RunResult nul = allocate_file("v.csv", std::string("party,votes\nBlue,45000\nR\0d,21000\n", 32));
  CHECK(nul.status == 2);
  CHECK(nul.err ==
        "seatsim: v.csv:3: control character U+0000 (NUL): seatsim refuses NUL bytes and terminal escapes in its "
        "input (is this a CSV file?)\n");
  const RunResult escape = allocate_file("v.csv", "party,votes\n\"Blue\x1b[2J\",45000\n");
  CHECK(escape.err.find("v.csv:2: control character U+001B (ESC, a terminal escape)") != std::string::npos);
  CHECK(escape.err.find('\x1b') == std::string::npos);
  CHECK(votes_error("party,votes\nA\xC2\x9B"
                    "1m,1\n")
            .find("v.csv:2: control character U+009B (CSI") == 0);
  CHECK(votes_error("party,votes\nA\x7F,1\n").find("v.csv:2: control character U+007F (DEL)") == 0);
}

TEST_CASE("limits per field and per row, with FILE:LINE") {
  const std::string long_field = "party,votes\nA,1\n" + std::string(max_csv_field_bytes + 1, 'x') + ",2\n";
  CHECK(votes_error(long_field) == "v.csv:3: a field longer than 65536 bytes, the limit (is this a CSV file?)");
  std::string long_row = "party,votes\n";
  for (std::size_t i = 0; long_row.size() <= max_csv_row_bytes + 10; ++i) long_row += std::string(1000, 'y') + ",";
  CHECK(votes_error(long_row) == "v.csv:2: a row longer than 1048576 bytes, the limit (is this a CSV file?)");
  // A header of one endless field stops at the limit too.
  CHECK(votes_error(std::string(max_csv_row_bytes + 1, 'h')).find("v.csv:1: a row longer than") == 0);
}

TEST_CASE("seatsim allocate /dev/zero and a scenario based on it stop at once with exit 2") {
  const auto started = std::chrono::steady_clock::now();
  const RunResult zero = run_cli({"allocate", "/dev/zero", "--seats", "1"});
  CHECK(zero.status == 2);
  CHECK(zero.err.find("seatsim: /dev/zero:1: control character U+0000 (NUL)") == 0);
  TempDir tmp;
  const fs::path scenario = tmp.write("s.toml", "name = \"zero\"\nbase = \"/dev/zero\"\n");
  const RunResult based = run_cli({"margins", scenario.string()});
  CHECK(based.status == 2);
  CHECK(based.err.find("/dev/zero:1: control character U+0000 (NUL)") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
}
