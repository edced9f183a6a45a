#!/usr/bin/env bash
# A relation type a user declares (--relations) and gives triggers (--lexicon) flows through
# everything like a built-in one: build and every export (the GraphML carries its definition,
# so metrics, eval and the report know its direction and hostility), extract + merge, report,
# explain, eval. And a wrong --relations or --lexicon file stops the run before any work: exit
# 2, one line "FILE:LINE: ..." on stderr even with -q, no output written.
set -u
bin=${NG_BIN:?}
. "$(dirname "$0")/corpus.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
# Under valgrind (scripts/valgrind-tests sets NG_VALGRIND) the checks that repeat a run of the
# same code with other input are left out: each extraction run costs seconds there.
full() { [ -z "${NG_VALGRIND:-}" ]; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
write_relations_corpus "$tmp"
c="$tmp/articles" R=(--relations "$tmp/relations.csv" --lexicon "$tmp/triggers.csv")

# ---- build: every export
"$bin" build -q "$c" "${R[@]}" -o "$tmp/g.graphml" -o "$tmp/g.gexf" -o "$tmp/g.dot" \
  -o "$tmp/g.json" -o "$tmp/g.csv" 2>"$tmp/err" || fail "build: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "build -q printed: $(cat "$tmp/err")"
g=$tmp/g.graphml
has "$g" '<key id="relations" for="graph" attr.name="relations" attr.type="string"/>'
has "$g" 'visited,directed,no,person|state,state,"an official visit to a country, by its leader or a delegation"'
has "$g" 'feuded,symmetric,yes,state|organization,state|organization,a public quarrel between two sides'
[ "$(grep -c '<data key="relation">visited</data>' "$g")" = 2 ] || fail "graphml: two visited edges"
[ "$(grep -c '<data key="relation">feuded</data>' "$g")" = 2 ] || fail "graphml: two feuded edges"
awk '/<edge /{r=""} /key="relation">feuded</{r=1} r && /key="directed">false</{n++} END{exit n != 2}' "$g" ||
  fail "graphml: feuded is symmetric"
grep -q 'Chad.*visited\|visit.*Chad' "$g" && fail "a plan to visit gave an edge"
has "$tmp/g.gexf" 'kind="visited"'
grep 'kind="feuded"' "$tmp/g.gexf" | grep -q 'type="undirected"' || fail "gexf: feuded undirected"
grep -q '"senegal" -> "mali" \[id="e[0-9]*", label="visited"' "$tmp/g.dot" || fail "dot: Senegal visited Mali"
grep 'label="feuded"' "$tmp/g.dot" | grep -q 'dir="none", style="dashed", color="#C0392B"' ||
  fail "dot: feuded drawn as symmetric and hostile"
grep 'label="visited"' "$tmp/g.dot" | grep -q 'dashed' && fail "dot: visited is not hostile"
has "$tmp/g.dot" 'no arrow: met, signed, restored_ties, feuded (symmetric)'
has "$tmp/g.dot" 'dashed: withdrew, condemned, cut_ties, sanctioned, feuded'
has "$tmp/g.json" '"relation_types":[{"name":"visited","direction":"directed","hostile":false,"subjects":["person","state"],"objects":["state"]'
has "$tmp/g.json" '"relation":"feuded"'
has "$tmp/g.edges.csv" 'senegal,mali,Directed,visited,'
has "$tmp/g.edges.csv" 'chad,sudan,Undirected,feuded,'

# a declared type no edge uses adds nothing: the files keep the bytes of a plain build
"$bin" build -q "$c" -o "$tmp/plain.graphml" -o "$tmp/plain.dot" -o "$tmp/plain.json"
"$bin" build -q "$c" --relations "$tmp/relations.csv" -o "$tmp/unused.graphml" -o "$tmp/unused.dot" -o "$tmp/unused.json"
for f in graphml dot json; do
  cmp -s "$tmp/plain.$f" "$tmp/unused.$f" || fail "an unused declared type changed the $f file"
done
grep -q 'key id="relations"' "$tmp/plain.graphml" && fail "a graph of built-in relations has graph-level data"

# ---- metrics and eval read the types back from the GraphML
"$bin" metrics "$g" -f csv > "$tmp/m.csv" || fail "metrics"
# rank,id,label,type,mentions,degree,in_degree,out_degree,...
grep -q ',mali,Mali,state,[0-9]*,2,2,0,' "$tmp/m.csv" || fail "metrics: Mali receives two visits: $(grep mali "$tmp/m.csv")"
grep -q ',chad,Chad,state,[0-9]*,1,0,0,' "$tmp/m.csv" || fail "metrics: feuded counts in neither degree: $(grep chad "$tmp/m.csv")"
"$bin" metrics "$g" --relations feuded -f csv > "$tmp/mf.csv" || fail "metrics --relations feuded"
grep -q ',mali,Mali,state,[0-9]*,0,0,0,' "$tmp/mf.csv" || fail "metrics --relations feuded counted a visit"
"$bin" metrics "$g" --relations feudedd > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" = 2 ] && grep -q "feuded" "$tmp/err" || fail "metrics --relations typo: exit $rc, $(cat "$tmp/err")"
mkdir -p "$tmp/gold"
{ printf 'name\ttype\taliases\tstatus\n'
  for s in Senegal Mali Chad Sudan Niger Benin; do printf '%s\tstate\t\trequired\n' "$s"; done
  printf 'Bassirou Diomaye Faye\tperson\t\trequired\n'; } > "$tmp/gold/entities.tsv"
# the gold writes one feud the other way round: a symmetric type matches either way; it does not
# use condemned, which is not scored
printf 'subject\trelation\tobject\tstatus\nSenegal\tvisited\tMali\trequired\nBassirou Diomaye Faye\tvisited\tMali\trequired\nSudan\tfeuded\tChad\trequired\nBenin\tfeuded\tNiger\trequired\n' > "$tmp/gold/relations.tsv"
"$bin" eval "$tmp/gold" "$g" > "$tmp/eval" || fail "eval"
has "$tmp/eval" 'relations: P=1.000 R=1.000 F1=1.000'

# ---- extract + merge: the shard names the types; merge needs them declared
"$bin" extract -q "$c" "${R[@]}" -o "$tmp/s.ngs" || fail "extract"
# -j1 reads the shards on one thread, -j2 on two (cli/shards_read.c): the same answer
for j in 1 2; do
  rm -f "$tmp"/m.*
  "$bin" merge -q -j$j "$tmp/s.ngs" -o "$tmp/m.graphml" 2> "$tmp/err"; rc=$?
  [ "$rc" = 2 ] || fail "merge -j$j without --relations: exit $rc"
  [ "$(wc -l < "$tmp/err")" = 1 ] && has "$tmp/err" "s.ngs: the shard uses relation 'visited', which this run does not know: pass --relations"
  [ -e "$tmp/m.graphml" ] && fail "a refused merge -j$j wrote its output"
  "$bin" merge -q -j$j "$tmp/s.ngs" --relations "$tmp/relations.csv" -o "$tmp/m.graphml" \
    -o "$tmp/m.gexf" -o "$tmp/m.dot" -o "$tmp/m.json" -o "$tmp/m.csv" || fail "merge -j$j"
  for f in graphml gexf dot json nodes.csv edges.csv; do
    cmp -s "$tmp/g.$f" "$tmp/m.$f" || fail "merge -j$j and build differ: $f"
  done
done

# ---- report and explain
"$bin" report -q "$c" "${R[@]}" --no-picture -o "$tmp/r.html" -o "$tmp/r.md" || fail "report"
has "$tmp/r.md" '| visited | 2 | 2 |'
has "$tmp/r.md" '| feuded | 2 | 2 |'
has "$tmp/r.md" 'met, signed, restored_ties and feuded are mutual'
has "$tmp/r.html" '<span class="rel hostile">feuded</span>'
has "$tmp/r.html" '<span class="rel">visited</span>'
grep -q 'visited' "$tmp/plain.dot" && fail "the plain build knows visited"
"$bin" explain -q "$c" "${R[@]}" --between Senegal Mali > "$tmp/x" || fail "explain"
has "$tmp/x" 'visited Senegal -> Mali: 1 sentence'
if full; then
  "$bin" explain -q "$c" "${R[@]}" --between Benin > "$tmp/x" || fail "explain A"
  has "$tmp/x" 'feuded Benin -- Niger: 1 sentence'
fi

# ---- a wrong file stops the run: exit 2, one line FILE:LINE, even with -q, nothing written
# refused CMD-ARGS... -- "message": runs newsgraph with -q and checks all of that
refused() {
  local args=() msg
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  msg=$2
  rm -f "$tmp/out".*
  "$bin" "${args[@]}" -q > /dev/null 2> "$tmp/err"; local rc=$?
  [ "$rc" = 2 ] || fail "${args[*]}: exit $rc, want 2"
  [ "$(wc -l < "$tmp/err")" = 1 ] || fail "${args[*]}: not one line: $(cat "$tmp/err")"
  grep -qF -- "newsgraph: error: $tmp/$msg" "$tmp/err" || fail "${args[*]}: want '$msg', got: $(cat "$tmp/err")"
  ls "$tmp"/out.* > /dev/null 2>&1 && fail "${args[*]}: an output was written"
  return 0
}
bad() { printf 'name,direction,hostile,subjects,objects,description\n%s\n' "$1" > "$tmp/$2"; }
bad 'visited,both,no,person,state,x' dir.csv
refused build "$c" --relations "$tmp/dir.csv" -o "$tmp/out.graphml" -- "dir.csv:2: unknown direction 'both' for 'visited' (use directed or symmetric)"
bad 'visited,directed,no,person,country,x' type.csv
refused build "$c" --relations "$tmp/type.csv" -o "$tmp/out.graphml" -- "type.csv:2: unknown actor type 'country' in objects"
bad 'condemned,directed,yes,state,state,x' dup.csv
refused extract "$c" --relations "$tmp/dup.csv" -o "$tmp/out.ngs" -- "dup.csv:2: relation 'condemned' is already declared (it is built in)"
printf 'name,direction,subjects,objects,description\nvisited,directed,person,state,x\n' > "$tmp/col.csv"
refused report "$c" --relations "$tmp/col.csv" -o "$tmp/out.html" -- "col.csv:1: no 'hostile' column"
bad 'visited,directed,maybe,person,state,x' hostile.csv
refused explain "$c" --relations "$tmp/hostile.csv" --between Mali -- "hostile.csv:2: hostile must be yes or no"
bad 'visited,directed,no,person,state' short.csv
refused merge "$tmp/s.ngs" --relations "$tmp/short.csv" -o "$tmp/out.graphml" -- "short.csv:2: 5 fields, but the header has 6"
refused build "$c" --relations "$tmp/none.csv" -o "$tmp/out.graphml" -- "none.csv: cannot open the relations file"
refused build "$c" --relations "$tmp/relations.csv" --relations "$tmp/relations.csv" -o "$tmp/out.graphml" -- "relations.csv:2: relation 'visited' is already declared"
# a trigger row naming a relation nobody declared: the typo is named, the run stops
printf 'relation,form,pattern,object,flags\nmet,verb,huddled with,,pair\nvisted,verb,toured,-,\n' > "$tmp/typo.csv"
refused build "$c" --lexicon "$tmp/typo.csv" -o "$tmp/out.graphml" -- "typo.csv:3: relation 'visted' is not declared: declare it with --relations FILE.csv"
if full; then
  refused extract "$c" --relations "$tmp/relations.csv" --lexicon "$tmp/typo.csv" -o "$tmp/out.ngs" -- "typo.csv:3: relation 'visted' is not declared"
  refused build "$c" --lexicon "$tmp/triggers.csv" -o "$tmp/out.graphml" -- "triggers.csv:2: relation 'visited' is not declared"
fi
grep -q 'articles read' "$tmp/err" && fail "a refused run read articles"

[ "$fails" = 0 ] && echo "relations: all checks passed"
exit $((fails > 0))
