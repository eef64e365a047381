"""Component `place_ruler`: LOCATION spans from the places gazetteer.

Countries, cities, regions and groups of countries ("دول مجلس التعاون") are matched on
normalised tokens; each span carries the place id and its country code, and the doc's
main country (the one named most often, Kuwait when none is) is kept for the components
that need a default (agencies with a name shared by several states); cities count for
their country.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp import gazetteer  # its GAZETTEER_DIR read when a component is made
from nlp.components.data_files import DataFiles, data_path
from nlp.components.matching import PhraseTable
from nlp.gazetteer import Place, load_places, load_word_list
from nlp.normalise import normalise_text
from nlp.tokenizer import QUOTE_PAIRS

DEFAULT_COUNTRY = "KW"
# "منطقة", "ضاحية", "مدينة": words before a place's name that are not part of it
AREA_WORDS = {"منطقه", "ضاحيه", "مدينه"}
# head words of a division: left out when the rest names the same place ("محافظة ظفار" ->
# "ظفار"), kept when the rest is another place ("منطقة جازان", the region; "جازان", the town)
HEAD_WORDS = AREA_WORDS | {"محافظه", "ولايه", "اماره", "بلديه"}
# a city after one of these names a document or a process, not a place ("وثيقة أبوظبي",
# "إعلان الدوحة", "عملية الخرطوم")
DOCUMENT_WORDS = {"وثيقه", "اعلان", "عمليه", "ميثاق", "مسار"}
# a person before a country's name in ي reads it as the nationality: "مواطن جيبوتي",
# "عامل ملاوي" (a Djiboutian citizen, a Malawian worker)
PERSON_NOUNS = {normalise_text(w) for w in (
    "مواطن", "عامل", "وافد", "مقيم", "شاب", "رجل", "طفل", "لاجئ", "مهاجر", "متهم", "سائق",
    "بحار", "صياد", "شخص", "مسافر", "زائر", "مستثمر", "خادم", "حارس", "راع", "طالب", "مريض",
    "نزيل", "ضحية", "جان", "مشتبه")}
LIST_JOINS = {"و", "،", ","}
# the words before a region named in a count ("و14 في الداخلية، و7 في الظاهرة") or a list
REGION_LISTED = {"في", "و", "،", ","}
# "إحدى الدول الآسيوية", "أحد بلدان الخليج": one country of a group, unnamed
UNNAMED_MEMBER = {"احدي", "احد"}
QUOTES = set(QUOTE_PAIRS.items())
# a port or an airport named for its town is a place of its own ("ميناء الشويخ", "مطار
# مسقط الدولي"): the word is kept, and so is an adjective of the facility's own name after
# it ("الدولي"; "ميناء جدة الإسلامي")
PORT_WORDS = {"ميناء", "مرفا", "مطار"}
PORT_ADJECTIVES = {"الدولي", "الاسلامي"}
# an industrial or crafts quarter named for its town is an area of its own ("العارضية
# الصناعية", "الشويخ الصناعية", "العارضية الحرفية"): the adjective is the name's
QUARTER_ADJECTIVES = {"الصناعيه", "الحرفيه"}
QUARTER_HEADS = {"منطقه", "ضاحيه"}  # "منطقة العارضية الحرفية": the quarter's own head word
# prepositions and adverbs of place before a town's name: no noun the adjective could describe
NOT_HEADS = {normalise_text(w) for w in (
    "على", "حتى", "لدى", "عند", "بين", "قرب", "داخل", "خارج", "نحو", "حول", "قبالة", "منذ",
    "ضمن", "عبر", "مثل", "وفي", "ومن", "وفى")}
# a hospital or clinic named for its area ("مستشفى العدان", "مستوصف الجابرية") is a building
# the text names, not the area: the place is left out
FACILITY_WORDS = {"مستشفي", "مستوصف", "عياده"}
TANWEEN_FATH = "\u064b"
# words that start like a definite noun but are not one (normalised: "إلى", "الذي", "الآن")
NOT_NOUNS = {"الي", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "الان"}


class PlaceRuler(DataFiles):
    def __init__(self, nlp: Language, name: str = "place_ruler", places: str | None = None):
        self.vocab, self.make_doc = nlp.vocab, nlp.tokenizer
        self.files = {"places.jsonl": data_path(places, gazetteer.GAZETTEER_DIR / "places.jsonl")}

    def load(self, paths: dict) -> None:
        self.table = PhraseTable(self.vocab, self.make_doc)
        self.own_names: dict[str, set[str]] = {}  # place id -> its names, normalised
        self.adjective_names: set[str] = set()  # "السعودية": a country and its adjective
        self.not_before: dict[str, set[str]] = {}  # place id -> words that undo it ("رأس")
        self.list_names: set[str] = set()  # "بنين": a place only among other countries
        self.alone_names: set[str] = set()  # "السلطنة": Oman where nothing else names it
        for place in load_places(paths["places.jsonl"]):
            self.table.add_all((n, place) for n in place.names + place.list_names + place.alone_names)
            self.alone_names |= {normalise_text(n) for n in place.alone_names}
            self.not_before[place.id] = {normalise_text(w) for w in place.not_before}
            self.list_names |= {normalise_text(n) for n in place.list_names}
            norms = {normalise_text(n) for n in place.names}
            self.own_names[place.id] = norms
            self.adjective_names |= norms & {normalise_text(a) for a in place.adjectives}

    def __call__(self, doc: Doc) -> Doc:
        spans, countries, listed = [], Counter(), set()
        for span, places in self.table.find(doc):
            place = places[0]
            if not self._is_place(doc, span, place):
                continue
            bare = _norm(span) in self.list_names  # "بمنطقة السهلة" is a place anywhere
            start = self._name_start(doc, span, place)
            span = doc[start:_facility_end(doc, start, span.end, place.kind)]
            if bare:
                listed.add(span.start)
            span.label_ = "LOCATION"
            span._.canonical = place.id
            span._.country = place.country
            span._.kind = place.kind
            spans.append(span)
        spans = [span for span in spans
                 if span.start not in listed or self._among_places(span, spans, listed)]
        spans, doc.spans["stand_ins"] = self._without_stand_ins(spans)
        for span in spans:
            if span._.country and span._.kind in ("country", "city"):
                countries[span._.country] += 1  # a dateline "الرياض" says Saudi Arabia
        doc.spans["places"] = spans
        doc._.country = countries.most_common(1)[0][0] if countries else DEFAULT_COUNTRY
        return doc

    def _among_places(self, span: Span, spans: list[Span], listed: set[int]) -> bool:
        """A name that is also a common word ("بنين", "sons"; "المدينة", "the city") is a
        place only in a list: a country in a sentence that names another country
        ("إثيوبيا ... ثم بنين"), a region in a sentence that names another region of its
        state (Oman's governorates counted one by one: "... و14 في الداخلية، و7 في الظاهرة"),
        any place joined to another by "و" or a comma ("مكة والمدينة"). A name found after
        its head word ("منطقة السهلة") is not one of these: `listed` holds the starts of the
        names found bare."""
        doc = span.doc
        others = [o for o in spans if o.start not in listed]
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        before = previous_word(doc, span.start)
        counted = span._.kind == "country" or (  # a region counted in a list: "و7 في الظاهرة",
            before is not None and before.norm_ in REGION_LISTED)  # not "هذه الظاهرة"
        if span._.kind in ("country", "region") and counted and any(
                o._.kind == span._.kind and sentence.start <= o.start < sentence.end
                and (span._.kind == "country" or o._.country == span._.country
                     and o._.canonical != span._.canonical)  # "لغرفة الشرقية" by "المنطقة الشرقية"
                for o in others):
            return True
        after = next_word(doc, span.end)
        ends = {o.end for o in others}
        starts = {o.start for o in others}
        return (before is not None and before.text in LIST_JOINS
                and before.i in ends) or \
            (after is not None and after.text in LIST_JOINS and after.i + 1 in starts)

    def _without_stand_ins(self, spans: list[Span]) -> tuple[list[Span], list[Span]]:
        """(places, stand-ins held back). A stand-in name ("السلطنة", "the sultanate", for
        Oman) is no place in a text that names another place by its head word ("سلطنة
        بروناي": the sultanate meant may be that one; "السلطنة العثمانية" is undone by the
        place's `not_before`). It is held back when the text also names the place: it then
        only points back to it, unless that name does not survive the merge of mentions
        ("شرطة عمان السلطانية" is a body; `nlp.components.resolve` puts it back)."""
        alone = [s for s in spans if _norm(s) in self.alone_names]
        if not alone:
            return spans, []
        heads = {_norm(s).removeprefix("ال") for s in alone}
        if any(o._.canonical != s._.canonical and (before := previous_word(o.doc, o.start)) is not None
               and before.norm_ in heads for o in spans for s in alone):
            return [s for s in spans if s not in alone], []
        named = {s._.canonical for s in spans if _norm(s) not in self.alone_names}
        held = [s for s in alone if s._.canonical in named]
        return [s for s in spans if s not in held], held

    def _name_start(self, doc: Doc, span: Span, place: Place) -> int:
        """Where the place's name starts: after "منطقة" in a town's name ("منطقة حولي" ->
        "حولي"; "مدينة حمد" stays whole, see `_named_town`), after any head word of a state's
        division when the rest is a name of the same place ("محافظة ظفار" -> "ظفار"; "منطقة
        الشرق الأوسط" stays whole)."""
        before = previous_word(doc, span.start)
        if before is not None and before.norm_ in PORT_WORDS:
            return before.i
        head, rest = doc[span.start].norm_, [t.norm_ for t in span[1:] if not t.is_space]
        if head in HEAD_WORDS and rest and (
                (place.kind == "city" and head in AREA_WORDS and not _named_town(head, rest))
                or (place.country and " ".join(rest) in self.own_names[place.id])):
            return span.start + 1
        return span.start

    def _is_place(self, doc: Doc, span: Span, place: Place) -> bool:
        """False for a name that is not a place here: an accusative adjective ("مواطناً
        أفريقياً") or a nationality after a person ("مواطن جيبوتي", "شخصا إثيوبيا"), a name alone in quotes
        (a title: «الشرق الأوسط»), a name before a word that makes it an ordinary phrase ("مسقط رأس"), a
        country's adjective after a definite noun ("الأراضي السعودية"), a city in the name
        of a document ("وثيقة أبوظبي"), an area in a hospital's name ("مستشفى العدان")."""
        if any(TANWEEN_FATH in t.text for t in span) or _outlet_title(doc, span):
            return False
        after = next_word(doc, span.end)
        if after is not None and after.norm_ in self.not_before[place.id]:
            return False
        before = previous_word(doc, span.start)
        if before is not None and after is not None and (before.text, after.text) in QUOTES \
                and not self._after_area_word(doc, before.i):
            return False  # «الشرق الأوسط»: a quoted title (a newspaper), not the region
        if before is None:
            return True
        if place.kind == "city" and is_one_of(before.norm_, FACILITY_WORDS):
            return False  # "إلى مستشفى العدان": the hospital, not the area
        if place.kind == "group" and is_one_of(before.norm_, UNNAMED_MEMBER):
            return False  # "من إحدى الدول الآسيوية": some country, not the group
        if span.text and normalise_text(span.text) in self.adjective_names \
                and before.norm_.startswith("ال") and before.norm_.isalpha() \
                and before.norm_ not in NOT_NOUNS and before.tag_ not in ("verb", "prep"):
            return False
        word = before.norm_
        if place.kind == "country" and len(span) == 1 and span[0].norm_.endswith("ي") \
                and is_one_of(word, PERSON_NOUNS):
            return False
        if place.kind == "country" and len(span) == 1 and span[0].norm_.endswith("يا") \
                and word.endswith("ا") and is_one_of(word[:-1], PERSON_NOUNS):
            return False  # "28 شخصا إثيوبيا": an accusative nationality, not Ethiopia
        return not (place.kind in ("city", "region") and is_one_of(word, DOCUMENT_WORDS))


    @staticmethod
    def _after_area_word(doc: Doc, quote: int) -> bool:
        """A quoted name after "منطقة", "محافظة", "مدينة" or "ولاية" is the place it heads
        (في منطقة "جليب الشيوخ"), not a title."""
        head = previous_word(doc, quote)
        return head is not None and is_one_of(head.norm_, HEAD_WORDS)


def _facility_end(doc: Doc, start: int, end: int, kind: str) -> int:
    """Where a place's span ends: after an adjective of a port or airport it names ("مطار
    مسقط الدولي", "ميناء جدة الإسلامي") or of a town's quarter ("العارضية الصناعية",
    "في الجبيل الصناعية"), else at `end`."""
    after = next_word(doc, end)
    if after is not None and (
            doc[start].norm_ in PORT_WORDS and after.norm_ in PORT_ADJECTIVES
            or kind == "city" and after.norm_ in QUARTER_ADJECTIVES and not _construct_head(doc, start)):
        return after.i + 1
    return end


def _construct_head(doc: Doc, start: int) -> bool:
    """A noun the town's name follows as its genitive ("مصانع الرياض", "مدينة الجبيل"): an
    adjective after the name then describes that noun ("مصانع الرياض الصناعية", the town's
    factories), not a quarter. "منطقة", "ضاحية" head the quarter itself ("منطقة العارضية
    الحرفية"); a preposition is no head ("في", "قرب")."""
    head = doc[start] if doc[start].norm_ == "مدينه" else previous_word(doc, start)
    if head is None:
        return False
    norm = head.norm_
    return norm.isalpha() and len(norm) > 2 and not norm.startswith("ال") \
        and norm not in QUARTER_HEADS and norm not in NOT_HEADS and head.tag_ not in ("verb", "prep")


def _norm(span: Span) -> str:
    """The span's name as its tokens' norms read it: "للظاهرة" gives "الظاهره" (the article
    the proclitic swallowed is back), not "لظاهره"."""
    return " ".join(t.norm_ for t in span if not t.is_space)


def _outlet_title(doc: Doc, span: Span) -> bool:
    """"عمان اليوم", "(الكويت اليوم)": a place and "اليوم" alone on their line (a masthead,
    after a dateline's dash at most) or in brackets name an outlet or a gazette, not the
    place ("أعلنت الكويت اليوم أن ..." and "قبالة سواحل اليمن اليوم (الإثنين)" stay places);
    so does one in quotes («الإمارات اليوم», a newspaper), and one ending a paragraph right
    after a sentence's end ("... المجتمع». الإمارات اليوم": the credit line run on)."""
    after = next_word(doc, span.end)
    if after is None or after.norm_ != "اليوم":
        return False
    before, following = _edge(doc, span.start - 1, -1), _edge(doc, after.i + 1, 1)
    return (before, following) in {("(", ")"), *QUOTES} or before in ("", "\n", "-", "–", ".", "!", "؟") \
        and following in ("", "\n")


def _edge(doc: Doc, index: int, step: int) -> str:
    """What borders a phrase on one side, over spaces on its line: "" (the text's edge),
    "\n" (a line break) or the next token's text."""
    while 0 <= index < len(doc):
        token = doc[index]
        if not token.is_space:
            return token.text
        if "\n" in token.text:
            return "\n"
        index += step
    return ""


def _named_town(head: str, rest: list[str]) -> bool:
    """"مدينة حمد", "مدينة صباح الأحمد": a town named after a person (its first word a given
    name) keeps "مدينة" in its name; "مدينة الكويت", "مدينة حائل" do not."""
    return head == "مدينه" and rest[0] in load_word_list("first_names")


def previous_word(doc: Doc, index: int) -> Token | None:
    """The token before `index`, over spaces; None at the start."""
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    return doc[index] if index >= 0 else None


def is_one_of(word: str, words: set[str]) -> bool:
    """`word` is one of `words`, or one of them after a proclitic ("ولمواطن" split or not)."""
    return word in words or (word[:1] in "وبلفك" and word[1:] in words)


def next_word(doc: Doc, index: int) -> Token | None:
    """The token at `index` or after it, over spaces; None at the end."""
    while index < len(doc) and doc[index].is_space:
        index += 1
    return doc[index] if index < len(doc) else None


@Language.factory("place_ruler", assigns=["doc.spans", "doc._.country"],
                  default_config={"places": None})
def make_place_ruler(nlp: Language, name: str, places: str | None) -> PlaceRuler:
    """`places`: the gazetteer (JSON lines) read by `initialize()`; None, the bundled one."""
    return PlaceRuler(nlp, name, places)
