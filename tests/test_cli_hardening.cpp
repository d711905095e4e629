// The command line under bad input and hostile file systems (issue 15, points 6, 9, 12, 13, 14):
// the seed is provenance whenever a lot decided, numeric flags out of range exit 2 with the
// range, a capped search for break points says so in every format, output files survive links,
// modes and killed runs, and a scenario's base or rule files that fail name the scenario's line.
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "seatsim/core/json.hpp"
#include "seatsim/io/file_io.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

std::string iraq_path() { return (source_dir() / "scenarios" / "iraq-2013").string(); }

// A one-district data set: results, seat totals, a rule.
fs::path write_data_set(const TempDir& tmp, const std::string& results, const std::string& seats) {
  tmp.write("set/results.csv", results);
  tmp.write("set/districts.csv", "district,seats,reserved\n" + seats);
  tmp.write("set/election.toml", "name = \"test\"\n[rule]\nmethod = \"dhondt\"\n");
  return tmp.path / "set";
}

unsigned mode_of(const fs::path& path) {
  struct stat s {};
  REQUIRE(::stat(path.c_str(), &s) == 0);
  return s.st_mode & 07777;
}

}  // namespace

TEST_SUITE("cli hardening") {
  TEST_CASE("a seed that decided seats by lot is in the provenance, and the notes say a lot decided") {
    TempDir tmp;
    const fs::path votes = tmp.write("votes.csv", "party,votes\nA,100\nB,100\n");
    const auto run = [&](const std::string& seed) {
      const RunResult result = run_cli(
          {"allocate", votes.string(), "--seats", "3", "--method", "dhondt", "--seed", seed, "--format", "json"});
      REQUIRE(result.status == 0);
      return std::make_pair(Json::parse(result.out), result.err);
    };
    const auto [zero, zero_err] = run("0");
    const auto [three, three_err] = run("3");
    // The seed changed the seats, so both say which seed.
    CHECK(zero["results"] != three["results"]);
    CHECK(zero["meta"]["seed"] == 0);
    CHECK(three["meta"]["seed"] == 3);
    CHECK(three["meta"]["lot_decided"] == true);
    CHECK(three_err.find("decided by lot (seed 3)") != std::string::npos);
    // No lot, no seed: equal quotients decided by votes.
    const fs::path unequal = tmp.write("unequal.csv", "party,votes\nA,100\nB,50\n");
    const RunResult plain =
        run_cli({"allocate", unequal.string(), "--seats", "3", "--method", "dhondt", "--format", "json"});
    REQUIRE(plain.status == 0);
    const Json json = Json::parse(plain.out);
    CHECK(json["meta"]["seed"].is_null());
    CHECK_FALSE(json["meta"].contains("lot_decided"));
    // A scenario whose allocation drew a lot.
    write_data_set(tmp, "district,party,votes\nN,A,100\nN,B,100\n", "N,3,0\n");
    const fs::path scenario = tmp.write("set/what-if/lot.toml", "base = \"../\"\n[rule]\nseed = 5\n");
    const RunResult scenario_run = run_cli({"scenario", scenario.string(), "--format", "json"});
    REQUIRE(scenario_run.status == 0);
    CHECK(Json::parse(scenario_run.out)["meta"]["seed"] == 5);
  }

  TEST_CASE("--seed and --draws out of range exit 2 with the range") {
    TempDir tmp;
    const fs::path votes = tmp.write("votes.csv", "party,votes\nA,100\nB,100\n");
    for (const std::string seed : {"-1", "99999999999999999999999", "18446744073709551616", "1e3", "0x10", ""}) {
      const RunResult run = run_cli({"allocate", votes.string(), "--seats", "3", "--seed", seed});
      CHECK_MESSAGE(run.status == 2, seed);
      CHECK_MESSAGE(run.err.find("0 to 18446744073709551615") != std::string::npos, (seed + ": " + run.err));
    }
    const RunResult largest =
        run_cli({"allocate", votes.string(), "--seats", "3", "--seed", "18446744073709551615", "--format", "json"});
    CHECK(largest.status == 0);
    for (const std::string draws : {"99999999999999999999", "-5", "1000000000001"}) {
      const RunResult run =
          run_cli({"simulate", iraq_path(), "--draws", draws, "--noise", "multinomial", "--format", "csv"});
      CHECK_MESSAGE(run.status == 2, draws);
      CHECK_MESSAGE(run.err.find("1 to 1000000000000") != std::string::npos, (draws + ": " + run.err));
    }
  }

  TEST_CASE("seatsim serve's limits are flags with ranges") {
    for (const std::vector<std::string>& flag : {std::vector<std::string>{"--max-request-seats", "0"},
                                                 {"--max-lists", "-1"},
                                                 {"--max-sweep-values", "0"},
                                                 {"--max-reply", "10"},
                                                 {"--max-time", "0"},
                                                 {"--max-body", "1"},
                                                 {"--read-time", "-2"},
                                                 {"--backlog", "0"}}) {
      const RunResult run = run_cli({"serve", iraq_path(), "--port", "0", flag[0], flag[1]});
      CHECK_MESSAGE(run.status == 2, flag[0]);
      CHECK_MESSAGE(run.err.find(flag[0]) != std::string::npos, run.err);
    }
    const RunResult help = run_cli({"serve", "--help"});
    for (const std::string flag : {"--max-request-seats", "--max-lists", "--max-sweep-values", "--max-reply",
                                   "--max-time", "--max-body", "--read-time", "--backlog"})
      CHECK_MESSAGE(help.out.find(flag) != std::string::npos, flag);
  }

  TEST_CASE("a seat sweep beyond the one-seat search says so in every format") {
    TempDir tmp;
    write_data_set(tmp, "district,party,votes\nN,A,600\nN,B,400\n", "N,10,0\n");
    const fs::path wide =
        tmp.write("set/what-if/wide.toml", "base = \"../\"\n[sweep]\nparameter = \"seats.N\"\nvalues = [1, 1000000]\n");
    for (const std::string mode : {"--break-points", "--format"}) {  // the break points, and the long table
      const RunResult run = mode == std::string("--break-points")
                                ? run_cli({"scenario", wide.string(), "--break-points", "--format", "csv"})
                                : run_cli({"scenario", wide.string(), "--format", "csv"});
      REQUIRE(run.status == 0);
      CHECK_MESSAGE(run.err.find("only between the sweep's own values") != std::string::npos, mode);
      CHECK_MESSAGE(run.err.find("cap of 10000") != std::string::npos, mode);
    }
    const RunResult json = run_cli({"scenario", wide.string(), "--break-points", "--format", "json"});
    REQUIRE(json.status == 0);
    CHECK(Json::parse(json.out)["meta"]["sweep"]["limited"] == true);
    const RunResult table = run_cli({"scenario", wide.string(), "--break-points", "--format", "table"});
    CHECK(table.out.find("cap of 10000") != std::string::npos);
    // Within the cap, one-seat precision and no note.
    const fs::path narrow =
        tmp.write("set/what-if/narrow.toml", "base = \"../\"\n[sweep]\nparameter = \"seats.N\"\nvalues = [1, 20]\n");
    const RunResult exact = run_cli({"scenario", narrow.string(), "--break-points", "--format", "csv"});
    REQUIRE(exact.status == 0);
    CHECK(exact.err.find("only between") == std::string::npos);
  }

  TEST_CASE("output files: stale temporaries removed, links followed, modes kept") {
    TempDir tmp;
    const fs::path target = tmp.path / "out.csv";
    // A run killed before its commit left these (PIDs that cannot be running), beside others that stay.
    const fs::path stale = tmp.write("out.csv.tmp-2147483600-12345", std::string(1000, 'x'));
    const fs::path stale_too = tmp.write("out.csv.tmp-2147483601-9", "y");
    const fs::path running = tmp.write("out.csv.tmp-" + std::to_string(::getppid()) + "-7", "z");
    const fs::path other = tmp.write("out.csv.tmp-notes", "keep");
    const fs::path other_target = tmp.write("else.csv.tmp-2147483600-1", "keep");
    write_file_atomically(target, "a\n");
    CHECK_FALSE(fs::exists(stale));
    CHECK_FALSE(fs::exists(stale_too));
    CHECK(fs::exists(running));
    CHECK(fs::exists(other));
    CHECK(fs::exists(other_target));
    // An existing file keeps its mode.
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                fs::perms::group_write | fs::perms::others_read);
    write_file_atomically(target, "b\n");
    CHECK(mode_of(target) == 0664);
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
    write_file_atomically(target, "c\n");
    CHECK(mode_of(target) == 0600);
    CHECK(read_text_file(target.string()) == "c\n");
    // -o onto a symbolic link writes the file it points to; the link stays a link.
    const fs::path real = tmp.write("sub/real.csv", "old\n");
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const fs::path link = tmp.path / "link.csv";
    fs::create_symlink("sub/real.csv", link);
    const fs::path votes = tmp.write("votes.csv", "party,votes\nA,100\nB,50\n");
    const RunResult run = run_cli({"allocate", votes.string(), "--seats", "3", "-o", link.string()});
    REQUIRE(run.status == 0);
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(read_text_file(real.string()).find("A,100") != std::string::npos);
    CHECK(mode_of(real) == 0640);
    // No temporary file is left beside the link or the file.
    for (const auto& entry : fs::recursive_directory_iterator(tmp.path))
      CHECK_MESSAGE(entry.path().filename().string().find("link.csv.tmp-") == std::string::npos, entry.path().string());
  }

  TEST_CASE("a scenario whose base or rule file fails names the scenario's file and line") {
    TempDir tmp;
    tmp.write("empty-folder/readme.txt", "not a data set\n");
    const fs::path no_manifest = tmp.write("s1.toml", "name = \"x\"\nbase = \"empty-folder\"\n");
    const RunResult base = run_cli({"scenario", no_manifest.string()});
    CHECK(base.status == 2);
    CHECK_MESSAGE(base.err.rfind("seatsim: " + no_manifest.string() + ":2: base: ", 0) == 0, base.err);
    write_data_set(tmp, "district,party,votes\nN,A,100\nN,B,50\n", "N,3,0\n");
    const fs::path missing = tmp.write("set/what-if/s2.toml",
                                       "base = \"../\"\n\n[rule]\nmethod = \"dhondt\"\nparty_thresholds = "
                                       "\"no-such-thresholds.csv\"\n");
    const RunResult thresholds = run_cli({"scenario", missing.string()});
    CHECK(thresholds.status == 2);
    CHECK_MESSAGE(thresholds.err.rfind("seatsim: " + missing.string() + ":5: party_thresholds: ", 0) == 0,
                  thresholds.err);
    CHECK(thresholds.err.find("no-such-thresholds.csv") != std::string::npos);
  }
}

}  // namespace seatsim::test
