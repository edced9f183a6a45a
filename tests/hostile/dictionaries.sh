#!/usr/bin/env bash
# The user's own dictionaries (--actors, --lexicon) when they are broken: bad rows are reported
# with the file and line and skipped (a trigger row naming an undeclared relation stops the
# run instead, exit 2), a file that is not a dictionary (binary, no header) is
# reported and ignored, a missing file stops the run before any work (exit 1). The graph of
# the corpus is unchanged by what was skipped.
source "$(dirname "$0")/lib.sh"
base_graph
printf 'name,type,aliases\nAcme Widgets Ltd,organization,Acme\n,person,\nBob Example,wizard,\nCarol Example,,\nDan Example,"wiz\nard: forged line",\n' >"$tmp/actors.csv"
build_and_compare "$tmp/base" "broken --actors rows" --actors "$tmp/actors.csv"
expect_msg "actors.csv:3: empty name" "empty name"
expect_msg "actors.csv:4: unknown type 'wizard'" "unknown type"
expect_msg "actors.csv:5: empty type" "empty type"
expect_msg "actors.csv:6: unknown type 'wiz\nard: forged line'" "a type over two lines is reported on one"

# A file saved as Latin-1, not UTF-8: read with U+FFFD for the bad bytes, one warning naming
# the first such line; a lone continuation byte before a letter once stalled the tokenizer.
printf 'name,type,aliases\nSoci\xe9t\xe9 Exemple,organization,SE\nAda Quill,person,Ada \xa0uill|Ada \xa05\nValid Row Org,organization,\n' >"$tmp/latin1.csv"
build_and_compare "$tmp/base" "a Latin-1 --actors file" --actors "$tmp/latin1.csv"
expect_msg "latin1.csv:2: not valid UTF-8 (2 lines): invalid bytes read as U+FFFD" "Latin-1 file: first bad line and count"

head -c 3000 /bin/true >"$tmp/binary.csv"
build_and_compare "$tmp/base" "a binary --actors file" --actors "$tmp/binary.csv"
expect_msg "binary.csv" "binary actors file named"
: >"$tmp/empty.csv"
build_and_compare "$tmp/base" "an empty --actors file" --actors "$tmp/empty.csv"
expect_msg "empty.csv" "empty actors file named"

printf 'relation,form,pattern,object,flags\nmet,verb,,with,pair\nmet,adverb,frob,,\nmet,verb,a b c d e f g h i j k,with,pair\n' >"$tmp/lexicon.csv"
build_and_compare "$tmp/base" "broken --lexicon rows" --lexicon "$tmp/lexicon.csv"
expect_msg "lexicon.csv:2: empty pattern" "empty pattern"
expect_msg "lexicon.csv:3: unknown form" "unknown form"
expect_msg "lexicon.csv:4: " "overlong pattern"

# A row naming a relation that is not declared is not skipped: a typo would silently lose a
# whole relation type, so the run stops before any work (exit 2), the line named.
printf 'relation,form,pattern,object,flags\nmet,verb,huddled with,,pair\nfrobbed,verb,frob,,\n' >"$tmp/undeclared.csv"
rm -f "$tmp/got.graphml"
ng build "$tmp/base" --lexicon "$tmp/undeclared.csv" -o "$tmp/got.graphml"
expect_rc 2 "an undeclared relation in --lexicon"
expect_msg "undeclared.csv:3: relation 'frobbed' is not declared" "undeclared relation named"
expect_no_msg "articles read" "an undeclared relation stops the run before reading"
[ -e "$tmp/got.graphml" ] && fail "an undeclared relation left an output" || ok

rm -f "$tmp/got.graphml"
ng build "$tmp/base" --actors "$tmp/missing.csv" -o "$tmp/got.graphml"
expect_rc 1 "a missing --actors file"
expect_msg "missing.csv: cannot open" "missing file named"
expect_no_msg "articles read" "a missing dictionary stops the run before reading"
[ -e "$tmp/got.graphml" ] && fail "a missing dictionary left an output" || ok
finish
