// The explorer on HTTP: cpp-httplib parses requests and hands each to Explorer::handle. Nothing
// is served from the file system, and a server bound to this machine only answers requests
// addressed to it (a web page elsewhere cannot reach it by DNS rebinding).
//
// cpp-httplib 0.11.4 reads a chunked body whole, times out per read rather than per request, and
// cannot tell a handler that its client left. So the connections are ours (GuardedServer below):
// each request is read through a stream that counts its bytes (413 beyond ServeOptions::max_body,
// chunked or not) and enforces one deadline for the whole request (408 beyond read_time); a
// handler can ask whether its client is still there; the listen backlog and the number of
// requests served at once are ServeOptions.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

#include "seatsim/core/error.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/server/explorer.hpp"

namespace seatsim {
namespace {

ExplorerRequest to_request(const httplib::Request& req) {
  ExplorerRequest request;
  request.method = req.method;
  request.path = req.path;
  // The query only: httplib also reads a form body into `params`, and /api/scenario's body is a file.
  const std::size_t question = req.target.find('?');
  if (question != std::string::npos) request.params = parse_query(std::string_view(req.target).substr(question + 1));
  request.content_type = req.get_header_value("Content-Type");
  request.body = req.body;
  return request;
}

void add_security_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  // The page loads nothing from elsewhere; server-rendered SVG carries style attributes.
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                 "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
}

void send_response(const ExplorerResponse& response, httplib::Response& res) {
  res.status = response.status;
  add_security_headers(res);
  res.set_content(response.body, response.content_type);
}

// "localhost:8080" -> "localhost", "[::1]:8080" -> "::1".
std::string host_name(const std::string& header) {
  if (!header.empty() && header.front() == '[') {
    const std::size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(1, close - 1);
  }
  return header.substr(0, header.find(':'));
}

bool local_name(const std::string& host) {
  if (is_loopback_host(host)) return true;
  const std::string suffix = ".localhost";
  return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
}

using Clock = std::chrono::steady_clock;

// Bytes a request may take beyond its body: the request line and headers.
constexpr std::size_t header_allowance = std::size_t{64} * 1024;

// The state of the request being read on one connection; the handlers see it through `current`
// (they run on the connection's thread).
struct Connection {
  int fd = -1;  // -1: an in-memory exchange
  Clock::time_point read_deadline = Clock::time_point::max();
  Clock::time_point write_deadline = Clock::time_point::max();
  std::size_t read_bytes = 0;  // of this request
  std::size_t byte_limit = 0;
  bool too_large = false;    // the request passed byte_limit
  bool too_slow = false;     // the request was not read by read_deadline
  bool close_after = false;  // a refusal left the body unread: no further request on this connection

  void start_request(Clock::duration read_time, std::size_t max_body) {
    read_deadline = Clock::now() + read_time;
    write_deadline = Clock::time_point::max();
    read_bytes = 0;
    byte_limit = max_body + header_allowance;
    too_large = too_slow = false;
  }

  // The peer closed its side (or the connection broke). Linux: POLLRDHUP.
  bool client_gone() const {
    if (fd < 0) return false;
    pollfd p{fd, POLLRDHUP, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
  }
};

thread_local Connection* current = nullptr;

// Waits until `fd` is ready for `events` or `deadline` passes.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (int round = 0; round < 1'000'000; ++round) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
  return false;
}

// A request's bytes, counted against the connection's limit and deadline, buffered (httplib reads
// lines byte by byte). `fill` and `send_bytes` are the transport.
class RequestStream : public httplib::Stream {
 public:
  explicit RequestStream(Connection& connection) : connection_(connection) {}

  bool buffered() const { return offset_ < buffer_.size(); }

  ssize_t read(char* ptr, size_t size) override {
    if (!buffered()) {
      if (connection_.read_bytes >= connection_.byte_limit) {
        connection_.too_large = true;
        return -1;
      }
      buffer_.resize(4096);
      const ssize_t n = fill(buffer_.data(), std::min(buffer_.size(), connection_.byte_limit - connection_.read_bytes));
      buffer_.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
      offset_ = 0;
      if (n <= 0) return n;
      connection_.read_bytes += static_cast<std::size_t>(n);
    }
    const std::size_t count = std::min(size, buffer_.size() - offset_);
    std::memcpy(ptr, buffer_.data() + offset_, count);
    offset_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override { return send_bytes(ptr, size); }

 protected:
  virtual ssize_t fill(char* ptr, std::size_t size) = 0;
  virtual ssize_t send_bytes(const char* ptr, std::size_t size) = 0;
  Connection& connection_;

 private:
  std::vector<char> buffer_;
  std::size_t offset_ = 0;
};

class SocketRequestStream : public RequestStream {
 public:
  SocketRequestStream(Connection& connection, Clock::duration write_time)
      : RequestStream(connection), write_time_(write_time) {}

  bool is_readable() const override {
    return buffered() || wait_for(connection_.fd, POLLIN, connection_.read_deadline);
  }
  bool is_writable() const override { return wait_for(connection_.fd, POLLOUT, write_deadline()); }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
  socket_t socket() const override { return connection_.fd; }

 protected:
  ssize_t fill(char* ptr, std::size_t size) override {
    if (!wait_for(connection_.fd, POLLIN, connection_.read_deadline)) {
      connection_.too_slow = true;
      return -1;
    }
    return ::recv(connection_.fd, ptr, size, 0);
  }
  ssize_t send_bytes(const char* ptr, std::size_t size) override {
    if (!wait_for(connection_.fd, POLLOUT, write_deadline())) return -1;
    return ::send(connection_.fd, ptr, size, MSG_NOSIGNAL);
  }

 private:
  // Writing a reply has its own deadline, from its first byte.
  Clock::time_point write_deadline() const {
    if (connection_.write_deadline == Clock::time_point::max()) connection_.write_deadline = Clock::now() + write_time_;
    return connection_.write_deadline;
  }
  template <typename F>
  void address(F get, std::string& ip, int& port) const {
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    ip.clear();
    port = 0;
    if (get(connection_.fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (storage.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&storage);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (storage.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&storage);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  Clock::duration write_time_;
};

// Raw request bytes in memory, the reply into a string: tests and the fuzzer.
class MemoryRequestStream : public RequestStream {
 public:
  MemoryRequestStream(Connection& connection, std::string_view input, std::string& output)
      : RequestStream(connection), input_(input), output_(output) {}

  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = "127.0.0.1", port = 1; }
  void get_local_ip_and_port(std::string& ip, int& port) const override { ip = "127.0.0.1", port = 2; }
  socket_t socket() const override { return -1; }
  bool exhausted() const { return !buffered() && input_.empty(); }

 protected:
  ssize_t fill(char* ptr, std::size_t size) override {
    const std::size_t count = std::min(size, input_.size());
    std::memcpy(ptr, input_.data(), count);
    input_.remove_prefix(count);
    return static_cast<ssize_t>(count);
  }
  ssize_t send_bytes(const char* ptr, std::size_t size) override {
    output_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }

 private:
  std::string_view input_;
  std::string& output_;
};

// After a refusal the client may still be sending what was refused: read and drop it for a
// moment (at most 500 ms and 4 MiB), so that closing does not reset the connection before the
// client has read the reply.
void drain(int fd) {
  ::shutdown(fd, SHUT_WR);
  char buffer[16384];
  const auto until = Clock::now() + std::chrono::milliseconds(500);
  for (std::size_t dropped = 0; dropped < (std::size_t{1} << 22) && wait_for(fd, POLLIN, until);) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    dropped += static_cast<std::size_t>(n);
  }
}

// httplib's server with our connections (its process_and_close_socket is a private virtual, made
// to be replaced; process_request, the parser and router, stays httplib's).
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const ServeOptions& options) : options_(options) {
    const unsigned threads = std::max(1u, options.threads);
    new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  }

  // httplib listens with a backlog of 5; a second listen() on the bound socket sets ours.
  void set_backlog(int backlog) const { ::listen(svr_sock_, std::max(backlog, 1)); }

  std::string exchange(std::string_view bytes) {
    Connection connection;
    std::string output;
    MemoryRequestStream stream(connection, bytes, output);
    current = &connection;
    for (int request = 0; request < 8 && !stream.exhausted(); ++request) {
      connection.start_request(options_.read_time, options_.max_body);
      bool closed = false;
      if (!serve_one(stream, false, closed) || closed || connection.close_after) break;
    }
    current = nullptr;
    return output;
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    Connection connection;
    connection.fd = sock;
    SocketRequestStream stream(connection, options_.write_time);
    current = &connection;
    bool ok = true;
    auto wait_until = Clock::now() + options_.read_time;  // the first request, from the accept
    for (std::size_t left = keep_alive_max_count_; ok && left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
      if (!stream.buffered() && !wait_for(sock, POLLIN, wait_until)) break;
      connection.start_request(options_.read_time, options_.max_body);
      bool closed = false;
      ok = serve_one(stream, left == 1, closed) && !closed && !connection.close_after;
      wait_until = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    }
    current = nullptr;
    if (connection.close_after) drain(sock);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  // One request: httplib's parser and router. An exception from the parser (outside the handlers,
  // whose exceptions httplib catches) ends the connection, never the server.
  bool serve_one(httplib::Stream& stream, bool close_connection, bool& closed) {
    try {
      return process_request(stream, close_connection, closed, nullptr);
    } catch (...) {
      return false;
    }
  }

  ServeOptions options_;
};

// A request refused before it is read: the reply closes the connection (its body is unread).
httplib::Server::HandlerResponse refuse(httplib::Response& res, int status, const std::string& message) {
  Json json;
  json["error"] = message;
  send_response({status, "application/json", json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"}, res);
  res.set_header("Connection", "close");
  if (current) current->close_after = true;
  return httplib::Server::HandlerResponse::Handled;
}

// Checks every request before its body is read: one Host, addressed to this machine when bound
// to it, a POST from this page's origin only (or from no page: scripts, curl), no compressed body.
httplib::Server::HandlerResponse screen(const httplib::Request& req, httplib::Response& res, bool loopback) {
  const std::size_t hosts = req.get_header_value_count("Host");
  if (hosts > 1) return refuse(res, 400, "the request has " + std::to_string(hosts) + " Host headers; send one");
  const std::string host = req.get_header_value("Host");
  if (loopback && !host.empty() && !local_name(host_name(host)))
    return refuse(res, 403, "this explorer answers requests to localhost only");
  const bool reads_only = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
  if (!reads_only && req.has_header("Origin") && req.get_header_value("Origin") != "http://" + host)
    return refuse(res, 403, "a request from another origin (a page elsewhere) is refused");
  const std::string encoding = req.get_header_value("Content-Encoding");
  if (!encoding.empty() && encoding != "identity")
    return refuse(res, 415, "a compressed request body (Content-Encoding) is not accepted");
  return httplib::Server::HandlerResponse::Unhandled;
}

// What a request httplib refused itself (or our stream cut short) gets: the status, a message.
void explain_refusal(const ServeOptions& options, httplib::Response& res) {
  if (!res.body.empty()) return;
  if (current && current->too_large) res.status = 413;
  if (current && current->too_slow) res.status = 408;
  std::string message = "the request could not be read (HTTP " + std::to_string(res.status) + ")";
  if (res.status == 413)
    message = "the request body is larger than the explorer accepts (at most " + std::to_string(options.max_body) +
              " bytes; seatsim serve --max-body changes it)";
  if (res.status == 408)
    message = "the request was not sent within " + std::to_string(options.read_time.count()) +
              " ms (seatsim serve --read-time changes it)";
  add_security_headers(res);
  res.set_header("Connection", "close");
  res.set_content("{\"error\": \"" + message + "\"}\n", "application/json");
  if (current) current->close_after = true;
}

// glibc keeps freed memory; after a large request, give it back.
void release_memory(Clock::duration took, std::size_t reply_bytes) {
#ifdef __GLIBC__
  if (took > std::chrono::milliseconds(200) || reply_bytes > std::size_t{1024} * 1024) ::malloc_trim(0);
#else
  (void)took, (void)reply_bytes;
#endif
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (const char c : host) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

struct ExplorerServer::Impl {
  const Explorer& explorer;
  ServeOptions options;
  GuardedServer server;
  bool bound = false;
  std::atomic<bool> listening{false};

  Impl(const Explorer& e, ServeOptions o) : explorer(e), options(std::move(o)), server(options) {
    server.set_payload_max_length(options.max_body);
    const bool loopback = is_loopback_host(options.host);
    server.set_pre_routing_handler(
        [loopback](const httplib::Request& req, httplib::Response& res) { return screen(req, res, loopback); });
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      const auto start = Clock::now();
      ExplorerRequest request = to_request(req);
      Connection* connection = current;
      request.client_gone = [connection] { return connection && connection->client_gone(); };
      ExplorerResponse response = explorer.handle(request);
      send_response(response, res);
      release_memory(Clock::now() - start, response.body.size());
    };
    // Every method goes to Explorer::handle, which refuses what it does not serve.
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.Options(".*", handler);
    server.set_error_handler(
        [this](const httplib::Request&, httplib::Response& res) { explain_refusal(options, res); });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
      res.status = 500;
      add_security_headers(res);
      res.set_content("{\"error\": \"internal error\"}\n", "application/json");
    });
  }
};

ExplorerServer::ExplorerServer(const Explorer& explorer, ServeOptions options)
    : impl_(std::make_unique<Impl>(explorer, std::move(options))) {}

ExplorerServer::~ExplorerServer() { stop(); }

int ExplorerServer::bind() {
  const ServeOptions& options = impl_->options;
  if (options.port < 0 || options.port > 65535)
    throw Error("port: " + std::to_string(options.port) + " is not a port number (0 to 65535)");
  int port = options.port;
  if (port == 0) {
    port = impl_->server.bind_to_any_port(options.host);
    if (port < 0) port = -1;
  } else if (!impl_->server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0)
    throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                " (the port is in use, or the address is not this machine's)");
  impl_->server.set_backlog(options.backlog);
  impl_->bound = true;
  return port;
}

std::string ExplorerServer::exchange(std::string_view request_bytes) { return impl_->server.exchange(request_bytes); }

void ExplorerServer::listen() {
  if (!impl_->bound) return;
  impl_->listening = true;
  impl_->server.listen_after_bind();
  impl_->listening = false;
}

void ExplorerServer::stop() {
  if (!impl_) return;
  // A stop that comes while listen() is starting waits until the server runs, or it would be lost.
  while (impl_->listening && !impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->server.stop();
}

std::string explorer_url(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

bool ExplorerServer::running() const { return impl_ && impl_->server.is_running(); }

}  // namespace seatsim
