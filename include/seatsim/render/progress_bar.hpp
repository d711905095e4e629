#pragma once
// A one-line progress bar for long runs: done/total, a bar, the rate and the time left, redrawn
// in place with a carriage return. Callers show it only when stderr is a terminal, so that
// logs and pipes never see it.
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace seatsim {

// The line for `done` of `total` after `elapsed` seconds, `width` characters of bar.
std::string progress_line(const std::string& label, std::uint64_t done, std::uint64_t total, double elapsed,
                          std::size_t width = 30);

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, std::string label, std::uint64_t total);
  void update(std::uint64_t done);
  void finish();  // the final line, then a newline

 private:
  std::ostream& out_;
  std::string label_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_;
  bool finished_ = false;
};

}  // namespace seatsim
