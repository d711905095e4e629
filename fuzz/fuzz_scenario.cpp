// Fuzz target: the scenario loader and what a scenario does. Any text is read as a scenario
// file; one that loads is run against a small election held in memory (three districts, a
// reserved seat, names to merge and split), with its sweep if it has one (at most 40 values).
//  - The file loads, or is rejected with seatsim::Error naming the file and a line.
//  - Running it succeeds, or fails with seatsim::Error naming a file and a line.
//  - Whatever runs keeps every vote count within 0..10^12 and places every seat of every
//    district, in the scenario, in the base and in every step of a sweep.
#include "fuzz_support.hpp"
#include "seatsim/analysis/scenario_run.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/kernel/election_allocation.hpp"

using namespace seatsim;

namespace {

const std::string path = "what-if/fuzz.toml";

ScenarioBase make_base() {
  ScenarioBase base;
  Election& election = base.input.election;
  election.source = "fuzz-base.csv";
  std::size_t line = 2;
  const auto list = [&](const std::string& party, std::int64_t votes, const std::string& group = {}) {
    return ListResult{party, votes, {}, {}, {}, group, line++};
  };
  election.districts.push_back(
      District{"North", 7, 0, {list("A", 6000), list("B", 3000), list("C", 1000), list("Liste \"Q\", Nord", 450)}});
  election.districts.push_back(
      District{"South", 5, 1, {list("A", 2000), list("B", 5000), list("D", 5000), list("Yazidi", 90, "yazidi")}});
  election.districts.push_back(District{"East", 3, 0, {list("C", 700), list("D", 699), list("E", 0)}});
  base.input.name = "fuzz-base.csv";
  base.input.files.push_back({"fuzz-base.csv", std::string(64, '0')});
  return base;
}

const ScenarioBase& base() {
  static const ScenarioBase instance = make_base();
  return instance;
}

void check_error(const Error& error, const char* where) {
  FUZZ_CHECK(!error.file().empty() && error.line() > 0,
             std::string(where) + ": an error without file and line: " + error.what());
}

void check_election(const Election& election, const char* where) {
  for (const District& district : election.districts)
    for (const ListResult& list : district.lists)
      FUZZ_CHECK(list.votes >= 0 && list.votes <= max_votes,
                 std::string(where) + ": votes out of range for " + list.party);
}

void check_seats(const Election& election, const std::vector<std::vector<std::int64_t>>& seats,
                 const std::vector<std::int64_t>& unfilled, const char* where) {
  FUZZ_CHECK(seats.size() == election.districts.size(), std::string(where) + ": districts differ");
  for (std::size_t d = 0; d < seats.size(); ++d) {
    std::int64_t placed = d < unfilled.size() ? unfilled[d] : 0;
    for (const std::int64_t s : seats[d]) placed += s;
    FUZZ_CHECK(placed == election.districts[d].seats,
               std::string(where) + ": seats placed differ from the seats of " + election.districts[d].name);
  }
}

void check_outcome(const Election& election, const ElectionOutcome& outcome, const char* where) {
  std::vector<std::vector<std::int64_t>> seats;
  std::vector<std::int64_t> unfilled;
  for (const DistrictOutcome& district : outcome.districts) {
    auto& row = seats.emplace_back();
    for (const ListOutcome& list : district.lists) row.push_back(list.seats);
    unfilled.push_back(district.unfilled_reserved);
  }
  check_election(election, where);
  check_seats(election, seats, unfilled, where);
}

void run(const Scenario& scenario) {
  if (scenario.sweep) {
    if (scenario.sweep->values.size() > 40) return;  // long sweeps are the same code, slower
    const SweepResult result = run_sweep(scenario, base(), SweepOptions{1, true});
    for (const SweepStep& step : result.steps) {
      check_election(step.election, "sweep step");
      // Reserved seats without a list stay unfilled: count them as the allocation does.
      std::vector<std::int64_t> unfilled;
      for (const District& district : step.election.districts) {
        std::int64_t groups = 0;
        std::vector<std::string> seen;
        for (const ListResult& list : district.lists)
          if (!list.quota_group.empty() && std::find(seen.begin(), seen.end(), list.quota_group) == seen.end())
            seen.push_back(list.quota_group), ++groups;
        unfilled.push_back(district.reserved - groups);
      }
      check_seats(step.election, step.seats, unfilled, "sweep step");
    }
    return;
  }
  const ScenarioResult result = run_scenario(scenario, base());
  check_outcome(result.base, result.base_outcome, "base");
  check_outcome(result.election, result.outcome, "scenario");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Scenario scenario;
  try {
    scenario = parse_scenario(path, text);
  } catch (const Error& error) {
    FUZZ_CHECK(error.file() == path, std::string("a load error naming another file: ") + error.what());
    check_error(error, "load");
    return 0;
  }
  try {
    run(scenario);
  } catch (const Error& error) {
    check_error(error, "run");
  }
  return 0;
}
