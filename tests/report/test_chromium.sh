#!/usr/bin/env bash
# The fixtures' report in headless Chromium: it loads from file:// with every network path
# closed, renders (a screenshot of real size), and the rendered DOM holds the top actor by
# PageRank and the picture. Skipped (77) when Chromium is not installed. The screenshot is
# kept as $NG_BUILD/report-screenshot.png for a look.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
chrome=""
for c in chromium chromium-browser google-chrome; do
  command -v "$c" >/dev/null && { chrome=$c; break; }
done
[ -n "$chrome" ] || { echo "chromium not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }

"$bin" report -q "$root/fixtures/seeds" "$root/fixtures/dev" -o "$tmp/report.html" || { echo "FAIL: report"; exit 1; }
# The label of the first actor of the PageRank card, as the page's text shows it.
top=$(sed -n '/<div class="card" id="top-pagerank">/,/<\/div>/p' "$tmp/report.html" |
      grep -m1 -oE '<tr><td class="rank">1</td><td><span [^>]*>[^<]*' | sed 's/.*>//')
[ -n "$top" ] || fail "no top PageRank actor in the report"

# Every flag keeps Chromium off the network; the resolver maps every host to nothing.
chrome_run() {
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$tmp/profile-$1" --window-size=1280,2000 "${@:2}" "file://$tmp/report.html"
}
chrome_run shot --screenshot="$tmp/shot.png" >"$tmp/shot.log" 2>&1 || fail "screenshot run failed: $(tail -3 "$tmp/shot.log")"
if [ -s "$tmp/shot.png" ]; then
  [ "$(head -c 8 "$tmp/shot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "screenshot is not a PNG"
  # A blank 1280x2000 page compresses to a few KB; the report's tables, text and picture don't.
  size=$(stat -c %s "$tmp/shot.png")
  [ "$size" -gt 60000 ] || fail "screenshot suspiciously small ($size bytes): blank page?"
  [ -n "${NG_BUILD:-}" ] && cp "$tmp/shot.png" "$NG_BUILD/report-screenshot.png"
else
  fail "no screenshot written"
fi
chrome_run dom --dump-dom >"$tmp/dom.html" 2>"$tmp/dom.log" || fail "dump-dom run failed: $(tail -3 "$tmp/dom.log")"
grep -qF -- "$top" "$tmp/dom.html" || fail "rendered DOM lacks the top actor '$top'"
grep -qF '<h2>Central actors</h2>' "$tmp/dom.html" || fail "rendered DOM lacks the rankings"
if command -v sfdp >/dev/null; then
  grep -q '<svg class="graph"' "$tmp/dom.html" || fail "rendered DOM lacks the picture"
fi
# A phone: the page in a 390 px frame must not scroll sideways, and nothing may reach past the
# right edge but inside the boxes that scroll on their own (the relation matrix). A
# screenshot of it is kept as $NG_BUILD/report-screenshot-390.png.
if command -v python3 >/dev/null; then
  python3 "$root/tests/report/narrow_probe.py" "$tmp/report.html" "$tmp/probe.html" || fail "narrow_probe.py"
  narrow() {
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --disable-default-apps --disable-extensions --host-resolver-rules="MAP * ~NOTFOUND" \
      --user-data-dir="$tmp/profile-$1" --window-size=420,3000 --virtual-time-budget=5000 \
      "${@:2}" "file://$tmp/probe.html"
  }
  narrow probe --dump-dom >"$tmp/probe-dom.html" 2>"$tmp/probe.log" || fail "390 px run failed: $(tail -3 "$tmp/probe.log")"
  body=$(grep -o '<body[^>]*>' "$tmp/probe-dom.html" | head -1)
  width=$(printf '%s' "$body" | sed -n 's/.*data-width="\([0-9]*\)".*/\1/p')
  over=$(printf '%s' "$body" | sed -n 's/.*data-overflow="\([0-9-]*\)".*/\1/p')
  wide=$(printf '%s' "$body" | sed -n 's/.*data-wide="\([^"]*\)".*/\1/p')
  { [ -n "$width" ] && [ "$width" -le 390 ] && [ "$width" -ge 360 ]; } || fail "390 px frame measured '$width' px wide: $body"
  [ "$over" = 0 ] || fail "at 390 px the page scrolls sideways by $over px (elements past the edge: $wide)"
  [ "${wide%%:*}" = 0 ] || fail "at 390 px elements reach past the right edge: $wide"
  narrow shot390 --screenshot="$tmp/shot390.png" >"$tmp/shot390.log" 2>&1 || fail "390 px screenshot failed"
  [ -s "$tmp/shot390.png" ] && [ -n "${NG_BUILD:-}" ] && cp "$tmp/shot390.png" "$NG_BUILD/report-screenshot-390.png"
  echo "chromium at 390 px: layout width $width px, sideways overflow $over px"
fi
echo "chromium: top actor '$top', $fails failed"
[ $fails = 0 ]
