#!/usr/bin/env bash
# Outputs that are not files to replace (issue 18, finding 4): a FIFO, a device, and any name
# whose links lead into /dev or /proc (/dev/stdout, /proc/self/fd/1) are written directly;
# the name is never replaced by a rename. With standard output redirected to a file,
# /dev/stdout leads to that regular file: renaming over it used to replace /dev/stdout itself
# (as root, the system's link). That case runs only after the same case through a link of our
# own passed, so a binary with the bug never gets to touch /dev/stdout.
source "$(dirname "$0")/lib.sh"
base_graph
out="$tmp/o"
mkdir -p "$out"

# --- our own link to /proc/self/fd/1, standard output redirected to a file.
ln -s /proc/self/fd/1 "$out/stdout.graphml"
"$raw_bin" build -q "$tmp/base" -o "$out/stdout.graphml" >"$tmp/stdout.txt" 2>"$tmp/err"
rc=$?
own_link_ok=1
expect_rc 0 "a link to /proc/self/fd/1"
[ -L "$out/stdout.graphml" ] && ok || { fail "a link to /proc/self/fd/1 was replaced by a file"; own_link_ok=0; }
expect_same "$tmp/base.graphml" "$tmp/stdout.txt" "a link to /proc/self/fd/1: standard output" || true
cmp -s "$tmp/base.graphml" "$tmp/stdout.txt" || own_link_ok=0
expect_no_temp "$out" "a link to /proc/self/fd/1"

# --- a link to a link to /dev/stdout (the format from the first name).
ln -s /dev/stdout "$out/hop2"
ln -s hop2 "$out/hop1.json"
"$raw_bin" build -q "$tmp/base" -o "$out/hop1.json" >"$tmp/stdout.json" 2>"$tmp/err"
rc=$?
expect_rc 0 "two links to /dev/stdout"
[ -L "$out/hop1.json" ] && [ -L "$out/hop2" ] && ok || { fail "two links to /dev/stdout: a link was replaced"; own_link_ok=0; }
head -c 9 "$tmp/stdout.json" | grep -q '{"data"' && ok || fail "two links to /dev/stdout: nothing on standard output"

# --- /dev/stdout itself, redirected to a file.
if [ "$own_link_ok" = 1 ]; then
  was_link=0
  [ -L /dev/stdout ] && was_link=1
  "$raw_bin" build -q "$tmp/base" -o /dev/stdout --format graphml >"$tmp/devstdout.txt" 2>"$tmp/err"
  rc=$?
  expect_rc 0 "-o /dev/stdout"
  expect_same "$tmp/base.graphml" "$tmp/devstdout.txt" "-o /dev/stdout: standard output"
  if [ "$was_link" = 1 ]; then [ -L /dev/stdout ] && ok || fail "-o /dev/stdout replaced /dev/stdout"; fi
  ls -a /dev | grep -q '^stdout\.tmp\.' && fail "-o /dev/stdout: a temporary file was left in /dev" || ok
  # and /proc/self/fd/1 named directly
  "$raw_bin" build -q "$tmp/base" -o /proc/self/fd/1 --format graphml >"$tmp/fd1.txt" 2>"$tmp/err"
  rc=$?
  expect_rc 0 "-o /proc/self/fd/1"
  expect_same "$tmp/base.graphml" "$tmp/fd1.txt" "-o /proc/self/fd/1: standard output"
else
  fail "-o /dev/stdout not tried: the same case through a link of our own failed"
fi

# --- a FIFO named like an output: written directly, stays a FIFO.
mkfifo "$out/pipe.graphml"
cat "$out/pipe.graphml" >"$tmp/from-pipe.graphml" &
reader=$!
ng build -q "$tmp/base" -o "$out/pipe.graphml"
wait "$reader"
expect_rc 0 "a FIFO"
[ -p "$out/pipe.graphml" ] && ok || fail "a FIFO was replaced by a file"
expect_same "$tmp/base.graphml" "$tmp/from-pipe.graphml" "a FIFO: what the reader got"
expect_no_temp "$out" "a FIFO"

# --- a loop of links: refused before any work (exit 1), named.
ln -s loop2 "$out/loop1.graphml"
ln -s loop1.graphml "$out/loop2"
ng build "$tmp/base" -o "$out/loop1.graphml"
expect_rc 1 "a loop of links"
expect_msg "loop1.graphml: too many levels of symbolic links" "a loop of links: why"
expect_no_msg "articles read" "a loop of links: refused before reading"
rm -f "$out/loop1.graphml" "$out/loop2"

# --- a link to /dev/null: written (to nothing), the link stays, no temporary file.
ln -s /dev/null "$out/null.dot"
ng build -q "$tmp/base" -o "$out/null.dot"
expect_rc 0 "a link to /dev/null"
[ -L "$out/null.dot" ] && ok || fail "a link to /dev/null was replaced"
expect_no_temp "$out" "a link to /dev/null"
finish
