#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang (ASan + UBSan + libFuzzer) into
# ${SEATSIM_FUZZ_BUILD_DIR:-build-fuzz} (or reuses that folder when it is configured for fuzzing already,
# as scripts/sanitize.sh's is) and runs each for SECONDS seconds (default 60), as many at once as
# there are cores (${SEATSIM_FUZZ_JOBS:-nproc}).
#   ./scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. ./scripts/fuzz.sh 600 csv
# Each run starts from the seed corpus fuzz/corpus/<target>/ and the kept regressions
# fuzz/regressions/<target>/, growing a working corpus in the build folder (the repository's
# corpus is not touched). A crash or failed check stops with a non-zero status and leaves the
# input in <build>/artifacts/<target>/: fix the bug, then keep the input in
# fuzz/regressions/<target>/ so that the replay tests check it from then on.
# SEATSIM_FUZZ_SEED fixes libFuzzer's random seed (CI sets 1): from the same corpus a run of S seconds then
# explores (nearly: the http harness's server runs on threads) a prefix of what a longer run with that seed
# explored, so a long clean run with the seed vouches for CI's. Unset, every run explores somewhere new, which
# is what a developer's long run wants.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
build=${SEATSIM_FUZZ_BUILD_DIR:-$root/build-fuzz}
# A build folder already configured with SEATSIM_FUZZ (scripts/sanitize.sh's, in CI) is used as it is.
if ! grep -qs '^SEATSIM_FUZZ:BOOL=ON$' "$build/CMakeCache.txt"; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DSEATSIM_FUZZ=ON \
    -DSEATSIM_WERROR=ON -DSEATSIM_TESTS=OFF -DSEATSIM_BENCH=OFF >/dev/null
fi
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for harness in "$root"/fuzz/fuzz_*.cpp; do
    name=$(basename "$harness" .cpp)
    targets+=("${name#fuzz_}")
  done
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# One harness per core at a time: libFuzzer runs on one thread.
jobs=${SEATSIM_FUZZ_JOBS:-$(nproc)}
run_one() {
  local target=$1 program="$build/fuzz/fuzz_$1"
  [ -x "$program" ] || { echo "seatsim: no harness fuzz/fuzz_$target.cpp" >&2; return 2; }
  local corpus="$build/corpus/$target" artifacts="$build/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  local seeds=("$root/fuzz/corpus/$target")
  [ -d "$root/fuzz/regressions/$target" ] && seeds+=("$root/fuzz/regressions/$target")
  local dictionary=()
  [ -f "$root/fuzz/$target.dict" ] && dictionary=(-dict="$root/fuzz/$target.dict")
  local seed=()
  [ -n "${SEATSIM_FUZZ_SEED:-}" ] && seed=(-seed="$SEATSIM_FUZZ_SEED")
  "$program" "$corpus" "${seeds[@]}" "${dictionary[@]}" "${seed[@]}" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" 2>"$build/fuzz-$target.log"
}
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds} s"
  rm -f "$build/fuzz-$target.status"
  (
    set +e
    run_one "$target"
    echo $? >"$build/fuzz-$target.status"
  ) &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait
status=0
for target in "${targets[@]}"; do
  if [ "$(cat "$build/fuzz-$target.status" 2>/dev/null)" != 0 ]; then
    tail -n 60 "$build/fuzz-$target.log" >&2
    echo "seatsim: fuzz $target FAILED; the input is in $build/artifacts/$target/" >&2
    status=1
  else
    echo "-- $target:"
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+.*DONE)" "$build/fuzz-$target.log" || true
  fi
done
exit $status
