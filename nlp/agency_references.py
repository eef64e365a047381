"""Agency names that refer to a body named elsewhere in the article (issue 9, agency side).

Used by the `agency_ruler` and the `agency_tagger` once names are found, before or after
they get their ids. Pure functions over a `Doc`, its agency spans and gazetteer entries:

- a body named with "التابع/التابعة ل" and the body it belongs to ("مفوضية حقوق الإنسان
  التابعة للأمم المتحدة") is the gazetteer's body of that name under it, short forms
  included (`owned_by`, `under_owner`);
- a name cut to its head and a word or two of a body named before it with the same head
  ("إدارة المكافحة" after "الإدارة العامة لمكافحة المخدرات") is that body
  (`shortened_reference`);
- a unit's or new body's name whose words open a longer name the article gives elsewhere
  ("إدارة البحث والتحري" beside "إدارة البحث والتحري الجمركي") is the body of the longer
  name, when the longer name adds no place or state and is no sister body of one parent
  (`longer_named`);
- a name the model found that ends on a word pointing to something said before ("مركز
  الشرطة المختص", "مكتب التوظيف المعني", "اللجنة الفرعية المنبثقة", "الدائرة الجديدة")
  is a description, not a body (`ends_describing`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.agency_chains import agencies_by_id
from nlp.agency_context import _covered, generic_name, name_core, name_key
from nlp.gazetteer import Agency, load_agencies
from nlp.normalise import normalise_text

OWNER_WORDS = frozenset(normalise_text(w) for w in ("التابع", "التابعة", "التابعين"))
OWNER_LINKS = {"ل", "لل"}
OWNER_REACH = 3  # tokens after the owner word where the owner's name may start
# words that close a description pointing back ("الجهة المختصة", "المكتب المعني")
DESCRIBING_ENDS = frozenset(normalise_text(w) for w in (
    "المختص", "المختصة", "المعني", "المعنية", "المذكور", "المذكورة", "المشار",
    "المنبثق", "المنبثقة", "الجديد", "الجديدة"))
MAX_SHORTENED = 2  # content words after the head of a shortened back-reference


def owner_span(doc: Doc, span: Span, named: list[Span]) -> Span | None:
    """The named body after "التابع/التابعة ل" that closes `span`, or None."""
    if span.end + 1 >= len(doc) or doc[span.end].norm_ not in OWNER_WORDS:
        return None
    for other in named:
        if span.end + 1 <= other.start <= span.end + OWNER_REACH \
                and all(t.norm_ in OWNER_LINKS for t in doc[span.end + 1:other.start]) \
                and other._.canonical in agencies_by_id():
            return other
    return None


def ancestor_ids(agency: Agency) -> set[str]:
    """The ids of the bodies `agency` belongs to, at any depth."""
    by_id, ids, current = agencies_by_id(), set(), agency
    while current.parent in by_id and current.parent not in ids:
        ids.add(current.parent)
        current = by_id[current.parent]
    return ids


def under_owner(span: Span, owner: Span) -> Agency | None:
    """The one gazetteer body under `owner`'s body (at any depth) with a name or short
    form of the same head and content words as `span`."""
    head, rest, _ = name_core(span.text)
    if not head:
        return None
    found = {}
    for agency in load_agencies():
        if owner._.canonical not in ancestor_ids(agency):
            continue
        for name in agency.names + agency.short:
            h, r, _ = name_core(name)
            if h == head and _covered(rest, r) and _covered(r, rest):
                found[agency.id] = agency
    return next(iter(found.values())) if len(found) == 1 else None


def owned_by(doc: Doc, span: Span, named: list[Span]) -> Agency | None:
    """`under_owner` for a span closed by "التابع/التابعة ل + a named body"."""
    owner = owner_span(doc, span, named)
    return under_owner(span, owner) if owner is not None else None


def shortened_reference(doc: Doc, span: Span, named: list[Span]) -> Agency | None:
    """The one gazetteer body named before `span` with its head noun and more words,
    all of `span`'s words among them ("إدارة المكافحة" for "الإدارة العامة لمكافحة
    المخدرات"); None when there is none or several."""
    head, rest, state = name_core(span.text)
    if not head or not rest or len(rest) > MAX_SHORTENED or state:
        return None
    found = {}
    for other in named:
        agency = agencies_by_id().get(other._.canonical)
        if other.end > span.start or agency is None:
            continue
        h, r, _ = name_core(other.text)
        if h == head and len(r) > len(rest) and _covered(rest, r):
            found[agency.id] = agency
    return next(iter(found.values())) if len(found) == 1 else None


def longer_named(spans: list[Span]) -> list[Span]:
    """`spans` with a name that opens a longer generic name of the article given that
    name's gazetteer body (module docstring), unless that body belongs to it."""
    by_id = agencies_by_id()
    keys = [name_key(s.text) for s in spans]
    for span, key in zip(spans, keys):
        own = by_id.get(span._.canonical)
        if len(key) < 2 or (own is not None and own.parent is None):
            continue  # a top body ("وزارة الداخلية") is not a cut name of a longer one
        longer = {spans[j]._.canonical for j, k in enumerate(keys)
                  if len(k) > len(key) and k[:len(key)] == key
                  and spans[j]._.canonical in by_id and generic_name(spans[j].text)}
        if len(longer) != 1:
            continue
        body = by_id[longer.pop()]
        if body.id == span._.canonical or span._.canonical in ancestor_ids(body) \
                or (own is not None and own.parent == body.parent):
            continue  # a sister body of one parent ("مركز إيواء العمالة الوافدة" beside
            # "... للرجال", both the manpower authority's) is a body of its own
        span._.canonical, span._.country, span._.kind = body.id, body.country, body.kind
    return spans


def ends_describing(span: Span) -> bool:
    """The name ends on a word pointing back to something said ("المختص", "المعني")."""
    return span[-1].norm_ in DESCRIBING_ENDS
