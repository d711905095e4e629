#!/usr/bin/env python3
"""Imports one proportional election in OneGov election_day's "internal" CSV format (one row per municipality
and candidate; as in OneGov/onegov-cloud's test fixtures, e.g. tests/onegov/election_day/fixtures/canton/bl/
internal_proporz.tar.gz, Basel-Landschaft's National Council election of 2019) into a seatsim data set of one
district: results.csv and alliances.csv.

Every number comes from the source file; nothing is typed in here:
  SOURCE          the CSV, or a .tar.gz holding it (then --member names it), unchanged;
  --district      the district's name (the canton);
  votes           each list's votes (Parteistimmen) are the sum over municipalities of `list_votes`;
  published seats `list_number_of_mandates`, checked against the candidates marked elected;
  alliances       `list_connection` and `list_connection_parent`: a list whose connection has a parent is in
                  the sub-apparentment "Unterlistenverbindung C" of the apparentment "Listenverbindung P"; a list
                  whose connection C has no parent is a direct member of "Listenverbindung C".
The importer stops (exit 1, a message naming the row) when the file contradicts itself: a list's votes differing
between the rows of one municipality, a list under two connections, a connection under two parents, or elected
candidates that do not add up to the list's seats. It prints the totals that QUALITY.md cites.

Run from the repository root:
  scripts/import_onegov_proporz.py scenarios/switzerland-2019-basel-landschaft/source/internal_proporz.tar.gz \\
    --member nationalratswahlen-2019.csv --district Basel-Landschaft -o scenarios/switzerland-2019-basel-landschaft
"""
import argparse
import csv
import io
import os
import sys
import tarfile


def read_rows(path, member):
    if path.endswith(".tar.gz"):
        if not member:
            sys.exit(f"{path}: an archive: name the CSV inside it with --member")
        with tarfile.open(path, "r:gz") as archive:
            data = archive.extractfile(member)
            if data is None:
                sys.exit(f"{path}: no file '{member}' in the archive")
            text = data.read().decode("utf-8-sig")
    else:
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    return list(csv.DictReader(io.StringIO(text)))


class List:
    def __init__(self, name):
        self.name = name
        self.votes = {}  # municipality -> list votes
        self.seats = None
        self.elected = set()
        self.connection = None  # (connection, parent)


def one_value(where, what, old, new):
    if old is not None and old != new:
        sys.exit(f"{where}: {what} is '{new}' here and '{old}' in an earlier row")
    return new


def read_lists(path, member):
    lists = {}  # list_id -> List, in source order
    for number, row in enumerate(read_rows(path, member), start=2):
        where = f"{path}{':' + member if member else ''}:{number}"
        entry = lists.setdefault(row["list_id"], List(row["list_name"]))
        one_value(where, f"the name of list {row['list_id']}", entry.name, row["list_name"])
        votes = int(row["list_votes"] or 0)
        entry.votes[row["entity_id"]] = one_value(
            where, f"list {row['list_id']}'s votes in {row['entity_id']}", entry.votes.get(row["entity_id"]), votes)
        entry.seats = one_value(where, f"list {row['list_id']}'s seats", entry.seats,
                                int(row["list_number_of_mandates"] or 0))
        entry.connection = one_value(where, f"list {row['list_id']}'s connection", entry.connection,
                                     (row["list_connection"], row["list_connection_parent"]))
        if row["candidate_elected"].strip().lower() == "true":
            entry.elected.add(row["candidate_id"])
    return lists


def check(lists):
    parents = {}
    for list_id, entry in lists.items():
        if len(entry.elected) != entry.seats:
            sys.exit(f"list {list_id} ({entry.name}): {len(entry.elected)} candidates elected, {entry.seats} seats")
        connection, parent = entry.connection
        if connection and parent:
            one_value(f"list {list_id}", f"the parent of connection {connection}", parents.get(connection), parent)
            parents[connection] = parent


def alliance_rows(district, lists):
    rows = []
    for entry in lists.values():
        connection, parent = entry.connection
        if not connection:
            continue
        if parent:
            rows.append([district, f"Listenverbindung {parent}", entry.name, f"Unterlistenverbindung {connection}"])
        else:
            rows.append([district, f"Listenverbindung {connection}", entry.name, ""])
    return rows


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source")
    parser.add_argument("--member", default="")
    parser.add_argument("--district", required=True)
    parser.add_argument("-o", dest="output", required=True)
    args = parser.parse_args()

    lists = read_lists(args.source, args.member)
    check(lists)
    if len({entry.name for entry in lists.values()}) != len(lists):
        sys.exit(f"{args.source}: two lists share a name")
    results = [[args.district, e.name, sum(e.votes.values()), e.seats] for e in lists.values()]
    files = {
        "results.csv": csv_text(["district", "party", "votes", "published_seats"], results),
        "alliances.csv": csv_text(["district", "alliance", "party", "sub_alliance"],
                                  alliance_rows(args.district, lists)),
    }
    os.makedirs(args.output, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(args.output, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    municipalities = {m for e in lists.values() for m in e.votes}
    print(f"imported {len(lists)} lists, {len(municipalities)} municipalities, "
          f"{sum(r[2] for r in results)} party votes, {sum(r[3] for r in results)} seats into {args.output}")


if __name__ == "__main__":
    main()
