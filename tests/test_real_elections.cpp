// Real elections from ../shared/data, recomputed through the CLI under their official rules and
// compared with the published seats list by list. Skipped when the shared folder is absent.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace seatsim::test;
using seatsim::read_text_file;

namespace {

// Runs `seatsim allocate FILE ARGS... --format csv` and checks every list's seats against the
// file's published_seats column. Returns the number of lists compared.
std::size_t reproduce(const fs::path& file, std::vector<std::string> args) {
  args.insert(args.begin(), {"allocate", file.string()});
  args.insert(args.end(), {"--format", "csv"});
  const RunResult result = run_cli(args);
  REQUIRE_MESSAGE(result.status == 0, result.err);
  const auto published = csv_records(read_text_file(file.string()));
  const auto computed = csv_records(result.out);
  REQUIRE(published.size() == computed.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < published.size(); ++i) {
    CHECK(published[i].at("party") == computed[i].at("party"));
    const std::string expected =
        published[i].count("published_seats") ? published[i].at("published_seats") : published[i].at("district_seats");
    if (computed[i].at("seats") != expected) {
      ++differing;
      INFO(published[i].at("district") << " / " << published[i].at("party"));
      CHECK(computed[i].at("seats") == expected);
    }
  }
  CHECK(differing == 0);
  return published.size();
}

}  // namespace

TEST_CASE("Norway 2021 district seats: Sainte-Lague with first divisor 1.4, 19/19 districts") {
  const fs::path file = shared_data("norway_2021_storting_district_seats.csv");
  if (file.empty()) return;
  CHECK(reproduce(file, {"--method", "sainte-lague", "--first-divisor", "1.4"}) > 100);
}

TEST_CASE("Norway 2021 district seats are NOT reproduced by plain Sainte-Lague (the data discriminates)") {
  const fs::path file = shared_data("norway_2021_storting_district_seats.csv");
  if (file.empty()) return;
  const RunResult result = run_cli({"allocate", file.string(), "--format", "csv"});
  REQUIRE(result.status == 0);
  const auto published = csv_records(read_text_file(file.string()));
  const auto computed = csv_records(result.out);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < published.size(); ++i)
    differing += published[i].at("published_seats") != computed[i].at("seats");
  CHECK(differing > 0);
}

TEST_CASE("Poland 2023 Sejm: D'Hondt, national 5% / 8% for coalitions, German minority exempt") {
  const fs::path file = shared_data("poland_2023_sejm.csv");
  if (file.empty()) return;
  TempDir tmp;
  std::string thresholds = "party,threshold\n";
  std::set<std::string> coalitions;
  for (const auto& row : csv_records(read_text_file(file.string())))
    if (row.at("party").rfind("KOALICYJNY", 0) == 0) coalitions.insert(row.at("party"));
  REQUIRE(coalitions.size() == 2);
  for (const std::string& party : coalitions) thresholds += seatsim::csv_escape(party) + ",8%\n";
  const fs::path party_thresholds = tmp.write("thresholds.csv", thresholds);
  CHECK(reproduce(file, {"--method", "dhondt", "--threshold", "5%", "--threshold-scope", "national",
                         "--party-thresholds", party_thresholds.string(), "--threshold-exempt",
                         "KOMITET WYBORCZY WYBORCÓW MNIEJSZOŚĆ NIEMIECKA"}) > 200);
}

TEST_CASE("Portugal 2025 municipal councils: D'Hondt, ties to fewer votes, 308/308") {
  const fs::path file = shared_data("portugal_2025_local_camara.csv");
  if (file.empty()) return;
  CHECK(reproduce(file, {"--method", "dhondt", "--ties", "fewer-votes"}) > 1000);
}

TEST_CASE("US House 2020: Huntington-Hill gives the official 435 seats") {
  const fs::path file = shared_data("us_2020_house_apportionment.csv");
  if (file.empty()) return;
  CHECK(reproduce(file, {"--method", "huntington-hill", "--seats", "435"}) == 50);
  CHECK(reproduce(file, {"--method", "equal-proportions"}) == 50);
}
