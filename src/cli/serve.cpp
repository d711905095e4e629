// seatsim serve: the what-if explorer (docs/explorer.md) for one data set, in the browser. Wiring
// only: the routes, the API and the page live in the seatsim_server library (seatsim/explorer.hpp).
#include <iostream>

#include "command.hpp"
#include "seatsim/explorer.hpp"

namespace seatsim::cli {
namespace {

std::string url(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

struct ServeCommand {
  std::string data_set;
  ServeOptions options;

  int run() {
    const Explorer explorer(data_set);
    ExplorerServer server(explorer, options);
    const int port = server.bind();
    if (!is_loopback_host(options.host))
      std::cerr << "seatsim: WARNING: the explorer listens on " << options.host << ":" << port
                << ", so every machine that can reach this address can use it, without a password (it reads "
                   "nothing but this data set). Leave --host out to serve this machine only.\n";
    std::cout << "seatsim: exploring " << explorer.name() << " at " << url(options.host, port) << " (Ctrl-C stops)"
              << std::endl;
    server.listen();
    return 0;
  }
};

const bool registered = register_command({
    "serve",
    "Explore a data set in the browser: rule and swing controls, seats recomputed on every change",
    90,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<ServeCommand>();
      app.footer(
          "Serves a page (built into seatsim: no network) with the rule controls, vote swings, the parliament, the "
          "seats that change, the break points of a slider, the data set's caveats and an export to a scenario "
          "file; and a JSON API under /api/ (info, quality, allocate, compare, scenario, margins) for scripts. See "
          "docs/explorer.md.\nBinds to 127.0.0.1 (this machine only) unless --host says otherwise.\nExample: "
          "seatsim serve scenarios/iraq-2013");
      app.add_option("DATASET", command->data_set,
                     "Data-set folder (election.toml, results.csv, districts.csv) or votes CSV")
          ->required();
      app.add_option("--port,-p", command->options.port, "TCP port (default 8080; 0 picks a free one)")
          ->check(CLI::Range(0, 65535));
      app.add_option("--host", command->options.host,
                     "Address to listen on (default 127.0.0.1; 0.0.0.0 serves every network, with a warning)");
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
