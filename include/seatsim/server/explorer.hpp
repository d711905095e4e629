#pragma once
// The what-if explorer behind `seatsim serve` (docs/explorer.md): one data set, loaded once, the
// operations of the command line (allocate, compare, scenario, margins) as a JSON API under
// /api/, and the page that drives it, whose files are built into the binary.
//
// `Explorer` answers requests without any transport, so that it can be tested and reasoned about
// alone; `ExplorerServer` puts it on HTTP (cpp-httplib, linked into the seatsim_server library
// only). Nothing a request says reaches the file system: the data set and its QUALITY.md are read
// when the explorer is made, the page's files are compiled in.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/io/scenario.hpp"

namespace seatsim {

struct ExplorerRequest {
  std::string method;                                       // "GET", "POST", ...
  std::string path;                                         // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> params;  // the query (and a form body), in order
  std::string content_type;
  std::string body;
  // True once the client has gone (closed its connection): the work stops. Empty: never.
  std::function<bool()> client_gone;
};

struct ExplorerResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// A query string (or a form body) "a=1&b=x%20y" as name-value pairs, percent-decoded, '+' a space.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

// The work one request may ask for (docs/explorer.md, "Limits"; `seatsim serve --max-...`). A
// request beyond one gets HTTP 422 and a message that names the limit and its flag.
struct ExplorerLimits {
  std::int64_t max_seats = 100'000;                       // seats of the election allocated, all districts
  std::size_t max_lists = 10'000;                         // lists of that election, all districts
  std::size_t max_sweep_values = 1'000;                   // values of a scenario's [sweep]
  std::uint64_t max_draws = 20'000;                       // Monte Carlo draws of a projection (/api/project)
  std::size_t max_reply = std::size_t{16} * 1024 * 1024;  // bytes of a reply's body
  std::chrono::milliseconds max_time{10'000};             // of work per request
};

class Explorer {
 public:
  // Loads the data set (a folder, or a votes file), its seat totals and rule, and its QUALITY.md
  // when it has one. Throws seatsim::Error as `seatsim allocate` would for the same input.
  // `startup` is the rule the explorer starts from over the data set's own (`serve --system X
  // --first-divisor ...`), as the command line's pipeline layers it (seatsim/analysis/election_setup.hpp).
  explicit Explorer(const std::string& data_set, ExplorerLimits limits = {}, const RuleSources& startup = {},
                    const SeatOverrides& seats = {});

  // Answers one request. Never throws: bad input is a 400 whose `error` is the command line's
  // message, work beyond `limits()` a 422 that names the limit, an unknown path a 404, an unknown
  // method a 405, anything unexpected a 500 that says no more than "internal error".
  ExplorerResponse handle(const ExplorerRequest& request) const;

  const std::string& name() const noexcept { return base_.input.name; }
  const ExplorerLimits& limits() const noexcept { return limits_; }

 private:
  ExplorerResponse route(const ExplorerRequest& request) const;
  ExplorerResponse info() const;
  ExplorerResponse allocate_request(const ExplorerRequest& request) const;
  ExplorerResponse compare_request(const ExplorerRequest& request) const;
  ExplorerResponse scenario_request(const ExplorerRequest& request) const;
  ExplorerResponse margins_request(const ExplorerRequest& request) const;
  ExplorerResponse project_request(const ExplorerRequest& request) const;

  std::string data_set_;          // as given on the command line
  bool data_set_folder_ = false;  // a data set folder, not one votes file: where an exported scenario's base points
  ExplorerLimits limits_;
  ScenarioBase base_;
  System system_;                       // the system the explorer starts from (meta.system)
  std::optional<std::string> quality_;  // QUALITY.md
};

// The transport's limits (docs/reliability.md, "The explorer under load").
struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                                 // 0: any free port
  std::size_t max_body = std::size_t{256} * 1024;  // bytes; a longer request body (chunked too) is refused with 413
  std::chrono::milliseconds read_time{5'000};      // to read a whole request (line, headers, body); then 408
  std::chrono::milliseconds write_time{10'000};    // to write a reply, from its first byte
  int backlog = 128;                               // connections waiting to be accepted
  unsigned threads = 32;                           // requests served at once
};

// 127.0.0.1 (any 127.x.y.z), ::1 and localhost: reachable from this machine only.
bool is_loopback_host(const std::string& host);
// The page's address, "http://HOST:PORT/" (an IPv6 host in brackets).
std::string explorer_url(const std::string& host, int port);

class ExplorerServer {
 public:
  ExplorerServer(const Explorer& explorer, ServeOptions options);
  ~ExplorerServer();
  ExplorerServer(const ExplorerServer&) = delete;
  ExplorerServer& operator=(const ExplorerServer&) = delete;

  // Binds the socket and returns the port (the one the system chose when options.port is 0).
  // Throws seatsim::Error when the address cannot be bound.
  int bind();
  // Serves until stop(); returns at once when bind() has not succeeded.
  void listen();
  // Thread-safe: makes listen() return.
  void stop();
  // Thread-safe: whether listen() is serving (a caller that runs listen() on another thread waits for this
  // before it may rely on stop()).
  bool running() const;
  // Answers raw request bytes (one or more pipelined requests) as a connection would, without a
  // socket, and returns the raw reply bytes: httplib's parser, the checks, the explorer. For
  // tests and the fuzzer; bind() is not needed.
  std::string exchange(std::string_view request_bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace seatsim
