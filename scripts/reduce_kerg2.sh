#!/bin/sh
# Reduces the Bundeswahlleiterin's kerg2.csv (about 1.8 MB) to what `seatsim import kerg2` reads:
# the comment preamble (if any), the header and the rows of the Bund and the Länder, each line kept
# byte for byte (BOM included); the Wahlkreis rows are dropped. The importer gives the same
# results.csv, laender.csv and districts.csv for the reduction as for the full file (only
# QUALITY.md's line counts and checksum differ).
#
# Usage: scripts/reduce_kerg2.sh kerg2.csv > reduced.csv
# How scenarios/germany-2025/source/kerg2-bund-laender.csv was made:
#   git --git-dir=<mirror of Hemandl/Visualisierungen> show \
#     c06fba7b40b1c9733a3583148170be95e986e3b0:Visaulisierungen/src/data/kerg2.csv > kerg2.csv
#   scripts/reduce_kerg2.sh kerg2.csv > scenarios/germany-2025/source/kerg2-bund-laender.csv
set -eu
[ $# -eq 1 ] || { echo "usage: $0 kerg2.csv > reduced.csv" >&2; exit 2; }
LC_ALL=C awk -F';' 'NR == 1 || /^#/ || /^Wahlart;/ || $3 == "Bund" || $3 == "Land"' "$1"
