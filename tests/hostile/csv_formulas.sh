#!/usr/bin/env bash
# CSV formula injection (issue 18, finding 2): a text cell that starts with =, +, -, @, tab or
# CR is a live formula in a spreadsheet (=HYPERLINK(...)). Every CSV table newsgraph writes
# (the nodes and edges export, `metrics --format csv`) gives such a cell a leading ' (OWASP),
# whatever the column: evidence, article ids in `sources`, node ids, labels. Numbers are data
# and keep their sign (a negative metric stays a number).
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
mkdir -p "$tmp/c" "$tmp/o"
# Evidence that starts like a formula, and article ids (file names) that do.
printf 'date 2023-06-01\nT\n\n=HYPERLINK("http://evil.example/?x","click") Mali and Niger signed a defence agreement in Niamey.\n' >"$tmp/c/=1+2.txt"
printf 'date 2023-06-01\nT\n\n+Ghana and Togo signed a trade agreement in Lome.\n' >"$tmp/c/@cmd.txt"
printf 'date 2023-06-01\nT\n\n- Kenya condemned Uganda on Friday.\n\n@Chad met Sudan in Khartoum on Monday.\n' >"$tmp/c/-x.txt"
printf 'date 2023-06-01\nT\n\n\x01=SUM(1) Benin and Nigeria signed a border agreement.\n' >"$tmp/c/ctl.txt"
ng build -q "$tmp/c" -o "$tmp/o/g.csv" -o "$tmp/o/g.graphml"
expect_rc 0 "build"

# A GraphML from another tool with labels that start like formulas, for metrics (which
# makes its ids from the labels).
cat >"$tmp/f.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="=cmd|' /C calc'!A0"><data key="label">@SUM(1+1)*cmd|' /C calc'!A0</data><data key="type">state</data></node>
    <node id="-2+3"><data key="label">+1+1</data><data key="type">state</data></node>
    <node id="plain"><data key="label">&#9;=tab</data><data key="type">state</data></node>
    <node id="cr"><data key="label">&#13;=cr</data><data key="type">state</data></node>
    <edge source="=cmd|' /C calc'!A0" target="-2+3"><data key="relation">met</data></edge>
    <edge source="-2+3" target="plain"><data key="relation">condemned</data></edge>
    <edge source="plain" target="cr"><data key="relation">met</data></edge>
  </graph>
</graphml>
XML
ng metrics "$tmp/f.graphml" --format csv
expect_rc 0 "metrics --format csv"
cp "$tmp/out" "$tmp/o/metrics.csv"

# Every cell: a formula start only behind a ', numbers aside; and the cases were there.
$py - "$tmp/o/g.nodes.csv" "$tmp/o/g.edges.csv" "$tmp/o/metrics.csv" >"$tmp/chk" 2>&1 <<'PY'
import csv, sys
seen = set()
for path in sys.argv[1:]:
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    assert rows and all(len(r) == len(rows[0]) for r in rows), path + ": ragged rows"
    for r in rows[1:]:
        for cell in r:
            try:
                float(cell)
                continue  # a number, negative ones included, is data
            except ValueError:
                pass
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), "%s: live formula %r" % (path, cell[:50])
            if cell.startswith("'"):
                seen.add(cell[:2])
want = {"'=", "'+", "'-", "'@", "'\t", "'\r"}
assert want <= seen, "cases not exercised: %s" % sorted(want - seen)
edges = open(sys.argv[2], encoding="utf-8").read()
assert "\"'=HYPERLINK(\"\"http://evil.example/?x\"\",\"\"click\"\") Mali" in edges, "evidence not neutralized as expected"
assert ",'=1+2," in edges and ",'@cmd," in edges and ",'-x," in edges, "article ids not neutralized"
assert "'=SUM(1) Benin" in edges, "a formula behind a dropped control character is live"
m = open(sys.argv[3], encoding="utf-8").read()
assert ",'+1+1," in m and ",'@SUM(1+1)" in m, "metrics: a label not neutralized"
PY
[ $? = 0 ] && ok || fail "CSV cells: $(tail -3 "$tmp/chk")"
finish
