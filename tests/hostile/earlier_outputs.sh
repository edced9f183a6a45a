#!/usr/bin/env bash
# Earlier outputs in the corpus folder (issue 18, item 6): the graphs, shards, tables, reports
# and temporaries newsgraph writes are never read as articles - the run's own (extract's
# shard and its temporary file, written while the corpus is listed) and an earlier run's.
# They are counted in one warning, and the graph is the clean corpus's.
source "$(dirname "$0")/lib.sh"
base_graph

# Every graph format, written into the corpus, then the corpus built again.
with_base prev
d="$tmp/prev"
ng build -q "$d" -o "$d/g.graphml" -o "$d/g.graphml.gz" -o "$d/g.gexf" -o "$d/g.dot" \
  -o "$d/g.json" -o "$d/g.csv"
expect_rc 0 "outputs into the corpus"
build_and_compare "$d" "a corpus holding its earlier outputs"
expect_msg "7 files newsgraph writes (graphs, shards, tables, reports, temporaries) not read as articles" "one counted warning"
[ "$(grep -c 'newsgraph writes' "$tmp/err")" = 1 ] && ok || fail "more than one line about earlier outputs"
expect_msg "3 articles read" "only the articles are read"

# A report (HTML page, Markdown and its picture) into the corpus.
with_base rep
ng report -q --no-picture "$tmp/rep" -o "$tmp/rep/report.html" -o "$tmp/rep/report.md"
expect_rc 0 "a report into the corpus"
build_and_compare "$tmp/rep" "a corpus holding a report"
expect_msg "1 file newsgraph writes" "the report page is counted"
expect_msg "1 file is not an article, skipped (report.md)" "the Markdown report is not an article"

# extract writing its shard into the corpus it reads: its temporary file, created before the
# listing, is not an article; neither is the shard the next time.
with_base ext
ng extract -q "$tmp/ext" -o "$tmp/ext/s.ngs"
expect_rc 0 "extract into the corpus"
ng merge -q "$tmp/ext/s.ngs" -o "$tmp/merged.graphml"
expect_rc 0 "merge"
expect_same "$tmp/base.graphml" "$tmp/merged.graphml" "the shard holds the articles only"
ng extract "$tmp/ext" -o "$tmp/ext/s.ngs"
expect_rc 0 "extract again over its shard"
expect_msg "3 articles extracted" "the earlier shard is not read"
# A temporary file left by a killed run, and one from another tool's naming.
with_base tmpf
cp "$tmp/base/a1.txt" "$tmp/tmpf/g.graphml.tmp.4242.0"
cp "$tmp/base/a1.txt" "$tmp/tmpf/notes.txt.tmp.1"
build_and_compare "$tmp/tmpf" "temporary files in the corpus"
expect_msg "2 files newsgraph writes" "temporaries counted"
finish
