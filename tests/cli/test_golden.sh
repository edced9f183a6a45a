#!/usr/bin/env bash
# End to end: `newsgraph build` over the bundled fixtures must give exactly the committed files
# in tests/golden/fixtures/. On a difference it prints `diff -u`. When a change of output is
# intended, regenerate them with scripts/update-golden and review the diff before committing.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gold="$root/tests/golden/fixtures"
"$bin" build -q "$root/fixtures/seeds" "$root/fixtures/dev" \
  -o "$tmp/fixtures.graphml" -o "$tmp/fixtures.gexf" -o "$tmp/fixtures.dot" -o "$tmp/fixtures.json" \
  || { echo "build failed"; exit 1; }
fails=0
for f in fixtures.graphml fixtures.gexf fixtures.dot fixtures.json; do
  if ! diff -u "$gold/$f" "$tmp/$f" > "$tmp/diff"; then
    echo "FAIL: $f differs from tests/golden/fixtures/$f (scripts/update-golden regenerates it):"
    head -60 "$tmp/diff"; fails=$((fails+1))
  fi
done
[ $fails = 0 ] && echo "golden: 4 files identical"
[ $fails = 0 ]
