#pragma once
// The subcommand registry. Each command lives in its own file and registers itself with a
// static `register_command(...)`: it adds its options to its CLI11 subcommand and returns the
// function that runs it. main.cpp wires whatever is registered; adding a command touches
// nothing else.
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace seatsim::cli {

using Runner = std::function<int()>;

struct CommandSpec {
  std::string name;
  std::string summary;
  int order = 100;  // position in `seatsim --help`
  std::function<Runner(CLI::App&)> setup;
};

bool register_command(CommandSpec spec);
const std::vector<CommandSpec>& registered_commands();

}  // namespace seatsim::cli
