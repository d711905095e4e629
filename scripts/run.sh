#!/usr/bin/env bash
# The first command of the README: installs what is missing, builds, and runs the main job —
# recomputing the Iraq 2013 governorate council elections from the checked-in data set
# (scenarios/iraq-2013, imported from the seed by `seatsim import wikitable`) under the official
# rule, and printing where and why the published seats differ.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
seatsim="${SEATSIM_BUILD_DIR:-$root/build}/seatsim"
cd "$root"
echo "== seatsim allocate scenarios/example/votes.csv --seats 11 --first-divisor 1.4"
"$seatsim" allocate scenarios/example/votes.csv --seats 11 --first-divisor 1.4 --format table
echo
echo "== seatsim compare scenarios/iraq-2013 --format table"
# Exit status 1 means "differences found": for the seed as published that is the expected,
# explained result (see scenarios/iraq-2013/QUALITY.md); only 2 (bad input) is a failure.
status=0
"$seatsim" compare scenarios/iraq-2013 --format table || status=$?
if [ "$status" -ge 2 ]; then
  echo "run.sh: seatsim compare failed (exit $status)" >&2
  exit "$status"
fi
