#!/usr/bin/env bash
# usage: check_evidence.sh
# The evidence table as an analyst reads it: Python's csv module (strict) and json module read
# a small corpus's x.evidence.csv and x.evidence.jsonl to the same rows, the formula cell
# keeps its leading ' in CSV only; pandas (when installed) reads both to the same frame.
set -u
. "$(dirname "$0")/lib.sh"
bin=${NG_BIN:?}
command -v "$PYTHON" >/dev/null 2>&1 || skip "python3 is not installed"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/corpus.csv" <<'CSV'
id,date,title,url,text
a1,2021-03-04,"Talks in Accra, again",https://example.org/a1,"Ghana met Togo in Accra on Monday. France condemned Russia in June 2017."
a2,2021-03-05,=HYPERLINK(1),https://example.org/a2,"=Mali signed a trade agreement with Senegal in Dakar."
a3,2021-03-06,"Quote ""this""",https://example.org/a3,"Benin met Niger on Tuesday. ""Benin met Niger,"" he said."
CSV
"$bin" build "$tmp/corpus.csv" -q -o "$tmp/x.evidence.csv" -o "$tmp/x.evidence.jsonl" ||
  fail "build failed"
exec "$PYTHON" - "$tmp/x.evidence.csv" "$tmp/x.evidence.jsonl" <<'PY'
import csv, json, sys
cols = ["article_id", "title", "url", "date", "relation", "source", "target",
        "source_key", "target_key", "sentence"]
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
with open(sys.argv[2], encoding="utf-8") as f:
    objs = [json.loads(line) for line in f]
def check(cond, what):
    if not cond:
        print("FAIL:", what); sys.exit(1)
check(len(rows) == 5 and len(objs) == 5, "5 rows each: %d, %d" % (len(rows), len(objs)))
check(all(list(o) == cols for o in objs), "JSON keys in column order")
check(list(rows[0]) == cols, "CSV header")
for r, o in zip(rows, objs):
    for c in cols:
        want = o[c]
        if c in ("title", "sentence") and want[:1] in ("=", "+", "-", "@"):
            want = "'" + want  # the CSV's formula guard
        check(r[c] == want, "%s: %r != %r" % (c, r[c], want))
check(objs[2]["sentence"].startswith("=Mali") and rows[2]["sentence"].startswith("'=Mali"),
      "formula neutralised in CSV only")
check(objs[4]["sentence"] == '"Benin met Niger," he said.', "quotes kept")
check(objs[1]["date"] == "2017-06", "date at the precision written")
try:
    import pandas as pd
except ImportError:
    print("csv and json read the table (pandas not installed: not checked)")
    sys.exit(0)
a = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
b = pd.read_json(sys.argv[2], lines=True, dtype=False)
check(list(a.columns) == cols and list(b.columns) == cols, "pandas columns")
check(len(a) == len(b) == 5, "pandas rows")
check((a["relation"] == b["relation"]).all(), "pandas relation column")
print("csv, json and pandas read the table")
PY
