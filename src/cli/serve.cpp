// seatsim serve: the what-if explorer (docs/explorer.md) for one data set, in the browser. Wiring
// only: the routes, the API and the page live in the seatsim_server library (seatsim/server/explorer.hpp).
#include <chrono>
#include <cstdint>
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/server/explorer.hpp"

namespace seatsim::cli {
namespace {

std::chrono::milliseconds milliseconds(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

struct ServeCommand {
  std::string data_set;
  RuleFlags rule;
  ServeOptions options;
  ExplorerLimits limits;
  double max_time = 10, read_time = 5;  // seconds

  int run() {
    limits.max_time = milliseconds(max_time);
    options.read_time = milliseconds(read_time);
    const Explorer explorer(data_set, limits, rule.sources(), rule.seat_overrides());
    ExplorerServer server(explorer, options);
    const int port = server.bind();
    if (!is_loopback_host(options.host))
      std::cerr << "seatsim: WARNING: the explorer listens on " << options.host << ":" << port
                << ", so every machine that can reach this address can use it, without a password (it reads "
                   "nothing but this data set). Leave --host out to serve this machine only.\n";
    std::cout << "seatsim: exploring " << explorer.name() << " at " << explorer_url(options.host, port)
              << " (Ctrl-C stops)" << std::endl;
    server.listen();
    return 0;
  }
};

void add_limit_flags(CLI::App& app, ServeCommand& command) {
  app.add_option("--max-request-seats", command.limits.max_seats,
                 "Most seats (all districts) a request may allocate (default 100000)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}));
  app.add_option("--max-lists", command.limits.max_lists,
                 "Most lists (all districts) a request may allocate (default 10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  app.add_option("--max-sweep-values", command.limits.max_sweep_values,
                 "Most values a scenario's [sweep] may have (default 1000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}));
  app.add_option("--max-draws", command.limits.max_draws,
                 "Most Monte Carlo draws a projection from polls (/api/project) may ask for (default 20000)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
  app.add_option("--max-reply", command.limits.max_reply, "Most bytes of a reply (default 16777216, 16 MiB)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 34));
  app.add_option("--max-time", command.max_time, "Seconds of work a request may take (default 10)")
      ->check(CLI::Range(0.001, 3600.0));
  app.add_option("--max-body", command.options.max_body, "Most bytes of a request body (default 262144, 256 KiB)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30));
  app.add_option("--read-time", command.read_time, "Seconds a client has to send a whole request (default 5)")
      ->check(CLI::Range(0.001, 3600.0));
  app.add_option("--backlog", command.options.backlog, "Connections waiting to be accepted (default 128)")
      ->check(CLI::Range(1, 65535));
}

const bool registered = register_command({
    "serve",
    "Explore a data set in the browser: rule and swing controls, seats recomputed on every change",
    90,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ServeCommand>();
      app.footer(
          "Serves a page (built into seatsim: no network) with the rule controls, vote swings, the parliament, the "
          "seats that change, the break points of a slider, the data set's caveats and an export to a scenario "
          "file; and a JSON API under /api/ (info, quality, allocate, compare, scenario, margins, project) for "
          "scripts. See "
          "docs/explorer.md.\nBinds to 127.0.0.1 (this machine only) unless --host says otherwise.\nExample: "
          "seatsim serve scenarios/iraq-2013\nLimits: a request beyond --max-request-seats, --max-lists, "
          "--max-sweep-values, --max-draws, "
          "--max-reply or --max-time gets HTTP 422, a body beyond --max-body 413, a request not sent within "
          "--read-time 408; each message names its limit (docs/explorer.md, docs/reliability.md).");
      app.add_option("DATASET", command->data_set,
                     "Data-set folder (election.toml, results.csv, districts.csv), votes CSV, or a scenario file "
                     "without a sweep")
          ->required();
      app.add_option("--port,-p", command->options.port, "TCP port (default 8080; 0 picks a free one)")
          ->check(CLI::Range(0, 65535));
      app.add_option("--host", command->options.host,
                     "Address to listen on (default 127.0.0.1; 0.0.0.0 serves every network, with a warning)");
      add_limit_flags(app, *command);
      // The rule the page starts from: the data set's, then --system, then these flags, as for `compare`.
      add_rule_flags(app, command->rule);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
