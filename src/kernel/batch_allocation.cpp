// allocate_batch: scenarios split among threads in contiguous ranges; within a range the SIMD
// kernel (batch_simd.cpp) takes what it can certify and the single kernel the rest. Columns are
// independent, so the result never depends on the thread count.
#include "seatsim/kernel/batch.hpp"

#include <algorithm>
#include <exception>
#include <span>
#include <thread>
#include <vector>

#include "kernel/divisor_detail.hpp"
#include "seatsim/kernel/allocation.hpp"

namespace seatsim {
namespace {

// Below this many scenarios per thread, starting a thread costs more than it saves.
constexpr Eigen::Index min_scenarios_per_thread = 2048;

struct Failure {
  Eigen::Index column = -1;
  std::exception_ptr error;
};

class BatchRun {
 public:
  BatchRun(const VoteView& votes, std::int64_t seats, const Method& method, const TieBreak& ties, BatchSeats& out)
      : votes_(votes),
        seats_(seats),
        method_(method),
        ties_(ties),
        out_(out),
        simd_(method.is_divisor() && detail::batch_kernel_applies(method.divisor(), seats)) {}

  // Allocates the columns [first, last); the first failure (lowest column) is recorded.
  void range(Eigen::Index first, Eigen::Index last, Failure& failure) {
    std::vector<std::size_t> leftovers;
    if (simd_) {
      const detail::BatchJob job{
          votes_.data(),  static_cast<std::size_t>(votes_.rows()), seats_, &method_.divisor(), out_.seats.data(),
          out_.tie.data()};
      detail::batch_divisor(job, static_cast<std::size_t>(first), static_cast<std::size_t>(last), leftovers);
    } else {
      for (Eigen::Index c = first; c < last; ++c) leftovers.push_back(static_cast<std::size_t>(c));
    }
    DistrictSeats result;
    for (const std::size_t c : leftovers) {
      try {
        single(static_cast<Eigen::Index>(c), result);
      } catch (...) {
        failure = {static_cast<Eigen::Index>(c), std::current_exception()};
        return;
      }
    }
  }

 private:
  void single(Eigen::Index c, DistrictSeats& result) {
    const Eigen::Index lists = votes_.rows();
    const std::span<const std::int64_t> column(votes_.col(c).data(), static_cast<std::size_t>(lists));
    if (method_.is_divisor())
      allocate_divisor(column, seats_, method_.divisor(), ties_, result);
    else
      result = allocate(column, seats_, method_, ties_);
    for (Eigen::Index i = 0; i < lists; ++i) {
      out_.seats(i, c) = static_cast<std::int32_t>(result.seats[static_cast<std::size_t>(i)]);
      out_.tie(i, c) = result.tie[static_cast<std::size_t>(i)];
    }
  }

  const VoteView& votes_;
  std::int64_t seats_;
  const Method& method_;
  const TieBreak& ties_;
  BatchSeats& out_;
  bool simd_;
};

}  // namespace

void allocate_batch(const VoteView& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                    BatchSeats& out, unsigned threads) {
  if (votes.cols() > 1 && votes.outerStride() != votes.rows()) {
    // The SIMD kernel reads scenarios `rows` apart: a strided view (a block) is copied once.
    const VoteMatrix contiguous = votes;
    allocate_batch(contiguous, seats, method, ties, out, threads);
    return;
  }
  const Eigen::Index lists = votes.rows(), scenarios = votes.cols();
  out.seats.resize(lists, scenarios);
  out.tie.resize(lists, scenarios);
  if (scenarios == 0) return;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const Eigen::Index useful = std::max<Eigen::Index>(1, scenarios / min_scenarios_per_thread);
  const Eigen::Index workers = std::min<Eigen::Index>(threads, useful);
  BatchRun run(votes, seats, method, ties, out);
  std::vector<Failure> failures(static_cast<std::size_t>(workers));
  // Contiguous ranges, one per worker: the calling thread takes the first.
  const auto bounds = [&](Eigen::Index w) { return scenarios * w / workers; };
  std::vector<std::thread> pool;
  for (Eigen::Index w = 1; w < workers; ++w)
    pool.emplace_back([&, w] { run.range(bounds(w), bounds(w + 1), failures[static_cast<std::size_t>(w)]); });
  run.range(bounds(0), bounds(1), failures[0]);
  for (std::thread& t : pool) t.join();
  // The failure of the lowest column: what a column-by-column loop would have thrown.
  for (const Failure& f : failures)
    if (f.error) std::rethrow_exception(f.error);
}

BatchSeats allocate_batch(const VoteView& votes, std::int64_t seats, const Method& method, const TieBreak& ties,
                          unsigned threads) {
  BatchSeats out;
  allocate_batch(votes, seats, method, ties, out, threads);
  return out;
}

}  // namespace seatsim
