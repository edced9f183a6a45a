#!/usr/bin/env bash
# Regenerates the README's screenshot of the fixtures' report (on purpose, like the golden
# files): the top of the page (header, summary, picture) at 1280x2000 CSS pixels, rendered at
# 0.75 scale so that the PNG stays under 300 KB.
# usage: tests/report/make_screenshot.sh [NEWSGRAPH] [OUT.png]
#        (defaults: build/newsgraph docs/report-screenshot.png)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build/newsgraph}
out=${2:-$root/docs/report-screenshot.png}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome) ||
  { echo "make_screenshot: Chromium is not installed" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" report -q "$root/fixtures/seeds" "$root/fixtures/dev" -o "$tmp/report.html"
mkdir -p "$(dirname "$out")"
timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$tmp/profile" \
  --force-device-scale-factor=0.75 --window-size=1280,2000 \
  --screenshot="$tmp/shot.png" "file://$tmp/report.html" >/dev/null 2>&1
cp "$tmp/shot.png" "$out"
echo "make_screenshot: wrote $out ($(stat -c %s "$out") bytes)"
