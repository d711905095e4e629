#pragma once
// How a poll's parties become the base election's lists: a CSV file
//
//   poll_party,base_party,weight
//   Venstre og KrF,Venstre,0.5
//   Venstre og KrF,Kristelig Folkeparti,0.5
//
// A poll party's weights split its share over base lists (or several poll parties add onto one
// list); they are exact decimals greater than 0 and sum to exactly 1 per poll party. A base_party
// that is no list of the base is an error with a "did you mean", unless it is written `new:NAME`:
// then NAME is a new list, standing in every district (its share is spread uniformly: the same
// district share everywhere). A poll party the file does not name maps whole to the base list of
// the same name; if there is none, it is an error with a "did you mean".
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seatsim/core/rational.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/poll_file.hpp"

namespace seatsim {

struct MappingTarget {
  std::string base_party;
  Rational weight;
  bool new_list = false;  // written new:NAME
  std::size_t line = 0;
};

struct PartyMapping {
  std::string source;
  std::map<std::string, std::vector<MappingTarget>> entries;  // poll party -> its targets
};

PartyMapping parse_party_mapping(const CsvTable& table);
PartyMapping read_party_mapping(const std::string& path);

// One poll party resolved against the base lists `base_parties`: the mapping's targets, or the
// list of the same name. Throws seatsim::Error(file, line) (the mapping's row for a bad
// base_party, the poll's row `share` for an unplaced poll party) with the closest names.
std::vector<MappingTarget> resolve_poll_party(const PollShare& share, const std::string& poll_source,
                                              const PartyMapping* mapping,
                                              const std::vector<std::string>& base_parties);

}  // namespace seatsim
