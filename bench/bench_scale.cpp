// scale/...: seatsim at the sizes of issue 8. Memory is measured in a child process (fork, then
// wait4's ru_maxrss), so that each figure is the peak of that work alone and not of the
// benchmark program.
//   scale/read_votes/stream/MB:<n>/wide:<0|1>  a generated votes CSV read as it streams (the CLI's
//                                   path); wide: each row carries a 300-byte column seatsim ignores
//   scale/read_votes/whole/...      the same files read whole, then parsed (the earlier path)
//   scale/cli_allocate/<MB>         `seatsim allocate FILE --seats-file S -o OUT`, end to end
//   scale/election/<lists>/<seats>  allocate() of one district of an Election (thresholds, ties)
// Counters: peak_rss_MB (the child's peak resident memory), rss_per_input_byte, rss_per_list_B, MB/s.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>

#include "seatsim/io/file_io.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/kernel/election_allocation.hpp"

namespace fs = std::filesystem;
using namespace seatsim;

namespace {

// Generated inputs, written once per size and removed when the program ends.
class Inputs {
 public:
  ~Inputs() {
    std::error_code ec;
    if (!folder_.empty()) fs::remove_all(folder_, ec);
  }
  // A votes file of about `megabytes` MB: 1,000 lists in each of as many districts as it takes.
  // Wide: each row also carries a 300-byte column that seatsim ignores (a ballot-paper text),
  // so that the file is large and the data small.
  const fs::path& votes(int megabytes, bool wide = false) {
    const int key = wide ? -megabytes : megabytes;
    auto& path = votes_[key];
    if (!path.empty()) return path;
    path = folder() / ("votes-" + std::string(wide ? "wide-" : "") + std::to_string(megabytes) + "MB.csv");
    std::ofstream out(path, std::ios::binary);
    std::mt19937_64 rng(20130420);
    const std::string note = "," + std::string(300, 'n');
    out << (wide ? "district,party,votes,note\n" : "district,party,votes\n");
    const std::size_t target = static_cast<std::size_t>(megabytes) * 1'000'000;
    std::size_t written = 0;
    int d = 0;
    for (; written < target; ++d)
      for (int p = 0; p < 1000; ++p) {
        char line[64];
        const int n = std::snprintf(line, sizeof line, "District %05d,Party %05d,%llu", d, p,
                                    static_cast<unsigned long long>(rng() % 1'000'000));
        out.write(line, n);
        if (wide) out << note;
        out << '\n';
        written += static_cast<std::size_t>(n) + 1 + (wide ? note.size() : 0);
      }
    districts_[key] = d;
    return path;
  }
  fs::path seats(int megabytes) {
    votes(megabytes);
    const fs::path path = folder() / ("seats-" + std::to_string(megabytes) + "MB.csv");
    std::ofstream out(path);
    out << "district,seats\n";
    for (int d = 0; d < districts_[megabytes]; ++d) {
      char line[64];
      std::snprintf(line, sizeof line, "District %05d,50\n", d);
      out << line;
    }
    return path;
  }
  std::size_t lists(int megabytes, bool wide = false) const {
    return 1000 * static_cast<std::size_t>(districts_.at(wide ? -megabytes : megabytes));
  }
  const fs::path& folder() {
    if (folder_.empty()) {
      folder_ = fs::temp_directory_path() / ("seatsim-bench-scale-" + std::to_string(::getpid()));
      fs::create_directories(folder_);
    }
    return folder_;
  }

 private:
  fs::path folder_;
  std::map<int, fs::path> votes_;
  std::map<int, int> districts_;
};

Inputs& inputs() {
  static Inputs instance;
  return instance;
}

// Runs `work` in a child process; returns the child's peak resident memory in bytes.
long child_peak_rss(const std::function<int()>& work) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(work());
  int status = 0;
  rusage usage{};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return usage.ru_maxrss * 1024L;  // kilobytes on Linux
}

void report(benchmark::State& state, long peak, std::uintmax_t input_bytes, std::size_t lists) {
  if (peak < 0) {
    state.SkipWithError("the child process failed");
    return;
  }
  state.counters["peak_rss_MB"] = static_cast<double>(peak) / 1e6;
  state.counters["rss_per_input_byte"] = static_cast<double>(peak) / static_cast<double>(input_bytes);
  state.counters["rss_per_list_B"] = static_cast<double>(peak) / static_cast<double>(lists);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input_bytes));
}

void read_votes_stream(benchmark::State& state) {
  const bool wide = state.range(1) != 0;
  const fs::path file = inputs().votes(static_cast<int>(state.range(0)), wide);
  long peak = 0;
  for (auto _ : state)
    peak = child_peak_rss([&] {
      std::vector<InputFile> files;
      const Election election = read_votes_file(file.string(), files);
      return election.districts.empty() ? 1 : 0;
    });
  report(state, peak, fs::file_size(file), inputs().lists(static_cast<int>(state.range(0)), wide));
}

void read_votes_whole(benchmark::State& state) {
  const bool wide = state.range(1) != 0;
  const fs::path file = inputs().votes(static_cast<int>(state.range(0)), wide);
  long peak = 0;
  for (auto _ : state)
    peak = child_peak_rss([&] {
      const std::string text = read_text_file(file.string());
      const std::string digest = sha256_hex(text);
      const Election election = read_votes(parse_csv(text, file.string()));
      return election.districts.empty() || digest.empty() ? 1 : 0;
    });
  report(state, peak, fs::file_size(file), inputs().lists(static_cast<int>(state.range(0)), wide));
}

void cli_allocate(benchmark::State& state) {
  const int megabytes = static_cast<int>(state.range(0));
  const fs::path file = inputs().votes(megabytes), seats = inputs().seats(megabytes);
  const fs::path cli = fs::read_symlink("/proc/self/exe").parent_path() / "seatsim";
  const fs::path out = inputs().folder() / "allocation.csv";
  if (!fs::exists(cli)) {
    state.SkipWithError("seatsim is not beside seatsim_bench");
    return;
  }
  long peak = 0;
  for (auto _ : state)
    peak = child_peak_rss([&] {
      std::freopen("/dev/null", "w", stderr);  // tie notes
      ::execl(cli.c_str(), "seatsim", "allocate", file.c_str(), "--seats-file", seats.c_str(), "--format", "csv", "-o",
              out.c_str(), static_cast<char*>(nullptr));
      return 127;
    });
  report(state, peak, fs::file_size(file), inputs().lists(megabytes));
}

void election_allocate(benchmark::State& state) {
  const auto lists = static_cast<std::size_t>(state.range(0));
  const std::int64_t seats = state.range(1);
  Election election;
  election.source = "generated";
  District district{"D", seats, 0, {}};
  std::mt19937_64 rng(100'000);
  for (std::size_t i = 0; i < lists; ++i)
    district.lists.push_back(
        ListResult{"Party " + std::to_string(i), static_cast<std::int64_t>(rng() % 10'000'000), {}, {}, {}, "", i + 2});
  election.districts.push_back(std::move(district));
  Rule rule;
  rule.method = with_first_divisor(method_by_name("sainte-lague"), parse_rational("1.4"));
  for (auto _ : state) benchmark::DoNotOptimize(allocate(election, rule));
}

}  // namespace

BENCHMARK(read_votes_stream)
    ->Name("scale/read_votes/stream")
    ->ArgNames({"MB", "wide"})
    ->Args({10, 0})
    ->Args({100, 0})
    ->Args({100, 1})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(read_votes_whole)
    ->Name("scale/read_votes/whole")
    ->ArgNames({"MB", "wide"})
    ->Args({10, 0})
    ->Args({100, 0})
    ->Args({100, 1})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(cli_allocate)
    ->Name("scale/cli_allocate")
    ->ArgName("MB")
    ->Arg(10)
    ->Arg(100)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(election_allocate)
    ->Name("scale/election")
    ->ArgNames({"lists", "seats"})
    ->Args({100'000, 1'000'000})
    ->Args({100'000, 10'000})
    ->Args({1'000, 1'000'000})
    ->Unit(benchmark::kMillisecond);
