#!/usr/bin/env bash
# The development sets keep their extraction quality: builds each set in fixtures/, scores it
# with `newsgraph eval` against fixtures/gold/SET, and compares with tests/cli/eval-floor.tsv.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
while IFS=$'\t' read -r set ef rf rp ta dmax; do
  case "$set" in ''|'#'*) continue;; esac
  "$bin" build -q "$root/fixtures/$set" -o "$tmp/$set.graphml" || { echo "FAIL: build $set"; fails=$((fails+1)); continue; }
  line=$("$bin" eval "$root/fixtures/gold/$set" "$tmp/$set.graphml" | tail -n 1)
  echo "$set: $line"
  python3 - "$line" "$ef" "$rf" "$rp" "$ta" "$dmax" <<'PY' || fails=$((fails+1))
import sys
line, ef, rf, rp, ta, dmax = sys.argv[1:]
v = dict(kv.split("=") for kv in line.split()[1:])
checks = [("entity-F1", ef), ("relation-F1", rf), ("relation-P", rp), ("type-accuracy", ta)]
bad = [f"{k}={v[k]} < {floor}" for k, floor in checks if float(v[k]) < float(floor)]
if int(v["duplicates"]) > int(dmax):
    bad.append(f"duplicates={v['duplicates']} > {dmax}")
if bad:
    print("FAIL:", ", ".join(bad)); sys.exit(1)
PY
done < "$root/tests/cli/eval-floor.tsv"
[ $fails = 0 ]
