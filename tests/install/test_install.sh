#!/usr/bin/env bash
# `cmake --install` puts a Unix tool's files under the prefix, and they work from there: the
# binary (same graph as the build tree's), the man page found by `man` through MANPATH, the
# bash completion (registered when sourced, and found by bash-completion's own loader through
# XDG_DATA_DIRS), the README.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}; build=${NG_BUILD:?}
command -v cmake >/dev/null || { echo "skipped: no cmake"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
p=$tmp/prefix
cmake --install "$build" --prefix "$p" >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "FAIL: cmake --install"; exit 1; }
for f in bin/newsgraph share/man/man1/newsgraph.1 share/bash-completion/completions/newsgraph \
         share/doc/newsgraph/README.md share/doc/newsgraph/LICENSE; do
  [ -s "$p/$f" ] && ok || fail "$f not installed under the prefix"
done
[ -x "$p/bin/newsgraph" ] && ok || fail "bin/newsgraph is not executable"

# The installed binary runs from PATH, says its version and builds the same graph.
[ "$(PATH="$p/bin:$PATH" newsgraph --version)" = "$("$bin" --version)" ] && ok || fail "installed --version"
"$p/bin/newsgraph" build -q "$root/fixtures/seeds" -o "$tmp/installed.graphml" && ok || fail "installed build"
"$bin" build -q "$root/fixtures/seeds" -o "$tmp/tree.graphml"
cmp -s "$tmp/installed.graphml" "$tmp/tree.graphml" && ok || fail "the installed binary writes another graph"
cmp -s "$p/share/man/man1/newsgraph.1" "$build/man/newsgraph.1" && ok || fail "installed man page differs from the built one"

# man finds the page by name under the prefix and renders it.
if command -v man >/dev/null && command -v groff >/dev/null; then
  [ "$(MANPATH="$p/share/man" man -w newsgraph)" = "$p/share/man/man1/newsgraph.1" ] && ok ||
    fail "man -w newsgraph: $(MANPATH="$p/share/man" man -w newsgraph 2>&1)"
  MANPATH="$p/share/man" MANWIDTH=80 man newsgraph 2>/dev/null | grep -q 'EXIT STATUS' && ok || fail "man newsgraph does not render"
else
  echo "note: man or groff missing: the man lookup is not checked"
fi

# The completion registers itself, and bash-completion's loader finds it under the prefix.
comp=$p/share/bash-completion/completions/newsgraph
bash -c 'source "$1"; complete -p newsgraph' _ "$comp" | grep -q -- '-F _newsgraph newsgraph$' && ok ||
  fail "sourcing the completion does not register it"
if [ -f /usr/share/bash-completion/bash_completion ]; then
  XDG_DATA_DIRS="$p/share" bash -c '. /usr/share/bash-completion/bash_completion
    __load_completion newsgraph && complete -p newsgraph' 2>&1 | grep -q -- '-F _newsgraph newsgraph$' && ok ||
    fail "bash-completion's loader does not find the completion under $p/share"
else
  echo "note: bash-completion is not installed: its loader is not checked"
fi
echo "install: $passed passed, $fails failed"
[ $fails = 0 ]
