#!/usr/bin/env bash
# Installs the Debian packages of scripts/packages.txt that are missing (nothing when all are
# present; sudo when not run as root), then playwright-core for the explorer's browser test from
# tests/browser/package-lock.json (`npm ci`, only while tests/browser/node_modules is missing), so
# that the browser test runs rather than reports itself skipped. The tests themselves need no network.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/packages.txt" | grep -v '^$')
# What the installed packages provide counts as present: nodejs from NodeSource provides (and
# conflicts with) Debian's npm, which must then not be installed over it.
provided=$(dpkg-query -W -f='${Status}|${Provides}\n' 2>/dev/null | grep '^install ok installed|' | cut -d'|' -f2 |
  tr ',' '\n' | sed -e 's/(.*)//' -e 's/[[:space:]]//g' | sort -u)
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' && continue
  grep -qx -- "$package" <<<"$provided" && continue
  missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "seatsim: installing Debian packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
browser="$here/../tests/browser"
if command -v npm >/dev/null && [ ! -d "$browser/node_modules" ]; then
  echo "seatsim: installing playwright-core for the browser test (npm ci in tests/browser)" >&2
  # Without the npm registry (offline) the browser test reports itself skipped: say so loudly, but the
  # rest of the build and tests need nothing from the network.
  (cd "$browser" && npm ci --no-audit --no-fund) ||
    echo "seatsim: WARNING: npm ci failed in tests/browser; the browser test will report itself skipped" >&2
fi
