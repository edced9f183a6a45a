#!/usr/bin/env bash
# The progress line on standard error: drawn and erased on a terminal (a pseudo-terminal made
# by util-linux `script`), absent when stderr is a file and with --quiet. A named pipe as the
# second input holds the run for a second and a half, past the half-second before the first
# line is drawn. Skipped (77) without `script`.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
command -v script >/dev/null || { echo "script (util-linux) not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
# How long the pipe holds the run: past the half-second before the first progress line, also
# under valgrind (scripts/valgrind-tests), where starting up alone takes seconds.
hold=1.5
[ "${NG_VALGRIND:-0}" = 1 ] && hold=12
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
printf 'date 2030-01-01\nMali and Niger signed a defence agreement on Monday.\n' > "$tmp/a.txt"
printf 'date 2030-01-02\nThe presidents of Brazil and Argentina met on Friday.\n' > "$tmp/b.txt"

# run NAME TTY|FILE [options]: builds over a.txt and a slow pipe; stderr captured in $tmp/NAME.err
run() {
  local name=$1 how=$2; shift 2
  rm -f "$tmp/slow"; mkfifo "$tmp/slow"
  (sleep "$hold"; cat "$tmp/b.txt" > "$tmp/slow") &
  local writer=$!
  local cmd="$bin build $* $tmp/a.txt $tmp/slow -o $tmp/$name.graphml"
  if [ "$how" = TTY ]; then
    # script gives the command a terminal and copies what it prints to our stdout
    script -qefc "$cmd" /dev/null </dev/null >"$tmp/$name.err" 2>&1
  else
    $cmd 2>"$tmp/$name.err"
  fi
  local rc=$?
  wait "$writer"
  [ $rc = 0 ] || fail "$name: exit $rc: $(head -c 300 "$tmp/$name.err")"
}

run tty TTY
cr=$'\r'
grep -q "${cr}newsgraph: [0-9]* articles*, [0-9.]* MB, [0-9.]* MB/s" "$tmp/tty.err" ||
  fail "no progress line on a terminal: $(od -c "$tmp/tty.err" | head -5)"
# erased: the line is overwritten by spaces and the cursor returned before the summary
grep -q "${cr}  *${cr}newsgraph: 2 articles read" "$tmp/tty.err" ||
  fail "progress line not erased before the summary: $(od -c "$tmp/tty.err" | tail -8)"
run quiet TTY -q
[ -s "$tmp/quiet.err" ] && fail "--quiet printed on a terminal: $(od -c "$tmp/quiet.err" | head -3)"
run file FILE
grep -q "$cr" "$tmp/file.err" && fail "progress line written to a file"
grep -q 'newsgraph: 2 articles read' "$tmp/file.err" || fail "summary missing: $(cat "$tmp/file.err")"
echo "progress: $fails failed"
[ $fails = 0 ]
