#!/usr/bin/env python3
"""Markdown table of a seatsim_bench JSON run: per case the median over repetitions, the spread
(min-max as a share of the median), and the ratio to the heap baseline of the same lists and
seats in the same run. Single-district cases are timed in CPU time (the machines are shared);
multi-threaded batch cases in wall-clock time (they say so in their name: real_time)."""
import json
import re
import statistics
import sys
from collections import defaultdict

# Issue 6: (kind, kernel, lists, seats) -> (target, the heap time the probe measured). The
# target over that heap time is the speed-up the target implies, comparable with this run's
# ratio however loaded the machine is.
TARGETS = {
    ("single", "fast", "15", "30"): ("≤ 90 ns and ≥ 8×", 930),
    ("single", "fast", "100", "600"): ("≤ 0.5 µs", 28_000),
    ("single", "fast", "1000", "1000000"): ("≤ 20 µs and ≥ 1000×", 70e6),
    ("single", "fast", "100000", "1000000"): ("≤ 1 ms", 165e6),
    ("batch", "batch", "15", "30"): ("≤ 11 ns each, 2 threads", 790),
}
TARGET_NS = {("single", "fast", "15", "30"): 90, ("single", "fast", "100", "600"): 500,
             ("single", "fast", "1000", "1000000"): 20e3, ("single", "fast", "100000", "1000000"): 1e6,
             ("batch", "batch", "15", "30"): 11}


def per_item_ns(run):
    """Nanoseconds per allocation: batch cases process many scenarios per iteration."""
    seconds_per_item = 1.0 / run["items_per_second"] if run.get("items_per_second") else None
    if seconds_per_item is None:
        unit = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[run["time_unit"]]
        return run["cpu_time"] * unit
    return seconds_per_item * 1e9


def fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.3g} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.3g} µs"
    return f"{ns:.3g} ns"


def main(path):
    with open(path) as f:
        data = json.load(f)
    runs = defaultdict(list)
    cpu = defaultdict(list)
    labels = {}
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        name = re.sub(r"/(min_time|real_time|repeats)[^/]*", "", b["run_name"])
        runs[name].append(per_item_ns(b))
        if "cpu_ns_per_allocation" in b:
            cpu[name].append(b["cpu_ns_per_allocation"])
        labels[name] = b.get("label", "")
    medians = {name: statistics.median(t) for name, t in runs.items()}

    def baseline(name):
        parts = name.split("/")
        if parts[0] not in ("single", "batch") or len(parts) < 4:
            return None  # simulate/, explorer/, tiers/: no heap counterpart
        rest = [p for p in parts[4:] if not p.startswith("simd:") and p != "new_result"]
        heap = "/".join([parts[0], "heap", parts[2], parts[3]] + rest)
        return medians.get(heap)

    ctx = data.get("context", {})
    print(f"Run {ctx.get('date', '?')} on {ctx.get('host_name', '?')}: {ctx.get('num_cpus', '?')} CPUs at "
          f"{ctx.get('mhz_per_cpu', '?')} MHz, load average {ctx.get('load_avg', '?')}; "
          f"{len(next(iter(runs.values()), []))} repetitions.\n")
    print("| case | SIMD | median per allocation | CPU per allocation, all threads | spread | × heap (same run) "
          "| target | × heap the target implies |")
    print("|---|---|---:|---:|---:|---:|---|---:|")
    for name in runs:
        times = runs[name]
        m = medians[name]
        spread = (max(times) - min(times)) / m if m else 0
        parts = name.split("/")
        base = baseline(name)
        ratio = f"{base / m:,.1f}" if base and parts[1] != "heap" else ""
        target, implied = "", ""
        key = tuple(parts[0:4])
        if key in TARGETS and len(parts) == 4 or (key in TARGETS and parts[0] == "batch" and parts[4:] == ["workers:2"]):
            target = TARGETS[key][0]
            implied = f"{TARGETS[key][1] / TARGET_NS[key]:,.0f}"
        cpu_cell = fmt(statistics.median(cpu[name])) if name in cpu else ""
        print(f"| `{name}` | {labels.get(name, '')} | {fmt(m)} | {cpu_cell} | ±{100 * spread / 2:.0f} % | {ratio} "
              f"| {target} | {implied} |")


if __name__ == "__main__":
    main(sys.argv[1])
