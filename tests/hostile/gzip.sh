#!/usr/bin/env bash
# Compressed inputs gone wrong: a truncated .txt.gz, a corrupt one, a truncated .csv.gz, and a
# gzip bomb (1 MB inflating to 1 GB). Each is reported by name and skipped (a CSV keeps the
# rows before the damage); the bomb is cut at the article cap, so memory stays bounded
# (peak RSS checked with /usr/bin/time -v).
source "$(dirname "$0")/lib.sh"
base_graph
py=/usr/bin/python3
article='date 2023-06-01
Border deal

Togo and Benin signed a border agreement in Lome on Thursday, officials in Cotonou said. '

# Truncated and corrupt .txt.gz (long enough that the damage is in the deflate data).
with_base gz
for i in $(seq 200); do printf '%s' "$article"; done | gzip -9 >"$tmp/whole.gz"
size=$(stat -c %s "$tmp/whole.gz")
head -c $((size / 2)) "$tmp/whole.gz" >"$tmp/gz/cut.txt.gz"
head -c $((size - 4)) "$tmp/whole.gz" >"$tmp/gz/no-trailer.txt.gz"
cp "$tmp/whole.gz" "$tmp/gz/corrupt.txt.gz"
printf '\xde\xad\xbe\xef\xde\xad\xbe\xef' | dd of="$tmp/gz/corrupt.txt.gz" bs=1 seek=40 conv=notrunc status=none
printf '\x1f\x8b\x08\x00garbage that is not deflate data at all' >"$tmp/gz/fake.txt.gz"
build_and_compare "$tmp/gz" "damaged .gz files"
expect_msg "gz/cut.txt.gz: truncated gzip file" "truncated .gz named"
expect_msg "gz/no-trailer.txt.gz: truncated gzip file" "a .gz without its trailer"
expect_msg "gz/corrupt.txt.gz: unreadable" "corrupt .gz named"
expect_msg "gz/fake.txt.gz: unreadable" "gzip magic then garbage"
expect_msg "(4 skipped)" "all four counted"

# A truncated .csv.gz: the rows before the cut are read, the row in progress is not.
$py - "$tmp/rows.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id,text\n")
    for i in range(3000):
        f.write("row%d,Filler row number %d about nothing in particular and nobody.\n" % (i, i))
    f.write("last,Togo and Benin signed a border agreement in Lome on Thursday.\n")
PY
gzip -9 -c "$tmp/rows.csv" >"$tmp/rows.csv.gz"
size=$(stat -c %s "$tmp/rows.csv.gz")
with_base csvgz
head -c $((size * 2 / 3)) "$tmp/rows.csv.gz" >"$tmp/csvgz/rows.csv.gz"
ng build -j2 "$tmp/csvgz" -o "$tmp/got.graphml"
expect_rc 0 "a truncated .csv.gz"
expect_same_graph "$tmp/base.graphml" "$tmp/got.graphml" "a truncated .csv.gz: the rest of the corpus"
expect_msg "csvgz/rows.csv.gz: truncated gzip file after line" "truncated .csv.gz named with its line"
grep -q "articles read" "$tmp/err" && ok || fail "no summary"
read_n=$(sed -n 's/^newsgraph: \([0-9]*\) articles read.*/\1/p' "$tmp/err")
if [ "${read_n:-0}" -gt 100 ] && [ "${read_n:-0}" -lt 3004 ]; then ok
else fail "truncated .csv.gz: ${read_n:-?} articles read (want the rows before the cut)"; fi

# The gzip bomb: 1 GB of text in about 1 MB (256 MB under valgrind).
bomb_mb=1024
[ "$slow" = 1 ] && bomb_mb=256
$py - "$tmp/bomb.txt.gz" "$bomb_mb" <<'PY'
import sys, zlib
path, mb = sys.argv[1], int(sys.argv[2])
z = zlib.compressobj(9, zlib.DEFLATED, 31)
block = (b"Mali and Niger withdrew from ECOWAS. " * 28000)[:1 << 20]
with open(path, "wb") as f:
    for _ in range(mb):
        f.write(z.compress(block))
    f.write(z.flush())
PY
echo "gzip bomb: $(stat -c %s "$tmp/bomb.txt.gz") bytes inflating to $bomb_mb MB"
with_base bomb
cp "$tmp/bomb.txt.gz" "$tmp/bomb/"
t0=$(now)
build_and_compare "$tmp/bomb" "gzip bomb (default cap)"
expect_msg "bomb/bomb.txt.gz: larger than the article size cap (67108864 bytes" "the bomb is named with the cap"
echo "gzip bomb, default cap: $(elapsed "$t0") s"
if [ -x /usr/bin/time ] && [ "$slow" != 1 ]; then
  for cap in 8M 64M; do
    kb=$(peak_rss_kb "$raw_bin" build -q -j2 --max-article-bytes "$cap" "$tmp/bomb" -o "$tmp/got.graphml")
    limit=$(( ${cap%M} * 1024 * 2 + 80 * 1024 )) # the cap, twice (buffer growth), plus the program
    echo "gzip bomb, --max-article-bytes $cap: peak RSS $kb KB (limit $limit KB)"
    expect_rc 0 "gzip bomb with cap $cap"
    if [ -n "$kb" ] && [ "$kb" -lt "$limit" ]; then ok; else fail "gzip bomb: peak RSS ${kb:-?} KB with cap $cap"; fi
  done
else
  echo "skipped: peak RSS check (no /usr/bin/time, or valgrind or a sanitizer build)"
fi
finish
