// The streaming reader: a votes file is parsed as it is read, in pieces, with its digest
// computed on the way. Whatever the pieces, the rows, the errors (file:line) and the digest are
// those of the whole file at once.
#include <doctest/doctest.h>

#include <random>

#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/votes_file.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

// The rows as text ("line:field|field"), or the error, from `text` fed in pieces of `sizes`.
std::string parse_pieces(std::string_view text, const std::vector<std::size_t>& sizes) {
  std::string out;
  try {
    CsvParser parser(
        "t.csv",
        [&](const CsvHeader& header) {
          out += "header " + std::to_string(header.line) + ":";
          for (const std::string& name : header.names) out += name + "|";
          out += "\n";
        },
        [&](const CsvRow& row) {
          out += std::to_string(row.line) + ":";
          for (const std::string& field : row.fields) out += field + "|";
          out += "\n";
        });
    std::size_t k = 0;
    while (!text.empty()) {
      const std::size_t piece = std::min(text.size(), sizes.empty() ? text.size() : sizes[k++ % sizes.size()]);
      parser.feed(text.substr(0, piece));
      text.remove_prefix(piece);
    }
    parser.finish();
  } catch (const Error& error) {
    out += std::string("error: ") + error.what();
  }
  return out;
}

// Every way of cutting `text` in two, and one byte at a time, parses as the whole does.
void check_all_cuts(const std::string& text) {
  const std::string whole = parse_pieces(text, {});
  CHECK(parse_pieces(text, {1}) == whole);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK(parse_pieces(text, {cut == 0 ? text.size() + 1 : cut, text.size()}) == whole);
  }
}

}  // namespace

TEST_CASE("CSV pieces: a cut anywhere (inside a BOM, a CRLF, a doubled quote, a UTF-8 sequence) changes nothing") {
  check_all_cuts("\xEF\xBB\xBFparty,votes\r\n\"Liste \"\"A\"\", Nord\",100\r\nقائمة,50\r\n");
  check_all_cuts("party,votes\n\"multi\nline\",1\n\n\"\",2\nH\xC3\xB8yre,3");
  check_all_cuts("\xEF\xBB");                        // not a BOM: too short, and invalid UTF-8
  check_all_cuts("party,votes\nA,1\nH\xF8yre,2\n");  // invalid UTF-8 on line 3
  check_all_cuts("party,votes\nA,1\n\"B,2\n");       // unterminated quote
  check_all_cuts("party,votes\nA,\"1\"x\n");         // text after a closing quote
  check_all_cuts("party;votes\nA;1\n");
  check_all_cuts("\"Party\";\"Votes\"\r\n\"A\";1\r\n;\r\n");  // the delimiter detected from the header
  check_all_cuts("PK\x03\x04rest");                           // a workbook's signature cut anywhere
  check_all_cuts("\xEF\xBB\xBF\xD0\xCF");                     // a BOM, then not quite a workbook
  check_all_cuts(std::string("party,votes\nA\0B,1\n", 18));   // a NUL
  check_all_cuts("");
  CHECK(parse_pieces("party,votes\nA,1\n", {}) == "header 1:party|votes|\n2:A|1|\n");
  CHECK(parse_pieces("\n\nparty,votes\n\nA,1\n", {}) == "header 3:party|votes|\n5:A|1|\n");
  CHECK(parse_pieces("party,votes\nA,1\nH\xF8yre,2\n", {}) ==
        "header 1:party|votes|\n2:A|1|\nerror: t.csv:3: line 3 is not UTF-8: save as UTF-8 or add --encoding latin1 "
        "(byte 18)");
}

TEST_CASE("CSV: a lone quoted empty field is a row, not a blank line") {
  CHECK(parse_pieces("name\n\"\"\nB\n", {}) == "header 1:name|\n2:|\n3:B|\n");
  CHECK(parse_pieces("name\n\nB\n", {}) == "header 1:name|\n3:B|\n");
}

TEST_CASE("SHA-256 fed in pieces equals the digest of the whole") {
  std::mt19937_64 rng(256);
  for (int n = 0; n < 200; ++n) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    Sha256 digest;
    for (std::size_t at = 0; at < bytes.size();) {
      const std::size_t piece = std::min<std::size_t>(bytes.size() - at, rng() % 70);
      digest.update(std::string_view(bytes).substr(at, piece));
      at += piece;
    }
    CHECK(digest.hex_digest() == sha256_hex(bytes));
  }
  // FIPS 180-4 two-block message.
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("a votes file read as it streams equals the file parsed whole, the digest is the file's") {
  TempDir tmp;
  std::string text =
      "\xEF\xBB\xBF"
      "district,quota,party,votes,published_seats\r\n";
  std::mt19937_64 rng(7);
  for (int i = 0; i < 30'000; ++i)
    text += "\"District " + std::to_string(i % 37) + "\"," + (i % 50 == 0 ? "christian" : "") + ",Party " +
            std::to_string(i) + "," + std::to_string(rng() % 1'000'000) + "," + std::to_string(i % 3) + "\r\n";
  const fs::path file = tmp.write("votes.csv", text);
  std::vector<InputFile> files;
  const Election streamed = read_votes_file(file.string(), files);
  const Election whole = read_votes(parse_csv(text, file.string()));
  REQUIRE(files.size() == 1);
  CHECK(files[0].sha256 == sha256_hex(text));
  REQUIRE(streamed.districts.size() == whole.districts.size());
  for (std::size_t d = 0; d < whole.districts.size(); ++d) {
    const District &a = streamed.districts[d], &b = whole.districts[d];
    CHECK(a.name == b.name);
    REQUIRE(a.lists.size() == b.lists.size());
    for (std::size_t i = 0; i < a.lists.size(); ++i) {
      CHECK(a.lists[i].party == b.lists[i].party);
      CHECK(a.lists[i].votes == b.lists[i].votes);
      CHECK(a.lists[i].published_seats == b.lists[i].published_seats);
      CHECK(a.lists[i].quota_group == b.lists[i].quota_group);
      CHECK(a.lists[i].line == b.lists[i].line);
    }
  }
}

TEST_CASE("duplicate lists are found per district, with the line of the first") {
  std::string text = "district,party,votes\n";
  for (int i = 0; i < 5'000; ++i) text += "D" + std::to_string(i % 3) + ",P" + std::to_string(i) + ",1\n";
  text += "D1,P4,2\n";  // P4 is in D1 (4 % 3 == 1), on line 6
  CHECK_THROWS_WITH(read_votes(parse_csv(text, "v.csv")),
                    "v.csv:5002: duplicate list 'P4' in district 'D1' (first on line 6)");
  const std::string other = "district,party,votes\nD0,P4,1\nD1,P4,1\n";  // one per district is fine
  CHECK(read_votes(parse_csv(other, "v.csv")).districts.size() == 2);
}
