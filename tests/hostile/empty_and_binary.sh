#!/usr/bin/env bash
# Empty files and binary files in a corpus directory: each is reported by name and skipped,
# the run succeeds, and the graph is the one the clean corpus gives.
source "$(dirname "$0")/lib.sh"
base_graph

with_base empty
: >"$tmp/empty/blank.txt"
printf '' | gzip -c >"$tmp/empty/blank.txt.gz"
printf 'id,text\n' >"$tmp/empty/header-only.csv"
: >"$tmp/empty/nothing.csv"
printf '\xff\xfe' >"$tmp/empty/bom-only.txt"
build_and_compare "$tmp/empty" "empty files"
expect_msg "empty/blank.txt: empty file" "empty .txt"
expect_msg "empty/blank.txt.gz: empty file" "empty .txt.gz"
expect_msg "empty/bom-only.txt: empty file" "UTF-16 byte-order mark alone"
expect_msg "nothing.csv: empty file" "empty .csv"
expect_msg "(4 skipped)" "empty files counted" # the header-only CSV is a corpus of no rows

with_base binary
# A real PNG (1x1 pixel) and JPEG header, an ELF executable, a zip archive: named as images they
# are not articles (counted in one line); named as articles they are read and found binary.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82' >"$tmp/binary/photo.png"
printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00C\x00\x08\x06\x06\x07\x06\x05\x08\x07\x07\x07' >"$tmp/binary/photo.jpg"
cp "$tmp/binary/photo.png" "$tmp/binary/scan.txt"
cp "$tmp/binary/photo.jpg" "$tmp/binary/page.html"
cp /bin/true "$tmp/binary/tool"
mkdir -p "$tmp/binary/sub"
cp /bin/true "$tmp/binary/sub/article.txt" # an executable with a text name
build_and_compare "$tmp/binary" "binary files"
expect_msg "2 files are not articles, skipped (photo.jpg, photo.png)" "images are not articles"
expect_msg "binary/scan.txt: binary file" "PNG named .txt"
expect_msg "binary/page.html: binary file" "JPEG named .html"
expect_msg "binary/tool: binary file" "ELF executable"
expect_msg "binary/sub/article.txt: binary file" "ELF named .txt"
expect_msg "(4 skipped)" "binary files counted"
finish
