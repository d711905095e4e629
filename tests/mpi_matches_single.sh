#!/usr/bin/env bash
# seatsim-mpi under `mpirun -np 2` must print exactly what `seatsim simulate` prints for the same
# arguments, for every noise model and format; a bad argument must fail on every rank with one
# error line. Usage: mpi_matches_single.sh SEATSIM SEATSIM_MPI MPIEXEC NUMPROC_FLAG DATASET
set -euo pipefail
seatsim=$1 seatsim_mpi=$2 mpiexec=$3 np_flag=$4 dataset=$5
# Open MPI refuses more ranks than cores unless told; a one-core runner still has to run two.
oversubscribe=()
if "$mpiexec" --version 2>&1 | grep -q "Open MPI"; then oversubscribe=(--oversubscribe); fi
mpirun_2() { "$mpiexec" "${oversubscribe[@]}" "$np_flag" 2 "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for noise in dirichlet:400 multinomial swing:1.5,0.5; do
  for format in csv json; do
    args=(simulate "$dataset" --draws 3001 --noise "$noise" --seed 77 --coalition 'Unity+Greens' --format "$format")
    "$seatsim" "${args[@]}" --threads 1 -o "$work/single.$format"
    mpirun_2 "$seatsim_mpi" "${args[@]}" --threads 1 -o "$work/mpi.$format"
    mpirun_2 "$seatsim_mpi" "${args[@]}" --threads 2 >"$work/mpi-stdout.$format"
    cmp "$work/single.$format" "$work/mpi.$format"
    cmp "$work/single.$format" "$work/mpi-stdout.$format"
    echo "identical: $noise $format"
  done
done
if mpirun_2 "$seatsim_mpi" simulate "$dataset" --draws 10 --noise dirichlet:0 -o "$work/bad.csv" \
  2>"$work/err"; then
  echo "a bad --noise should fail" >&2
  exit 1
fi
grep -q "^seatsim-mpi: --noise 'dirichlet:0'" "$work/err"
[ "$(grep -c seatsim-mpi "$work/err")" -eq 1 ]
[ ! -e "$work/bad.csv" ]
echo "bad input: one error line, nothing written"
