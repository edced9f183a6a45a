#!/usr/bin/env bash
# Signals (issue 18, finding 13): SIGHUP is handled as SIGINT and SIGTERM are (the run dies of
# it, its temporary files removed); more than 64 outputs open at once leave no temporary file;
# a signal during `report` removes its temporary folder and kills and reaps the Graphviz
# child it is waiting for. (SIGINT/SIGTERM during extraction and writing: output_faults.sh.)
#
# To catch a run in the middle of its writing without racing it, the last output is a FIFO
# nobody reads: outputs are all opened (their temporary files created) before any is
# written, and opening the FIFO waits for a reader. For the report, fake `dot`, `sfdp` and
# `gvpr` on PATH note their pid and sleep.
source "$(dirname "$0")/lib.sh"
base_graph
out="$tmp/o"
mkdir -p "$out"

# wait_for COUNT DIR: until DIR holds COUNT temporary files (at most 30 s); 0 when it did.
wait_for_temps() {
  for _ in $(seq 3000); do
    [ "$(ls -a "$2" | grep -c '\.tmp\.')" -ge "$1" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}

# A run started under nohup (or by a harness that ignores SIGHUP) passes the ignored SIGHUP on,
# and newsgraph rightly keeps it ignored: the cases below start newsgraph with the default
# action (coreutils' env --default-signal, 9.0 and later), so they test what they say.
dfl=()
env --default-signal=HUP true 2>/dev/null && dfl=(env --default-signal=HUP)

# run_blocked SIGNAL N: N graph outputs and a FIFO; signal once all N temporaries exist.
run_blocked() {
  local sig=$1 n=$2 args=() i
  rm -rf "$out" && mkdir -p "$out"
  mkfifo "$out/blocked.dot"
  for i in $(seq "$n"); do args+=(-o "$out/g$i.graphml"); done
  "${dfl[@]}" "$raw_bin" build -q "$tmp/base" "${args[@]}" -o "$out/blocked.dot" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  if wait_for_temps "$n" "$out"; then
    kill -s "$sig" "$pid"
    wait "$pid"
    rc=$?
    expect_rc $((128 + $(kill -l "$sig"))) "SIG$sig with $n outputs open"
    expect_no_temp "$out" "SIG$sig with $n outputs open"
    ls "$out" | grep -q '\.graphml$' && fail "SIG$sig with $n outputs open: an output appeared" || ok
  else
    fail "SIG$sig with $n outputs open: the $n temporary files never appeared: $(head -c 300 "$tmp/err")"
    kill -s KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
}

run_blocked HUP 1
run_blocked INT 3
run_blocked TERM 70 # beyond the 64 entries the registry of temporary files used to hold

# --- nohup: a SIGHUP ignored at the start stays ignored (the run goes on and finishes).
rm -rf "$out" && mkdir -p "$out"
mkfifo "$out/blocked.dot"
(trap '' HUP; exec "$raw_bin" build -q "$tmp/base" -o "$out/g.graphml" -o "$out/blocked.dot") >"$tmp/out" 2>"$tmp/err" &
pid=$!
if wait_for_temps 1 "$out"; then
  kill -s HUP "$pid"
  sleep 0.2
  cat "$out/blocked.dot" >/dev/null # lets the run finish
  wait "$pid"
  rc=$?
  expect_rc 0 "SIGHUP under nohup"
  expect_same "$tmp/base.graphml" "$out/g.graphml" "SIGHUP under nohup: the output"
else
  fail "SIGHUP under nohup: no temporary file appeared"
  kill -s KILL "$pid" 2>/dev/null
fi

# --- report: a signal while Graphviz runs.
fake="$tmp/fakebin"
mkdir -p "$fake"
for prog in dot sfdp gvpr; do
  cat >"$fake/$prog" <<SH
#!/bin/sh
echo \$\$ >"$tmp/child.pid"
exec sleep 60
SH
  chmod +x "$fake/$prog"
done
if "$raw_bin" --help | grep -q '^  report '; then
  for sig in TERM INT HUP; do
    rm -f "$tmp/child.pid"
    rm -rf "$tmp/rtmp" && mkdir -p "$tmp/rtmp"
    PATH="$fake:$PATH" TMPDIR="$tmp/rtmp" "${dfl[@]}" "$raw_bin" report -q "$tmp/base" -o "$out/r.html" >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    for _ in $(seq 3000); do
      [ -s "$tmp/child.pid" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.01
    done
    if [ ! -s "$tmp/child.pid" ]; then
      fail "report SIG$sig: Graphviz (faked) never started: $(head -c 300 "$tmp/err")"
      kill -s KILL "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
      continue
    fi
    child=$(cat "$tmp/child.pid")
    kill -s "$sig" "$pid"
    wait "$pid"
    rc=$?
    expect_rc $((128 + $(kill -l "$sig"))) "report SIG$sig"
    [ -z "$(ls -A "$tmp/rtmp")" ] && ok || fail "report SIG$sig: left in TMPDIR: $(ls -A "$tmp/rtmp" | tr '\n' ' ')"
    if kill -0 "$child" 2>/dev/null; then
      fail "report SIG$sig: the Graphviz child ($child) still runs"
      kill -s KILL "$child" 2>/dev/null # our own fake, by its pid
    else ok; fi
    [ -e "$out/r.html" ] && fail "report SIG$sig: a report was written" || ok
    expect_no_temp "$out" "report SIG$sig"
  done
else
  echo "note: no report command in this build"
fi
finish
