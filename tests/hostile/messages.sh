#!/usr/bin/env bash
# Messages (issue 18, findings 15 and 18): every message names what is wrong, on one line,
# with the exit status the README gives, and nothing in it reaches the terminal raw.
# - File names with a newline, ESC sequences, a bidirectional override: escaped in -v
#   lines, warnings, errors and `explain`'s output (\n, \x1b, \u202e);
# - a message too long to keep is cut with a visible "...", and a long path within the
#   limit is not cut at all;
# - '-o - --format csv' and a --format that contradicts the output's extension are usage
#   errors (exit 2); --top 2147483647 gets a range message;
# - a GraphML number igraph cannot read (1e-320, 1e400, "abc") is named with its line;
# - merge: a doc that the graph refuses is named with its shard file and record;
# - the report keeps its picture when a label or tooltip says "javascript:", and still
#   refuses an SVG with active content.
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
base_graph
no_raw_controls() { # WHAT FILE: no byte a terminal acts on (ESC, CR, C1, bidi override)
  if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]' "$2"; then
    fail "$1: a raw control character: $(head -c 300 "$2" | cat -A | head -3)"
  else ok; fi
}

# --- 15: hostile file names.
evil=$'evil\e[31mRED\nnewsgraph: forged\xe2\x80\xaeline'
mkdir -p "$tmp/names"
printf 'date 2023-06-01\nT\n\nMali and Niger signed an agreement on Monday.\n' >"$tmp/names/$evil.txt"
: >"$tmp/names/${evil}-empty.txt"
ng build -v "$tmp/names" -o "$tmp/names.graphml"
expect_rc 0 "-v with hostile file names"
expect_one_line_reports "-v with hostile file names"
no_raw_controls "-v with hostile file names" "$tmp/err"
expect_msg 'evil\x1b[31mRED\nnewsgraph: forged\u202eline.txt: id ' "-v: the name, escaped"
expect_msg 'evil\x1b[31mRED\nnewsgraph: forged\u202eline-empty.txt: empty file' "warning: the name, escaped"
ng build "$tmp/names" -o "$tmp/names.graphml" --actors "$tmp/$evil.csv"
expect_rc 1 "a missing dictionary with a hostile name"
expect_one_line_reports "error with a hostile name"
no_raw_controls "error with a hostile name" "$tmp/err"
if "$raw_bin" --help | grep -q '^  explain '; then
  ng explain "$tmp/names" --between Mali Niger
  expect_rc 0 "explain"
  no_raw_controls "explain: standard output" "$tmp/out"
  grep -qF 'evil\x1b[31mRED\nnewsgraph: forged\u202eline' "$tmp/out" && ok || fail "explain: the article id is not shown escaped"
fi

# eval --show lists node labels, which a GraphML from another tool may fill with a line
# break or a C1 control (U+009B is a terminal's CSI).
mkdir -p "$tmp/gold"
printf 'name\ttype\taliases\tstatus\nMali\tstate\t\trequired\n' >"$tmp/gold/entities.tsv"
printf 'subject\trelation\tobject\tstatus\tevidence\n' >"$tmp/gold/relations.tsv"
printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="label" for="node" attr.name="label" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="label">Forged&#10;summary: entity-F1=1.000 &#155;31m</data></node></graph></graphml>\n' >"$tmp/odd.graphml"
ng eval "$tmp/gold" "$tmp/odd.graphml" --show
expect_rc 0 "eval --show with odd labels"
no_raw_controls "eval --show: standard output" "$tmp/out"
grep -qF 'extra node: Forged\nsummary: entity-F1=1.000 \u009b31m' "$tmp/out" && ok || fail "eval --show: the label is not shown escaped: $(grep extra "$tmp/out")"
[ "$(grep -c '^summary: ' "$tmp/out")" = 1 ] && ok || fail "eval --show: a label forged a summary line"

# --- long paths: kept whole up to the limit, cut with a visible mark beyond it.
long=$(printf 'd%.0s' $(seq 1500))
ng build "$tmp/base" -o "$tmp/$long/$long/g.graphml"
expect_rc 1 "a 3 KB path"
expect_msg "$long/$long/g.graphml: output directory" "a 3 KB path: named whole"
expect_msg "does not exist (create it first)" "a 3 KB path: the message is not cut"
# A CSV corpus six folders of 200 bytes deep: its row numbers are not cut off the name.
deep=$(for _ in 1 2 3 4 5 6; do printf 'f%.0s' $(seq 200); printf '/'; done)
mkdir -p "$tmp/$deep"
printf 'id,text\nr1,Mali and Niger signed an agreement.\nr2,"bad"quote\n' >"$tmp/${deep}corpus.csv"
ng build "$tmp/${deep}corpus.csv" -o "$tmp/csv.graphml"
expect_rc 0 "a CSV corpus under a long path"
expect_msg "${deep}corpus.csv:3: " "a CSV corpus under a long path: the row's line"
# The same for the user files: a dictionary's and a --relations file's rows.
printf 'name,type,aliases\nZed Council,organization,ZC\nBad Row,planet,\n' >"$tmp/${deep}actors.csv"
ng build --actors "$tmp/${deep}actors.csv" "$tmp/base" -o "$tmp/act.graphml"
expect_rc 0 "--actors under a long path"
expect_msg "${deep}actors.csv:3: unknown type 'planet'" "--actors under a long path: the row's line"
printf 'name,direction,hostile,subjects,objects,description\ntoured,directed,no,person,state,x\nbad,sideways,no,person,state,x\n' >"$tmp/${deep}rel.csv"
ng build --relations "$tmp/${deep}rel.csv" "$tmp/base" -o "$tmp/rel.graphml"
expect_rc 2 "--relations under a long path"
expect_msg "${deep}rel.csv:3: unknown direction 'sideways'" "--relations under a long path: the row's line"
huge=$(printf 'e%.0s' $(seq 20000))
ng build "$tmp/base" -o "$tmp/$huge/g.graphml"
expect_rc 1 "a 20 KB path"
[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q '\.\.\.$' "$tmp/err" && ok || fail "a 20 KB path: the cut message does not end with '...': $(tail -c 100 "$tmp/err")"

# --- usage errors (exit 2).
ng build "$tmp/base" -o - --format csv
expect_rc 2 "-o - --format csv"
expect_msg "it is several files" "-o - --format csv: why"
ng build "$tmp/base" -o "$tmp/g.json" --format dot
expect_rc 2 "--format dot with -o g.json"
expect_msg "-o $tmp/g.json names a json file but --format says dot" "--format against the extension: why"
[ -e "$tmp/g.json" ] && fail "--format against the extension: a file was written" || ok
ng build -q "$tmp/base" -o "$tmp/g.json" --format json
expect_rc 0 "--format that agrees with the extension"
ng build "$tmp/base" -o "$tmp/g.json" --format nonsense
expect_rc 2 "an unknown --format with a named output"
if "$raw_bin" --help | grep -q '^  report '; then
  ng report "$tmp/base" -o "$tmp/r.html" --format md
  expect_rc 2 "report --format md with -o r.html"
  expect_msg "the name -o $tmp/r.html and --format md disagree" "report: --format against the extension"
fi
ng metrics "$tmp/base.graphml" --top 2147483647
expect_rc 2 "--top 2147483647"
expect_msg "--top: 2147483647 is out of range (0 to 1000000000)" "--top 2147483647: the range"
ng metrics "$tmp/base.graphml" --top 12x
expect_rc 2 "--top 12x"
expect_msg "is not a non-negative integer" "--top 12x: why"

# --- GraphML numbers igraph refuses: named with their line.
for v in 1e-320 1e400 abc; do
  sed "0,/<data key=\"weight\">[^<]*</s//<data key=\"weight\">$v</" "$tmp/base.graphml" >"$tmp/w.graphml"
  line=$(grep -n "<data key=\"weight\">$v<" "$tmp/w.graphml" | head -1 | cut -d: -f1)
  ng metrics "$tmp/w.graphml"
  expect_rc 1 "GraphML weight $v"
  expect_msg "w.graphml:$line: value '$v' of the numeric attribute 'weight' cannot be read" "GraphML weight $v: the line"
done

# --- merge: a doc the graph refuses (an actor without a key), named with its shard.
if "$raw_bin" --help | grep -q '^  merge '; then
  ng extract -q "$tmp/base" -o "$tmp/good.ngs"
  $py - "$tmp/good.ngs" "$tmp/nokey.ngs" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
head = data.index(b"\n") + 1
out, pos, first = bytearray(data[:head]), head, True
while pos < len(data):
    tag, n = data[pos], struct.unpack_from("<I", data, pos + 1)[0]
    body = bytearray(data[pos + 5:pos + 5 + n])
    if tag == 0x44 and first:  # the first doc: empty the key of its first actor
        first, p = False, 0
        for _ in range(5):  # id, origin, title, date, url
            p += 4 + struct.unpack_from("<I", body, p)[0]
        p += 12  # bad_bytes, n_sentences, n_actors
        k = struct.unpack_from("<I", body, p)[0]
        body[p:p + 4 + k] = struct.pack("<I", 0)
    out += bytes([tag]) + struct.pack("<I", len(body)) + body + struct.pack("<I", zlib.crc32(bytes(body)))
    pos += 5 + n + 4
open(sys.argv[2], "wb").write(out)
PY
  for j in 1 2; do # one reader, or threads reading the shards (cli/shards_read.c)
    ng merge -j$j "$tmp/nokey.ngs" -o "$tmp/m.graphml"
    expect_rc 1 "merge -j$j: an actor without a key"
    expect_msg "nokey.ngs: record 1: article " "merge -j$j: the shard and record named"
    expect_msg "has no key" "merge -j$j: why"
  done
fi

# --- the report's picture.
if "$raw_bin" --help | grep -q '^  report ' && command -v dot >/dev/null; then
  mkdir -p "$tmp/js"
  printf 'date 2023-06-01\nT\n\nMali and Niger signed an agreement in javascript:alert(1) style on Monday. Ghana met Togo in Lome. France condemned Russia.\n' >"$tmp/js/a.txt"
  ng report -q "$tmp/js" -o "$tmp/js.html"
  expect_rc 0 "report with javascript: in the text"
  grep -q '<svg' "$tmp/js.html" && ok || fail "report: a tooltip saying javascript: dropped the picture: $(grep -o 'No picture[^<]*' "$tmp/js.html")"
  grep -q 'javascript:alert(1)' "$tmp/js.html" && ok || fail "report: the text is not in the report (the case tests nothing)"
  # A Graphviz that writes active content: the picture is refused.
  for payload in '<a xlink:href="javascript:alert(1)"><text>x</text></a>' '<script>alert(1)</script>' \
                 '<g onload="alert(1)"></g>' '<foreignObject><div/></foreignObject>'; do
    mkdir -p "$tmp/fake"
    cat >"$tmp/fake/dot" <<SH
#!/bin/sh
while [ \$# -gt 0 ]; do [ "\$1" = -o ] && out=\$2; shift; done
printf '<svg width="100pt" height="50pt" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><g>%s</g></svg>\n' '$payload' >"\$out"
SH
    chmod +x "$tmp/fake/dot"
    cp "$tmp/fake/dot" "$tmp/fake/sfdp"
    PATH="$tmp/fake:$PATH" "$raw_bin" report -q "$tmp/base" -o "$tmp/active.html" >"$tmp/out" 2>"$tmp/err"
    grep -q 'cannot embed' "$tmp/active.html" && ! grep -q 'alert(1)' "$tmp/active.html" && ok ||
      fail "report: an SVG with $payload was embedded"
  done
fi
finish
