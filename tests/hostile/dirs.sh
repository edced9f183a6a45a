#!/usr/bin/env bash
# Hostile directory trees: symbolic-link loops, a dangling link, a FIFO and a link to a
# device, directories nested deeper than 64 levels, an unreadable file (skipped as a check
# when running as root, who reads everything), and 3,000 tiny files. Every odd entry is
# reported by name; the run ends, and the rest of the corpus is kept.
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
