#pragma once
// The single-member constituencies of a mixed-member election (the "first votes"): who won each,
// in which region (a district of the list votes) it lies, and, where the law ranks winners
// (Germany's second-vote coverage), the winner's votes and the constituency's valid votes as whole
// numbers, never as a rounded share.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace seatsim {

struct ConstituencyResult {
  std::string name;
  std::string region;  // the district of the list votes it lies in
  std::string winner;  // the winner's party (a list of the votes), or the candidate's name when independent
  bool independent = false;
  std::optional<std::int64_t> winner_votes;  // the winner's first votes
  std::optional<std::int64_t> valid_votes;   // the constituency's valid first votes
  std::size_t line = 0;                      // where it was read, for error messages
};

}  // namespace seatsim
