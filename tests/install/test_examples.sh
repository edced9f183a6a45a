#!/usr/bin/env bash
# Runs check_examples.py on the built man page and the README and docs/*.md with $NG_BIN (so that valgrind-tests
# checks these newsgraph runs too). Exit 77 without python3.
command -v python3 >/dev/null || { echo "skipped: no python3"; exit 77; }
exec python3 "$(dirname "$0")/check_examples.py" "${NG_BIN:?}" "${NG_BUILD:?}/man/newsgraph.1" "${NG_ROOT:?}/README.md" "$NG_ROOT"/docs/*.md
