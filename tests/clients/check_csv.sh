#!/usr/bin/env bash
# usage: check_csv.sh NODES.csv EDGES.csv [NODES.csv EDGES.csv ...]
# Python's csv module (strict) reads each pair as Gephi's spreadsheet import expects them.
set -u
. "$(dirname "$0")/lib.sh"
need_files "$@"
[ $(($# % 2)) -eq 0 ] || fail "give NODES EDGES pairs"
exec "$PYTHON" "$clients_dir/csv_check.py" "$@"
