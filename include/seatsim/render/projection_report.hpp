#pragma once
// The tables of a projection from polls (analysis/projection.hpp): per party the base and poll
// shares, the seats of the base and of the point projection and, with draws, the mean, median and
// 80/90/95/99 % intervals and the probability of passing each national threshold; per coalition
// the probability of a majority (inclusive and exclusive); per district and list the projected
// votes and seats. Fixed decimals, so that equal results give byte-identical text.
#include <string>
#include <vector>

#include "seatsim/analysis/projection.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/render/table.hpp"

namespace seatsim {

struct ProjectionTables {
  Table parties;     // party,base_share,poll_share,base_seats,seats[,mean,median,lo80,hi80,...,p_pass ...]
  Table coalitions;  // coalition,parties,seats[,mean,p_majority,p_majority_exclusive]
  Table districts;   // district,party,base_votes,votes,base_seats,seats[,mean,p_more,p_fewer]
  Table histogram;   // party,seats,count,probability (with draws: every seat count up to the most seen)
};

ProjectionTables projection_tables(const Election& base, const ProjectionResult& result);

// How a projection was made, into `meta`: the seed, and in meta.extra the poll source (`polls`: the
// file, or what the explorer was sent), the swing (its text and in words), the draws, the pooled
// effective sample size and the coalitions asked for.
void describe_projection(Meta& meta, const std::string& polls, const ProjectionOptions& options,
                         const ProjectionResult& result);

// `seatsim project --format json`'s document, which the explorer's /api/project sends too: `meta`,
// `parties`, `coalitions`, `districts`, `histogram` (records of projection_tables), `house_effects`
// (pollster, party, points, given), `warnings` (the poll reader's, then the projection's) and `notes`
// (the point allocation's).
Json projection_document(const Meta& meta, const ProjectionTables& tables, const ProjectionResult& result,
                         const std::vector<std::string>& reading_warnings);

}  // namespace seatsim
