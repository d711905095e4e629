// The library of statutory systems: `seatsim systems` lists them, `systems show` writes a file that
// gives the same output as the name, and the regression corpus: each verified system reproduces its
// real election through `seatsim compare DATA --system NAME`.
#include <doctest/doctest.h>

#include "seatsim/io/system_file.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

// The flags an election needs beside its system: what the statute leaves to each election's lists.
std::vector<std::string> election_flags(const std::string& system) {
  if (system == "poland-sejm-2011") return {"--threshold-exempt", "KOMITET WYBORCZY WYBORCÓW MNIEJSZOŚĆ NIEMIECKA"};
  return {};
}

// The data a system's verification names, when present here (`../shared/data` may be absent).
std::optional<fs::path> verified_data(const System& system) {
  for (const Verification& v : system.verified) {
    const fs::path path = v.data.rfind("../shared/", 0) == 0 ? shared_dir() / v.data.substr(10) : source_dir() / v.data;
    if (fs::exists(path)) return path;
  }
  return std::nullopt;
}

std::string summary_line(const std::string& err) {
  const std::size_t at = err.rfind("districts matched:");
  return at == std::string::npos ? std::string() : err.substr(at, err.find('\n', at) - at);
}

}  // namespace

TEST_SUITE("systems library") {
  TEST_CASE("seatsim systems lists every system of issue 17 with its body, country and verification") {
    const RunResult list = run_cli({"systems", "--format", "csv"});
    REQUIRE(list.status == 0);
    CHECK(list.out.rfind("name,body,country,in_force,verified\n", 0) == 0);
    for (const char* name :
         {"iraq-governorates-2013", "iraq-parliament-2018", "iraq-provincial-2023", "iraq-provincial-2019-amendment",
          "norway-storting-2005", "sweden-riksdag-2018", "poland-sejm-2011", "portugal-municipal",
          "germany-bundestag-2023", "us-house-1941", "zurich-kantonsrat-2006", "zug-kantonsrat-2014",
          "czechia-chamber-2021", "austria-national-council"})
      CHECK_MESSAGE(list.out.find(std::string("\n") + name + ",") != std::string::npos, name);
    const RunResult json = run_cli({"systems", "--format", "json"});
    REQUIRE(json.status == 0);
    CHECK(Json::parse(json.out)["systems"].size() == library_systems().size());
  }

  TEST_CASE("systems show NAME > f.toml, then --system f.toml, gives the output of --system NAME") {
    TempDir tmp;
    for (const System& system : library_systems()) {
      CAPTURE(system.name);
      const RunResult shown = run_cli({"systems", "show", system.name});
      REQUIRE(shown.status == 0);
      const fs::path file = tmp.write(system.name + ".toml", shown.out);
      const RunResult json = run_cli({"systems", "show", system.name, "--format", "json"});
      REQUIRE(json.status == 0);
      const fs::path json_file = tmp.write(system.name + ".json", json.out);
      // Its own election where present; else Iraq 2013 (reserved seats, no threshold), or Zürich 2019 for a
      // biproportional system (reserved seats cannot be combined with it).
      // A quota-tier system (no reserved seats either) falls back on the Czech 2021 data set.
      const bool biproportional = system.rule.biproportional.value_or(false);
      // A system with leveling regions (Denmark) needs its own districts: the constructed Danish data set.
      const fs::path fallback = biproportional                 ? shared_dir() / "data" / "zurich_2019_kantonsrat.csv"
                                : system.rule.quota_tier       ? source_dir() / "scenarios" / "czechia-2021"
                                : system.rule.leveling_regions ? source_dir() / "scenarios" / "denmark-constructed"
                                                               : source_dir() / "scenarios" / "iraq-2013";
      if (!verified_data(system) && !fs::exists(fallback)) continue;
      // Its election names the data (and --threshold-exempt lists) it needs: without ../shared/data, skip it.
      if (!verified_data(system) && !system.verified.empty()) {
        MESSAGE("SKIPPED: " << system.name << ": its verified election's data is absent");
        continue;
      }
      const std::string input = verified_data(system).value_or(fallback).string();
      std::vector<std::string> args = {"allocate", input, "--format", "csv"};
      const std::vector<std::string> extra = election_flags(system.name);
      args.insert(args.end(), extra.begin(), extra.end());
      const auto with = [&](const std::string& value) {
        std::vector<std::string> all = args;
        all.insert(all.end(), {"--system", value});
        return run_cli(all);
      };
      const RunResult by_name = with(system.name);
      const RunResult by_file = with(file.string());
      const RunResult by_json = with(json_file.string());
      CHECK(by_name.status == 0);
      CHECK(by_file.err == by_name.err);
      CHECK(by_file.status == by_name.status);
      CHECK(by_file.out == by_name.out);
      CHECK(by_json.out == by_name.out);
    }
  }

  TEST_CASE("the regression corpus: every verified system reproduces its election exactly") {
    std::size_t exact = 0;
    for (const System& system : library_systems()) {
      const std::optional<fs::path> data = verified_data(system);
      if (!data) continue;
      CAPTURE(system.name);
      std::vector<std::string> args = {"compare", data->string(), "--system", system.name, "--format", "csv"};
      const std::vector<std::string> extra = election_flags(system.name);
      args.insert(args.end(), extra.begin(), extra.end());
      const RunResult compared = run_cli(args);
      const std::string line = summary_line(compared.err);
      if (system.name == "iraq-governorates-2013") {
        // The seed's faults: 8 of 14 governorates (scenarios/iraq-2013/QUALITY.md).
        CHECK(compared.status == 1);
        CHECK(line == "districts matched: 8/14, seats differing: 8");
        continue;
      }
      if (system.name == "czechia-chamber-2021") {
        // Seats are published nationally and for Praha only (scenarios/czechia-2021/QUALITY.md): the regions
        // without published seats leave compare at exit 1; the party totals are checked in test_quota_tier.cpp.
        CHECK(compared.status == 1);
        CHECK(line == "districts matched: 1/14, seats differing: 0");
        ++exact;
        continue;
      }
      if (system.name == "germany-bundestag-2013") {
        // Seats are published per party and for Mecklenburg-Vorpommern only (scenarios/germany-2017/QUALITY.md);
        // the party totals are checked with compare --view parties in test_germany_2013.cpp.
        CHECK(compared.status == 1);
        CHECK(line == "districts matched: 1/16, seats differing: 0");
        ++exact;
        continue;
      }
      CHECK(compared.status == 0);
      CHECK(line.find(", seats differing: 0") != std::string::npos);
      ++exact;
    }
    if (!fs::exists(shared_dir() / "data")) {
      std::cout << "SKIPPED: ../shared/data is absent: only Iraq 2013 was checked" << std::endl;
      return;
    }
    CHECK(exact >= 6);
  }
}

}  // namespace seatsim::test
