// single/<kernel>/<lists>/<seats>: one district at a time. Kernels: heap (the seat-by-seat
// reference, the baseline) and fast (the jump-and-select kernel). Each iteration allocates the
// next district of a pool of distinct generated ones; every case first checks the fast kernel
// against the reference on its pool (a fast wrong kernel is worthless).
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <tuple>

#include "bench_inputs.hpp"
#include "seatsim/kernel/simd.hpp"

namespace seatsim::bench {
namespace {

struct Case {
  std::size_t lists;
  std::int64_t seats;
  std::size_t pool;  // distinct districts
  bool ties;
};

// Inputs are built once per case and shared by its kernels, so that heap and fast time the same
// districts.
const std::vector<std::vector<std::int64_t>>& pool_for(const Case& c) {
  static std::map<std::tuple<std::size_t, std::int64_t, bool>, std::vector<std::vector<std::int64_t>>> pools;
  auto& pool = pools[{c.lists, c.seats, c.ties}];
  if (pool.empty()) pool = district_pool(c.lists, c.seats, c.pool, c.ties);
  return pool;
}

// Compares fast with the reference on the pool (on up to `limit` districts: the reference is
// slow on the large ones). Returns the number of districts a tie decided.
bool verified(benchmark::State& state, const Case& c, std::size_t limit, std::size_t& ties_seen) {
  const auto& pool = pool_for(c);
  const DivisorRule rule = bench_method().divisor();
  const TieBreak ties = bench_ties();
  ties_seen = 0;
  for (std::size_t n = 0; n < std::min(limit, pool.size()); ++n) {
    const DistrictSeats reference = allocate_divisor_reference(pool[n], c.seats, rule, ties);
    ties_seen += reference.tie_decided;
    if (!same_result(allocate_divisor(pool[n], c.seats, rule, ties), reference)) {
      state.SkipWithError(("fast kernel differs from the reference on district " + std::to_string(n)).c_str());
      return false;
    }
  }
  return true;
}

void run_heap(benchmark::State& state, Case c) {
  std::size_t ties_seen = 0;
  if (!verified(state, c, c.lists * c.seats > 10'000'000 ? 1 : 256, ties_seen)) return;
  const auto& pool = pool_for(c);
  const DivisorRule rule = bench_method().divisor();
  const TieBreak ties = bench_ties();
  std::size_t next = 0;
  for (auto _ : state) {
    DistrictSeats out = allocate_divisor_reference(pool[next], c.seats, rule, ties);
    benchmark::DoNotOptimize(out.seats.data());
    if (++next == pool.size()) next = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["distinct_inputs"] = static_cast<double>(pool.size());
}

void time_fast(benchmark::State& state, const Case& c, bool fresh, std::size_t ties_seen);

// `fresh`: through the API that returns a new DistrictSeats (two allocations per call) rather
// than the one that refills a caller's result.
void run_fast(benchmark::State& state, Case c, bool fresh, std::string level) {
  set_simd_target(level);
  state.SetLabel(simd_target());
  std::size_t ties_seen = 0;
  const bool ok = verified(state, c, c.lists * c.seats > 10'000'000 ? 4 : c.pool, ties_seen);
  if (ok) time_fast(state, c, fresh, ties_seen);
  set_simd_target("");
}

void time_fast(benchmark::State& state, const Case& c, bool fresh, std::size_t ties_seen) {
  const auto& pool = pool_for(c);
  const DivisorRule rule = bench_method().divisor();
  const TieBreak ties = bench_ties();
  DistrictSeats out;
  std::size_t next = 0;
  for (auto _ : state) {
    if (fresh) {
      DistrictSeats result = allocate_divisor(pool[next], c.seats, rule, ties);
      benchmark::DoNotOptimize(result.seats.data());
    } else {
      allocate_divisor(pool[next], c.seats, rule, ties, out);
      benchmark::DoNotOptimize(out.seats.data());
    }
    if (++next == pool.size()) next = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["distinct_inputs"] = static_cast<double>(pool.size());
  state.counters["tie_share"] = static_cast<double>(ties_seen) / static_cast<double>(std::min(c.pool, pool.size()));
}

std::string name(const char* kernel, const Case& c, const char* suffix = "") {
  return std::string("single/") + kernel + "/" + std::to_string(c.lists) + "/" + std::to_string(c.seats) + suffix;
}

void register_case(const Case& c, const char* suffix, double heap_min_time) {
  const std::string s = suffix;
  benchmark::RegisterBenchmark(name("heap", c, suffix).c_str(), run_heap, c)->MinTime(heap_min_time);
  benchmark::RegisterBenchmark(name("fast", c, suffix).c_str(), run_fast, c, false, std::string());
  if (c.lists <= 100)
    benchmark::RegisterBenchmark(name("fast", c, (s + "/new_result").c_str()).c_str(), run_fast, c, true,
                                 std::string());
  // The portable paths: every other SIMD level this processor runs (SCALAR runs anywhere).
  const std::vector<std::string> levels = simd_targets();
  if (c.ties) return;
  for (std::size_t l = 1; l < levels.size(); ++l)
    benchmark::RegisterBenchmark(name("fast", c, (s + "/simd:" + levels[l]).c_str()).c_str(), run_fast, c, false,
                                 levels[l]);
}

const int registered = [] {
  register_case({15, 30, 4096, false}, "", 0.2);
  register_case({15, 30, 4096, true}, "/ties", 0.2);
  register_case({100, 600, 4096, false}, "", 0.2);
  register_case({1000, 1'000'000, 4096, false}, "", 0.5);
  register_case({100'000, 1'000'000, 64, false}, "", 0.5);
  return 0;
}();

}  // namespace
}  // namespace seatsim::bench
