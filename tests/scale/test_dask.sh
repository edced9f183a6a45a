#!/usr/bin/env bash
# scripts/dask-build on a real Dask cluster: a `dask scheduler` and two `dask worker`
# processes on 127.0.0.1 (random free ports), the fixture corpus extracted on the workers in
# slices and merged (with --fan-in 2, so the tree reduce runs too), compared byte for byte
# with one `newsgraph build`. Skipped (77) when Debian's python3-distributed is missing.
# Not under valgrind (NG_VALGRIND=1, scripts/valgrind-tests): the recipe only orchestrates
# `extract` and `merge`, whose every code path extract_merge checks under valgrind already.
[ "${NG_VALGRIND:-0}" = 1 ] && { echo "skipped: not under valgrind (extract_merge covers the same runs)"; exit 77; }
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
py=/usr/bin/python3
[ -x "$py" ] && "$py" -c 'import distributed' 2>/dev/null || { echo "skipped: python3-distributed is not installed"; exit 77; }
tmp=$(mktemp -d)
pids=()
# Stops the processes this test started (by their ids): SIGTERM, then SIGKILL after 10 s.
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for _ in $(seq 20); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.5
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export PYTHONDONTWRITEBYTECODE=1
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
addr="tcp://127.0.0.1:$port"
"$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" --no-dashboard \
  >"$tmp/scheduler.log" 2>&1 &
pids+=($!); disown $!
for w in 1 2; do
  mkdir -p "$tmp/w$w"
  "$py" -m distributed.cli.dask_worker "$addr" --host 127.0.0.1 --nthreads 1 --no-dashboard \
    --no-nanny --name "w$w" --local-directory "$tmp/w$w" --death-timeout 60 \
    >"$tmp/worker$w.log" 2>&1 &
  pids+=($!); disown $!
done

seeds="$root/fixtures/seeds"; dev="$root/fixtures/dev"
"$bin" build -q "$seeds" "$dev" -o "$tmp/ref.graphml" -o "$tmp/ref.gexf" -o "$tmp/ref.dot" \
  || { echo "FAIL: build failed"; exit 1; }
mkdir -p "$tmp/out" "$tmp/work"
if ! timeout 240 "$py" "$root/scripts/dask-build" --scheduler "$addr" --wait-workers 2 \
     --bin "$bin" --slices 6 --fan-in 2 --workdir "$tmp/work" -v "$seeds" "$dev" \
     -o "$tmp/out/g.graphml" -o "$tmp/out/g.gexf" -o "$tmp/out/g.dot" 2>"$tmp/err"; then
  echo "FAIL: dask-build failed:"; cat "$tmp/err"
  echo "--- scheduler:"; tail -20 "$tmp/scheduler.log"; echo "--- worker 1:"; tail -20 "$tmp/worker1.log"
  exit 1
fi
fails=0
for f in graphml gexf dot; do
  cmp -s "$tmp/ref.$f" "$tmp/out/g.$f" || { echo "FAIL: dask-build's .$f differs from build's"; fails=$((fails+1)); }
done
grep -q "6 slices extracted on 2 workers" "$tmp/err" \
  || { echo "FAIL: the slices did not run on the two workers: $(cat "$tmp/err")"; fails=$((fails+1)); }
grep -q "reduce level 2" "$tmp/err" || { echo "FAIL: no tree reduce: $(cat "$tmp/err")"; fails=$((fails+1)); }
[ -z "$(ls "$tmp/work")" ] || { echo "FAIL: work directory not cleaned: $(ls "$tmp/work")"; fails=$((fails+1)); }
echo "dask: $((5 - fails)) passed, $fails failed"
[ $fails = 0 ]
