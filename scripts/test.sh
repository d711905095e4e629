#!/usr/bin/env bash
# The second command of the README: installs what is missing, builds with warnings as errors,
# and runs the whole test suite through ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh" -DSEATSIM_WERROR=ON -DSEATSIM_PYTHON=ON -DPython_EXECUTABLE=/usr/bin/python3 "$@"
cd "${SEATSIM_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j"$(nproc)"
