#!/usr/bin/env python3
"""The examples cannot rot: every `newsgraph COMMAND ...` in the man page's EXAMPLES and in the
README's code blocks is run with --help appended, which parses each option and its value as a
real run would (an unknown option, a misspelt one, a value of the wrong kind exits 2) and then
prints the help instead of reading inputs. The README's examples call the installed `newsgraph`,
never `build/newsgraph`.

usage: check_examples.py NEWSGRAPH MAN_PAGE README.md [DOC.md ...] (docs/*.md: the recipes moved there)"""
import os
import re
import shlex
import subprocess
import sys

STOP = {"|", "||", "&&", ";", "&", ">", ">>", "<", "2>", "("}


def man_examples(path):
    """The .EX/.EE blocks of the EXAMPLES section, unescaped."""
    out, section, block = [], None, False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith(".SH "):
            section = line[4:].strip('"')
        elif line == ".EX":
            block = True
        elif line == ".EE":
            block = False
        elif block and section == "EXAMPLES":
            line = line.replace("\\-", "-").replace("\\(en", "\u2013").replace("\\e", "\\")
            out.append(line)
    return out


def readme_blocks(path):
    """(line number, text) of every line in a fenced code block, continuation lines joined."""
    out, fence, pending, start = [], None, "", 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if fence is None:
            m = re.match(r"^\s*(```+|~~~+)", line)
            if m:
                fence = m.group(1)
            continue
        if line.strip().startswith(fence):
            fence = None
            continue
        if not pending:
            start = n
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        out.append((start, pending + line))
        pending = ""
    return out


def invocations(line):
    """The argument lists of every newsgraph call on a shell line ($VARS become 1)."""
    line = re.sub(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?", "1", line)
    lex = shlex.shlex(line, posix=True, punctuation_chars="|&;<>(")
    lex.whitespace_split = True
    try:
        words = list(lex)
    except ValueError:
        return []
    calls = []
    for i, w in enumerate(words):
        if w.split("/")[-1] == "newsgraph" and i + 1 < len(words) and re.match(r"^[a-z]+$", words[i + 1]):
            args = []
            for a in words[i + 1:]:
                if a in STOP or a.startswith(">") or a.startswith("2>"):
                    break
                args.append(a)
            calls.append((w, args))
    return calls


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, page, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    fails, checked, bad = [], 0, 0
    examples = [("man page EXAMPLES", line) for line in man_examples(page)]
    for readme in docs:
        name = os.path.relpath(readme, os.path.dirname(os.path.abspath(docs[0])))
        for n, line in readme_blocks(readme):
            examples.append(("%s:%d" % (name, n), line))
            if re.search(r"(^|[\s|;&(])(\./)?build/newsgraph\b", line):
                fails.append("%s:%d: an example calls build/newsgraph, not newsgraph: %s" % (name, n, line))
        for n, line in enumerate(open(readme, encoding="utf-8"), 1):
            for span in re.findall(r"`([^`]+)`", line):
                if re.match(r"^(\./)?build/newsgraph [a-z]", span):
                    fails.append("%s:%d: `%s` calls build/newsgraph, not newsgraph" % (name, n, span))
    for where, line in examples:
        for _, args in invocations(line):
            checked += 1
            r = subprocess.run([binary] + args + ["--help"], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            head = r.stdout.decode("utf-8", "replace").split("\n", 1)[0]
            if r.returncode != 0 or not head.startswith("usage: newsgraph " + args[0]):
                bad += 1
                fails.append("%s: `newsgraph %s` does not parse (exit %d): %s" % (
                    where, " ".join(args), r.returncode,
                    r.stderr.decode("utf-8", "replace").strip()[:200]))
    if checked < 8:
        fails.append("only %d newsgraph examples found (the man page alone has 10)" % checked)
    for f in fails:
        print("FAIL: " + f)
    print("examples: %d of %d parse; %d failed" % (checked - bad, checked, len(fails)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
