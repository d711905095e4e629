#!/usr/bin/env bash
# Builds seatsim with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# ${SEATSIM_BUILD_DIR:-build-asan} and runs the C++ suites (ctest -L cpp) there. Extra arguments go to
# cmake's configure step. Warnings are errors.
# - clang, because the same build then also holds the libFuzzer harnesses (SEATSIM_FUZZ: coverage
#   instrumentation, which the tests' programs carry harmlessly), so CI compiles the library once for the
#   sanitizers and the fuzzers: `SEATSIM_FUZZ_BUILD_DIR=build-asan ./scripts/fuzz.sh` reuses it. clang also
#   compiles this configuration in about 60 % of GCC's time. GCC's warnings stay errors in ./scripts/test.sh.
# - -O1 with line tables only: the sanitizers need no more for their reports.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SEATSIM_BUILD_DIR=${SEATSIM_BUILD_DIR:-$root/build-asan}
# A folder configured with another compiler (GCC, before this script used clang) is configured afresh: CMake
# keeps a cache's compiler.
if [ -f "$SEATSIM_BUILD_DIR/CMakeCache.txt" ] && ! grep -qs '^CMAKE_CXX_COMPILER:.*clang' "$SEATSIM_BUILD_DIR/CMakeCache.txt"; then
  rm -rf "$SEATSIM_BUILD_DIR/CMakeCache.txt" "$SEATSIM_BUILD_DIR/CMakeFiles"
fi
"$root/scripts/build.sh" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DSEATSIM_WERROR=ON -DSEATSIM_SANITIZE=ON -DSEATSIM_FUZZ=ON -DSEATSIM_BENCH=OFF "$@"
cd "$SEATSIM_BUILD_DIR"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  ctest --output-on-failure -L cpp -j"$(nproc)"
