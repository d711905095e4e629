#!/usr/bin/env python3
"""Makes the Bundestag 2025 mixed-member data set (per Land, with the constituency winners) from the
project's own files; nothing is typed in here:
  KERG2      the Wahlkreis first-vote rows of the Bundeswahlleiterin's kerg2.csv (reduced by
             scripts/reduce_kerg2_wahlkreise.sh, each line byte for byte): per Wahlkreis the votes of each
             party's and each independent candidate's first votes and the valid first votes;
  --laender  laender.csv of scenarios/germany-2025 (written by `seatsim import kerg2`): second votes and
             published seats per Land and party, copied as results.csv;
  --manifest the hand-written part of election.toml (text and [rule], no numbers).
Each Wahlkreis's winner is the group with most first votes (a tie stops the import); winner_votes and
valid_votes are copied as whole numbers. districts.csv gives each Land the seats it was published with.

Run from the repository root:
  scripts/import_kerg2_constituencies.py scenarios/germany-2025-laender/source/kerg2-wahlkreise-erststimmen.csv \\
    --laender scenarios/germany-2025/laender.csv --manifest scenarios/germany-2025-laender/source/manifest.toml \\
    -o scenarios/germany-2025-laender
"""
import argparse
import csv
import hashlib
import io
import os
import sys


def read_kerg2(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = [line for line in f.read().splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    lands = {r["Gebietsnummer"]: r["Gebietsname"] for r in rows if r["Gebietsart"] == "Land"}
    areas = {}  # number -> {name, land, valid, groups: [(kind, name, votes)]}
    for r in rows:
        if r["Gebietsart"] != "Wahlkreis" or r["Stimme"] != "1":
            continue
        area = areas.setdefault(r["Gebietsnummer"], {"name": r["Gebietsname"], "land": r["UegGebietsnummer"],
                                                     "valid": None, "groups": []})
        if not r["Anzahl"].isdigit():
            sys.exit(f"{path}: Wahlkreis {r['Gebietsnummer']}: '{r['Anzahl']}' is not a whole number")
        if r["Gruppenart"] == "System-Gruppe" and r["Gruppenname"] == "Gültige":
            area["valid"] = int(r["Anzahl"])
        elif r["Gruppenart"] != "System-Gruppe":
            area["groups"].append((r["Gruppenart"], r["Gruppenname"], int(r["Anzahl"])))
    return lands, areas


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def csv_text(header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kerg2")
    ap.add_argument("--laender", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    lands, areas = read_kerg2(args.kerg2)
    with open(args.laender, encoding="utf-8", newline="") as f:
        laender_text = f.read()
    laender = list(csv.DictReader(io.StringIO(laender_text)))
    parties = {r["party"] for r in laender}
    checks, faults = [], []

    rows, won = [], {}
    for number in sorted(areas):
        area = areas[number]
        if area["valid"] is None:
            faults.append(f"Wahlkreis {number}: no valid first votes")
            continue
        best = max(v for _, _, v in area["groups"])
        top = [(kind, name, v) for kind, name, v in area["groups"] if v == best]
        if len(top) != 1:
            sys.exit(f"Wahlkreis {number}: a tie for first place")
        kind, name, votes = top[0]
        winner = name if kind == "Partei" else "independent:" + name
        if kind == "Partei" and name not in parties:
            faults.append(f"Wahlkreis {number}: winner '{name}' has no second votes in laender.csv")
        if sum(v for _, _, v in area["groups"]) != area["valid"]:
            faults.append(f"Wahlkreis {number}: the first votes do not add up to the valid votes")
        land = lands.get(area["land"])
        if land is None:
            sys.exit(f"Wahlkreis {number}: unknown Land {area['land']}")
        rows.append((f"{number} {area['name']}", land, winner, votes, area["valid"]))
        won[winner] = won.get(winner, 0) + 1
    checks.append(f"{len(rows)} Wahlkreise, each with one winner (most first votes, no tie): " +
                  ", ".join(f"{p} {n}" for p, n in sorted(won.items())))
    checks.append("in every Wahlkreis the groups' first votes add up to the valid first votes" if not any(
        "add up" in f for f in faults) else "first votes checked against the valid votes")
    seats = {}
    for r in laender:
        seats[r["district"]] = seats.get(r["district"], 0) + int(r["published_seats"] or 0)
    checks.append(f"published seats of the {len(seats)} Länder add up to {sum(seats.values())}")

    os.makedirs(args.output, exist_ok=True)
    write(os.path.join(args.output, "results.csv"), laender_text)
    write(os.path.join(args.output, "constituencies.csv"),
          csv_text(["constituency", "region", "winner", "winner_votes", "valid_votes"], rows))
    write(os.path.join(args.output, "districts.csv"),
          csv_text(["district", "seats", "reserved"], [(land, n, 0) for land, n in seats.items()]))
    with open(args.manifest, encoding="utf-8") as f:
        manifest = f.read()
    write(os.path.join(args.output, "election.toml"),
          "# Written by scripts/import_kerg2_constituencies.py (see QUALITY.md). Do not edit here: edit\n"
          "# source/manifest.toml and re-import; a test checks that the import reproduces this folder.\n"
          'date = "2025-02-23"\n' + manifest)
    sha = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()
    quality = ["# Quality report: Bundestag election 2025 per Land, with the constituency winners", "",
               "Made by `scripts/import_kerg2_constituencies.py`; nothing was corrected by hand. A test",
               "(tests/test_mixed_member.cpp) re-runs the import and compares every file.", "", "## Sources",
               f"- `{os.path.basename(args.kerg2)}`: sha256 {sha(args.kerg2)}",
               f"- `laender.csv` of scenarios/germany-2025: sha256 {sha(args.laender)}", "", "## Checks"]
    quality += [f"- {c}" for c in checks]
    quality += ["", f"## Inconsistencies found ({len(faults)})"] + [f"- {c}" for c in faults]
    write(os.path.join(args.output, "QUALITY.md"), "\n".join(quality) + "\n")
    if faults:
        sys.exit("inconsistencies: " + "; ".join(faults))


if __name__ == "__main__":
    main()
