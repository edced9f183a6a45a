#!/usr/bin/env bash
# Hostile directory trees: symbolic-link loops, a dangling link, a FIFO and a link to a
# device, directories nested deeper than 64 levels, an unreadable file (skipped as a check
# when running as root, who reads everything), 3,000 tiny files, and a "diamond" of links
# (issue 18, item 7: each of 22 levels links twice to the next - 2^22 paths, 23 directories).
# Every odd entry is reported by name; the run ends, and the rest of the corpus is kept.
source "$(dirname "$0")/lib.sh"
base_graph

with_base tree
mkdir -p "$tmp/tree/sub"
ln -s .. "$tmp/tree/sub/up"          # a loop through the parent
ln -s . "$tmp/tree/sub/self"         # a loop onto itself
ln -s "$tmp/nowhere" "$tmp/tree/dangling.txt"
mkfifo "$tmp/tree/pipe.txt"
ln -s /dev/zero "$tmp/tree/zero.txt"
build_and_compare "$tmp/tree" "links, FIFO, device"
expect_msg "tree/sub/up: directory loop" "loop through the parent"
expect_msg "tree/sub/self: directory loop" "loop onto itself"
expect_msg "tree/dangling.txt: cannot read" "dangling link"
expect_msg "tree/pipe.txt: not a regular file" "FIFO (must not block)"
expect_msg "tree/zero.txt: not a regular file" "link to /dev/zero"

# A diamond: each directory is walked once, whatever the number of paths to it. Without that
# the walk lists 2^22 paths (minutes, hundreds of MB): `timeout` turns that hang into a failure.
with_base diamond
for i in $(seq -w 0 22); do mkdir -p "$tmp/diamond/d/l$i"; done
for i in $(seq 0 21); do
  n=$(printf '%02d' $((i + 1)))
  ln -s "../l$n" "$tmp/diamond/d/l$(printf '%02d' "$i")/a"
  ln -s "../l$n" "$tmp/diamond/d/l$(printf '%02d' "$i")/b"
done
printf 'date 2023-06-01\nKenya and Uganda signed a pipeline agreement in Nairobi on Friday.\n' >"$tmp/diamond/d/l22/bottom.txt"
ln -s .. "$tmp/diamond/d/l22/back"   # and a loop at the bottom
cp "$tmp/diamond/d/l22/bottom.txt" "$tmp/ref-bottom.txt"
deep="$tmp/ref/d/l00/$(printf 'a/%.0s' $(seq 22))" # the article's id: its first path
mkdir -p "$deep" && cp "$tmp/base"/*.txt "$tmp/ref/" && cp "$tmp/ref-bottom.txt" "$deep/bottom.txt"
ng build -q -j2 "$tmp/ref" -o "$tmp/ref.graphml"
timeout 100 "$raw_bin" build -j2 "$tmp/diamond" -o "$tmp/got.graphml" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "a diamond of 22 levels of links (124: still walking after 100 s)"
expect_same_graph "$tmp/ref.graphml" "$tmp/got.graphml" "the diamond's one article and the corpus"
expect_msg "4 articles read" "the bottom article read once"
expect_msg "/b: a directory read already (through another link" "a second link is named"
expect_msg "more links to files or directories read already" "the rest are counted"
expect_msg "/a/back: directory loop" "the loop at the bottom"
expect_one_line_reports "diamond"

# 70 levels deep: the levels past 64 are skipped with a message.
with_base deep
d="$tmp/deep"
for i in $(seq 70); do d="$d/d"; done
mkdir -p "$d"
printf 'Kenya and Uganda signed a pipeline agreement in Nairobi on Friday.\n' >"$d/deep.txt"
build_and_compare "$tmp/deep" "70 nested directories"
expect_msg "directories nested deeper than 64 levels" "depth cap"

# An unreadable file.
with_base perm
printf 'Kenya and Uganda signed a pipeline agreement in Nairobi on Friday.\n' >"$tmp/perm/secret.txt"
chmod 000 "$tmp/perm/secret.txt"
if [ "$(id -u)" = 0 ]; then
  echo "skipped: unreadable file (running as root: every file is readable)"
else
  build_and_compare "$tmp/perm" "an unreadable file"
  expect_msg "perm/secret.txt: cannot open" "unreadable file named"
fi
chmod 600 "$tmp/perm/secret.txt"

# 3,000 tiny files in 30 directories: read in sorted order, in bounded time.
with_base many
for dir in $(seq -w 30); do
  mkdir -p "$tmp/many/m$dir"
  for f in $(seq -w 100); do printf 'Note %s-%s: nothing happened today.\n' "$dir" "$f" >"$tmp/many/m$dir/n$f.txt"; done
done
t0=$(now)
ng build -j2 "$tmp/many" -o "$tmp/got.graphml"
expect_rc 0 "3,000 tiny files"
expect_same_graph "$tmp/base.graphml" "$tmp/got.graphml" "3,000 tiny files: the rest of the corpus"
expect_msg "3003 articles read (0 skipped)" "3,000 tiny files all read"
echo "3,000 tiny files: $(elapsed "$t0") s"
finish
