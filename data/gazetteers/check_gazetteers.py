#!/usr/bin/env python3
"""Validate the gazetteers agencies.jsonl and places.jsonl (stdlib only).

Usage:  python data/gazetteers/check_gazetteers.py [DIR]

DIR defaults to the folder of this script.  Prints counts by country and kind,
then every warning; exits 1 if any error was found (each error names the file
and the line), 0 otherwise.
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

AGENCY_KEYS = ("id", "en", "country", "kind", "parent", "names", "acronyms", "short")
AGENCY_KINDS = {
    "ministry", "department", "committee", "court", "prosecution", "police", "shelter",
    "regional_org", "international_org", "ngo", "institute", "media", "council",
    "authority", "parliament", "government",
}
PLACE_KEYS = ("id", "en", "kind", "country", "names", "adjectives")
# optional: words right after a name that make it an ordinary phrase ("مسقط رأس"), and
# names that are places only in a sentence naming another country ("بنين", also "sons"), and
# names that stand for the place only in a text that names it no other way ("السلطنة")
PLACE_OPTIONAL = ("not_before", "list_names", "alone_names")
PLACE_KINDS = {"country", "city", "region", "group"}

# Single generic words that must not be listed as a `short` form: the code
# resolves those from context itself.
GENERIC_SHORT = {
    "اللجنة", "الوزارة", "الهيئة", "المجلس", "الإدارة", "الادارة", "المنظمة", "المكتب",
    "المحكمة", "الجمعية", "المركز", "الوكالة", "المفوضية", "الديوان", "الجهاز", "المؤسسة",
    "السفارة", "البعثة", "الأمانة", "الامانة", "الشرطة", "الصندوق", "البرنامج", "الاتحاد",
    "الجامعة", "المعهد", "الأكاديمية", "القطاع", "المديرية", "الدار", "الوحدة",
}

# ISO 3166-1 alpha-2, officially assigned codes (shared with the pipeline's loaders).
ISO_3166 = {line.strip() for line in (Path(__file__).parent / "iso3166.txt").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}

# Ids fixed by the extraction contract that do not follow the country-prefix rule.
MANDATED_IDS = {"kuna"}

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARABIC_RE = re.compile(r"[\u0600-\u06FF]")


def normalise(text):
    """Rough form of the pipeline's matching normalisation (for warnings only)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub("[إأآٱا]", "ا", text)
    text = text.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي").replace("ـ", "")
    return " ".join(text.split())


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, path, line, msg):
        self.errors.append(f"{path}:{line}: {msg}")

    def warn(self, path, line, msg):
        self.warnings.append(f"{path}:{line}: {msg}")


def read_jsonl(path, rep):
    rows = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        rep.error(path, 0, "file not found")
        return rows
    except UnicodeDecodeError as exc:
        rep.error(path, 0, f"not UTF-8: {exc}")
        return rows
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            if n != len(text.split("\n")):
                rep.error(path, n, "empty line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            rep.error(path, n, f"invalid JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            rep.error(path, n, "line is not a JSON object")
            continue
        rows.append((n, obj))
    return rows


def check_keys(path, n, obj, keys, rep, optional=()):
    missing = [k for k in keys if k not in obj]
    extra = [k for k in obj if k not in keys and k not in optional]
    if missing:
        rep.error(path, n, f"missing key(s): {', '.join(missing)}")
    if extra:
        rep.error(path, n, f"unexpected key(s): {', '.join(extra)}")
    return not missing


def check_strings(path, n, ident, field, value, rep, need_arabic=True, allow_empty_list=True):
    """A list of clean non-empty strings."""
    if not isinstance(value, list):
        rep.error(path, n, f"{ident}: '{field}' must be a list")
        return []
    if not value and not allow_empty_list:
        rep.error(path, n, f"{ident}: '{field}' is empty")
    out = []
    for s in value:
        if not isinstance(s, str) or not s.strip():
            rep.error(path, n, f"{ident}: empty or non-string entry in '{field}'")
            continue
        if s != s.strip() or "  " in s:
            rep.error(path, n, f"{ident}: stray whitespace in {field} entry {s!r}")
        if need_arabic and not ARABIC_RE.search(s):
            rep.error(path, n, f"{ident}: {field} entry {s!r} has no Arabic letter")
        out.append(s)
    return out


def check_country(path, n, ident, cc, rep, required):
    if cc is None:
        if required:
            rep.error(path, n, f"{ident}: 'country' is required for this kind")
        return None
    if not isinstance(cc, str) or not re.fullmatch(r"[A-Z]{2}", cc):
        rep.error(path, n, f"{ident}: country {cc!r} is not a 2-letter upper-case code")
        return None
    if cc not in ISO_3166:
        rep.error(path, n, f"{ident}: country {cc!r} is not an ISO 3166-1 alpha-2 code")
        return None
    return cc


def check_duplicates(path, n, ident, strings, rep):
    seen = Counter(strings)
    for s, c in seen.items():
        if c > 1:
            rep.error(path, n, f"{ident}: duplicate name {s!r}")
    norm = Counter(normalise(s) for s in set(strings))
    for s, c in norm.items():
        if c > 1:
            rep.warn(path, n, f"{ident}: several forms normalise to {s!r} (harmless, but redundant)")


def check_places(path, rep):
    rows = read_jsonl(path, rep)
    ids = {}
    for n, p in rows:
        if not check_keys(path, n, p, PLACE_KEYS, rep, PLACE_OPTIONAL):
            continue
        pid = p["id"]
        ident = repr(pid)
        kind = p["kind"]
        if not isinstance(pid, str) or not pid:
            rep.error(path, n, "'id' must be a non-empty string")
            continue
        if pid in ids:
            rep.error(path, n, f"duplicate id {ident} (first on line {ids[pid]})")
        ids.setdefault(pid, n)
        if not isinstance(p["en"], str) or not p["en"].strip():
            rep.error(path, n, f"{ident}: 'en' must be a non-empty string")
        if kind not in PLACE_KINDS:
            rep.error(path, n, f"{ident}: kind {kind!r} not one of {sorted(PLACE_KINDS)}")
        cc = check_country(path, n, ident, p["country"], rep, required=kind in ("country", "city"))
        if kind == "country":
            if cc and pid != cc:
                rep.error(path, n, f"{ident}: a country's id must be its ISO code {cc!r}")
        elif not ID_RE.match(pid):
            rep.error(path, n, f"{ident}: id must be a lower-case slug (a-z, 0-9, '-')")
        elif cc and not pid.startswith(cc.lower() + "-"):
            rep.error(path, n, f"{ident}: id of a place in {cc} must start with '{cc.lower()}-'")
        names = check_strings(path, n, ident, "names", p["names"], rep, allow_empty_list=False)
        adjs = check_strings(path, n, ident, "adjectives", p["adjectives"], rep)
        for key in PLACE_OPTIONAL:
            if key in p:
                check_strings(path, n, ident, key, p[key], rep, allow_empty_list=False)
        if kind != "country" and adjs:
            rep.error(path, n, f"{ident}: only countries carry adjectives")
        # a form may be both a name and an adjective (السعودية): check each list apart
        check_duplicates(path, n, ident, names, rep)
        check_duplicates(path, n, ident, adjs, rep)
    countries = {p["country"] for _, p in rows if isinstance(p, dict) and p.get("kind") == "country"}
    for n, p in rows:
        cc = p.get("country")
        if p.get("kind") in ("city", "region") and cc and cc not in countries:
            rep.warn(path, n, f"{p.get('id')!r}: its country {cc} has no country entry")
    return rows


def check_agencies(path, rep, place_names):
    rows = read_jsonl(path, rep)
    ids = {}
    for n, a in rows:
        if not check_keys(path, n, a, AGENCY_KEYS, rep):
            continue
        aid = a["id"]
        if not isinstance(aid, str) or not ID_RE.match(aid):
            rep.error(path, n, f"id {aid!r} must be a lower-case slug (a-z, 0-9, '-')")
            continue
        ident = repr(aid)
        if aid in ids:
            rep.error(path, n, f"duplicate id {ident} (first on line {ids[aid]})")
        ids.setdefault(aid, n)
        if not isinstance(a["en"], str) or not a["en"].strip():
            rep.error(path, n, f"{ident}: 'en' must be a non-empty string")
        if a["kind"] not in AGENCY_KINDS:
            rep.error(path, n, f"{ident}: kind {a['kind']!r} not one of {sorted(AGENCY_KINDS)}")
        cc = check_country(path, n, ident, a["country"], rep, required=False)
        if cc and not aid.startswith(cc.lower() + "-") and aid not in MANDATED_IDS:
            rep.warn(path, n, f"{ident}: national body whose id does not start with '{cc.lower()}-'")
        parent = a["parent"]
        if parent is not None and (not isinstance(parent, str) or parent == aid):
            rep.error(path, n, f"{ident}: bad parent {parent!r}")
        names = check_strings(path, n, ident, "names", a["names"], rep, allow_empty_list=False)
        acronyms = check_strings(path, n, ident, "acronyms", a["acronyms"], rep, need_arabic=False)
        short = check_strings(path, n, ident, "short", a["short"], rep)
        for s in short:
            if s in GENERIC_SHORT:
                rep.error(path, n, f"{ident}: short form {s!r} is a single generic word")
        for s in names:
            if s in place_names:
                rep.error(path, n, f"{ident}: name {s!r} is a place name ({place_names[s]}), not an agency")
        check_duplicates(path, n, ident, names + acronyms + short, rep)
    # parents exist, no cycles
    by_id = {a["id"]: (n, a) for n, a in rows if isinstance(a.get("id"), str)}
    for aid, (n, a) in by_id.items():
        parent = a.get("parent")
        if isinstance(parent, str) and parent != aid and parent not in by_id:
            rep.error(path, n, f"{aid!r}: parent {parent!r} does not exist")
        seen, cur = {aid}, parent
        while isinstance(cur, str) and cur in by_id:
            if cur in seen:
                rep.error(path, n, f"{aid!r}: parent chain has a cycle through {cur!r}")
                break
            seen.add(cur)
            cur = by_id[cur][1].get("parent")
    return rows


def table(title, rows, key_a, key_b):
    counts = Counter((r.get(key_a) or "—", r.get(key_b)) for _, r in rows)
    by_a = Counter(r.get(key_a) or "—" for _, r in rows)
    print(f"\n{title}: {len(rows)} entries")
    for a_val, total in sorted(by_a.items(), key=lambda kv: (-kv[1], kv[0])):
        parts = ", ".join(f"{k} {c}" for (a2, k), c in sorted(counts.items(), key=lambda kv: -kv[1]) if a2 == a_val)
        print(f"  {a_val:<3} {total:>4}  ({parts})")
    kinds = Counter(r.get(key_b) for _, r in rows)
    print("  by kind: " + ", ".join(f"{k} {c}" for k, c in kinds.most_common()))


def main(argv):
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    rep = Report()
    places_path = folder / "places.jsonl"
    agencies_path = folder / "agencies.jsonl"
    places = check_places(places_path, rep)
    place_names = {}
    for _, p in places:
        for s in p.get("names", []) if isinstance(p.get("names"), list) else []:
            if isinstance(s, str):
                place_names.setdefault(s, p.get("id"))
    agencies = check_agencies(agencies_path, rep, place_names)

    table(str(agencies_path), agencies, "country", "kind")
    table(str(places_path), places, "country", "kind")
    names_a = sum(len(a.get("names", [])) + len(a.get("acronyms", [])) + len(a.get("short", [])) for _, a in agencies)
    names_p = sum(len(p.get("names", [])) + len(p.get("adjectives", [])) for _, p in places)
    print(f"\nsurface forms: agencies {names_a}, places {names_p}")

    if rep.warnings:
        print(f"\n{len(rep.warnings)} warning(s):")
        for w in rep.warnings:
            print("  WARNING " + w)
    if rep.errors:
        print(f"\n{len(rep.errors)} error(s):", file=sys.stderr)
        for e in rep.errors:
            print("  ERROR " + e, file=sys.stderr)
        return 1
    print("\nOK: both gazetteers are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
