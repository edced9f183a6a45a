#!/usr/bin/python3
"""check_data.py - checks the built-in dictionaries in extract/data/ (states, organizations,
bodies, titles) before they are embedded into the binary.

Usage: check_data.py [DATA_DIR] [--self-test]
  DATA_DIR     the directory holding states.csv, organizations.csv, bodies.csv, titles.csv
               (default: extract/data next to this tests/ folder).
  --self-test  also proves the checker can fail: it breaks temporary copies of the data in
               several ways (duplicate alias, bad header, missing demonym, a person, ...) and
               fails unless every broken copy is rejected.
Exit 0 when everything holds, 1 otherwise; every problem is printed as FILE:LINE: what.
Standard library only (csv), so it runs with /usr/bin/python3 anywhere.
"""
import csv
import os
import re
import shutil
import sys
import tempfile
import unicodedata

ACTOR_HEADER = ["name", "type", "aliases", "demonyms", "capital", "seats"]
# states.csv adds the ISO 3166-1 alpha-3 code (core/states.c writes it as the `code` attribute)
STATE_HEADER = ACTOR_HEADER + ["code"]
BODY_HEADER = ["name", "aliases", "type"]
TITLE_HEADER = ["title", "kind", "body"]
TREATY_HEADER = ["name", "organization", "aliases"]
TRIGGER_HEADER = ["relation", "form", "pattern", "object", "flags"]
TITLE_KINDS = {"office", "military", "honorific", "religious", "royal", "role"}
MIN_STATES = 193

# States whose only English demonym is taken by a namesake that news means far more often
# (see extract/data/README.md): they may have an empty demonyms column.
DEMONYM_EXEMPT = {
    "Dominica": "'Dominican' belongs to the Dominican Republic",
    "Republic of the Congo": "'Congolese' belongs to the Democratic Republic of the Congo",
    "Republika Srpska": "'Bosnian Serb' names an ethnic group of Bosnia and Herzegovina, not the entity",
    "Donetsk People's Republic": "no English adjective; 'Donetsk' alone is the city and region",
    "Luhansk People's Republic": "no English adjective; 'Luhansk' alone is the city and region",
}

# Ordinary English words that must never be a mixed-case name, alias, demonym, capital or seat
# (the engine matches those case-insensitively). All-caps acronyms ("WHO", "US") are matched
# with their exact case and are not concerned.
COMMON_WORDS = set("""
a an and are as at be but by can do for from go he her his how i if in is it its me my no
not of on or our out so than that the their them then there these they this to up us was we
what when where which who why will with you your aid all any art bank board body camp case
chair chief city council court day deal defense defence force forces fund group guard head
home house interior justice labour labor law league leader may military minister ministry
mission movement nation national navy new news office order party peace people police post
power press public rally red reform republic rights security senate service state states
sun time times total trade union unity us world male mean polish august march congress
amnesty fed guardian economist patriot alliance coalition commission assembly parliament
""".split())

# Given names: a name, alias or capital starting with one of these looks like a person.
GIVEN_NAMES = set("""
Vladimir Sergei Sergey Dmitry Dmitri Andrey Andrei Alexander Aleksandr Alexei Alexey Yevgeny
Yevgeniy Mikhail Nikolai Ivan Maria Mariya Yulia Volodymyr Petro Oleksandr Olena Donald Joe
Joseph Barack Hillary Kamala Antony Marco JD Emmanuel Olaf Friedrich Angela Keir Rishi Boris
Theresa David James John Michael Robert William Charles Elizabeth Mary Paul Peter Thomas
Xi Li Wang Hu Jiang Narendra Rahul Recep Tayyip Benjamin Yair Isaac Mahmoud Ismail Yahya
Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Hassan Hussein Hosni Abdel Abdul
Abdelfattah Bashar Ebrahim Masoud Ruhollah Ali-Khamenei Assimi Ibrahim Abdourahamane Mahamat
Idriss Faustin Felix Félix Paul Cyril Bola Muhammadu Jacob Nelson Yoweri Abiy Kim Shinzo Fumio
Shigeru Yoon Lee Moon Lula Luiz Javier Gustavo Nicolas Nicolás Jair Andrés Claudia Giorgia
Pedro Ursula Kaja Josep Antonio António Jens Mark Viktor Aleksandar Ilham Nikol Kassym-Jomart
Shavkat Emomali Alexander Lukashenko Recep Volodymyr Gen. Col. Mr. Mrs. Ms. Dr.
""".split())
PERSON_TOKENS = {"bin", "ibn", "Jr.", "Sr.", "Jr", "Sr"}
PERSON_TITLE_PREFIXES = ("President ", "Prime Minister ", "King ", "Queen ", "Pope ", "Emir ",
                         "Sheikh ", "Sultan ", "Prince ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ",
                         "Gen. ", "Col. ", "Sir ", "Minister ")


def is_allcaps(s):
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fold(s):
    """Comparison key as the engine sees a phrase: accents off, lower case, curly quotes and
    dashes unified, periods dropped ("U.S." = "US"), spaces collapsed."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    for d in ("\u2010", "\u2011", "\u2012", "\u2013", "\u2014"):
        s = s.replace(d, "-")
    s = s.replace(".", "")
    return " ".join(s.lower().split())


def caps_key(s):
    return " ".join(s.replace(".", "").split())


class Checker:
    def __init__(self, data_dir, header_dir=None):
        self.dir = data_dir
        # where extract_internal.h is looked for (its parent); a scratch copy of the data
        # (the self-test) passes the real data directory
        self.header_dir = header_dir or data_dir
        self.errors = []

    def err(self, file, line, msg):
        self.errors.append(f"{file}:{line}: {msg}")

    # ---------------------------------------------------------------- reading
    def read(self, file, header):
        path = os.path.join(self.dir, file)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            self.err(file, 0, f"cannot read: {e}")
            return []
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(file, 0, f"not valid UTF-8 ({e})")
            return []
        if text.startswith("\ufeff"):
            self.err(file, 1, "starts with a byte-order mark; save as plain UTF-8")
        if "\r" in text:
            self.err(file, 0, "has CR characters; use LF line ends")
        if text and not text.endswith("\n"):
            self.err(file, text.count("\n") + 1, "the last line has no newline")
        for n, line in enumerate(text.split("\n"), 1):
            if line.startswith("#"):
                self.err(file, n, "comment line: libcsv has no comments, document in README.md")
            elif line.strip() == "" and n <= text.count("\n"):
                self.err(file, n, "empty line")
        rows = []
        reader = csv.reader(text.splitlines(True), strict=True)
        try:
            first = True
            for fields in reader:
                line = reader.line_num
                if first:
                    first = False
                    if fields != header:
                        self.err(file, line, f"header is {fields!r}, must be exactly {','.join(header)}")
                    continue
                if not fields:
                    continue
                if len(fields) != len(header):
                    self.err(file, line, f"{len(fields)} fields, expected {len(header)}")
                    continue
                rows.append((line, dict(zip(header, fields))))
        except csv.Error as e:
            self.err(file, reader.line_num, f"CSV syntax error: {e}")
        if first:
            self.err(file, 1, "empty file (no header)")
        return rows

    def items(self, file, line, col, value, allow_the=False):
        """Splits a '|' list, checking each item's shape."""
        if value == "":
            return []
        out = []
        for item in value.split("|"):
            if item == "":
                self.err(file, line, f"{col}: empty item in '{value}' (stray '|')")
                continue
            if item != item.strip() or "  " in item:
                self.err(file, line, f"{col}: '{item}' has stray spaces")
            if not allow_the and re.match(r"(?i)the\s", item):
                self.err(file, line, f"{col}: '{item}' starts with 'the' (the engine strips it)")
            if item in out:
                self.err(file, line, f"{col}: '{item}' listed twice")
            out.append(item)
        return out

    def looks_like_person(self, file, line, col, s):
        toks = s.split()
        if toks and toks[0] in GIVEN_NAMES and len(toks) >= 2:
            self.err(file, line, f"{col}: '{s}' looks like a person (starts with a given name); "
                                 "people are never listed in built-in data")
            return
        if any(t in PERSON_TOKENS for t in toks):
            self.err(file, line, f"{col}: '{s}' looks like a person's name; people are never listed")
            return
        for p in PERSON_TITLE_PREFIXES:
            if s.startswith(p) and len(s) > len(p) and s[len(p)].isupper():
                self.err(file, line, f"{col}: '{s}' is a title followed by a name: a person")
                return

    def plain_words(self):
        """The words.csv words of class plainword (read once)."""
        if not hasattr(self, "_plain"):
            self._plain = set()
            try:
                with open(os.path.join(self.dir, "words.csv"), encoding="utf-8") as f:
                    for r in csv.DictReader(f):
                        if "plainword" in (r.get("class") or "").split("|"):
                            self._plain.add(fold(r["word"]))
            except OSError:
                pass
        return self._plain

    def title_case_acronym(self, file, line, col, v):
        """An all-caps acronym of four letters or more also matches in title case ("Nato"):
        unless words.csv lists it as a plainword, its letters must not be an English word."""
        if not (is_allcaps(v) and v.isalpha() and len(v) >= 4):
            return
        if fold(v) in COMMON_WORDS and fold(v) not in self.plain_words():
            self.err(file, line, f"{col}: '{v}' in title case is the word '{fold(v)}'; list it "
                                 "in words.csv as plainword")

    # ---------------------------------------------------------------- actors
    def check_actors(self):
        # Phrase keys across states.csv AND organizations.csv:
        #   caps[key] / folded[key] -> (entry, file, line, column, text)
        caps, folded = {}, {}
        entries = {}      # canonical name -> (file, line)
        states = []       # (line, row, demonyms)

        def claim(entry, file, line, col, s):
            if is_allcaps(s):
                k = caps_key(s)
                prev = caps.get(k)
                if prev is None:
                    prev = folded.get(fold(s))
                if prev is None:
                    caps[k] = (entry, file, line, col, s)
            else:
                if col != "demonyms" and col != "name" and fold(s) in COMMON_WORDS:
                    self.err(file, line, f"{col}: '{s}' is an ordinary English word; it would match "
                                         "ordinary text (write acronyms in capitals)")
                k = fold(s)
                prev = folded.get(k)
                if prev is None:
                    for ck, cv in caps.items():
                        if fold(ck) == k:
                            prev = cv
                            break
                if prev is None:
                    folded[k] = (entry, file, line, col, s)
            if prev is not None and prev[0] != entry:
                self.err(file, line, f"{col} '{s}' of '{entry}' also names '{prev[0]}' "
                                     f"({prev[1]}:{prev[2]} {prev[3]} '{prev[4]}')")

        for file, want_type in (("states.csv", "state"), ("organizations.csv", "organization"),
                                ("places.csv", "place")):
            rows = self.read(file, STATE_HEADER if file == "states.csv" else ACTOR_HEADER)
            if file == "states.csv":
                n_states = len(rows)
                codes = {}
                for line, r in rows:
                    c = r["code"]
                    if c and not re.fullmatch(r"[A-Z]{3}", c):
                        self.err(file, line, f"code '{c}' is not an ISO 3166-1 alpha-3 code (three capitals)")
                    elif c in codes:
                        self.err(file, line, f"code '{c}' also at line {codes[c]}")
                    elif c:
                        codes[c] = line
                if len(codes) < MIN_STATES:
                    self.err(file, 0, f"only {len(codes)} states have an ISO code")
            for line, r in rows:
                name = r["name"]
                if name == "" or name != name.strip():
                    self.err(file, line, f"name '{name}' is empty or has stray spaces")
                    continue
                if re.match(r"(?i)the\s", name):
                    self.err(file, line, f"name '{name}' starts with 'the'")
                if r["type"] != want_type:
                    self.err(file, line, f"type '{r['type']}' must be '{want_type}' in {file}")
                if name in entries:
                    p = entries[name]
                    self.err(file, line, f"'{name}' is listed twice (first at {p[0]}:{p[1]})")
                    continue
                entries[name] = (file, line)
                aliases = self.items(file, line, "aliases", r["aliases"])
                demonyms = self.items(file, line, "demonyms", r["demonyms"])
                capital = self.items(file, line, "capital", r["capital"])
                seats = self.items(file, line, "seats", r["seats"])
                if file == "organizations.csv" and (demonyms or capital):
                    self.err(file, line, "organizations have no demonyms or capital")
                if file == "places.csv" and (demonyms or capital or seats):
                    self.err(file, line, "places have no demonyms, capital or seats")
                for c in capital:
                    if fold(c) == fold(name):
                        self.err(file, line, f"capital '{c}' equals the state's name: leave it empty")
                for col, vals in (("name", [name]), ("aliases", aliases), ("demonyms", demonyms),
                                  ("capital", capital), ("seats", seats)):
                    for v in vals:
                        self.looks_like_person(file, line, col, v)
                        claim(name, file, line, col, v)
                        self.title_case_acronym(file, line, col, v)
                if file == "states.csv":
                    states.append((line, r, demonyms))

        if n_states < MIN_STATES:
            self.err("states.csv", 0, f"only {n_states} states; all {MIN_STATES} UN members must be listed")
        for line, r, dem in states:
            if not dem and r["name"] not in DEMONYM_EXEMPT:
                self.err("states.csv", line, f"'{r['name']}' has no demonym (every state needs one "
                                             "unless exempted with a reason in check_data.py and README.md)")
            if dem and r["name"] in DEMONYM_EXEMPT:
                self.err("states.csv", line, f"'{r['name']}' is exempted from demonyms "
                                             f"({DEMONYM_EXEMPT[r['name']]}) but has some")

    # ---------------------------------------------------------------- bodies
    def check_bodies(self):
        rows = self.read("bodies.csv", BODY_HEADER)
        names, seen = set(), {}
        for line, r in rows:
            name = r["name"]
            if name == "" or name != name.strip():
                self.err("bodies.csv", line, f"name '{name}' is empty or has stray spaces")
                continue
            if r["type"] not in ("organization", "state"):
                self.err("bodies.csv", line,
                         f"type '{r['type']}' must be 'organization' or 'state'")
            if name in names:
                self.err("bodies.csv", line, f"body '{name}' listed twice")
            names.add(name)
            for v in [name] + self.items("bodies.csv", line, "aliases", r["aliases"]):
                self.looks_like_person("bodies.csv", line, "aliases", v)
                k = caps_key(v) if is_allcaps(v) else fold(v)
                if k in seen and seen[k][0] != name:
                    self.err("bodies.csv", line, f"'{v}' of '{name}' also names body '{seen[k][0]}' "
                                                 f"(bodies.csv:{seen[k][1]})")
                seen.setdefault(k, (name, line))
        return names

    # ---------------------------------------------------------------- titles
    def check_titles(self, bodies):
        rows = self.read("titles.csv", TITLE_HEADER)
        actors = {r["name"] for f in ("states.csv", "organizations.csv")
                  for _, r in self.read(f, ACTOR_HEADER if f == "organizations.csv" else STATE_HEADER)}
        states = {r["name"] for _, r in self.read("states.csv", STATE_HEADER)}
        seen = {}
        for line, r in rows:
            t = r["title"]
            if t == "" or t != t.strip():
                self.err("titles.csv", line, f"title '{t}' is empty or has stray spaces")
                continue
            if t in seen:
                self.err("titles.csv", line, f"title '{t}' listed twice (first at line {seen[t]})")
            seen[t] = line
            if r["kind"] not in TITLE_KINDS:
                self.err("titles.csv", line, f"kind '{r['kind']}' must be one of {sorted(TITLE_KINDS)}")
            if r["kind"] == "religious" and r["body"]:
                # a religious title that always stands for one see ("Pope" -> Vatican)
                if r["body"] not in actors:
                    self.err("titles.csv", line, f"'{r['body']}' of a religious title is not a "
                                                 f"name in states.csv or organizations.csv")
                continue
            if r["kind"] == "office" and r["body"] in actors and r["body"] not in bodies:
                # an office only one state or organization has ("Secretary of State" -> United
                # States, "European Commissioner" -> European Union)
                continue
            if r["body"] and r["body"] not in bodies:
                self.err("titles.csv", line, f"body '{r['body']}' is not a name in bodies.csv")
            if r["body"] and r["kind"] not in ("office", "military"):
                self.err("titles.csv", line, f"a {r['kind']} title heads no body")
            if len(t.split()) > 1 and t.split()[0] in GIVEN_NAMES - {"Gen.", "Col.", "Mr.", "Mrs.", "Ms.", "Dr."}:
                self.err("titles.csv", line, f"title '{t}' looks like a person")
        if len(rows) < 80:
            self.err("titles.csv", 0, f"only {len(rows)} titles")

    # ---------------------------------------------------------------- composed names
    def check_composed(self, bodies):
        """An organization alias "<Demonym> <Body>" (it absorbs a composed body name, e.g.
        'Israeli Armed Forces' -> Israel Defense Forces) must use the state's FIRST demonym,
        the one the engine composes with; otherwise it never matches."""
        first, other = {}, {}
        for line, r in self.read("states.csv", STATE_HEADER):
            dem = [d for d in r["demonyms"].split("|") if d]
            if dem:
                first[dem[0]] = r["name"]
                for d in dem[1:]:
                    other[d] = (r["name"], dem[0])
        for line, r in self.read("organizations.csv", ACTOR_HEADER):
            for a in [r["name"]] + [x for x in r["aliases"].split("|") if x]:
                for b in bodies:
                    if a.endswith(" " + b):
                        d = a[: -len(b) - 1]
                        if d in other and d not in first:
                            st, good = other[d]
                            self.err("organizations.csv", line,
                                     f"'{a}' uses '{d}', but names are composed with {st}'s first "
                                     f"demonym: write '{good} {b}'")

    # ---------------------------------------------------------------- treaties
    def check_treaties(self):
        """treaties.csv (optional): each treaty names an organization of organizations.csv,
        and no treaty name or alias is listed twice."""
        if not os.path.exists(os.path.join(self.dir, "treaties.csv")):
            return
        orgs = set()
        for line, r in self.read("organizations.csv", ACTOR_HEADER):
            orgs.add(r["name"])
        seen = {}
        for line, r in self.read("treaties.csv", TREATY_HEADER):
            if not r["name"] or r["name"] != r["name"].strip():
                self.err("treaties.csv", line, f"name '{r['name']}' is empty or has stray spaces")
            if r["organization"] not in orgs:
                self.err("treaties.csv", line, f"organization '{r['organization']}' is not a name "
                                               f"in organizations.csv")
            for v in [r["name"]] + self.items("treaties.csv", line, "aliases", r["aliases"]):
                k = fold(v)
                if k in seen:
                    self.err("treaties.csv", line, f"'{v}' is listed twice (first at line {seen[k]})")
                seen[k] = line

    def trigger_limits(self):
        """NG_TR_MAX_SLOTS and NG_TR_MAX_ALTS as extract_internal.h defines them (the C loader
        skips a row over either, so the limits are read from the code, not repeated here)."""
        limits = {"NG_TR_MAX_SLOTS": 8, "NG_TR_MAX_ALTS": 24}
        hdr = os.path.join(self.header_dir, "..", "extract_internal.h")
        if os.path.exists(hdr):
            with open(hdr, encoding="utf-8") as f:
                for m in re.finditer(r"#define (NG_TR_MAX_SLOTS|NG_TR_MAX_ALTS) (\d+)", f.read()):
                    limits[m.group(1)] = int(m.group(2))
        return limits["NG_TR_MAX_SLOTS"], limits["NG_TR_MAX_ALTS"]

    def check_triggers(self):
        """triggers.csv (optional): every pattern fits the loader's slots (words) and each word's
        '/' alternatives fit a slot; a row over either would be skipped by every run."""
        if not os.path.exists(os.path.join(self.dir, "triggers.csv")):
            return
        max_slots, max_alts = self.trigger_limits()
        for line, r in self.read("triggers.csv", TRIGGER_HEADER):
            words = r["pattern"].split()
            if len(words) > max_slots:
                self.err("triggers.csv", line, f"pattern has {len(words)} words, the loader takes "
                                               f"{max_slots} (NG_TR_MAX_SLOTS)")
            for w in words:
                alts = [a for a in w.rstrip("?").split("/") if a]
                if len(alts) > max_alts:
                    self.err("triggers.csv", line, f"'{w[:40]}...' has {len(alts)} alternatives, the "
                                                   f"loader takes {max_alts} (NG_TR_MAX_ALTS): split the row")
        # the pattern's byte limit (NG_TR_MAX_PATTERN) and every other reason the C loader
        # skips a row are caught by the unit test builtin_data_rows_all_load

    def run(self):
        self.check_actors()
        self.check_triggers()
        self.check_treaties()
        bodies = self.check_bodies()
        self.check_titles(bodies)
        self.check_composed(bodies)
        return self.errors


# -------------------------------------------------------------------- self-test
def mutate(path, fn):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    lines = fn(lines)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def replace_line(prefix, new):
    def fn(lines):
        for i, l in enumerate(lines):
            if l.startswith(prefix):
                lines[i] = new(l)
                return lines
        raise SystemExit(f"self-test: no line starts with {prefix!r}")
    return fn


BREAKAGES = [
    ("duplicate alias across two states", "states.csv",
     replace_line("Chad,", lambda l: l.replace("Republic of Chad|", "Republic of Chad|Republic of Mali|"))),
    ("alias differing only in case and accents", "states.csv",
     replace_line("Belarus,", lambda l: l.replace("Republic of Belarus|", "Republic of Belarus|russian fédération|"))),
    ("all-caps acronym shared by two organizations", "organizations.csv",
     replace_line("African Union,", lambda l: l.replace("AU|", "AU|UN|"))),
    ("state alias equal to an organization alias", "organizations.csv",
     replace_line("World Bank,", lambda l: l.replace("IBRD", "IBRD|Kremlin"))),
    ("wrong header", "bodies.csv", lambda ls: ["name,alias,type"] + ls[1:]),
    ("comment line", "titles.csv", lambda ls: ls[:1] + ["# military ranks"] + ls[1:]),
    ("state without a demonym", "states.csv",
     replace_line("Mali,", lambda l: l.replace("Malian|Malians", ""))),
    ("a person as an organization", "organizations.csv",
     lambda ls: ls[:-1] + ["Vladimir Putin,organization,Putin,,,", ""]),
    ("bad type", "organizations.csv", replace_line("NATO,", lambda l: l.replace(",organization,", ",alliance,"))),
    ("acronym that is a word in title case", "organizations.csv",
     replace_line("NATO,", lambda l: l.replace(",organization,", ",organization,UNION|"))),
    ("unknown title kind", "titles.csv", replace_line("Pope,", lambda l: "Pope,clergy,")),
    ("title body missing from bodies.csv", "titles.csv",
     replace_line("Foreign Minister,", lambda l: "Foreign Minister,office,Ministry of Magic")),
    ("alias with a leading 'the'", "states.csv",
     replace_line("Netherlands,", lambda l: l.replace("Holland", "Holland|the Netherlands"))),
    ("too few states", "states.csv", lambda ls: ls[:150] + [""]),
    ("empty name", "organizations.csv", lambda ls: ls[:-1] + [",organization,Nothing,,,", ""]),
    ("composed alias with a non-first demonym", "organizations.csv",
     replace_line("Knesset,", lambda l: l.replace("Israeli Parliament", "Israeli Parliament|Israelis Parliament"))),
    ("ordinary English word as an alias", "organizations.csv",
     replace_line("US Congress,", lambda l: l.replace("U.S. Congress|", "U.S. Congress|Congress|"))),
    ("ISO code in lower case", "states.csv", replace_line("Mali,", lambda l: l[:-3] + "mli")),
    ("ISO code twice", "states.csv", replace_line("Niger,", lambda l: l[:-3] + "MLI")),
    ("treaty of an unknown organization", "treaties.csv",
     replace_line("Rome Statute,", lambda l: l.replace("International Criminal Court", "Court of Magic"))),
    ("a trigger word with too many alternatives", "triggers.csv",
     replace_line("met,verb,met/meet", lambda l: l.replace("met/meet/meets/meeting",
                  "/".join(f"w{i}" for i in range(40))))),
    ("a trigger pattern with too many words", "triggers.csv",
     replace_line("met,verb,met/meet", lambda l: l.replace("met/meet/meets/meeting",
                  " ".join(f"w{i}" for i in range(12))))),
    ("unquoted comma", "states.csv",
     replace_line("United States,", lambda l: l.replace('"Washington|Washington, D.C.|Washington DC"', "Washington, D.C."))),
]


def copy_data(data_dir):
    """A scratch copy of every CSV file of data_dir (all of them: a file left out would be an
    error of its own, and every broken copy would then be 'rejected' whatever its breakage)."""
    tmp = tempfile.mkdtemp(prefix="ng_data_check_")
    for f in os.listdir(data_dir):
        if f.endswith(".csv"):
            shutil.copy(os.path.join(data_dir, f), tmp)
    return tmp


def self_test(data_dir):
    failures = 0
    tmp = copy_data(data_dir)
    try:
        errs = Checker(tmp, data_dir).run()
        if errs:  # the unbroken copy must pass, or the breakages below prove nothing
            print(f"SELF-TEST FAILED: the unbroken copy is rejected: {errs[0]}")
            return 1
    finally:
        shutil.rmtree(tmp)
    for what, file, fn in BREAKAGES:
        tmp = copy_data(data_dir)
        try:
            mutate(os.path.join(tmp, file), fn)
            errs = Checker(tmp, data_dir).run()
            if errs:
                print(f"self-test ok: {what} -> {errs[0]}")
            else:
                print(f"SELF-TEST FAILED: the checker accepted a copy with {what} ({file})")
                failures += 1
        finally:
            shutil.rmtree(tmp)
    return failures


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    if any(f not in ("--self-test",) for f in flags) or len(args) > 1:
        print(__doc__)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    data_dir = args[0] if args else os.path.join(here, "..", "..", "extract", "data")
    errs = Checker(data_dir).run()
    for e in errs:
        print(e)
    if errs:
        print(f"check_data: {len(errs)} problem(s) in {data_dir}")
        return 1
    counts = {}
    for f, h in (("states.csv", STATE_HEADER), ("organizations.csv", ACTOR_HEADER),
                 ("bodies.csv", BODY_HEADER), ("titles.csv", TITLE_HEADER)):
        counts[f] = len(Checker(data_dir).read(f, h))
    print("check_data: ok (" + ", ".join(f"{n} in {f}" for f, n in counts.items()) + ")")
    if "--self-test" in flags:
        bad = self_test(data_dir)
        if bad:
            print(f"check_data: self-test: {bad} broken copies were accepted")
            return 1
        print(f"check_data: self-test ok ({len(BREAKAGES)} broken copies rejected)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
