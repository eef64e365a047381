#!/usr/bin/env python3
"""Build data/training/agencies_ner.jsonl: Arabic sentences annotated with AGENCY spans.

Two sources feed the file:

* data/training/src/agencies_handwritten.txt -- hand-written sentences, grouped in
  paragraphs.  A line "# h001 kuna  free comment" opens a paragraph (group id and
  style); every other non-empty line is one sentence with the agency names marked
  as [[...]].  A proclitic stays outside the brackets: ب[[وزارة الداخلية]],
  ل[[لمنظمة الدولية للهجرة]] (ل + المنظمة is written للمنظمة, the span starts at
  the second ل).
* data/training/templates/agencies_templates.txt -- sentence templates filled with
  organisation names from agencies_catalogue.txt and the chains of agencies_slots.json
  and with non-agency fillers (people, places, dates ...) from agencies_slots.json.

The script computes every offset itself, validates every span and writes the
JSONL.  It uses the standard library only and a fixed seed, so running

    python data/training/src/make_agencies_ner.py

from the repository root regenerates the file byte for byte.

Template mini-language
  {spec}            an agency.  spec = categories joined by "|" with an optional
                    ".cc" country filter, e.g. {sec|pros.kw}; "any" = every category.
  {X:spec}          the same with a proclitic written before the span, e.g. {ب:min}.
                    A written ل before a name that starts with ال fuses into لل and
                    the span starts at the second ل.
  {=name}           a fixed agency name (may take a proclitic: {ل:=name}).
  {chain}           a department and its parent body linked by في / ب / التابعة لـ,
                    annotated as separate spans; {chain_sec+civ} limits the kind.
  {$FILLER}         a non-agency filler (see FILLERS).
  <fem|masc>        agreement with the gender of agency slot 1; <2:fem|masc> with
                    slot 2.  <REF> / <2:REF> is the short reference ("الوزارة",
                    "اللجنة" ...) which is never annotated.
"""

import json
import os
import random
import re
import sys
import unicodedata

SEED = 20250731
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
HANDWRITTEN = os.path.join(HERE, "agencies_handwritten.txt")
OUT = os.path.join(ROOT, "data", "training", "agencies_ner.jsonl")

STYLES = ["kuna", "alqabas", "alrai", "alanba", "aljarida", "alseyassah",
          "wam", "spa", "qna", "bna", "ona", "ministry_release"]
PAPERS = ["alqabas", "alrai", "alanba", "aljarida", "alseyassah"]
WIRE_BY_CC = {"kw": "kuna", "ae": "wam", "sa": "spa", "qa": "qna", "bh": "bna", "om": "ona"}
WIRES = ["kuna", "wam", "spa", "qna", "bna", "ona"]

# --------------------------------------------------------------------------
# Data: data/training/templates/agencies_catalogue.txt (categories|country|name),
# agencies_templates.txt (register|template), agencies_slots.json (chains, name +
# short-form pairs, non-agency fillers).
# --------------------------------------------------------------------------
TEMPLATE_DIR = os.path.join(ROOT, "data", "training", "templates")


def _data_lines(name):
    with open(os.path.join(TEMPLATE_DIR, name), encoding="utf-8") as fh:
        return "\n".join(line for line in fh.read().splitlines() if not line.startswith("#"))


CATALOGUE = _data_lines("agencies_catalogue.txt")
TEMPLATES = _data_lines("agencies_templates.txt")
with open(os.path.join(TEMPLATE_DIR, "agencies_slots.json"), encoding="utf-8") as _fh:
    _SLOTS = json.load(_fh)
CHAINS = [tuple(chain) for chain in _SLOTS["chains"]]
ABBR = [tuple(pair) for pair in _SLOTS["abbreviations"]]
FILLERS = _SLOTS["fillers"]

# --------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------
MASC_HEADS = {"مكتب", "مركز", "معهد", "مجلس", "ديوان", "جهاز", "قطاع", "اتحاد", "صندوق",
              "قسم", "مخفر", "ادعاء", "برلمان", "بيت", "إنتربول"}
FEM_HEADS_NO_TA = {"دار", "أمم", "مراكز"}
HEADS = {"وزارة", "إدارة", "لجنة", "هيئة", "مكتب", "منظمة", "جمعية", "مركز", "معهد", "أكاديمية",
         "نيابة", "محكمة", "دائرة", "مجلس", "ديوان", "مفوضية", "وكالة", "جهاز", "قطاع", "شرطة",
         "بعثة", "أمانة", "اتحاد", "مؤسسة", "صندوق", "جامعة", "قسم", "وحدة", "مخفر", "مديرية",
         "قيادة", "رئاسة", "كلية", "سفارة", "دار", "برلمان", "بيت", "ادعاء", "أمم", "مراكز",
         "إنتربول", "منظمات", "فرقة", "شعبة", "مصلحة", "نقابة", "رابطة", "غرفة", "محافظة",
         "بلدية", "قوة", "حرس", "خفر", "مباحث", "مستشفى", "مختبر", "هلال", "صليب", "مرصد",
         "مجمع", "ملتقى", "تلفزيون", "إذاعة", "بنك", "جيش", "جمعيات", "هيئات"}
# Short or elliptical names that are annotated although they lack a head noun.
SHORT_NAMES = {"IOM", "UNODC", "ILO", "يونيسف", "نزاهة", "يوروبول", "GCCPOL", "UNHCR", "UN Women",
               "أمان", "LMRA", "هيومن", "إيواء", "داخلية", "قوى", "خارجية", "شؤون", "ILO", "OHCHR",
               "UNICEF", "INTERPOL", "UNHCR", "GCC"}
PROCLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لـ", "ولـ", "بـ", "وبـ", "كـ", "وكـ"}


def strip_al(word):
    return word[2:] if word.startswith("ال") else word


def head_of(name):
    first = name.split()[0].strip("«»\"“”()")
    return strip_al(first)


def gender_of(name):
    head = head_of(name)
    if head in MASC_HEADS:
        return "m"
    if head in FEM_HEADS_NO_TA or head.endswith("ة"):
        return "f"
    return "m" if head in SHORT_NAMES else "f"


def short_ref(name):
    head = head_of(name)
    if head == "أمم":
        return "المنظمة"
    if head in HEADS:
        return "ال" + head
    return "الجهة"


def parse_catalogue():
    """Catalogue lines; a name given with a gazetteer id must be one of that body's names,
    and a name the gazetteer lists for a body of the line's state must carry its id (one
    catalogue of bodies: a line without an id is a body the gazetteer does not list)."""
    with open(os.path.join(ROOT, "data", "gazetteers", "agencies.jsonl"), encoding="utf-8") as fh:
        bodies = [e for e in map(json.loads, fh) if e]
    gazetteer = {e["id"]: set(e["names"]) for e in bodies}
    listed = {(name, (e.get("country") or "").lower()) for e in bodies for name in e["names"]}
    entries = []
    for line in CATALOGUE.strip().splitlines():
        cats, cc, name, *gazetteer_id = line.split("|")
        if gazetteer_id and name.strip() not in gazetteer.get(gazetteer_id[0], ()):
            sys.exit(f"agencies_catalogue.txt: {name!r} is not a name of gazetteer id {gazetteer_id[0]!r}")
        state = "" if cc in ("int", "reg", "eu") else cc
        if not gazetteer_id and (name.strip(), state) in listed:
            sys.exit(f"agencies_catalogue.txt: {name!r} is a gazetteer name: give the line its id")
        entries.append({"name": name.strip(), "cats": set(cats.split(",")), "cc": cc})
    return entries


def parse_templates():
    out = []
    for line in TEMPLATES.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        register, text = line.split("|", 1)
        out.append((register, text.strip()))
    return out


TOKEN_RE = re.compile(r"\{[^{}]*\}|<[^<>]*>")
HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NON_JOINING = set("اأإآدذرزوؤءةى")


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.catalogue = parse_catalogue()
        self.usage = {}
        self.filler_usage = {}

    # ---- choosing -------------------------------------------------------
    def pick_fair(self, options, usage):
        low = min(usage.get(o, 0) for o in options)
        pool = [o for o in options if usage.get(o, 0) <= low + 1]
        choice = self.rng.choice(pool)
        usage[choice] = usage.get(choice, 0) + 1
        return choice

    def pick_agency(self, spec, taken):
        cc = None
        if "." in spec:
            spec, cc = spec.rsplit(".", 1)
        cats = set(spec.split("|"))
        cands = [e["name"] for e in self.catalogue
                 if ("any" in cats or e["cats"] & cats) and (cc is None or e["cc"] == cc)
                 and e["name"] not in taken]
        if not cands:
            raise ValueError("no agency for spec %r" % spec)
        return self.pick_fair(sorted(set(cands)), self.usage)

    def filler(self, key):
        return self.pick_fair(FILLERS[key], self.filler_usage.setdefault(key, {}))

    def variant(self, name):
        """Spelling variants seen in Gulf news for one name."""
        r = self.rng.random()
        if r < 0.12:
            name = name.translate(HAMZA)
        elif r < 0.16:
            name = name.replace("الأمريكية", "الأميركية")
        return name

    # ---- rendering ------------------------------------------------------
    @staticmethod
    def emit(pieces, prefix, name):
        """Append proclitic + name; ل + ال fuses into لل (span starts at the 2nd ل)."""
        if prefix:
            pieces.append([prefix, False])
        before = "".join(p[0] for p in pieces)
        if before.endswith("ل") and name.startswith("ال"):
            name = name[1:]
        pieces.append([name, True])

    def render(self, template):
        tokens = []
        pos = 0
        for m in TOKEN_RE.finditer(template):
            if m.start() > pos:
                tokens.append(("lit", template[pos:m.start()]))
            tokens.append(("tok", m.group(0)))
            pos = m.end()
        if pos < len(template):
            tokens.append(("lit", template[pos:]))

        # choose the agencies of the slots first (agreement may come before them)
        slots, taken = [], set()
        for kind, tok in tokens:
            if kind != "tok" or not tok.startswith("{") or tok.startswith("{$"):
                continue
            body = tok[1:-1]
            prefix = ""
            if ":" in body:
                prefix, body = body.split(":", 1)
            if body.startswith("chain"):
                tags = body[6:].split("+") if body.startswith("chain_") else ["sec", "court", "civ"]
                chain = self.pick_fair([c for c in CHAINS if c[0] in tags], self.usage)[1:]
                slot = {"kind": "chain", "names": list(chain), "prefix": prefix}
                head = chain[0]
            elif body == "abbr":
                full, short = self.pick_fair(ABBR, self.usage)
                slot = {"kind": "abbr", "names": [full, short], "prefix": prefix}
                head = full
            elif body.startswith("="):
                head = body[1:]
                slot = {"kind": "one", "names": [head], "prefix": prefix}
            else:
                head = self.pick_agency(body, taken)
                slot = {"kind": "one", "names": [head], "prefix": prefix}
            taken.update(slot["names"])
            slot["gender"] = gender_of(head)
            slot["ref"] = short_ref(head)
            slots.append(slot)

        pieces, slot_i = [], 0
        for kind, tok in tokens:
            if kind == "lit":
                pieces.append([tok, False])
                continue
            if tok.startswith("{$"):
                pieces.append([self.filler(tok[2:-1]), False])
            elif tok.startswith("{"):
                slot = slots[slot_i]
                slot_i += 1
                names = slot["names"]
                if slot["kind"] == "one":
                    self.emit(pieces, slot["prefix"], self.variant(names[0]))
                elif slot["kind"] == "abbr":
                    self.emit(pieces, slot["prefix"], self.variant(names[0]))
                    pieces.append([" (", False])
                    pieces.append([names[1], True])
                    pieces.append([")", False])
                else:  # chain
                    self.emit(pieces, slot["prefix"], self.variant(names[0]))
                    for child, parent in zip(names, names[1:]):
                        r = self.rng.random()
                        if r < 0.4:
                            conn = " في "
                        elif r < 0.8:
                            conn = " ب"
                        else:
                            conn = " التابعة ل" if gender_of(child) == "f" else " التابع ل"
                        pieces.append([conn, False])
                        self.emit(pieces, "", self.variant(parent))
            else:  # <...> agreement or short reference
                body = tok[1:-1]
                ref = 0
                m = re.match(r"^(\d):", body)
                if m:
                    ref = int(m.group(1)) - 1
                    body = body[2:]
                slot = slots[ref]
                if body == "REF":
                    pieces.append([slot["ref"], False])
                else:
                    fem, masc = body.split("|")
                    pieces.append([fem if slot["gender"] == "f" else masc, False])
        if slot_i != len(slots):
            raise ValueError("slot mismatch in %r" % template)
        return pieces

    # ---- surface noise (length-preserving or piece-local) ---------------
    def noise(self, pieces):
        rng = self.rng
        text = "".join(p[0] for p in pieces)
        if rng.random() < 0.15:  # hamza-less copy, common in Gulf dailies
            for p in pieces:
                p[0] = p[0].translate(HAMZA)
        if re.search(r"[0-9]", text) and rng.random() < 0.22:
            for p in pieces:
                p[0] = p[0].translate(ARABIC_INDIC)
        if rng.random() < 0.03:
            self.tatweel(pieces)
        if rng.random() < 0.25:
            for p in pieces:
                if not p[1]:
                    p[0] = p[0].replace("«", "\u201c").replace("»", "\u201d")
        if rng.random() < 0.05:
            for p in pieces:
                if not p[1]:
                    p[0] = p[0].replace("،", ",")
        return pieces

    def tatweel(self, pieces):
        spots = []
        for pi, (txt, _) in enumerate(pieces):
            for ci in range(1, len(txt) - 2):
                a, b = txt[ci], txt[ci + 1]
                if ("\u0628" <= a <= "\u064a") and a not in NON_JOINING and ("\u0628" <= b <= "\u064a") \
                        and txt[ci - 1] != " ":
                    spots.append((pi, ci))
        if spots:
            pi, ci = self.rng.choice(spots)
            txt = pieces[pi][0]
            pieces[pi][0] = txt[:ci + 1] + "ـ" + txt[ci + 1:]


def assemble(pieces):
    text, spans, pos = "", [], 0
    for txt, is_span in pieces:
        if is_span:
            spans.append([pos, pos + len(txt), "AGENCY"])
        text += txt
        pos += len(txt)
    return text, spans


def style_for(register, first_cc, rng, negative):
    if register == "wire":
        if first_cc in WIRE_BY_CC:
            return WIRE_BY_CC[first_cc]
        return rng.choice(WIRES + ["kuna", "kuna"])
    if register == "release":
        return "ministry_release" if rng.random() < 0.8 else rng.choice(PAPERS)
    if register == "head":
        return rng.choice(PAPERS + ["kuna", "wam", "spa", "qna"])
    if register == "court":
        return rng.choice(PAPERS + ["kuna"])
    return rng.choice(PAPERS)


# --------------------------------------------------------------------------
# Hand-written sentences
# --------------------------------------------------------------------------
MARK_RE = re.compile(r"\[\[(.+?)\]\]")


def parse_marked(line):
    text, spans, pos = "", [], 0
    for m in MARK_RE.finditer(line):
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(1)
        spans.append([start, len(text), "AGENCY"])
        pos = m.end()
    text += line[pos:]
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced brackets: %s" % line)
    return text, spans


def read_handwritten(path):
    records, group, style = [], None, None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#"):
                parts = line[1:].split()
                if len(parts) < 2 or parts[1] not in STYLES or not re.match(r"^h\d{3}$", parts[0]):
                    raise ValueError("%s:%d bad header %r" % (path, lineno, line))
                group, style = parts[0], parts[1]
                continue
            if group is None:
                raise ValueError("%s:%d sentence before any header" % (path, lineno))
            text, spans = parse_marked(line)
            records.append({"text": text, "spans": spans, "style": style, "group": group,
                            "_src": "%s:%d" % (os.path.basename(path), lineno)})
    return records


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------
def is_letter(ch):
    return unicodedata.category(ch)[0] in ("L", "M")


def validate(rec, problems):
    text, spans = rec["text"], rec["spans"]
    where = rec.get("_src", rec["group"])
    if text != text.strip() or not text:
        problems.append("%s: text has outer whitespace" % where)
    if "[[" in text or "]]" in text or "{" in text or "<" in text:
        problems.append("%s: markup left in text" % where)
    last_end = 0
    for s, e, label in sorted(spans):
        span = text[s:e]
        if label != "AGENCY" or not (0 <= s < e <= len(text)):
            problems.append("%s: bad span %r" % (where, (s, e, label)))
            continue
        if span != span.strip():
            problems.append("%s: span with outer space %r" % (where, span))
        if s < last_end:
            problems.append("%s: overlapping spans" % where)
        last_end = e
        # the span must start after a proclitic (or nothing) and end at a word end
        j = s
        while j > 0 and is_letter(text[j - 1]):
            j -= 1
        if re.sub(r"[\u064b-\u0652]", "", text[j:s]) not in PROCLITICS:
            problems.append("%s: span %r starts inside a word (%r)" % (where, span, text[j:s]))
        if e < len(text) and is_letter(text[e]):
            problems.append("%s: span %r ends inside a word" % (where, span))
        first = span.split()[0].replace("ـ", "")
        first = re.sub(r"[\u064b-\u0652]", "", first)
        head = strip_al(first)
        if first.startswith("ل") and not first.startswith("لجن") and text[s - 1:s] == "ل":
            head = strip_al("ا" + first)  # fused لل: span starts at the second ل
        head = head.translate(HAMZA)
        heads = {h.translate(HAMZA) for h in HEADS}
        shorts = {x.translate(HAMZA) for x in SHORT_NAMES}
        if head not in heads and head not in shorts and span.translate(HAMZA) not in shorts \
                and first.translate(HAMZA) not in shorts:
            problems.append("%s: unexpected head %r in span %r" % (where, head, span))
    for ch in ("[", "]"):
        if ch in text:
            problems.append("%s: stray bracket" % where)


def main(out=OUT):
    rng = random.Random(SEED)
    gen = Generator(rng)
    records = read_handwritten(HANDWRITTEN)
    n_hand = len(records)

    templates = parse_templates()
    seen = {r["text"] for r in records}
    per_template = {}
    for ti, (register, template) in enumerate(templates, 1):
        group = "t%03d" % ti
        negative = all(t.startswith("{$") for t in re.findall(r"\{[^{}]*\}", template))
        n = 5 if negative else 6
        if register == "head":
            n = 4
        made = 0
        for attempt in range(n * 30):
            if made >= n:
                break
            pieces = gen.noise(gen.render(template))
            text, spans = assemble(pieces)
            if text in seen:
                continue
            seen.add(text)
            first_cc = None
            for e in gen.catalogue:
                if spans and e["name"] == text[spans[0][0]:spans[0][1]]:
                    first_cc = e["cc"]
                    break
            records.append({"text": text, "spans": spans,
                            "style": style_for(register, first_cc, rng, not spans),
                            "group": group, "_src": group})
            made += 1
        per_template[group] = made

    problems = []
    for rec in records:
        validate(rec, problems)
        if rec["style"] not in STYLES:
            problems.append("%s: bad style" % rec["_src"])
    if problems:
        for p in problems:
            print("ERROR", p, file=sys.stderr)
        sys.exit(1)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps({"text": rec["text"], "spans": rec["spans"], "style": rec["style"],
                                 "group": rec["group"]}, ensure_ascii=False) + "\n")

    names = {r["text"][s:e] for r in records for s, e, _ in r["spans"]}
    negatives = sum(1 for r in records if not r["spans"])
    print("sentences %d (hand-written %d, templated %d from %d templates)"
          % (len(records), n_hand, len(records) - n_hand, len(templates)))
    print("spans %d, distinct agency strings %d, negatives %d (%.1f%%)"
          % (sum(len(r["spans"]) for r in records), len(names), negatives,
             100.0 * negatives / len(records)))
    print("wrote", os.path.relpath(out, ROOT))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else OUT)
