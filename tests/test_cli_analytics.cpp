// The research-analytics commands from the command line: `--view indices` of allocate, compare and
// scenario, `seatsim paradoxes`, `seatsim curves`; their columns, and that the default outputs do not change.
#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "support.hpp"

using namespace seatsim::test;

namespace {

const std::string example_votes = "party,votes\nBlue,45000\nGreen,21000\nRed,17500\nYellow,9800\nPurple,4700\n";

}  // namespace

TEST_CASE("allocate --view indices: a district row and a national row; the default CSV is unchanged") {
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

TEST_CASE("compare --view indices: recomputed and published side by side; the exit code of the comparison") {
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
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].at("kind") == "alabama");
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
