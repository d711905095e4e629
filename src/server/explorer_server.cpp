// The explorer on HTTP: cpp-httplib hands every request to Explorer::handle. Bodies are size
// limited (413 beyond ServeOptions::max_body, before the handler runs), nothing is served from
// the file system, and a server bound to this machine only answers requests addressed to it (a
// web page elsewhere cannot reach it by DNS rebinding).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "seatsim/error.hpp"
#include "seatsim/explorer.hpp"

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

void send(const ExplorerResponse& response, httplib::Response& res) {
  res.status = response.status;
  add_security_headers(res);
  res.set_content(response.body, response.content_type.c_str());
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
  httplib::Server server;
  bool bound = false;
  std::atomic<bool> listening{false};

  Impl(const Explorer& e, ServeOptions o) : explorer(e), options(std::move(o)) {
    server.set_payload_max_length(options.max_body);
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);
    const bool loopback = is_loopback_host(options.host);
    server.set_pre_routing_handler([loopback](const httplib::Request& req, httplib::Response& res) {
      const std::string host = req.get_header_value("Host");
      if (!loopback || host.empty() || local_name(host_name(host))) return httplib::Server::HandlerResponse::Unhandled;
      send({403, "application/json", "{\"error\": \"this explorer answers requests to localhost only\"}\n"}, res);
      return httplib::Server::HandlerResponse::Handled;
    });
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      send(explorer.handle(to_request(req)), res);
    };
    // Every method goes to Explorer::handle, which refuses what it does not serve.
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.Options(".*", handler);
    // Requests httplib refuses itself (malformed, too large): the status, and a JSON message.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const std::string message = res.status == 413
                                      ? "the request body is larger than the explorer accepts"
                                      : "the request could not be read (HTTP " + std::to_string(res.status) + ")";
      add_security_headers(res);
      res.set_content("{\"error\": \"" + message + "\"}\n", "application/json");
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
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
  impl_->bound = true;
  return port;
}

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

}  // namespace seatsim
