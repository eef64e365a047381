"""Component `mention_resolver`: merge the span groups into the doc's final mentions.

Where spans of different labels overlap, the longer one wins ("معهد سعود الناصر الصباح" is
an institute, not a person; "دول مجلس التعاون" are states, not the council), and between
spans of one length the more specific label: LAW, then AGENCY, then PERSON, then
LOCATION. DATE spans may sit inside a LAW citation ("لسنة 2013") and are kept, and so may a
LAW inside a LAW (a law named inside its executive regulations, `nlp.laws`) and a treaty
inside a body's name ("مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة ...": the convention is
named too). A place
named like the family name of a person of the doc is that person ("د. علي الشويخ ...
وأوضح الشويخ"), not the area; a body the agency model found that ends on a person's name
("رئيسة الجمعية فاطمة العبدالله") is that person, not a body. A stand-in place name the
place ruler held back ("السلطنة") comes back when no kept mention names its place. The result is `doc.spans["mentions"]`, sorted by position.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

# group name -> rank; a lower rank wins an overlap
PRIORITY = {"laws": 0, "agencies": 1, "agencies_model": 2, "people": 3, "places": 4}


def resolve_mentions(doc: Doc) -> list[Span]:
    people = doc.spans.get("people", [])
    family = {span[-1].norm_ for span in people if len(span) > 1}
    named = {i for span in people for i in range(span.start, span.end)}
    candidates = [(span, rank) for group, rank in PRIORITY.items()
                  for span in doc.spans.get(group, [])
                  if not (group == "places" and len(span) == 1 and span[0].norm_ in family)
                  and not (group == "agencies_model" and span.end - 1 in named)]
    candidates.sort(key=lambda c: (-(c[0].end - c[0].start), c[1], c[0].start))
    kept: list[Span] = []
    for span, _ in candidates:
        if not any(_overlap(span, t) and not _nested_law(span, t) for t in kept):
            kept.append(span)
    kept += _stand_ins(doc, kept)
    kept += list(doc.spans.get("dates", []))
    return sorted(kept, key=lambda s: (s.start_char, s.end_char))


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _stand_ins(doc: Doc, kept: list[Span]) -> list[Span]:
    """The stand-in names the place ruler held back ("السلطنة" for Oman, in a text that also
    names Oman) whose place no kept LOCATION names: the other name was part of a longer
    mention ("شرطة عمان السلطانية"), so the stand-in is the text's name of the place."""
    named = {span._.canonical for span in kept if span.label_ == "LOCATION"}
    return [span for span in doc.spans.get("stand_ins", [])
            if span._.canonical not in named
            and not any(_overlap(span, t) for t in kept)]


# kinds of LAW that a body's name may hold and still name: the treaty of its parties
TREATY_KINDS = frozenset(("convention", "protocol", "treaty", "charter"))


def _nested_law(span: Span, kept: Span) -> bool:
    """A LAW inside a kept LAW (a law named inside its executive regulations, `nlp.laws`), or
    a treaty inside a kept AGENCY (the conference or committee of a convention's parties)."""
    if span.label_ != "LAW" or not (kept.start <= span.start and span.end <= kept.end):
        return False
    if kept.label_ == "LAW":
        return True
    canonical = span._.canonical
    kind = canonical.get("kind") if isinstance(canonical, dict) else None
    return kept.label_ == "AGENCY" and kind in TREATY_KINDS


@Language.component("mention_resolver", assigns=["doc.spans"])
def mention_resolver(doc: Doc) -> Doc:
    doc.spans["mentions"] = resolve_mentions(doc)
    return doc
