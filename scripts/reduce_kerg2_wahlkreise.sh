#!/bin/sh
# Reduces the Bundeswahlleiterin's kerg2.csv (about 1.8 MB) to what
# scripts/import_kerg2_constituencies.py reads: the header, each Land's first row (its number and
# name) and the first-vote (Stimme 1) rows of the Wahlkreise that hold a count (parties, independent
# candidates and the valid votes), each line kept byte for byte.
#
# Usage: scripts/reduce_kerg2_wahlkreise.sh kerg2.csv > reduced.csv
# How scenarios/germany-2025-laender/source/kerg2-wahlkreise-erststimmen.csv was made:
#   git --git-dir=<mirror of Hemandl/Visualisierungen> show \
#     c06fba7b40b1c9733a3583148170be95e986e3b0:Visaulisierungen/src/data/kerg2.csv > kerg2.csv
#   scripts/reduce_kerg2_wahlkreise.sh kerg2.csv > scenarios/germany-2025-laender/source/kerg2-wahlkreise-erststimmen.csv
set -eu
[ $# -eq 1 ] || { echo "usage: $0 kerg2.csv > reduced.csv" >&2; exit 2; }
LC_ALL=C awk -F';' 'NR == 1 || /^Wahlart;/ || ($3 == "Land" && $9 == "Wahlberechtigte") ||
  ($3 == "Wahlkreis" && $11 == "1" && $12 != "" && ($8 != "System-Gruppe" || $9 == "Gültige"))' "$1"
