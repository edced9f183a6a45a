"""Compares what igraph's GraphML reader saw (ng_igraph_read's output) with the file.

usage: igraph_compare.py FILE.graphml READER_OUTPUT

Checks: the vertex and edge counts, that the graph is directed, each edge's endpoints, the
igraph type of every declared key (int/double -> numeric, string -> string, boolean ->
boolean) and every value (absent values: NaN, "" or false, igraph's defaults), and graph-level
data (the `relations` a graph with user relation types carries) as string graph attributes.
"""
import json
import math
import sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"
IGRAPH_TYPE = {"int": "numeric", "long": "numeric", "double": "numeric", "float": "numeric",
               "string": "string", "boolean": "boolean"}


def parse_value(kind, text):
    if kind == "numeric":
        return float(text)
    if kind == "boolean":
        return text == "true"
    return json.loads(text)


def main(path, out_path):
    errors = []
    root = ET.parse(path).getroot()
    keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type"))
            for k in root.iter(NS + "key")}
    graph = root.find(NS + "graph")
    nodes = graph.findall(NS + "node")
    edges = graph.findall(NS + "edge")
    index = {n.get("id"): i for i, n in enumerate(nodes)}

    seen = {"graph": {}, "vertex": {}, "edge": {}}
    values = {"g": {}, "v": {}, "e": {}}
    endpoints = {}
    counts = {}
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            head, _, rest = line.partition(" ")
            if head in ("vertices", "edges", "directed"):
                counts[head] = int(rest)
            elif head == "attr":
                cls, name, kind = rest.split(" ")
                seen[cls][name] = kind
            elif head == "endpoints":
                i, s, t = (int(x) for x in rest.split(" "))
                endpoints[i] = (s, t)
            elif head in ("g", "v", "e"):
                i, name, text = rest.split(" ", 2)
                values[head][(int(i), name)] = text

    if counts.get("vertices") != len(nodes):
        errors.append(f"igraph read {counts.get('vertices')} vertices, file has {len(nodes)}")
    if counts.get("edges") != len(edges):
        errors.append(f"igraph read {counts.get('edges')} edges, file has {len(edges)}")
    if counts.get("directed") != 1:
        errors.append("igraph read an undirected graph")
    for kid, (kfor, name, typ) in keys.items():
        if kfor == "graph":
            d = next((d for d in graph.findall(NS + "data") if d.get("key") == kid), None)
            got = values["g"].get((0, name))
            if d is None or seen["graph"].get(name) != "string" or got is None:
                errors.append(f"graph attribute {name}: igraph saw {seen['graph'].get(name)}")
            elif json.loads(got) != (d.text or ""):
                errors.append(f"graph attribute {name} = {json.loads(got)!r}, file has {d.text!r}")
            continue
        cls = "vertex" if kfor == "node" else "edge"
        if (nodes if cls == "vertex" else edges) and seen[cls].get(name) != IGRAPH_TYPE[typ]:
            errors.append(f"{cls} attribute {name}: igraph type {seen[cls].get(name)}, "
                          f"declared {typ}")

    def compare(tag, i, element, cls, what):
        present = {}
        for d in element.findall(NS + "data"):
            kfor, name, typ = keys[d.get("key")]
            present[name] = (d.text or "", typ)
        for kid, (kfor, name, typ) in keys.items():
            if kfor == "graph" or (kfor == "node") != (cls == "vertex"):
                continue
            kind = IGRAPH_TYPE[typ]
            got_text = values[tag].get((i, name))
            if got_text is None:
                errors.append(f"{what}: no value for {name}")
                continue
            if got_text == "nan":
                got = float("nan")
            else:
                got = parse_value(kind, got_text)
            if name in present:
                text, _ = present[name]
                want = (float(text) if kind == "numeric"
                        else text.strip().lower() == "true" if kind == "boolean" else text)
            else:
                want = float("nan") if kind == "numeric" else (False if kind == "boolean" else "")
            same = (isinstance(want, float) and math.isnan(want) and isinstance(got, float)
                    and math.isnan(got)) or got == want
            if not same:
                errors.append(f"{what}: {name} = {got!r}, file has {want!r}")

    for i, n in enumerate(nodes):
        compare("v", i, n, "vertex", f"node {n.get('id')}")
    for i, e in enumerate(edges):
        want = (index.get(e.get("source")), index.get(e.get("target")))
        if endpoints.get(i) != want:
            errors.append(f"edge {e.get('id')}: endpoints {endpoints.get(i)}, file has {want}")
        compare("e", i, e, "edge", f"edge {e.get('id')}")
    for err in errors[:20]:
        print(f"{path}: {err}", file=sys.stderr)
    if not errors:
        print(f"ok igraph {path}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
