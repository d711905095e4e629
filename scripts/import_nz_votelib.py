#!/usr/bin/env python3
"""Imports a New Zealand general election from simberaj/votelib's test data into a seatsim
mixed-member data set: results.csv (party votes, published seats), constituencies.csv (the
electorate winners), districts.csv (the 120 seats of s. 191), election.toml and QUALITY.md.

Every number comes from the two source files; nothing is typed in here:
  TEST_FILE     votelib tests/real/test_real_mmp.py (kept as votelib_test_real_mmp.py.txt, so that no test
                runner collects it): the party votes (NZ_LEG_<year>_PARTY_VOTE), and in
                test_nz_leg_<year> the electorate seats per party and the published seats per party
                (the asserted dictionaries; read with Python's ast, never executed);
  ELECTORATES   votelib tests/real/data/nz_leg_<year>_electorate.csv: candidate votes per electorate
                (';'-separated, one column per party); the winner is the candidate with most votes.
  --manifest    the hand-written part of election.toml (name, source, caveats): text, no numbers.

Run from the repository root:
  scripts/import_nz_votelib.py scenarios/new-zealand-2014/source/votelib_test_real_mmp.py.txt \\
    scenarios/new-zealand-2014/source/nz_leg_2014_electorate.csv --year 2014 --date 2014-09-20 \\
    --manifest scenarios/new-zealand-2014/source/manifest.toml -o scenarios/new-zealand-2014
"""
import argparse
import ast
import csv
import os
import sys

from nz_dataset import electorates_won, seat_checks, sha256, write, write_election_toml, write_tables


def literal_dicts(tree, year):
    """The party votes, and the asserted electorate and total seats of test_nz_leg_<year>."""
    votes = None
    asserted = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == f"NZ_LEG_{year}_PARTY_VOTE" for t in node.targets
        ):
            votes = ast.literal_eval(node.value)
        if isinstance(node, ast.FunctionDef) and node.name == f"test_nz_leg_{year}":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Assert) and isinstance(inner.test, ast.Compare):
                    asserted.append(ast.literal_eval(inner.test.comparators[0]))
    if votes is None or len(asserted) != 2:
        sys.exit(f"no NZ_LEG_{year}_PARTY_VOTE or not two asserted results in test_nz_leg_{year}")
    return votes, asserted[0], asserted[1]


def electorate_winners(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    parties = rows[0][1:]
    winners = []
    for row in rows[1:]:
        counts = [int(v) for v in row[1:]]
        best = max(counts)
        if counts.count(best) != 1:
            sys.exit(f"{path}: a tie for first place in '{row[0]}'")
        winners.append((row[0], parties[counts.index(best)], best))
    return winners


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("test_file")
    ap.add_argument("electorates")
    ap.add_argument("--year", required=True)
    ap.add_argument("--date", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    with open(args.test_file, encoding="utf-8") as f:
        votes, electorate_seats, published = literal_dicts(ast.parse(f.read()), args.year)
    winners = electorate_winners(args.electorates)
    checks, faults = [], []

    won = electorates_won(winners)
    (checks if won == electorate_seats else faults).append(
        f"electorate winners per party (most candidate votes in each of {len(winners)} electorates) equal votelib's "
        f"asserted electorate seats: {', '.join(f'{p} {n}' for p, n in sorted(won.items()))}"
    )
    seat_checks(votes, won, published, checks, faults)

    write_tables(args.output, votes, published, winners)
    write_election_toml(args.output, "scripts/import_nz_votelib.py", args.date, args.manifest)
    sources = [args.test_file, args.electorates]
    quality = [
        f"# Quality report: New Zealand general election {args.year}",
        "",
        "Made by `scripts/import_nz_votelib.py` from the files in source/; nothing was corrected by hand. A test",
        "(tests/test_mixed_member.cpp) re-runs the import and compares every file.",
        "",
        "## Sources (copied unchanged)",
    ]
    quality += [f"- `{os.path.basename(p)}`: sha256 {sha256(p)}" for p in sources]
    quality += ["", "## Checks"] + [f"- {c}" for c in checks]
    quality += ["", f"## Inconsistencies found ({len(faults)})"] + [f"- {c}" for c in faults]
    quality += [
        "",
        "## Limits",
        f"- {len(votes)} parties with party votes; the electorate file holds the candidates of the parties that won"
        " seats, enough to name each electorate's winner but not its valid votes.",
    ]
    write(os.path.join(args.output, "QUALITY.md"), "\n".join(quality) + "\n")
    if faults:
        sys.exit("inconsistencies: " + "; ".join(faults))


if __name__ == "__main__":
    main()
