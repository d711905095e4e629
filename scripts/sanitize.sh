#!/usr/bin/env bash
# Builds seatsim with AddressSanitizer and UndefinedBehaviorSanitizer into
# ${SEATSIM_BUILD_DIR:-build-asan} and runs the C++ suites (ctest -L cpp) there. Extra arguments go to
# cmake's configure step. Warnings are errors.
# -O1 with line tables only (-g1): the sanitizers need no more for their reports, and the build takes about
# half the time of -O2 -g (the Highway kernels are compiled once per SIMD target, each instrumented).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SEATSIM_BUILD_DIR=${SEATSIM_BUILD_DIR:-$root/build-asan}
"$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DSEATSIM_WERROR=ON -DSEATSIM_SANITIZE=ON -DSEATSIM_BENCH=OFF "$@"
cd "$SEATSIM_BUILD_DIR"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  ctest --output-on-failure -L cpp -j"$(nproc)"
