#!/usr/bin/env bash
# expect_missing_header.sh HEADER COMPILER ARGS...: passes when the compile fails because HEADER
# cannot be found (a wrong-way include of a stage's internal header is out of reach); fails
# when it compiles, or fails for any other reason.
set -u
header=$1
shift
out=$("$@" 2>&1)
rc=$?
if [ "$rc" = 0 ]; then
  echo "FAIL: the file compiled: $header is reachable from here"
  exit 1
fi
if ! grep -qE "${header//./\\.}.*(No such file|not found)" <<<"$out"; then
  echo "FAIL: the compile failed for another reason than a missing $header:"
  echo "$out"
  exit 1
fi
echo "ok: $header is out of reach"
