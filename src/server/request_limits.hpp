#pragma once
// The work one explorer request may do (ExplorerLimits): seats, lists, sweep values, reply bytes,
// time; and whether its client is still there. A request beyond a limit stops with HTTP 422 and
// a message that names the limit and the `seatsim serve` flag that changes it.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "seatsim/core/election.hpp"
#include "seatsim/render/table.hpp"
#include "seatsim/server/explorer.hpp"

namespace seatsim::server {

// A request refused with `status` (not a bad input: a limit, or a client that left).
class RequestRefused : public std::runtime_error {
 public:
  RequestRefused(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const noexcept { return status_; }

 private:
  int status_;
};

class WorkBudget {
 public:
  WorkBudget(const ExplorerLimits& limits, std::function<bool()> client_gone);

  // Throws RequestRefused once the request has worked longer than limits.max_time, or its client
  // has gone. Cheap enough to call between allocations (the client is asked at most every 20 ms).
  void check() const;
  // The election a request allocates: its seats and lists.
  void check_election(const Election& election) const;
  void check_sweep_values(std::size_t values) const;
  // The Monte Carlo draws of a projection from polls (/api/project).
  void check_draws(std::uint64_t draws) const;
  // A table about to be written: refused before the JSON is built when it could not fit the reply.
  void check_table(const Table& table) const;
  void check_reply(std::size_t bytes) const;

 private:
  const ExplorerLimits& limits_;
  std::function<bool()> client_gone_;
  std::chrono::steady_clock::time_point deadline_;
  mutable std::chrono::steady_clock::time_point next_client_check_;
};

}  // namespace seatsim::server
