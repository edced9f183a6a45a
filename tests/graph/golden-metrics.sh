#!/bin/bash
# Compares `newsgraph metrics` output, in each format, with tests/golden/metrics/.
# To change the expected output on purpose: tests/graph/update-golden-metrics.sh, then review
# the diff before committing.
set -u
bin=${NG_BIN:?NG_BIN unset} root=${NG_ROOT:?NG_ROOT unset}
[ -x "$bin" ] || { echo "skipped: $bin is not built"; exit 77; }
dir=$root/tests/golden/metrics
. "$root/tests/graph/golden-metrics-cases.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
for case in "${NG_METRICS_CASES[@]}"; do
  name=${case%%|*} args=${case#*|}
  # shellcheck disable=SC2086 # the arguments are meant to split
  if ! "$bin" metrics "$dir/input.graphml" $args >"$tmp/$name" 2>"$tmp/$name.err"; then
    echo "FAIL $name: newsgraph metrics $args exited non-zero:"; cat "$tmp/$name.err"; fail=1; continue
  fi
  if [ -s "$tmp/$name.err" ]; then
    echo "FAIL $name: unexpected stderr:"; cat "$tmp/$name.err"; fail=1
  fi
  if ! diff -u "$dir/$name" "$tmp/$name"; then
    echo "FAIL $name differs from tests/golden/metrics/$name (update-golden-metrics.sh regenerates it)"
    fail=1
  else
    echo "ok   $name"
  fi
done
# the terminal table fits in 80 columns (labels are cut to make room)
for name in metrics.txt top5-betweenness.txt; do
  width=$(LC_ALL=C.UTF-8 wc -L <"$tmp/$name")
  [ "$width" -le 80 ] || { echo "FAIL $name: $width columns wide"; fail=1; }
done
exit $fail
