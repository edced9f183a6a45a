# lib.sh - what the hostile-input cases share (sourced by tests/hostile/*.sh).
#
# Every case builds a graph from a small clean corpus written here (BASE), then from the same
# corpus plus one kind of bad input, and checks: the exit code, a warning or error that names
# the bad file (and its line or row where it has one), and that the rest of the corpus was
# kept (the GraphML equals the one built without the bad input, byte for byte).
# NG_VALGRIND=1 runs every newsgraph call under valgrind memcheck (any error fails the case);
# with NG_VALGRIND_WRAPPED=1 as well, NG_BIN already is such a wrapper (scripts/valgrind-tests)
# and only the sizes shrink.
# Under valgrind or a sanitizer build the giant inputs shrink so the suite ends in minutes.
set -u
bin=${NG_BIN:?NG_BIN is the newsgraph binary}
# The binary itself, for the calls that are timed, signalled or given a file-size limit
# (never under valgrind; scripts/valgrind-tests passes it when NG_BIN is its wrapper).
raw_bin=${NG_BIN_UNWRAPPED:-$bin}
root=${NG_ROOT:?NG_ROOT is the source tree}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ng_hostile.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
passed=0
valgrind_mode=${NG_VALGRIND:-0}
# Slow mode (valgrind, or a binary built with AddressSanitizer): the giant inputs shrink, and
# peak-memory limits are not checked (the sanitizer's own allocator dominates them).
sanitized=0
grep -aq __asan_init "$raw_bin" 2>/dev/null && sanitized=1
slow=0
if [ "$valgrind_mode" = 1 ] || [ "$sanitized" = 1 ]; then slow=1; fi

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { passed=$((passed + 1)); }
skip_case() { echo "skipped: $*"; exit 77; }
finish() {
  echo "$(basename "$0" .sh): $passed passed, $fails failed"
  [ "$fails" = 0 ]
  exit $?
}

# ng ARGS...: runs newsgraph; stdout in $tmp/out, stderr in $tmp/err, status in $rc.
ng() {
  if [ "$valgrind_mode" = 1 ] && [ -z "${NG_VALGRIND_WRAPPED:-}" ]; then
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --log-file="$tmp/valgrind.log" "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ -s "$tmp/valgrind.log" ] || [ "$rc" = 99 ]; then
      fail "valgrind reported errors for: newsgraph $*"
      head -40 "$tmp/valgrind.log"
    fi
  else
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
  fi
  return 0
}

# expect_rc CODE WHAT: the last ng call exited with CODE.
expect_rc() {
  if [ "$rc" = "$1" ]; then ok; else fail "$2: exit $rc, want $1; stderr: $(head -c 400 "$tmp/err")"; fi
}
# expect_msg TEXT WHAT: stderr of the last ng call holds TEXT (fixed string).
expect_msg() {
  if grep -qF -- "$1" "$tmp/err"; then ok; else fail "$2: no message '$1'; stderr: $(head -c 400 "$tmp/err")"; fi
}
# expect_no_msg TEXT WHAT
expect_no_msg() {
  if grep -qF -- "$1" "$tmp/err"; then fail "$2: unexpected message '$1'"; else ok; fi
}
# expect_same A B WHAT: two files are byte-identical.
expect_same() {
  if cmp -s "$1" "$2"; then ok; else fail "$3: $1 and $2 differ"; diff <(head -c 3000 "$1") <(head -c 3000 "$2") | head -10; fi
}
# expect_same_graph A B WHAT: the same GraphML but for the header comment, which counts the
# articles read (inputs that were read but gave no actor change only that count).
expect_same_graph() {
  if cmp -s <(grep -v '^<!-- newsgraph .* articles -->$' "$1") <(grep -v '^<!-- newsgraph .* articles -->$' "$2"); then ok
  else fail "$3: $1 and $2 differ"; diff <(head -c 3000 "$1") <(head -c 3000 "$2") | head -10; fi
}
# expect_one_line_reports WHAT: every line of stderr starts "newsgraph: " (no report spans
# lines, whatever text from the input it quotes).
expect_one_line_reports() {
  if grep -vq '^newsgraph: ' "$tmp/err"; then
    fail "$1: a report spans lines: $(grep -vE '^newsgraph: ' "$tmp/err" | head -3)"
  else ok; fi
}
# expect_no_temp DIR WHAT: no temporary output file left in DIR.
expect_no_temp() {
  if ls -a "$1" | grep -q '\.tmp\.'; then fail "$2: temporary file left: $(ls -a "$1" | grep '\.tmp\.')"; else ok; fi
}

# The clean corpus (written for these tests, not taken from the fixtures): articles that give
# actors and relations, so that losing one shows in the graph.
make_base() {
  local d=$1
  mkdir -p "$d"
  cat >"$d/a1.txt" <<'TXT'
date 2023-04-02
Sahel states leave bloc

Mali and Niger withdrew from ECOWAS on Sunday, the two governments said in a joint statement.
TXT
  cat >"$d/a2.txt" <<'TXT'
date 2023-05-10
Paris reacts

France condemned the coup in Niger on Wednesday. Senegal and Ghana signed a trade agreement in Accra.
TXT
  cat >"$d/a3.txt" <<'TXT'
date 2024-01-15
Talks in Moscow

Russia and Mali signed a defence agreement in Moscow. Algeria cut ties with Morocco, its foreign ministry said.
TXT
}

# base_graph: builds the clean corpus once; $tmp/base (articles) and $tmp/base.graphml.
base_graph() {
  make_base "$tmp/base"
  ng build -q -j2 "$tmp/base" -o "$tmp/base.graphml"
  if [ "$rc" != 0 ] || ! grep -q '<edge ' "$tmp/base.graphml"; then
    echo "FAIL: the clean corpus does not build a graph with edges (exit $rc): $(head -c 300 "$tmp/err")"
    exit 1
  fi
}

# with_base NAME: a copy of the clean corpus in $tmp/NAME, to which a case adds bad input.
with_base() {
  rm -rf "${tmp:?}/$1"
  cp -r "$tmp/base" "$tmp/$1"
}

# build_and_compare DIR WHAT [options...]: builds DIR (plus options) and checks exit 0 and
# the same graph as the clean corpus.
build_and_compare() {
  local d=$1 what=$2
  shift 2
  ng build -j2 "$@" "$d" -o "$tmp/got.graphml"
  expect_rc 0 "$what"
  expect_same "$tmp/base.graphml" "$tmp/got.graphml" "$what: the rest of the corpus"
  expect_one_line_reports "$what"
}

# peak_rss_kb CMD...: runs CMD under /usr/bin/time -v; prints the peak resident set in KB
# (empty when /usr/bin/time is missing). stdout/stderr of CMD go to $tmp/out, $tmp/err.
peak_rss_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$tmp/time.txt" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/time.txt"
  else
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
  fi
}

# seconds since an arbitrary origin, with fractions
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
