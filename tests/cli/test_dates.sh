#!/usr/bin/env bash
# Dates as written (issue 17, item 1): a date an article writes at month or year precision
# ("in June 2017", "in 2019") stays at that precision on the edge in every export, the report
# and explain, and GEXF's timeline starts at the first day it covers; an article with no date
# at all is counted in the run's summary and named with -v.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/in"
# an article of 2021 about a 2017 break: the edge says 2017-06, not 2021
printf 'date 2021-01-05\n\nIn June 2017, Saudi Arabia cut diplomatic ties with Qatar.\n\nEgypt sanctioned Qatar in 2019.\n\nSaudi Arabia and Qatar restored ties on Tuesday.\n' >"$tmp/in/alula.txt"
# no date line, a dateline without a year
printf 'NAIROBI, June 3 --\n\nKenya condemned Somalia after the attack.\n' >"$tmp/in/nodate.txt"

"$bin" build "$tmp/in" -o "$tmp/g.graphml" -o "$tmp/g.gexf" -o "$tmp/g.json" -o "$tmp/g.csv" \
  -o "$tmp/g.dot" 2>"$tmp/err" || fail "build exit $?: $(cat "$tmp/err")"
"$bin" report -q "$tmp/in" -o "$tmp/r.html" -o "$tmp/r.md" || fail "report exit $?"

# GraphML: the cut_ties edge is dated as written
edge_graphml() { awk -v rel="$1" 'BEGIN{RS="</edge>"} index($0, "<data key=\"relation\">" rel "<") {print}' "$tmp/g.graphml"; }
edge_graphml cut_ties >"$tmp/cut.graphml"
has "$tmp/cut.graphml" '<data key="e_first_date">2017-06</data>' graphml
has "$tmp/cut.graphml" '<data key="dates">2017-06</data>' graphml
lacks "$tmp/cut.graphml" '2021-01-05' graphml
edge_graphml sanctioned >"$tmp/sanc.graphml"
has "$tmp/sanc.graphml" '<data key="e_first_date">2019</data>' graphml
# the restoration has no date of its own: the article's ("on Tuesday" = its day)
edge_graphml restored_ties >"$tmp/rest.graphml"
has "$tmp/rest.graphml" '<data key="e_first_date">2021-01-05</data>' graphml
# GEXF: the attribute as written, the edge's interval the days its date covers
grep 'kind="cut_ties"' "$tmp/g.gexf" >"$tmp/cut.gexf"
has "$tmp/cut.gexf" 'start="2017-06-01" end="2017-06-30"' gexf
grep -A6 'kind="cut_ties"' "$tmp/g.gexf" >"$tmp/cut.gexf"
has "$tmp/cut.gexf" '<attvalue for="first_date" value="2017-06"/>' gexf
grep 'kind="sanctioned"' "$tmp/g.gexf" >"$tmp/sanc.gexf"
has "$tmp/sanc.gexf" 'start="2019-01-01" end="2019-12-31"' gexf
# the node lives from its earliest date's first day
has "$tmp/g.gexf" '<node id="qatar" label="Qatar" start="2017-06-01" end="2021-01-05">' gexf
# JSON and CSV
has "$tmp/g.json" '"first_date":"2017-06","last_date":"2017-06","dates":"2017-06"' json
has "$tmp/g.edges.csv" 'saudi-arabia,qatar,Directed,cut_ties' csv
grep 'cut_ties' "$tmp/g.edges.csv" >"$tmp/cut.csv"
has "$tmp/cut.csv" ',2017-06,2017-06,2017-06' csv
# DOT's tooltips, the report
has "$tmp/g.dot" 'state, 2 mentions, 2017-06 to 2021-01-05' dot
has "$tmp/r.html" '2017-06' report
has "$tmp/r.md" '2017-06' report-md
# explain
"$bin" explain "$tmp/in" --between Qatar >"$tmp/explain" 2>/dev/null
has "$tmp/explain" '2017-06  alula  In June 2017' explain
has "$tmp/explain" '2019  alula  Egypt sanctioned Qatar in 2019.' explain

# the undated article: counted in the summary, named with -v

"$bin" build "$tmp/in" -o "$tmp/g2.graphml" 2>"$tmp/err"
has "$tmp/err" '1 article without a date (no date line or field, no year in the dateline): -v names them' summary
lacks "$tmp/err" 'nodate.txt' summary
"$bin" build -v "$tmp/in" -o "$tmp/g2.graphml" 2>"$tmp/err"
has "$tmp/err" 'nodate.txt: no date' verbose
lacks "$tmp/err" 'alula.txt: no date' verbose
"$bin" build -q "$tmp/in" -o "$tmp/g2.graphml" 2>"$tmp/err"
[ -s "$tmp/err" ] && fail "-q printed: $(cat "$tmp/err")" || passed=$((passed+1))

finish dates
