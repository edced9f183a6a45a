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
echo "chromium: top actor '$top', $fails failed"
[ $fails = 0 ]
