#pragma once
// seatsim.serve() from Python: the explorer of `seatsim serve` on a thread of its own, so that a notebook keeps
// running while the page is open, and stop() (or leaving a `with` block) ends it.
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "seatsim/server/explorer.hpp"

namespace seatsim::python {

class ExplorerHandle {
 public:
  // Loads the data set as `seatsim serve` does, binds (throws seatsim::Error when the address is taken) and
  // serves on a new thread; returns once the server accepts connections.
  ExplorerHandle(const std::string& data_set, const ExplorerLimits& limits, const RuleSources& startup,
                 const SeatOverrides& seats, const ServeOptions& options);
  ~ExplorerHandle();
  ExplorerHandle(const ExplorerHandle&) = delete;
  ExplorerHandle& operator=(const ExplorerHandle&) = delete;

  void stop();  // idempotent
  bool running() const { return thread_.joinable(); }
  int port() const noexcept { return port_; }
  std::string url() const;
  const std::string& name() const noexcept { return explorer_->name(); }

 private:
  std::unique_ptr<Explorer> explorer_;
  std::unique_ptr<ExplorerServer> server_;
  std::string host_;
  int port_ = 0;
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace seatsim::python
