#!/usr/bin/env bash
# `newsgraph merge` on shards that are damaged or foreign: truncated (plain and gzip), of
# another format version, with a flipped byte (CRC), empty, not a shard at all. A shard holds
# part of a corpus, so a damaged one fails the merge (exit 1) rather than silently giving a
# smaller graph: the message names the file and the record, and no output file is left.
# A good shard next to them still merges to the graph `build` gives.
source "$(dirname "$0")/lib.sh"
"$raw_bin" --help | grep -q '^  merge ' || skip_case "no merge command in this build"
base_graph
ng extract -q "$tmp/base" -o "$tmp/good.ngs"
expect_rc 0 "extract"
ng merge -q "$tmp/good.ngs" -o "$tmp/merged.graphml"
expect_rc 0 "merge of a good shard"
expect_same "$tmp/base.graphml" "$tmp/merged.graphml" "merge equals build"

size=$(stat -c %s "$tmp/good.ngs")
head -c $((size - 5)) "$tmp/good.ngs" >"$tmp/cut-end.ngs"
head -c $((size / 2)) "$tmp/good.ngs" >"$tmp/cut-mid.ngs"
gzip -c "$tmp/good.ngs" >"$tmp/good.ngs.gz"
head -c $(($(stat -c %s "$tmp/good.ngs.gz") - 12)) "$tmp/good.ngs.gz" >"$tmp/cut.ngs.gz"
sed '1s/^NGSHARD 2$/NGSHARD 3/' "$tmp/good.ngs" >"$tmp/v3.ngs"
cp "$tmp/good.ngs" "$tmp/flipped.ngs" # a byte of the relation names (record 0)
printf 'Z' | dd of="$tmp/flipped.ngs" bs=1 seek=40 conv=notrunc status=none
cp "$tmp/good.ngs" "$tmp/flipped-doc.ngs" # a byte of the last doc
printf 'Z' | dd of="$tmp/flipped-doc.ngs" bs=1 seek=$((size - 30)) conv=notrunc status=none
: >"$tmp/empty.ngs"
cp "$tmp/base/a1.txt" "$tmp/text.ngs"

check_refused() { # NAME EXPECTED-MESSAGE
  rm -f "$tmp/out.graphml"
  ng merge "$tmp/good.ngs" "$tmp/$1" -o "$tmp/out.graphml"
  expect_rc 1 "merge with $1"
  expect_msg "$1: $2" "merge with $1: the message names the file"
  [ -e "$tmp/out.graphml" ] && fail "merge with $1 left an output file" || ok
  expect_no_temp "$tmp" "merge with $1"
  expect_one_line_reports "merge with $1"
}
check_refused cut-end.ngs "record"
check_refused cut-mid.ngs "record"
check_refused cut.ngs.gz ""
check_refused v3.ngs "shard format version 3"
check_refused flipped.ngs "record 0 fails its checksum"
check_refused flipped-doc.ngs "record"
check_refused empty.ngs "empty"
check_refused text.ngs "not a newsgraph shard"
# An existing output is left as it was when the merge fails.
cp "$tmp/base.graphml" "$tmp/keep.graphml"
ng merge "$tmp/good.ngs" "$tmp/cut-mid.ngs" -o "$tmp/keep.graphml"
expect_rc 1 "merge over an existing file"
expect_same "$tmp/base.graphml" "$tmp/keep.graphml" "the existing output is intact"
finish
