#!/usr/bin/env bash
# `newsgraph report` end to end: the fixtures' report in HTML and Markdown (valid, every section
# filled, consistent with the exported metrics, byte-identical across runs and thread counts);
# tiny inputs (no actor, one actor, disconnected parts) still render; text from articles is
# escaped; no Graphviz gives a note, not a failure; the command-line contract.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
command -v xmllint >/dev/null || { echo "xmllint not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The picture's temporary files go here: checked empty at the end.
export TMPDIR="$tmp/t"; mkdir -p "$TMPDIR"
check="/usr/bin/python3 $root/tests/report/check_report.py"
fails=0; passed=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
ok() { passed=$((passed+1)); }
# count FILE PATTERN: lines of FILE matching the extended regex
count() { grep -cE -- "$2" "$1"; }
# tile FILE LABEL: the number in the summary tile labelled LABEL
tile() { grep -oE "<span class=\"n\">[0-9]+</span><span class=\"l\">$2</span>" "$1" | grep -oE '[0-9]+' | head -1; }
have_graphviz=0; command -v sfdp >/dev/null && command -v dot >/dev/null && have_graphviz=1

# ---- the fixtures
fx=("$root/fixtures/seeds" "$root/fixtures/dev")
n_articles=$(find "${fx[@]}" -type f -name '*.txt' | wc -l)
if "$bin" report "${fx[@]}" -o "$tmp/r.html" -o "$tmp/r.md" 2>"$tmp/err"; then ok; else fail "report over the fixtures: $(head -c 300 "$tmp/err")"; fi
grep -qF "wrote $tmp/r.html" "$tmp/err" || fail "summary does not name r.html"
$check html "$tmp/r.html" && ok || fail "fixtures' HTML report"
$check md "$tmp/r.md" && ok || fail "fixtures' Markdown report"
[ "$(tile "$tmp/r.html" 'articles read')" = "$n_articles" ] || fail "articles tile is not $n_articles"
[ "$(tile "$tmp/r.html" 'actors')" -ge 10 ] 2>/dev/null || fail "fewer than 10 actors in the fixtures' report"
[ "$(count "$tmp/r.html" '<div class="card" id="top-')" = 7 ] || fail "not 7 ranking cards"
[ "$(count "$tmp/r.html" '<tr><td class="rank">1</td>')" = 7 ] || fail "a ranking card is empty"
[ "$(count "$tmp/r.html" '^<div class="community">')" -ge 2 ] || fail "fewer than 2 communities"
[ "$(count "$tmp/r.html" '<td class="on">')" -ge 4 ] || fail "relation matrix nearly empty"
[ "$(count "$tmp/r.html" '<tr><td class="date">')" -ge 5 ] || fail "timeline has fewer than 5 rows"
[ "$(count "$tmp/r.html" '^<blockquote><p>')" -ge 10 ] || fail "fewer than 10 evidence sentences"
# The timeline is in date order.
grep -oE '<tr><td class="date">[0-9-]{10}' "$tmp/r.html" | cut -c22- > "$tmp/dates"
sort -c "$tmp/dates" 2>/dev/null || fail "timeline not sorted by date"
if [ $have_graphviz = 1 ]; then
  grep -q '<svg class="graph"' "$tmp/r.html" || fail "no picture although Graphviz is installed"
  [ -s "$tmp/r.svg" ] && xmllint --noout "$tmp/r.svg" || fail "r.svg missing or broken beside r.md"
  grep -qF '![The graph, drawn by Graphviz](r.svg)' "$tmp/r.md" || fail "r.md does not show r.svg"
fi
# The rankings are the exported metrics: the top actor by PageRank in the report is the top
# actor by the pagerank attribute of the GraphML that `build` writes from the same inputs.
"$bin" build -q "${fx[@]}" -o "$tmp/g.graphml" || fail "build"
top=$(/usr/bin/python3 - "$tmp/g.graphml" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("attr.name"): k.get("id") for k in root.findall("g:key", ns) if k.get("for") == "node"}
best = None
for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
    d = {x.get("key"): x.text for x in n.findall("g:data", ns)}
    pr = float(d.get(keys["pagerank"], "0"))
    if best is None or pr > best[0]:
        best = (pr, d.get(keys["label"]))
import html; print(html.escape(best[1], quote=True).replace("&#x27;", "&#39;"))
EOF
)
first=$(sed -n '/<div class="card" id="top-pagerank">/,/<\/div>/p' "$tmp/r.html" | grep -m1 -oE '<tr><td class="rank">1</td><td><span [^>]*>[^<]*' | sed 's/.*>//')
[ -n "$top" ] && [ "$first" = "$top" ] && ok || fail "top PageRank actor: report '$first', GraphML '$top'"
# Deterministic: the same bytes again, whatever the thread count.
mkdir -p "$tmp/again"
"$bin" report -q -j1 "${fx[@]}" -o "$tmp/again/r.html" -o "$tmp/again/r.md" || fail "second run"
cmp -s "$tmp/r.html" "$tmp/again/r.html" && ok || fail "HTML differs between runs (-j1 vs default)"
cmp -s "$tmp/r.md" "$tmp/again/r.md" && ok || fail "Markdown differs between runs"
cmp -s "$tmp/r.svg" "$tmp/again/r.svg" && ok || fail "SVG differs between runs"

# ---- tiny inputs: each renders, valid, every section there
mkdir -p "$tmp/none" "$tmp/one" "$tmp/parts" "$tmp/hostile"
printf 'date 2030-05-01\nIt rained all afternoon and the market stayed closed.\n' > "$tmp/none/weather.txt"
printf 'date 2030-05-01\nThe government of Chad announced a new budget on Tuesday.\n' > "$tmp/one/budget.txt"
printf 'date 2030-06-02\nMali and Niger signed a defence agreement on Monday.\n' > "$tmp/parts/a.txt"
printf 'date 2030-06-09\nThe presidents of Brazil and Argentina met in Brasilia on Friday.\n' > "$tmp/parts/b.txt"
for case in none one parts; do
  if "$bin" report -q "$tmp/$case" -o "$tmp/$case.html" -o "$tmp/$case.md"; then ok; else fail "report over '$case'"; fi
  $check html "$tmp/$case.html" && ok || fail "$case: HTML"
  $check md "$tmp/$case.md" && ok || fail "$case: Markdown"
done
[ "$(tile "$tmp/none.html" actors)" = 0 ] || fail "none: actors tile not 0"
grep -qF 'No picture: the graph has no actors.' "$tmp/none.html" || fail "none: no note instead of the picture"
grep -qF 'No relations between actors.' "$tmp/none.html" || fail "none: matrix note"
[ "$(tile "$tmp/one.html" actors)" = 1 ] || fail "one: actors tile not 1"
[ "$(tile "$tmp/one.html" relations)" = 0 ] || fail "one: relations tile not 0"
grep -qF 'Every actor scores 0: there are no relations.' "$tmp/one.html" || fail "one: empty ranking note"
grep -qF 'Chad' "$tmp/one.html" || fail "one: Chad not listed"
grep -qF 'No picture: no actor has a relation to draw.' "$tmp/one.html" || fail "one: no note instead of the picture"
[ "$(tile "$tmp/parts.html" 'connected parts')" -ge 2 ] 2>/dev/null || fail "parts: fewer than 2 connected parts"
[ "$(count "$tmp/parts.html" '^<div class="community">')" -ge 2 ] || fail "parts: fewer than 2 communities"

# ---- the picture shows the core of the graph: isolated actors out, at most --picture-nodes
if [ $have_graphviz = 1 ]; then
  # drawn actors: Graphviz's node groups, minus the legend's (named legend:...)
  drawn() { sed -n '/<svg class="graph"/,/<\/svg>/p' "$1" | grep -A1 'class="node"' | grep '<title>' | grep -vc '<title>legend:'; }
  [ "$(drawn "$tmp/parts.html")" = 4 ] || fail "parts: not 4 actors drawn"
  grep -qF 'dot (layered)' "$tmp/parts.html" || fail "parts: a small graph is not laid out by dot"
  "$bin" report -q "$tmp/parts" "$tmp/one" -o "$tmp/mixed.html" || fail "report over parts + one"
  [ "$(drawn "$tmp/mixed.html")" = 4 ] || fail "mixed: the isolated actor is drawn"
  grep -qF 'Actors without any relation are left out.' "$tmp/mixed.html" || fail "mixed: caption"
  n=$(drawn "$tmp/r.html")
  [ "$n" -ge 10 ] && [ "$n" -le 70 ] || fail "fixtures: $n actors drawn (want 10..70)"
  "$bin" report -q --picture-nodes 12 "${fx[@]}" -o "$tmp/p12.html" || fail "--picture-nodes 12"
  n=$(drawn "$tmp/p12.html")
  [ "$n" -ge 2 ] && [ "$n" -le 12 ] || fail "--picture-nodes 12: $n actors drawn"
  grep -qE "It shows the $n most connected actors \([0-9]+ relations or more each\)" "$tmp/p12.html" || fail "--picture-nodes 12: caption"
  $check html "$tmp/p12.html" && ok || fail "--picture-nodes 12: HTML"
fi

# ---- text from articles is escaped everywhere (page, picture, Markdown)
printf 'date 2030-07-01\nMali and Niger signed a trade accord on Monday <script>alert(1)</script> & more | *now*.\n' \
  > "$tmp/hostile/a&b <x>.txt"
"$bin" report -q --title '<b>Bold</b> & "quoted"' "$tmp/hostile" -o "$tmp/h.html" -o "$tmp/h.md" || fail "hostile report"
$check html "$tmp/h.html" && ok || fail "hostile: HTML"
$check md "$tmp/h.md" && ok || fail "hostile: Markdown"
grep -qi '<script' "$tmp/h.html" && fail "hostile: a raw <script> in the HTML"
grep -qi '<script' "$tmp/h.md" && fail "hostile: a raw <script> in the Markdown"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more' "$tmp/h.html" || fail "hostile: escaped script not shown as text"
grep -qF 'a&amp;b &lt;x&gt;' "$tmp/h.html" || fail "hostile: article id not escaped"
grep -qF '<title>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;</title>' "$tmp/h.html" || fail "hostile: title not escaped"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more \| \*now\*.' "$tmp/h.md" || fail "hostile: Markdown escaping"

# ---- no Graphviz: a note and a warning, not a failure; --no-picture: neither
if PATH=/nonexistent "$bin" report "$tmp/parts" -o "$tmp/nogv.html" -o "$tmp/nogv.md" 2>"$tmp/err"; then ok; else fail "report without Graphviz failed"; fi
grep -qF 'Graphviz is not installed' "$tmp/err" || fail "no warning without Graphviz: $(cat "$tmp/err")"
grep -qF 'Graphviz is not installed' "$tmp/nogv.html" || fail "no note without Graphviz"
grep -q '<svg' "$tmp/nogv.html" && fail "a picture without Graphviz?"
[ -e "$tmp/nogv.svg" ] && fail "nogv.svg written without Graphviz"
$check html "$tmp/nogv.html" && ok || fail "report without Graphviz: HTML"
"$bin" report --no-picture "$tmp/parts" -o "$tmp/np.html" -o "$tmp/np.md" 2>"$tmp/err" || fail "--no-picture"
grep -q 'warning' "$tmp/err" && fail "--no-picture warned: $(cat "$tmp/err")"
grep -qF 'turned off with --no-picture' "$tmp/np.html" || fail "--no-picture note"
[ -e "$tmp/np.svg" ] && fail "np.svg written with --no-picture"

# ---- which relations the lists show; the picture's legend; citations
# section FILE ID: the HTML of <section id="ID"> (to its end)
section() { sed -n "/<section id=\"$2\">/,/<\/section>/p" "$1"; }
section "$tmp/r.html" timeline >"$tmp/tl"; section "$tmp/r.html" evidence >"$tmp/ev"
# a relation pill: <span class="rel">NAME</span>, NAME cut by <wbr /> after its underscore
pill() { grep -qE "class=\"rel( hostile)?\">$2" "$1"; }
{ pill "$tmp/tl" member_ || pill "$tmp/tl" affiliated_ || pill "$tmp/ev" member_ || pill "$tmp/ev" affiliated_; } && fail "standing ties listed in the timeline or evidence by default"
grep -qF 'are not listed here' "$tmp/tl" || fail "the timeline does not say which relation types it leaves out"
{ pill "$tmp/tl" met || pill "$tmp/tl" condemned; } || fail "the default timeline lost the events"
grep -q '<cite>' "$tmp/ev" || fail "evidence sentences are not cited"
if [ $have_graphviz = 1 ]; then
  grep -q '<ul class="legend"' "$tmp/r.html" || fail "no legend of line styles under the picture"
  /usr/bin/python3 - "$tmp/r.html" <<'PY' || fail "relation names written on the picture's lines"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
edges = re.findall(r'<g id="[^"]*" class="edge">(.*?)</g>', svg, re.S)
sys.exit(1 if not edges or any("<text" in e for e in edges) else 0)
PY
fi
"$bin" report -q --no-picture --show-relations affiliated_with,met "${fx[@]}" -o "$tmp/sr.html" || fail "--show-relations"
section "$tmp/sr.html" timeline >"$tmp/tl2"
pill "$tmp/tl2" affiliated_ || fail "--show-relations affiliated_with: not in the timeline"
{ pill "$tmp/tl2" condemned || pill "$tmp/tl2" signed || pill "$tmp/tl2" withdrew; } && fail "--show-relations affiliated_with,met: other types in the timeline"
grep -qF 'are not listed here' "$tmp/tl2" && fail "--show-relations: the graph should hold only the types named"
"$bin" report -q --no-picture --drop-isolated "${fx[@]}" -o "$tmp/di.html" || fail "--drop-isolated"
[ "$(tile "$tmp/di.html" 'actors')" -lt "$(tile "$tmp/r.html" 'actors')" ] || fail "--drop-isolated kept every actor"
[ "$(tile "$tmp/di.html" 'connected parts')" -lt "$(tile "$tmp/r.html" 'connected parts')" ] || fail "--drop-isolated: isolated actors still counted as parts"
[ "$(tile "$tmp/di.html" 'relations')" = "$(tile "$tmp/r.html" 'relations')" ] || fail "--drop-isolated changed the relations"

# ---- the command-line contract
expect() {
  local code=$1 msg=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" != "$code" ] || { [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; }; then
    fail "$* -> exit $rc (want $code), stderr: $(head -c 300 "$tmp/err")"
  else ok; fi
}
expect 0 "" -- "$bin" report --help
grep -q '^usage: newsgraph report' "$tmp/out" || fail "report --help not on stdout"
expect 2 "unknown report format" -- "$bin" report "$tmp/parts" -o "$tmp/x.pdf"
expect 2 "no output given" -- "$bin" report "$tmp/parts"
expect 2 "no INPUT given" -- "$bin" report -o "$tmp/x.html"
expect 2 "needs --format" -- "$bin" report "$tmp/parts" -o -
expect 2 "--top must be at least 1" -- "$bin" report --top 0 "$tmp/parts" -o "$tmp/x.html"
expect 1 "does not exist" -- "$bin" report "$tmp/parts" -o "$tmp/missing/dir/x.html"
expect 2 "--show-relations: unknown relation 'hugged'" -- "$bin" report --show-relations met,hugged "$tmp/parts" -o "$tmp/x.html"
expect 2 "--show-relations" -- "$bin" report --show-relations , "$tmp/parts" -o "$tmp/x.html"
[ -e "$tmp/x.html" ] && fail "output written by a failed run"
expect 0 "" -- "$bin" report -q --no-picture "$tmp/parts" -o - --format md
head -1 "$tmp/out" | grep -q '^# newsgraph report$' || fail "-o - --format md did not write Markdown"
[ -s "$tmp/err" ] && fail "-q printed: $(head -c 200 "$tmp/err")"
expect 0 "" -- "$bin" report -q "$tmp/parts" -o - --format html
head -1 "$tmp/out" | grep -q '^<!DOCTYPE html>$' || fail "-o - --format html did not write HTML"
ls "$tmp" | grep -q '\.tmp\.' && fail "temporary file left behind"
[ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left in TMPDIR: $(ls -A "$TMPDIR")"

echo "report: $passed passed, $fails failed"
[ $fails = 0 ]
