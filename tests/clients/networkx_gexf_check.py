"""NetworkX reads newsgraph GEXF files the way the README says.

usage: networkx_gexf_check.py FILE.gexf...

The GEXF is a mixed graph (the symmetric relations are type="undirected" edges in a directed
graph), which Gephi and graphology read and NetworkX's read_gexf does not. For each file:
- nx.read_gexf refuses it with "Undirected edge found in directed graph" exactly when it has an
  undirected edge, and reads it otherwise (so the README's reason stays true: when NetworkX
  learns mixed graphs, this fails and the README must change);
- the README's recipe (each undirected edge read as type="mutual", which NetworkX turns into
  the two arcs of a directed graph) reads every file: every node with its label and type, every
  directed edge once and every undirected one in both directions, each with its relation and
  weight.
"""
import io
import sys
import xml.etree.ElementTree as ET

import networkx as nx

NS = "{http://gexf.net/1.3}"


def readme_recipe(path):
    """The README's lines, verbatim in spirit: read_gexf with undirected edges as mutual."""
    text = open(path, encoding="utf-8").read().replace(' type="undirected"', ' type="mutual"')
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))


def check(path):
    errors = []
    root = ET.parse(path).getroot()
    graph = root.find(NS + "graph")
    nodes = graph.findall(f"{NS}nodes/{NS}node")
    edges = graph.findall(f"{NS}edges/{NS}edge")
    undirected = [e for e in edges if e.get("type") == "undirected"]
    try:
        nx.read_gexf(path)
        if undirected:
            errors.append("read_gexf read a mixed graph: the README's reason no longer holds")
    except nx.NetworkXError as err:
        if not undirected or "Undirected edge found in directed graph" not in str(err):
            errors.append(f"read_gexf: {err}")
    G = readme_recipe(path)
    if not G.is_directed():  # a DiGraph when no two arcs share their ends, else MultiDiGraph
        errors.append(f"the recipe gave {type(G).__name__}, not a directed graph")
    if G.number_of_nodes() != len(nodes):
        errors.append(f"{G.number_of_nodes()} nodes read, {len(nodes)} in the file")
    want = len(edges) + len(undirected)
    if G.number_of_edges() != want:
        errors.append(f"{G.number_of_edges()} arcs read, want {want} "
                      f"({len(edges)} edges, {len(undirected)} of them undirected)")
    for n in nodes:
        d = G.nodes.get(n.get("id"))
        if d is None or d.get("label") != n.get("label") or not d.get("type"):
            errors.append(f"node {n.get('id')}: {d}")
    for e in edges:
        pairs = [(e.get("source"), e.get("target"))]
        if e.get("type") == "undirected":
            pairs.append((e.get("target"), e.get("source")))
        for s, t in pairs:
            d = (G.get_edge_data(s, t, key=e.get("id")) if G.is_multigraph()
                 else G.get_edge_data(s, t))
            if d is None or d.get("relation") != e.get("kind") or d.get("weight") != float(e.get("weight")):
                errors.append(f"edge {e.get('id')} {s}->{t}: {d}")
    return errors[:20], len(nodes), len(edges), len(undirected)


status = 0
if len(sys.argv) < 2:
    print(__doc__)
    sys.exit(2)
for p in sys.argv[1:]:
    errs, nn, ne, nu = check(p)
    if errs:
        status = 1
        for e in errs:
            print(f"{p}: {e}", file=sys.stderr)
    else:
        print(f"ok networkx gexf {p}: {nn} nodes, {ne} edges ({nu} undirected, read as mutual)")
sys.exit(status)
