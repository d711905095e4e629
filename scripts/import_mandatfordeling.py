#!/usr/bin/env python3
"""Imports the Folketing 2015 votes per storkreds from R package data into a seatsim data set.

    import_mandatfordeling.py SOURCE_DIR OUT_DIR

SOURCE_DIR holds storkreds_res.rda (GitHub mikkelkrogsholm/mandatfordeling, data/storkreds_res.rda: Danmarks
Statistik's table FV15TOT, valid votes per party and storkreds) and published.csv (party,votes,published_seats: the
ministry's final national result). Writes OUT_DIR/results.csv (district,party,votes) and OUT_DIR/national.csv
(party,votes,published_seats), and fails unless every party's votes summed over the storkredse equal the
published national votes, so that neither file can drift from the other.

The .rda file is R's serialization (bzip2-compressed XDR, format 2); the reader below knows the few kinds of
object a data frame of strings and integers is made of.
"""
import bz2
import csv
import struct
import sys
from pathlib import Path

# The package writes storkredse in lower case without "Storkreds"; the statute's names.
STORKREDS = {
    "københavn": "Københavns Storkreds", "københavns omegn": "Københavns Omegns Storkreds",
    "nordsjælland": "Nordsjællands Storkreds", "bornholm": "Bornholms Storkreds", "sjælland": "Sjællands Storkreds",
    "fyn": "Fyns Storkreds", "sydjylland": "Sydjyllands Storkreds", "østjylland": "Østjyllands Storkreds",
    "vestjylland": "Vestjyllands Storkreds", "nordjylland": "Nordjyllands Storkreds",
}
NIL, SYM, LIST, CHAR, INT, REAL, STR, VEC, REF = 254, 1, 2, 9, 13, 14, 16, 19, 255
NA_INT = -(2**31)


class Reader:
    def __init__(self, data):
        self.data, self.pos, self.refs = data, 0, []

    def int(self):
        (value,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return value

    def item(self):
        flags = self.int()
        kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
        if kind == NIL:
            return None
        if kind == REF:
            return self.refs[(flags >> 8) - 1]
        if kind == SYM:
            name = self.item()
            self.refs.append(("symbol", name))
            return ("symbol", name)
        if kind == LIST:
            attr = self.item() if has_attr else None
            tag = self.item() if has_tag else None
            head = self.item()
            tail = self.item()
            return [(tag, head)] + (tail or [])
        if kind == CHAR:
            length = self.int()
            if length == -1:
                return None
            text = self.data[self.pos:self.pos + length].decode("utf-8")
            self.pos += length
            return text
        if kind in (INT, REAL, STR, VEC):
            n = self.int()
            if kind == INT:
                values = list(struct.unpack_from(f">{n}i", self.data, self.pos))
                self.pos += 4 * n
            elif kind == REAL:
                values = list(struct.unpack_from(f">{n}d", self.data, self.pos))
                self.pos += 8 * n
            else:
                values = [self.item() for _ in range(n)]
            attributes = dict((tag[1], value) for tag, value in self.item()) if has_attr else {}
            return {"values": values, "attributes": attributes}
        sys.exit(f"unsupported R object kind {kind} at byte {self.pos}")


def read_data_frame(path):
    data = bz2.decompress(path.read_bytes())
    if not data.startswith(b"RDX2\nX\n"):
        sys.exit(f"{path}: not an R data file in XDR format 2")
    reader = Reader(data)
    reader.pos = 7
    if reader.int() != 2:
        sys.exit(f"{path}: serialization version is not 2")
    reader.int(), reader.int()  # writer's R version, minimal reader version
    (tag, frame), = reader.item()
    names = frame["attributes"]["names"]["values"]
    return tag[1], {name: column["values"] for name, column in zip(names, frame["values"])}


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    name, frame = read_data_frame(source / "storkreds_res.rda")
    if name != "storkreds_res" or set(frame) != {"storkreds", "parti", "stemmer"}:
        sys.exit(f"unexpected object {name} with columns {sorted(frame)}")
    with open(source / "published.csv", newline="", encoding="utf-8") as f:
        published = list(csv.DictReader(f))
    summed = {}
    rows = []
    for storkreds, party, votes in zip(frame["storkreds"], frame["parti"], frame["stemmer"]):
        if storkreds not in STORKREDS or votes == NA_INT or votes < 0:
            sys.exit(f"unexpected row: {storkreds!r}, {party!r}, {votes!r}")
        rows.append((STORKREDS[storkreds], party, votes))
        summed[party] = summed.get(party, 0) + votes
    order = list(STORKREDS.values())
    rows.sort(key=lambda r: (order.index(r[0]), r[1]))
    for row in published:
        if summed.get(row["party"]) != int(row["votes"]):
            sys.exit(f"{row['party']}: {summed.get(row['party'])} votes over the storkredse, {row['votes']} published")
    if set(summed) != {row["party"] for row in published}:
        sys.exit("the parties of the two sources differ")
    with open(out / "results.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["district", "party", "votes"])
        writer.writerows(rows)
    with open(out / "national.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["party", "votes", "published_seats"])
        writer.writerows((row["party"], row["votes"], row["published_seats"]) for row in published)


if __name__ == "__main__":
    main()
