#include "seatsim/render/progress_bar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace seatsim {
namespace {

std::string duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "--";
  const long long s = static_cast<long long>(std::llround(seconds));
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, s / 60 % 60);
  else if (s >= 60)
    std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%llds", s);
  return text;
}

std::string rate(double per_second) {
  char text[32];
  if (per_second >= 1e6)
    std::snprintf(text, sizeof text, "%.1fM/s", per_second / 1e6);
  else if (per_second >= 1e3)
    std::snprintf(text, sizeof text, "%.1fk/s", per_second / 1e3);
  else
    std::snprintf(text, sizeof text, "%.0f/s", per_second);
  return text;
}

}  // namespace

std::string progress_line(const std::string& label, std::uint64_t done, std::uint64_t total, double elapsed,
                          std::size_t width) {
  const double fraction = total == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
  const std::size_t filled = static_cast<std::size_t>(fraction * static_cast<double>(width));
  const double per_second = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double left = per_second > 0 ? static_cast<double>(total - std::min(done, total)) / per_second : -1.0;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
  return label + " [" + std::string(filled, '#') + std::string(width - filled, '.') + "] " + percent + " " +
         std::to_string(done) + "/" + std::to_string(total) + "  " + rate(per_second) + "  ETA " +
         (done >= total ? duration(0) : duration(left));
}

ProgressBar::ProgressBar(std::ostream& out, std::string label, std::uint64_t total)
    : out_(out), label_(std::move(label)), total_(total), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(std::uint64_t done) {
  if (finished_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // \r returns to the line's start, \x1b[K clears what a longer previous line left.
  out_ << '\r' << progress_line(label_, done, total_, elapsed) << "\x1b[K" << std::flush;
}

void ProgressBar::finish() {
  if (finished_) return;
  update(total_);
  out_ << '\n' << std::flush;
  finished_ = true;
}

}  // namespace seatsim
