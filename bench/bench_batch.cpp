// batch/<kernel>/<lists>/<seats>: many perturbed scenarios of one district (Monte Carlo draws)
// per call, timed per allocation. Kernels: heap (the reference, column by column), fast (the
// single fast kernel, column by column) and batch (allocate_batch: SIMD across scenarios).
// Suffixes: /workers:<n> (the kernel's own threads), /simd:<level> (a pinned SIMD level; none =
// the best this processor runs), /new_result (allocate_batch's returning overload, which
// allocates the output matrices every call). Multi-threaded cases report wall-clock time.
#include <benchmark/benchmark.h>

#include <ctime>
#include <map>
#include <string>
#include <thread>

#include "bench_inputs.hpp"
#include "seatsim/kernel/simd.hpp"

namespace seatsim::bench {
namespace {

constexpr std::size_t lists = 15;
constexpr std::int64_t seats = 30;
constexpr std::size_t scenarios = 1'000'000;
constexpr std::size_t heap_scenarios = 1 << 16;  // the reference is slow: a slice of the same matrix

const VoteMatrix& scenario_matrix() {
  static const VoteMatrix votes =
      perturbed_scenarios(realistic_votes(lists, total_votes(lists, seats), 2013), scenarios, 2014);
  return votes;
}

// Column by column, in `threads` contiguous ranges (as allocate_batch splits them).
template <class Kernel>
void by_column(const VoteMatrix& votes, std::size_t columns, unsigned threads, BatchSeats& out, Kernel kernel) {
  const auto range = [&](std::size_t first, std::size_t last) {
    DistrictSeats result;
    for (std::size_t c = first; c < last; ++c) {
      const auto col = static_cast<Eigen::Index>(c);
      kernel(std::span<const std::int64_t>(votes.col(col).data(), lists), result);
      for (std::size_t i = 0; i < lists; ++i) {
        out.seats(static_cast<Eigen::Index>(i), col) = static_cast<std::int32_t>(result.seats[i]);
        out.tie(static_cast<Eigen::Index>(i), col) = result.tie[i];
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(range, columns * t / threads, columns * (t + 1) / threads);
  range(0, columns / threads);
  for (std::thread& t : pool) t.join();
}

void heap_kernel(std::span<const std::int64_t> votes, DistrictSeats& out) {
  out = allocate_divisor_reference(votes, seats, bench_method().divisor(), bench_ties());
}
void fast_kernel(std::span<const std::int64_t> votes, DistrictSeats& out) {
  allocate_divisor(votes, seats, bench_method().divisor(), bench_ties(), out);
}

double process_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

// CPU time of every thread of the process per allocation: on a shared machine the wall-clock
// time of a multi-threaded case also counts the time other processes held the cores.
void report_cpu(benchmark::State& state, double started, std::size_t columns) {
  const double items = static_cast<double>(state.iterations()) * static_cast<double>(columns);
  state.counters["cpu_ns_per_allocation"] = (process_cpu_ns() - started) / items;
}

// allocate_batch against the single fast kernel on every scenario, and the fast kernel against
// the reference on the heap slice: once per process and level.
bool verified(benchmark::State& state) {
  static std::map<std::string, bool> done;
  const std::string level = simd_target();
  if (auto it = done.find(level); it != done.end()) {
    if (!it->second) state.SkipWithError("batch kernel differs from the single kernel");
    return it->second;
  }
  const VoteMatrix& votes = scenario_matrix();
  BatchSeats fast{SeatMatrix(lists, scenarios), TieMatrix(lists, scenarios)};
  BatchSeats heap{SeatMatrix(lists, scenarios), TieMatrix(lists, scenarios)};
  by_column(votes, scenarios, 2, fast, fast_kernel);
  by_column(votes, heap_scenarios, 2, heap, heap_kernel);
  const BatchSeats batch = allocate_batch(votes, seats, bench_method(), bench_ties(), 2);
  bool ok = batch.seats == fast.seats && batch.tie == fast.tie &&
            heap.seats.leftCols(heap_scenarios) == fast.seats.leftCols(heap_scenarios) &&
            heap.tie.leftCols(heap_scenarios) == fast.tie.leftCols(heap_scenarios);
  done[level] = ok;
  if (!ok) state.SkipWithError("batch kernel differs from the single kernel or the reference");
  return ok;
}

void run_by_column(benchmark::State& state, bool heap, unsigned threads) {
  if (!verified(state)) return;
  const std::size_t columns = heap ? heap_scenarios : scenarios;
  BatchSeats out{SeatMatrix(lists, scenarios), TieMatrix(lists, scenarios)};
  const double started = process_cpu_ns();
  for (auto _ : state) {
    if (heap)
      by_column(scenario_matrix(), columns, threads, out, heap_kernel);
    else
      by_column(scenario_matrix(), columns, threads, out, fast_kernel);
    benchmark::DoNotOptimize(out.seats.data());
  }
  report_cpu(state, started, columns);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * columns));
  state.counters["scenarios"] = static_cast<double>(columns);
}

void run_batch(benchmark::State& state, unsigned threads, std::string level, bool fresh) {
  set_simd_target(level);
  if (verified(state)) {
    const Method method = bench_method();
    const TieBreak ties = bench_ties();
    BatchSeats out;
    const double started = process_cpu_ns();
    for (auto _ : state) {
      if (fresh) {
        BatchSeats result = allocate_batch(scenario_matrix(), seats, method, ties, threads);
        benchmark::DoNotOptimize(result.seats.data());
      } else {
        allocate_batch(scenario_matrix(), seats, method, ties, out, threads);
        benchmark::DoNotOptimize(out.seats.data());
      }
    }
    report_cpu(state, started, scenarios);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * scenarios));
    state.counters["scenarios"] = static_cast<double>(scenarios);
  }
  state.SetLabel(simd_target());
  set_simd_target("");
}

std::string name(const char* kernel, const std::string& suffix) {
  return std::string("batch/") + kernel + "/" + std::to_string(lists) + "/" + std::to_string(seats) + suffix;
}

const int registered = [] {
  for (const unsigned threads : {2u, 1u}) {
    const std::string t = "/workers:" + std::to_string(threads);
    benchmark::RegisterBenchmark(name("heap", t).c_str(), run_by_column, true, threads)->UseRealTime()->MinTime(0.5);
    benchmark::RegisterBenchmark(name("fast", t).c_str(), run_by_column, false, threads)->UseRealTime()->MinTime(0.5);
    benchmark::RegisterBenchmark(name("batch", t).c_str(), run_batch, threads, std::string(), false)
        ->UseRealTime()
        ->MinTime(0.5);
  }
  benchmark::RegisterBenchmark(name("batch", "/workers:2/new_result").c_str(), run_batch, 2u, std::string(), true)
      ->UseRealTime()
      ->MinTime(0.5);
  // Every other SIMD level, for the portable paths (the best level is the default above).
  const std::vector<std::string> levels = simd_targets();
  for (std::size_t l = 1; l < levels.size(); ++l)
    benchmark::RegisterBenchmark(name("batch", "/workers:2/simd:" + levels[l]).c_str(), run_batch, 2u, levels[l], false)
        ->UseRealTime()
        ->MinTime(0.5);
  return 0;
}();

}  // namespace
}  // namespace seatsim::bench
