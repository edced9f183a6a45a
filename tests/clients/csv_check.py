"""Reads newsgraph's CSV tables as Gephi's spreadsheet import expects them.

usage: csv_check.py NODES.csv EDGES.csv [NODES.csv EDGES.csv ...]

Python's csv module in strict mode must parse both files (UTF-8, no byte-order mark); the
nodes table starts Id, Label, type (the actor type, as pandas users and the other formats
name it), the edges table Source, Target, Type, Kind, Id, Label, Weight, relation; no header
repeats another but for case (Gephi refuses that); every row has as many fields as the
header; ids are unique; every Source and Target is a node Id; Type is Directed or Undirected;
Kind, Label and relation are the same non-empty name; the actor type is one of the four;
Weight is a number > 0.
"""
import csv
import io
import sys


def read(path, errors):
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        errors.append(f"{path}: starts with a byte-order mark")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        errors.append(f"{path}: empty (no header)")
        return [], []
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            errors.append(f"{path}: record {i} has {len(row)} fields, header {len(rows[0])}")
    return rows[0], rows[1:]


def check(nodes_path, edges_path):
    errors = []
    nh, nodes = read(nodes_path, errors)
    eh, edges = read(edges_path, errors)
    if nh[:3] != ["Id", "Label", "type"]:
        errors.append(f"{nodes_path}: header starts {nh[:3]}")
    if eh[:8] != ["Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "relation"]:
        errors.append(f"{edges_path}: header starts {eh[:8]}")
    if len({h.lower() for h in nh}) != len(nh) or len({h.lower() for h in eh}) != len(eh):
        errors.append("headers repeat a name (Gephi compares them case-insensitively)")
    for r in nodes:
        if len(r) >= 3 and r[2] not in ("person", "state", "organization", "place"):
            errors.append(f"{nodes_path}: node {r[0]} type {r[2]!r}")
    ids = [r[0] for r in nodes if r]
    if len(set(ids)) != len(ids):
        errors.append(f"{nodes_path}: duplicate Id")
    idset = set(ids)
    edge_ids = set()
    for r in edges:
        if len(r) < 8:
            continue
        src, tgt, typ, kind, eid, label, weight, relation = r[:8]
        if src not in idset or tgt not in idset:
            errors.append(f"{edges_path}: edge {eid} has an unknown endpoint")
        if typ not in ("Directed", "Undirected"):
            errors.append(f"{edges_path}: edge {eid} Type {typ!r}")
        if kind != label or kind != relation or not kind:
            errors.append(f"{edges_path}: edge {eid} Kind {kind!r} Label {label!r} "
                          f"relation {relation!r}")
        try:
            if not float(weight) > 0:
                errors.append(f"{edges_path}: edge {eid} Weight {weight} (Gephi drops 0)")
        except ValueError:
            errors.append(f"{edges_path}: edge {eid} Weight {weight!r} is not a number")
        if eid in edge_ids:
            errors.append(f"{edges_path}: duplicate edge Id {eid}")
        edge_ids.add(eid)
    return errors


def main(args):
    status = 0
    for nodes_path, edges_path in zip(args[::2], args[1::2]):
        try:
            errors = check(nodes_path, edges_path)
        except (csv.Error, UnicodeDecodeError, OSError) as exc:
            errors = [f"{type(exc).__name__}: {exc}"]
        for err in errors[:20]:
            print(err, file=sys.stderr)
        if errors:
            status = 1
        else:
            print(f"ok csv {nodes_path} {edges_path}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
