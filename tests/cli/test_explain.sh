#!/usr/bin/env bash
# `newsgraph explain INPUT... --between A [B]`: every supporting sentence, grouped by edge,
# with relation, direction, article id and date; name matching by fold and by surname; exit
# codes. The corpus is written here (sentences made up for this test).
set -u
bin=${NG_BIN:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
c="$tmp/corpus"; mkdir -p "$c"

printf 'date 2024-03-04\nLima talks\n\nPeru'"'"'s President José Ramos held talks with Chile'"'"'s President Ana Vidal in Lima on Monday.\n' > "$c/a01.txt"
printf 'date 2024-03-06\nA second meeting\n\nPeru'"'"'s President José Ramos met Chile'"'"'s President Ana Vidal again on Wednesday.\n' > "$c/a02.txt"
# a surname alone (a partial person in its article) still matches "José Ramos"; the
# headline supports the edge too
printf 'date 2024-03-08\nRamos criticises Bolivia\n\nPresident Ramos condemned Bolivia on Friday.\n' > "$c/a03.txt"
printf 'date 2024-03-09\nUnrelated\n\nKenya signed a trade agreement with Uganda on Saturday.\n' > "$c/a04.txt"
# more supporting sentences than the graph keeps as evidence (8): explain prints them all
for i in 1 2 3 4 5 6 7 8 9 10; do
  printf 'date 2024-04-%02d\nTalks %s\n\nPeru'"'"'s President José Ramos met Ecuador'"'"'s President Luis Mora on Monday.\n' "$i" "$i" > "$c/b$(printf %02d "$i").txt"
done

# A and B: both edges (met, from two articles), with their dates and article ids
"$bin" explain -q "$c" --between "Jose Ramos" "ana vidal" > "$tmp/ab" 2> "$tmp/err"; rc=$?
[ "$rc" = 0 ] || fail "explain A B exit $rc: $(cat "$tmp/err")"
grep -qx 'met José Ramos -- Ana Vidal: 2 sentences' "$tmp/ab" || fail "edge header: $(head -3 "$tmp/ab")"
grep -q "^  2024-03-04  a01  Peru's President José Ramos held talks with Chile's President Ana Vidal" "$tmp/ab" || fail "first sentence missing"
grep -q "^  2024-03-06  a02  Peru's President José Ramos met Chile's President Ana Vidal again" "$tmp/ab" || fail "second sentence missing"
# sentences in date order
[ "$(grep -n '2024-03-04' "$tmp/ab" | cut -d: -f1)" -lt "$(grep -n '2024-03-06' "$tmp/ab" | cut -d: -f1)" ] || fail "sentences not in date order"
grep -q Bolivia "$tmp/ab" && fail "an edge without B was printed"
# B before A: the same edges (met is symmetric), read from A's side
"$bin" explain -q "$c" --between "Ana Vidal" "José Ramos" > "$tmp/ba" || fail "explain B A"
grep -qx 'met Ana Vidal -- José Ramos: 2 sentences' "$tmp/ba" || fail "B A header: $(head -1 "$tmp/ba")"

# A alone: every edge touching A, a surname-only article included, directed edges with ->
"$bin" explain -q "$c" --between "josé ramos" > "$tmp/a" || fail "explain A"
# (its headline "Ramos criticises Bolivia" restates the first sentence: one mention)
grep -qx 'condemned José Ramos -> Bolivia: 1 sentence' "$tmp/a" || fail "partial surname not matched: $(cat "$tmp/a")"
grep -qx '      Ramos criticises Bolivia' "$tmp/a" || fail "the article's title: $(cat "$tmp/a")"
grep -q "^  2024-03-08  a03  President Ramos condemned Bolivia on Friday." "$tmp/a" || fail "partial's sentence"
grep -qx 'met José Ramos -- Luis Mora: 10 sentences' "$tmp/a" || fail "all ten sentences expected: $(grep Mora "$tmp/a" | head -2)"
[ "$(awk '/^met José Ramos -- Luis Mora/{on=1; next} /^$/{on=0} on' "$tmp/a" | grep -c '  b[0-9][0-9]  ')" = 10 ] || fail "not every supporting sentence printed"
grep -q "Kenya" "$tmp/a" && fail "an edge not touching A was printed"
# edges sorted by relation name: affiliated_with < condemned < met
order=$(grep -v '^  ' "$tmp/a" | grep . | cut -d' ' -f1 | tr '\n' ' ')
[ "$order" = "$(echo "$order" | tr ' ' '\n' | grep . | sort -s | tr '\n' ' ')" ] || fail "edges not sorted: $order"

# deterministic, whatever the thread count
"$bin" explain -q -j1 "$c" --between "josé ramos" > "$tmp/a1" || fail "explain -j1"
"$bin" explain -q -j2 "$c" --between "josé ramos" > "$tmp/a2" || fail "explain -j2"
cmp -s "$tmp/a" "$tmp/a1" && cmp -s "$tmp/a1" "$tmp/a2" || fail "output differs between runs"

# nothing matches: exit 0 and say so
"$bin" explain -q "$c" --between "Ana Vidal" "Kenya" > "$tmp/none"; rc=$?
[ "$rc" = 0 ] || fail "no match exit $rc"
grep -qx 'no relation between Ana Vidal and Kenya' "$tmp/none" || fail "no-match message: $(cat "$tmp/none")"
# "--" ends a lone A so that an input may follow
"$bin" explain -q --between "Luis Mora" -- "$c" > "$tmp/dash" || fail "explain --between A -- INPUT"
grep -qx 'met José Ramos -- Luis Mora: 10 sentences' "$tmp/dash" && fail "B side must be A here"
grep -qx 'met Luis Mora -- José Ramos: 10 sentences' "$tmp/dash" || fail "lone A with --: $(head -1 "$tmp/dash")"

# usage errors: exit 2
"$bin" explain "$c" > /dev/null 2>&1; [ $? = 2 ] || fail "missing --between should exit 2"
"$bin" explain --between "Ana Vidal" > /dev/null 2>&1; [ $? = 2 ] || fail "missing INPUT should exit 2"
"$bin" explain "$c" --between > /dev/null 2>&1; [ $? = 2 ] || fail "--between without a name should exit 2"
"$bin" explain --bogus "$c" --between X > /dev/null 2>&1; [ $? = 2 ] || fail "unknown option should exit 2"
"$bin" explain --help > "$tmp/help"; [ $? = 0 ] && grep -q '^usage: newsgraph explain' "$tmp/help" || fail "explain --help"
# an unreadable input: exit 1
"$bin" explain -q /nonexistent/input --between X > /dev/null 2>&1; [ $? = 1 ] || fail "unreadable input should exit 1"

[ "$fails" = 0 ] && echo "explain: all checks passed"
exit $((fails > 0))
