#!/usr/bin/env python3
"""Convert polls of Europe Elects' PSV files (github.com/filipvanlaenen/eopaod, data/polls/*.psv: one
poll per line, columns separated by '|') into seatsim's poll CSV
(pollster,fieldwork_end,sample_size,area,party,share). Only national polls (Scope N) with a plain
sample size are kept; the 'Other' column is left out (seatsim keeps the lists no poll names at their
base share). Shares are copied as written: no number passes through floating point.

Usage: scripts/eopaod_polls.py PSV_FILE --first N > polls.csv
"""
import argparse
import csv
import sys

FIXED = ["Polling firm", "Commissioners", "Fieldwork Start", "Fieldwork End", "Scope", "Sample Size",
         "Participation", "Precision"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("psv")
    parser.add_argument("--first", type=int, default=5, help="the first N national polls (newest first)")
    args = parser.parse_args()
    with open(args.psv, encoding="utf-8") as f:
        rows = [[cell.strip() for cell in line.split("|")] for line in f if line.strip()]
    header, polls = rows[0], rows[1:]
    parties = [name for name in header if name not in FIXED and name != "Other"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["pollster", "fieldwork_end", "sample_size", "area", "party", "share"])
    kept = 0
    for poll in polls:
        record = dict(zip(header, poll))
        if record["Scope"] != "N" or not record["Sample Size"].isdigit():
            continue
        for party in parties:
            if record[party] not in ("", "—", "N/A"):
                out.writerow([record["Polling firm"], record["Fieldwork End"], record["Sample Size"], "national",
                              party, record[party]])
        kept += 1
        if kept == args.first:
            break


if __name__ == "__main__":
    main()
