#!/usr/bin/env python3
"""Writes a votes CSV (party,votes) of N lists for the end-to-end measurement of
`seatsim allocate`: Zipf-like shares (rank^-1.1) with log-normal noise, about 10^9 votes in all,
fixed seed (the distribution of bench/bench_inputs.hpp).

    bench/lists_csv.py 100000 > /tmp/lists.csv
    seatsim allocate /tmp/lists.csv --seats 1000000 --method sainte-lague --first-divisor 1.6 -o /tmp/seats.csv
"""
import random
import sys


def main(lists: int, total: float = 1e9, seed: int = 2013) -> None:
    rng = random.Random(seed)
    shares = [rng.lognormvariate(0, 0.6) / (i + 1) ** 1.1 for i in range(lists)]
    whole = sum(shares)
    votes = [max(1, round(total * s / whole)) for s in shares]
    rng.shuffle(votes)
    out = sys.stdout
    out.write("party,votes\n")
    for i, v in enumerate(votes):
        out.write(f"list{i},{v}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
