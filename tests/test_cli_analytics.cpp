// The research-analytics commands from the command line: `--view indices` of allocate, compare and
// scenario, `seatsim paradoxes`, `seatsim curves`; their columns, and that the default outputs do not change.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "seatsim/io/file_io.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

const std::string example_votes = "party,votes\nBlue,45000\nGreen,21000\nRed,17500\nYellow,9800\nPurple,4700\n";

}  // namespace

TEST_CASE("allocate --view indices: a district row and a national row, the default CSV is unchanged") {
  const RunResult seats =
      run_cli({"allocate", "-", "--seats", "11", "--first-divisor", "1.4", "--format", "csv"}, example_votes);
  CHECK(seats.out.rfind("district,party,votes,seats,tie\n", 0) == 0);
  const RunResult r =
      run_cli({"allocate", "-", "--seats", "11", "--first-divisor", "1.4", "--view", "indices", "--format", "csv"},
              example_votes);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto rows = csv_records(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].at("level") == "national");
  CHECK(rows[1].at("gallagher") == "5.399166");
  CHECK(rows[1].at("wasted_share") == "4.795918");  // Purple's 4,700 of 98,000 votes
  const seatsim::Json json = seatsim::Json::parse(
      run_cli({"allocate", "-", "--seats", "11", "--first-divisor", "1.4", "--view", "indices", "--format", "json"},
              example_votes)
          .out);
  for (const char* key :
       {"gallagher", "loosemore_hanby", "sainte_lague", "dhondt", "rae", "enp_votes", "enp_seats", "wasted_share"})
    CHECK(json["results"][1][key].is_number());
}

TEST_CASE("compare --view indices: recomputed and published side by side, the exit code of the comparison") {
  const RunResult r =
      run_cli({"compare", (source_dir() / "scenarios/iraq-2013").string(), "--view", "indices", "--format", "csv"});
  CHECK(r.status == 1);  // Iraq 2013 differs in six governorates
  const auto rows = csv_records(r.out);
  std::size_t recomputed = 0, published = 0;
  for (const auto& row : rows) (row.at("basis") == "recomputed" ? recomputed : published) += 1;
  CHECK(recomputed == 15);        // 14 governorates and the national row
  CHECK(published > 0);           // the governorates whose every list has published seats
  CHECK(published < recomputed);  // Saladin has a blank seat cell: no published national row
}

TEST_CASE("scenario --view indices: one set of rows per variant, or per value of a sweep") {
  const std::string what_if = (source_dir() / "scenarios/iraq-2013/what-if").string();
  const auto single = csv_records(
      run_cli({"scenario", what_if + "/first-divisor-1.6.toml", "--view", "indices", "--format", "csv"}).out);
  REQUIRE(single.size() == 30);
  CHECK(single.front().at("variant") == "base");
  CHECK(single.back().at("variant") == "scenario");
  CHECK(single.back().at("level") == "national");
  const auto sweep = csv_records(
      run_cli({"scenario", what_if + "/first-divisor-sweep.toml", "--view", "indices", "--format", "csv"}).out);
  REQUIRE(!sweep.empty());
  CHECK(sweep.front().count("value") == 1);
  CHECK(sweep.size() % 15 == 0);
}

TEST_CASE("paradoxes and curves from the command line") {
  const std::string votes = "party,votes\nA,6000000\nB,6000000\nC,2000000\n";
  const RunResult paradoxes = run_cli({"paradoxes", "-", "--seats", "10", "-m", "hare", "--format", "csv"}, votes);
  REQUIRE_MESSAGE(paradoxes.status == 0, paradoxes.err);
  const auto findings = csv_records(paradoxes.out);
  REQUIRE(findings.size() == 3);  // the Alabama paradox first, then two population paradoxes of C
  CHECK(findings[0].at("kind") == "alabama");
  CHECK(findings[1].at("kind") == "population");
  CHECK(findings[2].at("kind") == "population");
  CHECK(findings[0].at("party") == "C");
  CHECK(findings[0].at("rechecked") == "yes");
  CHECK(paradoxes.err.find("(complete)") != std::string::npos);
  const RunResult bad = run_cli({"paradoxes", "-", "--seats", "10", "--max-seconds", "-1"}, votes);
  CHECK(bad.status == 2);
  const RunResult curves = run_cli(
      {"curves", "-", "--seats", "11", "--first-divisor", "1.4", "--party", "Blue", "--format", "csv"}, example_votes);
  REQUIRE_MESSAGE(curves.status == 0, curves.err);
  const auto pieces = csv_records(curves.out);
  REQUIRE(pieces.size() == 12);  // 0 to 11 seats
  CHECK(pieces[6].at("votes_from") == "46200");
  CHECK(curves.err.find("6 of 11 seats at 50 %") != std::string::npos);
  CHECK(run_cli({"curves", "-", "--seats", "11", "--party", "Nobody"}, example_votes).status == 2);
}

TEST_CASE("curves: the bias at 50 % as a table and in JSON, --chart draws one curve per party, a mark per break") {
  const std::vector<std::string> base = {"curves", "-",       "--seats", "11",      "--first-divisor",
                                         "1.4",    "--party", "Blue",    "--party", "Green"};
  const auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args, example_votes);
  };
  const RunResult bias = with({"--view", "bias", "--format", "csv"});
  REQUIRE_MESSAGE(bias.status == 0, bias.err);
  const auto rows = csv_records(bias.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("party") == "Blue");
  CHECK(rows[0].at("seats_at_half") == "6");
  CHECK(rows[0].at("bias") == "4.545455");  // 6/11 − 1/2, as the footer says
  CHECK(bias.err.find("Blue: 6 of 11 seats at 50 % of the votes; bias 4.545455") != std::string::npos);
  const seatsim::Json json = seatsim::Json::parse(with({"--format", "json"}).out);
  CHECK(json["bias"][1]["party"] == "Green");
  CHECK(json["bias"][1]["bias"] == seatsim::Json::parse(rows[1].at("bias")));

  TempDir tmp;
  const fs::path chart = tmp.path / "curves.svg";
  const RunResult drawn = with({"--format", "csv", "--chart", chart.string()});
  REQUIRE_MESSAGE(drawn.status == 0, drawn.err);
  const auto pieces = csv_records(drawn.out);
  const std::string svg = seatsim::read_text_file(chart.string());
  CHECK(svg.rfind("<svg", 0) == 0);
  std::size_t curves = 0, breaks = 0;
  for (std::size_t at = svg.find("class=\"curve\""); at != std::string::npos; at = svg.find("class=\"curve\"", at + 1))
    ++curves;
  for (std::size_t at = svg.find("<circle class=\"break\""); at != std::string::npos;
       at = svg.find("<circle class=\"break\"", at + 1))
    ++breaks;
  CHECK(curves == 2);
  CHECK(breaks == pieces.size() - 2);  // pieces − 1 per party
  // The first break of Blue's curve carries the table's exact interval.
  CHECK(svg.find("Blue: " + pieces[0].at("seats") + " \u2192 " + pieces[1].at("seats") + " seats between " +
                 pieces[0].at("share_to") + " % and " + pieces[1].at("share_from") + " % of the votes") !=
        std::string::npos);
  const RunResult bad = with({"--chart", (tmp.path / "no/such/dir/c.svg").string()});
  CHECK(bad.status == 2);
}
