#!/usr/bin/env bash
# usage: check_gzip.sh FILE.gz PLAIN [FILE.gz PLAIN ...]
# Each .gz output decompresses (gzip -t clean) to exactly the uncompressed output.
set -u
. "$(dirname "$0")/lib.sh"
need gzip
need_files "$@"
[ $(($# % 2)) -eq 0 ] || fail "give GZ PLAIN pairs"
while [ $# -gt 0 ]; do
  gzip -t "$1" || fail "$1 is not a valid gzip file"
  gzip -dc "$1" | cmp -s - "$2" || fail "$1 does not decompress to $2"
  echo "ok $1"
  shift 2
done
