#include "explorer_handle.hpp"

#include <chrono>
#include <thread>

#include "seatsim/core/error.hpp"

namespace seatsim::python {

ExplorerHandle::ExplorerHandle(const std::string& data_set, const ExplorerLimits& limits, const RuleSources& startup,
                               const SeatOverrides& seats, const ServeOptions& options)
    : explorer_(std::make_unique<Explorer>(data_set, limits, startup, seats)),
      server_(std::make_unique<ExplorerServer>(*explorer_, options)),
      host_(options.host) {
  port_ = server_->bind();
  thread_ = std::thread([this] {
    server_->listen();
    finished_ = true;
  });
  // stop() is only sure to reach a server that has started, and a caller may stop at once.
  while (!server_->running() && !finished_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (finished_) {
    thread_.join();
    throw Error("the explorer could not serve on " + url());
  }
}

ExplorerHandle::~ExplorerHandle() { stop(); }

void ExplorerHandle::stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

std::string ExplorerHandle::url() const { return explorer_url(host_, port_); }

}  // namespace seatsim::python
