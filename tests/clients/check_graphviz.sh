#!/usr/bin/env bash
# usage: check_graphviz.sh FILE.dot...
# dot, neato and sfdp (with -Goverlap=prism, as the README suggests) render each file to SVG
# with nothing at all on stderr, and the SVG is well-formed XML. NG_GRAPHVIZ_LAYOUTS picks the
# layouts (default "dot neato sfdp"; dot takes minutes on thousands of labelled edges).
set -u
. "$(dirname "$0")/lib.sh"
need dot
need_files "$@"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
  for layout in ${NG_GRAPHVIZ_LAYOUTS:-dot neato sfdp}; do
    command -v "$layout" >/dev/null || skip "$layout is not installed"
    extra=()
    [ "$layout" = sfdp ] && extra=(-Goverlap=prism)
    if ! "$layout" "${extra[@]}" -Tsvg "$f" -o "$tmp/out.svg" 2>"$tmp/err"; then
      cat "$tmp/err" >&2
      fail "$layout failed on $f"
    fi
    if [ -s "$tmp/err" ]; then
      cat "$tmp/err" >&2
      fail "$layout printed warnings for $f"
    fi
    if command -v xmllint >/dev/null; then
      xmllint --noout --nonet "$tmp/out.svg" || fail "$layout wrote invalid SVG for $f"
    else
      "$PYTHON" -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$tmp/out.svg" ||
        fail "$layout wrote invalid SVG for $f"
    fi
    echo "ok $layout $f"
  done
done
