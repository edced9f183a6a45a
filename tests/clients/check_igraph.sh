#!/usr/bin/env bash
# usage: check_igraph.sh FILE.graphml...
# igraph's own GraphML reader (ng_igraph_read, built from tests/clients/igraph_read.c) reads
# each file; igraph_compare.py checks counts, endpoints, attribute types and values.
set -u
. "$(dirname "$0")/lib.sh"
need_files "$@"
tool=${NG_IGRAPH_READ:-${NG_BUILD:-$NG_ROOT/build}/tests/ng_igraph_read}
[ -x "$tool" ] || skip "$tool not built"
tmp=$(mktemp) && trap 'rm -f "$tmp"' EXIT
for f in "$@"; do
  "$tool" "$f" >"$tmp" || fail "igraph cannot read $f"
  "$PYTHON" "$clients_dir/igraph_compare.py" "$f" "$tmp" || fail "igraph read $f differently"
done
