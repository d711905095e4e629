#!/usr/bin/env bash
# Runs clang-tidy (Debian's clang-tidy, checks in .clang-tidy) over the C++ files of src/, or of
# the paths given, with the compile commands of a clang configuration in
# ${SEATSIM_TIDY_BUILD_DIR:-build-tidy} (configured here; nothing is compiled).
#   ./scripts/tidy.sh [PATH...]          e.g. ./scripts/tidy.sh src/kernel src/cli/allocate.cpp
# Runs ${SEATSIM_TIDY_JOBS:-2} clang-tidy processes at a time. Prints every finding and a count
# per check; exits 1 when there is any finding, 2 when clang-tidy is missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SEATSIM_TIDY_BUILD_DIR:-$root/build-tidy}
jobs=${SEATSIM_TIDY_JOBS:-2}
runner=$(command -v run-clang-tidy || command -v run-clang-tidy-14 || true)
tidy=$(command -v clang-tidy || command -v clang-tidy-14 || true)
if [ -z "$runner" ] || [ -z "$tidy" ]; then
  echo "seatsim: clang-tidy is not installed (Debian: apt-get install clang-tidy; scripts/deps.sh does it)" >&2
  exit 2
fi
# clang's own configuration, so that every flag in compile_commands.json is one clang-tidy knows.
# The MPI entry point is included; tests, benchmarks and fuzzers are not tidied.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DSEATSIM_TESTS=OFF \
  -DSEATSIM_BENCH=OFF -DSEATSIM_WITH_MPI=ON >/dev/null
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=("$root/src")
files=()
for path in "${paths[@]}"; do
  path=$(realpath -m "$path")
  if [ -d "$path" ]; then
    mapfile -t -O ${#files[@]} files < <(find "$path" -name '*.cpp' | sort)
  else
    files+=("$path")
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "seatsim: no .cpp file under ${paths[*]}" >&2; exit 2; }
log="$build/tidy.log"
# run-clang-tidy takes regular expressions: the files' paths, escaped.
regexes=()
for file in "${files[@]}"; do regexes+=("^$(printf '%s' "$file" | sed 's/[][\.*^$+?(){}|]/\\&/g')\$"); done
# The time taken, and the processor time of every clang-tidy (on a busy machine the first grows, not the second).
TIMEFORMAT='%R %U %S'
status=0
{ time "$runner" -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" -quiet "${regexes[@]}" >"$log" 2>&1; } \
  2>"$build/tidy.time" || status=$?
# A finding is "FILE:LINE:COL: warning: text [check]"; the same header finding seen from several
# files is counted once.
# run-clang-tidy colours its output: the colour codes go before matching.
sed -e 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^/.*:[0-9]+:[0-9]+: (warning|error): .*\[[a-zA-Z0-9.,-]+\]$' |
  sort -u >"$build/tidy-findings.txt" || true
findings=$(wc -l <"$build/tidy-findings.txt")
sed -e "s|^$root/||" "$build/tidy-findings.txt"
if [ "$findings" -gt 0 ]; then
  echo "== findings per check"
  sed -E 's/.*\[([^]]+)\]$/\1/' "$build/tidy-findings.txt" | sort | uniq -c | sort -rn
fi
read -r wall user system <"$build/tidy.time"
echo "seatsim: clang-tidy: ${#files[@]} files, $findings findings, ${wall%.*} s (processor time ${user%.*} s user," \
  "${system%.*} s system, over $jobs jobs; log: $log)"
if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
  tail -n 40 "$log" >&2
  echo "seatsim: run-clang-tidy failed (exit $status) without a finding to show" >&2
  exit 2
fi
[ "$findings" -eq 0 ]
