#!/usr/bin/env bash
# The real clients open the exports of a graph that uses a user's relation types (corpus.sh):
# the GraphML (with its graph-level `relations` data) validates against the GraphML XSD and
# reads in NetworkX and igraph, the GEXF validates against GEXF 1.3, dot, neato and sfdp render
# the DOT (its legend names the declared types) without a warning, Python's csv module reads
# the tables, Cytoscape.js the JSON. A client that is not installed is skipped; when none is,
# the test is skipped (exit 77).
set -u
bin=${NG_BIN:?}
root=${NG_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/corpus.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
write_relations_corpus "$tmp"
"$bin" build -q "$tmp/articles" --relations "$tmp/relations.csv" --lexicon "$tmp/triggers.csv" \
  -o "$tmp/g.graphml" -o "$tmp/g.gexf" -o "$tmp/g.dot" -o "$tmp/g.json" -o "$tmp/g.csv" ||
  { echo "FAIL: build"; exit 1; }
grep -q 'kind="feuded"' "$tmp/g.gexf" || { echo "FAIL: the graph has no user relation"; exit 1; }
c=$root/tests/clients
ran=0 failed=0
check() { # NAME SCRIPT ARGS...
  local name=$1; shift
  bash "$@" > "$tmp/out" 2>&1; local rc=$?
  case $rc in
    0) ran=$((ran + 1)); echo "ok   $name" ;;
    77) echo "skip $name: $(tail -1 "$tmp/out")" ;;
    *) failed=$((failed + 1)); echo "FAIL $name:"; cat "$tmp/out" ;;
  esac
}
check "graphml schema" "$c/check_xmllint.sh" graphml "$tmp/g.graphml"
check "gexf schema" "$c/check_xmllint.sh" gexf "$tmp/g.gexf"
check "graphml networkx" "$c/check_networkx.sh" "$tmp/g.graphml"
check "graphml igraph" "$c/check_igraph.sh" "$tmp/g.graphml"
check "dot graphviz" "$c/check_graphviz.sh" "$tmp/g.dot"
check "csv tables" "$c/check_csv.sh" "$tmp/g.nodes.csv" "$tmp/g.edges.csv"
check "json cytoscape" "$c/check_cytoscape.sh" "$tmp/g.json"
[ "$failed" = 0 ] || exit 1
[ "$ran" -gt 0 ] || exit 77
echo "relations clients: $ran passed"
