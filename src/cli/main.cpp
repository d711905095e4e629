// seatsim's command line: registered subcommands, one clear line per error, the exit codes of
// interface.md (0 success, 1 a difference found, 2 bad input or usage).
#include <algorithm>
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/meta.hpp"

namespace {

// The whole message on one line, whatever it quotes from the input: control characters (a NUL
// that would end a C string, a terminal escape) shown as \xNN.
std::string printable(const std::string& message) {
  std::string out;
  for (const char c : message) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

int run_command_line(int argc, char** argv) {
  using namespace seatsim::cli;
  CLI::App app{
      "seatsim: exact seat allocation for elections, with comparison against published results,\n"
      "scenarios, margins and Monte Carlo. Every command has --help. Exit codes: 0 success,\n"
      "1 the result differs from the published one, 2 bad input or usage.",
      "seatsim"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(seatsim::version()));
  std::vector<CommandSpec> specs = registered_commands();
  std::stable_sort(specs.begin(), specs.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const CommandSpec& spec : specs) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    runners.emplace_back(sub, spec.setup(*sub));
    one_value_per_occurrence(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);  // --help, --version
  } catch (const CLI::ParseError& error) {
    std::string message = error.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    std::cerr << "seatsim: " << message << " (see --help)\n";
    return 2;
  }
  try {
    for (const auto& [sub, run] : runners)
      if (sub->parsed()) return run();
  } catch (const seatsim::Error& error) {
    std::cerr << "seatsim: " << printable(error.text()) << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "seatsim: internal error: " << error.what() << '\n';
    return 3;
  }
  return 2;
}

}  // namespace

// Building the command line can throw too (CLI11, allocation); that is an internal error, not a crash.
int main(int argc, char** argv) {
  try {
    return run_command_line(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "seatsim: internal error: " << error.what() << '\n';
  } catch (...) {
    std::cerr << "seatsim: internal error\n";
  }
  return 3;
}
