#!/usr/bin/env python3
"""check_relations.py - the relation table is well-formed and the README shows it as it is.

Usage: check_relations.py RELATIONS_CSV README_MD

extract/data/relations.csv is the one definition of the relation types (core/relations.c reads
it for every stage). This checks its rows by the rules core applies to a user's --relations
file, plus the built-in ones (the first seven rows are today's relations in today's order, so
the outputs keep their bytes), and that the table under "### Relations" in the README lists the
same relations, in the same order, with the same direction, hostility, standing and description.
Exit 0 when all is well, 1 with one line per problem otherwise.
"""
import csv
import re
import sys

HEADER = ["name", "direction", "hostile", "subjects", "objects", "description", "standing"]
TYPES = {"person", "state", "organization", "place"}
FIRST_SEVEN = ["met", "signed", "withdrew", "condemned", "cut_ties", "member_of", "affiliated_with"]


def check_csv(path, errors):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != HEADER:
        errors.append(f"{path}:1: the header must be {','.join(HEADER)}")
        return []
    out = []
    for line, row in enumerate(rows[1:], start=2):
        where = f"{path}:{line}"
        if len(row) != len(HEADER):
            errors.append(f"{where}: {len(row)} fields, want {len(HEADER)}")
            continue
        r = dict(zip(HEADER, row))
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,31}", r["name"]):
            errors.append(f"{where}: bad name '{r['name']}'")
        if r["name"] in [o["name"] for o in out]:
            errors.append(f"{where}: '{r['name']}' listed twice")
        if r["direction"] not in ("directed", "symmetric"):
            errors.append(f"{where}: direction '{r['direction']}'")
        if r["hostile"] not in ("yes", "no"):
            errors.append(f"{where}: hostile '{r['hostile']}'")
        if r["standing"] not in ("yes", "no"):
            errors.append(f"{where}: standing '{r['standing']}'")
        for col in ("subjects", "objects"):
            items = r[col].split("|")
            if not r[col] or any(t not in TYPES for t in items):
                errors.append(f"{where}: {col} '{r[col]}' (use {'|'.join(sorted(TYPES))})")
            if "place" in items:
                errors.append(f"{where}: a built-in relation never takes a place")
        if not r["description"] or len(r["description"].encode()) > 240:
            errors.append(f"{where}: the description must be 1 to 240 bytes")
        out.append(r)
    if [r["name"] for r in out[:7]] != FIRST_SEVEN:
        errors.append(f"{path}: the first rows must stay {', '.join(FIRST_SEVEN)} in this order "
                      "(new relations go at the end)")
    return out


def readme_rows(path, errors):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^### Relations\n(.*?)(?=^#)", text, re.S | re.M)
    if not m:
        errors.append(f"{path}: no '### Relations' section")
        return []
    rows = []
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`"):
            rows.append(cells)
    return rows


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    errors = []
    table = check_csv(argv[1], errors)
    shown = readme_rows(argv[2], errors)
    if [c[0].strip("`") for c in shown] != [r["name"] for r in table]:
        errors.append(f"{argv[2]}: the Relations table lists {[c[0].strip('`') for c in shown]}, "
                      f"relations.csv {[r['name'] for r in table]}")
    for cells, r in zip(shown, table):
        direction = "symmetric" if r["direction"] == "symmetric" else "subject -> object"
        want = [direction, r["hostile"], r["standing"], r["description"]]
        if cells[1:] != want:
            errors.append(f"{argv[2]}: the row of '{r['name']}' says {cells[1:]}, relations.csv "
                          f"{want}")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
