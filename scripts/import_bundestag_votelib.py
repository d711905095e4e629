#!/usr/bin/env python3
"""Imports the Bundestag election 2017 from simberaj/votelib's test data into a seatsim mixed-member data set
per Land: results.csv (second votes per Land list, the published seats where the source gives them per Land),
constituencies.csv (the Wahlkreis winners), districts.csv (each Land's German population), national.csv (the
published seats per party), election.toml and QUALITY.md.

Every number comes from the two source files; nothing is typed in here:
  TEST_FILE     votelib tests/real/test_real_mmp.py (kept as votelib_test_real_mmp.py.txt, so that no test runner
                collects it), read with Python's ast, never executed: the German population of each Land
                (`land_inhab` in get_de_bdt_evaluator) and, in test_de_bdt_<year>, the asserted seats per party
                and per party in one Land;
  WAHLKREISE    votelib tests/real/data/de_bdt_<year>.csv: per Wahlkreis and Land, first and second votes of the
                parties listed (';'-separated; two header rows); the winner is the party with most first votes.
  --manifest    the hand-written part of election.toml (name, source, caveats): text, no numbers.

Run from the repository root:
  scripts/import_bundestag_votelib.py scenarios/germany-2017/source/votelib_test_real_mmp.py.txt \\
    scenarios/germany-2017/source/de_bdt_2017.csv --year 2017 --date 2017-09-24 \\
    --manifest scenarios/germany-2017/source/manifest.toml -o scenarios/germany-2017
"""
import argparse
import ast
import csv
import os
import sys

from dataset_files import csv_text, sha256, write


def assigned_dict(function, name):
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def function(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    sys.exit(f"no function {name} in the test file")


def asserted(test):
    """The asserted results of the test: (None, national) and (Land, per party in the Land)."""
    out = []
    for node in ast.walk(test):
        if isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare):
            left = node.test.left
            land = None
            if isinstance(left, ast.Subscript):
                land = ast.literal_eval(left.slice)
            out.append((land, ast.literal_eval(node.test.comparators[0])))
    return out


def read_wahlkreise(path):
    """Per Wahlkreis: (name, Land, {party: first votes}, {party: second votes})."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    parties = [p for p in rows[0][2:] if p]
    kinds = rows[1][2:]
    if kinds[0::2] != ["Erststimmen"] * len(parties) or kinds[1::2] != ["Zweitstimmen"] * len(parties):
        sys.exit(f"{path}: line 2 is not Erststimmen;Zweitstimmen for each of {len(parties)} parties")
    out = []
    for number, row in enumerate(rows[2:], start=3):
        if len(row) != 2 + 2 * len(parties):
            sys.exit(f"{path}:{number}: {len(row)} fields, expected {2 + 2 * len(parties)}")
        counts = [int(v) if v else 0 for v in row[2:]]
        out.append((row[0], row[1], dict(zip(parties, counts[0::2])), dict(zip(parties, counts[1::2]))))
    return parties, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("test_file")
    ap.add_argument("wahlkreise")
    ap.add_argument("--year", required=True)
    ap.add_argument("--date", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    with open(args.test_file, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    population = assigned_dict(function(tree, "get_de_bdt_evaluator"), "land_inhab")
    results = asserted(function(tree, f"test_de_bdt_{args.year}"))
    national = [r for land, r in results if land is None]
    per_land = {land: r for land, r in results if land is not None}
    if population is None or len(national) != 1:
        sys.exit("no land_inhab in get_de_bdt_evaluator or not one asserted national result")
    national = national[0]
    parties, wahlkreise = read_wahlkreise(args.wahlkreise)
    checks, faults = [], []

    laender = []
    for _, land, _, _ in wahlkreise:
        if land not in laender:
            laender.append(land)
    (checks if sorted(laender) == sorted(population) else faults).append(
        f"the {len(laender)} Länder of the Wahlkreise are the {len(population)} Länder with a population")
    votes = {land: {p: 0 for p in parties} for land in laender}
    winners, won = [], {}
    for name, land, first, second in wahlkreise:
        for p in parties:
            votes[land][p] += second[p]
        best = max(first.values())
        top = [p for p in parties if first[p] == best]
        if len(top) != 1:
            faults.append(f"a tie for the most first votes in '{name}'")
        winners.append((name, land, top[0]))
        won[top[0]] = won.get(top[0], 0) + 1
    checks.append(f"{len(winners)} Wahlkreise, each won by the party with most first votes: "
                  + ", ".join(f"{p} {n}" for p, n in sorted(won.items())))
    no_list = sorted({f"{p} in {land}" for _, land, p in winners if votes[land][p] == 0})
    (faults if no_list else checks).append(
        "every winner's party has second votes in the winner's Land" + (f" (not: {', '.join(no_list)})" if no_list else ""))
    total = sum(national.values())
    checks.append(f"published seats per party (votelib's asserted result) add up to {total}")
    unknown = sorted(p for p in list(national) + [p for r in per_land.values() for p in r] if p not in parties)
    (faults if unknown else checks).append(
        "every party with published seats has votes" + (f" (not: {', '.join(unknown)})" if unknown else ""))
    for land, seats in per_land.items():
        (checks if land in votes else faults).append(
            f"published seats in {land}: {sum(seats.values())} ({', '.join(f'{p} {n}' for p, n in seats.items())})")

    os.makedirs(args.output, exist_ok=True)
    rows = []
    for land in laender:
        for p in parties:
            if votes[land][p] > 0:
                published = per_land[land].get(p, 0) if land in per_land else ""
                rows.append((land, p, votes[land][p], published))
    write(os.path.join(args.output, "results.csv"), csv_text(["district", "party", "votes", "published_seats"], rows))
    write(os.path.join(args.output, "constituencies.csv"),
          csv_text(["constituency", "region", "winner"], winners))
    # A Land's seats under the 2013 law are the count's outcome; `seats` holds its Wahlkreise (its fewest seats).
    wk_count = {land: sum(1 for _, l, _ in winners if l == land) for land in laender}
    write(os.path.join(args.output, "districts.csv"),
          csv_text(["district", "seats", "reserved", "population"],
                   [(land, wk_count[land], 0, population[land]) for land in laender]))
    write(os.path.join(args.output, "national.csv"),
          csv_text(["party", "votes", "published_seats"],
                   [(p, sum(votes[land][p] for land in laender), national.get(p, 0)) for p in parties]))
    with open(args.manifest, encoding="utf-8") as f:
        manifest = f.read()
    write(os.path.join(args.output, "election.toml"),
          "# Written by scripts/import_bundestag_votelib.py from source/ (see QUALITY.md). Do not edit here: edit\n"
          "# source/manifest.toml and re-import; a test checks that the import reproduces this folder.\n"
          f'date = "{args.date}"\n' + manifest)
    quality = [
        f"# Quality report: Bundestag election {args.year} per Land, with the constituency winners",
        "",
        "Made by `scripts/import_bundestag_votelib.py` from the files in source/; nothing was corrected by hand. A",
        "test (tests/test_germany_2013.cpp) re-runs the import and compares every file.",
        "",
        "## Sources (copied unchanged)",
    ]
    quality += [f"- `{os.path.basename(p)}`: sha256 {sha256(p)}" for p in (args.test_file, args.wahlkreise)]
    quality += ["", "## Checks"] + [f"- {c}" for c in checks]
    quality += ["", f"## Inconsistencies found ({len(faults)})"] + [f"- {c}" for c in faults]
    quality += [
        "",
        "## Limits",
        f"- the Wahlkreis file holds the votes of {len(parties)} parties ({', '.join(parties)}), not every party"
        " nor the valid votes: the 5% threshold is taken on these parties' second votes (no party near 5% is"
        " missing), and the winners' first-vote shares are unknown (the 2013 law does not rank winners).",
        "- published seats: per party nationally (national.csv) and per party in "
        + (", ".join(per_land) if per_land else "no Land") + " (results.csv); the other Länder's rows have no"
        " published seats.",
    ]
    write(os.path.join(args.output, "QUALITY.md"), "\n".join(quality) + "\n")
    if faults:
        sys.exit("inconsistencies: " + "; ".join(faults))


if __name__ == "__main__":
    main()
