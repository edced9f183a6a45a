#!/usr/bin/env bash
# Validates the reports report_samples wrote for the export tests' graphs (hostile text, a
# plain graph, an empty graph): XML and HTML5 well-formed, every section present, nothing
# fetched from elsewhere, Markdown tables intact; hostile strings appear escaped. Then checks
# that the checker itself rejects broken copies.
set -u
dir=${1:?usage: check_samples.sh DIR}
root=${NG_ROOT:?}
command -v xmllint >/dev/null || { echo "xmllint not installed"; exit 77; }
check="/usr/bin/python3 $root/tests/report/check_report.py"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }

for name in hostile plain empty; do
  [ -s "$dir/$name.html" ] || fail "$name.html not written"
  [ -s "$dir/$name.md" ] || fail "$name.md not written"
done
$check html "$dir"/*.html || fail "HTML reports"
$check md "$dir"/*.md || fail "Markdown reports"
for svg in "$dir"/*.svg; do
  [ -e "$svg" ] || continue
  xmllint --noout "$svg" || fail "$svg is not well-formed"
done
# Escaped, never raw: the label with quotes, ampersand and angle brackets, and entity-like text.
h="$dir/hostile.html"
grep -qF 'Ali &quot;The Lion&quot; O&#39;Brien &amp; Sons &lt;Ltd&gt;' "$h" || fail "quoted label not escaped as expected"
grep -qF '&amp;#1; &amp;nbsp; &amp;amp; ]]&gt; -- &lt;!-- x --&gt;' "$h" || fail "entity-like text not escaped"
grep -qF '<Ltd>' "$h" && fail "raw <Ltd> in the HTML"
grep -qF 'Samples &lt;&amp;&gt; &quot;report&quot;' "$h" || fail "title not escaped"
grep -qF 'Ali "The Lion" O'"'"'Brien &amp; Sons &lt;Ltd&gt;' "$dir/hostile.md" || fail "quoted label in Markdown"
if [ -e "$dir/hostile.svg" ]; then
  grep -q '<svg class="graph"' "$h" || fail "hostile.svg written but no inline picture"
  grep -qF '](hostile.svg)' "$dir/hostile.md" || fail "Markdown does not link hostile.svg"
fi
grep -qF 'No picture: the graph has no actors.' "$dir/empty.html" || fail "empty report has no note"

# The checker must be able to fail.
cp "$dir/plain.html" "$tmp/a.html"; sed -i 's|<section id="timeline">|<section id="timeline"><p>|' "$tmp/a.html"
$check html "$tmp/a.html" >/dev/null && fail "checker accepted an unclosed <p>"
cp "$dir/plain.html" "$tmp/b.html"; sed -i 's|<section id="matrix">|<section id="other">|' "$tmp/b.html"
$check html "$tmp/b.html" >/dev/null && fail "checker accepted a missing section"
cp "$dir/plain.html" "$tmp/c.html"; sed -i 's|</head>|<link rel="stylesheet" href="https://example.org/x.css" /></head>|' "$tmp/c.html"
$check html "$tmp/c.html" >/dev/null && fail "checker accepted an external style sheet"
cp "$dir/plain.md" "$tmp/d.md"; sed -i 's/^| met | 0 | 0 |$/| met | 0 | 0 | 9 |/' "$tmp/d.md"
cmp -s "$dir/plain.md" "$tmp/d.md" && fail "could not break the Markdown copy"
$check md "$tmp/d.md" >/dev/null && fail "checker accepted a broken table row"
echo "report samples: $fails failed"
[ $fails = 0 ]
