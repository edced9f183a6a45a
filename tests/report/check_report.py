#!/usr/bin/python3
"""Checks reports written by `newsgraph report`.

usage: check_report.py html FILE.html...   well-formed XML (xmllint --noout), HTML5 without
                                           parse errors (html5lib, strict; xmllint --html
                                           may only object to HTML5/SVG tag names), every
                                           section present, nothing fetched from elsewhere
       check_report.py md FILE.md...       every section present, every table row has as
                                           many cells as its header, no raw HTML tag
Prints one line per problem and exits 1 when there is one (0 otherwise).
"""
import re
import subprocess
import sys

SECTIONS = ["summary", "picture", "centrality", "communities", "matrix", "timeline",
            "evidence", "definitions"]
MD_HEADINGS = ["## Summary", "## The graph", "## Central actors", "## Communities",
               "## Who did what to whom", "## Timeline",
               "## Evidence for the strongest relations", "## Definitions"]
# Elements libxml2's HTML 4 parser does not know: the only complaint xmllint --html may make.
HTML5_AND_SVG = set("""article aside figcaption figure footer header main nav section svg g
    title path polygon polyline ellipse text a defs circle rect line wbr""".split())

problems = []


def problem(path, msg):
    problems.append(f"{path}: {msg}")


def check_html(path):
    data = open(path, "rb").read()
    text = data.decode("utf-8", errors="replace")
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True,
                       errors="replace")
    if r.returncode != 0:
        problem(path, "not well-formed XML: " + r.stderr.strip().splitlines()[0])
    r = subprocess.run(["xmllint", "--html", "--noout", path], capture_output=True, text=True,
                       errors="replace")
    for line in r.stderr.splitlines():
        m = re.match(r"^\S+: HTML parser (error|warning) : (.*)$", line)
        if not m:
            continue
        tag = re.match(r"Tag (\S+) invalid$", m.group(2))
        if not tag or tag.group(1) not in HTML5_AND_SVG:
            problem(path, "xmllint --html: " + m.group(2))
    try:
        import html5lib
    except ImportError:
        html5lib = None
        print(f"{path}: html5lib is not installed (python3-html5lib): HTML5 parse not checked")
    if html5lib is not None:
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(data)
        for pos, err, detail in parser.errors[:5]:
            problem(path, f"HTML5 parse error at line {pos[0]}: {err} {detail}")
    for sid in SECTIONS:
        if not re.search(r'<section id="%s">\s*<h2>' % sid, text):
            problem(path, f"section #{sid} missing")
    if not text.startswith("<!DOCTYPE html>\n"):
        problem(path, "does not start with <!DOCTYPE html>")
    # Self-contained: no script, no style sheet, image, frame or font from anywhere.
    for pat, what in [(r"<script", "a script"), (r"<link\b", "a <link>"),
                      (r"<(img|iframe|object|embed|video|audio)\b", "an embedded resource"),
                      (r"@import|url\(", "a CSS import or url()"),
                      (r"\bsrc\s*=", "a src attribute"),
                      (r"\bon[a-z]+\s*=\s*\"", "an event handler attribute")]:
        if re.search(pat, text, re.I):
            problem(path, f"contains {what}")
    for href in re.findall(r'href\s*=\s*"([^"]*)"', text):
        if not href.startswith("#"):
            problem(path, f"links outside the page: {href[:80]}")


def cells(line):
    """The number of cells of a Markdown table row: unescaped pipes, minus the outer two."""
    n, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            n += 1
        i += 1
    return n - 1


def check_md(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    for h in MD_HEADINGS:
        if h not in lines:
            problem(path, f"heading '{h}' missing")
    header = None
    for no, line in enumerate(lines, 1):
        if line.startswith("|"):
            if header is None:
                header = cells(line)
            elif cells(line) != header:
                problem(path, f"line {no}: {cells(line)} cells, the table has {header}")
        else:
            header = None
    if re.search(r"<[A-Za-z/!?]", text):
        problem(path, "raw HTML in the Markdown: " + re.search(r"<[A-Za-z/!?].{0,40}", text).group(0))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("html", "md"):
        print(__doc__)
        return 2
    for path in sys.argv[2:]:
        (check_html if sys.argv[1] == "html" else check_md)(path)
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
