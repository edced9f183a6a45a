#!/usr/bin/env bash
# Broken CSV corpora: ragged rows, a stray quote, an empty text field, a 50 MB cell, an
# unterminated quote at the end, a file with no `text` column. Each bad row is reported with
# its file and line and skipped; the good rows around it are read: the graph equals the one
# built from the good rows alone.
source "$(dirname "$0")/lib.sh"
base_graph
py=/usr/bin/python3
good1='g1,2023-06-01,"Togo and Benin signed a border agreement in Lome on Thursday, officials said."'
good2='g2,2023-06-02,Kenya and Uganda signed a pipeline agreement in Nairobi on Friday.'
good3='g3,2023-06-03,"Chad condemned the attack, its government said in a ""firm"" statement."'

with_base ref
printf 'id,date,text\n%s\n%s\n%s\n' "$good1" "$good2" "$good3" >"$tmp/ref/corpus.csv"
ng build -q -j2 "$tmp/ref" -o "$tmp/ref.graphml"
expect_rc 0 "good rows only"
grep -q 'label">Uganda<' "$tmp/ref.graphml" && ok || fail "the good rows give no Uganda node"

cell_mb=50 cap=16M
[ "$slow" = 1 ] && cell_mb=3 cap=1M
with_base bad
{
  printf 'id,date,text\n'
  printf '%s\n' "$good1"                                 # line 2
  printf 'r3,2023-06-01\n'                               # line 3: too few fields
  printf 'r4,2023-06-01,text,extra field\n'              # line 4: too many
  printf 'r5,2023-06-01,"closed" then more\n'            # line 5: text after a closing quote
  printf 'r6,2023-06-01,\n'                              # line 6: empty text
  printf '%s\n' "$good2"                                 # line 7
  printf 'r8,2023-06-01,"a cell\nover two lines",x\n'    # lines 8-9: ragged, named by line 8
} >"$tmp/bad/corpus.csv"
# lines 10..: a cell of $cell_mb MB over many lines, then a good row after it
$py - "$tmp/bad/corpus.csv" "$cell_mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
line = ("Mali and Niger withdrew from ECOWAS, " * 30)[:1023] + "\n"
with open(path, "a") as f:
    f.write('big,2023-06-01,"')
    for _ in range(mb * 1024):
        f.write(line)
    f.write('"\n')
PY
big_lines=$((cell_mb * 1024 + 1))
{
  printf '%s\n' "$good3"
  printf 'r-open,2023-06-01,"an unterminated quote runs to the end\nand beyond\n'
} >>"$tmp/bad/corpus.csv"
open_line=$((10 + big_lines + 1))
printf 'title,body\nA,B\n' >"$tmp/bad/notext.csv"
kb=$(peak_rss_kb "$raw_bin" build -j2 --max-article-bytes "$cap" "$tmp/bad" -o "$tmp/got.graphml")
expect_rc 0 "broken CSV"
expect_same "$tmp/ref.graphml" "$tmp/got.graphml" "broken CSV: the good rows"
expect_one_line_reports "broken CSV"
expect_msg "bad/corpus.csv:3: row has 2 fields, the header has 3" "too few fields"
expect_msg "bad/corpus.csv:4: row has 4 fields, the header has 3" "too many fields"
expect_msg "bad/corpus.csv:5: malformed CSV at line 5" "stray quote"
expect_msg "bad/corpus.csv:6: empty 'text' field" "empty text"
expect_msg "bad/corpus.csv:8: row has 4 fields" "a ragged row over two lines is named by its first line"
expect_msg "bad/corpus.csv:10: row larger than the article size cap" "the ${cell_mb} MB cell"
expect_msg "bad/corpus.csv:$open_line: unterminated quoted field" "unterminated quote"
expect_msg "bad/notext.csv: CSV corpus has no 'text' column" "no text column"
if [ -n "$kb" ] && [ "$slow" != 1 ]; then
  echo "broken CSV with a ${cell_mb} MB cell, cap $cap: peak RSS $kb KB"
  [ "$kb" -lt $((120 * 1024)) ] && ok || fail "the ${cell_mb} MB cell took $kb KB (cap 16 MB)"
fi
finish
