#!/usr/bin/env bash
# usage: check_xmllint.sh graphml|gexf|xml FILE...
# Validates GraphML against the GraphML 1.0 XSD, GEXF against the GEXF 1.3 RELAX NG (the XSDs
# reject correct viz: elements), or just well-formedness (xml); xmllint must print nothing
# but "FILE validates".
set -u
. "$(dirname "$0")/lib.sh"
kind=${1:-}; shift || true
need xmllint
need_files "$@"
case $kind in
  graphml) schema=(--schema "$NG_SCHEMAS/graphml/graphml.xsd") ;;
  gexf) schema=(--relaxng "$NG_SCHEMAS/gexf/1.3/gexf.rng") ;;
  xml) schema=() ;;
  *) fail "usage: check_xmllint.sh graphml|gexf|xml FILE..." ;;
esac
[ ${#schema[@]} -eq 0 ] || [ -f "${schema[1]}" ] || skip "schema ${schema[1]} not found"
tmp=$(mktemp) && trap 'rm -f "$tmp"' EXIT
for f in "$@"; do
  if ! xmllint --noout --nonet "${schema[@]}" "$f" 2>"$tmp"; then
    cat "$tmp" >&2
    fail "$f is not valid $kind"
  fi
  if grep -v -x -F "$f validates" "$tmp" | grep -q .; then
    cat "$tmp" >&2
    fail "xmllint printed warnings for $f"
  fi
  echo "ok $kind $f"
done
