#!/bin/bash
# Regenerates tests/golden/metrics/* from tests/golden/metrics/input.graphml with the newsgraph
# binary given as $1 (default: build/newsgraph). Run it on purpose when the output of
# `newsgraph metrics` changes, and review `git diff tests/golden/metrics` before committing.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build/newsgraph}
[ -x "$bin" ] || { echo "update-golden-metrics: $bin is not built" >&2; exit 1; }
dir=$root/tests/golden/metrics
. "$root/tests/graph/golden-metrics-cases.sh"
for case in "${NG_METRICS_CASES[@]}"; do
  name=${case%%|*} args=${case#*|}
  # shellcheck disable=SC2086 # the arguments are meant to split
  "$bin" metrics "$dir/input.graphml" $args >"$dir/$name.tmp"
  mv "$dir/$name.tmp" "$dir/$name"
  echo "wrote tests/golden/metrics/$name"
done
