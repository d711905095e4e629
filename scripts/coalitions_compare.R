#!/usr/bin/env Rscript
# coalitions' side of docs/comparison-coalitions.md: one poll of the package's own sample data
# (coalitions::surveys_sample, Emnid, published 2017-08-26), its probabilities computed with the
# steps of the package's get_probabilities() (draw_from_posterior; get_seats at its defaults: 5 % hurdle,
# "others" dropped, Sainte-Laguë/Schepers over 598 seats; have_majority: 300 seats; calculate_probs,
# inclusive and exclusive) and get_entryprobability() (5 %). Writes, into OUTDIR:
#   polls.csv                    the poll in seatsim's poll format (shares as published, in %)
#   coalitions_probabilities.csv measure,subject,probability,n (probability a fraction, n the draws)
# Usage: Rscript scripts/coalitions_compare.R OUTDIR [NSIM] [SEED] [ORDER] [PRIOR]
# PRIOR: "none" (default) draws Dirichlet(votes), votes = sample size x share, the model of seatsim project
# (Dirichlet(n_eff x pooled share)), through draw_from_posterior's own `prior` argument (all zero);
# "jeffreys" keeps the package's default prior of 1/2 per party, Dirichlet(votes + 1/2).
# ORDER: "alphabetical" (default) puts the poll's rows in alphabetical order of party before drawing;
# "published" keeps the package's order (cdu, spd, greens, fdp, left, afd, others). Why: sls() returns
# its seat counts in alphabetical order of the party names (it sorts them, then rle()), while get_seats()
# assigns them to the parties in the order of the draws' columns, so with any other order each party gets
# another party's seats (coalitions 0.6.26; docs/comparison-coalitions.md shows both). The order of
# the rows changes nothing else: the same Dirichlet, the same hurdle, the same seats.
# Needs the R package coalitions (R CMD INSTALL of github.com/adibender/coalitions); not used by CI.
suppressMessages({
  library(coalitions)
  library(dplyr)
  library(tidyr)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: coalitions_compare.R OUTDIR [NSIM] [SEED] [ORDER] [PRIOR]")
out_dir <- args[1]
nsim <- if (length(args) >= 2) as.integer(args[2]) else 10000L
seed <- if (length(args) >= 3) as.numeric(args[3]) else 20170924
row_order <- if (length(args) >= 4) args[4] else "alphabetical"
stopifnot(row_order %in% c("alphabetical", "published"))
prior_kind <- if (length(args) >= 5) args[5] else "none"
stopifnot(prior_kind %in% c("none", "jeffreys"))

poll <- surveys_sample %>%
  unnest(surveys) %>%
  filter(pollster == "emnid", date == as.Date("2017-08-26"))
stopifnot(nrow(poll) == 1)
survey <- poll$survey[[1]]

polls_csv <- data.frame(
  pollster = poll$pollster, fieldwork_end = format(poll$end), sample_size = poll$respondents,
  area = "national", party = as.character(survey$party), share = survey$percent)
write.csv(polls_csv, file.path(out_dir, "polls.csv"), row.names = FALSE, quote = FALSE)
if (row_order == "alphabetical") survey <- survey[order(as.character(survey$party)), ]

coalitions_list <- list(
  c("cdu"), c("cdu", "fdp"), c("cdu", "fdp", "greens"), c("cdu", "greens"), c("cdu", "spd"),
  c("spd"), c("spd", "left"), c("spd", "left", "greens"), c("spd", "fdp", "greens"))

prior <- if (prior_kind == "none") rep(0, nrow(survey)) else NULL   # NULL: the package's 1/2
draws <- draw_from_posterior(survey, nsim = nsim, seed = seed, prior = prior)
seats <- get_seats(draws, survey)                       # hurdle 0.05, sls with n_seats = 598
majority <- have_majority(seats, coalitions_list, seats_majority = 300L)
inclusive <- calculate_probs(majority, coalitions_list, exclude_superior = FALSE)
exclusive <- calculate_probs(majority, coalitions_list, exclude_superior = TRUE)
entry <- get_entryprobability(draws)                     # hurdle 0.05, on the drawn shares

rows <- bind_rows(
  data.frame(measure = "majority", subject = inclusive$coalition, probability = inclusive$probability / 100),
  data.frame(measure = "majority_exclusive", subject = exclusive$coalition,
             probability = exclusive$probability / 100),
  data.frame(measure = "pass_threshold", subject = names(entry), probability = unname(entry)) %>%
    filter(subject != "others"))
rows$n <- nsim
write.csv(rows, file.path(out_dir, "coalitions_probabilities.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("coalitions %s, R %s, nsim %d, seed %s, rows %s (%s), prior %s\n", packageVersion("coalitions"),
            getRversion(), nsim, format(seed), row_order, paste(survey$party, collapse = " "), prior_kind))
print(rows, digits = 4)
