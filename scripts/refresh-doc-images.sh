#!/bin/sh
# Refreshes docs/images/ from what seatsim draws now: the README's hemicycle (example-hemicycle.svg), the
# HTML report's screenshots at desktop and 400-px widths (report-desktop.png, report-phone.png) and the
# explorer's (explorer.png). The screenshots come from the browser tests (tests/browser), which must pass;
# they need node, Debian's chromium and `npm ci` in tests/browser.
#   scripts/refresh-doc-images.sh [BUILD_DIR]     (default: build)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
python3 "$root/tests/charts/charts_check.py" docs-image "$build/seatsim" "$root/docs/images/example-hemicycle.svg"
echo "wrote docs/images/example-hemicycle.svg"
cd "$root/tests/browser"
for test in report.test.mjs explorer.test.mjs; do
  SEATSIM_UPDATE_DOCS=1 SEATSIM="$build/seatsim" SEATSIM_SOURCE_DIR="$root" SEATSIM_ARTIFACTS="$build/test-artifacts" \
    node "$test"
done
