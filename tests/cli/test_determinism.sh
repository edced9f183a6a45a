#!/usr/bin/env bash
# The same input gives byte-identical files whatever the thread count and from one run to the
# next, on a corpus large enough for igraph's parallel code paths (PageRank once drifted in its
# last digits between runs). The corpus comes from ../shared/bench/gen-corpus (skipped without).
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
gen="$root/../shared/bench/gen-corpus"
[ -x "$gen" ] || { echo "skipped: $gen not found"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# 2 MB; 0.3 MB under valgrind (scripts/valgrind-tests), where the point is memory errors.
mb=2
[ "${NG_VALGRIND:-0}" = 1 ] && mb=0.3
python3 "$gen" --templates "$root/fixtures/dev" --gold "$root/fixtures/gold/dev" --mb "$mb" --out "$tmp/c" >/dev/null 2>&1 ||
  { echo "gen-corpus failed"; exit 1; }
# Every format, so that the files written in parallel (one thread per file with -j2, -j4)
# are checked against the ones written one after the other (-j1).
every() { echo -o "$tmp/$1.graphml" -o "$tmp/$1.gexf" -o "$tmp/$1.dot" -o "$tmp/$1.json" -o "$tmp/$1.csv"; }
# shellcheck disable=SC2046
"$bin" build -q -j1 "$tmp/c" $(every a) || exit 1
# shellcheck disable=SC2046
"$bin" build -q -j2 "$tmp/c" $(every b) || exit 1
"$bin" build -q -j2 "$tmp/c" -o "$tmp/c.graphml" || exit 1
# shellcheck disable=SC2046
"$bin" build -q -j4 --no-metrics "$tmp/c" $(every d) || exit 1
# shellcheck disable=SC2046
"$bin" build -q -j1 --no-metrics "$tmp/c" $(every e) || exit 1
fails=0
for ext in graphml gexf dot json nodes.csv edges.csv; do
  cmp "$tmp/a.$ext" "$tmp/b.$ext" || { echo "FAIL: -j1 and -j2 $ext differ"; fails=1; }
  cmp "$tmp/e.$ext" "$tmp/d.$ext" || { echo "FAIL: -j1 and -j4 $ext differ (no metrics)"; fails=1; }
done
cmp "$tmp/b.graphml" "$tmp/c.graphml" || { echo "FAIL: two -j2 runs differ"; fails=1; }
grep -q 'key="pagerank"' "$tmp/a.graphml" || { echo "FAIL: no pagerank in the graph"; fails=1; }
[ $fails = 0 ] && echo "determinism: 13 comparisons identical"
[ $fails = 0 ]
