// The explorer's HTTP API (seatsim serve), by plain HTTP requests to a server started in this
// process on a free port: the page and only the page, path traversal, oversized bodies, invalid
// parameters answered with the command line's message, malformed requests that leave the server
// running, and answers equal to the command line's.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <doctest/doctest.h>

#include <thread>

#include "seatsim/core/json.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/server/explorer.hpp"
#include "support.hpp"

namespace seatsim::test {
namespace {

const std::string iraq = (source_dir() / "scenarios" / "iraq-2013").string();

// A server on 127.0.0.1 and a free port, serving `data_set` until the end of the scope.
struct RunningServer {
  Explorer explorer;
  ExplorerServer server;
  int port;
  std::thread thread;

  explicit RunningServer(const std::string& data_set, std::size_t max_body = 256 * 1024)
      : explorer(data_set), server(explorer, {"127.0.0.1", 0, max_body}), port(server.bind()) {
    thread = std::thread([this] { server.listen(); });
  }
  ~RunningServer() {
    server.stop();
    thread.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(5);
    c.set_read_timeout(30);
    return c;
  }
};

// Sends `bytes` as they are over a fresh connection and returns the response: up to the end of its
// body, or to the server's closing the connection, or to a read timeout.
std::string raw_exchange(int port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  timeval timeout{3, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string reply;
  char buffer[4096];
  while (!bytes.empty()) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
    const std::size_t end = reply.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    const std::size_t length = reply.find("Content-Length: ");
    if (length != std::string::npos && length < end && reply.size() >= end + 4 + std::stoul(reply.substr(length + 16)))
      break;
  }
  ::close(fd);
  return reply;
}

int raw_status(const std::string& reply) {
  // "HTTP/1.1 404 Not Found"
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return -1;
  return std::stoi(reply.substr(9, 3));
}

Json body_json(const httplib::Result& result) {
  REQUIRE(result);
  return Json::parse(result->body);
}

// What the command line says after "seatsim: ".
std::string cli_message(const RunResult& run) {
  CHECK(run.status == 2);
  std::string message = run.err.substr(0, run.err.find('\n'));
  REQUIRE(message.rfind("seatsim: ", 0) == 0);
  return message.substr(9);
}

void check_alive(const RunningServer& server) {
  auto client = server.client();
  const auto info = client.Get("/api/info");
  REQUIRE(info);
  CHECK(info->status == 200);
  CHECK(body_json(info)["name"] == "Iraq governorate council elections 2013");
}

}  // namespace

TEST_CASE("explorer: the page and its files are served from the binary, nothing else") {
  RunningServer server(iraq);
  auto client = server.client();
  const auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").rfind("text/html", 0) == 0);
  CHECK(page->body.find("explorer.js") != std::string::npos);
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
  CHECK(page->body.find("parliament.js") != std::string::npos);
  for (const std::string file : {"/explorer.js", "/parliament.js", "/explorer.css", "/favicon.svg", "/index.html"}) {
    const auto got = client.Get(file);
    REQUIRE(got);
    CHECK_MESSAGE(got->status == 200, file);
  }
  // Files that exist beside the server (in its working folder and the data set) are not served.
  for (const std::string path : {"/README.md", "/CMakeLists.txt", "/scenarios/iraq-2013/results.csv", "/results.csv",
                                 "/election.toml", "/QUALITY.md", "/web/index.html"}) {
    const auto got = client.Get(path);
    REQUIRE(got);
    CHECK_MESSAGE(got->status == 404, path);
  }
}

TEST_CASE("explorer: path traversal reaches no file") {
  RunningServer server(iraq);
  const std::vector<std::string> paths = {"/../../etc/passwd",
                                          "/%2e%2e/%2e%2e/etc/passwd",
                                          "/..%2f..%2f..%2fetc%2fpasswd",
                                          "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                                          "/explorer.js/../../../etc/passwd",
                                          "/api/../../../etc/passwd",
                                          "//etc/passwd",
                                          "/./../.././etc/passwd",
                                          "/..\\..\\etc\\passwd",
                                          "/%252e%252e/etc/passwd",
                                          "/api/quality/../../../../etc/passwd",
                                          "/index.html%00../../etc/passwd"};
  for (const std::string& path : paths) {
    // Raw bytes, so that no client normalises the path first.
    const std::string reply = raw_exchange(server.port, "GET " + path +
                                                            " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                            "Connection: close\r\n\r\n");
    const int status = raw_status(reply);
    CHECK_MESSAGE((status == 404 || status == 400), (path + " -> " + reply.substr(0, 40)));
    CHECK_MESSAGE(reply.find("root:") == std::string::npos, path);
  }
  check_alive(server);
}

TEST_CASE("explorer: an oversized body is refused with 413 and the server goes on") {
  RunningServer server(iraq, 64 * 1024);
  auto client = server.client();
  const std::string big(200 * 1024, 'x');
  const auto result = client.Post("/api/scenario", big, "application/toml");
  REQUIRE(result);
  CHECK(result->status == 413);
  // A terabyte announced, a few bytes sent: nothing is allocated for it, the handler never runs, and
  // the connection is dropped at the read timeout.
  const std::string reply = raw_exchange(server.port,
                                         "POST /api/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                         "application/toml\r\nContent-Length: 1000000000000\r\n\r\nname = 1\n");
  CHECK(raw_status(reply) != 200);
  // Just under the limit is read and answered.
  const auto under =
      client.Post("/api/scenario", std::string(60 * 1024, '#') + "\nbase = \"../\"\n", "application/toml");
  REQUIRE(under);
  CHECK(under->status == 200);
  check_alive(server);
}

TEST_CASE("explorer: invalid parameters get 400 and the command line's message") {
  RunningServer server(iraq);
  auto client = server.client();
  struct Case {
    std::string query;
    std::vector<std::string> flags;
  };
  const std::vector<Case> cases = {
      {"method=nonsense", {"--method", "nonsense"}},
      {"first-divisor=abc", {"--first-divisor", "abc"}},
      {"threshold=5x", {"--threshold", "5x"}},
      {"threshold=5", {"--threshold", "5"}},  // amendment 1: a threshold says its unit
      {"threshold-scope=galaxy", {"--threshold-scope", "galaxy"}},
      {"ties=coin", {"--ties", "coin"}},
      {"method=hare&first-divisor=1.4", {"--method", "hare", "--first-divisor", "1.4"}},
      {"divisors=1,,3", {"--divisors", "1,,3"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"allocate", iraq};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    const std::string expected = cli_message(run_cli(args));
    for (const std::string route : {"/api/allocate?", "/api/compare?"}) {
      const auto result = client.Get(route + c.query);
      REQUIRE(result);
      CHECK_MESSAGE(result->status == 400, (route + c.query));
      CHECK(body_json(result)["error"] == expected);
    }
  }
  const auto unknown = client.Get("/api/allocate?mehtod=dhondt");
  REQUIRE(unknown);
  CHECK(unknown->status == 400);
  CHECK(body_json(unknown)["error"].get<std::string>().find("did you mean 'method'") != std::string::npos);
  const auto twice = client.Get("/api/allocate?method=dhondt&method=hare");
  REQUIRE(twice);
  CHECK(twice->status == 400);
  const auto file = client.Get("/api/allocate?party-thresholds=/etc/passwd");
  REQUIRE(file);
  CHECK(file->status == 400);
  const auto seats = client.Get("/api/allocate?seats.Baghdad=60");
  REQUIRE(seats);
  CHECK(seats->status == 400);
  CHECK(body_json(seats)["error"].get<std::string>().find("did you mean 'Baghdad Governorate'") != std::string::npos);
  const auto reserved = client.Get("/api/allocate?seats.Baghdad%20Governorate=3");
  REQUIRE(reserved);
  CHECK(reserved->status == 400);
  const auto json_float = client.Post("/api/allocate", R"({"first-divisor": 1.6})", "application/json");
  REQUIRE(json_float);
  CHECK(json_float->status == 400);
  // In a JSON body a threshold is the same string as on the command line: a bare number is refused.
  const std::string bare = cli_message(run_cli({"allocate", iraq, "--threshold", "5"}));
  for (const std::string body : {R"({"threshold": 5})", R"({"threshold": "5"})"}) {
    const auto unitless = client.Post("/api/allocate", body, "application/json");
    REQUIRE(unitless);
    CHECK(unitless->status == 400);
    CHECK(body_json(unitless)["error"] == bare);
  }
  const auto votes = client.Post("/api/allocate", R"({"threshold": "50000v"})", "application/json");
  REQUIRE(votes);
  CHECK_MESSAGE(votes->status == 200, votes->body);
  const auto wrong_method = client.Get("/api/scenario");
  REQUIRE(wrong_method);
  CHECK(wrong_method->status == 405);
  check_alive(server);
}

TEST_CASE("explorer: a bad scenario gets the message seatsim scenario prints for the same file") {
  RunningServer server(iraq);
  auto client = server.client();
  TempDir tmp;
  const std::vector<std::string> bad = {
      "base = \"" + iraq +
          "\"\n[[op]]\nkind = \"transfer\"\nfrom = \"State of Law Coalition\"\nto = \"Citizens "
          "Alliance\"\nshare = \"120%\"\n",
      "base = \"" + iraq +
          "\"\n[[op]]\nkind = \"transfer\"\nfrom = \"State of Law\"\nto = \"Citizens Alliance\"\n"
          "share = \"10%\"\n",
      "base = \"" + iraq + "\"\n[rule]\nmethdo = \"dhondt\"\n",
      "base = \"" + iraq + "\"\n[seats]\n\"Baghdad Governorate\" = 2\n",
      "base = \"" + iraq + "\"\n[seats]\n\"Bagdad Governorate\" = 60\n",
      "base = \"" + iraq + "\"\n[rule]\nmethod = \"hare\"\nfirst_divisor = \"1.4\"\n",
      "base = \"" + iraq + "\"\nname = [\n",
      "base = \"" + iraq + "\"\n[[op]]\nkind = \"uniform\"\nparty = \"Citizens Alliance\"\npoints = \"-90\"\n",
  };
  for (const std::string& text : bad) {
    const fs::path file = tmp.write("bad.toml", text);
    const std::string expected = cli_message(run_cli({"scenario", file.string()}));
    const auto result = client.Post("/api/scenario", text, "application/toml");
    REQUIRE(result);
    CHECK_MESSAGE(result->status == 400, text);
    const std::string got = body_json(result)["error"];
    // The same message, the request's file being "scenario.toml".
    REQUIRE(expected.rfind(file.string() + ":", 0) == 0);
    CHECK(got == "scenario.toml" + expected.substr(file.string().size()));
  }
  const auto thresholds =
      client.Post("/api/scenario", "base = \"../\"\n[rule]\nparty_thresholds = \"/etc/passwd\"\n", "application/toml");
  REQUIRE(thresholds);
  CHECK(thresholds->status == 400);
  CHECK(body_json(thresholds)["error"].get<std::string>().find("party_thresholds") != std::string::npos);
  check_alive(server);
}

TEST_CASE("explorer: malformed requests do not stop the server") {
  RunningServer server(iraq);
  const char tls_hello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03";
  const char nul_in_path[] = "GET /api/info\0 HTTP/1.1\r\n\r\n";
  const std::vector<std::string> requests = {
      "GARBAGE\r\n\r\n",
      std::string(tls_hello, sizeof tls_hello - 1),
      "GET / HTTP/9.9\r\n\r\n",
      "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
      "POST /api/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n",
      "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET / HTTP/1.1\r\n" + std::string(100, 'X') + "\r\n\r\n",
      std::string(nul_in_path, sizeof nul_in_path - 1),
      "GET ? HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",  // an empty path (found by fuzz_http)
      "",
  };
  for (const std::string& request : requests) {
    const std::string reply = raw_exchange(server.port, request);
    CHECK_MESSAGE(raw_status(reply) != 500, reply.substr(0, 60));
    check_alive(server);
  }
  auto client = server.client();
  for (const std::string body : {"{", "[1, 2]", "\"text\"", "{\"method\": {\"a\": 1}}"}) {
    const auto result = client.Post("/api/allocate", body, "application/json");
    REQUIRE(result);
    CHECK_MESSAGE(result->status == 400, body);
  }
  for (const std::string& body : {std::string("\x00\x01\x02", 3), std::string("base = \"\xff\xfe\"\n"),
                                  std::string("[[op]]\n[[op]]\n[sweep]\n"), std::string(5000, '[')}) {
    const auto result = client.Post("/api/scenario", body, "application/toml");
    REQUIRE(result);
    CHECK(result->status == 400);
  }
  check_alive(server);
}

TEST_CASE("explorer: requests addressed to another host are refused (DNS rebinding)") {
  RunningServer server(iraq);
  const std::string reply =
      raw_exchange(server.port, "GET /api/info HTTP/1.1\r\nHost: attacker.example:8080\r\nConnection: close\r\n\r\n");
  CHECK(raw_status(reply) == 403);
  for (const std::string host : {"localhost", "127.0.0.1", "[::1]", "app.localhost"}) {
    const std::string ok =
        raw_exchange(server.port, "GET /api/info HTTP/1.1\r\nHost: " + host + ":1234\r\nConnection: close\r\n\r\n");
    CHECK_MESSAGE(raw_status(ok) == 200, host);
  }
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.1.2.3"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
  CHECK_FALSE(is_loopback_host("127.0.0.1.example"));
  CHECK_FALSE(is_loopback_host("192.168.1.2"));
}

TEST_CASE("explorer: answers equal the command line's") {
  RunningServer server(iraq);
  auto client = server.client();
  SUBCASE("allocate and compare") {
    const auto allocate = client.Get("/api/allocate?method=dhondt&first-divisor=1.6&threshold=2%25");
    const Json api = body_json(allocate);
    const RunResult cli = run_cli(
        {"allocate", iraq, "--method", "dhondt", "--first-divisor", "1.6", "--threshold", "2%", "--format", "json"});
    REQUIRE(cli.status == 0);
    const Json expected = Json::parse(cli.out);
    CHECK(api["results"] == expected["results"]);
    CHECK(api["meta"]["rule"] == expected["meta"]["rule"]);
    const auto compared = client.Get("/api/compare");
    const RunResult cli_compare = run_cli({"compare", iraq, "--format", "json"});
    const Json api_compare = body_json(compared);
    const Json expected_compare = Json::parse(cli_compare.out);
    CHECK(api_compare["results"] == expected_compare["results"]);
    CHECK(api_compare["districts"] == expected_compare["districts"]);
  }
  SUBCASE("the JSON body form of the same parameters") {
    const Json a = body_json(client.Get("/api/allocate?method=hare&seats.Basra%20Governorate=40"));
    const Json b = body_json(
        client.Post("/api/allocate", R"({"method": "hare", "seats": {"Basra Governorate": 40}})", "application/json"));
    CHECK(a["results"] == b["results"]);
    std::int64_t basra = 0;
    for (const Json& row : a["results"])
      if (row["district"] == "Basra Governorate") basra += row["seats"].get<std::int64_t>();
    CHECK(basra == 39);  // 40 with the Christian reserved seat unfilled
  }
  SUBCASE("scenario files, with and without sweeps") {
    for (const std::string name :
         {"first-divisor-1.6.toml", "state-of-law-loses-10pct-baghdad-basra.toml", "merge-citizens-liberal.toml",
          "swing-state-of-law-to-citizens.toml", "first-divisor-sweep.toml", "threshold-5pct.toml"}) {
      const fs::path file = fs::path(iraq) / "what-if" / name;
      const std::string text = read_text_file(file.string());
      const RunResult cli = run_cli({"scenario", file.string(), "--format", "json"});
      REQUIRE(cli.status == 0);
      const Json expected = Json::parse(cli.out);
      const Json api = body_json(client.Post("/api/scenario", text, "application/toml"));
      CHECK_MESSAGE(api["results"] == expected["results"], name);
      if (expected.contains("break_points")) CHECK(api["break_points"] == expected["break_points"]);
      if (expected.contains("operations")) CHECK(api["operations"] == expected["operations"]);
      const RunResult cli_breaks = run_cli({"scenario", file.string(), "--format", "json", "--break-points"});
      if (expected.contains("break_points")) {
        const Json breaks = body_json(client.Post("/api/scenario?break-points=1", text, "application/toml"));
        CHECK(breaks["break_points"] == Json::parse(cli_breaks.out)["break_points"]);
      }
    }
  }
}

TEST_CASE("explorer: info, quality and concurrent requests") {
  RunningServer server(iraq);
  auto client = server.client();
  const Json info = body_json(client.Get("/api/info"));
  CHECK(info["districts"].size() == 14);
  CHECK(info["rule"]["method"] == "sainte-lague");
  CHECK(info["quality"] == true);
  CHECK(info["data_set_folder"] == true);  // the page's exported scenario then says base = "../"
  CHECK(info["parties"][0]["name"] == "State of Law Coalition");
  // The colour every chart of the data set draws it in (test_report_charts.cpp).
  CHECK(info["parties"][0]["colour"] == colour_blind_palette()[0]);
  const auto quality = client.Get("/api/quality");
  REQUIRE(quality);
  CHECK(quality->status == 200);
  CHECK(quality->body == read_text_file(iraq + "/QUALITY.md"));
  std::vector<std::thread> threads;
  std::vector<int> statuses(8, 0);
  for (std::size_t t = 0; t < statuses.size(); ++t)
    threads.emplace_back([&, t] {
      auto c = server.client();
      const auto r = c.Post("/api/scenario",
                            "base = \"../\"\n[[op]]\nkind = \"transfer\"\nfrom = \"State of Law Coalition\"\n"
                            "to = \"Citizens Alliance\"\nshare = \"" +
                                std::to_string(t) + "%\"\n",
                            "application/toml");
      statuses[t] = r ? r->status : -1;
    });
  for (std::thread& thread : threads) thread.join();
  for (const int status : statuses) CHECK(status == 200);
}

TEST_CASE("seatsim serve prints its address, and warns loudly off this machine") {
  // `timeout` stops the server; its status is then 124.
  const RunResult local = run_cli({"-s", "INT", "3", cli(), "serve", iraq, "--port", "0"}, {}, "timeout");
  CHECK(local.out.find("at http://127.0.0.1:") != std::string::npos);
  CHECK(local.err.find("WARNING") == std::string::npos);
  const RunResult open =
      run_cli({"-s", "INT", "3", cli(), "serve", iraq, "--port", "0", "--host", "0.0.0.0"}, {}, "timeout");
  CHECK(open.out.find("at http://0.0.0.0:") != std::string::npos);
  CHECK(open.err.find("WARNING") != std::string::npos);
  const RunResult missing = run_cli({"serve", "no/such/data-set", "--port", "0"});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("no/such/data-set") != std::string::npos);
}

}  // namespace seatsim::test
