#!/usr/bin/env python3
"""Imports a votelib "wide" vote table (rows = parties, columns = districts, ';'-separated, as in
simberaj/votelib tests/real/data/cz_psp_2021.csv) into a seatsim data set: results.csv,
districts.csv, national.csv, party-thresholds.csv.

Every number comes from the source files; nothing is typed in here:
  SOURCE          the wide vote table, unchanged;
  --coalitions    CSV party,members: the lists that are coalitions and their member parties;
  --published     CSV district,party,seats[,source]: published seats as cited ("" district: national);
  --house N       the house size the statute fixes (Czech Chamber: 200);
  --thresholds    party,coalition,coalition-3: the statute's thresholds by number of member parties
                  (Czech act § 49: 5%,8%,11%).
The districts' seats are the statute's apportionment of the house by the votes cast in each district
(largest remainders on the Hare quota, exact integer arithmetic); seatsim recomputes them with
`seats_by_votes = "hare"`, and a test checks that both agree.

Run from the repository root:
  scripts/import_votelib_wide.py scenarios/czechia-2021/source/cz_psp_2021.csv \\
    --coalitions scenarios/czechia-2021/source/coalitions.csv \\
    --published scenarios/czechia-2021/source/published-seats.csv \\
    --house 200 --thresholds 5%,8%,11% -o scenarios/czechia-2021
"""
import argparse
import csv
import io
import os
import sys


def read_wide(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    districts = rows[0][1:]
    votes = {}  # (district, party) -> votes, in source order
    parties = []
    for row in rows[1:]:
        if len(row) != len(districts) + 1:
            sys.exit(f"{path}: the row of '{row[0]}' has {len(row) - 1} values for {len(districts)} districts")
        parties.append(row[0])
        for district, value in zip(districts, row[1:]):
            if not value.isdigit():
                sys.exit(f"{path}: '{row[0]}' in '{district}': '{value}' is not a whole number of votes")
            votes[district, row[0]] = int(value)
    return districts, parties, votes


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def hare_largest_remainders(weights, seats):
    """Exact: whole quotas w*S // V, then the largest remainders w*S mod V (ties: input order)."""
    total = sum(weights)
    whole = [w * seats // total for w in weights]
    order = sorted(range(len(weights)), key=lambda i: -(weights[i] * seats % total))
    for i in order[: seats - sum(whole)]:
        whole[i] += 1
    return whole


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def threshold_of(members, thresholds):
    party, coalition, larger = thresholds
    return party if members < 2 else coalition if members == 2 else larger


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source")
    parser.add_argument("--coalitions", required=True)
    parser.add_argument("--published", required=True)
    parser.add_argument("--house", type=int, required=True)
    parser.add_argument("--thresholds", required=True)
    parser.add_argument("-o", dest="output", required=True)
    args = parser.parse_args()

    districts, parties, votes = read_wide(args.source)
    published = {}
    for row in read_csv(args.published):
        key = (row["district"], row["party"])
        if row["party"] not in parties or (row["district"] and row["district"] not in districts):
            sys.exit(f"{args.published}: '{row['party']}' in '{row['district']}' is not in the vote table")
        published[key] = int(row["seats"])
    published_districts = {d for d, _ in published if d}

    district_votes = [sum(votes[d, p] for p in parties) for d in districts]
    seats = hare_largest_remainders(district_votes, args.house)
    results = []
    for d in districts:
        for p in parties:
            cell = published.get((d, p), 0 if d in published_districts else None)
            results.append([d, p, votes[d, p], "" if cell is None else cell])
    national = [[p, sum(votes[d, p] for d in districts), published.get(("", p), 0)] for p in parties]

    thresholds = args.thresholds.split(",")
    if len(thresholds) != 3:
        sys.exit("--thresholds: give three: a party's, a coalition of two's, a coalition of three or more's")
    party_thresholds = []
    for row in read_csv(args.coalitions):
        if row["party"] not in parties:
            sys.exit(f"{args.coalitions}: '{row['party']}' is not in the vote table")
        members = len([m for m in row["members"].split("+") if m.strip()])
        party_thresholds.append([row["party"], threshold_of(members, thresholds)])

    os.makedirs(args.output, exist_ok=True)
    files = {
        "results.csv": csv_text(["district", "party", "votes", "published_seats"], results),
        "districts.csv": csv_text(["district", "seats", "reserved"], [[d, s, 0] for d, s in zip(districts, seats)]),
        "national.csv": csv_text(["party", "votes", "published_seats"], national),
        "party-thresholds.csv": csv_text(["party", "threshold"], party_thresholds),
    }
    for name, text in files.items():
        with open(os.path.join(args.output, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(f"imported {len(districts)} districts, {len(parties)} parties, {sum(district_votes)} votes, "
          f"{args.house} seats into {args.output}")


if __name__ == "__main__":
    main()
