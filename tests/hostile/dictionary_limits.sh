#!/usr/bin/env bash
# Dictionaries that are not what they seem (issue 18, findings 9 and 10):
# - --actors/--lexicon /dev/zero, or a file over the 64 MiB cap, is refused at once (exit 1,
#   the file named) instead of being read forever; with little memory the read stops on the
#   failed allocation with a message; --relations /dev/zero stops at its 1 MiB cap (exit 2);
# - a UTF-8 byte-order mark (what spreadsheets write) before the header is skipped: the
#   dictionary is read, not ignored for "no 'name' column".
source "$(dirname "$0")/lib.sh"
base_graph
to=30 # a run that never returns fails here instead of at the CTest timeout

refused() { # WHAT MESSAGE ARGS...
  local what=$1 msg=$2
  shift 2
  rm -f "$tmp/got.graphml"
  timeout "$to" "$raw_bin" build -q "$tmp/base" -o "$tmp/got.graphml" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect_rc "${want_rc:-1}" "$what"
  expect_msg "$msg" "$what: message"
  expect_no_msg "articles read" "$what: the corpus was read"
  [ -e "$tmp/got.graphml" ] && fail "$what: an output was written" || ok
}
refused "--actors /dev/zero" "/dev/zero: larger than 64 MiB: not a dictionary" --actors /dev/zero
refused "--lexicon /dev/zero" "/dev/zero: larger than 64 MiB: not a dictionary" --lexicon /dev/zero
# A --relations file is capped at 1 MiB; a wrong one is a usage error (exit 2).
want_rc=2 refused "--relations /dev/zero" "/dev/zero: larger than 1 MiB: not a relations file" --relations /dev/zero
truncate -s 65M "$tmp/huge.csv"
refused "a 65 MiB --actors file" "huge.csv: larger than 64 MiB" --actors "$tmp/huge.csv"
# A file at the cap is read (and, being all zeros, ignored as no dictionary); too slow to
# parse under a sanitizer or valgrind.
if [ "$slow" != 1 ]; then
  truncate -s 64M "$tmp/at-cap.csv"
  timeout "$to" "$raw_bin" build -q "$tmp/base" -o "$tmp/got.graphml" --actors "$tmp/at-cap.csv" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect_rc 0 "a 64 MiB --actors file"
fi
rm -f "$tmp/huge.csv" "$tmp/at-cap.csv"

# Little memory: the growing buffer fails before the cap, and the read stops there.
if [ "$slow" = 1 ]; then
  echo "note: memory-limit case skipped (sanitizer or valgrind build)"
else
  (ulimit -v 150000; exec timeout "$to" "$raw_bin" build -q "$tmp/base" -o "$tmp/got.graphml" --actors /dev/zero) >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect_rc 1 "--actors /dev/zero with 150 MB of address space"
  grep -qE "/dev/zero: (out of memory|larger than)" "$tmp/err" && ok || fail "little memory: no message naming the file: $(head -c 300 "$tmp/err")"
fi

# --- byte-order marks.
mkdir -p "$tmp/bom"
printf 'date 2023-06-01\nT\n\nAcme Widgets Ltd signed an agreement with Mali on Monday. Ghana huddled with Togo in Accra on Friday.\n' >"$tmp/bom/a.txt"
printf '\xef\xbb\xbfname,type,aliases\nAcme Widgets Ltd,organization,Acme\n' >"$tmp/actors-bom.csv"
printf '\xef\xbb\xbfrelation,form,pattern,object,flags\nmet,verb,huddled/huddles,with,pair\n' >"$tmp/lexicon-bom.csv"
ng build "$tmp/bom" --actors "$tmp/actors-bom.csv" --lexicon "$tmp/lexicon-bom.csv" -o "$tmp/bom.graphml"
expect_rc 0 "dictionaries with a byte-order mark"
expect_no_msg "actors-bom.csv" "--actors with a BOM: no complaint"
expect_no_msg "lexicon-bom.csv" "--lexicon with a BOM: no complaint"
grep -q 'source="acme-widgets-ltd" target="mali"' "$tmp/bom.graphml" && ok || fail "--actors with a BOM: its actor is not in the graph"
grep -q 'source="ghana" target="togo"' "$tmp/bom.graphml" && ok || fail "--lexicon with a BOM: its trigger gave no relation"
# The same without the mark gives the same graph.
tail -c +4 "$tmp/actors-bom.csv" >"$tmp/actors.csv"
tail -c +4 "$tmp/lexicon-bom.csv" >"$tmp/lexicon.csv"
ng build "$tmp/bom" --actors "$tmp/actors.csv" --lexicon "$tmp/lexicon.csv" -o "$tmp/nobom.graphml"
expect_same "$tmp/nobom.graphml" "$tmp/bom.graphml" "with and without a byte-order mark"
finish
