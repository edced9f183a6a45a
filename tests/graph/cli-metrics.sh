#!/bin/bash
# `newsgraph metrics` on the command line: help, usage errors (exit 2), unreadable or broken
# graphs (exit 1, a message naming the file), gzip input, an empty graph, --exact and -v.
set -u
bin=${NG_BIN:?NG_BIN unset} root=${NG_ROOT:?NG_ROOT unset}
[ -x "$bin" ] || { echo "skipped: $bin is not built"; exit 77; }
input=$root/tests/golden/metrics/input.graphml
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

# expect NAME STATUS STDERR-PATTERN -- ARGS...: runs newsgraph with ARGS, checks the exit
# status and that stderr matches the pattern (empty pattern: stderr must be empty).
expect() {
  local name=$1 want=$2 pattern=$3; shift 4
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; cat "$tmp/err"; fail=1; return
  fi
  if [ -z "$pattern" ]; then
    [ -s "$tmp/err" ] && { echo "FAIL $name: unexpected stderr:"; cat "$tmp/err"; fail=1; return; }
  elif ! grep -q -- "$pattern" "$tmp/err"; then
    echo "FAIL $name: stderr does not match '$pattern':"; cat "$tmp/err"; fail=1; return
  fi
  echo "ok   $name"
}

expect help 0 "" -- metrics --help
grep -q "^usage: newsgraph metrics" "$tmp/out" || { echo "FAIL help: no usage line"; fail=1; }
grep -q "pagerank" "$tmp/out" || { echo "FAIL help: metrics not explained"; fail=1; }
expect no-graph 2 "give exactly one" -- metrics
expect two-graphs 2 "give exactly one" -- metrics "$input" "$input"
expect bad-sort 2 "unknown metric 'fame'" -- metrics --sort fame "$input"
expect bad-format 2 "unknown format 'xml'" -- metrics --format xml "$input"
expect bad-relations 2 "relations" -- metrics --relations met,hugged "$input"
expect bad-top 2 "top" -- metrics --top -3 "$input"
expect unknown-option 2 "unknown option" -- metrics --colour "$input"
expect missing 1 "$tmp/nope.graphml" -- metrics "$tmp/nope.graphml"

printf '<graphml><graph><node id="a"></graph>' >"$tmp/broken.graphml"
expect broken 1 "broken.graphml: not a readable GraphML" -- metrics "$tmp/broken.graphml"
printf '' >"$tmp/empty.graphml"
expect empty-file 1 "empty.graphml: empty file" -- metrics "$tmp/empty.graphml"
# another of newsgraph's formats: one line naming it and asking for GraphML
"$bin" build -q "$root/fixtures/seeds" -o "$tmp/s.gexf" -o "$tmp/s.json" -o "$tmp/s.csv" || { echo "FAIL build"; fail=1; }
expect gexf 1 "s.gexf: this is GEXF; this command reads GraphML only" -- metrics "$tmp/s.gexf"
[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "FAIL gexf: more than one line"; fail=1; }
expect json 1 "s.json: this is JSON; this command reads GraphML only" -- metrics "$tmp/s.json"
expect csv-table 1 "this is CSV; this command reads GraphML only" -- metrics "$tmp/s.nodes.csv"
expect help-graphml 0 "" -- metrics --help
grep -q "It takes GraphML only" "$tmp/out" || { echo "FAIL help: does not say it takes GraphML only"; fail=1; }

# gzip-compressed input gives the same ranking
gzip -c "$input" >"$tmp/input.graphml.gz"
"$bin" metrics --format csv "$input" >"$tmp/plain.csv"
expect gzip 0 "" -- metrics --format csv "$tmp/input.graphml.gz"
cmp -s "$tmp/plain.csv" "$tmp/out" || { echo "FAIL gzip: output differs from the plain file"; fail=1; }

# a graph with no node still prints a table, and a CSV header
printf '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>' >"$tmp/none.graphml"
expect no-nodes 0 "" -- metrics "$tmp/none.graphml"
grep -q "^0 actors, 0 relations, 0 communities" "$tmp/out" || { echo "FAIL no-nodes: header"; cat "$tmp/out"; fail=1; }
expect no-nodes-csv 0 "" -- metrics -f csv "$tmp/none.graphml"
[ "$(wc -l <"$tmp/out")" = 1 ] || { echo "FAIL no-nodes-csv: want only the header"; fail=1; }

# CSV: RFC 4180 quoting, one row per actor plus the header
expect csv 0 "" -- metrics -f csv "$input"
grep -q '^[0-9]*,quote,"The ""Harbour"" Front",organization,' "$tmp/out" || { echo "FAIL csv quoting"; fail=1; }
[ "$(wc -l <"$tmp/out")" = 13 ] || { echo "FAIL csv: want 13 lines"; fail=1; }

# --exact: the same numbers on a small graph (exact within the budget); over the budget
# (--budget 1000 visits here) the sampled path runs and says so in the table, unless --exact
# (here a star of 100 actors, sampled with the minimum of 64 sources, and 9950 pairs, always
# exact); the default budget computes this graph exactly
expect exact-small 0 "" -- metrics --exact --format csv "$input"
cmp -s "$tmp/plain.csv" "$tmp/out" || { echo "FAIL exact-small: output differs"; fail=1; }
/usr/bin/python3 - "$tmp/big.graphml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">\n')
    f.write("".join('<node id="n%d"/>\n' % i for i in range(20001)))
    f.write("".join('<edge source="n0" target="n%d"/>\n' % i for i in range(1, 100)))
    f.write("".join('<edge source="n%d" target="n%d"/>\n' % (i, i + 1) for i in range(100, 20000, 2)))
    f.write("</graph></graphml>\n")
PY
expect sampled-default 0 "" -- metrics --top 3 "$tmp/big.graphml"
grep -q "sampled" "$tmp/out" && { echo "FAIL sampled-default: sampled within the budget"; fail=1; }
expect sampled 0 "" -- metrics --budget 1000 --top 3 "$tmp/big.graphml"
grep -q "^betweenness, closeness and harmonic estimated from 64 sampled sources" "$tmp/out" ||
  { echo "FAIL sampled: no sampling note"; cat "$tmp/out"; fail=1; }
expect sampled-exact 0 "" -- metrics --exact --budget 1000 --top 3 "$tmp/big.graphml"
grep -q "sampled" "$tmp/out" && { echo "FAIL sampled-exact: --exact still sampled"; fail=1; }
expect verbose 0 "newsgraph: communities: " -- metrics -v --top 1 "$input"
for phase in read communities "ranking and output"; do # each phase with its CPU time
  grep -q "^newsgraph: $phase: [0-9.]* s (CPU [0-9.]* s)\$" "$tmp/err" ||
    { echo "FAIL verbose: no CPU time for '$phase'"; cat "$tmp/err"; fail=1; }
done
expect build-exact 0 "" -- build --help
grep -q -- "--exact" "$tmp/out" || { echo "FAIL build --help: no --exact"; fail=1; }
expect merge-exact 0 "" -- merge --help
grep -q -- "--exact" "$tmp/out" || { echo "FAIL merge --help: no --exact"; fail=1; }

# a full disk is a failure, not a silent truncation
if [ -w /dev/full ]; then
  "$bin" metrics "$input" >/dev/full 2>"$tmp/err"
  [ $? = 1 ] || { echo "FAIL /dev/full: want exit 1"; fail=1; }
fi
exit $fail
