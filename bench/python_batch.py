#!/usr/bin/env python3
"""The Python batch path against the C++ batch benchmark, in one run: per-allocation nanoseconds.

    PYTHONPATH=build/python python3 bench/python_batch.py [--build build] [--scenarios 100000] [--repeats 15]

Python: seatsim.allocate(votes, 30, threads=T[, threshold="5%"]) on a C-contiguous int64 array of SCENARIOS x 15
lists (Monte Carlo draws around one district: Zipf-like shares with log-normal noise, each list scaled within
+-10 %, the distribution of bench/bench_inputs.hpp), the best and the mean of at least REPEATS calls and 0.5 s,
each call returning fresh arrays.
C++: seatsim_bench's batch/batch/15/30/workers:T (allocate_batch on 10^6 such scenarios, wall clock per
allocation, the best of 5 repetitions, as the Python side takes the best of its calls), run by this script just
before. Prints a markdown table with the ratio Python / C++ and the load.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

LISTS, SEATS = 15, 30


def scenarios(count: int, seed: int = 2013) -> np.ndarray:
    rng = np.random.default_rng(seed)
    share = rng.lognormal(0.0, 0.6, LISTS) / np.arange(1, LISTS + 1) ** 1.1
    total = 40000.0 * SEATS + 1000.0 * LISTS
    base = np.maximum(1, np.rint(total * share / share.sum()))
    rng.shuffle(base)
    factors = rng.uniform(0.9, 1.1, (count, LISTS))
    return np.ascontiguousarray(np.rint(base * factors).astype(np.int64))


def cpp_ns(build: Path) -> dict:
    """ns per allocation of batch/batch/15/30/workers:{1,2}, from seatsim_bench (JSON)."""
    binary = build / "seatsim_bench"
    if not binary.exists():
        return {}
    done = subprocess.run(
        [str(binary), "--benchmark_filter=^batch/batch/15/30/workers:[12]/min_time", "--benchmark_format=json",
         "--benchmark_repetitions=5"],
        capture_output=True, text=True, check=True)
    found = {}
    for case in json.loads(done.stdout)["benchmarks"]:
        if case.get("run_type") == "aggregate":
            continue
        workers = int(case["run_name"].split("workers:")[1].split("/")[0])
        found[workers] = min(found.get(workers, float("inf")), 1e9 / case["items_per_second"])
    return found


def python_ns(seatsim, votes: np.ndarray, threads: int, threshold, repeats: int) -> float:
    keywords = {} if threshold is None else {"threshold": threshold}
    seatsim.allocate(votes[:1000], SEATS, threads=threads, **keywords)  # warm up
    best, spent, calls = float("inf"), 0.0, 0
    while calls < repeats or spent < 0.5:  # at least REPEATS calls and 0.5 s, as the C++ cases' min_time
        started = time.perf_counter()
        seatsim.allocate(votes, SEATS, threads=threads, **keywords)
        took = time.perf_counter() - started
        best, spent, calls = min(best, took), spent + took, calls + 1
    return best * 1e9 / votes.shape[0], spent * 1e9 / calls / votes.shape[0]


def single_call_ns(seatsim, votes: np.ndarray, calls: int = 200_000) -> float:
    one = np.ascontiguousarray(votes[0])
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(calls // 5):
            seatsim.allocate(one, SEATS)
        best = min(best, (time.perf_counter() - started) / (calls // 5))
    return best * 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(Path(__file__).resolve().parents[1] / "build"))
    parser.add_argument("--scenarios", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.build) / "python"))
    import warnings

    import seatsim

    warnings.simplefilter("ignore", seatsim.TieWarning)  # a few draws tie; one warning per call says so

    votes = scenarios(args.scenarios)
    load_before = os.getloadavg()
    cpp = cpp_ns(Path(args.build))
    rows = []
    for threads in (1, 2):
        for threshold in (None, "5%"):
            ns, mean = python_ns(seatsim, votes, threads, threshold, args.repeats)
            base = cpp.get(threads)
            ratio = f"{ns / base:.2f}" if base else "n/a"
            rows.append((threads, threshold or "none", ns, mean, base, ratio))
    single = single_call_ns(seatsim, votes)
    load_after = os.getloadavg()
    print(f"| threads | threshold | Python ns/allocation, best ({args.scenarios:,} x {LISTS} lists, {SEATS} seats) "
          f"| Python, mean | C++ batch/batch/{LISTS}/{SEATS}/workers:T ns, best of 5 | ratio (best / best) |")
    print("|---|---|---|---|---|---|")
    for threads, threshold, ns, mean, base, ratio in rows:
        cpp_text = f"{base:.1f}" if base else "n/a"
        print(f"| {threads} | {threshold} | {ns:.1f} | {mean:.1f} | {cpp_text} | {ratio} |")
    print(f"\nsingle call, 15-list int64 ndarray: {single:.0f} ns")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
