#!/usr/bin/env bash
# Article text that tries to break out of its field: HTML/script tags, quotes of both kinds,
# ampersands and entities, backslashes and braces (DOT), "]]>" and "--" (XML), commas and
# formula signs (CSV), a U+2028 line separator (JavaScript), control characters. Every
# export stays valid for its client (the GraphML XSD, the GEXF RELAX NG, Graphviz with no
# warning and a well-formed SVG, JSON, CSV) and the HTML report shows the text, never runs it.
# The text also reaches no file name: only the -o paths are created.
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
clients=$root/tests/clients
mkdir -p "$tmp/esc" "$tmp/o"
printf 'date 2023-06-01\nTitle <b>bold</b> & "quoted" </title><script>alert(0)</script>\n\n' >"$tmp/esc/x.txt"
printf 'Togo and Benin signed a border agreement <script>alert(1)</script> & &amp; "double" '\''single'\'' \\ {brace} ]]> -- =SUM(A1) , ; \xe2\x80\xa8 line\x01sep\x7f </textarea> in Lome on Thursday.\n' >>"$tmp/esc/x.txt"
printf 'Kenya condemned "Uganda" <img src=x onerror=alert(2)> on Friday, officials said.\n' >>"$tmp/esc/x.txt"
# Format directives in the text and in a file name (which becomes an article id).
printf 'Chad met Sudan %%s%%n%%x%%p%%99999999d $(touch pwned) `touch pwned` on Monday.\n' >"$tmp/esc/100%s%n\$(touch pwned).txt"
ng build -j2 "$tmp/esc" -o "$tmp/o/g.graphml" -o "$tmp/o/g.gexf" -o "$tmp/o/g.dot" -o "$tmp/o/g.json" -o "$tmp/o/g.csv"
expect_rc 0 "build"
grep -q 'script' "$tmp/o/g.graphml" && ok || fail "the evidence with <script> is not in the graph (the case tests nothing)"
grep -qF '%s%n%x%p%99999999d $(touch pwned)' "$tmp/o/g.graphml" && ok || fail "format directives were not kept as text"
grep -qF '100%s%n$(touch pwned)' "$tmp/o/g.graphml" && ok || fail "the odd file name is not the article id"
[ -e pwned ] || [ -e "$tmp/pwned" ] || [ -e "$tmp/esc/pwned" ] && fail "article text reached a shell" || ok
# Only the outputs asked for were created.
[ "$(ls "$tmp/o" | sort | tr '\n' ' ')" = "g.dot g.edges.csv g.gexf g.graphml g.json g.nodes.csv " ] && ok ||
  fail "unexpected files: $(ls "$tmp/o" | tr '\n' ' ')"

bash "$clients/check_xmllint.sh" graphml "$tmp/o/g.graphml" >"$tmp/chk" 2>&1; r=$?
[ $r = 0 ] || [ $r = 77 ] && ok || fail "GraphML: $(cat "$tmp/chk")"
bash "$clients/check_xmllint.sh" gexf "$tmp/o/g.gexf" >"$tmp/chk" 2>&1; r=$?
[ $r = 0 ] || [ $r = 77 ] && ok || fail "GEXF: $(cat "$tmp/chk")"
if command -v dot >/dev/null; then
  dot -Tsvg "$tmp/o/g.dot" >"$tmp/g.svg" 2>"$tmp/dot.err" && [ ! -s "$tmp/dot.err" ] && ok ||
    fail "DOT: $(head -3 "$tmp/dot.err")"
  xmllint --noout "$tmp/g.svg" 2>/dev/null && ok || fail "DOT: the SVG is not well-formed"
  grep -q '<script' "$tmp/g.svg" && fail "DOT: a <script> element reached the SVG" || ok
  grep -q 'onerror=' "$tmp/g.svg" && ! grep -q '&lt;img' "$tmp/g.svg" && fail "DOT: raw <img> in the SVG" || ok
fi
$py - "$tmp/o/g.json" "$tmp/o/g.edges.csv" "$tmp/o/g.nodes.csv" >"$tmp/chk" 2>&1 <<'PY'
import csv, json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
text = json.dumps(doc)
assert "<script>alert(1)</script>" in text, "JSON lost the text"
raw = open(sys.argv[1], encoding="utf-8").read()
assert "\u2028" not in raw, "a raw U+2028 in JSON breaks JavaScript"
for path in sys.argv[2:]:
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    assert rows and all(len(r) == len(rows[0]) for r in rows), path + ": ragged rows"
    for r in rows:
        for cell in r:
            assert not cell.startswith(("=", "+", "@")), path + ": a cell starts a formula: " + cell[:40]
PY
[ $? = 0 ] && ok || fail "JSON/CSV: $(tail -2 "$tmp/chk")"

# The HTML report shows the text, escaped; it contains no element the article wrote.
if "$raw_bin" --help | grep -q '^  report '; then
  ng report -q "$tmp/esc" -o "$tmp/o/r.html"
  expect_rc 0 "report"
  grep -q '&lt;script&gt;alert(1)' "$tmp/o/r.html" && ok || fail "report: the <script> text is not shown escaped"
  grep -qi '<script>alert' "$tmp/o/r.html" && fail "report: <script> from an article is live" || ok
  grep -qi '<img src=x' "$tmp/o/r.html" && fail "report: <img> from an article is live" || ok
  grep -qi '</textarea>' "$tmp/o/r.html" && fail "report: </textarea> from an article is live" || ok
fi
finish
