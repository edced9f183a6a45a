#!/usr/bin/env bash
# Sources an analyst can cite (issue 17, item 2): every edge keeps the articles behind it (id,
# title and URL where the input gives them: a text file's headline and `url` line, a CSV
# corpus's columns), at most --sources of them, earliest first, and counts them all
# (`articles`); the same text under two names counts once; a headline restating the first
# sentence is one mention; the report links titles to their URLs (http(s) only, escaped);
# explain prints them.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/in"
# six articles support Ghana met Togo; dates decide the sample's order, undated last
for i in 1 2 3 4 5 6; do
  printf 'url https://example.org/news/%d?a=1&b=2\ndate 2023-0%d-10\n\nTalks & deals in Accra %d\n\nGhana met Togo in Accra on Monday, officials said in statement %d.\n' \
    "$i" "$((7 - i))" "$i" "$i" >"$tmp/in/a$i.txt"
done
printf 'Undated talks\n\nGhana met Togo in Lome on Friday, officials said in note seven.\n' >"$tmp/in/a7.txt"
# the same text as a1 under another name: counted once
cp "$tmp/in/a1.txt" "$tmp/in/copy-of-a1.txt"
# a headline restating the first sentence: one mention
printf 'date 2023-08-01\n\nBenin signs border pact with Niger\n\nBenin signed a border pact with Niger on Tuesday.\n\nThe pact covers trade.\n' >"$tmp/in/h.txt"
# a URL that must not become a link
printf 'url https://example.org/x"onmouseover="alert(1)\ndate 2023-09-01\n\nMali and Senegal signed a trade agreement in Dakar.\n' >"$tmp/in/bad.txt"

"$bin" build "$tmp/in" -o "$tmp/g.graphml" -o "$tmp/g.csv" -o "$tmp/g.json" 2>"$tmp/err" \
  || fail "build: $(cat "$tmp/err")"
has "$tmp/err" "copy-of-a1.txt: article 'copy-of-a1' has the same text as an article read already" dedup
edge() { awk -v rel="$1" -v who="$2" 'BEGIN{RS="</edge>"} index($0, "<data key=\"relation\">" rel "<") && index($0, who) {print}' "$tmp/g.graphml"; }
edge met ghana >"$tmp/met"
has "$tmp/met" '<data key="weight">7</data>' weight
has "$tmp/met" '<data key="e_articles">7</data>' articles
# the five earliest by date: a6 (2023-01-10) ... a2 (2023-05-10); a1 and the undated a7 only counted
has "$tmp/met" '<data key="e_sources">a6|a5|a4|a3|a2</data>' sample
has "$tmp/met" '<data key="source_titles">Talks &amp; deals in Accra 6|Talks &amp; deals in Accra 5|' titles
has "$tmp/met" '<data key="source_urls">https://example.org/news/6?a=1&amp;b=2|' urls
edge signed benin >"$tmp/benin"
has "$tmp/benin" '<data key="weight">1</data>' headline
has "$tmp/benin" 'Benin signed a border pact with Niger on Tuesday.' headline-evidence
# CSV: the columns next to the weight
head -1 "$tmp/g.edges.csv" >"$tmp/hdr"
has "$tmp/hdr" 'Weight,relation,articles,evidence,sources,source_titles,source_urls' csv
head -1 "$tmp/g.nodes.csv" >"$tmp/nhdr"
has "$tmp/nhdr" 'mentions,articles,aliases,sources' csv-nodes
# JSON evidence items carry the title and URL
has "$tmp/g.json" '"title":"Talks & deals in Accra 6","url":"https://example.org/news/6?a=1&b=2"' json

# --sources 2 keeps two, counts all; 0 keeps none; the bytes do not depend on -j
"$bin" build -q --sources 2 "$tmp/in" -o "$tmp/s2.graphml" -j1
"$bin" build -q --sources 2 "$tmp/in" -o "$tmp/s2j2.graphml" -j2
cmp -s "$tmp/s2.graphml" "$tmp/s2j2.graphml" && passed=$((passed+1)) || fail "--sources 2: -j1 and -j2 differ"
awk 'BEGIN{RS="</edge>"} index($0, "<data key=\"relation\">met<") && index($0, "ghana") {print}' "$tmp/s2.graphml" >"$tmp/met2"
has "$tmp/met2" '<data key="e_sources">a6|a5</data>' sources-2
has "$tmp/met2" '<data key="e_articles">7</data>' sources-2-count
"$bin" build -q --sources 0 "$tmp/in" -o "$tmp/s0.csv"
grep 'ghana,togo\|togo,ghana' "$tmp/s0.edges.csv" >"$tmp/met0"
has "$tmp/met0" ',7,met,7,' sources-0
"$bin" build -q --sources 1001 "$tmp/in" -o "$tmp/x.graphml" 2>"$tmp/err"; rc=$?
eq "$rc" 2 "--sources 1001 exit"
has "$tmp/err" 'at most 1000' sources-max
[ -e "$tmp/x.graphml" ] && fail "--sources 1001 wrote a file" || passed=$((passed+1))

# the report: titles linked to their URLs, escaped; the bad URL is text only
"$bin" report -q "$tmp/in" -o "$tmp/r.html" -o "$tmp/r.md" --no-picture || fail "report exit $?"
has "$tmp/r.html" '<a href="https://example.org/news/6?a=1&amp;b=2">Talks &amp; deals in Accra 6</a>' report-link
lacks "$tmp/r.html" 'onmouseover' report-bad-url
lacks "$tmp/r.html" 'href="https://example.org/x' report-bad-url
has "$tmp/r.html" '7 mentions &#183; 7 articles' report-count
has "$tmp/r.md" '[Talks &amp; deals in Accra 6](https://example.org/news/6?a=1&b=2)' report-md
# explain names the article's title and URL
"$bin" explain "$tmp/in" --between Ghana Togo >"$tmp/explain" 2>/dev/null
has "$tmp/explain" 'Talks & deals in Accra 6 <https://example.org/news/6?a=1&b=2>' explain

finish sources
