#!/usr/bin/env bash
# The man page and the bash completion cover the whole command line: every command that
# `newsgraph --help` lists, every option that `newsgraph COMMAND --help` prints (read from the
# help text, not from the tables the generator uses), and every exit status of cli/cmd.h. An
# option added without help, or a page or completion that no longer matches the binary, fails.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}; build=${NG_BUILD:?}
page=$(realpath "${1:-$build/man/newsgraph.1}") comp=$(realpath "${2:-$build/man/newsgraph.bash}")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
[ -s "$page" ] && [ -s "$comp" ] || { echo "FAIL: no $page or $comp (built by man/)"; exit 1; }

# The built files are what this binary generates now (the page's date aside).
"$bin" help --man "$root/man/newsgraph.1.in" >"$tmp/page" || fail "help --man failed"
sed -i 's/^\.TH NEWSGRAPH 1 "[^"]*"/.TH NEWSGRAPH 1 ""/' "$tmp/page"
sed 's/^\.TH NEWSGRAPH 1 "[^"]*"/.TH NEWSGRAPH 1 ""/' "$page" | cmp -s - "$tmp/page" &&
  ok || fail "$page is not what '$bin help --man' writes now"
"$bin" help --bash-completion "$root/man/newsgraph.bash.in" | cmp -s - "$comp" &&
  ok || fail "$comp is not what '$bin help --bash-completion' writes now"

# The page has the sections a man page has.
for sec in NAME SYNOPSIS DESCRIPTION COMMANDS '"EXIT STATUS"' EXAMPLES FILES '"SEE ALSO"'; do
  grep -qx ".SH $sec" "$page" && ok || fail "no section $sec in the man page"
done
grep -qE '^@[A-Z]+@$|@(DATE|VERSION)@' "$page" "$comp" &&
  fail "a placeholder left unfilled: $(grep -hoE '^@[A-Z]+@$|@(DATE|VERSION)@' "$page" "$comp" | head -1)"

# Every exit status the code names is explained.
statuses=$(sed -n 's/^ *NG_EXIT_[A-Z_]* = \([0-9]*\),.*/\1/p; s/^ *NG_EXIT_[A-Z_]* = \([0-9]*\) .*/\1/p' "$root/cli/cmd.h")
[ -n "$statuses" ] || fail "no NG_EXIT_* in cli/cmd.h"
for s in $statuses; do
  sed -n '/^\.SH "EXIT STATUS"/,/^\.SH /p' "$page" | grep -qx ".B $s" && ok || fail "exit status $s not in EXIT STATUS"
done

# Completion: what bash offers for "newsgraph WORDS..." (the last word is the one completed).
offers() {
  (cd "$tmp/files" && bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _newsgraph
    printf "%s\n" "${COMPREPLY[@]}"' _ "$comp" "$@")
}
mkdir -p "$tmp/files" && touch "$tmp/files/articles.txt"
bash -c 'source "$1" && complete -p newsgraph' _ "$comp" | grep -q -- '-F _newsgraph newsgraph$' &&
  ok || fail "the completion file does not register _newsgraph"

commands=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
[ "$(echo "$commands" | wc -w)" -ge 7 ] || fail "newsgraph --help lists too few commands: $commands"
offers newsgraph "" >"$tmp/cmds"
for cmd in $commands; do
  grep -qx "$cmd" "$tmp/cmds" && ok || fail "completion of 'newsgraph ' does not offer $cmd"
  grep -q "^\.B newsgraph $cmd\$" "$page" && ok || fail "$cmd not in the man page's synopsis"
  # This command's section of the page: from ".SS cmd" to the next section.
  awk -v c="$cmd" '$0 == ".SS " c { on = 1; next } on && /^\.S[SH] / { exit } on' "$page" >"$tmp/sec"
  [ -s "$tmp/sec" ] || { fail "no section '.SS $cmd' in the man page"; continue; }
  "$bin" "$cmd" --help >"$tmp/help" || fail "$cmd --help failed"
  offers newsgraph "$cmd" - >"$tmp/offers"
  # Option lines: "  -o, --output FILE   text" or "      --format FMT   text".
  n=0
  while read -r first second _; do
    short="" long=$first
    case $first in -?,) short=${first%,}; long=$second ;; esac
    case $long in --*) ;; *) fail "$cmd --help: cannot read the option line '$first $second'"; continue ;; esac
    n=$((n + 1))
    name=${long#--}
    grep -qF "\\fB\\-\\-${name}\\fR" "$tmp/sec" && ok || fail "man page: $cmd has no $long"
    grep -qx -- "$long" "$tmp/offers" && ok || fail "completion: 'newsgraph $cmd -' does not offer $long"
    if [ -n "$short" ]; then
      grep -qF "\\fB\\-${short#-}\\fR, \\fB\\-\\-${name}\\fR" "$tmp/sec" && ok || fail "man page: $cmd has no $short for $long"
      grep -qx -- "$short" "$tmp/offers" && ok || fail "completion: 'newsgraph $cmd -' does not offer $short"
    fi
  done < <(awk '/^Options:$/ { on = 1; next } on && /^  +-/' "$tmp/help")
  [ $n -ge 1 ] || fail "$cmd --help prints no options"
done

# `help COMMAND` is `COMMAND --help`.
"$bin" help build | cmp -s - <("$bin" build --help) && ok || fail "help build differs from build --help"

# Completion behaviour: a path after a path option, nothing after a number, a prefix completed.
[ "$(offers newsgraph build -o art)" = articles.txt ] && ok || fail "no file offered after build -o"
[ -z "$(offers newsgraph build -j '')" ] && ok || fail "something offered after build -j"
[ "$(offers newsgraph build --lex)" = --lexicon ] && ok || fail "build --lex did not complete to --lexicon"
[ "$(offers newsgraph ex)" = "$(printf 'extract\nexplain')" ] && ok || fail "'newsgraph ex' offers: $(offers newsgraph ex | tr '\n' ' ')"

echo "doc: $passed passed, $fails failed"
[ $fails = 0 ]
