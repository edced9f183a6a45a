# lib.sh - shared by the client check scripts (sourced, not run).
# Exit codes: 0 pass, 1 fail, 77 skip (the client is not installed).
clients_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NG_ROOT=${NG_ROOT:-$(cd "$clients_dir/../.." && pwd)}
# The schemas live beside the project, in ../shared/schemas (NG_SCHEMAS overrides).
NG_SCHEMAS=${NG_SCHEMAS:-$NG_ROOT/../shared/schemas}
# Debian's python3-networkx is installed for /usr/bin/python3.
PYTHON=${PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"; }
need_files() {
  [ $# -gt 0 ] || fail "no file given"
  for f in "$@"; do [ -f "$f" ] || fail "$f: no such file"; done
}
need_node_modules() {
  need node
  [ -d "$clients_dir/node_modules/graphology" ] ||
    skip "npm packages missing: run 'npm ci' in tests/clients (scripts/install-deps does)"
}
