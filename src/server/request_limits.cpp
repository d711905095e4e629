#include "request_limits.hpp"

namespace seatsim::server {
namespace {

constexpr int limit_status = 422;

[[noreturn]] void refuse(const std::string& what, const std::string& flag) {
  throw RequestRefused(limit_status, what + " (a limit of this explorer: seatsim serve " + flag + " changes it)");
}

std::string mib(std::size_t bytes) {
  constexpr std::size_t one_mib = std::size_t{1024} * 1024;
  return bytes % one_mib == 0 ? std::to_string(bytes / one_mib) + " MiB" : std::to_string(bytes) + " bytes";
}

}  // namespace

WorkBudget::WorkBudget(const ExplorerLimits& limits, std::function<bool()> client_gone)
    : limits_(limits),
      client_gone_(std::move(client_gone)),
      deadline_(std::chrono::steady_clock::now() + limits.max_time),
      next_client_check_(std::chrono::steady_clock::now()) {}

void WorkBudget::check() const {
  const auto now = std::chrono::steady_clock::now();
  if (now > deadline_)
    refuse("the request needs more than " + std::to_string(limits_.max_time.count()) + " ms of work", "--max-time");
  if (client_gone_ && now >= next_client_check_) {
    next_client_check_ = now + std::chrono::milliseconds(20);
    if (client_gone_()) throw RequestRefused(400, "the client closed the connection; the work stopped");
  }
}

void WorkBudget::check_election(const Election& election) const {
  std::int64_t seats = 0;
  std::size_t lists = 0;
  for (const District& district : election.districts) {
    seats += district.seats;
    lists += district.lists.size();
  }
  if (seats > limits_.max_seats)
    refuse("the election has " + std::to_string(seats) + " seats, more than the " + std::to_string(limits_.max_seats) +
               " seats a request may allocate",
           "--max-request-seats");
  if (lists > limits_.max_lists)
    refuse("the election has " + std::to_string(lists) + " lists, more than the " + std::to_string(limits_.max_lists) +
               " lists a request may allocate",
           "--max-lists");
}

void WorkBudget::check_sweep_values(std::size_t values) const {
  if (values > limits_.max_sweep_values)
    refuse("the sweep has " + std::to_string(values) + " values, more than the " +
               std::to_string(limits_.max_sweep_values) + " a request may sweep (seatsim scenario takes more)",
           "--max-sweep-values");
}

void WorkBudget::check_draws(std::uint64_t draws) const {
  if (draws > limits_.max_draws)
    refuse("the projection asks for " + std::to_string(draws) + " draws, more than the " +
               std::to_string(limits_.max_draws) + " a request may draw (seatsim project draws more)",
           "--max-draws");
}

void WorkBudget::check_table(const Table& table) const {
  // Every cell costs at least a dozen bytes as indented JSON ("key": value, on its own line).
  constexpr std::size_t least_bytes_per_cell = 12;
  const std::size_t cells = table.rows.size() * table.columns.size();
  if (cells > limits_.max_reply / least_bytes_per_cell)
    refuse("the reply would have " + std::to_string(table.rows.size()) + " rows, more than fit the reply limit of " +
               mib(limits_.max_reply),
           "--max-reply");
}

void WorkBudget::check_reply(std::size_t bytes) const {
  if (bytes > limits_.max_reply)
    refuse("the reply would be " + std::to_string(bytes) + " bytes, more than the reply limit of " +
               mib(limits_.max_reply),
           "--max-reply");
}

}  // namespace seatsim::server
