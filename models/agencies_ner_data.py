"""Agency sentences with AGENCY spans (`data/training/agencies_ner.jsonl`) for the CRF.

Stage 0 of training, written with the events and relevance rows by
`python -m models.training_data`; `models/train.py` trains the agency CRF on them.

* Hand-written part: the files `generate.json` lists under `handwritten`, in
  `data/training/src/` (`agencies_handwritten.txt`, and `agencies_handwritten_real.txt`:
  sentences written in the shapes of real articles). A header `# h001 kuna comment` (or
  `# r1000 kuna comment` for a paragraph in a real article's shape, the CRF's "real" source)
  opens a paragraph (group, style); every other line is a sentence with the names marked
  `[[...]]` (an annotation, not a template), a proclitic outside them. Group ids are unique
  across the files.
* Templated part: `templates/agencies_ner.jsonl` (group, register, template), in the slot
  language of `models/templating.py`. Its slots:
  - `{sec|pros.kw}`: an agency of one of the categories (`any`: every one), of a country
    if `.cc` is given, drawn fairly from `templates/agencies_listed.txt` (bodies of
    `data/gazetteers/agencies.jsonl`, each name checked to be one of its entry's names)
    and `templates/agencies_unlisted.txt` (bodies the gazetteer does not list, kept so the
    CRF learns to find bodies no gazetteer names); `{=name}` a fixed agency;
  - `{chain}`, `{chain_sec+civ}`: a unit and its parents joined by في / ب / التابعة لـ,
    separate spans; `{abbr}`: a name with its short form in parentheses, two spans;
  - `{PERSON}`, `{CITY}` ... (upper case): non-agency fillers; `{ref1}`, `{ref2}`: the
    short reference ("الوزارة") of agency slot 1 or 2, never annotated;
  - `[[fem|masc:1]]`: agreement with the gender of agency slot 1 (2 for the second).
  Lists, head nouns, short names, proclitics and styles: `templates/agencies_ner_slots.json`.

The rows get the surface noise of real copy (hamza-less spelling, Arabic-Indic digits,
tatweel, other quotation marks, a Latin comma); every span is checked (`span_problems`)
and any problem stops the run.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata

from core.paths import TRAINING
from models.templating import (
    TEMPLATES,
    assemble,
    check,
    check_gazetteer_name,
    data_lines,
    gazetteer_names,
    read_json,
    read_jsonl,
    render_pieces,
    slots_of,
)

SLOTS_FILE = TEMPLATES / "agencies_ner_slots.json"
LISTED = TEMPLATES / "agencies_listed.txt"
UNLISTED = TEMPLATES / "agencies_unlisted.txt"
NOT_STATES = ("int", "reg", "eu")  # catalogue country codes that are not one state
HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NON_JOINING = set("اأإآدذرزوؤءةى")
MARK = re.compile(r"\[\[(.+?)\]\]")
DIACRITICS = re.compile(r"[\u064b-\u0652]")
REF = re.compile(r"ref(\d)$")


def strip_al(word: str) -> str:
    return word.removeprefix("ال")


class Heads:
    """Head nouns and short names (`heads` of agencies_ner_slots.json): a name's gender,
    its short reference, and whether a span starts like a name."""

    def __init__(self, heads: dict):
        self.all, self.masculine = set(heads["all"]), set(heads["masculine"])
        self.feminine = set(heads["feminine_without_ta"])
        self.short = set(heads["short_names"])
        self.short_folded = {s.translate(HAMZA) for s in self.short}
        self.folded = {h.translate(HAMZA) for h in self.all} | self.short_folded

    @staticmethod
    def head(name: str) -> str:
        return strip_al(name.split()[0].strip("«»\"“”()"))

    def gender(self, name: str) -> str:
        head = self.head(name)
        if head in self.masculine:
            return "m"
        if head in self.feminine or head.endswith("ة"):
            return "f"
        return "m" if head in self.short else "f"

    def short_ref(self, name: str) -> str:
        head = self.head(name)
        if head == "أمم":
            return "المنظمة"
        return "ال" + head if head in self.all else "الجهة"

    def starts_a_name(self, span: str, fused: bool) -> bool:
        """The span's first word is a head noun or a short name (hamza folded)."""
        first = DIACRITICS.sub("", span.split()[0].replace("ـ", ""))
        head = strip_al("ا" + first) if fused and not first.startswith("لجن") else strip_al(first)
        return (head.translate(HAMZA) in self.folded or span.translate(HAMZA) in self.short_folded
                or first.translate(HAMZA) in self.short_folded)


def catalogue(gazetteer: list[dict]) -> list[dict]:
    """The agency slot lists: the gazetteer's bodies by id, then the bodies it lacks."""
    names = gazetteer_names(gazetteer)
    entries = []
    for fields in data_lines(LISTED):
        check(len(fields) == 4, LISTED, f"not categories|country|id|name: {'|'.join(fields)!r}")
        check_gazetteer_name(names, fields[2], fields[3], LISTED)
        entries.append({"name": fields[3], "cats": set(fields[0].split(",")), "cc": fields[1]})
    listed = {(n, (e.get("country") or "").lower()) for e in gazetteer for n in e["names"]}
    for fields in data_lines(UNLISTED):
        check(len(fields) == 3, UNLISTED, f"not categories|country|name: {'|'.join(fields)!r}")
        state = "" if fields[1] in NOT_STATES else fields[1]
        check((fields[2], state) not in listed, UNLISTED,
              f"{fields[2]!r} is a gazetteer name: move it to agencies_listed.txt with its id")
        entries.append({"name": fields[2], "cats": set(fields[0].split(",")), "cc": fields[1]})
    return entries


class AgencyFiller:
    """Fills agency templates: draws fairly (least used first), renders, adds noise."""

    def __init__(self, rng: random.Random, data: dict, bodies: list[dict]):
        self.rng, self.bodies, self.heads = rng, bodies, Heads(data["heads"])
        self.chains = [tuple(chain) for chain in data["chains"]]
        self.abbreviations = [tuple(pair) for pair in data["abbreviations"]]
        self.fillers, self.styles = data["fillers"], data["styles"]
        self.usage, self.filler_usage = {}, {}
        self.country_of = {}
        for body in bodies:
            self.country_of.setdefault(body["name"], body["cc"])

    def pick_fair(self, options: list, usage: dict):
        low = min(usage.get(o, 0) for o in options)
        choice = self.rng.choice([o for o in options if usage.get(o, 0) <= low + 1])
        usage[choice] = usage.get(choice, 0) + 1
        return choice

    def pick_agency(self, spec: str, taken: set) -> str:
        spec, _, cc = spec.partition(".")
        cats = set(spec.split("|"))
        names = {b["name"] for b in self.bodies if ("any" in cats or b["cats"] & cats)
                 and cc in ("", b["cc"]) and b["name"] not in taken}
        check(bool(names), TEMPLATES, f"no agency for slot {spec!r}")
        return self.pick_fair(sorted(names), self.usage)

    def is_agency(self, slot: str) -> bool:
        return slot not in self.fillers and not REF.match(slot)

    def agency_slot(self, slot: str, taken: set) -> list[str]:
        """The names of one agency slot: one name, a chain (unit first) or name + short form."""
        if slot.startswith("chain"):
            tags = slot[6:].split("+") if slot.startswith("chain_") else ["sec", "court", "civ"]
            return list(self.pick_fair([c for c in self.chains if c[0] in tags], self.usage)[1:])
        if slot == "abbr":
            return ["abbr", *self.pick_fair(self.abbreviations, self.usage)]
        return [slot[1:] if slot.startswith("=") else self.pick_agency(slot, taken)]

    def choose(self, template: str) -> list[list[str]]:
        """The names of every agency slot, chosen before rendering (agreement may come first)."""
        chosen, taken = [], set()
        for slot in filter(self.is_agency, slots_of(template)):
            chosen.append(self.agency_slot(slot, taken))
            taken.update(chosen[-1])
        return chosen

    def render(self, template: str) -> list[list]:
        chosen = self.choose(template)
        queue = iter(chosen)

        def head(ref: str) -> str:
            names = chosen[int(ref) - 1]
            return names[1] if names[0] == "abbr" else names[0]

        def fill(slot: str):
            if slot in self.fillers:
                return [(self.pick_fair(self.fillers[slot], self.filler_usage.setdefault(slot, {})), False)]
            if REF.match(slot):
                return [(self.heads.short_ref(head(REF.match(slot).group(1))), False)]
            return self.agency_pieces(next(queue))
        return render_pieces(template, fill, lambda ref: self.heads.gender(head(ref)))

    def agency_pieces(self, names: list[str]) -> list[tuple[str, bool]]:
        if names[0] == "abbr":
            return [(self.variant(names[1]), True), (" (", False), (names[2], True), (")", False)]
        pieces = [(self.variant(names[0]), True)]
        for child, parent in itertools.pairwise(names):
            pieces += [(self.connector(child), False), (self.variant(parent), True)]
        return pieces

    def connector(self, child: str) -> str:
        r = self.rng.random()
        if r < 0.8:
            return " في " if r < 0.4 else " ب"
        return " التابعة ل" if self.heads.gender(child) == "f" else " التابع ل"

    def variant(self, name: str) -> str:
        """Spelling variants seen in Gulf news for one name."""
        r = self.rng.random()
        if r < 0.12:
            return name.translate(HAMZA)
        return name.replace("الأمريكية", "الأميركية") if r < 0.16 else name

    def noise(self, pieces: list[list]) -> list[list]:
        """Surface noise of real copy; it keeps every piece a span or not."""
        text = "".join(p[0] for p in pieces)
        if self.rng.random() < 0.15:  # hamza-less copy, common in Gulf dailies
            self._each(pieces, True, lambda t: t.translate(HAMZA))
        if re.search(r"[0-9]", text) and self.rng.random() < 0.22:
            self._each(pieces, True, lambda t: t.translate(ARABIC_INDIC))
        if self.rng.random() < 0.03:
            self.tatweel(pieces)
        if self.rng.random() < 0.25:
            self._each(pieces, False, lambda t: t.replace("«", "\u201c").replace("»", "\u201d"))
        if self.rng.random() < 0.05:
            self._each(pieces, False, lambda t: t.replace("،", ","))
        return pieces

    @staticmethod
    def _each(pieces: list[list], spans_too: bool, change) -> None:
        for piece in pieces:
            if spans_too or not piece[1]:
                piece[0] = change(piece[0])

    def tatweel(self, pieces: list[list]) -> None:
        """One tatweel between two joining letters inside a word."""
        spots = [(pi, ci) for pi, (txt, _) in enumerate(pieces) for ci in range(1, len(txt) - 2)
                 if "\u0628" <= txt[ci] <= "\u064a" and txt[ci] not in NON_JOINING
                 and "\u0628" <= txt[ci + 1] <= "\u064a" and txt[ci - 1] != " "]
        if spots:
            pi, ci = self.rng.choice(spots)
            pieces[pi][0] = pieces[pi][0][:ci + 1] + "ـ" + pieces[pi][0][ci + 1:]

    def style(self, register: str, first_name: str | None) -> str:
        styles, rng = self.styles, self.rng
        if register == "wire":
            wire = styles["wire_by_country"].get(self.country_of.get(first_name))
            return wire or rng.choice(styles["wires"] + ["kuna", "kuna"])
        if register == "release":
            return "ministry_release" if rng.random() < 0.8 else rng.choice(styles["papers"])
        if register == "head":
            return rng.choice(styles["papers"] + ["kuna", "wam", "spa", "qna"])
        return rng.choice(styles["papers"] + (["kuna"] if register == "court" else []))


def handwritten_rows(path, styles: list[str], opened: set | None = None) -> list[dict]:
    """The marked sentences of a hand-written file, with their paragraph's group and style;
    `opened` holds the paragraph ids of the files read before it (an id opens one paragraph
    in all of them: two would make one held-out group)."""
    rows, group, style, opened = [], None, None, set() if opened is None else opened
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line, where = raw.strip(), f"{path.name}:{lineno}"
        if line.startswith("#"):
            parts = line[1:].split()
            check(len(parts) >= 2 and parts[1] in styles and re.match(r"^(h\d{3}|r\d{4})$", parts[0]) is not None,
                  where, f"bad header {line!r}")
            check(parts[0] not in opened, where, f"paragraph ids used twice: {parts[0]}")
            group, style = parts[0], parts[1]
            opened.add(group)
        elif line:
            check(group is not None, where, "sentence before any header")
            pieces = [[part, i % 2 == 1] for i, part in enumerate(MARK.split(line)) if part]
            rows.append(dict(zip(("text", "spans"), assemble(pieces)), style=style, group=group, where=where))
    return rows


def templated_rows(filler: AgencyFiller, config: dict, seen: set) -> list[dict]:
    """Up to `per_template` distinct rows a template (`per_negative` without an agency slot,
    `per_headline` for headlines)."""
    rows = []
    for template in read_jsonl(TEMPLATES / config["templates"]):
        negative = not any(map(filler.is_agency, slots_of(template["template"])))
        n = config["per_negative"] if negative else config["per_template"]
        n = config["per_headline"] if template["register"] == "head" else n
        made = 0
        for _ in range(n * config["tries_per_row"]):
            if made >= n:
                break
            text, spans = assemble(filler.noise(filler.render(template["template"])))
            if text in seen:
                continue
            seen.add(text)
            first = text[spans[0][0]:spans[0][1]] if spans else None
            rows.append({"text": text, "spans": spans, "style": filler.style(template["register"], first),
                         "group": template["group"], "where": template["group"]})
            made += 1
    return rows


def is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in ("L", "M")


def span_problems(row: dict, heads: Heads, proclitics: set) -> list[str]:
    """What is wrong with a row's text and spans (nothing: an empty list)."""
    text, where = row["text"], row["where"]
    problems = [] if text and text == text.strip() else [f"{where}: text has outer whitespace"]
    if any(mark in text for mark in ("[", "]", "{", "<")):
        problems.append(f"{where}: markup left in the text")
    last_end = 0
    for start, end, label in sorted(row["spans"]):
        if label != "AGENCY" or not 0 <= start < end <= len(text):
            problems.append(f"{where}: bad span {(start, end, label)!r}")
            continue
        problems += [f"{where}: {p} ({text[start:end]!r})"
                     for p in _span_problems(text, start, end, heads, proclitics)]
        if start < last_end:
            problems.append(f"{where}: overlapping spans")
        last_end = end
    return problems


def _span_problems(text: str, start: int, end: int, heads: Heads, proclitics: set) -> list[str]:
    span, word_start = text[start:end], start
    while word_start > 0 and is_letter(text[word_start - 1]):
        word_start -= 1
    fused = span.startswith("ل") and text[start - 1:start] == "ل"
    return [problem for bad, problem in (
        (span != span.strip(), "span with outer space"),
        (DIACRITICS.sub("", text[word_start:start]) not in proclitics, "span starts inside a word"),
        (end < len(text) and is_letter(text[end]), "span ends inside a word"),
        (not heads.starts_a_name(span, fused), "span does not start with a head noun or short name"),
    ) if bad]


def agency_rows(gazetteer: list[dict], config: dict) -> list[dict]:
    """Hand-written then templated rows; stops with every problem found if a span is wrong."""
    data = read_json(SLOTS_FILE)
    filler = AgencyFiller(random.Random(config["seed"]), data, catalogue(gazetteer))
    names = config["handwritten"] if isinstance(config["handwritten"], list) else [config["handwritten"]]
    opened: set[str] = set()
    rows = [row for name in names
            for row in handwritten_rows(TRAINING / "src" / name, data["styles"]["all"], opened)]
    rows += templated_rows(filler, config, {row["text"] for row in rows})
    problems = [p for row in rows for p in span_problems(row, filler.heads, set(data["proclitics"]))]
    problems += [f"{row['where']}: bad style" for row in rows if row["style"] not in data["styles"]["all"]]
    check(not problems, TEMPLATES / config["templates"], "\n".join(problems))
    return [{key: row[key] for key in ("text", "spans", "style", "group")} for row in rows]
