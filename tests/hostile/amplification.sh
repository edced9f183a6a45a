#!/usr/bin/env bash
# Amplification (issue 18, finding 8): one sentence listing N actors used to give N(N-1)/2
# relations (164 states meeting: 13,366 edges from 1.5 KB of text). A phrase that would
# relate more than 100 pairs is a group event and gives none; one sentence gives at most 200
# relations; each cut is counted in one warning naming the article. The bounds sit just
# above what ordinary lists give: 14 actors meeting (91 pairs) and 10 condemning 10 (100)
# still give every pair.
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
copies=50
[ "$slow" = 1 ] && copies=5 # under valgrind or a sanitizer
$py - "$root/extract/data/states.csv" "$tmp" "$copies" <<'PY'
import csv, os, sys
rows = csv.DictReader(l for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#"))
names = [r["name"] for r in rows if " and " not in r["name"] and "," not in r["name"]]
root = sys.argv[2]
def lst(ns): return ", ".join(ns[:-1]) + " and " + ns[-1]
def art(d, body, n=1):
    os.makedirs(os.path.join(root, d), exist_ok=True)
    for i in range(n):
        with open(os.path.join(root, d, "a%03d.txt" % i), "w") as f:
            # each copy its own text: the same text twice is one article (skipped as a copy)
            f.write("date 2023-06-01\nSummit %d\n\n" % i + body + "\n")
art("met164", lst(names[:164]) + " met in Geneva on Monday.")
art("met164x50", lst(names[:164]) + " met in Geneva on Monday.", int(sys.argv[3]))
art("met14", lst(names[:14]) + " met in Geneva on Monday.")
art("met15", lst(names[:15]) + " met in Geneva on Monday.")
art("cond10x10", lst(names[:10]) + " condemned " + lst(names[10:20]) + " on Monday.")
art("cond10x11", lst(names[:10]) + " condemned " + lst(names[10:21]) + " on Monday.")
art("four", ", while ".join(lst(names[20 * k:20 * k + 10]) + " condemned " +
                            lst(names[20 * k + 10:20 * k + 20]) + " on Monday" for k in range(4)) + ".")
PY

edges() { grep -c '<edge ' "$1"; }
# case DIR EDGES WARN: builds DIR; checks the number of edges and whether a cut is reported.
case_() {
  local d=$1 want=$2 warn=$3
  ng build -j2 "$tmp/$d" -o "$tmp/$d.graphml"
  expect_rc 0 "$d"
  [ "$(edges "$tmp/$d.graphml")" = "$want" ] && ok || fail "$d: $(edges "$tmp/$d.graphml") edges, want $want"
  if [ "$warn" = 1 ]; then
    expect_msg "$d/a000.txt: 1 phrase or sentence relating too many actors were cut" "$d: the warning"
  else
    expect_no_msg "relating too many actors" "$d: no warning"
  fi
  expect_one_line_reports "$d"
}
case_ met164 0 1
case_ met14 91 0
case_ met15 0 1
case_ cond10x10 100 0
case_ cond10x11 0 1
case_ four 200 1 # four phrases of 100 pairs in one sentence: the first 200 relations

# Fifty such articles (five in slow mode): no edge, one warning each, a small graph.
ng build -j2 "$tmp/met164x50" -o "$tmp/x50.graphml" -o "$tmp/x50.json"
expect_rc 0 "fifty articles of 164 states"
[ "$(edges "$tmp/x50.graphml")" = 0 ] && ok || fail "fifty articles: $(edges "$tmp/x50.graphml") edges"
[ "$(grep -c 'relating too many actors' "$tmp/err")" = "$copies" ] && ok || fail "fifty articles: not one warning each"
[ "$(stat -c %s "$tmp/x50.json")" -lt 200000 ] && ok || fail "fifty articles: the JSON has $(stat -c %s "$tmp/x50.json") bytes"
finish
