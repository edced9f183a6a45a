#!/usr/bin/env bash
# The same input gives byte-identical files whatever the thread count and from one run to the
# next, on a corpus large enough for igraph's parallel code paths (PageRank once drifted in its
# last digits between runs). The corpus comes from ../shared/bench/gen-corpus (skipped without).
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
gen="$root/../shared/bench/gen-corpus"
[ -x "$gen" ] || { echo "skipped: $gen not found"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$gen" --templates "$root/fixtures/dev" --gold "$root/fixtures/gold/dev" --mb 2 --out "$tmp/c" >/dev/null 2>&1 ||
  { echo "gen-corpus failed"; exit 1; }
"$bin" build -q -j1 "$tmp/c" -o "$tmp/a.graphml" -o "$tmp/a.gexf" || exit 1
"$bin" build -q -j2 "$tmp/c" -o "$tmp/b.graphml" -o "$tmp/b.gexf" || exit 1
"$bin" build -q -j2 "$tmp/c" -o "$tmp/c.graphml" || exit 1
fails=0
cmp "$tmp/a.graphml" "$tmp/b.graphml" || { echo "FAIL: -j1 and -j2 GraphML differ"; fails=1; }
cmp "$tmp/a.gexf" "$tmp/b.gexf" || { echo "FAIL: -j1 and -j2 GEXF differ"; fails=1; }
cmp "$tmp/b.graphml" "$tmp/c.graphml" || { echo "FAIL: two -j2 runs differ"; fails=1; }
grep -q 'key="pagerank"' "$tmp/a.graphml" || { echo "FAIL: no pagerank in the graph"; fails=1; }
[ $fails = 0 ] && echo "determinism: 3 comparisons identical"
[ $fails = 0 ]
