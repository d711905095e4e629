#!/usr/bin/env bash
# Runs seatsim_bench with repetitions and writes bench/results/<date>[-native].json plus a
# markdown table of medians and ratios to the heap baseline of the same run (bench/table.py).
#
#   bench/run.sh            the default build (runs on any x86-64; SIMD level chosen at run time)
#   bench/run.sh --native   a -march=native build (SEATSIM_NATIVE=ON) in build-native/
#
# Environment: SEATSIM_BUILD_DIR (default build/ or build-native/), BENCH_REPETITIONS (5),
# BENCH_FILTER (a Google Benchmark regex, default: every case).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
flavour=default
if [[ "${1:-}" == "--native" ]]; then flavour=native; fi
if [[ $flavour == native ]]; then
  build=${SEATSIM_BUILD_DIR:-$root/build-native}
  SEATSIM_BUILD_DIR=$build "$root/scripts/build.sh" -DSEATSIM_NATIVE=ON -DSEATSIM_TESTS=OFF >/dev/null
  suffix=-native
else
  build=${SEATSIM_BUILD_DIR:-$root/build}
  SEATSIM_BUILD_DIR=$build "$root/scripts/build.sh" >/dev/null
  suffix=
fi
results=$root/bench/results
mkdir -p "$results"
stamp=$(date +%Y-%m-%d)
json=$results/$stamp$suffix.json
"$build/seatsim_bench" --benchmark_repetitions="${BENCH_REPETITIONS:-5}" \
  --benchmark_filter="${BENCH_FILTER:-.}" \
  --benchmark_out="$json" --benchmark_out_format=json --benchmark_counters_tabular=true
python3 "$root/bench/table.py" "$json" >"$results/$stamp$suffix.md"
echo "wrote $json and $results/$stamp$suffix.md"
