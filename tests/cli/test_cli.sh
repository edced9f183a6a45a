#!/usr/bin/env bash
# The command-line contract: exit codes, the first line of error messages, help on stdout,
# refusal of bad outputs before any work, nothing half-written.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passed=0
# expect CODE "stderr substring" -- command...
expect() {
  local code=$1 msg=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" != "$code" ] || { [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; }; then
    echo "FAIL: $* -> exit $rc (want $code), stderr: $(head -c 300 "$tmp/err")"; fails=$((fails+1))
  else passed=$((passed+1)); fi
}
art="$root/fixtures/seeds"
expect 2 "usage: newsgraph" -- "$bin"
expect 0 "" -- "$bin" --help
grep -q "^usage: newsgraph COMMAND" "$tmp/out" || { echo "FAIL: --help not on stdout"; fails=$((fails+1)); }
expect 0 "" -- "$bin" --version
grep -qE '^newsgraph [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || { echo "FAIL: --version output"; fails=$((fails+1)); }
expect 0 "" -- "$bin" build --help
grep -q "^usage: newsgraph build" "$tmp/out" || { echo "FAIL: build --help not on stdout"; fails=$((fails+1)); }
# The FILE paragraph is export's format table: one line per format, its name first.
for f in graphml gexf dot csv json; do
  grep -q "^  $f  " "$tmp/out" || { echo "FAIL: build --help does not list the format $f"; fails=$((fails+1)); }
done
expect 2 "unknown command 'frobnicate'" -- "$bin" frobnicate
expect 2 "unknown option '--bogus'" -- "$bin" build --bogus "$art" -o "$tmp/g.graphml"
expect 2 "no output given" -- "$bin" build "$art"
expect 2 "no INPUT given" -- "$bin" build -o "$tmp/g.graphml"
expect 2 "needs --format" -- "$bin" build "$art" -o -
expect 2 ".xyz" -- "$bin" build "$art" -o "$tmp/g.xyz"
expect 1 "/nonexistent/input: cannot read input" -- "$bin" build /nonexistent/input -o "$tmp/g.graphml"
expect 1 "does not exist" -- "$bin" build "$art" -o "$tmp/missing/dir/g.graphml"
[ -e "$tmp/g.graphml" ] && { echo "FAIL: output written by a failed run"; fails=$((fails+1)); }
expect 1 "/dev/full: write failed" -- "$bin" build "$art" -o /dev/full --format graphml
# A good run: exit 0, the summary names the output, stdout output with --format.
expect 0 "wrote $tmp/g.graphml" -- "$bin" build "$art" -o "$tmp/g.graphml"
expect 0 "" -- "$bin" build -q "$art" -o - --format dot
grep -q '^digraph' "$tmp/out" || { echo "FAIL: -o - --format dot did not write DOT to stdout"; fails=$((fails+1)); }
[ -s "$tmp/err" ] && { echo "FAIL: -q printed: $(head -c 200 "$tmp/err")"; fails=$((fails+1)); }
# -v prints one line per article, naming its file, id and date.
expect 0 "tass-2025-08-14-aes-defense-consultations.txt: id tass-2025-08-14-aes-defense-consultations, date 2025-08-14" -- "$bin" build -v "$art" -o "$tmp/v.graphml"
[ "$(grep -c ': id ' "$tmp/err")" = 5 ] || { echo "FAIL: -v did not print one line per article"; fails=$((fails+1)); }
# Skipped inputs are reported, counted, and do not fail the run.
mkdir -p "$tmp/mixed"; cp "$art"/*.txt "$tmp/mixed/"; : > "$tmp/mixed/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\0\0\0\0\0' > "$tmp/mixed/photo.png"
printf '\x89PNG\r\n\x1a\n\0\0\0\0\0\0\0\0' > "$tmp/mixed/scan.txt" # binary, named as an article
expect 0 "empty.txt: empty file" -- "$bin" build "$tmp/mixed" -o "$tmp/m.graphml"
grep -qF "scan.txt: binary file" "$tmp/err" || { echo "FAIL: binary file not reported"; fails=$((fails+1)); }
grep -qF "1 file is not an article, skipped (photo.png)" "$tmp/err" || { echo "FAIL: the image was not counted as not an article: $(cat "$tmp/err")"; fails=$((fails+1)); }
grep -qF "(2 skipped)" "$tmp/err" || { echo "FAIL: skipped count: $(cat "$tmp/err")"; fails=$((fails+1)); }
cmp -s "$tmp/m.graphml" "$tmp/g.graphml" || { echo "FAIL: bad inputs changed the graph"; fails=$((fails+1)); }
# The same graph whatever the thread count.
"$bin" build -q -j1 "$art" -o "$tmp/j1.graphml" && "$bin" build -q -j4 "$art" -o "$tmp/j4.graphml"
cmp -s "$tmp/j1.graphml" "$tmp/j4.graphml" || { echo "FAIL: -j1 and -j4 differ"; fails=$((fails+1)); }
# CSV is two files and the summary names both; -o DIR/ makes DIR (its parent must exist).
expect 0 "wrote $tmp/t.nodes.csv and $tmp/t.edges.csv" -- "$bin" build "$art" -o "$tmp/t.csv"
expect 0 "wrote $tmp/newdir/nodes.csv and $tmp/newdir/edges.csv" -- "$bin" build "$art" -o "$tmp/newdir/"
[ -s "$tmp/newdir/nodes.csv" ] && [ -s "$tmp/newdir/edges.csv" ] || { echo "FAIL: -o DIR/ did not write DIR/nodes.csv and DIR/edges.csv"; fails=$((fails+1)); }
expect 1 "does not exist" -- "$bin" build "$art" -o "$tmp/nodir/deeper/"
[ -e "$tmp/nodir" ] && { echo "FAIL: a refused -o DIR/ made a directory"; fails=$((fails+1)); }
# States carry their ISO 3166 alpha-3 code as `code` in every format with attributes.
"$bin" build -q "$art" -o "$tmp/iso.csv" -o "$tmp/iso.graphml" -o "$tmp/iso.gexf" -o "$tmp/iso.json" || { echo "FAIL: build for codes"; fails=$((fails+1)); }
python3 - "$tmp" <<'PY' || { echo "FAIL: a state's ISO code missing from an export"; fails=$((fails+1)); }
import csv, json, sys, xml.etree.ElementTree as ET
t = sys.argv[1]
rows = {r["Id"]: r for r in csv.DictReader(open(f"{t}/iso.nodes.csv", encoding="utf-8"))}
ok = rows["mali"]["code"] == "MLI" and rows["russia"]["code"] == "RUS"
ok &= all(r["code"] == "" for r in rows.values() if r["type"] != "state")
g = ET.parse(f"{t}/iso.graphml").getroot()
ns = "{http://graphml.graphdrawing.org/xmlns}"
mali = [n for n in g.iter(ns + "node") if n.get("id") == "mali"][0]
ok &= any(d.get("key") == "code" and d.text == "MLI" for d in mali.findall(ns + "data"))
x = ET.parse(f"{t}/iso.gexf").getroot()
gs = "{http://gexf.net/1.3}"
mali = [n for n in x.iter(gs + "node") if n.get("id") == "mali"][0]
ok &= any(a.get("for") == "code" and a.get("value") == "MLI" for a in mali.iter(gs + "attvalue"))
j = json.load(open(f"{t}/iso.json", encoding="utf-8"))
ok &= [n["data"]["code"] for n in j["elements"]["nodes"] if n["data"]["id"] == "mali"] == ["MLI"]
sys.exit(0 if ok else 1)
PY
# --show-relations keeps only the types named; --drop-isolated only the actors that keep one.
expect 0 "" -- "$bin" build -q "$art" --show-relations met,signed -o "$tmp/sr.csv"
python3 - "$tmp/sr.nodes.csv" "$tmp/sr.edges.csv" <<'PY' || { echo "FAIL: --show-relations met,signed"; fails=$((fails+1)); }
import csv, sys
edges = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
sys.exit(0 if edges and {e["relation"] for e in edges} <= {"met", "signed"} else 1)
PY
expect 0 "" -- "$bin" build -q "$art" --drop-isolated -o "$tmp/di.csv"
python3 - "$tmp/di.nodes.csv" "$tmp/di.edges.csv" "$tmp/t.nodes.csv" <<'PY' || { echo "FAIL: --drop-isolated"; fails=$((fails+1)); }
import csv, sys
nodes = {n["Id"] for n in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
ends = set()
for e in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    ends |= {e["Source"], e["Target"]}
every = {n["Id"] for n in csv.DictReader(open(sys.argv[3], encoding="utf-8"))}
sys.exit(0 if nodes == ends and len(nodes) < len(every) else 1)
PY
expect 2 "--show-relations: unknown relation 'hugged'" -- "$bin" build "$art" --show-relations hugged -o "$tmp/x.graphml"
ls "$tmp" | grep -q '\.tmp\.' && { echo "FAIL: temporary file left behind"; fails=$((fails+1)); }
echo "cli: $passed passed, $fails failed"
[ $fails = 0 ]
