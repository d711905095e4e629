#pragma once
// Polls in the Rich Opinion Poll File format (ROPF) of ASAPOP and Europe Elects
// (github.com/filipvanlaenen/asapop, README "Rich Opinion Poll File Format"), read into the same
// PollSet as the CSV poll file (poll_file.hpp). One poll per line:
//
//   •PF: ACME •FS: 2021-07-14 •FE: 2021-07-20 •SC: N •SS: 1000 A:55 B:43 •O:2
//
// metadata fields "•KEY: value" and results "KEY:value"; then one line per electoral list,
// "A: •A: AP •EN: Apple Party". What is read: PF (the pollster; "unknown" when absent), FE (else
// PD) as fieldwork_end, SS as the sample size (required), A as the area (default national), the
// results as exact decimal percentages. A poll's party is its list's official abbreviation (•A)
// where the list line gives one, else its key. Left out, each said in the warnings: response
// scenarios (lines starting with '&'; the main scenario is read), polls of another scope than N
// (national parliament), and •O (other: the lists no poll names keep their base share). Blank
// lines and lines starting with '=' (comments) are skipped. Errors name the file and the line.
#include <string>
#include <string_view>
#include <vector>

#include "seatsim/io/poll_file.hpp"

namespace seatsim {

PollSet parse_ropf(std::string_view text, const std::string& source, std::vector<std::string>* warnings = nullptr);
PollSet read_ropf_file(const std::string& path, std::vector<std::string>* warnings = nullptr);

}  // namespace seatsim
