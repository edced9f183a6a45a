#!/usr/bin/env bash
# The same article twice (issue 18, item 12) counts once, with a warning: the same directory
# given twice, the same id in two CSV corpora, a shard merged twice (by name or as a copy),
# the same article in two shards. And `extract --slice K/N` is stable when a file is added
# between two slice jobs: every article that was there is read exactly once.
source "$(dirname "$0")/lib.sh"
base_graph

ng build -j2 "$tmp/base" "$tmp/base" -o "$tmp/got.graphml"
expect_rc 0 "build c c"
expect_same "$tmp/base.graphml" "$tmp/got.graphml" "build c c: each article once"
expect_msg "base: a directory read already" "build c c: named"
expect_msg "3 articles read (1 skipped)" "build c c: counted"

# The same ids in two CSV corpora (two exports of one feed).
row1='n1,2023-06-01,"Togo and Benin signed a border agreement in Lome on Thursday, officials said."'
row2='n2,2023-06-02,Kenya and Uganda signed a pipeline agreement in Nairobi on Friday.'
mkdir -p "$tmp/feeds/x" "$tmp/feeds/y" "$tmp/onefeed"
printf 'id,date,text\n%s\n%s\n' "$row1" "$row2" >"$tmp/feeds/x/feed.csv"
printf 'id,date,text\n%s\n%s\n' "$row2" "$row1" >"$tmp/feeds/y/feed.csv"
cp "$tmp/feeds/x/feed.csv" "$tmp/onefeed/feed.csv"
ng build -q -j2 "$tmp/onefeed" -o "$tmp/onefeed.graphml"
ng build -j2 "$tmp/feeds" -o "$tmp/got.graphml"
expect_rc 0 "the same ids in two CSV corpora"
expect_same_graph "$tmp/onefeed.graphml" "$tmp/got.graphml" "two feeds: each article once"
expect_msg "y/feed.csv:2: article id 'n2' was read already" "the duplicate named by file and line"
expect_msg "2 articles read (2 skipped)" "duplicates counted"

# Shards: the same shard twice (by name and as a copy); the same article in two shards.
ng extract -q "$tmp/base" -o "$tmp/s.ngs"
cp "$tmp/s.ngs" "$tmp/copy.ngs"
ng merge "$tmp/s.ngs" "$tmp/s.ngs" -o "$tmp/got.graphml"
expect_rc 0 "a shard merged twice"
expect_same "$tmp/base.graphml" "$tmp/got.graphml" "a shard merged twice: each article once"
expect_msg "s.ngs: the same shard file given twice: read once" "the shard named"
ng merge "$tmp/s.ngs" "$tmp/copy.ngs" -o "$tmp/got.graphml"
expect_rc 0 "a shard and its copy"
expect_same "$tmp/base.graphml" "$tmp/got.graphml" "a shard and its copy: each article once"
expect_msg "copy.ngs: article id 'a1' was read already" "the duplicate article named"
mkdir -p "$tmp/part1" "$tmp/part2"
cp "$tmp/base/a1.txt" "$tmp/base/a2.txt" "$tmp/part1/"
cp "$tmp/base/a2.txt" "$tmp/base/a3.txt" "$tmp/part2/"
ng extract -q "$tmp/part1" -o "$tmp/p1.ngs"
ng extract -q "$tmp/part2" -o "$tmp/p2.ngs"
ng merge "$tmp/p1.ngs" "$tmp/p2.ngs" -o "$tmp/got.graphml"
expect_rc 0 "the same article in two shards"
expect_same "$tmp/base.graphml" "$tmp/got.graphml" "two shards sharing an article: it counts once"
expect_msg "p2.ngs: article id 'a2' was read already" "the shared article named"

# --slice: 20 articles, slices 0 and 1 of 3 extracted, a file added, then slice 2.
mkdir -p "$tmp/sl"
for i in $(seq -w 1 20); do printf 'date 2023-06-%s\nNote %s.\n' "$i" "$i" >"$tmp/sl/n$i.txt"; done
ng extract -v --slice 0/3 "$tmp/sl" -o "$tmp/s0.ngs"; cp "$tmp/err" "$tmp/err0"
ng extract -v --slice 1/3 "$tmp/sl" -o "$tmp/s1.ngs"; cp "$tmp/err" "$tmp/err1"
printf 'date 2023-07-01\nAdded between the jobs.\n' >"$tmp/sl/a00.txt" # sorts first
ng extract -v --slice 2/3 "$tmp/sl" -o "$tmp/s2.ngs"; cp "$tmp/err" "$tmp/err2"
expect_rc 0 "the last slice"
cat "$tmp/err0" "$tmp/err1" "$tmp/err2" | sed -n 's/.*: id \(n[0-9]*\), .*/\1/p' | sort >"$tmp/ids"
seq -w 1 20 | sed 's/^/n/' >"$tmp/want"
expect_same "$tmp/want" "$tmp/ids" "every article there before the addition read exactly once"
ng merge "$tmp/s0.ngs" "$tmp/s1.ngs" "$tmp/s2.ngs" -o "$tmp/got.graphml"
expect_rc 0 "merge of the slices"
expect_no_msg "read already" "no article read twice"
finish
