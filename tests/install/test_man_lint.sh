#!/usr/bin/env bash
# The man page renders without a warning: groff with every warning on (what `man` runs), and
# mandoc's linter at warning level when it is installed. Exit 77 when neither is there.
set -u
page=$(realpath "${1:-${NG_BUILD:?}/man/newsgraph.1}")
[ -s "$page" ] || { echo "FAIL: no man page at $page"; exit 1; }
ran=0 fails=0
if command -v groff >/dev/null; then
  ran=1
  out=$(groff -man -Tutf8 -ww -z "$page" 2>&1); rc=$?
  [ $rc = 0 ] && [ -z "$out" ] || { echo "FAIL: groff -man -ww (exit $rc):"; echo "$out" | head -20; fails=1; }
  # What a reader sees: the page renders, with the sections and commands in it.
  text=$(MANWIDTH=80 groff -man -Tutf8 -P-c -P-b -P-u "$page" 2>/dev/null)
  for want in 'NEWSGRAPH(1)' 'EXIT STATUS' 'newsgraph build' '--output FILE'; do
    grep -qF -- "$want" <<<"$text" || { echo "FAIL: the rendered page lacks '$want'"; fails=1; }
  done
fi
if command -v man >/dev/null && command -v groff >/dev/null; then
  out=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null); rc=$?
  [ $rc = 0 ] && [ -z "$out" ] || { echo "FAIL: man --warnings -l (exit $rc):"; echo "$out" | head -20; fails=1; }
fi
if command -v mandoc >/dev/null; then
  ran=1
  out=$(mandoc -Tlint -W warning "$page" 2>&1); rc=$?
  [ $rc = 0 ] && [ -z "$out" ] || { echo "FAIL: mandoc -Tlint -W warning (exit $rc):"; echo "$out" | head -20; fails=1; }
fi
[ $ran = 1 ] || { echo "skipped: neither groff nor mandoc is installed"; exit 77; }
[ $fails = 0 ] && echo "man lint: passed" || exit 1
