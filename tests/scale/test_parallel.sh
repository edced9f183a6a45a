#!/usr/bin/env bash
# The README's GNU parallel map/reduce: one `newsgraph extract` per article file, run by
# parallel ({#} numbers the shards), then one `newsgraph merge`, equals one `newsgraph build`
# byte for byte. Skipped (77) when GNU parallel is missing.
# Not under valgrind (NG_VALGRIND=1, scripts/valgrind-tests): the recipe only orchestrates
# `extract` and `merge`, whose every code path extract_merge checks under valgrind already.
[ "${NG_VALGRIND:-0}" = 1 ] && { echo "skipped: not under valgrind (extract_merge covers the same runs)"; exit 77; }
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q 'GNU parallel' \
  || { echo "skipped: GNU parallel is not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
seeds="$root/fixtures/seeds"; dev="$root/fixtures/dev"
"$bin" build -q "$seeds" "$dev" -o "$tmp/ref.graphml" -o "$tmp/ref.dot" || { echo "FAIL: build"; exit 1; }
mkdir -p "$tmp/shards"
ls "$seeds"/*.txt "$dev"/*.txt | parallel --will-cite -j2 "$bin" extract -q {} -o "$tmp/shards/{#}.ngs" \
  || { echo "FAIL: parallel extract"; exit 1; }
n=$(ls "$tmp/shards" | wc -l)
"$bin" merge -q "$tmp"/shards/*.ngs -o "$tmp/g.graphml" -o "$tmp/g.dot" || { echo "FAIL: merge"; exit 1; }
fails=0
[ "$n" = "$(ls "$seeds"/*.txt "$dev"/*.txt | wc -l)" ] || { echo "FAIL: $n shards"; fails=$((fails+1)); }
for f in graphml dot; do
  cmp -s "$tmp/ref.$f" "$tmp/g.$f" || { echo "FAIL: parallel's .$f differs from build's"; fails=$((fails+1)); }
done
echo "parallel: $((3 - fails)) passed, $fails failed"
[ $fails = 0 ]
