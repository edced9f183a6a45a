#!/usr/bin/env bash
# `newsgraph metrics` on GraphML it did not write: NetworkX's (numeric ids, no labels, a
# self-loop, parallel edges, attributes of other types), hand-written oddities (hyperedges,
# nested graphs, an edge to an undeclared node), an empty graph; and on input that is not a
# graph: malformed XML (the message names the file and the line), an empty file, a binary
# file, a truncated .graphml.gz, external entities (never read) and an entity bomb (bounded).
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
$py -c 'import networkx' 2>/dev/null || skip_case "python3-networkx is not installed"

# NetworkX, directed multigraph with a self-loop and foreign attributes.
$py - "$tmp/nx.graphml" <<'PY'
import sys, networkx as nx
g = nx.MultiDiGraph()
g.add_node(1, name="Atlantis", population=1200000, capital=True)
g.add_node(2, name="Ruritania", score=0.25)
g.add_node(3)  # no attributes at all
g.add_edge(1, 2, relation="met", weight=2.5, note="<b>bold</b> & co")
g.add_edge(1, 2, relation="met", weight=1.0)
g.add_edge(2, 3, kind="trade")
g.add_edge(3, 3)  # a self-loop
nx.write_graphml(g, sys.argv[1])
PY
ng metrics "$tmp/nx.graphml"
expect_rc 0 "NetworkX GraphML"
grep -q "Atlantis" "$tmp/out" && grep -q "Ruritania" "$tmp/out" && ok || fail "NetworkX GraphML: names not used as labels: $(head -5 "$tmp/out")"
ng metrics --format csv "$tmp/nx.graphml"
expect_rc 0 "NetworkX GraphML as CSV"
# Undirected simple graph with integer and float attributes, written by NetworkX.
$py - "$tmp/nx2.graphml" <<'PY'
import sys, networkx as nx
g = nx.karate_club_graph()
nx.write_graphml(g, sys.argv[1])
PY
ng metrics -n 3 "$tmp/nx2.graphml"
expect_rc 0 "NetworkX karate club"
grep -q "34 actors, 78 relations" "$tmp/out" && ok || fail "karate club: $(head -1 "$tmp/out")"

# Hand-written oddities.
cat >"$tmp/odd.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="label" attr.type="string"/>
  <key id="k1" for="edge" attr.name="weight" attr.type="double"><default>-3.5</default></key>
  <graph edgedefault="directed">
    <node id="a"><data key="k0">Alpha &amp; Sons</data></node>
    <node id="b"><data key="k0"></data></node>
    <node id="a2"><data key="k0">Alpha &amp; Sons</data></node>
    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
    <edge source="a" target="undeclared"/>
    <edge source="b" target="a"><data key="k1">NaN</data></edge>
    <edge source="a2" target="b"><data key="k1">1e308</data></edge>
  </graph>
</graphml>
XML
ng metrics "$tmp/odd.graphml"
expect_rc 0 "hand-written oddities"
grep -q "Alpha & Sons" "$tmp/out" && ok || fail "oddities: label not read: $(head -5 "$tmp/out")"

# An empty graph.
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"/></graphml>\n' >"$tmp/empty.graphml"
ng metrics "$tmp/empty.graphml"
expect_rc 0 "empty graph"
grep -q "^0 actors, 0 relations" "$tmp/out" && ok || fail "empty graph: $(head -2 "$tmp/out")"

# Not graphs: exit 1 and a one-line message naming the file (and the line for bad XML).
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="undirected">\n<node id="a">\n</graph>\n</graphml>\n' >"$tmp/malformed.graphml"
ng metrics "$tmp/malformed.graphml"
expect_rc 1 "malformed XML"
expect_msg "malformed.graphml: " "malformed XML names the file"
grep -qiE "line [0-9]+" "$tmp/err" && ok || fail "malformed XML: no line number: $(cat "$tmp/err")"
: >"$tmp/zero.graphml"
ng metrics "$tmp/zero.graphml"
expect_rc 1 "empty file"
expect_msg "zero.graphml: empty file" "empty file"
head -c 4000 /bin/true >"$tmp/binary.graphml"
ng metrics "$tmp/binary.graphml"
expect_rc 1 "binary file"
expect_msg "binary.graphml: " "binary file named"
"$raw_bin" build -q "$(dirname "$0")/../../fixtures/seeds" -o "$tmp/real.graphml" 2>/dev/null ||
  { make_base "$tmp/b" && "$raw_bin" build -q "$tmp/b" -o "$tmp/real.graphml"; }
gzip -c "$tmp/real.graphml" | head -c 600 >"$tmp/cut.graphml.gz"
ng metrics "$tmp/cut.graphml.gz"
expect_rc 1 "truncated .graphml.gz"
expect_msg "cut.graphml.gz: " "truncated .graphml.gz named"
ng metrics "$tmp/missing.graphml"
expect_rc 1 "missing file"
expect_msg "missing.graphml: cannot open" "missing file"
expect_one_line_reports "errors"

# External entities are never read; an entity bomb is not expanded.
echo "SECRET-$$-LINE" >"$tmp/secret.txt"
cat >"$tmp/xxe.graphml" <<XML
<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY e SYSTEM "file://$tmp/secret.txt">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="label" for="node" attr.name="label" attr.type="string"/>
<graph edgedefault="undirected"><node id="a"><data key="label">X&e;Y</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>
XML
ng metrics "$tmp/xxe.graphml"
if grep -q "SECRET-$$" "$tmp/out" "$tmp/err"; then fail "an external entity was read into the output"; else ok; fi
$py - "$tmp/lol.graphml" <<'PY'
import sys
s = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY l0 "lollollollollollollollollollol">\n'
for i in range(1, 10):
    s += '<!ENTITY l%d "%s">\n' % (i, ("&l%d;" % (i - 1)) * 10)
s += (']>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="label" for="node" '
      'attr.name="label" attr.type="string"/><graph edgedefault="undirected"><node id="a">'
      '<data key="label">&l9;</data></node></graph></graphml>\n')
open(sys.argv[1], "w").write(s)
PY
kb=$(peak_rss_kb "$raw_bin" metrics "$tmp/lol.graphml")
if [ -n "$kb" ] && [ "$kb" -gt $((512 * 1024)) ]; then fail "entity bomb: peak RSS $kb KB"; else ok; fi
if [ "$(wc -c <"$tmp/out")" -gt 100000 ]; then fail "entity bomb: expanded into the output"; else ok; fi
finish
