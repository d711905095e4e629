#!/usr/bin/env python3
"""Writes results.csv of the constructed Danish example: NOT an election result.

Each storkreds gets `electorate` valid votes (a round number of thousands); each party's votes there are
electorate × share × (1 + lean/100), rounded down, where `share` is a round national share and `lean` a
per-landsdel tilt written below. The numbers exercise every route of Folketingsvalgloven § 77: K wins no seat
and stays under 2 %; Q is tiny; the others pass 2 %. Re-run to regenerate; do not edit results.csv by hand.
"""
import csv
import sys

STORKREDSE = [  # name, landsdel, valid votes (constructed)
    ("Københavns Storkreds", "H", 520000), ("Københavns Omegns Storkreds", "H", 330000),
    ("Nordsjællands Storkreds", "H", 300000), ("Bornholms Storkreds", "H", 26000),
    ("Sjællands Storkreds", "S", 560000), ("Fyns Storkreds", "S", 330000),
    ("Sydjyllands Storkreds", "S", 480000), ("Østjyllands Storkreds", "M", 530000),
    ("Vestjyllands Storkreds", "M", 370000), ("Nordjyllands Storkreds", "M", 400000),
]
PARTIES = [  # party, national share in per mille, lean in % for landsdele H, S, M
    ("A", 275, (-10, 5, 5)), ("V", 130, (-30, 10, 15)), ("M", 90, (10, -5, -5)), ("F", 85, (20, -10, -5)),
    ("Æ", 80, (-40, 15, 20)), ("I", 80, (25, -10, -10)), ("C", 55, (5, 0, -5)), ("Ø", 50, (40, -15, -20)),
    ("B", 38, (45, -20, -20)), ("D", 37, (-30, 15, 10)), ("Å", 33, (40, -20, -15)), ("O", 26, (-20, 10, 5)),
    ("K", 5, (-50, 0, 60)), ("Q", 1, (50, -20, -30)),
]
LANDSDEL = {"H": 0, "S": 1, "M": 2}

writer = csv.writer(sys.stdout, lineterminator="\n")
writer.writerow(["district", "party", "votes"])
for name, landsdel, electorate in STORKREDSE:
    for party, per_mille, lean in PARTIES:
        votes = electorate * per_mille * (100 + lean[LANDSDEL[landsdel]]) // 100000
        writer.writerow([name, party, votes])
