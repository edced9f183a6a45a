#!/usr/bin/env bash
# Giant inputs, generated here into the temporary directory (deleted at exit):
# - a 100 MB file with no newline: over the default article cap (64 MB), so it is skipped with
#   a message naming it after reading at most the cap, and the rest of the corpus is kept;
# - a 10 MB "sentence" with no full stop: read and extracted in time linear in its size (the
#   rule engine works on bounded sentence pieces): the CPU time for 10 MB stays within 6x the
#   time for 2.5 MB (quadratic work would take 16x).
# In slow mode (valgrind, sanitizers) the sizes shrink: 3 MB over a 1 MB cap; 1 MB and 256 KB
# sentences.
source "$(dirname "$0")/lib.sh"
base_graph
py=/usr/bin/python3

if [ "$slow" = 1 ]; then big_mb=3 cap=(--max-article-bytes 1M) sent_kb=1024
else big_mb=100 cap=() sent_kb=10240; fi

# 100 MB, one line, words only.
with_base huge
$py - "$tmp/huge/one-line.txt" "$big_mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
chunk = ("Mali Niger ECOWAS withdrew signed met condemned Ghana Togo and the of " * 1000).encode()
with open(path, "wb") as f:
    left = mb * 1024 * 1024
    while left > 0:
        f.write(chunk[:left]); left -= len(chunk)
PY
t0=$(now)
build_and_compare "$tmp/huge" "${big_mb} MB file with no newline" "${cap[@]}"
expect_msg "huge/one-line.txt: larger than the article size cap" "the huge file is named"
echo "${big_mb} MB file with no newline: $(elapsed "$t0") s"
rm -f "$tmp/huge/one-line.txt"

# A sentence of N KB with no full stop (names, triggers, quotes and brackets, no . ! ?).
sentence() {
  $py - "$1" "$2" <<'PY'
import sys, random
path, kb = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = ["Mali", "and", "Niger", "withdrew", "from", "ECOWAS", "the", "talks", "France",
         "condemned", "said", "officials", "in", "Accra", "Ghana", "signed", "a", "deal", "with",
         "Togo", "Mr", "Gen", "President", "Ruto", "met", "\"quoted", "words\"", "(aside)", "-",
         "Moscow's", "foreign", "minister", ";", ","]
out, n = ["date 2023-01-01\nA headline\n\n"], 0
while n < kb * 1024:
    w = random.choice(words); out.append(w + " "); n += len(w) + 1
open(path, "w").write("".join(out))
PY
}
cpu_seconds() { # user+system CPU of a build of $1 (printed, never asserted)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$tmp/cpu.txt" "$raw_bin" build -q -j1 --no-metrics "$1" -o "$tmp/s.graphml" 2>"$tmp/err"
    rc=$?
    awk '{ printf "%.2f", $1 + $2 }' "$tmp/cpu.txt"
  else
    "$raw_bin" build -q -j1 --no-metrics "$1" -o "$tmp/s.graphml" 2>"$tmp/err"
    rc=$?
    printf '?'
  fi
}
sentence "$tmp/small.txt" $((sent_kb / 4))
sentence "$tmp/large.txt" "$sent_kb"
t_small=$(cpu_seconds "$tmp/small.txt")
expect_rc 0 "a $((sent_kb / 4)) KB sentence"
t_large=$(cpu_seconds "$tmp/large.txt")
expect_rc 0 "a $sent_kb KB sentence"
grep -q '<edge ' "$tmp/s.graphml" && ok || fail "the long sentence gave no relation at all"
echo "sentence with no full stop: $((sent_kb / 4)) KB in ${t_small} s CPU, $sent_kb KB in ${t_large} s CPU"
# Tests never assert timings: a quadratic path would blow through this test's CTest TIMEOUT
# on the full-size sentence, which is the guard; the two CPU times above are for the reader.
# The same sentence inside a corpus: the rest is kept, the run succeeds.
with_base longsent
cp "$tmp/large.txt" "$tmp/longsent/zz-long.txt"
ng build -j2 "$tmp/longsent" -o "$tmp/got.graphml"
expect_rc 0 "a long sentence in the corpus"
for label in ECOWAS Morocco Senegal; do
  grep -q "label\">$label<" "$tmp/got.graphml" && ok || fail "long sentence: $label from the clean corpus is missing"
done
finish
