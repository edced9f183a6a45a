#!/usr/bin/python3
"""Checks every metric newsgraph computes against NetworkX (graph/README.md: Metrics).

usage: check_networkx.py DUMP [GRAPH.graphml ...]

DUMP is the ng_metrics_dump test program (it reads a GraphML with ng_graph_read_graphml,
computes the metrics with igraph and prints them at full precision). The script builds
small graphs of its own (paths, stars, bridges, disconnected parts, isolated nodes, random
graphs), writes them as GraphML, and also checks every GRAPH given on the command line
(e.g. the fixtures' graph). For each graph and for the `met`-only view, it recomputes every
metric with NetworkX on the same definition and compares:
  - path lengths (1/weight) are exact fractions on the NetworkX side, so that equal-length
    paths tie exactly as they do in igraph;
  - numbers to 1e-9 relative (with a 1e-12 absolute floor for values that should be 0);
  - communities by modularity: NetworkX's modularity of our partition must equal the
    modularity we report within 1e-6; and the partition must not be worse than a single
    community (Q >= 0) nor clearly worse than NetworkX's Louvain (best of three seeds,
    minus 0.02).
When the GraphML carries metrics (written by `newsgraph build`), they must equal the ones
recomputed from the file read back.
Eigenvector centrality is compared when the projection's largest eigenvalue belongs to one
connected part only (otherwise the leading eigenvector is not unique and no two programs
need agree); the script says when it skips it.
Exit 0 when all agree, 1 otherwise, 77 when NetworkX is missing.
"""

import csv
import io
import math
from fractions import Fraction
import os
import random
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
except ImportError:
    print("skipped: python3-networkx is not installed")
    sys.exit(77)

RELATIONS_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "extract",
                             "data", "relations.csv")


def relation_table(declared=""):
    """name -> True when symmetric: the built-in relations.csv, plus the relation types a
    graph declares (its graph-level `relations` data, in the same columns)."""
    with open(RELATIONS_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if declared:
        rows += list(csv.DictReader(io.StringIO(declared)))
    return {r["name"]: r["direction"] == "symmetric" for r in rows}

REL_TOL, ABS_TOL, Q_TOL = 1e-9, 1e-12, 1e-6
LOUVAIN_SLACK = 0.02
FIELDS = ["degree", "in_degree", "out_degree", "strength", "betweenness", "closeness",
          "harmonic", "pagerank", "eigenvector"]


def close(a, b):
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) + ABS_TOL


# ---------------------------------------------------------------- our side

def run_dump(dump, path, relations=None):
    cmd = [dump, path] + ([",".join(sorted(relations))] if relations else [])
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("%s failed (exit %d): %s" % (" ".join(cmd), run.returncode,
                                                      run.stderr.strip()))
    out = run.stdout
    lines = out.splitlines()
    modularity = float(lines[0].split("\t")[1])
    header = lines[2].split("\t")
    nodes = {}
    for line in lines[3:]:
        cells = line.split("\t")
        row = dict(zip(header, cells))
        nodes[row["id"]] = {k: (int(v) if k == "community" else float(v))
                            for k, v in row.items() if k != "id"}
    return modularity, nodes


# ---------------------------------------------------------------- NetworkX side

def edge_relation(data, directed, table):
    rel = data.get("relation")
    if rel in table:
        return rel
    return "affiliated_with" if directed else "met"


def edge_weight(data):
    try:
        w = float(data.get("weight", 1))
    except (TypeError, ValueError):
        return 1.0
    if not math.isfinite(w):
        return 1.0
    return 1.0 if w < 1 else math.floor(w + 0.5)


def reference(path, relations=None):
    """The metrics on newsgraph's definitions, computed with NetworkX from the GraphML."""
    G = nx.read_graphml(path, force_multigraph=True)
    directed = G.is_directed()
    table = relation_table(G.graph.get("relations", ""))
    P = nx.Graph()
    P.add_nodes_from(G.nodes())
    directed_edges = set()
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        rel = edge_relation(data, directed, table)
        if relations and rel not in relations:
            continue
        w = edge_weight(data)
        if P.has_edge(u, v):
            P[u][v]["weight"] += w
        else:
            P.add_edge(u, v, weight=w)
        if not table[rel]:
            directed_edges.add((u, rel, v))
    # Path lengths as exact fractions: 1/3 + 1/6 must tie with 1/2, as it does in igraph
    # (which compares lengths with a tolerance), not lose to it by one rounding error.
    for u, v, d in P.edges(data=True):
        d["dist"] = Fraction(1, int(d["weight"]))

    ref = {n: {} for n in P}
    for n in P:
        ref[n]["degree"] = float(P.degree(n))
        ref[n]["strength"] = float(P.degree(n, weight="weight"))
        ref[n]["in_degree"] = 0.0
        ref[n]["out_degree"] = 0.0
    for u, _, v in directed_edges:
        ref[u]["out_degree"] += 1
        ref[v]["in_degree"] += 1
    bc = nx.betweenness_centrality(P, weight="dist", normalized=False)
    cc = nx.closeness_centrality(P, distance="dist", wf_improved=False)
    hc = nx.harmonic_centrality(P, distance="dist")
    pr = (_pagerank_python(P, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
          if len(P) else {})
    for n in P:
        ref[n]["betweenness"] = float(bc[n])
        ref[n]["closeness"] = float(cc[n])
        ref[n]["harmonic"] = float(hc[n])
        ref[n]["pagerank"] = pr[n]
    eig, eig_note = eigenvector_reference(P)
    for n in P:
        ref[n]["eigenvector"] = eig.get(n) if eig is not None else None
    return P, ref, eig_note


def eigenvector_reference(P):
    """Leading eigenvector of the weighted adjacency, scaled to max 1, or (None, why)."""
    parts = []
    for comp in nx.connected_components(P):
        if len(comp) < 2:
            continue
        H = P.subgraph(comp)
        x = nx.eigenvector_centrality(H, weight="weight", max_iter=100000, tol=1e-15)
        # Rayleigh quotient: the part's leading eigenvalue
        num = sum(2 * d["weight"] * x[u] * x[v] for u, v, d in H.edges(data=True))
        den = sum(val * val for val in x.values())
        parts.append((num / den, x))
    if not parts:
        return {n: 0.0 for n in P}, None
    parts.sort(key=lambda p: -p[0])
    if len(parts) > 1 and close(parts[0][0], parts[1][0]):
        return None, "two parts share the largest eigenvalue %.6g" % parts[0][0]
    x = parts[0][1]
    top = max(x.values())
    eig = {n: 0.0 for n in P}
    for n, val in x.items():
        eig[n] = val / top
    return eig, None


# ---------------------------------------------------------------- comparison

def check(dump, path, name, relations=None):
    view = name + (" [" + ",".join(sorted(relations)) + "]" if relations else "")
    ours_q, ours = run_dump(dump, path, relations)
    P, ref, eig_note = reference(path, relations)
    problems = []
    if set(ours) != set(ref):
        problems.append("node ids differ: ours-only %s, networkx-only %s" %
                        (sorted(set(ours) - set(ref))[:5], sorted(set(ref) - set(ours))[:5]))
        return problems
    for n in sorted(ref):
        for f in FIELDS:
            want = ref[n][f]
            if want is None:
                continue
            if not close(ours[n][f], want):
                problems.append("%s: %s %s: ours %.17g, networkx %.17g" %
                                (view, n, f, ours[n][f], want))
    # a graph written by newsgraph carries the metrics of its build: reading it back must
    # give the same graph, hence the same numbers
    if not relations:
        G = nx.read_graphml(path)
        for n, data in G.nodes(data=True):
            for f in FIELDS + ["community"]:
                if f in data and n in ours and not close(float(data[f]), ours[n][f]):
                    problems.append("%s: %s %s: written %r, recomputed %.17g" %
                                    (view, n, f, data[f], ours[n][f]))
    # communities: the modularity of our partition, recomputed by NetworkX
    groups = {}
    for n, row in ours.items():
        groups.setdefault(row["community"], set()).add(n)
    if P.number_of_edges() > 0:
        q = nx.algorithms.community.modularity(P, list(groups.values()), weight="weight")
        if abs(q - ours_q) > Q_TOL:
            problems.append("%s: modularity ours %.12g, networkx %.12g" % (view, ours_q, q))
        if q < -Q_TOL:
            problems.append("%s: partition worse than one community (Q=%.6g)" % (view, q))
        # a sanity floor for the optimiser: not clearly worse than NetworkX's Louvain
        louvain = getattr(nx.algorithms.community, "louvain_communities", None)
        if louvain:
            best = max(nx.algorithms.community.modularity(
                P, louvain(P, weight="weight", seed=s), weight="weight") for s in (1, 2, 3))
            if q < best - LOUVAIN_SLACK:
                problems.append("%s: modularity %.4f, Louvain finds %.4f" % (view, q, best))
    elif ours_q != 0:
        problems.append("%s: modularity %.6g without edges" % (view, ours_q))
    note = "; eigenvector not compared: " + eig_note if eig_note else ""
    print("%-40s %3d nodes %3d pairs  %s%s" % (view, P.number_of_nodes(), P.number_of_edges(),
                                               "ok" if not problems else "FAILED", note))
    return problems


# ---------------------------------------------------------------- test graphs

def add(G, u, v, rel, weight=1):
    G.add_edge(u, v, relation=rel, weight=weight)


def small_graphs():
    graphs = {}

    def new():
        G = nx.MultiDiGraph()
        return G

    G = new()
    G.add_node("lonely", label="Lonely", type="state")
    graphs["one-node"] = G

    G = new()
    for n in "abc":
        G.add_node(n, label=n.upper(), type="state")
    graphs["no-edges"] = G

    G = new()
    add(G, "a", "b", "met", 2)
    add(G, "b", "a", "condemned", 1)
    add(G, "c", "b", "condemned", 1)
    graphs["path-weighted"] = G

    G = new()
    for leaf in "abde":
        add(G, "c", leaf, "signed" if leaf in "ab" else "member_of", 1)
    graphs["star"] = G

    G = new()
    for u, v in ["ab", "bc", "ac", "xy", "yz", "xz", "cx"]:
        add(G, u, v, "met")
    graphs["two-triangles"] = G

    G = new()
    add(G, "a", "b", "signed", 2)
    add(G, "c", "d", "met")
    add(G, "d", "e", "withdrew", 3)
    G.add_node("f")
    graphs["disconnected"] = G

    G = new()  # two identical parts: the leading eigenvector is not unique
    add(G, "a", "b", "met")
    add(G, "c", "d", "met")
    graphs["twin-parts"] = G

    rng = random.Random(20240601)
    rels = sorted(relation_table())
    for k, (n, m, w) in enumerate([(12, 20, (1, 2, 4)), (30, 70, (1, 2, 3, 5, 8)),
                                   (40, 45, (1, 1, 2, 7)), (60, 200, (1, 2, 3, 4, 5, 6))]):
        G = new()
        for i in range(n):
            G.add_node("n%02d" % i, label="Node %d" % i, type="organization")
        for _ in range(m):
            u, v = rng.sample(range(n), 2)
            add(G, "n%02d" % u, "n%02d" % v, rng.choice(rels), rng.choice(w))
        graphs["random-%d" % k] = G
    return graphs


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    dump = argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, G in small_graphs().items():
            path = os.path.join(tmp, name + ".graphml")
            nx.write_graphml(G, path)
            problems += check(dump, path, name)
            if G.number_of_edges():
                problems += check(dump, path, name, {"met"})
    for path in argv[2:]:
        problems += check(dump, path, os.path.basename(path))
        problems += check(dump, path, os.path.basename(path), {"met", "signed"})
    for p in problems[:50]:
        print("  " + p)
    if problems:
        print("%d differences" % len(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
