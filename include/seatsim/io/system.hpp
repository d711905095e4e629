#pragma once
// An electoral system as one value: what it is (body, country, years in force, the statute behind
// each rule, what is not modelled, the elections it reproduces) and its rule (the keys of
// seatsim/io/rule_keys.hpp). Systems are read and written as `[system]` in TOML or `{"system": ...}`
// in JSON by seatsim/io/system_file.hpp, the same for the library in systems/, data sets, scenario files,
// the command line's `--system`, the explorer and Python.
#include <map>
#include <string>
#include <vector>

#include "seatsim/io/rule_settings.hpp"

namespace seatsim {

// The serialization's version: a reader refuses a file that names a later one.
inline constexpr int system_schema_version = 1;

// An election the system reproduces, as a test checks it.
struct Verification {
  std::string election;  // "Storting 2021"
  std::string data;      // where the test reads it: "../shared/data/norway_2021_storting_full.csv"
  std::string matched;   // "19/19 districts"

  bool operator==(const Verification&) const = default;
};

struct System {
  int schema_version = system_schema_version;
  std::string name;                             // the library's name: "norway-storting-2005"
  std::string title;                            // "Norway, Storting (since 2005)"
  std::string body;                             // "Storting"
  std::string country;                          // "Norway"
  std::string in_force;                         // "2005–" or "2013" or "2018–2022"
  std::string statute;                          // the law as a whole
  std::map<std::string, std::string> statutes;  // rule key -> the article behind it
  std::vector<std::string> not_modelled;        // what the law says that the rule leaves out
  std::vector<std::string> notes;
  std::vector<Verification> verified;
  RuleSettings rule;

  bool operator==(const System&) const = default;
};

}  // namespace seatsim
