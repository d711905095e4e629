// The electoral-system model: the key registry, the system serialization (TOML and JSON, read ->
// write -> read), the library of systems, the front-end pipeline's layers and name checks, and a
// divisor method registered from outside the library.
#include <doctest/doctest.h>

#include <cctype>

#include "district_of.hpp"
#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/method.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

std::vector<std::int64_t> seats_of(const ElectionOutcome& outcome) {
  std::vector<std::int64_t> seats;
  for (const ListOutcome& list : outcome.districts.front().lists) seats.push_back(list.seats);
  return seats;
}

std::string read(const fs::path& path) { return read_text_file(path.string()); }

}  // namespace

TEST_SUITE("system model") {
  TEST_CASE("method names as people write them") {
    for (const char* name : {"D'Hondt", "d'Hondt", "DHONDT", "Jefferson"}) CHECK(method_by_name(name).name == "dhondt");
    for (const char* name : {"Sainte-Laguë", "Sainte-Lague", "sainte lague", "Webster"})
      CHECK(method_by_name(name).name == "sainte-lague");
    for (const char* name : {"Hamilton", "Hare-Niemeyer", "hare niemeyer", "HARE"})
      CHECK(method_by_name(name).name == "hare");
    CHECK_THROWS_WITH_AS(method_by_name("dhont"), doctest::Contains("unknown method 'dhont'"), Error);
  }

  TEST_CASE("every system file of the repository round-trips: TOML and JSON, read -> write -> read") {
    std::size_t files = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(source_dir() / "systems")) {
      if (entry.path().extension() != ".toml") continue;
      ++files;
      CAPTURE(entry.path());
      const System system = parse_system(entry.path().string(), read(entry.path()));
      const std::string toml = system_to_toml(system);
      const System again = parse_system("again.toml", toml);
      CHECK(again == system);
      CHECK(system_to_toml(again) == toml);
      const Json json = {{"system", system_to_json(system)}};
      CHECK(parse_system("again.json", json.dump(2)) == system);
      CHECK(system_from_json(system_to_json(system), "x") == system);
    }
    CHECK(files >= 10);
    CHECK(library_systems().size() == files);
  }

  TEST_CASE("the schema file in the repository is the one derived from the key registry") {
    // The command line's: this test program registers components of its own (a leveling placement).
    const Json checked_in = Json::parse(read(source_dir() / "docs" / "schema" / "system.schema.json"));
    const RunResult printed = run_cli({"systems", "schema"});
    REQUIRE(printed.status == 0);
    CHECK(checked_in == Json::parse(printed.out));
    const Json derived = system_json_schema();
    const Json& rule = derived["properties"]["system"]["properties"]["rule"]["properties"];
    std::vector<std::string> keys;
    for (const auto& [key, value] : rule.items()) keys.push_back(key);
    CHECK(keys == rule_key_names());
  }

  TEST_CASE("the command line's rule flags are the key registry's keys") {
    const RunResult help = run_cli({"allocate", "--help"});
    REQUIRE(help.status == 0);
    // Every "--name" in the help text (no <regex>: GCC 12 warns inside it under the sanitizers).
    std::set<std::string> flags;
    for (std::size_t at = help.out.find("--"); at != std::string::npos; at = help.out.find("--", at + 2)) {
      std::size_t end = at + 2;
      while (end < help.out.size() && (std::islower(static_cast<unsigned char>(help.out[end])) || help.out[end] == '-'))
        ++end;
      if (end > at + 2) flags.insert(help.out.substr(at + 2, end - at - 2));
    }
    for (const std::string& key : rule_key_names()) {
      std::string dashed = key;
      std::replace(dashed.begin(), dashed.end(), '_', '-');
      CHECK_MESSAGE(flags.count(dashed) == 1, "--" << dashed << " missing from allocate --help");
    }
    CHECK(flags.count("system") == 1);
  }

  TEST_CASE("bad system files: unknown key with a suggestion, wrong type, impossible combination, version") {
    const auto error_of = [](const std::string& text) {
      try {
        (void)parse_system("bad.toml", text);
      } catch (const Error& error) {
        return std::string(error.what()) + " [key " + error.key() + "]";
      }
      return std::string("no error");
    };
    CHECK(error_of("[system]\n[system.rule]\nmethd = \"dhondt\"\n") ==
          "bad.toml:3: unknown key 'methd' in [system.rule] (did you mean 'method'?) [key methd]");
    CHECK(error_of("[system]\nnmae = \"x\"\n") ==
          "bad.toml:2: unknown key 'nmae' in [system] (did you mean 'name'?) [key nmae]");
    CHECK(error_of("[system]\n[system.rule]\nthreshold_strict = \"yes\"\n") ==
          "bad.toml:3: threshold_strict: expected true or false [key threshold_strict]");
    CHECK(error_of("[system]\n[system.rule]\nmethod = \"hare\"\nfirst_divisor = \"1.4\"\n")
              .find("bad.toml:4: first-divisor:") == 0);
    CHECK(
        error_of("[system]\nschema_version = 2\n").find("bad.toml:2: schema_version 2 is not one this seatsim reads") ==
        0);
    CHECK(error_of("[system]\n[system.statutes]\nmethd = \"x\"\n")
              .find("'methd' is not a rule key (did you mean 'method'?)") != std::string::npos);
    CHECK_THROWS_WITH_AS(load_system("norway-storting"), doctest::Contains("did you mean 'norway-storting-2005'"),
                         Error);
  }

  TEST_CASE("layers: flags over --system over the data set's [rule], meta.system is the system as applied") {
    TempDir tmp;
    tmp.write("set/election.toml", "name = \"t\"\n[rule]\nmethod = \"sainte-lague\"\nthreshold = \"10%\"\n");
    tmp.write("set/results.csv", "party,votes,published_seats\nA,600,4\nB,300,2\nC,80,0\nD,20,0\n");
    const std::string set = (tmp.path / "set").string();
    // The data set alone: Sainte-Laguë, C and D below 10%.
    ElectionSetup base = prepare_election(set, {});
    CHECK(base.rule.method.name == "sainte-lague");
    REQUIRE(base.rule.threshold.value);
    // --system replaces the method and keeps the data set's threshold where the system is silent.
    RuleSources sources;
    sources.system = "portugal-municipal";
    ElectionSetup with_system = prepare_election(set, sources);
    CHECK(with_system.rule.method.name == "dhondt");
    CHECK(with_system.rule.ties == TieRule::fewer_votes);
    CHECK(with_system.rule.threshold.value->to_string() == "10%");
    CHECK(with_system.system.name == "portugal-municipal");
    // Flags over both.
    sources.overrides.method = "hare";
    CHECK(prepare_election(set, sources).rule.method.name == "hare");
  }

  TEST_CASE("every name a rule mentions exists in the data") {
    TempDir tmp;
    const std::string votes = tmp.write("v.csv", "party,votes\nBlue,45000\nPurple,4700\n").string();
    RuleSources sources;
    sources.overrides.threshold = "5%";
    sources.overrides.threshold_exempt = std::vector<std::string>{"Purpel"};
    SeatOverrides seats;
    seats.seats = 11;
    CHECK_THROWS_WITH_AS(prepare_election(votes, sources, seats),
                         "threshold_exempt: no list 'Purpel' in the data (did you mean 'Purple'?)", Error);
    const RunResult cli =
        run_cli({"allocate", votes, "--seats", "11", "--threshold", "5%", "--threshold-exempt", "Purpel"});
    CHECK(cli.status == 2);
    CHECK(cli.err.find("did you mean 'Purple'?") != std::string::npos);
  }

  TEST_CASE("composite thresholds: a national threshold or 12% in the district, coalitions at 8%") {
    Election election;
    for (const char* name : {"North", "South"}) {
      District district;
      district.name = name;
      district.seats = 5;
      election.districts.push_back(district);
    }
    const auto add = [&](std::size_t d, const std::string& party, std::int64_t votes) {
      ListResult list;
      list.party = party;
      list.votes = votes;
      election.districts[d].lists.push_back(list);
    };
    add(0, "Big", 560), add(0, "Local", 150), add(1, "Big", 800), add(1, "Small", 30);
    // National total 1540: Local 150 (9.7%) fails 10% but has 21% in North; Small 30 has 3.6% in South.
    RuleSettings settings;
    settings.method = "dhondt";
    settings.threshold = "10%";
    settings.threshold_scope = "national";
    ElectionOutcome outcome = allocate(election, settings.build());
    CHECK(outcome.districts[0].lists[1].seats == 0);
    settings.threshold_or = std::vector<std::string>{"12% district"};
    outcome = allocate(election, settings.build());
    CHECK(outcome.districts[0].lists[1].seats == 1);  // North: 560, 280, 186.7, 150 (Local), 140
    CHECK(outcome.districts[1].lists[1].seats == 0);

    // 13 seats, D'Hondt: the coalition's 35 votes (7%) would win the last seat against 300/9 = 33.3.
    const Election poll = one_district({{"PARTY", 300}, {"KOALICJA A", 35}, {"OTHER", 165}}, 13);
    RuleSettings coalition;
    coalition.method = "dhondt";
    coalition.threshold = "5%";
    CHECK(seats_of(allocate(poll, coalition.build())) == std::vector<std::int64_t>{8, 1, 4});
    coalition.coalition_threshold = "8%";
    coalition.coalition_lists = std::vector<std::string>{"KOALICJA*"};
    CHECK(seats_of(allocate(poll, coalition.build())) == std::vector<std::int64_t>{9, 0, 4});
    coalition.coalition_lists.reset();
    CHECK_THROWS_WITH_AS(coalition.build(), doctest::Contains("give coalition-lists too"), Error);
  }
}

}  // namespace seatsim::test
