// Scenario files: every key read exactly and checked, every error one line with file and line.
#include <doctest/doctest.h>

#include "seatsim/core/error.hpp"
#include "seatsim/io/scenario.hpp"
#include "support.hpp"

using namespace seatsim;
using namespace seatsim::test;

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_scenario("what-if/x.toml", text);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

const std::string transfer_op = R"([[op]]
kind = "transfer"
from = "A"
to = "B"
share = "10%"
)";

}  // namespace

TEST_CASE("a scenario file: name, base relative to the file, rule, operations in order, exact numbers") {
  const Scenario s = parse_scenario("sets/iraq/what-if/x.toml", R"(# what if?
name = "A loses"
base = "../"
clamp = true
[rule]
first_divisor = 1.6
[[op]]
kind = "transfer"
from = "A"
to = "B"
share = "12.5%"
districts = ["North", "South"]
[[op]]
kind = "split"
party = "C"
into = { Zed = "60%", Alpha = "15%" }
[[op]]
kind = "uniform"
party = "A"
points = -2.5
)");
  CHECK(s.name == "A loses");
  CHECK(s.base == "sets/iraq/");
  CHECK(s.clamp);
  CHECK(s.rule.first_divisor == std::optional<std::string>("1.6"));
  REQUIRE(s.operations.size() == 3);
  CHECK(s.operations[0].share == Rational(1, 8));
  CHECK(s.operations[0].districts == std::vector<std::string>{"North", "South"});
  CHECK(s.operations[0].line == 7);
  CHECK(s.operations[0].line_of("share") == 11);
  // The file's order of the parts, not the alphabet's.
  REQUIRE(s.operations[1].parts.size() == 2);
  CHECK(s.operations[1].parts[0].party == "Zed");
  CHECK(s.operations[1].parts[1].share == Rational(3, 20));
  CHECK(s.operations[2].points == Rational(-5, 2));
  CHECK_FALSE(s.sweep);
}

TEST_CASE("sweep values: a range expands exactly, a list keeps its order and text") {
  const Scenario range = parse_scenario("x.toml", "base = \".\"\n" + transfer_op +
                                                      "[sweep]\nparameter = \"op.1.share\"\n"
                                                      "values = { from = \"0%\", to = \"1%\", step = \"0.1%\" }\n");
  REQUIRE(range.sweep);
  CHECK(range.sweep->target == SweepTarget::operation);
  CHECK(range.sweep->field == "share");
  CHECK(range.sweep->texts.size() == 11);  // 0.1 is exact here, so 1% itself is included
  CHECK(range.sweep->texts[3] == "0.3%");
  CHECK(range.sweep->values[3] == Rational(3, 1000));
  CHECK(range.sweep->texts.back() == "1%");
  CHECK(range.sweep->percent);

  const Scenario list = parse_scenario(
      "x.toml", "base = \".\"\n[sweep]\nparameter = \"rule.first_divisor\"\nvalues = [\"1.6\", 1.4, \"1\"]\n");
  CHECK(list.sweep->texts == std::vector<std::string>{"1.6", "1.4", "1"});
  CHECK(list.sweep->values[1] == Rational(7, 5));
  CHECK_FALSE(list.sweep->percent);

  const Scenario seats = parse_scenario("x.toml",
                                        "base = \".\"\n[sweep]\nparameter = \"seats.North Governorate\"\n"
                                        "values = { from = 10, to = 4, step = -3 }\n");
  CHECK(seats.sweep->target == SweepTarget::seats);
  CHECK(seats.sweep->district == "North Governorate");
  CHECK(seats.sweep->texts == std::vector<std::string>{"10", "7", "4"});
}

TEST_CASE("a swept field may be left out of its operation") {
  const Scenario s = parse_scenario("x.toml", R"(base = "."
[[op]]
kind = "uniform"
party = "A"
[sweep]
parameter = "op.1.points"
values = ["-1", "0", "2.5"]
)");
  CHECK_FALSE(s.operations[0].points);
  CHECK(s.sweep->values[2] == Rational(5, 2));
}

TEST_CASE("bad scenario files: one line naming file, line and what is wrong") {
  CHECK(error_of("base = \".\"\nnmae = \"x\"\n") ==
        "what-if/x.toml:2: unknown key 'nmae' in the scenario (did you mean 'name'?)");
  CHECK(error_of("name = \"x\"\n") ==
        "what-if/x.toml:1: the scenario needs 'base' (its data set, relative to this file, e.g. base = \"../\")");
  CHECK(error_of("base = \".\"\n[[op]]\nkind = \"transfer\"\nfrom = \"A\"\nto = \"B\"\nshare = \"100.5%\"\n") ==
        "what-if/x.toml:6: operation 1 (transfer): share: '100.5%' is above 100%");
  CHECK(error_of("base = \".\"\n[[op]]\nkind = \"transfer\"\nfrom = \"A\"\nto = \"B\"\nshare = \"10%\"\nshrae = 1\n") ==
        "what-if/x.toml:7: operation 1 (transfer): unknown key 'shrae' (did you mean 'share'?); its keys: kind, "
        "districts, from, to, share, votes");
  CHECK(error_of("base = \".\"\n[[op]]\nkind = \"transfer\"\nfrom = \"A\"\nto = \"B\"\n") ==
        "what-if/x.toml:2: operation 1 (transfer) needs 'share' or 'votes'");
  CHECK(error_of("base = \".\"\n[[op]]\nkind = \"turnout\"\nparty = \"A\"\nfactor = 0.9\n") ==
        "what-if/x.toml:4: operation 1 (turnout): key 'party' does not apply to a turnout operation; its keys: kind, "
        "districts, factor");
  CHECK(error_of("base = \".\"\n[[op]]\nkind = \"uniform\"\nparty = \"A\"\npoints = \"3%\"\n") ==
        "what-if/x.toml:5: operation 1 (uniform): points: '3%': write percentage points as a plain number (points = "
        "\"3\" adds 3 points)");
  CHECK(error_of("base = \".\"\n[[op]]\nkind = \"set\"\nparty = \"A\"\nvotes = 12.5\n") ==
        "what-if/x.toml:5: operation 1 (set): votes: votes '12.5' must be a whole number from 0 to 1000000000000");
  CHECK(error_of("base = \".\"\n[rule]\nfirst_divisor = \"1.6\"\ntreshold = \"5%\"\n") ==
        "what-if/x.toml:4: unknown key 'treshold' in [rule] (did you mean 'threshold'?)");
}

TEST_CASE("bad sweeps") {
  const std::string head = "base = \".\"\n" + transfer_op + "[sweep]\n";  // [sweep] is line 7
  CHECK(error_of(head + "parameter = \"op.1.share\"\nvalues = []\n") == "what-if/x.toml:9: sweep has no values");
  CHECK(error_of(head + "parameter = \"op.1.share\"\nvalues = { from = \"5%\", to = \"1%\", step = \"1%\" }\n") ==
        "what-if/x.toml:9: sweep has no values: from 5% never reaches to 1% by step 1%");
  CHECK(error_of(head + "parameter = \"op.1.share\"\nvalues = { from = \"0%\", to = \"1\", step = \"1%\" }\n") ==
        "what-if/x.toml:9: sweep values: write from, to and step in the same unit (all with %, all with v or none)");
  CHECK(error_of(head + "parameter = \"op.1.share\"\nvalues = { from = \"0%\", to = \"1%\", stp = \"1%\" }\n") ==
        "what-if/x.toml:9: unknown key 'stp' in sweep values (did you mean 'step'?)");
  CHECK(error_of(head + "parameter = \"op.1.share\"\nvalues = [\"10%\", \"120%\"]\n") ==
        "what-if/x.toml:9: sweep value: '120%' is above 100%");
  CHECK(error_of(head + "parameter = \"op.2.share\"\nvalues = [\"1%\"]\n") ==
        "what-if/x.toml:8: sweep parameter: 'op.2.share': the file has 1 operation(s)");
  CHECK(error_of(head + "parameter = \"op.1.factor\"\nvalues = [\"1\"]\n") ==
        "what-if/x.toml:8: sweep parameter: operation 1 (transfer) has no numeric parameter 'factor' (it has: share, "
        "votes)");
  CHECK(error_of(head + "parameter = \"rule.threshold\"\nvalues = [\"5%\", \"1000v\"]\n") ==
        "what-if/x.toml:9: sweep values: thresholds must be all shares (5%) or all votes (1000v)");
  CHECK(error_of(head + "parameter = \"op.1.share\"\nvalue = [\"1%\"]\n") ==
        "what-if/x.toml:9: unknown key 'value' in [sweep] (did you mean 'values'?)");
}

TEST_CASE("the base and the rule: a missing data set and a rule that does not apply name the scenario's lines") {
  TempDir tmp;
  tmp.write("set/results.csv", "district,party,votes\nN,A,100\nN,B,50\n");
  tmp.write("set/districts.csv", "district,seats,reserved\nN,3,0\n");
  tmp.write("set/election.toml", "name = \"t\"\n[rule]\nmethod = \"hare\"\n");
  const fs::path missing = tmp.write("set/what-if/a.toml", "name = \"a\"\nbase = \"../nowhere\"\n");
  try {
    load_scenario_base(load_scenario(missing.string()));
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.line() == 2);
    CHECK(error.message().find("base: no data set or votes file at") == 0);
  }
  const fs::path quota = tmp.write("set/what-if/b.toml", "base = \"../\"\n[rule]\nfirst_divisor = \"1.6\"\n");
  const Scenario scenario = load_scenario(quota.string());
  const ScenarioBase base = load_scenario_base(scenario);
  CHECK(base.input.election.districts[0].seats == 3);
  try {
    scenario_rule(scenario, base);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.file() == quota.string());
    CHECK(error.line() == 3);
    CHECK(error.message().find("--first-divisor applies to divisor methods, not to hare") != std::string::npos);
  }
}
