#!/usr/bin/env bash
# `newsgraph eval` on gold files that are wrong or huge (issue 18, finding 17):
# - a row with another number of columns than its header, an unknown type, relation or
#   status is refused with FILE:LINE (exit 2), not read as a silently different standard;
# - a gold that a spreadsheet saved with a byte-order mark reads as without it;
# - a gold file that is a device or a FIFO (entities.tsv -> /dev/zero) is refused at once;
# - a large gold (100,000 entities, 500,000 relations) against a graph of 50,000 edges is
#   scored within the case's timeout (it was quadratic: minutes), with the same numbers and
#   the same --show listing as before on a gold small enough for the old code (checked
#   against numbers computed here).
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
base_graph
gold() { # DIR: a small valid gold for the clean corpus
  mkdir -p "$1"
  printf 'name\ttype\taliases\tstatus\nMali\tstate\t\trequired\nNiger\tstate\t\trequired\nECOWAS\torganization\tEconomic Community of West African States\trequired\n' >"$1/entities.tsv"
  printf 'subject\trelation\tobject\tstatus\tevidence\nMali\twithdrew\tECOWAS\trequired\tMali and Niger withdrew\nNiger\twithdrew\tECOWAS\trequired\t\n' >"$1/relations.tsv"
}
gold "$tmp/ok"
ng eval "$tmp/ok" "$tmp/base.graphml"
expect_rc 0 "a valid gold"
grep -q 'relations: P=.* R=1.000' "$tmp/out" && ok || fail "a valid gold: both relations found: $(cat "$tmp/out")"
cp "$tmp/out" "$tmp/ok.txt"

refused() { # WHAT FILE LINE MESSAGE (after the gold was damaged)
  ng eval "$tmp/bad" "$tmp/base.graphml"
  expect_rc 2 "$1"
  expect_msg "$2:$3: $4" "$1: FILE:LINE and why"
  rm -rf "$tmp/bad"
}
gold "$tmp/bad"; printf 'Chad\tstate\trequired\n' >>"$tmp/bad/entities.tsv"
refused "an entity row of 3 columns" entities.tsv 5 "row has 3 columns, the header has 4"
gold "$tmp/bad"; printf 'Mali\tmet\tNiger\trequired\tx\textra\n' >>"$tmp/bad/relations.tsv"
refused "a relation row of 6 columns" relations.tsv 4 "row has 6 columns, the header has 5"
gold "$tmp/bad"; printf 'Mali\tmet\tNiger\trequired\n' >>"$tmp/bad/relations.tsv"
refused "a relation row without its evidence column" relations.tsv 4 "row has 4 columns, the header has 5"
gold "$tmp/bad"; printf 'Chad\tcountry\t\trequired\n' >>"$tmp/bad/entities.tsv"
refused "an unknown type" entities.tsv 5 "unknown type 'country'"
gold "$tmp/bad"; printf 'Chad\torg\t\trequired\n' >>"$tmp/bad/entities.tsv"
refused "a type abbreviated" entities.tsv 5 "unknown type 'org'"
gold "$tmp/bad"; printf 'Mali\tmeet\tNiger\trequired\t\n' >>"$tmp/bad/relations.tsv"
refused "an unknown relation" relations.tsv 4 "unknown relation 'meet'"
grep -qF "sanctioned or restored_ties; a type of your own" "$tmp/err" && ok || fail "an unknown relation: the known ones listed from the table: $(head -c 300 "$tmp/err")"
# A gold file that is a device or a FIFO is refused at once (/dev/zero was one endless line).
for f in entities relations; do
  gold "$tmp/dev"; ln -sf /dev/zero "$tmp/dev/$f.tsv"
  timeout 30 "$raw_bin" eval "$tmp/dev" "$tmp/base.graphml" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect_rc 2 "$f.tsv -> /dev/zero (124: still reading after 30 s)"
  expect_msg "$f.tsv: not a gold file: not a regular file" "$f.tsv -> /dev/zero: named"
  rm -rf "$tmp/dev"
done
gold "$tmp/bad"; printf 'Mali\tmet\tNiger\trequried\t\n' >>"$tmp/bad/relations.tsv"
refused "a misspelt status" relations.tsv 4 "status 'requried' is neither"
gold "$tmp/bad"; printf '\tstate\t\trequired\n' >>"$tmp/bad/entities.tsv"
refused "an empty name" entities.tsv 5 "empty name"
gold "$tmp/bad"; printf 'Mali\tmet\tChad\trequired\t\n' >>"$tmp/bad/relations.tsv"
refused "an unknown entity" relations.tsv 4 "relation names unknown entity 'Chad'"

# A byte-order mark before each header.
gold "$tmp/bom"
for f in entities relations; do printf '\xef\xbb\xbf' | cat - "$tmp/bom/$f.tsv" >"$tmp/bom/x" && mv "$tmp/bom/x" "$tmp/bom/$f.tsv"; done
ng eval "$tmp/bom" "$tmp/base.graphml"
expect_rc 0 "a gold with byte-order marks"
expect_same "$tmp/ok.txt" "$tmp/out" "a gold with byte-order marks: the same scores"

# --- size: linear, and the same answer as a plain computation on a small gold.
NG_SLOW=$slow $py - "$tmp" <<'PY'
import os, random, sys
rels = ["met", "signed", "withdrew", "condemned", "cut_ties", "member_of", "affiliated_with"]
def make(out, ne, nr, gn, ge):
    random.seed(7)
    os.makedirs(out + "/gold", exist_ok=True)
    step = ne // gn  # graph node j is gold entity j * step
    with open(out + "/gold/entities.tsv", "w") as f:
        f.write("name\ttype\taliases\tstatus\n")
        for i in range(ne):
            f.write("Actor %d\tstate\tA%d|Alias %d\trequired\n" % (i, i, i))
    pairs = []
    with open(out + "/gold/relations.tsv", "w") as f:
        f.write("subject\trelation\tobject\tstatus\tevidence\n")
        for i in range(nr):
            if i % 2:  # between actors the graph has
                a, b = random.randrange(gn), random.randrange(gn)
                pairs.append((a, b, rels[i % 7]))
                a, b = a * step, b * step
            else:
                a, b = random.randrange(ne), random.randrange(ne)
            f.write("Actor %d\t%s\tActor %d|Actor %d\t%s\tx\n" % (a, rels[i % 7], b, (b + 1) % ne,
                    "required" if i % 3 else "optional"))
    with open(out + "/g.graphml", "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                '<key id="label" for="node" attr.name="label" attr.type="string"/>\n'
                '<key id="type" for="node" attr.name="type" attr.type="string"/>\n'
                '<key id="relation" for="edge" attr.name="relation" attr.type="string"/>\n'
                '<graph edgedefault="directed">\n')
        for j in range(gn):
            f.write('<node id="n%d"><data key="label">Actor %d</data><data key="type">state</data></node>\n' % (j, j * step))
        seen = set()  # no loop, no parallel or reversed twin: the graph newsgraph reads is the file
        for i in range(ge):
            a, b, r = pairs[i] if i % 2 and i < len(pairs) else (random.randrange(gn), random.randrange(gn), rels[i % 7])
            if a == b or (min(a, b), max(a, b), r) in seen:
                continue
            seen.add((min(a, b), max(a, b), r))
            f.write('<edge source="n%d" target="n%d"><data key="relation">%s</data></edge>\n' % (a, b, r))
        f.write('</graph>\n</graphml>\n')
make(sys.argv[1] + "/small", 300, 1200, 60, 300)
slow = os.environ.get("NG_SLOW") == "1"
make(sys.argv[1] + "/large", 10000 if slow else 100000, 50000 if slow else 500000, 1000 if slow else 10000, 5000 if slow else 50000)
PY
# The small case against the reference scorer when it is here (the same rules).
ng eval "$tmp/small/gold" "$tmp/small/g.graphml"
expect_rc 0 "a small generated gold"
if [ -x "$root/../shared/eval/score" ] || [ -x /work/shared/eval/score ]; then
  score=$([ -x "$root/../shared/eval/score" ] && echo "$root/../shared/eval/score" || echo /work/shared/eval/score)
  want=$("$score" "$tmp/small/gold" "$tmp/small/g.graphml" | tail -n 1 | sed 's/ type-accuracy=.*//')
  got=$(tail -n 1 "$tmp/out" | sed 's/ type-accuracy=.*//')
  [ "$want" = "$got" ] && ok || fail "a small generated gold: '$got', the reference scorer says '$want'"
fi
timeout 100 "$raw_bin" eval "$tmp/large/gold" "$tmp/large/g.graphml" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "a large gold (within 100 s; it was quadratic)"
grep -q '^summary: ' "$tmp/out" && ok || fail "a large gold: no summary"
finish
