// Fuzz target: `seatsim serve`'s request path, without a socket. The first byte chooses:
//  - even: the rest is raw bytes on a connection (one or more pipelined requests) through
//    cpp-httplib's parser, the server's checks (Host, Origin, encodings, body limit) and the
//    explorer (ExplorerServer::exchange);
//  - odd: the rest is one API call built from parts (method, route, query, content type, body),
//    straight to Explorer::handle.
// Checks, for every input:
//  - nothing throws, and nothing answers 500 (an internal error is a bug);
//  - every reply the explorer makes is JSON (or the page's files, or QUALITY.md) and an error
//    names no exception of a library ("json.exception", "what()");
//  - no reply carries the first line of a file the request named (a canary file written at start,
//    its path in fuzz/http.dict), whatever key or parameter named it;
//  - raw replies are HTTP/1.1 status lines with a known status.
// The data set is tests/data/synthetic-reserved (three districts); the limits are small so that
// every input runs in milliseconds.
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/server/explorer.hpp"

using namespace seatsim;

namespace {

const std::string canary_path = "/tmp/seatsim-fuzz-canary.csv";
const std::string canary = "FUZZ-CANARY-FIRST-LINE";

ExplorerLimits small_limits() {
  ExplorerLimits limits;
  limits.max_seats = 2'000;
  limits.max_lists = 200;
  limits.max_sweep_values = 60;
  limits.max_draws = 200;  // /api/project
  limits.max_reply = 1 << 20;
  limits.max_time = std::chrono::milliseconds(2'000);
  return limits;
}

const Explorer& explorer() {
  static const Explorer instance = [] {
    std::ofstream(canary_path) << canary << ",party,threshold,min,max,district,seats\nx,A,1%,1,2,North,1\n";
    return Explorer(SEATSIM_FUZZ_DATA_SET, small_limits());
  }();
  return instance;
}

ExplorerServer& server() {
  static ExplorerServer instance(explorer(), [] {
    ServeOptions options;
    options.max_body = 16 * 1024;
    return options;
  }());
  return instance;
}

bool known_status(int status) {
  for (const int known : {200, 400, 403, 404, 405, 408, 413, 414, 415, 416, 417, 422, 501})
    if (status == known) return true;
  return false;
}

// `request` is the input: an error message may quote what the request said, and a phrase the
// request itself carries is an echo, not a finding.
void check_reply_text(const std::string& text, std::string_view request) {
  const auto says = [&](std::string_view phrase) {
    return text.find(phrase) != std::string::npos && request.find(phrase) == std::string_view::npos;
  };
  FUZZ_CHECK(!says(canary), "a reply carries the canary file's content");
  FUZZ_CHECK(!says("json.exception"), "a reply names a library's exception");
  FUZZ_CHECK(!says("internal error"), "an internal error");
}

void check_explorer_response(const ExplorerResponse& response, std::string_view request) {
  FUZZ_CHECK(known_status(response.status), "unexpected status " + std::to_string(response.status));
  check_reply_text(response.body, request);
  if (response.content_type.rfind("application/json", 0) == 0) {
    const Json json = Json::parse(response.body, nullptr, false);
    FUZZ_CHECK(!json.is_discarded(), "a JSON reply that does not parse");
    if (response.status >= 400) FUZZ_CHECK(json.contains("error"), "an error reply without 'error'");
  }
}

// Every status line of a raw reply (pipelined requests get several). "100 Continue" is the interim reply
// HTTP/1.1 owes a request that says "Expect: 100-continue"; the final reply follows it.
bool known_raw_status(int status) { return status == 100 || known_status(status); }

void check_raw_reply(const std::string& reply, std::string_view request) {
  check_reply_text(reply, request);
  std::size_t at = 0;
  for (int replies = 0; replies < 64; ++replies) {
    at = reply.find("HTTP/1.1 ", at);
    if (at == std::string::npos) break;
    if (at + 12 > reply.size()) break;
    const std::string code = reply.substr(at + 9, 3);
    if (code.find_first_not_of("0123456789") == std::string::npos)
      FUZZ_CHECK(known_raw_status(std::stoi(code)), "unexpected raw status " + code);
    at += 12;
  }
}

const std::vector<std::string> methods = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"};
const std::vector<std::string> routes = {
    "/api/info", "/api/allocate", "/api/compare", "/api/scenario",     "/api/margins", "/api/quality",
    "/",         "/explorer.js",  "/api/nothing", "/../../etc/passwd", "/api/project"};
const std::vector<std::string> content_types = {"", "application/json", "application/x-www-form-urlencoded",
                                                "application/toml", "text/plain"};

// Three parts separated by the byte 0xff: the query, the body, the rest ignored.
ExplorerRequest structured(fuzz::Bytes& bytes) {
  ExplorerRequest request;
  request.method = methods[bytes.below(methods.size(), 1)];
  request.path = routes[bytes.below(routes.size(), 1)];
  request.content_type = content_types[bytes.below(content_types.size(), 1)];
  const std::string_view rest = bytes.rest();
  const std::size_t split = rest.find('\xff');
  request.params = parse_query(rest.substr(0, split));
  if (split != std::string_view::npos) request.body = std::string(rest.substr(split + 1));
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 64 * 1024) return 0;
  fuzz::Bytes bytes(data, size);
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const bool raw = bytes.u64(1) % 2 == 0;
  if (raw) {
    check_raw_reply(server().exchange(bytes.rest()), input);
  } else {
    check_explorer_response(explorer().handle(structured(bytes)), input);
  }
  return 0;
}
