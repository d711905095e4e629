// `seatsim serve` under hostile requests (issue 15; docs/reliability.md, "The explorer under
// load"): no file a request names is read, bodies and work are bounded with a 4xx that names the
// limit, slow clients cannot hold the server, a burst of 200 requests is answered, malformed
// encodings and duplicate Host headers get a plain 4xx. Servers listen on 127.0.0.1 only; every
// loop is bounded and every socket has a timeout, so the suite ends in bounded time.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "seatsim/core/json.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

using Clock = std::chrono::steady_clock;

const std::string iraq_set = (source_dir() / "scenarios" / "iraq-2013").string();

// A server on 127.0.0.1 and a free port until the end of the scope.
struct Server {
  Explorer explorer;
  ExplorerServer server;
  int port;
  std::thread thread;

  explicit Server(ServeOptions options = {}, ExplorerLimits limits = {}, const std::string& data_set = iraq_set)
      : explorer(data_set, limits), server(explorer, with_free_port(std::move(options))), port(server.bind()) {
    thread = std::thread([this] { server.listen(); });
  }
  ~Server() {
    server.stop();
    thread.join();
  }
  static ServeOptions with_free_port(ServeOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    return options;
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    return c;
  }
};

// A connected socket to 127.0.0.1:port with a receive timeout.
int connect_to(int port, int timeout_seconds = 5) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{timeout_seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Whether the server has sent something (or closed) within `milliseconds`.
bool readable(int fd, int milliseconds) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, milliseconds) > 0;
}

bool send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads until the server closes, the reply is complete (Content-Length), or the timeout.
std::string read_reply(int fd) {
  std::string reply;
  char buffer[4096];
  for (int reads = 0; reads < 100'000; ++reads) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
    const std::size_t end = reply.find("\r\n\r\n");
    const std::size_t length = reply.find("Content-Length: ");
    if (end != std::string::npos && length != std::string::npos && length < end &&
        reply.size() >= end + 4 + std::stoul(reply.substr(length + 16)))
      break;
  }
  return reply;
}

std::string round_trip(int port, const std::string& bytes) {
  const int fd = connect_to(port);
  REQUIRE(fd >= 0);
  send_all(fd, bytes);
  std::string reply = read_reply(fd);
  ::close(fd);
  return reply;
}

int status_of(const std::string& reply) {
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return -1;
  return std::stoi(reply.substr(9, 3));
}

std::string error_of(const httplib::Result& result) {
  REQUIRE(result);
  const Json json = Json::parse(result->body);
  return json.contains("error") ? json["error"].get<std::string>() : std::string();
}

std::string error_of(const std::string& reply) {
  const std::size_t body = reply.find("\r\n\r\n");
  if (body == std::string::npos) return {};
  const Json json = Json::parse(reply.substr(body + 4), nullptr, false);
  return json.is_object() && json.contains("error") ? json["error"].get<std::string>() : std::string();
}

// The key on line 3; leveling seats beside it, so that leveling_per_district is taken as a key.
std::string scenario_with_rule(const std::string& key, const std::string& value) {
  const std::string leveling = key == "leveling_seats" ? "" : "leveling_seats = \"2\"\n";
  return "base = \"../\"\n[rule]\n" + key + " = \"" + value + "\"\n" + leveling;
}

// Every key of a scenario's [rule], from the key registry that the schema, the flags and the readers
// come from: a request may set any of them to a path, and a key added later is covered here at once.
const std::vector<std::string> all_rule_keys = rule_key_names();

// The keys whose value may name a file (the registry says which): each refused with the same message
// whether the file exists or not.
const std::vector<std::string> file_keys = [] {
  std::vector<std::string> keys;
  for (const RuleKey& key : rule_keys())
    if (key.file != FileUse::never) keys.emplace_back(key.name);
  return keys;
}();

}  // namespace

TEST_SUITE("server hardening") {
  TEST_CASE("serve: no rule key of a request reads a file, and the answer does not tell whether it exists") {
    Server server;
    auto client = server.client();
    TempDir tmp;
    const std::string secret = "SECRET-FIRST-LINE-4711";
    const fs::path existing = tmp.write("secret.csv", secret + ",district,party,seats\nA,1,2,3\n");
    const fs::path missing = tmp.path / "no-such-file.csv";
    const std::string cwd = fs::current_path().string();
    for (const std::string& key : all_rule_keys) {
      std::string answers[2];
      int statuses[2] = {0, 0};
      for (int i = 0; i < 2; ++i) {
        const std::string path = (i == 0 ? existing : missing).string();
        const auto result = client.Post("/api/scenario", scenario_with_rule(key, path), "application/toml");
        REQUIRE(result);
        statuses[i] = result->status;
        answers[i] = result->body;
        CHECK_MESSAGE(result->body.find(secret) == std::string::npos, key);
        // A resolved path (the server's working folder) is never shown for a file key.
        if (std::find(file_keys.begin(), file_keys.end(), key) != file_keys.end())
          CHECK_MESSAGE(result->body.find(cwd + "/") == std::string::npos, key);
      }
      CHECK_MESSAGE(statuses[0] == statuses[1], key);
      if (std::find(file_keys.begin(), file_keys.end(), key) == file_keys.end()) continue;
      CHECK_MESSAGE(statuses[0] == 400, key);
      CHECK_MESSAGE(answers[0] == answers[1], key);
      CHECK(Json::parse(answers[0])["error"] == "scenario.toml:3: " + key +
                                                    " names a file, and the explorer reads no file a request names "
                                                    "(give the served data set that file in its election.toml, or "
                                                    "use the command line)");
    }
    // A whole number of leveling seats per district names no file and is not refused as one.
    const auto number =
        client.Post("/api/scenario", scenario_with_rule("leveling_per_district", "2"), "application/toml");
    CHECK(error_of(number).find("names a file") == std::string::npos);
    // The same keys as API parameters, in the query, a form body and a JSON body.
    for (const std::string flag : {"party-thresholds", "seat-bounds", "leveling-per-district", "seat_bounds"}) {
      for (const fs::path& path : {existing, missing}) {
        const std::string query = "/api/allocate?" + flag + "=" + path.string();
        const auto get = client.Get(query);
        REQUIRE(get);
        CHECK_MESSAGE(get->status == 400, query);
        CHECK(error_of(get).find("names a file") != std::string::npos);
        CHECK(get->body.find(secret) == std::string::npos);
        const auto json = client.Post("/api/compare", Json{{flag, path.string()}}.dump(), "application/json");
        CHECK(error_of(json).find("names a file") != std::string::npos);
        const auto form = client.Post("/api/allocate", flag + "=" + path.string(), "application/x-www-form-urlencoded");
        CHECK(error_of(form).find("names a file") != std::string::npos);
      }
    }
  }

  TEST_CASE("serve: a device or a FIFO named by a request holds no thread and grows no memory") {
    Server server;
    auto client = server.client();
    client.set_read_timeout(3);
    TempDir tmp;
    const fs::path fifo = tmp.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Nine requests: more than the old server's eight threads, each would have blocked on the FIFO.
    for (int i = 0; i < 9; ++i) {
      for (const std::string& key : file_keys) {
        const std::string path = i % 2 ? "/dev/zero" : fifo.string();
        const auto start = Clock::now();
        const auto result = client.Post("/api/scenario", scenario_with_rule(key, path), "application/toml");
        REQUIRE_MESSAGE(result, (key + " = " + path));
        CHECK(result->status == 400);
        // Answered, not held: the old server never answered (the bound is loose for sanitizer builds).
        CHECK(Clock::now() - start < std::chrono::seconds(20));
      }
    }
    const auto info = client.Get("/api/info");
    REQUIRE(info);
    CHECK(info->status == 200);
  }

  TEST_CASE("serve: a chunked body beyond the limit gets 413 and is not read on") {
    ServeOptions options;
    options.max_body = 64 * 1024;
    Server server(options);
    const int fd = connect_to(server.port);
    REQUIRE(fd >= 0);
    send_all(fd,
             "POST /api/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/toml\r\n"
             "Transfer-Encoding: chunked\r\n\r\n");
    // Up to 8 MiB in 64 KiB chunks, until the reply comes; the server stops reading long before.
    const std::string chunk = "10000\r\n" + std::string(0x10000, '#') + "\r\n";
    std::size_t sent = 0;
    for (int i = 0; i < 128 && !readable(fd, 20) && send_all(fd, chunk); ++i) sent += chunk.size();
    const std::string reply = read_reply(fd);
    ::close(fd);
    CHECK(status_of(reply) == 413);
    CHECK(error_of(reply).find("--max-body") != std::string::npos);
    CHECK(sent < 8u * 1024 * 1024);
    // Under the limit, chunked is read and answered.
    const std::string body = "base = \"../\"\n";  // 13 bytes: chunk size d
    REQUIRE(body.size() == 0xd);
    const std::string small = round_trip(server.port,
                                         "POST /api/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: "
                                         "chunked\r\nConnection: close\r\n\r\nd\r\n" +
                                             body + "\r\n0\r\n\r\n");
    CHECK(status_of(small) == 200);
    // A gzip body (a decompression bomb) is refused before it is read.
    const std::string gzip = round_trip(server.port,
                                        "POST /api/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Encoding: gzip\r\n"
                                        "Content-Length: 4\r\nConnection: close\r\n\r\nabcd");
    CHECK(status_of(gzip) == 415);
  }

  TEST_CASE("serve: the work of a request is bounded, and the 422 names the limit") {
    ExplorerLimits limits;
    limits.max_lists = 100'000;
    Server server({}, limits);
    auto client = server.client();
    // Seats: 10^5 in all districts by default.
    const auto seats = client.Get("/api/allocate?seats.Baghdad%20Governorate=200000");
    REQUIRE(seats);
    CHECK(seats->status == 422);
    CHECK(error_of(seats).find("--max-request-seats") != std::string::npos);
    // Sweep values: 1,000 by default (the old server took 10,001).
    const std::string sweep =
        "base = \"../\"\n[[op]]\nkind = \"transfer\"\nfrom = \"State of Law Coalition\"\nto = \"Citizens Alliance\"\n"
        "[sweep]\nparameter = \"op.1.share\"\nvalues = { from = \"0%\", to = \"100%\", step = \"0.05%\" }\n";
    const auto many = client.Post("/api/scenario", sweep, "application/toml");
    REQUIRE(many);
    CHECK(many->status == 422);
    CHECK(error_of(many).find("--max-sweep-values") != std::string::npos);
    // A seat sweep to a million seats in one district.
    const std::string seat_sweep =
        "base = \"../\"\n[sweep]\nparameter = \"seats.Basra Governorate\"\nvalues = [10, 1000000]\n";
    const auto huge = client.Post("/api/scenario", seat_sweep, "application/toml");
    REQUIRE(huge);
    CHECK(huge->status == 422);
    CHECK(error_of(huge).find("--max-request-seats") != std::string::npos);
    // Reply bytes, lists and time, with small limits.
    ExplorerLimits tight;
    tight.max_reply = 4096;
    Explorer small_reply(iraq_set, tight);
    const ExplorerResponse reply = small_reply.handle({"GET", "/api/allocate", {}, "", "", {}});
    CHECK(reply.status == 422);
    CHECK(reply.body.find("--max-reply") != std::string::npos);
    tight = {};
    tight.max_lists = 10;
    const ExplorerResponse lists = Explorer(iraq_set, tight).handle({"GET", "/api/compare", {}, "", "", {}});
    CHECK(lists.status == 422);
    CHECK(lists.body.find("--max-lists") != std::string::npos);
    tight = {};
    tight.max_time = std::chrono::milliseconds(1);
    const std::string divisor_sweep =
        "base = \"../\"\n[rule]\nmethod = \"sainte-lague\"\n[sweep]\nparameter = \"rule.first_divisor\"\n"
        "values = { from = \"1\", to = \"1.999\", step = \"0.001\" }\n";
    const auto start = Clock::now();
    const ExplorerResponse slow =
        Explorer(iraq_set, tight).handle({"POST", "/api/scenario", {}, "application/toml", divisor_sweep, {}});
    CHECK(slow.status == 422);
    CHECK(slow.body.find("--max-time") != std::string::npos);
    CHECK(Clock::now() - start < std::chrono::seconds(30));  // stopped, not run to the end
  }

  TEST_CASE("serve: the work stops when the client has gone") {
    const Explorer explorer(iraq_set);
    const std::string divisor_sweep =
        "base = \"../\"\n[sweep]\nparameter = \"rule.first_divisor\"\nvalues = { from = \"1\", to = \"1.999\", "
        "step = \"0.001\" }\n";
    int asked = 0;
    ExplorerRequest request{"POST", "/api/scenario", {}, "application/toml", divisor_sweep, {}};
    request.client_gone = [&asked] { return ++asked > 0; };
    const ExplorerResponse response = explorer.handle(request);
    CHECK(asked > 0);
    CHECK(response.body.find("closed the connection") != std::string::npos);
  }

  TEST_CASE("serve: a POST from another origin gets 403, one from the page or from no page goes on") {
    Server server;
    const std::string origin = "http://127.0.0.1:" + std::to_string(server.port);
    const auto post = [&](const std::string& header) {
      return round_trip(server.port, "POST /api/allocate HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server.port) +
                                         "\r\n" + header +
                                         "Content-Type: application/json\r\nContent-Length: 2\r\n"
                                         "Connection: close\r\n\r\n{}");
    };
    CHECK(status_of(post("Origin: http://attacker.example\r\n")) == 403);
    CHECK(status_of(post("Origin: null\r\n")) == 403);
    CHECK(status_of(post("Origin: " + origin + "\r\n")) == 200);
    CHECK(status_of(post("")) == 200);
  }

  TEST_CASE("serve: slow clients do not hold the server, and get 408 at the read deadline") {
    ServeOptions options;
    // The slow clients hold their connections until the 5 s deadline: a request answered well before it was
    // not queued behind them (loose bounds, so that a sanitizer build on two cores passes too).
    options.read_time = std::chrono::milliseconds(5000);
    Server server(options);
    std::atomic<int> timed_out{0};
    std::vector<std::thread> slow;
    for (int c = 0; c < 10; ++c)
      slow.emplace_back([&] {
        const int fd = connect_to(server.port);
        if (fd < 0) return;
        send_all(fd, "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        // A header line every 300 ms for up to 6 s, until the reply comes: the request is not in by 5 s.
        for (int line = 0; line < 20 && !readable(fd, 300); ++line)
          if (!send_all(fd, "X-Slow-" + std::to_string(line) + ": 1\r\n")) break;
        if (status_of(read_reply(fd)) == 408) ++timed_out;
        ::close(fd);
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto client = server.client();
    for (int i = 0; i < 20; ++i) {
      const auto start = Clock::now();
      const auto info = client.Get("/api/info");
      REQUIRE(info);
      CHECK(info->status == 200);
      CHECK(Clock::now() - start < std::chrono::milliseconds(4000));
    }
    for (std::thread& thread : slow) thread.join();
    CHECK(timed_out == 10);
  }

  TEST_CASE("serve: a burst of 200 concurrent requests is answered, every one") {
    Server server;
    constexpr int count = 200;
    // Open every connection first (the listen backlog takes them), then send.
    std::vector<int> sockets;
    for (int i = 0; i < count; ++i) sockets.push_back(connect_to(server.port, 20));
    std::vector<double> milliseconds(count, -1);
    std::vector<int> statuses(count, -1);
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i)
      threads.emplace_back([&, i] {
        if (sockets[i] < 0) return;
        const auto start = Clock::now();
        const std::string route = i % 2 ? "/api/info" : "/api/allocate?method=dhondt";
        if (send_all(sockets[i], "GET " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
          statuses[i] = status_of(read_reply(sockets[i]));
        milliseconds[i] = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        ::close(sockets[i]);
      });
    for (std::thread& thread : threads) thread.join();
    CHECK(std::count(statuses.begin(), statuses.end(), 200) == count);
    std::sort(milliseconds.begin(), milliseconds.end());
    MESSAGE("200 concurrent requests: p50 " << milliseconds[count / 2] << " ms, p99 " << milliseconds[count * 99 / 100]
                                            << " ms, max " << milliseconds.back() << " ms");
  }

  TEST_CASE("serve: malformed percent-encodings get a plain 400 or 404, never an internal exception") {
    Server server;
    for (const std::string target :
         {"/api/allocate?method=%ff", "/%c0%ae%c0%ae/etc/passwd", "/api/allocate?%fe=1", "/api/info%ff",
          "/api/allocate?seats.%ff=3", "/api/allocate?threshold-exempt=%c3"}) {
      const std::string reply =
          round_trip(server.port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      const int status = status_of(reply);
      CHECK_MESSAGE((status == 400 || status == 404), target);
      CHECK_MESSAGE(reply.find("exception") == std::string::npos, target);
      CHECK_MESSAGE(reply.find("type_error") == std::string::npos, target);
      CHECK_MESSAGE(!error_of(reply).empty(), target);
    }
  }

  TEST_CASE("serve: a request with two Host headers gets 400") {
    Server server;
    const std::string reply = round_trip(server.port,
                                         "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: attacker.example\r\n"
                                         "Connection: close\r\n\r\n");
    CHECK(status_of(reply) == 400);
    CHECK(error_of(reply).find("Host") != std::string::npos);
    const std::string reversed = round_trip(server.port,
                                            "GET /api/info HTTP/1.1\r\nHost: attacker.example\r\nhost: 127.0.0.1\r\n"
                                            "Connection: close\r\n\r\n");
    CHECK(status_of(reversed) == 400);
  }

  TEST_CASE("serve: raw request bytes are answered without a socket (the fuzzer's entry)") {
    const Explorer explorer(iraq_set);
    ExplorerServer server(explorer, {});
    const std::string reply = server.exchange(
        "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    CHECK(status_of(reply) == 200);
    CHECK(reply.find("HTTP/1.1 404") != std::string::npos);
    CHECK(status_of(server.exchange("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")) == 400);
  }
}

}  // namespace seatsim::test
