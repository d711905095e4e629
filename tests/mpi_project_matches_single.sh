#!/usr/bin/env bash
# seatsim-mpi project under `mpirun -np 2` must print exactly what `seatsim project` prints for the
# same arguments (seat histograms, coalition majorities and the threshold tallies of the vote source
# all reduced across ranks), in CSV and JSON.
# Usage: mpi_project_matches_single.sh SEATSIM SEATSIM_MPI MPIEXEC NUMPROC_FLAG
set -euo pipefail
seatsim=$1 seatsim_mpi=$2 mpiexec=$3 np_flag=$4
oversubscribe=()
if "$mpiexec" --version 2>&1 | grep -q "Open MPI"; then oversubscribe=(--oversubscribe); fi
mpirun_2() { "$mpiexec" "${oversubscribe[@]}" "$np_flag" 2 "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nS,A,2000\nS,B,3500\nS,C,1200\n' >"$work/votes.csv"
printf 'district,seats\nN,5\nS,4\n' >"$work/seats.csv"
printf 'pollster,fieldwork_end,sample_size,area,party,share\nP,2025-08-01,900,national,A,40\nP,2025-08-01,900,national,B,44\nP,2025-08-01,900,national,C,16\nR,2025-07-25,700,national,A,43\nR,2025-07-25,700,national,B,40\nR,2025-07-25,700,national,C,17\n' >"$work/polls.csv"
printf 'party,A,B\nA,4,-1\nB,-1,4\n' >"$work/cov.csv"
for format in csv json; do
  args=(project "$work/votes.csv" --seats-file "$work/seats.csv" --polls "$work/polls.csv" --draws 3001 --seed 9
        --covariance "$work/cov.csv" --noise dirichlet:800 --swing mix:0.5 --threshold 16% --threshold-scope national
        --coalition AB=A+B --coalition A --format "$format")
  "$seatsim" "${args[@]}" --threads 1 -o "$work/single.$format"
  mpirun_2 "$seatsim_mpi" "${args[@]}" --threads 1 -o "$work/mpi.$format"
  cmp "$work/single.$format" "$work/mpi.$format"
  echo "identical: project $format"
done
