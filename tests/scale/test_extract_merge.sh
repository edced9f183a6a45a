#!/usr/bin/env bash
# extract + merge == build: the fixture corpus split in several ways (whole, by folder, one
# article per shard, interleaved thirds, --slice K/4), extracted with -j1 and -j2, merged in different
# orders and groupings (a merge of merged shards too), gives files byte-identical to one
# `newsgraph build` over the whole corpus, in every export format. Shards are the same bytes
# for every -j. A shard of another version, a truncated shard and a file that is no shard are
# refused with exit 1 and a message naming the file, and leave no output behind.
set -u
bin=${NG_BIN:?}; root=${NG_ROOT:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passed=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
ok() { passed=$((passed+1)); }

seeds="$root/fixtures/seeds"; dev="$root/fixtures/dev"
mapfile -t files < <(find "$seeds" "$dev" -maxdepth 1 -type f -name '*.txt' | LC_ALL=C sort)
[ ${#files[@]} -ge 20 ] || { echo "FAIL: expected the fixture articles, found ${#files[@]}"; exit 1; }

# The reference: one build over the whole corpus, every format.
outs() { local d=$1; echo -o "$d/g.graphml" -o "$d/g.graphml.gz" -o "$d/g.gexf" -o "$d/g.dot" -o "$d/g.json" -o "$d/g.csv"; }
mkdir -p "$tmp/ref"
# shellcheck disable=SC2046
"$bin" build -q "$seeds" "$dev" $(outs "$tmp/ref") || { echo "FAIL: build failed"; exit 1; }
nref=$(ls "$tmp/ref" | wc -l)
[ "$nref" -ge 7 ] || fail "build wrote $nref files, expected 7 (csv writes two)"
grep -q '<edge ' "$tmp/ref/g.graphml" || fail "the reference graph has no edge: the test would prove little"

# same_as_ref NAME DIR: every file of the reference, byte for byte.
same_as_ref() {
  local name=$1 dir=$2 bad=0
  for f in "$tmp/ref"/*; do
    if ! cmp -s "$f" "$dir/$(basename "$f")"; then
      fail "$name: $(basename "$f") differs from build's"; bad=1
    fi
  done
  [ "$(ls "$dir" | wc -l)" = "$nref" ] || { fail "$name: wrote $(ls "$dir" | wc -l) files, build $nref"; bad=1; }
  [ $bad = 0 ] && ok
}

# merge_to NAME SHARD...: merges into $tmp/NAME and compares.
merge_to() {
  local name=$1; shift
  mkdir -p "$tmp/$name"
  # shellcheck disable=SC2046
  if "$bin" merge -q "$@" $(outs "$tmp/$name") 2>"$tmp/$name.err"; then
    same_as_ref "$name" "$tmp/$name"
  else
    fail "$name: merge exited $?: $(head -c 300 "$tmp/$name.err")"
  fi
}

x() { "$bin" extract -q "$@" || fail "extract $* exited $?"; }

mkdir -p "$tmp/s"
# 1. the whole corpus in one shard, plain and gzip; the same bytes for -j1 and -j2.
x -j1 "$seeds" "$dev" -o "$tmp/s/all-j1.ngs"
x -j2 "$seeds" "$dev" -o "$tmp/s/all-j2.ngs"
x -j2 "$seeds" "$dev" -o "$tmp/s/all.ngs.gz"
cmp -s "$tmp/s/all-j1.ngs" "$tmp/s/all-j2.ngs" && ok || fail "shards differ between -j1 and -j2"
head -c 10 "$tmp/s/all-j1.ngs" | grep -q '^NGSHARD 2$' && ok || fail "shard header is not 'NGSHARD 2'"
[ "$(gzip -dc "$tmp/s/all.ngs.gz" | cmp - "$tmp/s/all-j1.ngs" && echo same)" = same ] && ok \
  || fail ".ngs.gz is not the gzip of the same shard"
merge_to whole "$tmp/s/all-j1.ngs"
merge_to whole-gz "$tmp/s/all.ngs.gz"

# 2. by folder, merged in both orders.
x "$dev" -o "$tmp/s/dev.ngs"
x "$seeds" -o "$tmp/s/seeds.ngs.gz"
merge_to folders "$tmp/s/seeds.ngs.gz" "$tmp/s/dev.ngs"
merge_to folders-reversed "$tmp/s/dev.ngs" "$tmp/s/seeds.ngs.gz"

# 3. one article per shard, merged in listing order, reversed, and shuffled by a fixed key.
#    Under valgrind (NG_VALGRIND=1, scripts/valgrind-tests) a shard holds a run of articles,
#    eight shards in all: the same merge paths, a sixth of the runs.
mkdir -p "$tmp/one"
per=1
[ "${NG_VALGRIND:-0}" = 1 ] && per=$(( (${#files[@]} + 7) / 8 ))
i=0
for ((n = 0; n < ${#files[@]}; n += per)); do
  i=$((i+1)); x -j1 "${files[@]:n:per}" -o "$tmp/one/$(printf %03d $i).ngs"
done
mapfile -t one < <(ls "$tmp/one"/*.ngs | LC_ALL=C sort)
mapfile -t rev < <(printf '%s\n' "${one[@]}" | LC_ALL=C sort -r)
mapfile -t shuf < <(for s in "${one[@]}"; do printf '%s %s\n' "$(basename "$s" | md5sum | cut -c1-8)" "$s"; done | sort | cut -d' ' -f2)
merge_to singles "${one[@]}"
merge_to singles-reversed "${rev[@]}"
merge_to singles-shuffled "${shuf[@]}"

# 4. interleaved thirds (every third article), extracted with different -j; merged as
#    (0+1)+2 through a combined shard, and as 2+(1+0).
mkdir -p "$tmp/third"
for k in 0 1 2; do
  part=(); for ((n = k; n < ${#files[@]}; n += 3)); do part+=("${files[n]}"); done
  x -j$((k % 2 + 1)) "${part[@]}" -o "$tmp/third/$k.ngs"
done
"$bin" merge -q "$tmp/third/0.ngs" "$tmp/third/1.ngs" -o "$tmp/third/01.ngs" || fail "combining shards failed"
"$bin" merge -q "$tmp/third/1.ngs" "$tmp/third/0.ngs" -o "$tmp/third/10.ngs.gz" || fail "combining shards (gz) failed"
merge_to tree-01-2 "$tmp/third/01.ngs" "$tmp/third/2.ngs"
merge_to tree-2-10 "$tmp/third/2.ngs" "$tmp/third/10.ngs.gz"
# A combined shard holds every doc once: combining the thirds gives the whole shard's docs.
"$bin" merge -q "$tmp/third/01.ngs" "$tmp/third/2.ngs" -o "$tmp/third/all.ngs" || fail "combine all"
[ "$(stat -c %s "$tmp/third/all.ngs")" = "$(stat -c %s "$tmp/s/all-j1.ngs")" ] && ok \
  || fail "the combined thirds and the whole shard differ in size"

# 5. --slice K/N (the job-array form): the same INPUTs in every job, merged in any order.
mkdir -p "$tmp/slice"
for k in 0 1 2 3; do x --slice "$k/4" "$seeds" "$dev" -o "$tmp/slice/$k.ngs"; done
merge_to slices "$tmp/slice/3.ngs" "$tmp/slice/1.ngs" "$tmp/slice/0.ngs" "$tmp/slice/2.ngs"
x --slice 0/1 "$seeds" "$dev" -o "$tmp/slice/all.ngs"
cmp -s "$tmp/slice/all.ngs" "$tmp/s/all-j1.ngs" && ok || fail "--slice 0/1 is not the whole shard"

# 6. refusals: exit 1, a message naming the file, nothing written.
# expect CODE "stderr substring" -- command...
expect() {
  local code=$1 msg=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" != "$code" ] || { [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; }; then
    fail "$* -> exit $rc (want $code), stderr: $(head -c 300 "$tmp/err")"
  else ok; fi
}
mkdir -p "$tmp/bad" "$tmp/r"
{ printf 'NGSHARD 3\n'; tail -c +11 "$tmp/s/dev.ngs"; } > "$tmp/bad/v3.ngs"
expect 1 "$tmp/bad/v3.ngs: shard format version 3" -- "$bin" merge "$tmp/s/seeds.ngs.gz" "$tmp/bad/v3.ngs" -o "$tmp/r/g.graphml"
size=$(stat -c %s "$tmp/s/dev.ngs")
head -c $((size / 2)) "$tmp/s/dev.ngs" > "$tmp/bad/half.ngs"
expect 1 "$tmp/bad/half.ngs: record" -- "$bin" merge "$tmp/bad/half.ngs" -o "$tmp/r/g.graphml"
grep -q "truncated" "$tmp/err" && ok || fail "truncation not called truncated: $(cat "$tmp/err")"
head -c $((size - 3)) "$tmp/s/dev.ngs" > "$tmp/bad/cut-end.ngs"
expect 1 "$tmp/bad/cut-end.ngs: record" -- "$bin" merge "$tmp/s/seeds.ngs.gz" "$tmp/bad/cut-end.ngs" -o "$tmp/r/g.graphml"
# One damaged shard read by four threads at once: the message is the one a lone reader gives
# (the first thread to meet the damage reports it; the others do not read past it).
for _ in 1 2 3; do
  expect 1 "$tmp/bad/cut-end.ngs: record 2" -- "$bin" merge -j4 "$tmp/bad/cut-end.ngs" -o "$tmp/r/g.graphml"
done
gzip -c "$tmp/s/dev.ngs" | head -c 200 > "$tmp/bad/cut.ngs.gz"
expect 1 "$tmp/bad/cut.ngs.gz" -- "$bin" merge "$tmp/bad/cut.ngs.gz" -o "$tmp/r/g.graphml"
expect 1 "not a newsgraph shard" -- "$bin" merge "${files[0]}" -o "$tmp/r/g.graphml"
expect 1 "$tmp/bad/none.ngs: cannot open" -- "$bin" merge "$tmp/bad/none.ngs" -o "$tmp/r/g.graphml"
expect 1 "v3.ngs" -- "$bin" merge "$tmp/bad/v3.ngs" -o "$tmp/r/combined.ngs"
[ -z "$(ls "$tmp/r")" ] && ok || fail "a refused merge left files: $(ls "$tmp/r")"
# Usage errors: exit 2.
expect 2 "no output given" -- "$bin" extract "$dev"
expect 2 "no INPUT given" -- "$bin" extract -o "$tmp/r/x.ngs"
expect 2 ".ngs or .ngs.gz" -- "$bin" extract "$dev" -o "$tmp/r/x.graphml"
expect 2 "--slice 4/4" -- "$bin" extract --slice 4/4 "$dev" -o "$tmp/r/x.ngs"
expect 2 "--slice 1" -- "$bin" extract --slice 1 "$dev" -o "$tmp/r/x.ngs"
expect 2 "no SHARD given" -- "$bin" merge -o "$tmp/r/g.graphml"
expect 2 "no output given" -- "$bin" merge "$tmp/s/dev.ngs"
expect 2 ".xyz" -- "$bin" merge "$tmp/s/dev.ngs" -o "$tmp/r/g.xyz"
expect 0 "" -- "$bin" extract --help
grep -q '^usage: newsgraph extract' "$tmp/out" && ok || fail "extract --help"
expect 0 "" -- "$bin" merge --help
grep -q '^usage: newsgraph merge' "$tmp/out" && ok || fail "merge --help"
# A shard on standard output and read back from standard input.
"$bin" extract -q "$dev" -o - > "$tmp/s/stdout.ngs" && cmp -s "$tmp/s/stdout.ngs" "$tmp/s/dev.ngs" && ok \
  || fail "extract -o - differs from the file shard"
ls -a "$tmp"/s "$tmp"/r | grep -q '\.tmp\.' && fail "temporary file left behind"
echo "extract-merge: $passed passed, $fails failed"
[ $fails = 0 ]
