#!/usr/bin/env bash
# The second command of the README: installs what is missing, builds with warnings as errors
# (and with seatsim-mpi, whose test runs `mpirun -np 2`), and runs the whole test suite through ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh" -DSEATSIM_WERROR=ON -DSEATSIM_PYTHON=ON -DPython_EXECUTABLE=/usr/bin/python3 -DSEATSIM_WITH_MPI=ON "$@"
cd "${SEATSIM_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j"$(nproc)"
