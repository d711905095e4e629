#!/usr/bin/env python3
"""Imports a New Zealand general election from nzelect's results per voting place (ellisp/nzelect, reduced by
scripts/reduce_nzelect.R) and the published seats of mygov.org.nz (kerihenare/mygov.org.nz-v5) into a seatsim
mixed-member data set: results.csv (party votes, published seats), constituencies.csv (the electorate winners),
districts.csv (the 120 seats of s. 191), election.toml and QUALITY.md.

Every number comes from the source files; nothing is typed in here:
  VOTES         the reduction of nzelect's nzge.rda: electorate,voting_type,party,candidate,votes (summed over the
                voting places). Party votes are the sums of the 'Party' rows; each electorate's winner is the
                candidate with most 'Candidate' votes. Rows whose party starts with 'Informal' are informal votes.
  SEATS         mygov.org.nz's app/data/elections.ts: per election year, per party, electorates, seats and votes.
                Its seats are the published seats; its electorates must equal the winners found in VOTES; its
                votes are only compared (they are off by a vote or two in places).
  --totals      nzelect's test of its totals against the Electoral Commission's published summary
                (pkg1/tests/testthat/test_totals_v_published<year>.R): every total it asserts must be found.
                Optional: nzelect tests only 2014 and 2017; without it every party's votes must equal SEATS'.
  --names       symbol,party: the name in VOTES of each party symbol of SEATS (hand-written, names only).
  --manifest    the hand-written part of election.toml (name, system, source, caveats): text, no numbers.
  --provenance  where each source file comes from (repository, commit, path, blob): Markdown copied into QUALITY.md.

Run from the repository root (scenarios/new-zealand-2017/QUALITY.md names the files):
  S=scenarios/new-zealand-2017/source
  scripts/import_nz_nzelect.py $S/nzge-2017-electorates.csv $S/mygov_elections.ts --year 2017 --date 2017-09-23 \\
    --totals $S/nzelect_test_totals_v_published2017.R.txt --names $S/party_names.csv \\
    --manifest $S/manifest.toml --provenance $S/provenance.md -o scenarios/new-zealand-2017
"""
import argparse
import csv
import os
import re
import sys

from nz_dataset import electorates_won, seat_checks, sha256, write, write_election_toml, write_tables

SCRIPT = "scripts/import_nz_nzelect.py"


def read_votes(path):
    """Party votes per party and candidate votes per electorate, informal votes apart."""
    party_votes, candidates, informal = {}, {}, {"Party": 0, "Candidate": 0}
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            votes = int(row["votes"])
            if row["party"].startswith("Informal"):
                informal[row["voting_type"]] += votes
            elif row["voting_type"] == "Party":
                party_votes[row["party"]] = party_votes.get(row["party"], 0) + votes
            elif row["voting_type"] == "Candidate":
                candidates.setdefault(row["electorate"], []).append((row["candidate"], row["party"], votes))
            else:
                sys.exit(f"{path}:{line}: voting_type '{row['voting_type']}' is neither Party nor Candidate")
    return party_votes, candidates, informal


def electorate_winners(path, candidates, party_votes):
    """(electorate, winner, votes) per electorate; a winner whose party has no party votes stands as an
    independent (independent:NAME), as constituencies.csv writes it."""
    winners = []
    for electorate in sorted(candidates):
        counts = sorted(candidates[electorate], key=lambda c: -c[2])
        if len(counts) > 1 and counts[0][2] == counts[1][2]:
            sys.exit(f"{path}: a tie for first place in '{electorate}'")
        name, party, votes = counts[0]
        winners.append((electorate, party if party in party_votes else f"independent:{name}", votes))
    return winners


def published_rows(path, year):
    """{symbol: (electorates, seats, votes)} of one election year in mygov.org.nz's elections.ts."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    block = re.search(rf"\n\s*{year}: \{{\s*rows: \[(.*?)\]", text, re.S)
    if not block:
        sys.exit(f"{path}: no rows for {year}")
    rows = {}
    for m in re.finditer(r"\{ electorates: (\d+), party: parties\.(\w+), seats: (\d+), votes: ([\d_]+) \}",
                         block.group(1)):
        rows[m.group(2)] = (int(m.group(1)), int(m.group(3)), int(m.group(4).replace("_", "")))
    if not rows or len(rows) != block.group(1).count("party:"):
        sys.exit(f"{path}: the rows of {year} are not all of the form {{ electorates, party, seats, votes }}")
    return rows


def asserted_totals(path, year):
    """(party, voting_type, votes) for each absolute total nzelect's test asserts."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    pattern = (rf'sum\(filter\(GE{year}, party == "([^"]+)" & voting_type == "(Party|Candidate)"\)\$votes\),'
               r"\s*(\d+)\s*\)")
    return [(m.group(1), m.group(2), int(m.group(3))) for m in re.finditer(pattern, text)]


def read_names(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {row["symbol"]: row["party"] for row in csv.DictReader(f)}


def check_totals(totals, party_votes, candidates, checks, faults):
    candidate_votes = {}
    for rows in candidates.values():
        for _, party, votes in rows:
            candidate_votes[party] = candidate_votes.get(party, 0) + votes
    wrong = []
    for party, kind, votes in totals:
        found = (party_votes if kind == "Party" else candidate_votes).get(party, 0)
        if found != votes:
            wrong.append(f"{party} ({kind.lower()} votes) {found}, not {votes}")
    (faults if wrong or not totals else checks).append(
        f"the {len(totals)} totals nzelect's test asserts from the Electoral Commission's summary are the sums here: "
        + "; ".join(f"{p} {k.lower()} votes {v:,}" for p, k, v in totals)
        + (f" (not: {'; '.join(wrong)})" if wrong else "")
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("votes")
    ap.add_argument("seats")
    ap.add_argument("--year", required=True)
    ap.add_argument("--date", required=True)
    ap.add_argument("--totals")
    ap.add_argument("--names", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--provenance", required=True)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    party_votes, candidates, informal = read_votes(args.votes)
    winners = electorate_winners(args.votes, candidates, party_votes)
    rows = published_rows(args.seats, args.year)
    names = read_names(args.names)
    checks, faults = [], []

    unnamed = sorted(s for s in rows if s not in names)
    if unnamed:
        sys.exit(f"{args.names}: no party name for {', '.join(unnamed)}")
    published = {names[s]: seats for s, (_, seats, _) in rows.items() if seats}
    listed = {names[s]: votes for s, (_, _, votes) in rows.items()}
    (faults if set(listed) != set(party_votes) else checks).append(
        f"the {len(party_votes)} parties with party votes are the {len(listed)} parties mygov.org.nz lists for {args.year}"
    )
    differences = [f"{p}: {party_votes[p]:,} here, {v:,} there" for p, v in sorted(listed.items())
                   if p in party_votes and party_votes[p] != v]
    if args.totals:
        check_totals(asserted_totals(args.totals, args.year), party_votes, candidates, checks, faults)
    else:  # no official totals to hold them to: the two sources must agree on every party
        (faults if differences else checks).append(
            f"every party's votes here equal mygov.org.nz's for {args.year} (nzelect asserts no official totals "
            f"for {args.year})")
    won = electorates_won(winners)
    seats_file_won = {names[s]: e for s, (e, _, _) in rows.items() if e}
    (checks if won == seats_file_won else faults).append(
        f"electorate winners per party (most candidate votes in each of {len(winners)} electorates) equal the "
        f"electorates mygov.org.nz lists: {', '.join(f'{p} {n}' for p, n in sorted(won.items()))}"
    )
    seat_checks(party_votes, won, published, checks, faults)

    votes = dict(sorted(party_votes.items(), key=lambda pv: (-pv[1], pv[0])))
    write_tables(args.output, votes, published, winners)
    write_election_toml(args.output, SCRIPT, args.date, args.manifest)
    sources = [p for p in (args.votes, args.seats, args.totals, args.names) if p]
    quality = [
        f"# Quality report: New Zealand general election {args.year}",
        "",
        f"Made by `{SCRIPT}` from the files in source/; nothing was corrected by hand. A test",
        "(tests/test_mixed_member.cpp) re-runs the import and compares every file.",
        "",
        "## Sources",
    ]
    quality += [f"- `{os.path.basename(p)}`: sha256 {sha256(p)}" for p in sources]
    with open(args.provenance, encoding="utf-8") as f:
        quality += ["", "## Provenance", f.read().rstrip("\n")]
    quality += ["", "## Checks"] + [f"- {c}" for c in checks]
    quality += [
        f"- {sum(party_votes.values()):,} valid party votes ({informal['Party']:,} informal left out); "
        f"{informal['Candidate']:,} informal candidate votes left out"
    ]
    quality += ["", f"## Inconsistencies found ({len(faults)})"] + [f"- {c}" for c in faults]
    quality += ["", f"## Party votes that differ from mygov.org.nz's (its votes are not used) ({len(differences)})"]
    quality += [f"- {d}" for d in differences]
    quality += [
        "",
        "## Limits",
        f"- {len(votes)} parties with party votes, {len(winners)} electorates; the electorates' names are nzelect's,"
        " without macrons. constituencies.csv names each winner's party, not the candidate.",
    ]
    write(os.path.join(args.output, "QUALITY.md"), "\n".join(quality) + "\n")
    if faults:
        sys.exit("inconsistencies: " + "; ".join(faults))


if __name__ == "__main__":
    main()
