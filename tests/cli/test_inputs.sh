#!/usr/bin/env bash
# The inputs people have (issue 17, item 3), as a user meets them on the command line: a saved
# web page, a JSON Lines corpus, CSV with ';' or tab, each also gzip-compressed; a directory
# mixing them with files that are not articles; a run that reads no article.
. "$(dirname "$0")/lib.sh"
# expect CODE "stderr substring" -- command...
expect() {
  local code=$1 msg=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" != "$code" ] || { [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; }; then
    fail "$* -> exit $rc (want $code), stderr: $(head -c 400 "$tmp/err")"
  else passed=$((passed+1)); fi
}

mkdir -p "$tmp/c"
cat >"$tmp/c/sahel.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sahel states leave | Example</title>
<meta property="article:published_time" content="2023-04-02T10:00:00Z">
<link rel="canonical" href="https://example.org/news/sahel">
<script>document.write("Russia condemned Ukraine.")</script></head>
<body><nav><a href="/">Home</a> Egypt met Sudan.</nav>
<article><h1>Mali and Niger leave ECOWAS</h1>
<p>Mali and Niger withdrew from ECOWAS on Sunday,
the two governments said in a joint statement.</p>
<aside>Related: Kenya signed a pipeline agreement with Uganda.</aside></article>
<footer>Ghana met Togo at the footer.</footer></body></html>
HTML
printf '%s\n' '{"id": "j1", "title": "Accra deal", "url": "https://example.org/j1", "published": "2023-05-10T08:00:00Z", "text": "Senegal and Ghana signed a trade agreement in Accra."}' \
  '{"id": "j2", "text": "Broken line' \
  '{"id": "j3", "date": "2024-01-15", "text": "Russia and Mali signed a defence agreement in Moscow."}' >"$tmp/c/feed.jsonl"
printf 'id;date;text\ns1;2023-06-01;Togo and Benin signed a border agreement in Lome.\n' >"$tmp/c/semi.csv"
printf 'id\tdate\ttext\nt1\t2023-06-02\tAlgeria cut ties with Morocco, its foreign ministry said.\n' >"$tmp/c/tabs.tsv"
echo "my notes" >"$tmp/c/notes.md"
printf '\x89PNG\r\n\x1a\n\0\0\0\0' >"$tmp/c/photo.png"

expect 0 "" -- "$bin" build -v -j2 "$tmp/c" -o "$tmp/g.graphml"
has "$tmp/err" "feed.jsonl:1: id j1, date 2023-05-10" "JSON Lines: id and published date"
has "$tmp/err" "feed.jsonl:2: not valid JSON" "JSON Lines: the broken line named FILE:LINE"
has "$tmp/err" "feed.jsonl:3: id j3, date 2024-01-15" "JSON Lines: the line after the broken one"
has "$tmp/err" "sahel.html: id sahel, date 2023-04-02" "web page: id and date from its metadata"
has "$tmp/err" "semi.csv:2: id s1, date 2023-06-01" "CSV with ';'"
has "$tmp/err" "tabs.tsv:2: id t1, date 2023-06-02" "CSV with tabs"
has "$tmp/err" "2 files are not articles, skipped (notes.md, photo.png)" "other files counted in one line"
has "$tmp/err" "5 articles read (1 skipped)" "the summary"
for who in Mali Niger ECOWAS Senegal Ghana Togo Benin Algeria Morocco Russia; do
  has "$tmp/g.graphml" "label\">$who<" "an actor of the articles"
done
for who in Egypt Sudan Kenya Uganda Ukraine; do
  lacks "$tmp/g.graphml" "label\">$who<" "an actor of the page's script, navigation, aside or footer"
done

# The same corpus gzip-compressed gives the same graph.
mkdir -p "$tmp/gz"
for f in sahel.html feed.jsonl semi.csv tabs.tsv; do gzip -c "$tmp/c/$f" >"$tmp/gz/$f.gz"; done
expect 0 "" -- "$bin" build -q -j2 "$tmp/gz" -o "$tmp/gz.graphml"
cmp -s "$tmp/g.graphml" "$tmp/gz.graphml" && passed=$((passed+1)) || fail "the .gz corpus gives another graph"

# A CSV without a text column names the columns it found; alone, nothing is read: exit 1.
printf 'id;title;body\n1;t;Mali met Niger.\n' >"$tmp/body.csv"
expect 1 "CSV corpus has no 'text' column: its header has 3 columns ('id', 'title', 'body'; read with ';' between them)" -- "$bin" build "$tmp/body.csv" -o "$tmp/n.graphml"
has "$tmp/err" "no article was read" "the run's failure says why"
[ -e "$tmp/n.graphml" ] && fail "an output written by a run that read nothing" || passed=$((passed+1))
# A directory of no article, an empty directory: exit 1, nothing written.
mkdir -p "$tmp/none" "$tmp/empty"; echo x >"$tmp/none/notes.md"
expect 1 "no article was read (0 inputs skipped, 1 files that are not articles)" -- "$bin" build "$tmp/none" -o "$tmp/n.graphml"
expect 1 "no article was read" -- "$bin" build "$tmp/empty" -o "$tmp/n.graphml"
expect 1 "no article was read" -- "$bin" extract "$tmp/empty" -o "$tmp/n.ngs"
[ -e "$tmp/n.graphml" ] || [ -e "$tmp/n.ngs" ] && fail "an output written by a run that read nothing" || passed=$((passed+1))
# ... but one empty slice of many is not a failure.
expect 0 "" -- "$bin" extract --slice 0/2 "$tmp/empty" -o "$tmp/n.ngs"
# A file named on the command line is read whatever its name; a graph is not an article.
expect 0 "1 articles read" -- "$bin" build "$tmp/none/notes.md" -o "$tmp/n.graphml"
expect 1 "1 file newsgraph writes" -- "$bin" build "$tmp/g.graphml" -o "$tmp/n2.graphml"

# Help names the kinds of input.
expect 0 "" -- "$bin" build --help
has "$tmp/out" "saved web pages (.html, .htm" "build --help: web pages"
has "$tmp/out" "JSON Lines corpora" "build --help: JSON Lines"
has "$tmp/out" "',' ';' or tab" "build --help: CSV delimiters"
expect 0 "" -- "$bin" extract --help
has "$tmp/out" "hashes to K" "extract --help: slices by hash"
finish inputs
