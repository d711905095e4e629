#!/usr/bin/env python3
"""seatsim project against the R package coalitions (KOALA-LMU), without R.

docs/comparison-coalitions.md: on a national-only system (one district, Sainte-Laguë, 5 % national
threshold) the probabilities of `seatsim project` must agree with those coalitions gave on the same
poll within Monte Carlo error, |p1 - p2| <= 3 sqrt(p (1 - p) (1/n1 + 1/n2)), p the pooled estimate.
coalitions' numbers (and their n) were measured once by scripts/coalitions_compare.R and are stored in
tests/data/coalitions-national/coalitions_probabilities.csv; this script reruns seatsim with a fixed
seed and checks each of them.

Usage: coalitions_check.py SEATSIM DATA_DIR [DRAWS]
"""
import csv
import json
import math
import subprocess
import sys

SEED = "20170924"


def read_stored(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def coalition_flags(rows):
    """One --coalition NAME=A+B per distinct coalition of the stored rows (coalitions' own names)."""
    seen, flags = set(), []
    for row in rows:
        if row["measure"].startswith("majority") and row["subject"] not in seen:
            seen.add(row["subject"])
            flags += ["--coalition", row["subject"] + "=" + row["subject"].replace("_", "+")]
    return flags


def run_seatsim(seatsim, data_dir, draws, flags):
    args = [seatsim, "project", data_dir, "--polls", data_dir + "/polls.csv", "--draws", str(draws),
            "--seed", SEED, "--no-house-effects", "--format", "json"] + flags
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"seatsim project failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def seatsim_probability(result, measure, subject):
    if measure == "pass_threshold":
        party = next(p for p in result["parties"] if p["party"] == subject)
        if "p_pass_5%_national" not in party:
            sys.exit("seatsim reports no 5 % national threshold: the data set is not coalitions' system")
        return party["p_pass_5%_national"]
    coalition = next(c for c in result["coalitions"] if c["coalition"] == subject)
    return coalition["p_majority" if measure == "majority" else "p_majority_exclusive"]


def bound(p1, n1, p2, n2):
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    return 3 * math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))


def main():
    seatsim, data_dir = sys.argv[1], sys.argv[2]
    draws = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    stored = read_stored(data_dir + "/coalitions_probabilities.csv")
    result = run_seatsim(seatsim, data_dir, draws, coalition_flags(stored))
    if result["meta"]["draws"] != draws:
        sys.exit(f"seatsim ran {result['meta']['draws']} draws, not {draws}")
    failures, nontrivial = 0, 0
    print("measure,subject,coalitions,n_coalitions,seatsim,n_seatsim,difference,bound,passes")
    for row in stored:
        p1, n1 = float(row["probability"]), int(row["n"])
        p2 = float(seatsim_probability(result, row["measure"], row["subject"]))
        limit = bound(p1, n1, p2, draws)
        ok = abs(p1 - p2) <= limit
        failures += not ok
        nontrivial += 0.01 < p1 < 0.99
        print(f"{row['measure']},{row['subject']},{p1:.4f},{n1},{p2:.4f},{draws},{p1 - p2:+.4f},{limit:.4f},"
              f"{'yes' if ok else 'NO'}")
    if nontrivial < 3:
        sys.exit("fewer than three stored probabilities strictly between 1 % and 99 %: the check tests too little")
    if failures:
        sys.exit(f"{failures} of {len(stored)} probabilities differ beyond 3 Monte Carlo standard errors")
    print(f"all {len(stored)} probabilities agree within the bound")


if __name__ == "__main__":
    main()
