#pragma once
// The what-if explorer behind `seatsim serve` (docs/explorer.md): one data set, loaded once, the
// operations of the command line (allocate, compare, scenario, margins) as a JSON API under
// /api/, and the page that drives it, whose files are built into the binary.
//
// `Explorer` answers requests without any transport, so that it can be tested and reasoned about
// alone; `ExplorerServer` puts it on HTTP (cpp-httplib, linked into the seatsim_server library
// only). Nothing a request says reaches the file system: the data set and its QUALITY.md are read
// when the explorer is made, the page's files are compiled in.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "seatsim/scenario.hpp"

namespace seatsim {

struct ExplorerRequest {
  std::string method;                                       // "GET", "POST", ...
  std::string path;                                         // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> params;  // the query (and a form body), in order
  std::string content_type;
  std::string body;
};

struct ExplorerResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// A query string (or a form body) "a=1&b=x%20y" as name-value pairs, percent-decoded, '+' a space.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

// Requests to /api/scenario may sweep at most this many values (the command line allows more).
inline constexpr std::size_t max_api_sweep_values = 10'001;

class Explorer {
 public:
  // Loads the data set (a folder, or a votes file), its seat totals and rule, and its QUALITY.md
  // when it has one. Throws seatsim::Error as `seatsim allocate` would for the same input.
  explicit Explorer(const std::string& data_set);

  // Answers one request. Never throws: bad input is a 400 whose `error` is the command line's
  // message, an unknown path a 404, an unknown method a 405, anything unexpected a 500.
  ExplorerResponse handle(const ExplorerRequest& request) const;

  const std::string& name() const noexcept { return base_.input.name; }

 private:
  ExplorerResponse route(const ExplorerRequest& request) const;
  ExplorerResponse info() const;
  ExplorerResponse allocate_request(const ExplorerRequest& request) const;
  ExplorerResponse compare_request(const ExplorerRequest& request) const;
  ExplorerResponse scenario_request(const ExplorerRequest& request) const;
  ExplorerResponse margins_request(const ExplorerRequest& request) const;

  std::string data_set_;  // as given on the command line
  ScenarioBase base_;
  std::optional<std::string> quality_;  // QUALITY.md
};

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                    // 0: any free port
  std::size_t max_body = 256 * 1024;  // bytes; a longer request body is refused with 413
};

// 127.0.0.1 (any 127.x.y.z), ::1 and localhost: reachable from this machine only.
bool is_loopback_host(const std::string& host);

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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace seatsim
