#!/usr/bin/env bash
# The evidence table (issue 17, item 2): -o x.evidence.csv / x.evidence.jsonl (or x.jsonl)
# writes every supporting mention, one row per relation mention, as the articles are read,
# in their order: the same bytes for every -j; CSV cells formula-safe; one row per unit of
# edge weight; merge of the shards writes the same table; x.evidence.csv is not the graph CSV.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/in"
cat >"$tmp/in/corpus.csv" <<'CSV'
id,date,title,url,text
a1,2021-03-04,"Talks in Accra, again",https://example.org/a1?x=1&y=2,"Ghana met Togo in Accra on Monday. France condemned Russia in June 2017."
a2,2021-03-05,=HYPERLINK(1),https://example.org/a2,"=Mali signed a trade agreement with Senegal in Dakar."
a3,2021-03-06,"Quote ""this""",https://example.org/a3,"-Benin met Niger on Tuesday. ""Benin met Niger,"" he said."
CSV
# more articles, so that -j3 finishes them out of order
for i in $(seq 10 39); do
  printf 'url https://example.org/t%d\ndate 2022-01-%02d\n\nHeadline %d\n\nChad met Sudan in Ndjamena, officials said in statement %d.\n' \
    "$i" "$((i - 9))" "$i" "$i" >"$tmp/in/t$i.txt"
done

build() { # -j N, then the outputs' prefix
  "$bin" build "$tmp/in" -j "$1" -o "$tmp/$2.evidence.csv" -o "$tmp/$2.jsonl" \
    -o "$tmp/$2.graphml" -o "$tmp/$2.csv" 2>"$tmp/$2.err" || fail "build -j$1: $(cat "$tmp/$2.err")"
}
build 1 a
build 3 b
ev="$tmp/a.evidence.csv"
has "$tmp/a.err" "wrote $tmp/a.evidence.csv" named
has "$tmp/a.err" "wrote $tmp/a.nodes.csv and $tmp/a.edges.csv" graph-csv-too
[ -e "$tmp/a.evidence.nodes.csv" ] && fail "x.evidence.csv taken for the graph CSV" || passed=$((passed+1))
eq "$(head -1 "$ev")" "article_id,title,url,date,relation,source,target,source_key,target_key,sentence" header
has "$ev" 'a1,"Talks in Accra, again",https://example.org/a1?x=1&y=2,2021-03-01,met,Ghana,Togo,state:ghana,state:togo,Ghana met Togo in Accra on Monday.' row-day-from-weekday
has "$ev" 'a1,"Talks in Accra, again",https://example.org/a1?x=1&y=2,2017-06,condemned,France,Russia,state:france,state:russia,France condemned Russia in June 2017.' row-date-as-written
# formulas neutralised (OWASP: a leading ' ), in the title and the sentence
has "$ev" "a2,'=HYPERLINK(1),https://example.org/a2,2021-03-05,signed,Mali,Senegal,state:mali,state:senegal,'=Mali signed a trade agreement with Senegal in Dakar." formula
has "$ev" ",'-Benin met Niger on Tuesday." formula-minus
has "$ev" 'a3,"Quote ""this""",' quoted
has "$ev" ',"""Benin met Niger,"" he said."' quoted-sentence
has "$ev" 't10,Headline 10,https://example.org/t10,2022-01-01,met,Chad,Sudan,' text-file-title
lacks "$ev" "\"'=" no-double-neutralising
# JSON Lines: the text as it is (JSON has no formulas), escaped
jl="$tmp/a.jsonl"
has "$jl" '{"article_id":"a2","title":"=HYPERLINK(1)","url":"https://example.org/a2","date":"2021-03-05","relation":"signed","source":"Mali","target":"Senegal","source_key":"state:mali","target_key":"state:senegal","sentence":"=Mali signed a trade agreement with Senegal in Dakar."}' jsonl-row
has "$jl" '"title":"Quote \"this\""' jsonl-escaped
# rows in the order the articles were read: corpus.csv's, then t10..t39
eq "$(cut -d, -f1 "$ev" | sed 1d | uniq | tr '\n' ' ')" "a1 a2 a3 $(seq -f 't%g' 10 39 | tr '\n' ' ')" order
# one row per mention: the rows sum to the edges' weights (no mention here joins an actor to itself)
rows=$(($(wc -l <"$ev") - 1))
eq "$rows" 35 rows
eq "$(wc -l <"$jl")" "$rows" jsonl-rows
weights=$(grep -o '<data key="weight">[^<]*' "$tmp/a.graphml" | sed 's/.*>//' | awk '{s += $1} END {print s}')
eq "$weights" "$rows" rows-are-weights
# the same bytes whatever -j, the graph's too
for f in evidence.csv jsonl graphml; do
  cmp -s "$tmp/a.$f" "$tmp/b.$f" && passed=$((passed+1)) || fail "-j1 and -j3 differ: $f"
done
# gzip, and --format for standard output
"$bin" build "$tmp/in" -q -o "$tmp/z.evidence.csv.gz" || fail "gz build"
gzip -dc "$tmp/z.evidence.csv.gz" | cmp -s - "$ev" && passed=$((passed+1)) || fail "gz differs"
"$bin" build "$tmp/in" -q -o - --format evidence-jsonl >"$tmp/out.jsonl" || fail "stdout build"
cmp -s "$tmp/out.jsonl" "$jl" && passed=$((passed+1)) || fail "stdout differs"
# merge of the shards: the same table (docs in the order of the shards given)
"$bin" extract "$tmp/in" -q -o "$tmp/s.ngs" || fail extract
"$bin" merge "$tmp/s.ngs" -q -j3 -o "$tmp/m.evidence.csv" -o "$tmp/m.graphml" || fail merge
cmp -s "$tmp/m.evidence.csv" "$ev" && passed=$((passed+1)) || fail "merge's table differs"
# a failed write leaves nothing: /dev/full
"$bin" build "$tmp/in" -q -o /dev/full --format evidence-csv 2>"$tmp/full.err"
eq "$?" 1 dev-full
# a table left among the articles is not read back as a corpus (nor refused as an input)
cp "$tmp/a.evidence.csv" "$tmp/a.jsonl" "$tmp/in/"
"$bin" build "$tmp/in" -o "$tmp/in/a.evidence.csv" -o "$tmp/c.graphml" 2>"$tmp/again.err" ||
  fail "again: $(cat "$tmp/again.err")"
has "$tmp/again.err" "/in/a.evidence.csv, $tmp/in/a.jsonl)" ours
has "$tmp/again.err" "(0 skipped)" nothing-skipped
cmp -s "$tmp/in/a.evidence.csv" "$ev" && passed=$((passed+1)) || fail "table read back"
rm "$tmp/in/a.evidence.csv" "$tmp/in/a.jsonl"
# the help and the messages read the format table
"$bin" build --help >"$tmp/help"
has "$tmp/help" "evidence-csv   evidence.csv" help
"$bin" build "$tmp/in" -o "$tmp/x.xlsx" 2>"$tmp/bad.err"; eq "$?" 2 bad-name
has "$tmp/bad.err" "evidence.csv, evidence.jsonl (or .jsonl)" message

finish evidence
