#!/usr/bin/env bash
# usage: check_networkx.sh FILE.graphml...
# NetworkX (Debian's python3-networkx) reads each file; every node, edge and attribute must
# come back with the type its key declares (see networkx_check.py).
set -u
. "$(dirname "$0")/lib.sh"
need_files "$@"
"$PYTHON" -c 'import networkx' 2>/dev/null || skip "networkx is not installed for $PYTHON"
exec "$PYTHON" "$clients_dir/networkx_check.py" "$@"
