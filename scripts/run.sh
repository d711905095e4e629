#!/usr/bin/env bash
# The first command of the README: installs what is missing, builds, and runs the main job.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
seatsim="${SEATSIM_BUILD_DIR:-$root/build}/seatsim"
cd "$root"
echo "== seatsim allocate scenarios/example/votes.csv --seats 11 --first-divisor 1.4"
"$seatsim" allocate scenarios/example/votes.csv --seats 11 --first-divisor 1.4 --format table
