# lib.sh - what the CLI check scripts share (sourced by tests/cli/test_*.sh, not run).
# Gives: $bin (NG_BIN), a temporary directory $tmp removed on exit, the counters $passed and
# $fails, and the checks below; `finish NAME` prints the tally and exits 0 only when nothing
# failed. Each check takes a label last, printed with the failure.
set -u
bin=${NG_BIN:?NG_BIN is the newsgraph binary}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passed=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
# has FILE TEXT LABEL / lacks FILE TEXT LABEL: TEXT (fixed string) is / is not in FILE
has() { grep -qF -- "$2" "$1" && passed=$((passed+1)) || fail "$3: '$2' not in $1"; }
lacks() { grep -qF -- "$2" "$1" && fail "$3: '$2' in $1" || passed=$((passed+1)); }
# eq GOT WANT LABEL
eq() { [ "$1" = "$2" ] && passed=$((passed+1)) || fail "$3: '$1' != '$2'"; }
finish() {
  echo "$1: $passed passed, $fails failed"
  [ "$fails" = 0 ]
  exit $?
}
