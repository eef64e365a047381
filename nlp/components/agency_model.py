"""Component `agency_tagger`: AGENCY names that no gazetteer lists, from a trained CRF.

A linear-chain CRF (sklearn-crfsuite, trained by `models/train.py` on
`data/training/agencies_ner.jsonl`) labels tokens B/I/O. Its features are the token's
norm, affixes, whether it is an organisation head noun, the POS where CAMeL tagging set
one (no lemma), the same for the neighbours, and the B/I/O of the agency ruler run over a
frozen copy of the listing (`LISTING`), not the live gazetteer: listing more bodies does
not change what the CRF is fed. Spans that overlap a gazetteer match are left to the gazetteer. A new agency
gets a stable id from its normalised name, transliterated (`ar2safebw`); a unit named
with its body is a body of its own beside it (a committee keeps the body in its name),
and a head with a bare place noun ("شرطة المنطقة") is the body of that head named before.
Sub-units the CRF never proposes ("شعبة البحث والتحري") come from `nlp.agency_units`. The CRF of the
running tokenizer mode is loaded; one built for another mode or library version is
refused (`nlp/stamp.py`).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from core.errors import ModelMissingError
from core.paths import TRAINING
from core.vocabulary import list_entries
from nlp.agency_chains import (
    LINKS,
    agencies_by_id,
    chained_parent,
    cut_agency,
    department_of,
    regional_end,
    reissued,
)
from nlp.agency_context import (
    context_state,
    known_agency,
    name_core,
    name_key,
    new_agency_id,
    similar_agency,
)
from nlp.agency_references import (
    ends_describing,
    longer_named,
    owned_by,
    owner_span,
    shortened_reference,
)
from nlp.agency_units import (
    RANKS,
    is_station,
    police_stations,
    station_end,
    sub_units,
    trafficking_link_end,
)
from nlp.components.agencies import HEAD_NOUNS, QUOTE_PAIRS, AgencyRuler, hosted
from nlp.components.data_files import DataFiles, data_path
from nlp.normalise import DEMONSTRATIVES, normalise_text, strip_article
from nlp.stamp import load_stamped, model_file, tokenizer_mode
from nlp.tokenizer import is_word

log = logging.getLogger(__name__)
MIN_TOKENS = 2
# place nouns that, bare after a head noun, refer back to the place already named
PLACE_NOUNS = frozenset(normalise_text(w) for w in (
    "المنطقة", "المحافظة", "الإمارة", "الولاية", "الدولة", "البلاد"))
NON_BODIES = "agency_non_bodies"  # data/gazetteers/agency_non_bodies.txt


# the frozen copy of the agency listing whose matches the CRF's "gaz" feature reads: the
# live gazetteer grows every round, and a CRF fed its matches learns less of a name's shape
# from each sentence whose body it lists; the matcher of the served names stays the live one
LISTING = TRAINING / "frozen" / "agencies.jsonl"
LISTING_FILE = "agency_crf_listing.jsonl"
OFFSETS = (-2, -1, 0, 1, 2)
# feature names of every neighbour, and of the nearest ones only (POS when tagged)
WIDE = ("norm", "al", "head", "gaz", "punct", "suf2", "clitic")
NEAR = ("pre3", "suf3", "pos")
_KEYS = {o: (tuple(f"{o}:{n}" for n in WIDE), tuple(f"{o}:{n}" for n in NEAR), f"{o}:edge")
         for o in OFFSETS}


def _token_values(token, gazetteer_tag: str) -> tuple[tuple, tuple]:
    """The values of a token's WIDE and NEAR features, computed once per token."""
    norm = token.norm_
    bare = strip_article(norm)
    wide = (norm, norm.startswith("ال"), bare in HEAD_NOUNS, gazetteer_tag, not norm.isalnum(),
            norm[-2:], len(norm) == 1 and norm.isalpha())
    near = (bare[:3], norm[-3:], token.tag_) if token.tag_ else (bare[:3], norm[-3:])
    return wide, near


def listing_ruler(nlp: Language, path: Path | None = None) -> AgencyRuler:
    """The agency ruler over the CRF's frozen listing (`LISTING`), loaded."""
    ruler = AgencyRuler(nlp, "agency_crf_listing", str(path or LISTING))
    ruler.initialize()
    return ruler


def listing_tags(ruler: AgencyRuler, doc: Doc) -> list[str]:
    """B/I/O of each token of `doc` by what the frozen listing's ruler names in it (run on
    a copy: the doc keeps the live gazetteer's agencies and state)."""
    tags = ["O"] * len(doc)
    copy = ruler(doc.copy())
    for span in copy.spans.get("agencies", []):
        tags[span.start] = "B"
        for k in range(span.start + 1, span.end):
            tags[k] = "I"
    return tags


def doc_features(doc: Doc, tags: list[str]) -> list[dict]:
    """CRF features of each token of `doc`: its own and its neighbours' values (two on
    each side; affixes and POS of the nearest only), and its B/I/O `tags` by the frozen
    listing (`listing_tags`)."""
    values = [_token_values(token, tag) for token, tag in zip(doc, tags)]
    features = []
    for i in range(len(doc)):
        feats = {"bias": 1.0}
        for offset in OFFSETS:
            wide_keys, near_keys, edge = _KEYS[offset]
            j = i + offset
            if not 0 <= j < len(values):
                feats[edge] = True
                continue
            wide, near = values[j]
            feats.update(zip(wide_keys, wide))
            if abs(offset) <= 1:
                feats.update(zip(near_keys, near))
        features.append(feats)
    return features


@lru_cache(maxsize=4)
def load_model(mode: str = "camel", path: Path | None = None):
    """The CRF trained with tokenizer `mode`; refused when its stamp does not fit."""
    return load_stamped(path or model_file("agency_crf", mode), mode)


class AgencyTagger(DataFiles):
    def __init__(self, nlp: Language, name: str = "agency_tagger", use_model: bool = True,
                 model: str | None = None):
        self.mode = tokenizer_mode(nlp)
        # without the model: the rules alone (build_nlp(without=...), model ablations)
        self.files = {"agency_crf.pkl": data_path(model, model_file("agency_crf", self.mode)),
                      LISTING_FILE: LISTING} if use_model else {}
        self.listing = AgencyRuler(nlp, "agency_crf_listing")
        self.model = None

    def load(self, paths: dict) -> None:
        self.model = None
        if "agency_crf.pkl" not in paths:
            return
        try:
            self.model = load_model(self.mode, paths["agency_crf.pkl"])
            if not Path(paths[LISTING_FILE]).is_file():  # a pipeline saved before the listing
                raise ModelMissingError(paths[LISTING_FILE])
            self.listing.load({"agencies.jsonl": paths[LISTING_FILE]})
        except ModelMissingError as error:
            log.warning("agency_tagger is off: %s", error)
            self.model = None

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None or not len(doc):
            doc.spans["agencies_model"] = []
            return doc
        labels = self.model.predict_single(doc_features(doc, listing_tags(self.listing, doc)))
        known = list(doc.spans.get("agencies", []))
        spans = []
        for start, end in bio_spans(labels):
            span = _trim(doc[start:_continued(doc, end)])
            if span is None:
                continue
            span = _station(doc, span)  # "مركز شرطة صلالة" ends with its place
            if span is None:
                continue
            span, parent = _chain(doc, _board_of(doc, span), known)
            mission = _mission(doc, span) if parent is None else None
            span = mission[0] if mission is not None else span
            if any(span.start < s.end and s.start < span.end for s in known
                   if parent is None or s.start != parent.start):
                continue
            labelled = self._labelled(doc, span, parent)
            if labelled is not None and labelled._.canonical not in agencies_by_id():
                labelled = _new_body_of(doc, labelled, known, mission)
            if labelled is not None:
                spans.append(labelled)
        for span in sub_units(doc, known + spans):  # "شعبة البحث والتحري"
            labelled = self._labelled(doc, span)
            spans += [labelled] if labelled is not None else []
        for span in police_stations(doc, known + spans):  # "مركز شرطة أبي عريش"
            labelled = self._labelled(doc, span)
            spans += [labelled] if labelled is not None else []
        reissued(doc, known, spans)
        longer_named([s for s in known + spans if s._.source not in ("short", "anaphora")])
        doc.spans["agencies_model"] = spans
        doc.spans["agencies"] = known
        return doc

    def _labelled(self, doc: Doc, span: Span, parent: Span | None = None) -> Span | None:
        """The name as the gazetteer body it stands for, or as a new body of its state;
        None for an unknown name with nothing definite after its head ("إدارة ألعاب
        قمار") or nothing but qualifiers ("المفوضية العليا"): a description or a name cut
        short, not the proper name of a body. A new body's state is the one its name's
        adjective names ("اللجنة البحرينية ..."), else its context's; a department
        named with the body it belongs to (`parent`) is that body's, of its state."""
        body = agencies_by_id()[parent._.canonical] if parent is not None else None
        state = body.country if body is not None else None
        own = doc[span.start:parent.start - 1] if parent is not None else span
        named = list(doc.spans.get("agencies", []))
        known = (department_of(own.text, body) if body is not None else None) \
            or owned_by(doc, own, named) or known_agency(doc, own, state) \
            or similar_agency(doc, own, state) or cut_agency(doc, span) \
            or shortened_reference(doc, own, named)
        cut = _through_cut_word(doc, span) if known is None and parent is None else None
        if cut is not None:  # "نيابة الاتجار" + "بالأشخ" cut at the text's end
            (span, known), own = cut, cut[0]
        # a unit named with its body: the body is a mention of its own; a committee the
        # gazetteer lacks keeps the body it sits in in its name (`hosted`)
        span = span if known is None and hosted(own) else own
        if known is None and _back_reference(span):  # "شرطة المنطقة"
            known = _referred(doc, span)
            if known is None:
                return None
        if known is None and (_opens_with_non_body(span) or ends_describing(span)
                              or _after_demonstrative(doc, span)) \
                or _foreign_description(doc, span, known) or _counted(doc, span) \
                or _verbal_noun(doc, span):
            return None
        shorter = _without_last_conjunct(doc, span)
        if known is None and shorter is not None:  # "وزارة التجارة والجهات المعنية"
            known = known_agency(doc, shorter) or similar_agency(doc, shorter)
            span = shorter if known is not None else span
        _, rest, named_state = name_core(span.text)
        if known is None and not is_station(span) \
                and (not rest or not _has_definite_word(doc, span)):
            return None
        span = Span(doc, span.start, span.end, label="AGENCY")
        if known is not None:
            span._.country, span._.canonical, span._.kind = known.country, known.id, known.kind
        else:
            span._.country = state or named_state or context_state(doc, span)
            span._.canonical = new_agency_id(span.text, span._.country)
        span._.source = "model"
        return span


# the tags of `agency_non_bodies.txt` that mark single words or boards, not phrases
# that open no body
WORD_TAGS = frozenset(("board", "describes", "describes-abroad", "evaluates"))


@lru_cache(maxsize=1)
def _non_bodies() -> tuple[tuple[tuple[str, ...], bool], ...]:
    """(phrase, alone) of each phrase that opens no body; `alone` ("#alone"): only when it is
    the whole name ("الديوان العام" of a ministry, not "الديوان العام للمحاسبة")."""
    return tuple((name_key(entry), comment.split()[:1] == ["alone"])
                 for entry, comment in list_entries(NON_BODIES)
                 if not comment.split() or comment.split()[0] not in WORD_TAGS)


@lru_cache(maxsize=8)  # one entry a tag (WORD_TAGS)
def _tagged(tag: str) -> tuple[str, ...]:
    """The entries of `agency_non_bodies.txt` tagged "#<tag>", normalised, in file order."""
    return tuple(normalise_text(entry) for entry, comment in list_entries(NON_BODIES)
                 if tag in comment.split())


@lru_cache(maxsize=2)
def _describing(abroad: bool = False) -> frozenset[str]:
    """The describing words of `agency_non_bodies.txt`; with `abroad`, also those that
    describe only against another state's body ("#describes-abroad")."""
    return frozenset(_tagged("describes") + (_tagged("describes-abroad") if abroad else ()))


@lru_cache(maxsize=1)
def _boards() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.split()) for entry in _tagged("board"))


def _board_of(doc: Doc, span: Span) -> Span:
    """The body a board belongs to: "مجلس إدارة مراكز إيواء ..." names "مراكز إيواء ..."."""
    norms = tuple(t.norm_ for t in span)
    for phrase in _boards():
        if norms[:len(phrase)] == phrase and len(span) > len(phrase) + 1:
            return doc[span.start + len(phrase):span.end]
    return span


def _through_cut_word(doc: Doc, span: Span) -> tuple[Span, object] | None:
    """(span, body) when the model's name stops just before a word the text's end cuts
    ("نيابة الاتجار" before "بالأشخ", which the model leaves out, split or not) and the name
    with it opens a gazetteer name (`cut_agency`)."""
    for extra in (1, 2):  # the cut word, or its proclitic and its rest
        if span.end + extra > len(doc):
            return None
        longer = doc[span.start:span.end + extra]
        body = cut_agency(doc, longer)
        if body is not None:
            return longer, body
    return None


# heads of a state's mission abroad, and the words before the place it sits in
MISSION_HEADS = frozenset(normalise_text(w) for w in ("سفارة", "قنصلية"))
MISSION_LINKS = frozenset(normalise_text(w) for w in ("في", "لدى"))


def _mission(doc: Doc, span: Span) -> tuple[Span, str, int] | None:
    """(name, state, end of its id's words) of an embassy or consulate the model found
    named by the state it represents ("سفارة مملكة هولندا"): the name runs to that state's
    end, and on over "في/لدى + the place it sits in" ("... في الكويت"), while its id is made
    of the words up to the state, so the embassy named with and without its seat is one
    body; None for any other name."""
    if strip_article(span[0].norm_) not in MISSION_HEADS:
        return None
    places = doc.spans.get("places", [])
    state = next((p for p in places if span.start < p.start <= span.end
                  and p._.kind == "country" and p._.country), None)
    if state is None:
        return None
    end = state.end
    if end + 1 < len(doc) and doc[end].norm_ in MISSION_LINKS:
        end = next((p.end for p in places if p.start == end + 1), end)
    return doc[span.start:end], state._.country, state.end


def _new_body_of(doc: Doc, span: Span, known: list[Span],
                 mission: tuple[Span, str, int] | None) -> Span:
    """A new body's span with the state it belongs to: an embassy's is the state it
    represents (`_mission`); a body named with "التابع/التابعة ل + an international
    body" ("لجنة ... التابعة للأمم المتحدة") keeps that owner in its name and has no state."""
    state = mission[1] if mission is not None else span._.country
    owner = owner_span(doc, span, known)
    body = agencies_by_id().get(owner._.canonical) if owner is not None else None
    end = span.end
    if body is not None and body.country is None:
        state, end = None, owner.end
    new = Span(doc, span.start, end, label="AGENCY")
    new._.country, new._.source, new._.kind = state, span._.source, span._.kind
    named = doc[span.start:mission[2]] if mission is not None and body is None else new
    new._.canonical = new_agency_id(named.text, state)
    return new


def _after_demonstrative(doc: Doc, span: Span) -> bool:
    """A demonstrative right before the name ("هذه الدائرة القضائية"): it points back to
    a body named before, it is not a proper name of its own."""
    return span.start > 0 and doc[span.start - 1].norm_ in DEMONSTRATIVES


# words that, before an indefinite head, count or pick one of a kind: "أول لجنة لمكافحة
# الاتجار" (the first such committee), "أي مركز", "كل لجنة": a description, not a name
COUNTING_WORDS = frozenset(normalise_text(w) for w in (
    "أول", "أولى", "ثاني", "ثالث", "أي", "أية", "كل", "أحد", "إحدى"))
# heads that are also verbal nouns: "إنشاء وإدارة مراكز إيواء" (to set up and run them)
VERBAL_HEADS = frozenset(normalise_text(w) for w in ("إدارة",))


def _counted(doc: Doc, span: Span) -> bool:
    """An indefinite head after a counting word ("عقد أول لجنة لمكافحة الاتجار"): one of
    a kind described, not the proper name of a body, even when it reads like one."""
    return span.start > 0 and not span[0].norm_.startswith("ال") \
        and doc[span.start - 1].norm_ in COUNTING_WORDS


def _verbal_noun(doc: Doc, span: Span) -> bool:
    """An indefinite head that is also a verbal noun, joined by "و" to another indefinite
    verbal noun ("بهدف إنشاء وإدارة مراكز إيواء"): the act of running something, no body
    (a list of bodies joins definite names: "وزارة الداخلية وإدارة الجوازات")."""
    if span.start < 2 or span[0].norm_ not in VERBAL_HEADS or doc[span.start - 1].norm_ != "و":
        return False
    before = doc[span.start - 2].norm_
    return before.isalpha() and not before.startswith("ال") and before not in HEAD_NOUNS \
        and not any(p.start <= span.start - 2 < p.end for p in doc.spans.get("places", []))


def _back_reference(span: Span) -> bool:
    """A head noun and a bare place noun ("شرطة المنطقة", "إمارة المنطقة"): the body of
    that kind named before for the place the article is about, not a name of its own."""
    words = [t.norm_ for t in span if t.norm_ != "و"]
    return len(words) == 2 and words[1] in PLACE_NOUNS


def _referred(doc: Doc, span: Span):
    """The one gazetteer body with the same head noun named before `span`, or None."""
    head = strip_article(span[0].norm_)
    earlier = {s._.canonical for s in doc.spans.get("agencies", [])
               if s.end <= span.start and strip_article(s[0].norm_) == head}
    return agencies_by_id().get(earlier.pop()) if len(earlier) == 1 else None


def _opens_with_non_body(span: Span) -> bool:
    """The name opens with a phrase of `agency_non_bodies.txt` ("القطاع الخاص ...") or its
    head is followed by a describing word ("مركز جديد لإيواء الذكور") or a judging one
    (`_praised`)."""
    if _described(span) or _praised(span):
        return True
    key = name_key(span.text)
    return any(key == phrase if alone else key[:len(phrase)] == phrase
               for phrase, alone in _non_bodies())


def _described(span: Span, abroad: bool = False) -> bool:
    """The head is followed by a describing word of `agency_non_bodies.txt` ("مركز جديد
    لإيواء الذكور"; with `abroad`, "مؤسسة وطنية لحقوق الإنسان"): an indefinite description."""
    words = normalise_text(span.text).split()  # "وهمي" is split as "و" + "همي"
    return len(words) > 1 and words[1] in _describing(abroad)


def _praised(span: Span) -> bool:
    """A definite head followed by a definite word that judges (`#evaluates` in
    `agency_non_bodies.txt`: "التزام المجلس الراسخ والعازم"): praise of a body, never its
    name; an indefinite one may be a proper name ("مركز جاد للاستشارات")."""
    words = normalise_text(span.text).split()
    return len(words) > 1 and _definite(words[0]) and words[1].startswith("ال") \
        and strip_article(words[1]) in _tagged("evaluates")


def _foreign_description(doc: Doc, span: Span, known) -> bool:
    """An indefinite description ("مؤسسة وطنية لحقوق الإنسان") that reads like another
    state's body: in a Kuwaiti article calling for one, not Bahrain's institution. It
    stays its context state's body ("أنشأت الإمارات لجنة وطنية لمكافحة الاتجار")."""
    return known is not None and known.country is not None and _described(span, abroad=True) \
        and known.country != context_state(doc, span)


def _without_last_conjunct(doc: Doc, span: Span) -> Span | None:
    """The span without a last "و + word" it may have run on into ("اللجنة الدائمة لمكافحة
    جرائم الاتجار وآليات"), or None; kept only when the shorter name is a known body."""
    last = span[-1].text
    if len(span) > 2 and last.startswith("و") and len(last) > 3:
        return doc[span.start:span.end - 1]
    if len(span) > 3 and span[-2].text == "و":
        return doc[span.start:span.end - 2]
    return None


def _chain(doc: Doc, span: Span, known: list[Span]) -> tuple[Span, Span | None]:
    """The span run on over "ب/في + the body it belongs to" (`nlp.agency_chains`), or cut
    where it ran into that body's name; with the body's span, or None. A span with no
    such body runs on over a region it names ("... بمنطقة الشرق الأوسط")."""
    for token in span[1:]:
        inner = doc[span.start:token.i]
        if token.norm_ in LINKS and len([t for t in inner if t.norm_.isalpha()]) >= MIN_TOKENS \
                and chained_parent(doc, inner, known) is not None:
            span = inner
            break
    parent = chained_parent(doc, span, known)
    if parent is None:
        return doc[span.start:regional_end(doc, span)], None
    return doc[span.start:parent.end], parent


def _has_definite_word(doc: Doc, span: Span) -> bool:
    """A word after the head carries the article ("لل" included) or a place is named; an
    indefinite head is not followed by "ل" ("مركز لضحايا الاتجار": a centre for them), nor
    a head by a conjunct alone ("الشرطة والجمارك")."""
    second = span[1].text
    if not span[0].text.startswith("ال") and second.startswith("ل") and not second.startswith("لل"):
        return False
    words = [t.text for t in span if t.text != "و"]
    if len(words) == 2 and (len(span) == 3 or words[1].startswith("و")):  # "الشرطة والجمارك"
        return False
    if any(t.text.startswith(("ال", "لل")) for t in span[1:]):
        return True
    return any(p.start < span.end and span.start < p.end for p in doc.spans.get("places", []))


# the fixed second half of anti-trafficking bodies' names, which the model may cut off
CONTINUATIONS = (("وتهريب", "المهاجرين"), ("و", "تهريب", "المهاجرين"), ("وتهريب", "البشر"))


# adjectives of a unit's remit, whose "ب + what" belongs to the name ("النيابة المتخصصة
# بمكافحة الاتجار بالأشخاص")
REMIT_WORDS = frozenset(normalise_text(w) for w in (
    "المتخصص", "المتخصصة", "المختص", "المختصة", "المعني", "المعنية"))
REMIT_LINKS = {"ب", "ل", "لل", "و"}


def _continued(doc: Doc, end: int) -> int:
    """`end`, moved past "وتهريب المهاجرين" when the name goes on with it, and past the
    remit a remit adjective ends on (`_remit_end`)."""
    for words in CONTINUATIONS:
        if tuple(t.norm_ for t in doc[end:end + len(words)]) == words:
            return end + len(words)
    linked = trafficking_link_end(doc, end)  # "قسم الاتجار" + "في البشر"
    return linked if linked > end else _remit_end(doc, end)


def _remit_end(doc: Doc, end: int) -> int:
    """After a name ending on a remit adjective ("المتخصصة"), the end of "ب + a noun" and
    the definite words that complete it ("بمكافحة الاتجار بالأشخاص"); else `end`."""
    if end < 1 or end + 1 >= len(doc) or doc[end - 1].norm_ not in REMIT_WORDS \
            or doc[end].norm_ != "ب" or not doc[end + 1].norm_.isalpha():
        return end
    end, linked = end + 2, False
    while end < len(doc):
        norm = doc[end].norm_
        if _definite(norm) and not norm.startswith("ال"):
            end, linked = end + 1, True  # "بالأشخاص" written as one token
        elif _definite(norm) and not linked:  # "بمكافحة الاتجار"
            end += 1
        elif norm in REMIT_LINKS and end + 1 < len(doc) and _definite(doc[end + 1].norm_):
            end, linked = end + 2, True  # "ب" + "الأشخاص"; after it only linked words
        else:
            break
    return end


def _definite(norm: str) -> bool:
    return norm.isalpha() and norm.startswith(("ال", "بال", "لل", "وال"))


def bio_spans(labels: list[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, label in enumerate(labels + ["O"]):
        if label == "B" or label == "O":
            if start is not None:
                spans.append((start, i))
                start = None
            if label == "B":
                start = i
        elif label == "I" and start is None:
            start = i
    return spans


# tokens a name never runs on into: time words, and what opens a title, a date or a clause
STOP_NORMS = RANKS | {"خلال", "منذ", "حتي", "بعد", "قبل", "امس", "اليوم", "الان", "عام", "سنه",
              "الدكتور", "الشيخ", "السفير", "المستشار", "رئيس", "مدير", "وزير", "السيد", "السيده",
              "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "،", ",",
              "ان", "انه", "انها", "تم",  # "إن/أن", "تم" open a clause: "قال مدير إدارة المكافحة إن ..."
              # "represented by" opens the unit that acts for the body: "أكاديمية الشرطة ممثلة في ..."
              "ممثله", "ممثلا", "ممثلين", "ممثلتين", "متمثله", "متمثلا", "متمثلين",
              # a spokesperson's title after the body they speak for: "مديرة إدارة ... الناطقة الرسمية"
              "الناطق", "الناطقه", "المتحدث", "المتحدثه",
              # a relative pronoun opens a clause about the body: "مركز أبوظبي الذي يستوعب ..."
              "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي",
              # "وذلك" opens a clause of purpose: "... بالإدارة العامة للبحث والمتابعة وذلك لمتابعة"
              "ذلك", "وذلك"}


QUOTED_WORDS = 3  # a quoted proper name inside a body's name: at most this many words


def _fused_clause_word(token) -> bool:
    """A word the light splitter left whole with its "و" and no article ("ونعمل"): at a
    name's end it opens the next clause; a name's last conjunct is definite ("والجوازات")."""
    norm = token.norm_
    return len(norm) > 3 and norm.startswith("و") and not norm[1:].startswith(("ال", "لل")) \
        and norm.isalpha() and token.i > 0 and token.doc[token.i - 1].norm_ != "و"


def _opening_quote(token, span: Span) -> bool:
    """A quotation mark that opens a quote the name is followed by ("الدائرة «الإسراع
    ...»"): not a short quoted proper name that the name goes on after ("جمعية «أمان»
    لحماية الأسرة"), which closes within QUOTED_WORDS words with words of the span after it."""
    closing = QUOTE_PAIRS.get(token.text.strip())
    if closing is None:
        return False
    after = [t.text.strip() for t in span.doc[token.i + 1:min(span.end, token.i + QUOTED_WORDS + 2)]]
    return not (closing in after[1:] and token.i + 1 + after.index(closing, 1) + 1 < span.end)


def _verb_after_name(tokens: list) -> bool:
    """The last of `tokens` is a verb the name's sentence goes on with ("لجنة التفتيش
    اكتشفت"): tagged a verb, or, untagged, a word with no article ending on the feminine
    "ت" of a past verb right after a definite word."""
    if len(tokens) < 3:
        return False
    last, before = tokens[-1], tokens[-2].norm_
    if last.tag_:
        return last.tag_ == "verb"
    norm = last.norm_
    return norm.isalpha() and len(norm) > 3 and norm.endswith("ت") \
        and not norm.startswith(("ال", "لل", "بال", "وال")) and _definite(before) \
        and not norm.endswith("ات")


def _trim(span: Span) -> Span | None:
    """Cut at a digit (alone or glued to a word: "والأطفال24 ألفاً"), a stop word, a weekday, a comma or a quote the name is followed by
    (`_opening_quote`; a short quoted proper name inside it is read through to its closing
    mark), a word no name goes on through (`_outside_name`) or a "في" right after the bare
    head; drop edge punctuation and a last word that opens a clause (`_fused_clause_word`);
    keep spans of two words or more that open on a head noun and do not describe it
    (`_described_head`)."""
    tokens, closing = [], None  # the mark that closes a quoted proper name let through
    for token in span:
        mark = token.text.strip()
        if mark == closing:  # a straight quote closes as it opens ('جمعية "أمان" لحماية')
            closing = None
        elif token.i > span.start and (_has_digit(token) or token.norm_ in STOP_NORMS
                                       or _opening_quote(token, span)
                                       or closing is None and _outside_name(token, span, tokens)
                                       or len(tokens) == 1 and token.norm_ == "في"):
            break  # "شرطة في سلطنة عمان": a bare head where it acts, no name
        elif mark in QUOTE_PAIRS:
            closing = QUOTE_PAIRS[mark]
        tokens.append(token)
    while tokens and (not is_word(tokens[-1]) or _fused_clause_word(tokens[-1])
                      or _verb_after_name(tokens)):
        tokens.pop()
    while tokens and not is_word(tokens[0]):
        tokens.pop(0)
    if len([t for t in tokens if t.norm_.isalpha()]) < MIN_TOKENS:
        return None
    if strip_article(tokens[0].norm_) not in HEAD_NOUNS or _described_head(tokens):
        return None
    return span.doc[tokens[0].i:tokens[-1].i + 1]


DASHES = frozenset("-–—")
ACCUSATIVE = "\u064b"  # fathatan: "إيماناً بأهمية ..." is an adverbial, no word of a name


def _outside_name(token, span: Span, before: list) -> bool:
    """A word no name of a body goes on through, after the words `before` it: a verb
    ("إدارة المكتب اعترف لرجال ..."); an adverbial accusative after the name's own words
    ("هيئة عامة لحقوق الإنسان إيماناً بأهمية", not the proper name right after the head or
    a mark: "جمعية معاً", "جمعية (معاً)"); a dash that opens an aside ("القطاع العائلي -
    البالغ"), not one between two adjectives of a joint body ("اللجنة الكويتية - الفلبينية
    المشتركة"); a bracket that does not close inside the span ("معهد (جنيف")."""
    text = token.text.strip()
    if token.tag_ == "verb":
        return True
    if ACCUSATIVE in token.text:
        return len(before) >= 2 and is_word(before[-1])
    if text in DASHES:
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return after is None or not _adjective_ending(after.norm_)
    return text == "(" and not any(t.text.strip() == ")" for t in span.doc[token.i + 1:span.end])


def _adjective_ending(norm: str) -> bool:
    """A relative adjective's ending ("الفلبينية", "الأمريكي"), normalised."""
    return norm.isalpha() and norm.endswith(("ي", "يه"))


def _described_head(tokens: list) -> bool:
    """A definite head with an indefinite word right after it: a ل-phrase ("اللجنة لحصر
    ظاهرة ...": a body described by its task) or the verb's object ("ستبدأ الهيئة تنفيذ
    حملة"). A definite head takes no genitive; a name qualifies it with a definite
    adjective first ("اللجنة الوطنية لمكافحة ..."), or with "غير" and one ("الجمعية غير
    الحكومية"), or opens indefinite ("لجنة لحصر ...")."""
    if len(tokens) < 2 or not _definite(tokens[0].norm_):
        return False
    after = tokens[1].norm_
    if after == "غير" and len(tokens) > 2 and _definite(tokens[2].norm_):
        return False  # "الجمعية غير الحكومية ...": a negated adjective, part of the name
    return after.isalpha() and not _definite(after)


def _station(doc: Doc, span: Span) -> Span | None:
    """A police station's name ended with its place ("مركز شرطة صلالة" of the model's
    "مركز شرطة صلالة القبض"); None for the head with no place after it ("أقرب مركز
    شرطة أو ..."); else the span as it is."""
    end = station_end(doc, span.start)
    if end is None:
        return None if is_station(span) else span
    return doc[span.start:end]


def _has_digit(token) -> bool:
    """The token is or holds a number ("2025", "والأطفال24": a figure glued to a word)."""
    return any(c.isdigit() for c in token.norm_)


@Language.factory("agency_tagger", assigns=["doc.spans"], requires=["doc._.country"],
                  default_config={"use_model": True, "model": None})
def make_agency_tagger(nlp: Language, name: str, use_model: bool, model: str | None) -> AgencyTagger:
    """`model`: the trained CRF read by `initialize()`; None, the bundled one."""
    return AgencyTagger(nlp, name, use_model, model)
