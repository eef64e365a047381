"""Component `person_ruler`: PERSON spans, the name without its title.

A name starts at a known first name (`data/gazetteers/first_names.txt`, compounds written
apart included: "عبد الرحمن") or right after a title (`person_titles.txt`: "الوزير المفوض",
"العميد", "د."), and runs on over name tokens: further first names, particles ("بن",
"أبو", "عبد"), compounds ("أبوالحسن"), and family names ("الرشيدي"; "العطية" after a chain
of descent or when the tagger knows it as a proper noun; "الشويخ", an area's name, after a
given name). It stops at punctuation, at an ordinary word (`name_stopwords.txt`), at a known
place or agency, at a plain word after a family name, or after five name words (particles
not counted). A name needs two tokens at least; a first name that is also an ordinary word
("علي", "صباح", "سارة") starts a name only after a title or before a clear name token (a
proper noun for the tagger included) or, after a verb of reporting (`reporting_verbs.txt`:
"قالت كريستين هيل"), before a second proper noun; a month ("شهر رمضان") never does. After a title, the
rest of its role ("وزيرة الشؤون", "وزير خارجية الفلبين،") is passed over; a kunya ("أم
خالد") and a given name repeated as the family name ("روضان الروضان") are names; a name
after "مبنى", "شارع" … is a building's or a street's, not a person mention.

Real reporting also gives: bylines ("الدوحة- جنان الصباغ:", "كتب - ...", "– (زكريا نعساني)"),
read as after a title when the name runs to the line's end; a one-word title that is the
family name ("ناصر السيد،", `#family` in person_titles.txt); family names the splitter or
the tagger breaks ("غادة و|الي", `family_names.txt`); the next name of a list after "و"
("عبدالله المضف ومهلهل المضف"); an acting qualifier or an apposition after a role
("وكيل وزارة العدل بالتكليف عواطف السند", "رئيس قسم الشكاوى، بدر السيد،"); a word that
introduces a name ("يدعى", `#introduces` in reporting_verbs.txt); and given names that are
also a verb or a particle ("طالب", "لي"), read as names only right after a title
(`#ambiguous titled` in first_names.txt). The ninth round added a name between commas after
its title ("الأخصائية الاجتماعية، أمل الدار،"), an unknown given name before "بن" after a
title, a quoted name after a verb of reporting, and roles read over bodies the agency model
found; "أن" ends a role, and a comparative before "من" ("عمر أكبر من") is no name. A later
name that repeats the last words of an earlier, longer one ("وقالت عبد الهادي") is that person,
not a second one, and gives no span of its own; so is a given name that is also a past verb
(`#pastverb`), after "و", before the family name of a person already named and its verb's
"على" ("وأشرف الخالد، أمس، على": al-Khalid supervised).
The twelfth added a quoted name right after its title ('الصحفي السوري "..."'), bylines after
"تحقيق"/"متابعة", institutions named for a person ("أكاديمية الشيخ سعد العبدالله", "مؤسسة زايد
...") as buildings are, and a state's adjective without the article ("وزير كويتي سابق") as no
name word.
The fourteenth lets a state's adjective close a long role ("... والأمن البشري التايلاندي"),
reads "على" inside a name as "علي" in a text that writes a final ي as ى ("الكويتى"), and
lists nouns of a described person ("رجل", "شاب") as ordinary words.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp import gazetteer  # its GAZETTEER_DIR read when a component is made
from nlp.components.data_files import DataFiles
from nlp.components.matching import PhraseTable
from nlp.gazetteer import country_adjectives, list_entries, load_word_list
from nlp.normalise import SHADDA, normalise_text
from nlp.tokenizer import QUOTE_PAIRS

MAX_TOKENS = 5  # name words; particles ("بن", "آل") are not counted
MAX_SPAN = 9
CONJUNCTIONS = {"و", "ف"}
WORKER_NOUNS = {normalise_text(w) for w in ("العمالة", "العمال", "الجالية", "الجاليات", "العاملين")}
MOVEMENT_VERBS = {normalise_text(w) for w in (
    "غادر", "غادرت", "وصل", "وصلت", "زار", "زارت", "عاد", "عادت", "توجه", "توجهت", "يزور",
    "تزور", "يصل", "تصل", "يغادر", "تغادر", "قدم", "قدمت", "حل", "حلت")}
MOVEMENT_REACH = 7  # tokens before the town: the verb, a title and a name with its father's
GLUED_LETTERS = {"ب", "ف"}  # clitics a splitter may take off a given name
NAME_CLOSERS = {"ان", "انه", "،", ",", ".", ":", "\n"}  # what may follow a closed name
# a role in apposition after a titled name also closes it ("السيدة أمينة الجيدة رئيس قسم",
# "... نائب رئيس اللجنة", "... أمين سر الجمعية", "الدكتورة نورة الحمادة وكيل وزارة")
APPOSED_ROLES = {"رئيس", "رئيسه", "مدير", "مديره", "عضو", "مستشار", "مستشاره", "وزير", "وزيره",
                 "نائب", "نائبه", "امين", "امينه", "وكيل", "وكيله"}
MONTH_WORD = "شهر"  # "شهر رمضان", "شهر رجب": the month, not a person
TANWEEN_FATH = "\u064b"
PRONOUN_HA = "ها"  # "لتنظيمها", "باسمها": a noun with an attached pronoun is no name
# written forms that are particles, never names, though their norm is one ("على" -> "علي")
PARTICLE_FORMS = {"على", "إلى", "الى", "حتى", "لدى", "متى"}
PARTICLE_NORMS = {"علي", "الي"}  # after a past verb: "وأشرف الخالد على ..."
DESCENT = {"بن", "بنت", "ابن"}  # a word after these in a name is the father's (or mother's) name
CHAIN_LINKS = DESCENT - {"ابن"}  # inside a chain of descent ("عاطي بن عطيه"), not "ابن" alone
# a title after one of these names a building or a street, not a person: "مبنى الشيخ صباح
# الأحمد", "شارع الملك فهد", "مستشفى الأمير سلطان"
NAMED_AFTER = {"مبني", "قاعه", "شارع", "طريق", "جسر", "مستشفي", "مسجد", "جامع", "ميناء",
               "مطار", "ضاحيه", "مدرسه", "استاد", "مجمع", "برج", "اكاديميه", "مؤسسه", "جائزه",
               "جامعه", "كليه", "معهد", "مركز"}  # "أكاديمية الشيخ سعد العبدالله", "مؤسسة زايد ..."
KUNYA = {"ام", "ابو"}  # "أم عبد العزيز", "أبو محمد": a kunya before a given name starts a name
COMMAS = {"،", ","}
ROLE_WORDS = 4  # at most this many words of a role ("الشؤون", "خارجية الفلبين") after a title
ROLE_CLITICS = {"و", "ل"}  # split off inside a role, not counted
COMPOUND_ENDS = {"الدين", "الله", "الرحمن"}  # the second half of a given name: "نور الدين"
POSTED_IN = {"لدي", "في", "الي"}  # "سفير الهند لدى الكويت": the post's place is part of the role
VERB_TAGS = {"verb", "prep", "conj", "part", "pron", "adv", "punc", "digit"}


LISTS = ("first_names", "name_stopwords", "name_particles", "person_titles", "reporting_verbs",
         "family_names")
DASHES = {"-", "–", "—", "ـ"}
# a byline's head before its dash: "كتب - فيصل الخالدي:", "بقلم: ..." (or a place: "الدوحة- ...")
BYLINE_WORDS = {"كتب", "كتبت", "بقلم", "اعداد", "تقرير", "تحقيق", "متابعه", "حوار", "تغطيه"}
BYLINE_ENDS = DASHES | {":", ")", "("}
COMPLEMENTISER = "ان"  # "إن"/"أن" after "قالت المديرة منى لوتاه": the name has ended
# a comparative before "من" ("عمر أكبر من العمر الحقيقي", "age older than"): no family name
ELATIVE = re.compile(r"^ا[^\Wا]{2,3}$")
COMPARED = "من"
QUOTE_MARKS = set(QUOTE_PAIRS)  # "وقالت "كيمبرلي موتلي"،": a quoted name after the verb


class PersonRuler(DataFiles):
    def __init__(self, nlp: Language, name: str = "person_ruler", lists: str | None = None):
        self.vocab, self.make_doc = nlp.vocab, nlp.tokenizer
        directory = Path(lists) if lists else gazetteer.GAZETTEER_DIR
        self.files = {f"{n}.txt": directory / f"{n}.txt" for n in LISTS}

    def load(self, paths: dict) -> None:
        directory = paths["first_names.txt"].parent  # the lists are read side by side
        self.first_names = load_word_list("first_names", directory=directory)
        self.ambiguous = load_word_list("first_names", "ambiguous", directory)
        self.past_verbs = load_word_list("first_names", "pastverb", directory)  # "أشرف"
        self.stopwords = load_word_list("name_stopwords", directory=directory)
        self.particles = load_word_list("name_particles", directory=directory)
        self.reporting = load_word_list("reporting_verbs", directory=directory)
        self.introducers = load_word_list("reporting_verbs", "introduces", directory)  # "تدعى"
        self.titled_only = load_word_list("first_names", "titled", directory)  # "طالب", "لي"
        self.family_names = load_word_list("family_names", directory=directory)
        # "ناصر السيد،": a one-word title that is also a family name
        self.family_titles = load_word_list("person_titles", "family", directory)
        # "وزير العمل الفلبيني": a state's adjective is part of a role
        self.nationalities = {a for a in country_adjectives() if a.startswith("ال")}
        # "وزير كويتي سابق": a state's adjective without the article describes, names no one
        self.indefinite_nationalities = {a for a in country_adjectives() if not a.startswith("ال")}
        self.titles = PhraseTable(self.vocab, self.make_doc)
        for title, _ in list_entries("person_titles", directory):
            self.titles.add(title, title)

    def __call__(self, doc: Doc) -> Doc:
        family = {i for span in doc.spans.get("places", []) if span.end - span.start == 1
                  and span._.kind in ("city", "region") and span[0].norm_.startswith("ال")
                  for i in range(span.start, span.end)}  # "الشويخ": an area, a family name
        # a one-word town after a chain of descent is the family name: "خالد بن علي تبوك"
        family |= {span.start for span in doc.spans.get("places", []) if len(span) == 1
                   and span._.kind in ("city", "region") and span.start > 1
                   and doc[span.start - 2].norm_ in CHAIN_LINKS and not _moving(doc, span.start)}
        blocked = {i for group in ("places", "agencies", "laws")
                   for span in doc.spans.get(group, []) for i in range(span.start, span.end)}
        titles = [span for span, _ in self.titles.find(doc) if not _describes_workers(doc, span)]
        blocked |= {i for span in titles for i in range(span.start, span.end)}  # "معالي"
        # "مبنى الشيخ صباح الأحمد", "شارع محمد بن راشد": a building's or a street's name
        buildings = {i + 1 for i, token in enumerate(doc) if token.norm_ in NAMED_AFTER}
        buildings |= {span.end for span in titles if span.start in buildings}
        # bodies only the agency model found ("بمكتب مكافحة الاتجار بالبشر") are words of a
        # role, up to a given name (a model span may end on the person's name)
        bodies = {i for span in doc.spans.get("agencies_model", []) for i in range(span.start, span.end)
                  if doc[i].norm_ not in self.first_names}
        after_title = {self._after_role(doc, span.end, blocked | bodies) for span in titles}
        after_title |= {span.end for span in titles}
        after_title |= self._apposed(doc, titles, blocked, family)
        after_title |= {i + 1 for i in after_title if i < len(doc) and _soft_break(doc[i])}
        after_title |= {i + 2 for i in after_title if i < len(doc) and doc[i].text == "د"}
        # a quoted name right after its title: 'الصحفي السوري "عبدو حليمة"'
        after_title |= {i + 1 for i in after_title if i < len(doc) and doc[i].text in QUOTE_MARKS}
        after_title |= self._after_reporting_verb(doc, blocked)
        after_title |= {t.i + 1 for t in doc if t.norm_ in self.introducers}
        family |= self._family_titles(doc, titles)
        after_title |= self._byline_starts(doc, blocked, family)
        spans, i, listed = [], 0, set()
        while i < len(doc):
            end = self._name_end(doc, i, i in after_title, blocked, family, i in listed)
            if self._glued_b(doc, i, after_title):  # "الدكتورة ب|انام دافان"
                glued = self._name_end(doc, i + 1, True, blocked, family, glued=True)
                end = glued if glued - i > 2 else end
            if end - i >= 2:
                if i not in buildings and not self._prepositional(doc, i, end, after_title):
                    spans.append(Span(doc, i, end, label="PERSON"))
                    listed |= self._next_in_list(doc, end)
                i = end
            else:
                i += 1
        doc.spans["people"] = self._verbs_on_family_names(doc, _without_back_references(spans))
        return doc

    def _verbs_on_family_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The spans less a given name that is also a past verb (`#pastverb` in first_names.txt),
        after "و", before the family name of a person named earlier and the verb's "على"
        (`_governs_ala`): "الشيخ طلال الخالد ... وأشرف الخالد، وبحضور الوزير، أمس، على فض" is
        "and al-Khalid supervised", the same person as the subject of a verb, not a second
        one ("خالد العتيبي وسالم العتيبي" are two)."""
        kept: list[Span] = []
        for span in spans:
            verb = span.end - span.start == 2 and span[0].norm_ in self.past_verbs \
                and span.start and doc[span.start - 1].text in CONJUNCTIONS \
                and _governs_ala(doc, span.end)
            if not (verb and any(span[-1].norm_ == earlier[-1].norm_ for earlier in kept)):
                kept.append(span)
        return kept

    def _apposed(self, doc: Doc, titles: list[Span], blocked: set[int], family: set[int]) -> set[int]:
        """A name between commas right after its title ("الأخصائية الاجتماعية، أمل الدار،"):
        where it starts; the closing comma is required."""
        starts = set()
        for span in titles:
            start = span.end + 1
            if start < len(doc) and doc[span.end].text in COMMAS:
                end = self._name_end(doc, start, True, blocked, family)
                if end - start >= 2 and end < len(doc) and doc[end].text in COMMAS:
                    starts.add(start)
        return starts

    def _family_titles(self, doc: Doc, titles: list[Span]) -> set[int]:
        """One-word titles that are family names here ("ناصر السيد،", "حسين الشيخ إن"):
        right after a given name and before no further name word."""
        return {span.start for span in titles if span.end - span.start == 1
                and span[0].norm_ in self.family_titles and span.start
                and doc[span.start - 1].norm_ in self.first_names
                and not (span.end < len(doc) and self._name_token(doc[span.end], False))}

    @staticmethod
    def _next_in_list(doc: Doc, end: int) -> set[int]:
        """After a name, where the next name of a list starts ("عبدالله المضف ومهلهل
        المضف، وحسن جوهر"): after "و", or after a comma and "و"."""
        at = end + (end < len(doc) and doc[end].text in COMMAS)
        return {at + 1} if at + 1 < len(doc) and doc[at].text == "و" else set()

    def _byline_starts(self, doc: Doc, blocked: set[int], family: set[int]) -> set[int]:
        """Where a byline's name starts: after a place or "كتب" and a dash or colon that
        open a line ("الدوحة- جنان الصباغ:", "كتب ـ ..."), or in brackets after a dash
        ("أبوظبي – (زكريا نعساني)"); the name must run to the line's end, a colon, a
        bracket or a dash."""
        places = {i for span in doc.spans.get("places", []) for i in range(span.start, span.end)}
        starts = set()
        for i, token in enumerate(doc[:-2]):
            if token.norm_ not in DASHES and token.text != ":":
                continue
            bracket = doc[i + 1].text == "("
            head = range(self._line_start(doc, i), i)
            if not bracket and not (len(head) and (all(j in places for j in head) or (
                    len(head) == 1 and doc[head[0]].norm_ in BYLINE_WORDS))):
                continue
            start = i + 1 + bracket
            end = self._name_end(doc, start, True, blocked, family)
            if end - start >= 2 and (end == len(doc) or "\n" in doc[end].norm_
                                     or doc[end].text in BYLINE_ENDS):
                starts.add(start)
        return starts

    @staticmethod
    def _line_start(doc: Doc, i: int) -> int:
        while i and "\n" not in doc[i - 1].norm_:
            i -= 1
        return i

    def _name_end(self, doc: Doc, start: int, titled: bool, blocked: set[int],
                  family: set[int], listed: bool = False, glued: bool = False) -> int:
        first = doc[start]
        if start not in blocked and start + 1 not in blocked \
                and self._repeated_family_name(doc, start):
            return start + 2  # "روضان الروضان", "وعبدالله العبدالله"
        if start in blocked or not (self._name_token(first, True) or glued
                                    or titled and self._before_descent(doc, start)):
            return start
        if start and doc[start - 1].norm_ == MONTH_WORD:
            return start
        if not titled and first.norm_ in self.titled_only:
            return start  # "طالب", "لي": a name only right after a title
        if not titled and first.norm_ in self.ambiguous and SHADDA in first.text \
                and start + 1 < len(doc) and doc[start + 1].norm_ in self.first_names:
            return start  # "كرّم أحمد ...": a doubled verb ("honoured") and its object, not
            # the name "كرم" ("موفّق الخالدي" is a name)
        known = self._first_name_at(doc, start) or self._kunya_at(doc, start)
        weak = not known or first.norm_ in self.ambiguous
        # after "و" an ambiguous name may be a verb ("ورفعت جمشير"): the tagger's word is
        # not enough there, but it is after a name of the same list ("المضف وحسن جوهر")
        tagged = listed or not (start and doc[start - 1].text in CONJUNCTIONS)
        if not titled and weak and not (
                (known or listed) and start + 1 < len(doc) and start + 1 not in blocked
                and self._strong(doc[start + 1], tagged)):
            return start
        end, words = start + 1, 1
        while end < len(doc) and words < MAX_TOKENS and end - start < MAX_SPAN:
            if self._glued_family_name(doc, end) or titled and self._glued_b_family(doc, start, end):
                end, words = end + 2, words + 1  # "غادة و|الي", "عثمان ب|لبسي"
                continue
            token = doc[end]
            if _soft_break(token) and end + 1 < len(doc) and words < MAX_TOKENS - 1 \
                    and self._name_token(doc[end + 1], False) \
                    and not self._after_family_name(doc[end - 1], doc[end + 1]):
                end += 1  # "الرائد مريم⏎الشروقي": a wrapped line inside the name
                continue
            if end in blocked and not (end in family and end + 1 not in family):
                break
            if not (end in family and token.norm_ not in self.stopwords
                    or self._name_token(token, False) or self._dotless_ali(doc, end)
                    or self._family_name(doc, start, end, titled)
                    or self._foreign_family_name(doc, start, end, titled)):
                break
            if self._after_family_name(doc[end - 1], token):
                break  # "هلا بنت مزيد التويجري اهتمام": the name ended
            if self._comparative(doc, end):
                break  # "عمر أكبر من ...": "age older than", no name
            words += token.norm_ not in self.particles
            end += 1
        return end

    def _dotless_ali(self, doc: Doc, i: int) -> bool:
        """"مرزوق على الغانم": in a text that writes a final ي as ى ("الكويتى"), "على"
        inside a name, before a clear family name, is the given name "علي", not the
        preposition."""
        if doc[i].text != "على" or i + 1 >= len(doc) or not self._strong(doc[i + 1]) \
                or not doc[i + 1].norm_.startswith("ال"):
            return False
        return any(t.text.endswith("ى") and t.norm_ in self.nationalities for t in doc)

    def _before_descent(self, doc: Doc, start: int) -> bool:
        """After a title, a given name the list lacks and the tagger reads as another word,
        before "بن"/"بنت" ("المقدم دكتور عاطي بن عطيه القرشي"): the chain of descent makes
        it a name."""
        token = doc[start]
        return start + 1 < len(doc) and doc[start + 1].norm_ in CHAIN_LINKS \
            and token.norm_.isalpha() and len(token.norm_) > 2 \
            and token.norm_ not in self.stopwords and token.text not in PARTICLE_FORMS

    def _comparative(self, doc: Doc, end: int) -> bool:
        """`doc[end]` is a comparative followed by "من" ("أكبر من", "أقل من"), not a name."""
        norm = doc[end].norm_
        return end + 1 < len(doc) and doc[end + 1].norm_ == COMPARED \
            and bool(ELATIVE.match(norm)) and norm not in self.first_names

    def _glued_family_name(self, doc: Doc, end: int) -> bool:
        """A family name of `family_names.txt` that the splitter cut after its first letter
        ("والي" as و + إلى): the two tokens are written together."""
        return end + 1 < len(doc) and len(doc[end].text) == 1 and not doc[end].whitespace_ \
            and normalise_text(doc[end].text + doc[end + 1].text) in self.family_names

    def _glued_b_family(self, doc: Doc, start: int, end: int) -> bool:
        """A family name starting with ب that the tagger's splitter cut as the preposition
        ("السيد عثمان ب|لبسي"): after a title and a known given name, the ب has no space after it
        and the rest is an indefinite name word of the nisba form that ends the name ("ب|سبب",
        "ب|جانبي الحفل" are a preposition and its noun)."""
        if end != start + 1 or end + 1 >= len(doc) or doc[end].text != "ب" or doc[end].whitespace_:
            return False
        rest = doc[end + 1]
        return doc[start].norm_ in self.first_names and doc[start].norm_ not in self.ambiguous \
            and not rest.norm_.startswith("ال") and len(rest.norm_) > 2 and rest.norm_.endswith("ي") \
            and self._name_token(rest, False) \
            and not (end + 2 < len(doc) and self._name_token(doc[end + 2], False))  # it ends the name

    def _glued_b(self, doc: Doc, i: int, after_title: set[int]) -> bool:
        """After a title, a name whose ب or ف the tokenizer split off as a clitic
        ("الدكتورة ب|انام دافان", "اللواء ف|راج الزعبي"): the letter has no space after it,
        the rest is no definite word, and a proper noun follows it."""
        return i in after_title and doc[i].text in GLUED_LETTERS and not doc[i].whitespace_ \
            and i + 2 < len(doc) and not doc[i + 1].norm_.startswith("ال") \
            and doc[i + 1].norm_ not in self.stopwords \
            and doc[i + 2].tag_ == "noun_prop" and doc[i + 2].norm_ not in self.stopwords

    def _after_reporting_verb(self, doc: Doc, blocked: set[int]) -> set[int]:
        """Where a name may start right after a verb of reporting ("وقالت كريستين هيل إن",
        "وأكد مطشر المطيري أن"), or after it in quotes: two proper nouns for the tagger, neither a known word nor a
        place or a body, the first without the article, the second a family name if it has
        one."""
        starts = set()
        for i, token in enumerate(doc[:-2]):
            if token.norm_ not in self.reporting:
                continue
            if doc[i + 1].text in QUOTE_MARKS:  # a quoted name: "وقالت "كيمبرلي موتلي"،"
                if i + 3 >= len(doc):
                    continue
                i += 1
            given, family = doc[i + 1], doc[i + 2]
            if all(t.tag_ == "noun_prop" and t.i not in blocked and t.norm_ not in self.stopwords
                   for t in (given, family)) and not given.norm_.startswith("ال") and (
                    not family.norm_.startswith("ال") or self._nisba(family.norm_)):
                starts.add(i + 1)
        return starts

    def _nisba(self, norm: str) -> bool:
        """A family name of the nisba form ("المطيري"), not a state's adjective."""
        return norm.startswith("ال") and norm.endswith("ي") and len(norm) > 4 \
            and norm not in self.nationalities

    def _foreign_family_name(self, doc: Doc, start: int, end: int, titled: bool) -> bool:
        """A family name the tagger takes for a verb, right after a title and a given
        name, ending the phrase ("السفير لويس دباك،")."""
        token = doc[end]
        return titled and end == start + 1 and token.tag_ == "verb" and token.norm_.isalpha() \
            and token.norm_ not in self.stopwords and token.norm_ not in self.reporting \
            and self._first_name_at(doc, start) and (
                end + 1 == len(doc) or doc[end + 1].is_punct
                or doc[end + 1].norm_ == COMPLEMENTISER)

    def _after_role(self, doc: Doc, end: int, blocked: set[int]) -> int:
        """Where a name may start after a title that ends at `end`: after the rest of the
        role ("وزيرة الشؤون هند الصبيح", "لوزير خارجية الفلبين، تيودور لوكسين"): definite
        nouns of prose or their construct forms, places and bodies, then a comma; other
        definite words only before a comma ("رئيس قسم الشكاوى، بدر السيد،")."""
        index, words, loose = end, 0, False
        while index < len(doc) and words < ROLE_WORDS:
            norm = doc[index].norm_
            if index in blocked:  # a place or a body counts as one word of the role
                while index in blocked:
                    index += 1
            elif norm in ROLE_CLITICS or (norm in POSTED_IN | {"ب"} and index + 1 in blocked):
                index += 1  # "لشؤون التخطيط والتنمية", "سفير الهند لدى الكويت", "مسؤولة
                continue  # ملف الكويت بمكتب ...": not counted
            elif doc[index].text in PARTICLE_FORMS or norm == COMPLEMENTISER:
                break  # "إلى" (norm "الي"), "أن" (not "الآن" without its article): no role word
            elif norm in self.nationalities:  # "... والأمن البشري التايلاندي": the state's
                index += 1  # adjective closes a long role, as a comma does, and is not
                continue  # counted in it
            elif (norm.startswith("ال") and norm in self.stopwords) or (
                    norm.isalpha() and "ال" + norm in self.stopwords
                    and norm not in self.first_names):  # "هند", not "الهند"
                index += 1
            elif norm.startswith("ال") and norm.isalpha() and norm not in self.first_names:
                index, loose = index + 1, True  # not "ألن" of "... في الكويت ألن مازنهارينر"
            else:
                break
            words += 1
        while index < len(doc) and doc[index].norm_ in self.nationalities:
            index += 1  # a role of four words and its state's adjective
        comma = index < len(doc) and doc[index].text in COMMAS
        closed = index > end and doc[index - 1].norm_ in self.nationalities
        if index == end or doc[index - 1].norm_ in ROLE_CLITICS or (loose and not (comma or closed)):
            return end  # "لشؤون الاتصالات وتكنولوجيا المعلومات": the role goes on
        return index + 1 if comma else index

    def _kunya_at(self, doc: Doc, start: int) -> bool:
        """"أم"/"أبو" before a given name that is not an ordinary word: a kunya."""
        return doc[start].norm_ in KUNYA and start + 1 < len(doc) and \
            doc[start + 1].norm_ not in self.ambiguous and self._first_name_at(doc, start + 1)

    def _repeated_family_name(self, doc: Doc, start: int) -> bool:
        """A given name repeated as the family name ("روضان الروضان"), after "و" too."""
        if start + 1 >= len(doc):
            return False
        norm, family = doc[start].norm_, doc[start + 1].norm_
        stem = norm[1:] if norm[:1] in CONJUNCTIONS and len(norm) > 3 else norm
        return family == "ال" + stem and len(stem) > 2 and stem not in self.stopwords \
            and family not in self.stopwords and doc[start].tag_ not in VERB_TAGS

    def _after_family_name(self, previous: Token, token: Token) -> bool:
        """`token` is an ordinary word after a family name ("التويجري"): after a family
        name only another one, a given name or a particle goes on; a role in apposition that
        is also a given name ends it ("أمينة الجيدة أمين سر الجمعية")."""
        def family(norm: str) -> bool:
            return norm.startswith("ال") and norm != "ال" and norm not in self.first_names \
                and norm not in COMPOUND_ENDS  # "محمد نور الدين لوموندوت" goes on
        norm = token.norm_
        return family(previous.norm_) and (norm in APPOSED_ROLES or not (
            family(norm) or norm in self.particles
            or (norm in self.first_names and norm not in self.titled_only)))

    def _prepositional(self, doc: Doc, start: int, end: int, after_title: set[int]) -> bool:
        """A compound given name alone after a "ب" glued to it ("-ب|فضل الله-", "thanks to
        God"): a phrase, not a person, unless a title comes before it."""
        return end - start == 2 and start > 0 and start not in after_title \
            and doc[start - 1].text == "ب" and not doc[start - 1].whitespace_ \
            and f"{doc[start].norm_} {doc[start + 1].norm_}" in self.first_names

    def _first_name_at(self, doc: Doc, start: int) -> bool:
        """A given name starts at `start`: one token, or a compound written apart
        ("عبد الرحمن")."""
        if doc[start].norm_ in self.first_names:
            return True
        return start + 1 < len(doc) and \
            f"{doc[start].norm_} {doc[start + 1].norm_}" in self.first_names

    def _family_name(self, doc: Doc, start: int, end: int, titled: bool = False) -> bool:
        """A family name in ة after a chain of descent ("عبد الرحمن بن حمد العطية"), one
        the tagger knows as a proper noun, or one that closes a titled given name before
        "إن"/"أن" or a mark ("وزير الشؤون الاجتماعية بدر الدويلة إن ...")."""
        norm = doc[end].norm_
        if not (norm.startswith("ال") and norm.endswith("ه") and norm.isalpha()) \
                or norm in self.stopwords:
            return False
        chain = any(doc[i].norm_ in CHAIN_LINKS for i in range(start, end))
        closing = titled and end == start + 1 and doc[start].norm_ in self.first_names \
            and (end + 1 >= len(doc) or doc[end + 1].norm_ in NAME_CLOSERS | APPOSED_ROLES)
        return chain or closing or doc[end].tag_ == "noun_prop"

    def _name_token(self, token: Token, first: bool) -> bool:
        norm = token.norm_
        if not norm.isalpha() or len(norm) < 2 or norm in self.stopwords:
            return False
        if token.text in PARTICLE_FORMS or first and norm in self.indefinite_nationalities:
            return False  # "وزير كويتي سابق"; a family name may be one ("إيلينا روسي")
        if not first and token.i > 0 and token.nbor(-1).norm_ in DESCENT:
            return True  # the father's name after "بن": "أحمد بن طالب", whatever the word is
        if norm in self.particles or (norm in self.first_names and (
                first or norm not in self.titled_only)) or (not first and norm in self.family_names):
            return True  # "السفير لي مينغ", "منى لوتاه": whatever the tagger says
        if token.tag_ in VERB_TAGS:
            return False
        # "العبدالله" is a name; so is a foreign one the tagger knows as a name ("أوبليه")
        feminine = norm.endswith("ه") and not norm.endswith("الله") and not (
            not first and token.tag_ == "noun_prop" and not norm.startswith("ال"))
        if TANWEEN_FATH in token.text or feminine or norm.startswith("و") or \
                (norm.endswith("ا") and (norm[:-1] in self.stopwords or norm[:-1] == token.lemma_)) or \
                (norm.endswith(PRONOUN_HA) and len(norm) > 4):
            return False  # "أرباحًا", "رئيسا", "ضخمة", "وتدر", "لتنظيمها": accusatives,
            # feminines, conjoined words, a pronoun attached
        return not (first and norm.startswith("ال"))

    def _strong(self, token: Token, tagged: bool = True) -> bool:
        """A token that can only be part of a name after a first name."""
        norm = token.norm_
        if not norm.isalpha() or norm in self.stopwords:
            return False
        return (norm in self.first_names and norm not in self.ambiguous) or \
            norm.startswith(("ابو", "بو", "بن", "عبد")) or norm in ("ابا", "ابي", "ال") or \
            (tagged and token.tag_ == "noun_prop") or \
            (norm.startswith("ال") and norm[2:] in self.first_names) or \
            (norm.startswith("ال") and token.text.endswith("ي") and len(norm) > 4)


def _moving(doc: Doc, at: int) -> bool:
    """A verb of movement shortly before token `at` ("غادر الشيخ تميم بن حمد الدوحة"): the
    town is where he goes or leaves, not his family name."""
    return any(t.norm_ in MOVEMENT_VERBS or t.norm_[:1] in "وف" and t.norm_[1:] in MOVEMENT_VERBS
               for t in doc[max(0, at - MOVEMENT_REACH):at])


def _describes_workers(doc: Doc, title: Span) -> bool:
    """A one-word title that is an adjective of the workers before it ("العمالة الوافدة
    بخدمات ...": the expatriate workforce, no one's title)."""
    return len(title) == 1 and title.start > 0 and doc[title.start - 1].norm_ in WORKER_NOUNS


def _soft_break(token: Token) -> bool:
    """A line break that only wraps a running sentence (`nlp.wrapping`): its norm is " "."""
    return token.norm_ == " " and "\n" in token.text


def _governs_ala(doc: Doc, end: int) -> bool:
    """The verb's "على" (or "إلى") follows at `end`, or past a comma later in the same sentence
    (at most 20 tokens on): "... الخالد على", "... الخالد، أمس، على"."""
    words = []
    for token in doc[end:end + 20]:
        if token.text in (".", "؟", "!") or "\n" in token.text:
            break
        words.append(token.norm_)
    return bool(words) and (words[0] in PARTICLE_NORMS
                            or words[0] in COMMAS and any(w in PARTICLE_NORMS for w in words[1:]))


def _without_back_references(spans: list[Span]) -> list[Span]:
    """The spans less those that repeat the last words of an earlier, longer name: "عائشة
    عبد الهادي ... وقالت عبد الهادي" names one person, once, by her full name."""
    kept: list[Span] = []
    for span in spans:
        words = [token.norm_ for token in span]
        if not any(len(earlier) > len(span) and [t.norm_ for t in earlier[-len(span):]] == words
                   for earlier in kept):
            kept.append(span)
    return kept


@Language.factory("person_ruler", assigns=["doc.spans"], default_config={"lists": None})
def make_person_ruler(nlp: Language, name: str, lists: str | None) -> PersonRuler:
    """`lists`: the folder of the word lists (LISTS, NAME.txt) read by `initialize()`;
    None, the bundled gazetteers."""
    return PersonRuler(nlp, name, lists)
