#!/usr/bin/env Rscript
# Reduces nzelect's nzge.rda (ellisp/nzelect, pkg1/data/nzge.rda: the Electoral Commission's results per voting
# place, 2002-2017, about 0.9 MB compressed) to what scripts/import_nz_nzelect.py reads: one general election, its
# votes summed over the voting places of each electorate, one line per electorate, vote type (Party or Candidate),
# party and candidate. Summing is the only change; no row is dropped (informal votes stay, marked as nzelect marks
# them), so the importer's totals are nzelect's totals.
#
# Usage: scripts/reduce_nzelect.R nzge.rda YEAR > reduced.csv
# How scenarios/new-zealand-2017/source/nzge-2017-electorates.csv was made:
#   git --git-dir=<mirror of ellisp/nzelect> show \
#     d4f96597e5bdf22bc04f861c98615381679e3c55:pkg1/data/nzge.rda > nzge.rda
#   scripts/reduce_nzelect.R nzge.rda 2017 > scenarios/new-zealand-2017/source/nzge-2017-electorates.csv
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) {
  write("usage: reduce_nzelect.R nzge.rda YEAR > reduced.csv", stderr())
  quit(status = 2)
}
loaded <- load(args[1])
if (!("nzge" %in% loaded)) stop(paste(args[1], "holds no data frame nzge"))
year <- as.integer(args[2])
rows <- nzge[nzge$election_year == year, ]
if (nrow(rows) == 0) stop(paste("no rows for the election of", year))
# A party vote names no candidate; keep it as an empty field rather than NA.
rows$candidate[is.na(rows$candidate)] <- ""
if (any(is.na(rows$votes)) || any(rows$votes != round(rows$votes))) stop("a vote count that is not a whole number")
sums <- aggregate(votes ~ electorate + voting_type + party + candidate, data = rows, FUN = sum)
sums <- sums[order(sums$electorate, sums$voting_type, sums$party, sums$candidate, method = "radix"), ]
sums$votes <- format(sums$votes, scientific = FALSE, trim = TRUE)
write.csv(sums, stdout(), row.names = FALSE, fileEncoding = "UTF-8")
