#!/usr/bin/env bash
# usage: check_negative.sh SAMPLES_DIR
# Proves the client checks can fail: each check runs on a copy of a sample broken in the way
# that client is known to mind, and must reject it (exit 1). A check whose client is missing
# (exit 77) is skipped; the test is skipped when every check was.
set -u
. "$(dirname "$0")/lib.sh"
S=${1:?usage: check_negative.sh SAMPLES_DIR}
need_files "$S/hostile.graphml" "$S/hostile.gexf" "$S/hostile.dot" "$S/hostile.json" \
  "$S/hostile.nodes.csv" "$S/hostile.edges.csv" "$S/hostile.graphml.gz"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ran=0 failed=0

# expect_reject NAME REASON CHECK ARGS... : CHECK ARGS... must exit 1, and its output must
# match the extended regex REASON (so that it failed for the intended reason).
expect_reject() {
  local name=$1 reason=$2; shift 2
  local rc
  bash "$@" >"$tmp/log" 2>&1
  rc=$?
  case $rc in
    1) if grep -Eq -- "$reason" "$tmp/log"; then
         echo "ok   rejected: $name"
       else
         echo "FAIL $name: rejected, but not for /$reason/:"; sed 's/^/    /' "$tmp/log" | head -20
         failed=$((failed + 1))
       fi
       ran=$((ran + 1)) ;;
    77) echo "skip $name (client missing)" ;;
    *) echo "FAIL $name: the check exited $rc on a broken file"; sed 's/^/    /' "$tmp/log" | head -20
       failed=$((failed + 1)); ran=$((ran + 1)) ;;
  esac
}
# mutate SRC DEST SED-SCRIPT: a broken copy; fails the test if the edit changed nothing.
mutate() {
  sed -e "$3" "$1" >"$2"
  if cmp -s "$1" "$2"; then echo "FAIL mutation '$3' changed nothing in $1"; exit 1; fi
}
c=$clients_dir

mutate "$S/hostile.graphml" "$tmp/type.graphml" '0,/attr.type="int"/s//attr.type="integer"/'
expect_reject "GraphML key with a type the schema lacks" 'attr.type' "$c/check_xmllint.sh" graphml "$tmp/type.graphml"
mutate "$S/hostile.graphml" "$tmp/graphkey.graphml" 's|<graph id="newsgraph"|<key id="g_x" for="graph" attr.name="x" attr.type="string"/><graph id="newsgraph"|'
expect_reject "GraphML graph-level key (Gephi warns about it)" 'for=.graph' \
  "$c/check_networkx.sh" "$tmp/graphkey.graphml"
mutate "$S/hostile.graphml" "$tmp/undirected.graphml" '0,/<edge id="e0"/s//<edge directed="false" id="e0"/'
expect_reject "GraphML directed=false edge for NetworkX" 'directed=false edge' "$c/check_networkx.sh" "$tmp/undirected.graphml"
mutate "$S/hostile.graphml" "$tmp/missing.graphml" '0,/\(<edge id="e0" source="[^"]*" target="\)[^"]*"/s//\1nowhere"/'
expect_reject "GraphML edge to a missing node for graphology" 'nodes parsed' "$c/check_graphology.sh" graphml "$tmp/missing.graphml"
mutate "$S/hostile.graphml" "$tmp/broken.graphml" '$d'
expect_reject "truncated GraphML for igraph" 'cannot read|could not read' "$c/check_igraph.sh" "$tmp/broken.graphml"

mutate "$S/hostile.gexf" "$tmp/color.gexf" '0,/<viz:color r="\([0-9]*\)"/s//<viz:color r="\1.0"/'
expect_reject "GEXF non-integer colour" 'element color' "$c/check_xmllint.sh" gexf "$tmp/color.gexf"
mutate "$S/hostile.gexf" "$tmp/title.gexf" 's/<attribute id="mentions" title="mentions"/<attribute id="mentions" title="Mentions"/'
expect_reject "GEXF attribute id != title for graphology" '!= title' "$c/check_graphology.sh" gexf "$tmp/title.gexf"
mutate "$S/hostile.gexf" "$tmp/kind.gexf" '0,/ kind="\([a-z_]*\)"/s// kind="\1x"/'
expect_reject "GEXF edge kind that NetworkX reads as another relation" 'edge .*relation' "$c/check_networkx_gexf.sh" "$tmp/kind.gexf"

mutate "$S/hostile.dot" "$tmp/keyword.dot" '0,/^  "/s//  node -> subgraph;\n  "/'
expect_reject "DOT with a bare keyword for Graphviz" 'syntax error' "$c/check_graphviz.sh" "$tmp/keyword.dot"
mutate "$S/hostile.dot" "$tmp/exponent.dot" '0,/penwidth="[0-9.]*"/s//penwidth=1e-20/'
expect_reject "DOT with an exponent for Graphviz" 'syntax error' "$c/check_graphviz.sh" "$tmp/exponent.dot"

mutate "$S/hostile.json" "$tmp/dangling.json" '0,/"source":"[^"]*"/s//"source":"nowhere"/'
expect_reject "JSON edge to a missing node for cytoscape" 'nonexistent source' "$c/check_cytoscape.sh" "$tmp/dangling.json"

mutate "$S/hostile.edges.csv" "$tmp/t.edges.csv" '2s/,Undirected,/,Sideways,/'
expect_reject "CSV edge Type that Gephi does not know" 'Type .Sideways' "$c/check_csv.sh" "$S/hostile.nodes.csv" "$tmp/t.edges.csv"
mutate "$S/hostile.nodes.csv" "$tmp/t.nodes.csv" '2s/^/"/'
expect_reject "CSV with a broken quote" 'Error' "$c/check_csv.sh" "$tmp/t.nodes.csv" "$S/hostile.edges.csv"

cp "$S/hostile.graphml.gz" "$tmp/x.graphml.gz" && printf 'x' | dd of="$tmp/x.graphml.gz" bs=1 seek=40 conv=notrunc 2>/dev/null
expect_reject "corrupt gzip" 'not a valid gzip' "$c/check_gzip.sh" "$tmp/x.graphml.gz" "$S/hostile.graphml"

echo "$ran checks rejected their broken file or failed, $failed failed"
[ "$failed" -eq 0 ] || exit 1
[ "$ran" -gt 0 ] || skip "no client installed"
exit 0
