#!/usr/bin/env bash
# Outputs that would overwrite inputs (issue 18, item 5): an output that is an input article
# file, an article file inside an input directory the run reads, a dictionary, a --relations
# file, a shard being merged - by the path -o names, by the files it really writes (-o x.csv
# writes x.nodes.csv and x.edges.csv, -o nodes.csv writes nodes.csv and edges.csv, -o DIR/
# writes DIR/nodes.csv and DIR/edges.csv, a Markdown report its .svg), and by device and inode
# (a hard link, a symbolic link). Each is refused before any work: exit 2, a message naming the output and the input,
# the input unchanged and no output written. What newsgraph wrote itself (its CSV tables, its
# report page) is not an input: writing them again over the last run's is allowed.
source "$(dirname "$0")/lib.sh"
base_graph
csv_corpus='id,date,text
e1,2023-06-01,"Togo and Benin signed a border agreement in Lome on Thursday, officials said."
'
# refused WHAT INPUT-FILE: the last run exited 2, named the input, and left it unchanged.
refused() {
  expect_rc 2 "$1"
  expect_msg "would overwrite $2" "$1: the message names the input"
  expect_msg "which this run reads" "$1: the message says why"
  cmp -s "$2" "$tmp/keep" && ok || fail "$1: the input $2 was changed"
}

# An input CSV named edges.csv and -o nodes.csv (which writes nodes.csv and edges.csv).
mkdir -p "$tmp/cwd" && printf '%s' "$csv_corpus" >"$tmp/cwd/edges.csv" && cp "$tmp/cwd/edges.csv" "$tmp/keep"
cd "$tmp/cwd" || exit 1
ng build edges.csv -o nodes.csv
refused "build edges.csv -o nodes.csv" "edges.csv"
expect_msg "-o nodes.csv would overwrite edges.csv (it writes edges.csv)" "the -o and the file it writes"
[ -e "$tmp/cwd/nodes.csv" ] && fail "nodes.csv written by a refused run" || ok
# An input x.csv and -o out.csv (which writes out.nodes.csv and out.edges.csv): no conflict.
ng build -q edges.csv -o out.csv
expect_rc 0 "-o out.csv beside the input edges.csv"
cd - >/dev/null || exit 1

# -o corpus/ over a corpus that holds a user's edges.csv.
with_base dirout
printf '%s' "$csv_corpus" >"$tmp/dirout/edges.csv" && cp "$tmp/dirout/edges.csv" "$tmp/keep"
ng build "$tmp/dirout" -o "$tmp/dirout/"
refused "build corpus -o corpus/" "$tmp/dirout/edges.csv"
# The same over a corpus of text articles only: allowed, and again over its own tables.
with_base dirown
ng build -q "$tmp/dirown" -o "$tmp/dirown/"
expect_rc 0 "-o corpus/ over a text corpus"
cp "$tmp/dirown/edges.csv" "$tmp/first-edges.csv"
ng build "$tmp/dirown" -o "$tmp/dirown/"
expect_rc 0 "-o corpus/ again over the tables it wrote"
expect_msg "2 files newsgraph writes" "the earlier tables are not read as articles"
expect_same "$tmp/first-edges.csv" "$tmp/dirown/edges.csv" "the second run reads the same articles"

# A dictionary as the output: by path (a hard link) and through a symbolic link.
cat >"$tmp/actors.csv" <<'CSV'
name,type,aliases
Zogbodomey Council,organization,ZC
CSV
cp "$tmp/actors.csv" "$tmp/keep"
ln "$tmp/actors.csv" "$tmp/hard.graphml"
ng build --actors "$tmp/actors.csv" "$tmp/base" -o "$tmp/hard.graphml"
refused "an output hard-linked to --actors" "$tmp/actors.csv"
ln -s "$tmp/actors.csv" "$tmp/soft.gexf"
ng build --lexicon "$tmp/actors.csv" "$tmp/base" -o "$tmp/soft.gexf"
refused "an output linked to --lexicon" "$tmp/actors.csv"

# A --relations file as the output (build, and merge, which reads one too), through a
# symbolic and a hard link.
cat >"$tmp/rel.csv" <<'CSV'
name,direction,hostile,subjects,objects,description
toured,directed,no,person|state,state|place,visited in person
CSV
cp "$tmp/rel.csv" "$tmp/keep"
ln -s "$tmp/rel.csv" "$tmp/rel-soft.graphml"
ng build --relations "$tmp/rel.csv" "$tmp/base" -o "$tmp/rel-soft.graphml"
refused "an output linked to the --relations file" "$tmp/rel.csv"
ln "$tmp/rel.csv" "$tmp/rel-hard.graphml"
ng extract --relations "$tmp/rel.csv" "$tmp/base" -o "$tmp/rel-hard.ngs"
expect_rc 0 "extract with --relations beside it"
ng merge --relations "$tmp/rel.csv" "$tmp/rel-hard.ngs" -o "$tmp/rel-hard.graphml"
refused "merge over its --relations file (a hard link)" "$tmp/rel.csv"

# An input article through a symbolic link; an article inside an input directory.
with_base art
cp "$tmp/art/a1.txt" "$tmp/keep"
ln -s "$tmp/art/a1.txt" "$tmp/a1.dot"
ng build "$tmp/art" -o "$tmp/g.graphml" -o "$tmp/a1.dot"
refused "an output linked to an article in the input directory" "$tmp/art/a1.txt"
[ -e "$tmp/g.graphml" ] && fail "another output written by a refused run" || ok

# report: an article page of the corpus as the report, and the report itself rewritten.
with_base rep
printf '<html><body><p>Kenya and Uganda signed a pipeline agreement in Nairobi.</p></body></html>\n' >"$tmp/rep/index.html"
cp "$tmp/rep/index.html" "$tmp/keep"
ng report --no-picture "$tmp/rep" -o "$tmp/rep/index.html"
refused "report over an article page" "$tmp/rep/index.html"
rm "$tmp/rep/index.html"
ng report -q --no-picture "$tmp/rep" -o "$tmp/rep/report.html"
expect_rc 0 "a report into the corpus"
ng report --no-picture "$tmp/rep" -o "$tmp/rep/report.html"
expect_rc 0 "the report rewritten over itself"
expect_msg "1 file newsgraph writes" "the earlier report is not read as an article"

# extract over an article, merge over a shard it reads.
cp "$tmp/base/a2.txt" "$tmp/keep"
ln "$tmp/base/a2.txt" "$tmp/a2.ngs"
ng extract "$tmp/base" -o "$tmp/a2.ngs"
refused "extract over an article" "$tmp/base/a2.txt"
rm "$tmp/a2.ngs"
ng extract -q "$tmp/base" -o "$tmp/s.ngs"
expect_rc 0 "extract"
cp "$tmp/s.ngs" "$tmp/keep"
ng merge "$tmp/s.ngs" -o "$tmp/s.ngs"
refused "merge over the shard it reads" "$tmp/s.ngs"
finish
