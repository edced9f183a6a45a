#!/usr/bin/env bash
# usage: check_networkx_gexf.sh FILE.gexf...
# NetworkX reads the GEXF by the README's recipe, and its plain read_gexf refuses exactly the
# files with undirected edges (see networkx_gexf_check.py). GEXF 1.3 needs NetworkX 3
# (Debian 12's python3-networkx 2.8 knows only 1.1draft and 1.2draft): the first of $PYTHON
# and the python3 on PATH whose NetworkX reads 1.3 runs the check; none skips it (77).
set -u
. "$(dirname "$0")/lib.sh"
need_files "$@"
for py in "$PYTHON" python3; do
  if "$py" -c 'import networkx.readwrite.gexf as g, sys; sys.exit("1.3" not in g.GEXF.versions)' 2>/dev/null; then
    exec "$py" "$clients_dir/networkx_gexf_check.py" "$@"
  fi
done
skip "no NetworkX that reads GEXF 1.3 (NetworkX 3 or later) for $PYTHON or python3"
