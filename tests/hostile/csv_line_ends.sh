#!/usr/bin/env bash
# CSV line ends and CSV inputs that never end a line.
# - Issue 18, item 11: a CSV with lone-CR line ends (old Mac exports) splits into its rows,
#   each named by its own line, and a stray quote loses its own row only - also a quote that
#   opens a field and never closes (the lines after it are parsed again). The same with CR LF.
# - Issue 18, item 16: a .csv that never ends a line - a link to /dev/zero, a pipe that streams
#   one endless line - stops at once with a clear message (binary; the header cap; the line
#   cap), and the rest of the corpus is read. `timeout` turns a hang into a failure.
source "$(dirname "$0")/lib.sh"
base_graph

good1='g1,2023-06-01,"Togo and Benin signed a border agreement in Lome on Thursday, officials said."'
good2='g2,2023-06-02,Kenya and Uganda signed a pipeline agreement in Nairobi on Friday.'
good3='g3,2023-06-03,"Chad condemned the attack, its government said in a ""firm"" statement."'
with_base ref
printf 'id,date,text\n%s\n%s\n%s\n' "$good1" "$good2" "$good3" >"$tmp/ref/corpus.csv"
ng build -q -j2 "$tmp/ref" -o "$tmp/ref.graphml"
expect_rc 0 "good rows only"

for ends in cr crlf; do
  eol=$'\r'
  [ "$ends" = crlf ] && eol=$'\r\n'
  with_base "$ends"
  {
    printf 'id,date,text%s' "$eol"
    printf '%s%s' "$good1" "$eol"                                  # line 2
    printf 'r3,2023-06-01,un"doubled quote%s' "$eol"               # line 3: stray quote
    printf '%s%s' "$good2" "$eol"                                  # line 4
    printf 'r5,2023-06-01,"opened, never closed%s' "$eol"          # line 5: an open quote
    printf 'r6,2023-06-01,no quote here%s' "$eol"                  # line 6: read again: 3 fields
    printf '%s%s' "$good3" "$eol"                                  # line 7: its quote ends row 5
    printf 'r8,2023-06-01%s' "$eol"                                # line 8: ragged
  } >"$tmp/$ends/corpus.csv"
  # r6 is read too (it names no actor, so the graph is that of the good rows).
  ng build -j2 "$tmp/$ends" -o "$tmp/got.graphml"
  expect_rc 0 "$ends line ends"
  expect_same_graph "$tmp/ref.graphml" "$tmp/got.graphml" "$ends: the good rows after the stray quotes"
  expect_msg "$ends/corpus.csv:3: malformed CSV at line 3" "$ends: the stray quote named by its own line"
  expect_msg "$ends/corpus.csv:5: malformed CSV at line 7" "$ends: the open quote named by its row's line"
  expect_msg "$ends/corpus.csv:8: row has 2 fields" "$ends: the last line numbered right"
  expect_msg "7 articles read" "$ends: rows g1, g2, r6, g3 and the three of the base"
  expect_one_line_reports "$ends"
done

# A .csv linked to /dev/zero, given by name: binary at its first bytes.
ln -s /dev/zero "$tmp/zero.csv"
timeout 60 "$raw_bin" build -j2 "$tmp/zero.csv" "$tmp/base" -o "$tmp/got.graphml" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "a .csv linked to /dev/zero (124: still reading after 60 s)"
expect_msg "zero.csv: binary file (not text)" "/dev/zero is named"
expect_same_graph "$tmp/base.graphml" "$tmp/got.graphml" "/dev/zero: the rest of the corpus"
timeout 60 "$raw_bin" build "$tmp/zero.csv" -o "$tmp/got.graphml" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 1 "/dev/zero alone: no article read"
expect_msg "no article was read" "/dev/zero alone: the reason"

# A pipe streaming one endless header line, then one with a header and an endless row.
mkfifo "$tmp/endless.csv" "$tmp/endless2.csv"
(timeout 60 /usr/bin/python3 -c 'import sys
try:
    while True: sys.stdout.write("abcd" * 16384)
except (BrokenPipeError, OSError): pass' >"$tmp/endless.csv" 2>/dev/null &)
timeout 60 "$raw_bin" build -j2 "$tmp/endless.csv" "$tmp/base" -o "$tmp/got.graphml" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "an endless header line (124: still reading after 60 s)"
expect_msg "endless.csv: CSV header longer than 1048576 bytes" "the header cap"
expect_same_graph "$tmp/base.graphml" "$tmp/got.graphml" "endless header: the rest of the corpus"
(timeout 60 /usr/bin/python3 -c 'import sys
try:
    sys.stdout.write("id,text\nr1,")
    while True: sys.stdout.write("word " * 16384)
except (BrokenPipeError, OSError): pass' >"$tmp/endless2.csv" 2>/dev/null &)
timeout 60 "$raw_bin" build -j2 --max-article-bytes 1M "$tmp/endless2.csv" "$tmp/base" -o "$tmp/got.graphml" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "an endless row (124: still reading after 60 s)"
expect_msg "endless2.csv: line 2 is longer than" "the line cap"
finish
