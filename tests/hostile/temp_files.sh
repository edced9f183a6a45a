#!/usr/bin/env bash
# Temporary output files (issue 18, finding 3): each is created exclusively beside its target,
# under a name nobody can guess, never through a link, with the mode a new file gets.
# - A symbolic link planted at the name the temporary file used to get ("<out>.tmp.<pid>.0")
#   is not written through: the file it points to is untouched.
# - Two runs with the same process id (each in its own PID namespace, as containers sharing a
#   volume are): a temporary file the other run has open at that old name is not touched, and
#   two runs writing one output at once both finish with a complete file.
# - The mode follows the umask; a link to a regular output file is followed and stays a link.
source "$(dirname "$0")/lib.sh"
base_graph
out="$tmp/o"
mkdir -p "$out"

# --- a link planted at the old predictable name (the pid is known: exec keeps it).
printf 'victim contents\n' >"$tmp/victim"
bash -c 'ln -s "$1" "$2.tmp.$$.0"; exec "$3" build -q "$4" -o "$2"' _ \
  "$tmp/victim" "$out/g.graphml" "$raw_bin" "$tmp/base" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "planted link"
[ "$(cat "$tmp/victim")" = "victim contents" ] && ok || fail "planted link: the file it points to was written"
[ -f "$out/g.graphml" ] && [ ! -L "$out/g.graphml" ] && ok || fail "planted link: the output is not a regular file"
expect_same "$tmp/base.graphml" "$out/g.graphml" "planted link: the output"
ls "$out"/g.graphml.tmp.*.0 >/dev/null 2>&1 && [ -L "$(ls "$out"/g.graphml.tmp.*.0)" ] && ok ||
  fail "planted link: the planted link was moved or removed"
rm -f "$out"/*

# --- the same process id twice. unshare gives each run pid 1 in a new PID namespace (root,
# or an unprivileged user namespace); without it this part is skipped.
in_pidns() { unshare --pid --fork "$@" 2>/dev/null || unshare --user --map-root-user --pid --fork "$@"; }
if in_pidns true 2>/dev/null; then
  # Another writer (pid 1 elsewhere) has its temporary file open at the old name.
  printf 'the other run is writing this\n' >"$out/g.graphml.tmp.1.0"
  in_pidns "$raw_bin" build -q "$tmp/base" -o "$out/g.graphml" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect_rc 0 "same pid"
  [ "$(cat "$out/g.graphml.tmp.1.0" 2>/dev/null)" = "the other run is writing this" ] && ok ||
    fail "same pid: the other run's temporary file was overwritten or moved"
  expect_same "$tmp/base.graphml" "$out/g.graphml" "same pid: the output"
  rm -f "$out"/*
  # Two runs at once, both pid 1, one output: each ends complete; the file is one of them.
  make_base "$tmp/other"
  printf 'date 2023-07-01\nMore\n\nKenya and Uganda signed a trade agreement in Kampala.\n' >"$tmp/other/a4.txt"
  ng build -q "$tmp/other" -o "$tmp/other.graphml"
  for round in 1 2 3; do
    in_pidns "$raw_bin" build -q -j2 "$tmp/base" -o "$out/g.graphml" -o "$out/g.gexf" -o "$out/g.json" >"$tmp/out1" 2>"$tmp/err1" &
    p1=$!
    in_pidns "$raw_bin" build -q -j2 "$tmp/other" -o "$out/g.graphml" -o "$out/g.gexf" -o "$out/g.json" >"$tmp/out2" 2>"$tmp/err2" &
    p2=$!
    wait "$p1"; r1=$?
    wait "$p2"; r2=$?
    [ "$r1" = 0 ] && [ "$r2" = 0 ] && ok || fail "two runs at once (round $round): exit $r1 and $r2: $(cat "$tmp/err1" "$tmp/err2" | head -c 300)"
    if cmp -s "$out/g.graphml" "$tmp/base.graphml" || cmp -s "$out/g.graphml" "$tmp/other.graphml"; then ok
    else fail "two runs at once (round $round): the output is neither run's graph"; fi
    expect_no_temp "$out" "two runs at once (round $round)"
    rm -f "$out"/*
  done
else
  echo "note: same-pid cases skipped (unshare cannot make a PID namespace here)"
fi

# --- the mode is the umask's, as for any new file (not mkstemp's 0600).
(umask 027; exec "$raw_bin" build -q "$tmp/base" -o "$out/m.graphml") >"$tmp/out" 2>"$tmp/err"
[ "$(stat -c %a "$out/m.graphml")" = 640 ] && ok || fail "umask 027: mode $(stat -c %a "$out/m.graphml"), want 640"
(umask 022; exec "$raw_bin" build -q "$tmp/base" -o "$out/m.graphml") >"$tmp/out" 2>"$tmp/err"
[ "$(stat -c %a "$out/m.graphml")" = 644 ] && ok || fail "umask 022: mode $(stat -c %a "$out/m.graphml"), want 644"

# --- an output that is a link to a regular file: the file is replaced, the link stays.
mkdir -p "$tmp/real"
printf 'old\n' >"$tmp/real/g.graphml"
ln -s "../real/g.graphml" "$out/link.graphml"
ng build -q "$tmp/base" -o "$out/link.graphml"
expect_rc 0 "link to a file"
[ -L "$out/link.graphml" ] && ok || fail "link to a file: the link was replaced by a file"
expect_same "$tmp/base.graphml" "$tmp/real/g.graphml" "link to a file: the file it points to"
expect_no_temp "$out" "link to a file"
expect_no_temp "$tmp/real" "link to a file"
finish
