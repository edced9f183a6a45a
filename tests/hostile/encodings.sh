#!/usr/bin/env bash
# NUL bytes, invalid UTF-8, Windows-1252, UTF-16 and UTF-32: the article is read (repaired
# where it must be), the repair is reported with the file name, and the rest of the corpus is
# kept. UTF-16 (either byte order, with or without a byte-order mark: issue 18, item 14) and
# UTF-32 give exactly the graph of the same text in UTF-8, as text, as a CSV corpus and as
# JSON Lines.
source "$(dirname "$0")/lib.sh"
base_graph
py=/usr/bin/python3

# One extra article, in UTF-8, as the reference for the re-encoded copies.
extra='date 2023-06-01
Border deal

Togo and Benin signed a border agreement in Lomé on Thursday, officials in Cotonou said.
'
mkdir -p "$tmp/ref" && cp "$tmp/base"/* "$tmp/ref/" && printf '%s' "$extra" >"$tmp/ref/extra.txt"
ng build -q -j2 "$tmp/ref" -o "$tmp/ref.graphml"
expect_rc 0 "reference corpus"
grep -q 'Benin' "$tmp/ref.graphml" && ok || fail "the extra article gives no Benin node"

for enc in utf-16-le utf-16-be; do
  with_base "$enc"
  EXTRA=$extra ENC=$enc $py -c 'import os,codecs,sys
e=os.environ["ENC"]; bom=codecs.BOM_UTF16_LE if e.endswith("le") else codecs.BOM_UTF16_BE
sys.stdout.buffer.write(bom+os.environ["EXTRA"].encode(e))' >"$tmp/$enc/extra.txt"
  ng build -j2 "$tmp/$enc" -o "$tmp/got.graphml"
  expect_rc 0 "$enc"
  expect_same "$tmp/ref.graphml" "$tmp/got.graphml" "$enc article equals its UTF-8 original"
done

# Without a byte-order mark (found by the zero bytes), and UTF-32 with one.
for enc in utf-16-le utf-16-be utf-32-le utf-32-be; do
  with_base "nobom-$enc"
  EXTRA=$extra ENC=$enc $py -c 'import os,codecs,sys
e=os.environ["ENC"]; bom=b""
if e.startswith("utf-32"): bom=codecs.BOM_UTF32_LE if e.endswith("le") else codecs.BOM_UTF32_BE
sys.stdout.buffer.write(bom+os.environ["EXTRA"].encode(e))' >"$tmp/nobom-$enc/extra.txt"
  ng build -j2 "$tmp/nobom-$enc" -o "$tmp/got.graphml"
  expect_rc 0 "$enc (no BOM for UTF-16)"
  expect_same "$tmp/ref.graphml" "$tmp/got.graphml" "$enc article equals its UTF-8 original"
  expect_no_msg "binary" "$enc is not called binary"
done

# A CSV corpus and a JSON Lines corpus in UTF-16 (with a BOM, as spreadsheets save it, and
# without), against the same rows in UTF-8.
row='e1,2023-06-01,"Togo and Benin signed a border agreement in Lomé on Thursday, officials said."'
with_base csvref
printf 'id,date,text\n%s\n' "$row" >"$tmp/csvref/rows.csv"
printf '{"id": "j1", "date": "2023-06-02", "text": "Kenya and Uganda signed a pipeline agreement in Nairobi."}\n' >"$tmp/csvref/rows.jsonl"
ng build -q -j2 "$tmp/csvref" -o "$tmp/csvref.graphml"
expect_rc 0 "UTF-8 CSV and JSON Lines"
for enc in utf-16 utf-16-le utf-16-be; do
  with_base "csv-$enc"
  for f in rows.csv rows.jsonl; do
    ENC=$enc $py -c 'import os,sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(os.environ["ENC"]))' \
      <"$tmp/csvref/$f" >"$tmp/csv-$enc/$f"
  done
  ng build -j2 "$tmp/csv-$enc" -o "$tmp/got.graphml"
  expect_rc 0 "$enc CSV and JSON Lines"
  expect_same "$tmp/csvref.graphml" "$tmp/got.graphml" "$enc CSV and JSON Lines equal their UTF-8 originals"
  expect_no_msg "no 'text' column" "$enc CSV: its header is read"
done

# NUL bytes inside a text article (rare: not a binary file): the NULs are dropped and
# reported, the article still gives its relation.
with_base nul
printf 'date 2023-06-01\nBorder deal\n\nTogo and Benin signed a border\0 agreement in Lom\xc3\xa9 on Thursday,\0 officials in Cotonou said.\n' >"$tmp/nul/extra.txt"
printf 'This filler line keeps NUL bytes under one percent of the file, as in a scraped page. %.0s' $(seq 30) >>"$tmp/nul/extra.txt"
ng build -j2 "$tmp/nul" -o "$tmp/got.graphml"
expect_rc 0 "NUL bytes"
grep -q 'label">Benin<' "$tmp/got.graphml" && ok || fail "NUL bytes: the article was lost"
expect_msg "nul/extra.txt: 2 invalid bytes" "NUL bytes are reported with the file name"

# Invalid UTF-8 in a UTF-8 article (a lone 0xFF, a cut sequence, an overlong form): replaced
# by U+FFFD and reported; the article still gives its relation.
with_base badutf8
# (More valid multi-byte characters than invalid bytes: the text is UTF-8, not Windows-1252.)
printf 'date 2023-06-01\nBorder deal\n\nTogo and Benin signed a border agreement in Lom\xc3\xa9 on Thursday, caf\xc3\xa9 and cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e sellers in Cotonou said \xff, d\xc3\xa9j\xc3\xa0 \xe2\x82 and \xc0\xaf.\n' >"$tmp/badutf8/extra.txt"
ng build -j2 "$tmp/badutf8" -o "$tmp/got.graphml"
expect_rc 0 "invalid UTF-8"
expect_msg "badutf8/extra.txt: 5 invalid bytes replaced" "invalid UTF-8 is reported with the file name"
grep -q 'label">Benin<' "$tmp/got.graphml" && ok || fail "invalid UTF-8: the article was lost"
xmllint --noout "$tmp/got.graphml" 2>"$tmp/xml.err" && ok || fail "invalid UTF-8 reached the GraphML: $(head -3 "$tmp/xml.err")"

# A Windows-1252 article (no valid UTF-8 at all) is decoded as such: é and curly quotes.
with_base cp1252
printf 'date 2023-06-01\nBorder deal\n\nTogo and Benin signed a border agreement in Lom\xe9 on Thursday, \x93officials\x94 said.\n' >"$tmp/cp1252/extra.txt"
ng build -j2 "$tmp/cp1252" -o "$tmp/got.graphml"
expect_rc 0 "Windows-1252"
grep -q 'Lomé' "$tmp/got.graphml" && ok || fail "Windows-1252: é was not decoded"
xmllint --noout "$tmp/got.graphml" 2>/dev/null && ok || fail "Windows-1252: GraphML is not valid XML"
finish
