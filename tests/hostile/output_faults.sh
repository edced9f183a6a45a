#!/usr/bin/env bash
# Faults at the output:
# - a full disk (a file-size limit, so it runs without root or a small file system; and a
#   .dot name linked to /dev/full; and standard output on /dev/full): exit 1, a message naming
#   the file, no file and no temporary file left, an existing output untouched;
# - SIGINT and SIGTERM during extraction and during the writing of the outputs: no partial
#   output, no temporary file, an existing output file kept as it was;
# - outputs that cannot be written (a missing directory, a file where a directory should be,
#   a directory as the output, an unwritable directory unless root) are refused before any
#   work: the run returns at once, without reading the corpus.
# (The /dev/full GraphML case and a missing directory are in tests/cli/test_cli.sh.)
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
base_graph
out="$tmp/outdir"
mkdir -p "$out"

# A bigger corpus, so that the run lasts a few seconds (400 articles in a sanitizer build;
# the signal cases run newsgraph directly, not under valgrind).
n_articles=4000
[ "$sanitized" = 1 ] && n_articles=400
$py - "$tmp/big" "$n_articles" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
random.seed(3)
states = ["Mali", "Niger", "Ghana", "Togo", "Benin", "Chad", "Kenya", "Uganda", "France",
          "Russia", "Algeria", "Morocco", "Senegal", "Nigeria", "Egypt", "Sudan"]
verbs = ["signed a trade agreement with", "met", "condemned", "cut ties with"]
os.makedirs(root, exist_ok=True)
for i in range(n):
    s = " ".join("%s %s %s on Monday, officials in %s said." % (random.choice(states),
                 random.choice(verbs), random.choice(states), random.choice(states))
                 for _ in range(60))
    with open(os.path.join(root, "a%04d.txt" % i), "w") as f:
        f.write("date 2023-%02d-%02d\nNews %d\n\n%s\n" % (1 + i % 12, 1 + i % 28, i, s))
PY

# --- a full disk: writes fail with EFBIG past 4 KB (SIGXFSZ ignored, as on a full disk).
full_disk() { (ulimit -f 4; trap '' XFSZ; exec "$raw_bin" "$@") >"$tmp/out" 2>"$tmp/err"; rc=$?; }
full_disk build -q "$tmp/base" -o "$out/g.graphml"
expect_rc 1 "full disk"
expect_msg "$out/g.graphml: write failed" "full disk: the message names the file"
[ -e "$out/g.graphml" ] && fail "full disk: a file was left" || ok
expect_no_temp "$out" "full disk"
printf 'previous contents\n' >"$out/keep.graphml"
full_disk build -q "$tmp/base" -o "$out/keep.graphml"
expect_rc 1 "full disk over an existing file"
[ "$(cat "$out/keep.graphml")" = "previous contents" ] && ok || fail "full disk: the existing file was changed"
expect_no_temp "$out" "full disk over an existing file"
full_disk build -q "$tmp/base" -o "$out/g.graphml.gz" -o "$out/g.gexf"
expect_rc 1 "full disk, gzip output"
expect_no_temp "$out" "full disk, gzip output"
# /dev/full behind a .dot name (the format comes from the name; the device is written directly).
ln -s /dev/full "$out/full.dot"
ng build -q "$tmp/base" -o "$out/full.dot"
expect_rc 1 "a .dot on /dev/full"
expect_msg "full.dot: write failed" "a .dot on /dev/full: the message names it"
rm -f "$out/full.dot"
# Standard output on /dev/full.
"$raw_bin" build -q "$tmp/base" -o - --format dot >/dev/full 2>"$tmp/err"
rc=$?
expect_rc 1 "standard output on /dev/full"
grep -q "error" "$tmp/err" && ok || fail "standard output on /dev/full: no error message"

# --- outputs refused before any work: the big corpus is not read (returns at once).
refused() { # WHAT MESSAGE -o PATH...
  local what=$1 msg=$2
  shift 2
  local t0
  t0=$(now)
  ng build "$tmp/big" "$@"
  local secs
  secs=$(elapsed "$t0")
  expect_rc 1 "$what"
  expect_msg "$msg" "$what: message"
  expect_no_msg "articles read" "$what: the corpus was read"
  if [ "$slow" != 1 ] && awk -v s="$secs" 'BEGIN { exit !(s > 2.0) }'; then
    fail "$what: took $secs s before refusing (work was done)"
  else ok; fi
}
printf 'x' >"$tmp/a-file"
refused "missing directory, second output" "does not exist" -o "$out/ok.graphml" -o "$tmp/no/such/dir/g.dot"
[ -e "$out/ok.graphml" ] && fail "the good output was written although another was refused" || ok
refused "a file as a directory" "does not exist" -o "$tmp/a-file/g.graphml"
mkdir -p "$tmp/dir.graphml"
refused "a directory named like an output" "is a directory" -o "$tmp/dir.graphml"
if [ "$(id -u)" = 0 ]; then
  echo "skipped: unwritable directory (running as root)"
else
  mkdir -p "$tmp/ro" && chmod 555 "$tmp/ro"
  refused "unwritable directory" "not writable" -o "$tmp/ro/g.graphml"
fi

# --- signals. An existing output must survive every interrupted run.
printf 'previous contents\n' >"$out/g.graphml"
for sig in INT TERM; do
  # During extraction: one input is standard input, a FIFO this script holds open and never
  # writes, so the run cannot finish before the signal however fast extraction gets (the
  # same directory given twice is read once, so repeating it no longer made the run long).
  rm -f "$tmp/hold" && mkfifo "$tmp/hold"
  "$raw_bin" build -q -j2 "$tmp/big" - -o "$out/g.graphml" -o "$out/g.gexf" \
    <"$tmp/hold" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  exec 4>"$tmp/hold"
  sleep 1
  kill -s "$sig" "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  exec 4>&-
  want=$((128 + $(kill -l "$sig")))
  expect_rc "$want" "SIG$sig during extraction"
  [ "$(cat "$out/g.graphml")" = "previous contents" ] && ok || fail "SIG$sig during extraction: the existing output was changed"
  [ -e "$out/g.gexf" ] && fail "SIG$sig during extraction: a partial output was left" || ok
  expect_no_temp "$out" "SIG$sig during extraction"

  # While the outputs are being written: wait for a temporary file to appear, then signal.
  "$raw_bin" build -q -j2 "$tmp/big" -o "$out/g.graphml" -o "$out/g.gexf" -o "$out/g.json" \
    -o "$out/g.graphml.gz" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  caught=0
  for _ in $(seq 3000); do
    if ls "$out" | grep -q '\.tmp\.'; then kill -s "$sig" "$pid" 2>/dev/null; caught=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  wait "$pid"
  rc=$?
  if [ "$caught" = 1 ]; then
    if [ "$rc" = 0 ]; then
      # the signal landed after the last rename, as the run was exiting (a slow machine, or
      # valgrind): then every output must be there and whole (checked below)
      for f in "$out/g.gexf" "$out/g.json" "$out/g.graphml.gz"; do
        [ -e "$f" ] && ok || fail "SIG$sig while writing: exit 0 but $f is missing"
      done
    else
      expect_rc "$want" "SIG$sig while writing"
    fi
    expect_no_temp "$out" "SIG$sig while writing"
    # Each output is either absent or complete, and g.graphml is the old or a complete one.
    for f in "$out/g.gexf" "$out/g.json" "$out/g.graphml.gz"; do
      [ -e "$f" ] || continue
      case $f in
        *.gz) gzip -t "$f" 2>/dev/null && ok || fail "SIG$sig while writing: $f is partial" ;;
        *.json) $py -c 'import json,sys; json.load(open(sys.argv[1]))' "$f" 2>/dev/null && ok || fail "SIG$sig while writing: $f is partial" ;;
        *) xmllint --noout "$f" 2>/dev/null && ok || fail "SIG$sig while writing: $f is partial" ;;
      esac
    done
    if [ "$(cat "$out/g.graphml")" = "previous contents" ] || xmllint --noout "$out/g.graphml" 2>/dev/null; then ok
    else fail "SIG$sig while writing: g.graphml is neither the old file nor a complete one"; fi
  else
    echo "note: SIG$sig while writing: the run ended before a temporary file was seen (rc $rc)"
  fi
  rm -f "$out/g.gexf" "$out/g.json" "$out/g.graphml.gz"
  printf 'previous contents\n' >"$out/g.graphml"
done
finish
