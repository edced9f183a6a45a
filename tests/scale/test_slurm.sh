#!/usr/bin/env bash
# The Slurm recipe of docs/scale-out.md ("## Slurm job array": extract.sbatch, merge.sbatch and
# the two sbatch commands, taken from that page itself) run on a real single-node Slurm that this
# test starts: munged with a fresh key, slurmctld and slurmd as root with a generated
# slurm.conf, everything in a temporary folder, on free ports. The only change to the recipe
# is the number of slices (64 -> 4: the fixture corpus has 29 files). The merged files must be
# byte-identical to one `newsgraph build` of the same corpus.
# Skipped (77) where Slurm cannot run: not root, slurm-wlm or munge missing, the daemons not
# coming up; and under valgrind (NG_VALGRIND=1), where extract_merge covers the same code.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
skip() { echo "skipped: $*"; exit 77; }
[ "${NG_VALGRIND:-0}" = 1 ] && skip "not under valgrind (the same extract and merge run in extract_merge)"
[ "$(id -u)" = 0 ] || skip "needs root to start slurmctld and slurmd"
for c in munged mungekey slurmctld slurmd sbatch scontrol sinfo; do
  command -v "$c" >/dev/null || skip "$c not found (apt-get install slurm-wlm munge)"
done
slices=4
tmp=$(mktemp -d)
pids=()
# Stops the daemons this test started (by their ids): SIGTERM, then SIGKILL after 10 s.
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
logs() { for f in "$tmp"/*.log "$tmp"/run/slurm-*.out; do [ -f "$f" ] && { echo "--- $f"; tail -15 "$f"; }; done; }

# 1. The recipe's three blocks, as docs/scale-out.md gives them.
awk '/^## Slurm job array/ {on = 1; next} on && /^## / {exit}
     on && /^```sh$/ {n++; inb = 1; next} on && /^```$/ {inb = 0; next}
     on && inb {print > (dir "/block" n)}' dir="$tmp" "$root/docs/scale-out.md"
for b in 1 2 3; do [ -s "$tmp/block$b" ] || { echo "FAIL: docs/scale-out.md: no sh block $b under '## Slurm job array'"; exit 1; }; done
mkdir -p "$tmp/run" "$tmp/ref" "$tmp/bin"
sed "s/^N=64 /N=$slices /" "$tmp/block1" > "$tmp/run/extract.sbatch"
cp "$tmp/block2" "$tmp/run/merge.sbatch"
sed "s/--array=0-63 /--array=0-$((slices - 1)) /" "$tmp/block3" > "$tmp/run/submit.sh"
grep -q "^N=$slices " "$tmp/run/extract.sbatch" && grep -q -- "--array=0-$((slices - 1)) " "$tmp/run/submit.sh" \
  || { echo "FAIL: docs/scale-out.md: the recipe no longer has 'N=64 ' and '--array=0-63 ' to scale down"; exit 1; }
echo 'echo "ng-array-job $jid"' >> "$tmp/run/submit.sh" # the test's own line: the array's id

# 2. The corpus the recipe reads (corpus/), and the reference: one build.
mkdir -p "$tmp/run/corpus"
cp -r "$root/fixtures/seeds" "$root/fixtures/dev" "$tmp/run/corpus/"
ln -s "$bin" "$tmp/bin/newsgraph"
export PATH="$tmp/bin:$PATH"
(cd "$tmp/run" && newsgraph build -q corpus/ -o "$tmp/ref/graph.graphml" -o "$tmp/ref/graph.gexf" \
  -o "$tmp/ref/graph.csv") || { echo "FAIL: build"; exit 1; }

# 3. munge and a one-node Slurm, all in $tmp.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
timeout 20 mungekey -c -k "$tmp/munge.key" >/dev/null 2>&1 && chmod 400 "$tmp/munge.key" || skip "mungekey failed"
munged -F --force --key-file="$tmp/munge.key" --socket="$tmp/munge.sock" --pid-file="$tmp/munged.pid" \
  --log-file="$tmp/munged.log" --seed-file="$tmp/munged.seed" >"$tmp/munged.out" 2>&1 &
pids+=($!)
host=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool"
cat > "$tmp/slurm.conf" <<EOF
ClusterName=ngtest
SlurmctldHost=$host
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.sock
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
# the node as declared here, whatever the machine has: the recipe asks for up to 8G
SlurmdParameters=config_overrides
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=16384 State=UNKNOWN
PartitionName=ng Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"
for _ in $(seq 50); do [ -S "$tmp/munge.sock" ] && break; sleep 0.2; done
[ -S "$tmp/munge.sock" ] || { logs; skip "munged did not start"; }
slurmctld -D -c -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out" 2>&1 &
pids+=($!)
# Every wait below is bounded by the clock (a Slurm command that hangs in a fresh chroot counts
# against it): at most 40 s for the node, 60 s for sbatch, 120 s for the jobs.
up=0
up_by=$((SECONDS + 40))
while [ $SECONDS -lt $up_by ]; do
  [ "$(timeout 5 sinfo -h -n "$host" -o %t 2>/dev/null)" = idle ] && { up=1; break; }
  sleep 0.5
done
[ $up = 1 ] || { logs; skip "slurmctld and slurmd did not bring the node up in 40 s"; }

# 4. The recipe: the job array, then the merge after it.
rc=0
(cd "$tmp/run" && timeout 60 bash submit.sh) >"$tmp/submit.out" 2>&1 || rc=$?
[ $rc = 124 ] && { logs; skip "sbatch did not answer in 60 s"; }
[ $rc = 0 ] || { cat "$tmp/submit.out"; echo "FAIL: submit"; exit 1; }
aid=$(sed -n 's/^ng-array-job \([0-9]*\)$/\1/p' "$tmp/submit.out")
mid=$(sed -n 's/^Submitted batch job \([0-9]*\)$/\1/p' "$tmp/submit.out")
[ -n "$aid" ] && [ -n "$mid" ] || { cat "$tmp/submit.out"; echo "FAIL: no job ids"; exit 1; }
state=""
deadline=$((SECONDS + 120))
while [ $SECONDS -lt $deadline ]; do
  line=$(timeout 5 scontrol show job "$mid" -o 2>/dev/null)
  state=$(sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' <<<"$line")
  case $state in
    COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE) break ;;
  esac
  grep -q 'Reason=DependencyNeverSatisfied' <<<"$line" && { state=NEVER; break; }
  sleep 0.5
done
tasks=$(timeout 5 scontrol show job "$aid" -o 2>/dev/null | grep -c 'JobState=COMPLETED')
n=$(ls "$tmp/run/shards" 2>/dev/null | grep -c '\.ngs\.gz$')
# No task's script ever started (a started one writes its slurm-*.out), none completed and no
# shard was written: this host's Slurm cannot launch jobs (a chroot without cgroups, say: the
# node is up but every launch fails or waits). That is Slurm not running here, not newsgraph
# failing; a task whose script ran (even one that failed) makes every check count.
started=$(ls "$tmp/run" 2>/dev/null | grep -c '^slurm-.*\.out$')
if [ "$tasks" = 0 ] && [ "$n" = 0 ] && [ "$started" = 0 ]; then
  logs; timeout 5 scontrol show job "$aid" -o 2>/dev/null | head -3
  skip "Slurm could not run a job on this host (merge job: ${state:-no state})"
fi
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
[ "$state" = COMPLETED ] || fail "the merge job ended ${state:-unfinished after 120 s}"
[ "$tasks" = "$slices" ] || fail "$tasks of $slices array tasks completed"
[ "$n" = "$slices" ] || fail "$n shards, expected $slices"
for f in graph.graphml graph.gexf graph.nodes.csv graph.edges.csv; do
  cmp -s "$tmp/ref/$f" "$tmp/run/$f" || fail "$f from the Slurm run differs from build's"
done
grep -q '<edge ' "$tmp/ref/graph.graphml" || fail "the reference has no edge: the test would prove little"
[ $fails = 0 ] || logs
echo "slurm: $slices array tasks and a merge on $host; $((7 - fails)) checks passed, $fails failed"
[ $fails = 0 ]
