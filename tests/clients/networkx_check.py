"""NetworkX reads newsgraph GraphML files with every attribute typed as declared.

usage: networkx_check.py FILE.graphml...

For each file: nx.read_graphml must succeed; the node and edge counts, ids and endpoints must
match the file; every <data> value must come back under its key's attr.name with the Python
type of its attr.type (int, float, str, bool) and the same value; nothing else may appear
(except the edge id NetworkX keeps). Every node has `label` and `type`, every edge `relation`
(the external scorer reads those names).
"""
import math
import sys
import xml.etree.ElementTree as ET

import networkx as nx

NS = "{http://graphml.graphdrawing.org/xmlns}"
TYPES = {"int": int, "long": int, "double": float, "float": float, "string": str, "boolean": bool}


def expected(text, typ):
    if typ == "boolean":
        return text.strip().lower() == "true"
    return TYPES[typ](text)


def same(a, b):
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def check(path):
    errors = []
    root = ET.parse(path).getroot()
    keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type"))
            for k in root.iter(NS + "key")}
    for kid, (kfor, name, typ) in keys.items():
        if kfor not in ("node", "edge") and (kfor, name) != ("graph", "relations"):
            errors.append(f"key {kid}: for={kfor!r} (only node and edge keys are written, and "
                          f"the graph's user relation types)")
        if typ not in TYPES:
            errors.append(f"key {kid}: attr.type={typ!r}")
    graph = root.find(NS + "graph")
    G = nx.read_graphml(path)
    if not G.is_directed():
        errors.append("NetworkX read an undirected graph")
    nodes = graph.findall(NS + "node")
    edges = graph.findall(NS + "edge")
    if G.number_of_nodes() != len(nodes):
        errors.append(f"{G.number_of_nodes()} nodes read, {len(nodes)} in the file")
    if G.number_of_edges() != len(edges):
        errors.append(f"{G.number_of_edges()} edges read, {len(edges)} in the file")

    def compare(what, got, element, required):
        want = {}
        for d in element.findall(NS + "data"):
            kfor, name, typ = keys[d.get("key")]
            want[name] = expected(d.text or "", typ)
        for name, value in want.items():
            if name not in got:
                errors.append(f"{what}: attribute {name} missing")
            elif type(got[name]) is not type(value):
                errors.append(f"{what}: {name} is {type(got[name]).__name__}, "
                              f"declared {type(value).__name__}")
            elif not same(got[name], value):
                errors.append(f"{what}: {name} = {got[name]!r}, file has {value!r}")
        for name in got:
            if name not in want and name != "id":
                errors.append(f"{what}: unexpected attribute {name}")
        for name in required:
            if name not in got:
                errors.append(f"{what}: required attribute {name} missing")

    for n in nodes:
        nid = n.get("id")
        if nid not in G.nodes:
            errors.append(f"node {nid} missing")
            continue
        compare(f"node {nid}", G.nodes[nid], n, ("label", "type"))
    for e in edges:
        eid, s, t = e.get("id"), e.get("source"), e.get("target")
        if G.is_multigraph():
            got = G.get_edge_data(s, t, key=eid)
        else:
            got = G.get_edge_data(s, t)
            if got is not None and got.get("id") != eid:
                got = None
        if got is None:
            errors.append(f"edge {eid} ({s} -> {t}) missing")
            continue
        compare(f"edge {eid}", got, e, ("relation", "weight"))
    for d in graph.findall(NS + "data"):  # the definitions of the graph's user relation types
        name = keys[d.get("key")][1]
        if G.graph.get(name) != (d.text or ""):
            errors.append(f"graph attribute {name} = {G.graph.get(name)!r}, file has {d.text!r}")
    return errors


def main():
    status = 0
    for path in sys.argv[1:]:
        try:
            errors = check(path)
        except Exception as exc:  # a reader error is a failure, with its message
            errors = [f"{type(exc).__name__}: {exc}"]
        for err in errors[:20]:
            print(f"{path}: {err}", file=sys.stderr)
        if errors:
            status = 1
        else:
            print(f"ok networkx {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
