"""Agency names inside a person's title (issue 9, agency side).

Used by the `agency_ruler` before a gazetteer name gets its body. Pure functions over a
`Doc` and a matched span:

- a name opening on an open word ("شؤون", `#open` in `agency_qualifiers.txt`) right after
  a title and "ل" is the portfolio of that title, not a body: "وكيل وزارة الداخلية
  المساعد لشؤون الجنسية والجوازات" names an undersecretary's brief, and Bahrain's
  "شؤون الجنسية والجوازات" is not named (`portfolio`);
- a shared name inside a chain of titles takes the state of the adjective that closes the
  chain: in "رئيس مجلس الوزراء وزير الداخلية القطري" the cabinet is Qatar's, as the
  minister is (`title_state`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.agency_chains import open_words
from nlp.agency_context import name_key
from nlp.gazetteer import country_adjectives
from nlp.normalise import normalise_text

# words of a title that may stand before "ل + a portfolio" or right after a body's name
TITLE_WORDS = frozenset(normalise_text(w) for w in (
    "وزير", "وزيرة", "رئيس", "رئيسة", "نائب", "نائبة", "وكيل", "وكيلة", "مدير", "مديرة",
    "مستشار", "مستشارة", "المساعد", "المساعدة", "الدولة", "الأمين", "أمين", "الأول",
    "الثاني"))
PORTFOLIO_LINKS = {"ل", "لل"}
TITLE_REACH = 6  # tokens after the name within which the chain's adjective may stand


def portfolio(doc: Doc, span: Span) -> bool:
    """The name opens on an open word ("شؤون") after a title word and "ل"."""
    key = name_key(span[0].text)
    if not key or key[0] not in open_words() or span.start < 2:
        return False
    return doc[span.start - 1].norm_ in PORTFOLIO_LINKS \
        and doc[span.start - 2].norm_ in TITLE_WORDS


def title_state(doc: Doc, span: Span, states: set[str]) -> str | None:
    """The state of `states` named by the adjective that closes the title chain going on
    right after the name ("مجلس الوزراء وزير الداخلية القطري"), or None: the chain stops
    at punctuation, the sentence's end or after TITLE_REACH tokens."""
    if span.end >= len(doc) or doc[span.end].norm_ not in TITLE_WORDS:
        return None
    for token in doc[span.end:min(span.end + TITLE_REACH, span.sent.end)]:
        if not token.norm_.isalpha():
            return None
        state = country_adjectives().get(token.norm_)
        if state is not None:
            return state if state in states else None
    return None
