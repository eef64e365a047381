"""Stage 3 of the NLP flow (extract, LAW): find citations of legal instruments and give each a canonical form.

Called by the `law_ruler` component (`nlp/components/grammar.py`). Pure functions: text in,
`LawMention`s with offsets in the ORIGINAL text out; the grammars run on the text of
`nlp.normalise.normalise_with_offsets`.

Three grammars, the longest match winning where they overlap:
  1. named instruments from `data/patterns/legal_instruments.jsonl` (Palermo protocol, UNTOC,
     ILO conventions, Kuwait's domestic workers law ...): adding one needs no code change;
  2. numbered citations: a head naming the kind ("القانون", "المرسوم بقانون", "المرسوم السلطاني",
     "قرار مجلس الوزراء", "قرار وزير الداخلية", "الأمر الملكي", "قراره" ...), then "رقم N",
     "لسنة YYYY", "من عام YYYY", "الصادر عام YYYY", "N/YYYY", the year first ("2025/78"),
     "(N/YYYYم)", "وتاريخ D/M/YYYYهـ" or "وتاريخ 21 رجب 1430هـ" (a Gregorian month name only
     after "الصادر"), and a
     trailing "في شأن|بشأن|الخاص بـ" subject when it is short and clean ("أو" joining two
     definite words or verbal nouns in it: "بشأن العمل الجبري أو الإلزامي"; a "لعام YYYY"
     after it is the citation's year); a state adjective after the number or year is the
     citation's state ("القانون رقم 15 لسنة 2017 القطري"); besides, a definite decision named by issuer and subject
     without a number ("قرار وزير الداخلية بشأن ..."; not one that sets up a body) and an
     instrument named by its year ("بروتوكول 2014 الملحق ..."); a list after a citation
     with its year, each with its own ("القانونان 91/2013 و114/2024", dual heads too), or a
     list of numbers closed by one year ("القرارات الوزارية أرقام 1 و2 و3 لسنة 2021",
     "الاتفاقيتين 29 و105": a convention's list needs no "رقم");
  3. a name grammar for instruments named without a number, its word lists in
     `data/patterns/law_names.json`: a head (قانون، نظام، اتفاقية، بروتوكول، ميثاق، معاهدة، عهد;
     a dual "قانوني العمل والإقامة", "نظامي الإقامة والعمل" with its two subjects), fixed
     adjectives ("العربي", "الاختياري", a state's), a connector ("لـ", "بشأن", "الخاص بـ") and
     name words ("قانون العمل", "الاتفاقية الدولية للحقوق ...", "نظام مكافحة التحرش"), ending at
     a stop word, a qualifier ("المكمل لـ", "المرفق"), a new instrument, a line break or
     punctuation, a participle ("الموقعة", "المقرة") or a clause about persons ("والخارجين
     عن القانون"); a verbal noun keeps the preposition it
     governs ("القضاء على"), an issuing body or city its "بشأن|الخاصة بـ" subject ("اتفاقية
     مجلس أوروبا بشأن ..."); a state adjective, "في دولة الكويت" and "لعام YYYY" after the
     name are folded into it; a name that the end of an excerpt cuts in a word is dropped. A Saudi "نظام" is a law only with a verbal noun ("نظام مكافحة ...") or one known
     subject ("نظام العمل"); a definite head needs an adjective or connector.
A bare "القانون" or "الاتفاقية" is never a mention, nor "القانون الدولي" or "تطبيق القانون".
A protocol named only by its rank and the instrument it supplements ("البروتوكول الثاني المكمل
لاتفاقية ...") is one mention with that instrument's name; one named by its year ("بروتوكول عام
2014 المكمل للاتفاقية رقم (29) ...") runs over that instrument, which stays a mention inside it.
Also read: a law named by its purpose ("قانون خاص لمكافحة ..."), executive regulations named by
what they regulate ("اللائحة التنفيذية لقواعد ممارسة نشاط الاستقدام", "لائحة نظام المطبوعات
والنشر"), "المرقم" before a number, a dual head of two named conventions ("اتفاقيتي حقوق الطفل
ومناهضة التعذيب"); a number that counts persons ("و20 الموظفين") ends a list of numbers.
A named law followed by "الصادر بالمرسوم ... رقم N" takes the decree's kind, number, year
and country (one key for both). Hijri years become Gregorian by the rule
of `nlp.dates.hijri_year_to_gregorian` (the Gregorian year holding most of the Hijri year).

`law_key` gives one key per law: the data file's key for named instruments, else
"family:number:year[:country]" where the family folds royal, sultani and amiri decrees into
"decree" and federal laws into "law", so the key does not hang on how the issuer is named;
unnumbered named laws key on their normalised subject ("law:مكافحه الاتجار بالاشخاص").
`link_named_laws` (opt-in, over one article's mentions) gives such a law the kind, number and
year of a numbered citation in the same article that has the same "في شأن" subject, or, given
the article's text, of the only numbered law or decree whose subject (read on after it) holds
every word of the name by its stem ("قانون الإقامة والكفالة" and "القانون رقم (4) لسنة 2009
الخاص بتنظيم دخول وخروج الوافدين وإقامتهم وكفالتهم"). A data-file law whose name the text
follows with another number, year or state ("قانون العمالة المنزلية القطري رقم 15 ...") is
that other law, not the entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from core.errors import DataFileError
from core.paths import PATTERNS
from core.vocabulary import month_names
from nlp.dates import GREGORIAN_YEARS, end_over_marks, find_dates, hijri_year_to_gregorian
from nlp.gazetteer import country_adjectives, load_places, place_states
from nlp.normalise import NormText, normalise_text, normalise_with_offsets

INSTRUMENTS_FILE = PATTERNS / "legal_instruments.jsonl"
KINDS = frozenset({"law", "decree_law", "decree", "royal_decree", "sultani_decree", "amiri_decree",
                   "royal_order", "amiri_decision",
                   "federal_law", "cabinet_decision", "ministerial_decision", "decision",
                   "regulation",
                   "convention", "protocol", "treaty", "charter", "declaration"})
KEY_FAMILY = {"federal_law": "law", "royal_decree": "decree", "sultani_decree": "decree",
              "amiri_decree": "decree"}
COUNTRY_ADJECTIVES = {"كويتي": "KW", "سعودي": "SA", "اماراتي": "AE", "قطري": "QA",
                      "بحريني": "BH", "عماني": "OM", "اتحادي": "AE"}

# Heads of numbered citations, most specific first: (regex on normalised text, kind, country).
# "مرسوما سلطانيا": the accusative of a decree head ("أصدر جلالته مرسوما سلطانيا رقم ...")


def _month_alternation(calendar: str) -> str:
    """The month names of `calendar`, normalised, as a regex alternation (longest first)."""
    return "|".join(sorted({normalise_text(name) for name in month_names(calendar)}, key=len,
                           reverse=True))


# a citation's date with a month name: a Hijri one after "وتاريخ|بتاريخ|في" ("وتاريخ 21 رجب
# 1430هـ"); a Gregorian one only after "الصادر" ("الصادر في 15 يونيو 2013"), since "بتاريخ 8
# مارس 2015" after a number may date the news, not the instrument
_HIJRI_MONTH, _GREGORIAN_MONTH = _month_alternation("hijri"), _month_alternation("gregorian")
_ACCUSATIVE_STATE = r"(?:" + "|".join(COUNTRY_ADJECTIVES) + r")ا(?!\w)"  # "اتحاديا", "قطريا"
_DECREE = r"(?:(?:ال)?مرسوم|مرسوما(?=\s+(?:بقانون|\w+يا)(?!\w)))"
_HEADS = (
    (_DECREE + r"\s+بقانون\s+(?:ال)?اتحادي", "federal_law", "AE"),
    (r"(?:ال)?قانون\s+(?:ال)?اتحادي", "federal_law", "AE"),
    # "المرسوم بالقانون رقم 11", "المرسوم الأميري بقانون رقم 195": the issuer's adjective between
    (_DECREE + r"(?:\s+(?:ال)?امير(?:ي|يا))?\s+(?:بال|ب)قانون", "decree_law", None),
    (_DECREE + r"\s+(?:ال)?سلطانيا?(?:\s+(?:ال)?ساميا?)?", "sultani_decree", "OM"),
    (_DECREE + r"\s+(?:ال)?ملكيا?(?:\s+(?:ال)?كريما?)?", "royal_decree", None),
    (_DECREE + r"\s+(?:ال)?امير(?:ي|يا)(?:\s+(?:ال)?ساميا?)?", "amiri_decree", None),
    # "مرسوما اتحاديا رقم 12": the accusative before a state adjective
    (r"(?:ال)?مرسوم(?:ان|ين)?|مرسوما(?=\s+" + _ACCUSATIVE_STATE + ")", "decree", None),
    (r"(?:ال)?امر\s+(?:ال)?(?:ملكي|سامي)(?:\s+(?:ال)?كريم)?|امرا\s+(?:ملكيا|ساميا)", "royal_order",
     None),
    (r"(?:ال)?(?:امر|قرار)\s+(?:ال)?اميري", "amiri_decision", None),
    (r"(?:ال)?قرار\s+(?:(?:سمو\s+)?رئيس\s+)?مجلس\s+(?:ال)?وزراء(?:\s+(?:ال)?موقر)?", "cabinet_decision",
     None),
    # "القرارات الوزارية أرقام 1 و2 و3": a plural head before a list of numbers
    (r"(?:ال)?قرارات\s+(?:ال)?وزاريه(?=\s+(?:ارقام|رقم))", "ministerial_decision", None),
    (r"(?:ال)?قرارات(?=\s+(?:ارقام|رقم))", "decision", None),
    (r"(?:ال)?مراسيم(?=\s+(?:ارقام|رقم))", "decree", None),
    (r"(?:ال)?قوانين(?=\s+(?:ارقام|رقم))", "law", None),
    (r"(?:ال)?اتفاقيات(?=\s+(?:ارقام|رقم))", "convention", None),
    # "القراران الوزاريان رقم 1 و2": a dual head, its adjective dual too
    (r"(?:ال)?قرار(?:ان|ين)?\s+(?:ال)?وزاري(?:ان|ين)?|قرارا\s+وزاريا", "ministerial_decision", None),
    # "قرار النائب الأول لرئيس مجلس الوزراء ووزير الداخلية رقم 2100": a deputy prime minister's
    ((r"(?:ال)?قرار\s+(?:معالي\s+)?(?:(?:ال)?نائب\s+(?:(?:ال)?اول\s+)?ل?رئيس\s+مجلس\s+(?:ال)?وزراء"
     r"\s+و)?وزير(?:\s+و?ال\w+){1,6}"),
     "ministerial_decision", None),
    # "قرار وزير الدولة للشؤون الخارجية رقم 5": a minister's title the head above cannot read
    (r"(?:ال)?قرار\s+(?:معالي\s+)?وزير(?:\s+[^\s\d،,.؛:()]+){1,6}?(?=\s*\(?\s*(?:رقم|(?:ال)?مرقم|ذ[يو]\s+الرقم))",
     "ministerial_decision", None),
    # "قرار النائب العام رقم 5", "قرار رئيس الهيئة العامة للقوى العاملة رقم 8": another issuer,
    # named before the number
    ((r"(?:ال)?قرار\s+(?:(?:سعاده|معالي|سمو)\s+)?(?:ال)?(?:نائب\s+العام|ولي\s+العهد|رئيس|مدير|وكيل|محافظ"
      r"|امين|مجلس|هيئه|لجنه)(?:\s+[^\s\d،,.؛:()]+){0,6}?(?=\s*\(?\s*(?:رقم|(?:ال)?مرقم|ذ[يو]\s+الرقم))"), "decision", None),
    # "قرار وزارة الشؤون الاجتماعية رقم 15": a ministry's decision, the ministry an AGENCY
    (r"(?:ال)?قرار\s+وزاره(?:\s+[^\s\d،,.؛:()]+){1,6}?(?=\s*\(?\s*(?:رقم|(?:ال)?مرقم|ذ[يو]\s+الرقم))", "ministerial_decision", None),
    (r"(?:ال)?قرار\s+(?:ال)?اداري|قرارا\s+اداريا", "decision", None),  # "القرار الإداري رقم 552"
    # "القرار رقم 2302 لسنة 2023", "قراره رقم 45": issuer unnamed in the citation
    (r"(?:ال)?قرار(?:ان|ين)?|قرار(?:ه|ها)|قرارا(?=\s+رقم)", "decision", None),
    # "القانونان 91/2013 و114/2024": a dual head before a list of citations
    # "أصدر جلالة الملك قانونا رقم 19 لسنة 2017": the accusative before its number
    (r"(?:ال)?قانون(?:ان|ين)?|قانونا(?=\s+رقم)", "law", None),
    # "اتفاقيتي منظمة العمل الدولية رقم 29 و105": a dual head before a list of numbers
    # "اتفاقيتي العمل الدوليتين رقم 138 و182": the adjective agrees with the dual
    (r"(?:ال)?اتفاقي(?:ه|تي|تين|تان|تا)(?:\s+(?:منظمه\s+)?العمل\s+الدولي(?:ه|تين|تان))?", "convention",
     None),
    (r"(?:ال)?بروتوكول", "protocol", None),
    (r"(?:ال)?معاهده", "treaty", None),
)
_CLITIC = r"(?<!\w)(?:[وف]?(?:لل|[بلك])?)"  # before a mention, kept out of it
_ADJECTIVE = r"(?:ال)?(?:" + "|".join(COUNTRY_ADJECTIVES) + r")"
_CITATION = re.compile(
    _CLITIC + r"(?P<m>(?:" + "|".join(f"(?P<h{i}>{head})" for i, (head, _, _) in enumerate(_HEADS)) + ")"
    # "القانون الوطني رقم 91", "القانون الجديد رقم 10", "الاتفاقية الدولية رقم 189"
    r"(?:\s+(?:ال)?(?:وطني|جديد|دولي)ه?)?"
    # "المرسومان الأميريان رقما 5 و6": a dual head's dual adjective before its numbers
    r"(?:\s+(?:ال)?[^\s\d()]+ي(?:ان|ين)(?=\s+(?:رقم|ارقام)))?"
    rf"(?:\s+(?P<adj>{_ADJECTIVE})(?:(?<=ي)ا)?)?\s*(?P<paren>\(\s*)?(?:(?P<raqm>رقم[يا]?|ارقام|"
    r"(?:ال)?مرقم(?:ه|ان|تان|ين|تين)?|(?:ذي|ذو|ذات)\s+الرقم)\s*)?"
    # ("القرار الوزاري المرقم (125)", "المرسوم الملكي ذي الرقم (م/40)": "numbered" before it)
    # "رقم (95/62) وتاريخ 1/1/1432هـ": a Saudi decision's number and session, dated after it
    r"(?P<qn>[\"«“]\s*)?(?P<np>\(\s*)?(?:(?P<yfirst>(?:19|20)\d\d)\s*/\s*(?=\d{1,3}(?!\d)))?(?P<number>(?:[ما]\s*/\s*)?\d+(?:\s*/\s*\d{1,3}(?!\d)(?=\s*\)?\s*[،,]?\s*"
    r"(?:(?:ال)?صادره?\s+)?(?:و|ب)تاريخ\s+\d))?)(?!\d)"
    r"(?(np)(?:\s*\)|(?=\s*/\s*(?:\d{4}|\d{2})\s*م?\s*\))))"  # "(35/2023م)": bracket after year
    r"(?(qn)\s*[\"»”])"  # 'رقم "33" لسنة 2021': a number in quotes
    r"(?:\s*/\s*(?P<slash_year>\d{4}|\d{2}(?!\d))(?(np)(?:\s*م?\s*\))?)"
    # "لسنة 2013", "الصادر (في) عام 2013", "من عام 2013"
    r"|\s*[،,]?\s*(?:(?:ال)?صادره?\s+(?:في\s+)?(?:(?:سنه|عام)\s*)?|(?:ل|لل|من\s+(?:ال)?)?(?:سنه|عام)\s*)"
    r"(?P<yp>\(\s*)?(?P<year>\d{4})(?(yp)\s*\))"
    r"|\s*[،,]?\s*(?:(?:ال)?صادره?\s+)?(?:(?:و|ال|ب)?تاريخ|في)\s+(?P<date>\d{1,4}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{1,4}"
    r"|\d{1,2}\s+(?:" + _HIJRI_MONTH + r")\s+\d{4})"
    r"|\s*[،,]?\s*(?:ال)?صادره?\s+(?:(?:ب|ال)?تاريخ|في)\s+(?P<gdate>\d{1,2}\s+(?:" + _GREGORIAN_MONTH
    + r")\s+\d{4}))?"
    r"(?:(?P<hijri>\s*(?:ه|هجري|هجريه)(?!\w))|م(?!\w))?(?(paren)\s*\)|)(?!\d)"
    # "القانون رقم 15 لسنة 2017 القطري": the state adjective after the year is the citation's
    rf"(?:\s+(?P<late_adj>{_ADJECTIVE})(?!\w))?)"
)
_DECISION_ABOUT = re.compile(
    _CLITIC + r"(?P<m>(?P<cabinet>" + "|".join(h for h, k, _ in _HEADS if k == "cabinet_decision")
    + ")|" + "|".join(h for h, k, _ in _HEADS if k == "ministerial_decision")
    + r")(?=\s*[،,]?\s*(?:في\s+شان|بشان)\s)")
# Unnumbered named instruments: a head, optional fixed adjectives, a connector, a name phrase.
# "قانونا|نظاما" (accusative, indefinite): "أصدرت نظاماً خاصاً بمكافحة ..."
_NAMED_HEAD = re.compile(_CLITIC + r"(?P<m>(?P<def>ال)?(?P<head>مرسوما?\s+بقانون|قانوني|نظامي|قانونا|نظاما|قانون"
                         r"|نظام|اتفاقيه|بروتوكول|ميثاق|معاهده|اعلان|عهد))(?!\w)")
_NAMED_KIND = {"قانون": "law", "نظام": "law", "اتفاقيه": "convention", "بروتوكول": "protocol",
               "ميثاق": "charter", "معاهده": "treaty", "اعلان": "declaration",
               "عهد": "treaty", "قانوني": "law", "مرسوم بقانون": "decree_law", "مرسوما بقانون": "decree_law",
               "قانونا": "law", "نظامي": "law",
               "نظاما": "law"}
# an instrument named by its year, before its qualifier: "بروتوكول 2014 الملحق باتفاقية ...",
# "اتفاقية 1951 الخاصة بوضع اللاجئين" (the subject is read as a numbered citation's)
_YEAR_NAME = re.compile(r"(?:ال)?(?P<head>بروتوكول|اتفاقيه|ميثاق|اعلان|معاهده)"
                        r"\s+(?:(?:ل|لل)?عام\s+)?(?P<year>(?:19|20)\d\d)")
_YEAR_NAMED = re.compile(_CLITIC + r"(?P<m>" + _YEAR_NAME.pattern + ")"
                         r"(?=\s+(?:ال)?(?:ملحق|مكمل|خاص|متعلق)ه?\s)")
# "... المكمل للاتفاقية", "... الملحق باتفاقية": between a year-named instrument and the one
# it supplements (the proclitic of the second is left out of its mention)
_SUPPLEMENT_LINK = re.compile(r"[^\S\n]+(?:ال)?(?:مكمل|ملحق)ه?[^\S\n]+(?=(?:لل|ل|بال|ب)\w)(?:لل|ل|ب)?")
_SUPPLEMENTED = frozenset(("convention", "protocol", "treaty", "charter"))
_HEAD_BASE = {"قانونا": "قانون", "نظاما": "نظام", "قانوني": "قانون", "نظامي": "نظام"}
_DUAL_HEADS = ("قانوني", "نظامي")  # "قانوني العمل والإقامة", "نظامي مكافحة الاتجار ... والإقامة"
# "القانون (النظام) الاسترشادي ...": the other name of the head, in brackets, read through
_ALT_HEAD = re.compile(r"[^\S\n]*\([^\S\n]*(?:ال)?(?:قانون|نظام)[^\S\n]*\)")
# a GCC model-law document before "للنظام|للقانون": "وثيقة أبوظبي للنظام الموحد ..."
_DOCUMENT_BEFORE = re.compile(r"(?<!\w)[وف]?(?P<doc>وثيقه(?:[^\S\n]+[^\s\d،,.؛:()\"«»“”]+){1,2})"
                              r"[^\S\n]+$")
# "اللائحة التنفيذية لقانون ..." before a law: the law's executive regulations
# "لائحة نظام المطبوعات والنشر": the regulations in construct with an indefinite head
_REGULATION_BEFORE = re.compile(r"(?<!\w)[وف]?[بل]?(?P<reg>(?:ال)?لائحه[^\S\n]+(?:ال)?تنفيذيه"
                                r"[^\S\n]+(?:لل|ل)|لائحه[^\S\n]+)$")
# "اتفاقيتي ...", "الاتفاقيتين الدوليتين ...": a dual convention head and its dual adjective
_DUAL_CONVENTION = re.compile(_CLITIC + r"(?P<m>(?P<def>ال)?اتفاقيت(?:ي|ين|ان|ا)"
                              r"(?P<adj>[^\S\n]+(?:ال)?[^\s\d()،,.]+يت(?:ين|ان))?)(?!\w)")
# "اللائحة التنفيذية لـ" before what it regulates (`_regulations_by_subject`)
_REGULATION_SUBJECT = re.compile(_CLITIC + r"(?P<m>(?:ال)?لائحه[^\S\n]+(?:ال)?تنفيذيه)(?=[^\S\n]+ل(?!ل))")
_DECISIONS = frozenset(("decision", "cabinet_decision", "ministerial_decision", "amiri_decision"))
# bodies named inside an issuer's title: the body is an AGENCY of its own (`_citation_start`)
_ISSUER_BODIES = frozenset(("هيئه", "اداره", "وزاره", "مجلس", "لجنه", "مؤسسه", "جهاز", "نيابه",
                            "مركز", "مكتب", "محكمه", "ديوان", "قطاع", "مديريه", "شرطه", "جامعه"))
_REGULATED = frozenset({"law", "decree_law", "decree", "royal_decree", "sultani_decree",
                        "amiri_decree", "federal_law", "cabinet_decision", "ministerial_decision",
                        "decision"})
NAME_WORDS_FILE = PATTERNS / "law_names.json"
NAME_LISTS = ("head_adjectives", "name_nouns", "nizam_openers", "nizam_single_subjects", "nizam_system_tails",
              "never_openers", "list_leads", "stop_words", "declaration_openers",
              "never_construct", "model_law_adjectives", "plural_heads", "pronoun_prepositions",
              "time_adjectives", "name_scopes", "issuer_nouns", "body_nouns", "protocol_ordinals",
              "complement_adjectives", "counted_persons", "title_nouns", "signing_words",
              "approval_nouns")


def load_name_words(path: Path = NAME_WORDS_FILE) -> dict:
    """law_names.json, checked: every list of `NAME_LISTS` and the "state_phrases" table."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataFileError(path, error.lineno, f"not JSON ({error.msg})") from error
    for key in NAME_LISTS:
        if not isinstance(data.get(key), list) or not all(isinstance(w, str) for w in data[key]):
            raise DataFileError(path, None, f"{key!r} must be a list of words")
    if not isinstance(data.get("state_phrases"), dict):
        raise DataFileError(path, None, "'state_phrases' must map a state's name to its code")
    if not isinstance(data.get("governed_prepositions"), dict):
        raise DataFileError(path, None, "'governed_prepositions' must map a verbal noun to "
                                        "the preposition it governs")
    return data


_NAME_DATA = load_name_words()
_NAME_WORDS = {key: frozenset(normalise_text(w) for w in words)
               for key, words in _NAME_DATA.items() if isinstance(words, list)}
# "... في دولة الكويت" after a named law: its state, folded into the citation
_STATE_PHRASES = {normalise_text(name): code for name, code in _NAME_DATA["state_phrases"].items()}
# the phrases as one alternation, longest first ("المملكه العربيه السعوديه" before "المملكه")
_STATE_ALTERNATION = "|".join(sorted(map(re.escape, _STATE_PHRASES), key=len, reverse=True))
_STATE_PHRASE = re.compile(rf"(?:{_STATE_ALTERNATION})(?= |$)")
# "القضاء على", "للقضاء عليها": a verbal noun and the preposition it governs stay in the name
_GOVERNED = {normalise_text(noun): normalise_text(prep)
             for noun, prep in _NAME_DATA["governed_prepositions"].items()}
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هن", "هما")
# "في البشر" in a name ("الاتجار في البشر"): keyed in its usual form, "بالبشر"
_SCOPE_KEYS = {normalise_text(scope): normalise_text(usual)
               for scope, usual in _NAME_DATA.get("scope_keys", {}).items()}
# "في الإسلام" after a name: part of it ("عهد حقوق الطفل في الإسلام")
_NAME_SCOPES = _NAME_WORDS["name_scopes"]
# an issuing body in a name, after which a "بشأن" subject goes on ("اتفاقية مجلس أوروبا بشأن ...")
_ISSUERS = _NAME_WORDS["issuer_nouns"]
_BODY_NOUNS = _NAME_WORDS["body_nouns"]  # a decision that sets one up names no instrument
_HEAD_ADJECTIVES = frozenset(w.removeprefix("ال") for w in _NAME_WORDS["head_adjectives"]) \
    | frozenset(COUNTRY_ADJECTIVES)
_MASDARS = _NAME_WORDS["name_nouns"]  # open a name without the article ("مكافحة", "مجلس")
# "نظام" opens a law only with these ("نظام العمل المرن", "نظام الكفالة" are systems)
_NIZAM_SUBJECTS = _NAME_WORDS["nizam_openers"]
_NIZAM_SINGLE = _NAME_WORDS["nizam_single_subjects"]  # "نظام العمل" alone, not "نظام العمل المرن"
# "نظام العمل عن بعد": a known subject before one of these is a way of working, no law
_NIZAM_TAIL = re.compile(r"[^\S\n]+(?:" + "|".join(sorted(map(re.escape, _NAME_WORDS["nizam_system_tails"]),
                                                        key=len, reverse=True)) + r")(?!\w)")
_NEVER_OPENERS = _NAME_WORDS["never_openers"]  # "اتفاقية التعاون" is an agreement, not a convention
_NAME_STOP = _NAME_WORDS["stop_words"]
_APPROVAL_NOUNS = _NAME_WORDS["approval_nouns"]  # "القانون الخاص بالموافقة على اتفاقية ..."
# after an approval noun: the preposition and the instrument approved
_APPROVED = re.compile(r"[^\S\n]+(?:علي|الي)[^\S\n]+(?:ال)?(?:انضمام[^\S\n]+الي[^\S\n]+)?"
                       r"(?:ال)?(?:اتفاقيه|بروتوكول|ميثاق|معاهده|عهد|اتفاق)")
# "واللوائح", "بالقوانين": other instruments
_PLURAL_HEAD = re.compile(r"^[وف]?(?:[بلك]?ال|لل|[بلك])?(?:"
                          + "|".join(sorted(_NAME_WORDS["plural_heads"], key=len, reverse=True))
                          + ")$")
_PRONOUN_PREPS = _NAME_WORDS["pronoun_prepositions"]  # "والاتجار بهن": a clause of its own
_TIME_ADJECTIVES = _NAME_WORDS["time_adjectives"]  # "العام الماضي": a time, not a name word
_DECLARATION_OPENERS = _NAME_WORDS["declaration_openers"]  # "إعلان حقوق ...", not "إعلان نوايا"
_NEVER_CONSTRUCT = _NAME_WORDS["never_construct"]  # "قانون أمس ..." is no "قانون جواز السفر"
# "النظام الاسترشادي الموحد ...": a model law, whatever its subject
_MODEL_ADJECTIVES = frozenset(w.removeprefix("ال") for w in _NAME_WORDS["model_law_adjectives"])
# "البروتوكول (الاختياري) الثاني المكمل لـ" before an instrument: a protocol named only by its
# rank and adjectives and the instrument it supplements, read whole with that instrument; the
# article on every word or on none ("هذا البروتوكول مكمل لـ ..." says what it is, names nothing)
_PROTOCOL_RANKS = "|".join(sorted({w.removeprefix("ال") for w in _NAME_WORDS["protocol_ordinals"]}
                                  | {"اختياري", "اضافي"}, key=len, reverse=True))
_SUPPLEMENT_BEFORE = re.compile(
    r"(?<!\w)(?<!هذا )[وف]?(?:لل|[بلك])?(?P<protocol>(?:ال)?بروتوكول(?:[^\S\n]+(?:ال)?(?:"
    + _PROTOCOL_RANKS + r")){1,2}[^\S\n]+(?:ال)?(?:مكمل|ملحق)[^\S\n]+(?:لل|ل|ب))$")
# (a rank at least: "البروتوكول المكمل لاتفاقية ..." names the convention, read as such)
_SPLIT_WORD = re.compile(r"[^\S\n]+")
_ABOUT = ("الخاص", "الخاصه", "المتعلق", "المتعلقه", "المعني", "المعنيه")  # "الاتفاقية الخاصة بالرق"
_IMPERFECT = re.compile(r"^(?:ي|ت|ن|سي|ست)")
# nouns that look like an imperfect verb: "تقنية", "تنظيم", "تشريعات"
# ("تصاريح", "تقارير": a broken plural of the shape "تفاعيل" too)
# ("نشاط", "نطاق", "نقاش": the shape "فعال" with "ن" first, never an imperfect)
_NOUN_SHAPE = re.compile(r"^ت\w\wي\w$|^ت\wا\wي\w$|^\w+(?:يه|ات)$|^ن\wا\w$")
# a perfect verb with its feminine "ت" ("طبقت", "أصدرت"): a noun writes its "ة" even in construct
_PAST_FEMININE = re.compile(r"^\w{2,}[^ا\W]ت$")
# verbal nouns of the derived forms (إبطال، تنظيم، مكافحة، احترام، استغلال): after a head
# adjective and "لـ" they open a name ("الاتفاقية التكميلية لإبطال الرق")
_MASDAR_SHAPE = re.compile(r"^(?:ا\w\wا\w|ت\w\wي\w|م\wا\w\wه|ا\wت\wا\w|است\w\wا\w)$")
_ACCUSATIVE_ABOUT = ("خاصا", "خاصه")  # "نظاماً خاصاً بمكافحة ..."
_LINKERS = frozenset(("عبر", "ضد", "ذوي", "ذوو"))  # "حقوق الأشخاص ذوي الإعاقة"
_PERSONS_CONJUNCT = re.compile(r"^وال\w{4,}(?:ين|ون)$")  # "والخارجين", not "والبحرين"
_PERSONS_PREPOSITIONS = frozenset(("عن", "على", "علي", "من", "الى"))  # "والخارجين عن القانون"
_ISSUED_BY = re.compile(r"[\s،,]*(?:و)?(?:ال)?صادر(?:ه)?\s+(?=ب)")
_COMPLEMENT = re.compile(r"^[وف]?(?:ال)?(?:مكمل|مكمله|ملحق|ملحقه)$")
_LIST_LEAD = _NAME_WORDS["list_leads"]
_TITLE_NOUNS = _NAME_WORDS["title_nouns"]  # "مسؤولة إعلان ...": a programme in a title
_COUNTED_PERSONS = _NAME_WORDS["counted_persons"]  # "و3 العمال": a count, not a listed number
_SIGNING = _NAME_WORDS["signing_words"]  # "ووقع البلدان اتفاقيتي ...": agreements, no conventions
_NAME_WORD = re.compile(r"[^\S\n]*(?P<comma>[،,][^\S\n]*)?(?P<open>[(\"«“][^\S\n]*)?"
                        r"(?P<w>[^\s\d،,.؛:()\[\]\"«»“”!?؟/-]+)(?P<close>[^\S\n]*[)\"»”])?")
# brackets inside a name, read through: one to three words, no digits; or the name in quotes
# ('قانون "مكافحة الاتجار بالبشر"', "قانون «العمالة المنزلية»"), up to eight words
_BRACKETS = re.compile(r"\([^\S\n]*[^\s\d()،,.؛:]+(?:[^\S\n]+[^\s\d()،,.؛:]+){0,2}[^\S\n]*\)"
                       r"|[\"«“][^\S\n]*[^\s\d\"«»“”،,.؛:]+(?:[^\S\n]+[^\s\d\"«»“”،,.؛:]+){0,7}"
                       r"[^\S\n]*[\"»”]")
_MAX_NAME_WORDS = 18
# after a named law: a state adjective and/or its number and year ("... الكويتي رقم 91 لسنة 2013")
_NAMED_TAIL = re.compile(
    # "قانون العمل الجديد رقم 14 ...": "الجديد" before the number is read through
    rf"(?:\s+(?:ال)?جديده?(?=(?:\s+{_ADJECTIVE})?\s+رقم\s*\(?\s*\d))?"
    rf"(?:\s+(?P<adj>{_ADJECTIVE})|\s+في\s+(?P<state>{_STATE_ALTERNATION})"
    # "قانون العمل في القطاع الأهلي رقم 6 ...": a short scope, when a number follows it
    r"|\s+في\s+(?P<scope>[^\s\d،,.؛:()]+(?:\s+[^\s\d،,.؛:()]+){0,2})(?=\s+رقم\s*\(?\s*\d))?"
    # "قانون العمل الكويتي الجديد رقم 6 ...": "الجديد" after the state adjective too
    r"(?:\s+(?:ال)?جديده?(?=\s+رقم\s*\(?\s*\d))?"
    # "اتفاقية منظمة العمل الدولية (189) بشأن ...": a number in brackets, without "رقم"
    # "اتفاقية العمل الدولية 189": a convention's bare number, before the sentence goes on
    r"(?:\s+(?:(?:رقم|(?:ال)?مرقمه?)\s*\(?|\((?=\s*\d{1,3}\s*\))|(?=\d{2,3}(?!\d)(?!\s*[/-]\s*\d)"
    r"(?:\s*(?:[.،,؛:)\n]|$|بشان|في\s+شان|(?:ال)?(?:خاص|متعلق)|(?:ل|لل)?(?:عام|سنه)\s|و\s*\d)))"
    # "قانون العمل 6 لسنة 2010", "قانون الإقامة 17/1959": any bare number with its year
    r"|(?=\d{1,4}\s*(?:/\s*(?:19|20)\d\d(?!\d)|[،,]?\s*(?:ل|لل)(?:سنه|عام)\s*\(?\s*(?:19|20)\d\d)))"
    r"\s*(?P<number>\d+)(?:\s*/\s*(?P<slash_year>(?:19|20)\d\d)(?!\d))?\s*\)?)?"
    r"(?:\s*[،,]?\s*(?:ل|لل)(?:سنه|عام)\s*\(?\s*(?P<year>\d{4})\s*\)?)?"
    # "قانون العمل رقم 6 لسنة 2010 الكويتي": a state adjective after the number or year
    rf"(?:(?<=[\d)])\s+(?P<late_adj>{_ADJECTIVE}))?(?!\w)")
# "قانون الإقامة الجديد": "الجديد" after an unnumbered name is part of how the text names it
# (the new law, as against the old one of the same subject), unless a number follows it (above)
_NEW_AFTER = re.compile(r"[^\S\n]+الجديده?(?!\w)")
# one more number of a list, before the list's end, its year, its subject or a further number
_MORE_NUMBER = re.compile(
    r"\s*[،,]?\s*و\s*(?:رقم\s*)?\(?\s*(?P<n>\d{1,4})(?!\d|\s*[/-]\s*\d)\s*\)?"
    r"(?=\s*(?:[.،,؛:)\n]|$|و\s*(?:رقم\s*)?\(?\s*\d|بشان|في\s+شان|(?:ل|لل)(?:سنه|عام)"
    r"|(?:ال)?(?:خاص|متعلق)(?:ه|تين|تان|ين|ان)?\s"
    # "... و105 الخاصتين بالعمل الجبري"; a definite word is no counted noun ("و105 العمل ...",
    # not "و6 مواد")
    r"|ال\w))")
# one more citation of a list, with its own year ("رقم 91 لسنة 2013 و114 لسنة 2024",
# "91/2013 و114/2024")
# "لسنة 2013", "لعام (2013)": a citation's year after its number (each user closes the bracket)
_OF_YEAR = r"\s*[،,]?\s*(?:ل|لل)(?:سنه|عام)\s*\(?\s*(?P<year>(?:19|20)\d\d)"
_MORE_CITATION = re.compile(  # its number never a year ("... لسنة 2013 و2019 /2020 موسما")
    r"\s*[،,]?\s*و\s*(?:رقم\s*)?\(?\s*(?!(?:19|20)\d\d(?!\d))(?P<n>\d{1,4})\s*\)?"
    r"(?:\s*/\s*(?P<slash_year>(?:19|20)\d\d)|" + _OF_YEAR + r"(?:\s*\))?)(?!\d)(?:\s*م(?!\w))?")
_SUBJECT_LEAD = re.compile(r"\s*[،,]?\s*(?:في\s+شان|بشان|(?:ال)?(?:خاص|متعلق)ه?(?=\s+ب))(?=\s)")
_LATE_YEAR = re.compile(_OF_YEAR + r"(?!\d)(?:\s*\))?")
_SUBJECT_WORD = re.compile(r"\s+([^\s\d،,.؛:()\"«»“”]+)")
_SUBJECT_STOP = frozenset(normalise_text(
    "الذي التي الذين اللذين اللتين والذي والتي وذلك كما حيث إذ أن إن أو ثم قد وقد لكن "
    "الصادر والصادر المعدل والمعدل وتعديلاته إلى على عن منذ خلال بموجب وفق وفقا طبقا حسب بحسب "
    "لدى بعد قبل ضمن مع بين ولائحته ولائحتها واللائحة نهاية بداية مطلع أواخر أوائل منتصف"
).split())
_REGULATION_WORD = re.compile(r"^[وف]?(?:لل|ال|[بل])?(?:لائحه|تنفيذيه)$")
_VERB_LIKE = re.compile(r"^[وف]?(?:ي|لي|لت|سي|ست)")
_HEAD_WORD = re.compile(r"^[وف]?(?:[بل]?ال|لل|[بل])?(?:قانونا?|مرسوما?|قرار|اتفاقي(?:ه|تي|تين|تان|تا)|بروتوكول"
                        r"|معاهده|نظاما?|ميثاق|اعلان|عهد)$")
_MAX_SUBJECT_WORDS = 8
_SPACES = re.compile(r"[\s،,]+")
_BRACKETED = re.compile(r"\([^()]*\)")
_QUOTES = re.compile(r"[\"«»“”]")
_FULL_DATE = re.compile(r"\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}")
_SHORT_YEAR = re.compile(r"\d\s*/\s*\d{2}(?!\d)")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_ADJECTIVE_WORD = re.compile(r"^(?:ال)?(?:وطني|" + "|".join(COUNTRY_ADJECTIVES) + r")$")


@dataclass(frozen=True)
class LawMention:
    """One citation of a legal instrument; `start`/`end` index the original text."""

    start: int
    end: int
    text: str
    kind: str
    number: str | None
    year: int | None
    country: str | None
    name: str | None


# --- named instruments (data) ------------------------------------------------

def _check_entry(entry: dict, line: int) -> dict:
    for field in ("key", "kind", "en", "names"):
        if not entry.get(field):
            raise DataFileError(INSTRUMENTS_FILE, line, f"missing field {field!r}")
    if entry["kind"] not in KINDS:
        raise DataFileError(INSTRUMENTS_FILE, line, f"unknown kind {entry['kind']!r}; use one of {sorted(KINDS)}")
    return entry


@lru_cache(maxsize=1)
def _instruments() -> dict[str, dict]:
    """legal_instruments.jsonl as {normalised name: entry}; entries also keyed by "en:" + English name."""
    table: dict[str, dict] = {}
    lines = INSTRUMENTS_FILE.read_text(encoding="utf-8").splitlines()
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = _check_entry(json.loads(line), line_no)
        except json.JSONDecodeError as error:
            raise DataFileError(INSTRUMENTS_FILE, line_no, f"not JSON ({error})") from error
        table["en:" + entry["en"]] = entry
        table.update({_name_key(name): entry for name in entry["names"]})
        table.update({"glued:" + _name_key(name).replace(" ", ""): entry
                      for name in entry["names"]})
    return table


def _name_key(name: str) -> str:
    """`name` normalised, one space between words, "و" written apart joined to its word."""
    return _LONE_WAW.sub("و", _SPACES.sub(" ", normalise_text(name)).strip())


_LONE_WAW = re.compile(r"(?<!\S)و (?=\S)")


def _name_regex(name: str) -> str:
    words = _name_key(name).split()
    first = "(?:ال)?" + re.escape(words[0][2:]) if words[0].startswith("ال") else re.escape(words[0])
    glue = [r"[\s،,]*" if word.startswith("ال") else r"[\s،,]+" for word in words[1:]]
    return first + "".join(g + re.escape(w) for g, w in zip(glue, words[1:]))


@lru_cache(maxsize=1)
def _instrument_pattern() -> re.Pattern:
    names = sorted((k for k in _instruments() if not k.startswith(("en:", "glued:"))),
                   key=len, reverse=True)
    return re.compile(_CLITIC + r"(?P<m>(?P<core>" + "|".join(map(_name_regex, names)) + r")(?!\w)"
                      r"(?:\s*\(?\s*رقم\s*\(?\s*\d+(?:\s*/\s*(?:19|20)\d\d(?!\d))?\s*\)?(?:\s*\))?)?"
                      r"(?:\s*[،,]?\s*(?:ل|لل)(?:عام|سنه)\s*\d{4}(?!\d))?)")


def _lookup_instrument(core: str) -> dict:
    table, key = _instruments(), _name_key(core)
    glued = key.replace(" ", "")
    for form in (key, "ال" + key, "glued:" + glued, "glued:ال" + glued):
        if form in table:
            return table[form]
    raise KeyError(core)


# --- candidates: (start, end, priority, fields) on normalised text -------------

def _named_instruments(norm: str) -> list[tuple]:
    found = []
    for match in _instrument_pattern().finditer(norm):
        entry = _lookup_instrument(match["core"])
        written = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", norm[match.end("core"):match.end("m")])
        year = entry.get("year") or (int(written[0]) if written else None)  # "... لعام 1989"
        fields = (entry["kind"], entry.get("number"), year, entry.get("country"), entry["en"])
        found.append((match.start("m"), match.end("m"), 0, fields))
    return found


def _citation_year(match: re.Match) -> int | None:
    if match["yfirst"]:
        return int(match["yfirst"])
    if match["gdate"]:
        return int(match["gdate"][-4:])
    if match["date"]:
        written = match["date"] if re.search(r"[^\d\s/-]", match["date"]) \
            else re.sub(r"\s+", "", match["date"])  # "21 رجب 1430" keeps its spaces
        dates = find_dates(written + (match["hijri"] or ""))
        return dates[0].years[0] if dates and dates[0].years else None
    year = match["year"] or match["slash_year"]
    if not year:
        return None
    if len(year) == 2:  # "97/99": a two-digit Gregorian year
        return int(year) + (1900 if int(year) > 40 else 2000)
    return hijri_year_to_gregorian(int(year)) if int(year) < 1600 else int(year)


def _citation_country(match: re.Match, kind: str, implied: str | None, number: str) -> str | None:
    if match["adj"] or match["late_adj"]:
        return COUNTRY_ADJECTIVES[(match["adj"] or match["late_adj"]).removeprefix("ال")]
    if kind in ("royal_decree", "royal_order") and (number[1:2] == "/" or match["hijri"]):
        return "SA"
    return implied


def _numbered_citations(norm: str) -> list[tuple]:
    found = []
    for match in _CITATION.finditer(norm):
        index = next(i for i in range(len(_HEADS)) if match[f"h{i}"] is not None)
        _, kind, implied = _HEADS[index]
        year, end = _citation_year(match), match.end("m")
        if year is None and match["paren"] and (late := _LATE_YEAR.match(norm, end)):
            year, end = int(late["year"]), late.end()  # "القانون (91) لسنة 2013"
        dual = _DUAL_HEAD.search(match[f"h{index}"]) is not None  # "القرارين الوزاريين"
        if not (match["raqm"] or year or kind == "convention" and _listed_numbers(norm, end, dual)):
            continue  # "القانون 91" alone is not a citation; "الاتفاقيتين 29 و105" is
        number = re.sub(r"^ا/", "أ/", re.sub(r"\s+", "", match["number"]))  # Saudi "أ/90"
        if kind in _DECISIONS and len(match["slash_year"] or "") == 2:
            number, year = f"{number}/{match['slash_year']}", None  # "قراره رقم 45/28": a session
        country = _citation_country(match, kind, implied, number)
        if year is None and (listed := _listed_numbers(norm, end, dual)):
            numbers, year = listed
            found += [(start, stop, 1, (kind, other, year, country,
                                        _name_for_number(kind, other, year, country)))
                      for start, stop, other in numbers]
        fields = (kind, number, year, country, _name_for_number(kind, number, year, country))
        found.append((_citation_start(match, index), end, 1, fields))
        if year is not None:
            found += [(start, stop, 1, (kind, other, other_year, country,
                                        _name_for_number(kind, other, other_year, country)))
                      for start, stop, other, other_year in _listed_citations(norm, end)]
    return found


def _listed_citations(norm: str, end: int) -> list[tuple[int, int, str, int]]:
    """The further citations of a list after a citation with its year, each with its own
    ("القانونان 91/2013 و114/2024", "رقم 5 لسنة 2019 و7 لسنة 2021"): [(start, end, number,
    year)], each from its number."""
    listed = []
    while more := _MORE_CITATION.match(norm, end):
        listed.append((more.start("n"), more.end(), more["n"],
                       int(more["slash_year"] or more["year"])))
        end = more.end()
    return listed


def _citation_start(match: re.Match, index: int) -> int:
    """Where the mention starts: at its head, or at "رقم" when the head names its issuer by a
    body that is an agency mention of its own ("قرار رئيس الهيئة العامة للقوى العاملة رقم 8":
    the body stays an AGENCY, the decision is "رقم 8 ...")."""
    head = match[f"h{index}"].split()
    if not (_HEADS[index][1] == "decision" or head[1:2] == ["وزاره"]) or not any(
            re.sub(r"^(?:لل|ال|[بل])", "", word) in _ISSUER_BODIES
            for word in head[1:]):
        return match.start("m")
    return min(match.start(group) for group in ("paren", "raqm", "np", "number")
               if match.start(group) >= 0)


_DUAL_HEAD = re.compile(r"^\S+(?:ين|ان)(?!\S)")  # "القرارين", "القانونان", "اتفاقيتين"


def _listed_numbers(norm: str, end: int, dual: bool = False) -> tuple[list[tuple[int, int, str]], int | None] | None:
    """The further numbers of a list after a citation without a year ("رقم 29 و105",
    "رقمي 5 و6 لسنة 2020"): [(start, end, number)] and the year that closes the list. After
    a dual head a participle in -ين agrees with it ("القرارين ... رقم 12 و13 المنظمين"):
    only law_names.json's "counted_persons" then end the list."""
    numbers = []
    while (more := _MORE_NUMBER.match(norm, end)) and not _counts_persons(norm, more.end(), dual):
        numbers.append((more.start("n"), more.end("n"), more["n"]))
        end = more.end()
    year = _LATE_YEAR.match(norm, end) if numbers else None
    if year:
        numbers[-1] = (numbers[-1][0], year.end(), numbers[-1][2])
    return (numbers, int(year["year"]) if year else None) if numbers else None


def _counts_persons(norm: str, end: int, dual: bool = False) -> bool:
    """The number before `end` counts the persons named next ("و20 الموظفين", "و3 العمال"):
    a definite plural of persons (one of law_names.json's "counted_persons", or a sound
    masculine plural, not an instrument's dual adjective such as "الصادرين", "الخاصتين",
    "الوزاريين"), so it is no further number of the list. After a `dual` head a word in -ين
    agrees with the head ("المنظمين"): only the listed plurals count persons there."""
    word = _SUBJECT_WORD.match(norm, end) or _SUBJECT_WORD.match(norm, end - 1)
    if not word or not word[1].startswith("ال"):
        return False
    if word[1] in _COUNTED_PERSONS:
        return True
    if dual:
        return False
    stem = word[1].removesuffix("ين").removesuffix("ون")
    return stem != word[1] and not stem.endswith(("ت", "ي")) and stem not in _NAME_STOP \
        and stem + "ه" not in _NAME_STOP


def _named_by_year(norm: str) -> list[tuple]:
    """Instruments named by head and year (`_YEAR_NAMED`), with a data-file instrument's name
    when one of that kind has that year and no number ("بروتوكول 2014": the ILO protocol)."""
    found = []
    for match in _YEAR_NAMED.finditer(norm):
        kind, year = _NAMED_KIND[match["head"]], int(match["year"])
        fields = (kind, None, year, None, _name_for_number(kind, None, year, None))
        found.append((match.start("m"), match.end("m"), 1, fields))
    return found


def _decisions_by_subject(norm: str) -> list[tuple]:
    """Unnumbered decisions named by their issuer and subject ("قرار وزير الداخلية بشأن تنظيم
    مكاتب الاستقدام", "القرار الوزاري في شأن ..."): a cabinet or minister's decision head and a
    "بشأن|في شأن" subject of at least one word. A decision without its issuer ("قرارا بشأن"),
    an indefinite one ("قرار وزاري بشأن": news of an act, not a citation) and one that sets up
    a body ("... بشأن تشكيل اللجنة الوطنية": the body is the mention) are none."""
    found = []
    for match in _DECISION_ABOUT.finditer(norm):
        end = _subject_end(norm, match.end("m"), len(norm))
        subject = norm[match.end("m"):end].split()
        if end > match.end("m") and not re.match(r"قرارا?\s+وزاري", match["m"]) \
                and not any(re.sub(r"^[وف]?(?:لل|ال|[بل])", "", w) in _BODY_NOUNS for w in subject):
            kind = "cabinet_decision" if match["cabinet"] else "ministerial_decision"
            found.append((match.start("m"), end, 1, (kind, None, None, None, None)))
    return found


# an unnumbered decree named by the day it was issued: "بموجب مرسوم صادر في 15 فبراير 2017"
_DATED_DECREE = re.compile(
    _CLITIC + r"(?P<m>(?:ال)?مرسوم(?:\s+(?:ال)?(?P<adj>اميري|سلطاني|ملكي))?"
    r"\s+(?:ال)?صادره?\s+(?:(?:ب|ال)?تاريخ|في)\s+(?P<day>\d{1,2}\s+(?:" + _GREGORIAN_MONTH
    + r")\s+(?P<year>(?:19|20)\d\d)))(?!\d)")
DATED = "dated:"  # the name of a decree known by its day of issue: its key (`law_key`)
_DECREE_BY_ADJECTIVE = {"اميري": "amiri_decree", "سلطاني": "sultani_decree", "ملكي": "royal_decree"}


def _dated_decrees(norm: str) -> list[tuple]:
    """Decrees with no number, named by their day of issue ("مرسوم صادر في 15 فبراير 2017",
    "المرسوم الأميري الصادر بتاريخ 3 مارس 2019"): the decree of that year."""
    return [(match.start("m"), match.end("m"), 1,
             (_DECREE_BY_ADJECTIVE.get(match["adj"], "decree"), None, int(match["year"]), None,
              DATED + match["day"]))
            for match in _DATED_DECREE.finditer(norm)]


def _dual_conventions(norm: str) -> list[tuple]:
    """Two conventions named by one dual head and their two subjects ("اتفاقيتي حقوق الطفل
    ومناهضة التعذيب", "الاتفاقيتين الدوليتين لمكافحة الجريمة المنظمة ومكافحة الفساد"): one
    mention, as "قانوني العمل والإقامة" is; a dual without two subjects ("الاتفاقيتين
    الخاصتين بالعمل", "اتفاقيتين مع الفلبين"), one opening on an adjective ("الاتفاقيتين
    الأمنية والقضائية") and two agreements signed (a signing verb up to five words before the head
    in its sentence: "ووقع البلدان اتفاقيتي النقل ...") are none."""
    found = []
    for head in _DUAL_CONVENTION.finditer(norm):
        before = norm[_sentence_start(norm, head.start("m")):head.start("m")].split()[-5:]
        if any(word in _SIGNING or word[:1] in "وف" and word[1:] in _SIGNING for word in before):
            continue
        words = list(_words_after(norm, head.end()))
        if not words or not head["adj"] and words[0][0][:1] == "ل" and not head["def"]:
            continue  # "اتفاقيتين لتشغيل العمالة": agreements described
        first = re.sub(r"^(?:لل(?=\w{3}))", "ال", words[0][0])
        first = first[1:] if first[:1] == "ل" and not first.startswith("ال") else first
        if first in _NEVER_OPENERS or _ordinal(first) or _adjective_like(first) \
                or not (first.startswith("ال") and len(first) > 3
                                           or first in _MASDARS or _MASDAR_SHAPE.match(first)):
            continue
        end = _name_end(words, 0, keep_first=True)
        inside = [word for word, word_end in words[1:] if word_end <= end]
        if any(word.startswith("وال") or _joined_masdar(word) for word in inside):
            found.append((head.start("m"), end, 2, ("convention", None, None, None, None)))
    return found


def _ordinal(word: str) -> bool:
    """"الأولى", "الثانية", "الأول": an ordinal that counts the agreements ("اتفاقيتين الأولى
    للتعاون الأمني والثانية ..."), naming none."""
    bare = word.removeprefix("ال")
    return bare in ("اولي", "اولى") or "ال" + _masculine(word) in _NAME_WORDS["protocol_ordinals"]


def _regulations_by_subject(norm: str) -> list[tuple]:
    """Executive regulations named by what they regulate, no law's head after "لـ" ("اللائحة
    التنفيذية لقواعد ممارسة نشاط الاستقدام", "اللائحة التنفيذية لتنظيم مكاتب الاستقدام"):
    one to three bare construct nouns then a definite word, or a verbal noun, opens the
    subject; a pronoun ("لها"), a definite head alone ("للقانون") or a law's name (read by
    `_regulations`) is none of these."""
    found = []
    for lead in _REGULATION_SUBJECT.finditer(norm):
        words = list(_words_after(norm, lead.end()))
        if not words or _HEAD_WORD.match(words[0][0]) or not _subject_opens(words):
            continue
        end = _name_end(words, 0, keep_first=True)
        if end and not _cut_short(norm, words, end):
            found.append((lead.start("m"), end, 1, ("regulation", None, None, None, None)))
    return found


def _subject_opens(words: list[tuple[str, int]]) -> bool:
    """"لقواعد ممارسة نشاط الاستقدام", "لتنظيم العمالة": a verbal noun after "لـ", or up to three
    bare construct nouns before a definite word."""
    first = words[0][0][1:]
    if first in _MASDARS or _MASDAR_SHAPE.match(first):
        return True
    bare = [first] + [word for word, _ in words[1:4]]
    for index, word in enumerate(bare):
        if index and word.startswith("ال"):
            return True
        if not _bare_noun(word):
            return False
    return False


def _name_for_number(kind: str, number: str, year: int | None, country: str | None) -> str | None:
    """The English name of a data-file instrument cited by number ("القانون رقم 68 لسنة 2015")."""
    for key, entry in _instruments().items():
        if (key.startswith("en:") and entry.get("number") == number and entry.get("year") == year
                and KEY_FAMILY.get(entry["kind"], entry["kind"]) == KEY_FAMILY.get(kind, kind)
                and country in (None, entry.get("country"))):
            return entry["en"]
    return None


def _named_laws(norm: str) -> list[tuple]:
    found = []
    for match in _NAMED_HEAD.finditer(norm):
        document = _document_start(norm, match)
        regulated = _REGULATION_BEFORE.search(norm, max(0, match.start() - 40), match.start("m"))
        name = _name_phrase(norm, match, document is not None or regulated is not None)
        if name is None:
            continue
        end, country = name
        if _approves_instrument(norm, match.start("m"), end):
            continue
        number = year = None
        kind = _NAMED_KIND[" ".join(match["head"].split())]
        tail = _NAMED_TAIL.match(norm, end)
        if tail and kind != "convention" and _bracketed_number(norm, tail) \
                and not (tail["year"] or tail["slash_year"]):  # "قانون العمل (3) لسنة 2012" stays
            tail = None  # "(2) قانون الإقامة (3)": a list's numbering, a convention's only
        if tail and any(tail.groupdict().values()):  # one citation, not two
            end, number = tail.end(), tail["number"]
            written = tail["year"] or tail["slash_year"]  # "لسنة 2013" or "رقم 91/2013"
            year = int(written) if written else None
            adjective = (tail["adj"] or tail["late_adj"] or "").removeprefix("ال")
            country = COUNTRY_ADJECTIVES.get(adjective, _STATE_PHRASES.get(tail["state"], country))
        if not (number or year) and (new := _NEW_AFTER.match(norm, end)):
            end = new.end()  # "قانون الإقامة الجديد", "قانون الإقامة القطري الجديد"
        country = country or _state_after(norm, end)  # "قانون الإقامة بالكويت": KW
        start = match.start("m") if document is None else document
        found.append((start, end, 2, (kind, number, year, country, None)))
    return found


def _approves_instrument(norm: str, start: int, end: int) -> bool:
    """The name ends on a verbal noun of approval before the instrument approved ("القانون
    الخاص بالموافقة على اتفاقية ...", "قانون الانضمام إلى البروتوكول ..."): the law is named
    only by the act of approving, the instrument after it is the one named."""
    words = norm[start:end].split()
    last = re.sub(r"^[وف]?(?:بال|لل|ال|[بلك])", "", words[-1]) if len(words) > 1 else ""
    return last in _APPROVAL_NOUNS and bool(_APPROVED.match(norm, end))


def _bracketed_number(norm: str, tail: re.Match) -> bool:
    """The tail's number is in brackets with no "رقم" ("اتفاقية ... (189)")."""
    return bool(tail["number"]) and "رقم" not in norm[tail.start():tail.start("number")]


def _document_start(norm: str, head: re.Match) -> int | None:
    """Start of "وثيقة <place>" before "للنظام|للقانون" (a GCC model law: "وثيقة أبوظبي
    للنظام الموحد لمكافحة ..."), or None; "وثيقة" heads a law only with such a complement."""
    clitic = norm[head.start():head.start("m")]
    if head["head"] not in ("قانون", "نظام") or not clitic.endswith("لل"):
        return None
    document = _DOCUMENT_BEFORE.search(norm, max(0, head.start() - 60), head.start())
    return document.start("doc") if document else None


def _words_after(norm: str, position: int):
    """(word, end) pairs after `position` on the same line; a comma only before "وبخاصة".
    Words in brackets ("للنظام (القانون) الموحد") are read through: a name can end inside
    them only before the opening bracket."""
    before_brackets = None
    while word := _NAME_WORD.match(norm, position):
        if word["comma"] and word["w"] not in _LIST_LEAD and word["w"] != "لا":
            return
        if word["open"]:
            if before_brackets is not None or not _BRACKETS.match(norm, word.start("open")):
                return
            before_brackets = position
        if word["close"] and before_brackets is None:  # "(انظر قانون العمل)"
            yield word["w"], word.end("w")
            return
        if word["w"] == "و" and not word["close"] and (joined := _NAME_WORD.match(norm, word.end())) \
                and not (joined["comma"] or joined["open"]):
            word = joined  # "المطبوعات و النشر": "و" written apart from its word
            yield "و" + word["w"], word.end() if word["close"] or before_brackets is None \
                else before_brackets
            position = word.end()
            if word["close"]:
                before_brackets = None
            continue
        closed = word["close"] is not None
        yield word["w"], word.end() if closed or before_brackets is None else before_brackets
        before_brackets = None if closed else before_brackets
        position = word.end()


def _words_over_wraps(norm: str, position: int) -> list[tuple[str, int]]:
    """`_words_after`, read on over a line break that cuts a construct chain: the line ends
    on a head or a bare verbal noun of the name words ("قانون مكافحة⏎الاتجار بالبشر")."""
    words = list(_words_after(norm, position))
    while True:
        end = words[-1][1] if words else position
        wrap = re.match(r"[^\S\n]*\n[^\S\n]*", norm[end:])
        last = words[-1][0] if words else ""
        if not wrap or words and last not in _MASDARS:
            return words
        more = list(_words_after(norm, end + wrap.end()))
        if not more:
            return words
        words += more


def _is_name_word(word: str) -> bool:
    bare = re.sub(r"^[وف]?(?:لل|[بلك])?", "", word) if not word.startswith("ال") else word
    return (word.startswith(("ال", "وال", "بال", "لل", "وبال", "ولل", "كال"))
            or bare in _MASDARS or word in _LINKERS or bare.startswith("ال"))


def _opens_name(word: str) -> bool:
    """A first name word: a genitive ("العمل", "الأمم"), a verbal noun ("مكافحة") or either
    after the connector "لـ" ("لمكافحة", "لحقوق"); never "بالموافقة" or a stop word."""
    bare = "ال" + word[2:] if word.startswith("لل") else word.removeprefix("ل")
    return word not in _NAME_STOP and (bare in _MASDARS or bare.startswith("ال"))


def _name_phrase(norm: str, head: re.Match,
                 document: bool = False) -> tuple[int, str | None] | None:
    """(end, country) of the name phrase after a head ("قانون العمل", "الاتفاقية العربية
    لمكافحة ..."), or None when the head is a generic mention ("القانون", "تطبيق القانون").
    After "وثيقة <place>" or a regulation's head ("لائحة نظام المطبوعات والنشر", "اللائحة
    التنفيذية لنظام ...": `document`) or with a model law's adjective ("النظام الاسترشادي
    الموحد ...") a "نظام" needs no verbal noun: it is a law."""
    alternative = _ALT_HEAD.match(norm, head.end("m"))
    words = _words_over_wraps(norm, alternative.end() if alternative else head.end("m"))
    words = words[:_MAX_NAME_WORDS + 4]
    i, country, adjectives = 0, None, 0
    while i < len(words) and _is_head_adjective(words[i][0]):
        country = COUNTRY_ADJECTIVES.get(_masculine(words[i][0]), country)
        i, adjectives = i + 1, adjectives + 1
    i = _past_attachment(words, i)
    if i + 1 < len(words) and words[i][0] in (*_ABOUT, *_ACCUSATIVE_ABOUT) \
            and words[i + 1][0].startswith("ب") \
            or i < len(words) and words[i][0] == "بشان":
        i, linked = i + 1, True
    elif i + 1 < len(words) and words[i][0] == "في" and words[i + 1][0] == "شان":
        i, linked = i + 2, True
    elif _special_purpose(head, words, i):  # "قانون خاص لمكافحة ...", "قانوناً خاصاً لحماية ..."
        i, linked = i + 1, "ل"
    else:
        linked = "ل" if i < len(words) and words[i][0].startswith("ل") and adjectives else False
    definite = head["def"] or norm[head.start():head.start("m")].endswith("لل")  # "للقانون"
    if i >= len(words) or not (linked or not definite) or _is_discipline(head, words[:i]):
        return None
    first = words[i][0]
    to_instrument = head["head"] == "بروتوكول" and linked and _HEAD_WORD.match(first) \
        or _instrument_named(head, first, linked or adjectives)
    derived = linked == "ل" and bool(_MASDAR_SHAPE.match(first[1:]))  # "لإبطال"
    opens = _opens_name(first) or linked is True and first not in _NAME_STOP or to_instrument \
        or derived \
        or not (definite or linked or adjectives) and _opens_construct(head, words[i:i + 4]) \
        or not definite and head["head"] in ("اتفاقيه", "بروتوكول", "معاهده") \
        and first in _place_words()[1]  # "اتفاقية جنيف", "بروتوكول باليرمو"
    if first in _NEVER_OPENERS or not opens \
            or head["head"] in ("اعلان", "عهد") and not (_declares(first) or _place_declares(head, words, i)):
        return None
    if head["head"] == "اتفاقيه" and not (definite or adjectives or linked) and first[:1] == "ل":
        return None  # "اتفاقية لتشغيل العمالة ... مع الفلبين": an agreement described, no name
    end = _issuer_subject(words, i, _name_end(words, i, bool(to_instrument or derived)))
    if head["head"] in _DUAL_HEADS and not _two_subjects(head, words, i, end) \
            or _cut_short(norm, words, end):
        return None
    model = any(_masculine(word) in _MODEL_ADJECTIVES for word, _ in words[:i])
    if _HEAD_BASE.get(head["head"], head["head"]) == "نظام" and not (document or model) \
            and (not _nizam_law(words, i, end, head["head"] in _DUAL_HEADS)
                 or _NIZAM_TAIL.match(norm, end)
                 or _foreign_nizam(norm, head.start("m"), words[i][0])):
        return None
    return (end, country) if end else None


@lru_cache(maxsize=1)
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """(every one-word place name without the article, those of cities and regions only):
    the proper nouns that go into an instrument's name ("مجلس أوروبا", "اتفاقية جنيف")."""
    places = [(normalise_text(name), place.kind) for place in load_places()
              for name in place.names if " " not in name.strip()]
    bare = [(name, kind) for name, kind in places if not name.startswith("ال")]
    return (frozenset(name for name, _ in bare),
            frozenset(name for name, kind in bare if kind in ("city", "region")))


def _is_place(word: str) -> bool:
    return word in _place_words()[0]


def _cut_short(norm: str, words: list[tuple[str, int]], end: int) -> bool:
    """A name that the end of the text cuts in a word ("نظام مكافحة جرائم الإ" closing an
    excerpt): no whole name can be read."""
    index = next((i for i, (_, word_end) in enumerate(words) if word_end == end), None)
    if index is None or norm[end:].strip():
        return False
    last = words[index][0]
    return len(last) <= 3 and last.startswith("ال") or index > 0 and _written_whole_before(
        norm, words[index - 1][0], last, words[index - 1][1] - len(words[index - 1][0]))


def _written_whole_before(norm: str, previous: str, last: str, start: int) -> bool:
    """"... الاتجار بالأشخا" closing an excerpt where "الاتجار بالأشخاص" came before: the last
    word is the start of the longer word that followed the same word earlier, a repeated name
    cut in its last word."""
    return re.search(r"(?<!\w)" + re.escape(previous) + r"[^\S\n]+" + re.escape(last) + r"\w",
                     norm[:start]) is not None


def _two_subjects(head: re.Match, words: list[tuple[str, int]], start: int, end: int) -> bool:
    """A dual head ("قانوني العمل والإقامة": the labour and the residence laws) names two
    definite subjects joined by "و", either one maybe a verbal noun's ("نظامي مكافحة
    الاتجار بالبشر والإقامة", "قانوني العمل وإقامة الأجانب"); "القانوني" and "قانوني" before
    anything else are the adjective ("الإطار القانوني", "بشكل قانوني", "الوضع النظامي")."""
    inside = [word for word, word_end in words[start:] if word_end <= end]
    return not head["def"] and len(inside) >= 2 \
        and (inside[0].startswith("ال") or inside[0] in _MASDARS) \
        and any(word.startswith("وال") or _joined_masdar(word) for word in inside[1:])


def _joined_masdar(word: str) -> bool:
    """"وإقامة", "وتنظيم": "و" before a verbal noun that opens a second subject."""
    return word[:1] == "و" and (word[1:] in _MASDARS or bool(_MASDAR_SHAPE.match(word[1:])))


def _past_attachment(words: list[tuple[str, int]], i: int) -> int:
    """`i` moved past "الملحق بها" when the instrument's own subject follows ("والبروتوكول
    الملحق بها المعني بمنع وقمع ...": a protocol named by what it is about)."""
    if i + 3 < len(words) and _COMPLEMENT.match(words[i][0]) \
            and words[i + 1][0] in _PRONOUN_PREPS and words[i + 2][0] in _ABOUT \
            and words[i + 3][0].startswith("ب"):
        return i + 2
    return i


def _special_purpose(head: re.Match, words: list[tuple[str, int]], i: int) -> bool:
    """"قانون خاص لمكافحة الاتجار", "قانوناً خاصاً لحماية العمالة", "القانون الخاص لمكافحة
    ...": "خاص" and "لـ" before a verbal noun name the instrument by its purpose (a law of its
    own for that subject), as "نظاماً خاصاً بمكافحة ..." does with "بـ"; "قانون خاص" alone,
    or before anything else, is no name ("قانون خاص بهم", "القانون الخاص")."""
    if _HEAD_BASE.get(head["head"], head["head"]) not in ("قانون", "نظام") or i + 1 >= len(words) \
            or words[i][0] not in ("خاص", "الخاص", "الخاصه", *_ACCUSATIVE_ABOUT):
        return False  # "اتفاقية خاصة لتنظيم الاستقدام": an agreement described
    purpose = words[i + 1][0]
    return purpose[:1] == "ل" and (purpose[1:] in _MASDARS or bool(_MASDAR_SHAPE.match(purpose[1:])))


def _instrument_named(head: re.Match, first: str, qualified: bool) -> bool:
    """"اتفاقية ميثاق الرق": an indefinite convention or treaty head right before the bare head
    of the instrument it names, which is read as part of its name."""
    return head["head"] in ("اتفاقيه", "معاهده") and not (head["def"] or qualified) \
        and first in ("ميثاق", "بروتوكول", "معاهده", "عهد")


def _issuer_subject(words: list[tuple[str, int]], start: int, end: int) -> int:
    """`end`, or the end of a "بشأن|في شأن" subject after a name that is its issuing body
    ("اتفاقية مجلس أوروبا بشأن مكافحة الاتجار بالبشر", "اتفاقية منظمة العمل الدولية بشأن
    العمل الجبري"): the name's first word is one of "issuer_nouns" or a place, or the head of
    the convention that a protocol supplements ("البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن
    ...")."""
    after = next((i for i, (_, word_end) in enumerate(words) if word_end == end), None)
    first = re.sub(r"^(?:لل|ل)", "", words[start][0])
    if after is None or first.removeprefix("ال") not in _ISSUERS and first not in _ISSUERS \
            and not _is_place(first) and not _HEAD_WORD.match(first):
        return end
    lead = after + 1
    if lead < len(words) and words[lead][0] == "في" and words[lead + 1:lead + 2] \
            and words[lead + 1][0] == "شان":
        lead += 1
    elif lead + 1 < len(words) and words[lead][0] in _ABOUT and words[lead + 1][0][:1] == "ب":
        words = [*words[:lead + 1], (words[lead + 1][0][1:], words[lead + 1][1]),
                 *words[lead + 2:]]  # "الخاصة بوضع": "وضع" opens the subject
    elif not (lead < len(words) and words[lead][0] == "بشان"):
        return end
    if lead + 1 >= len(words) or _is_stop(words[lead + 1][0]) or _is_verb(words[lead + 1][0]):
        return end
    return _name_end(words, lead + 1, keep_first=True, subject=True)


def _opens_construct(head: re.Match, words: list[tuple[str, int]]) -> bool:
    """"قانون جواز السفر", "قانون هيئة تنظيم سوق العمل": one to three bare nouns, then a
    definite word, after an indefinite "قانون" (never a verb, a word with a proclitic, or a
    word of "never_construct": "قانون أمس ...")."""
    if head["head"] != "قانون":
        return False
    for index, (word, _) in enumerate(words):
        if index and word.startswith("ال"):
            return True
        if not _bare_noun(word):
            return False
    return False


def _bare_noun(word: str) -> bool:
    """A word that can be a bare construct noun in a name: no proclitic, no stop word, no verb."""
    return not (word in _NAME_STOP or word in _NEVER_CONSTRUCT or word[:1] in "وفبلك"
                or _is_verb(word) or _HEAD_WORD.match(word) or word.startswith("ال"))


def _is_verb(word: str) -> bool:
    """An imperfect verb ("يحمي", "تشدد"), not a noun of that shape ("تقنية", "تنظيم"), or a
    perfect one with its feminine ending ("طبقت")."""
    return bool(_IMPERFECT.match(word)) and not _NOUN_SHAPE.match(word) \
        or bool(_PAST_FEMININE.match(word))


def _declares(first: str) -> bool:
    """A declaration or covenant of rights or principles ("إعلان حقوق الإنسان", "الإعلان
    العالمي لحقوق الإنسان", "العهد الدولي الخاص بالحقوق ..."), not of intent ("إعلان نوايا":
    an agreement) nor a time ("في عهد الملك")."""
    bare = "ال" + first[2:] if first.startswith("لل") else re.sub(r"^(?:ل|ب(?=ال))", "", first)
    return bare in _DECLARATION_OPENERS


def _place_declares(head: re.Match, words: list[tuple[str, int]], i: int) -> bool:
    """"إعلان القاهرة لحقوق الإنسان في الإسلام": a declaration named by its city, then "لـ" and
    what it declares (never "بشأن": "إعلان الوزارة بشأن المهلة" is an announcement)."""
    return head["head"] == "اعلان" and i + 1 < len(words) and words[i + 1][0][:1] == "ل" \
        and _declares(words[i + 1][0])


def _masculine(adjective: str) -> str:
    """"الدولية", "الدوليتين" -> "دولي": the adjective without article, feminine ending or
    the feminine dual's."""
    bare = adjective.removeprefix("ال")
    if bare.endswith(("يتين", "يتان")):
        return bare[:-3]
    return bare[:-1] if bare.endswith("يه") else bare


def _is_head_adjective(word: str) -> bool:
    return _masculine(word) in _HEAD_ADJECTIVES


def _is_discipline(head: re.Match, adjectives: list[tuple[str, int]]) -> bool:
    """"القانون الدولي (لحقوق الإنسان)" is a body of law, not an instrument."""
    return bool(head["def"] and head["head"] == "قانون" and adjectives
                and _masculine(adjectives[0][0]) == "دولي")


def _nizam_law(words: list[tuple[str, int]], start: int, end: int, dual: bool = False) -> bool:
    """A "نظام" is a law when its name opens with a verbal noun ("نظام مكافحة ...") or is
    the whole of one of the known subjects ("نظام العمل", "نظام الإقامة", "نظام العمل والعمال"),
    else a system ("نظام الكفالة", "نظام العمل المرن"). The dual "نظامي" names two laws: each
    of its subjects one of those ("نظامي الإقامة والعمل", "نظامي الإقامة وأمن الحدود"); so
    does a "نظام" of two or more of them ("نظام الإقامة والعمل وأمن الحدود")."""
    first = re.sub(r"^(?:لل|ل|ب)", "", words[start][0])
    name = " ".join(word for word, word_end in words[start:] if word_end <= end)
    if first in _NIZAM_SUBJECTS or name in _NIZAM_SINGLE:
        return True
    subjects = re.split(r" و(?=ال|\w+ ال)", name)  # "الإقامة وأمن الحدود"
    return (len(subjects) == 2 if dual else len(subjects) >= 2) \
        and all(subject in _NIZAM_SINGLE for subject in subjects)


def _foreign_nizam(norm: str, position: int, first: str) -> bool:
    """A "نظام" of a known subject ("نظام الإقامة") in a sentence that names another Gulf state
    or one of its places and not Saudi Arabia, its places nor "المملكة" ("وزارة الداخلية
    القطرية ... للمخالفين لنظام الإقامة"): there the laws are "قوانين", and "نظام" is the
    residence system, not the Saudi law of that name. A name
    that opens with a verbal noun ("نظام مكافحة ...") is a law wherever it is cited."""
    if re.sub(r"^(?:لل|ل|ب)", "", first) in _NIZAM_SUBJECTS:
        return False
    stop = min((i for i in (norm.find(mark, position) for mark in _SENTENCE_MARKS) if i >= 0),
               default=len(norm))
    words = [_PROCLITICS.sub("", word) for word in norm[_sentence_start(norm, position):stop].split()]
    states = {_gulf_state_words().get(word) for word in words} - {None}
    kingdom = any(word == "المملكه" and following not in _OTHER_KINGDOMS
                  for word, following in zip(words, [*words[1:], ""]))
    return bool(states) and "SA" not in states and not kingdom


_SENTENCE_MARKS = ".؛!؟\n"
_PROCLITICS = re.compile(r"^[وف]?(?:[بلك](?!ل))?")  # "وبالرياض" -> "الرياض"


def _sentence_start(norm: str, position: int) -> int:
    """Where the sentence holding `position` starts: after the last full stop, semicolon,
    question or exclamation mark or line break before it."""
    return max(norm.rfind(mark, 0, position) for mark in _SENTENCE_MARKS) + 1


# "المملكة" alone is Saudi Arabia in Gulf reporting, not before these ("المملكة المتحدة")
_OTHER_KINGDOMS = frozenset(("المتحده", "البحرين", "الاردنيه", "المغربيه", "البريطانيه"))


@lru_cache(maxsize=1)
def _gulf_state_words() -> dict[str, str]:
    """{one-word name or adjective of a Gulf state or of a Gulf place, normalised: its ISO
    code} ("قطر", "القطرية", "السعودية", "الرياض", "دبي" ...), from the places gazetteer."""
    gulf = ("KW", "SA", "QA", "BH", "AE", "OM")
    return {word: state for word, state in (*place_states().items(), *country_adjectives().items())
            if state in gulf and " " not in word}


def _outside_name(word: str, following: list[str], previous: str = "") -> bool:
    """A word without the article goes into a name only as a bare construct noun before a
    name word, at most two words on ("جميع أشكال التمييز", "سلامة موظفي الأمم المتحدة"),
    never with a proclitic ("لتشديد") unless it is "و" joining two bare construct nouns
    ("دخول وخروج الوافدين")."""
    if _is_name_word(word) or word in _LIST_LEAD or word == "لا" and following[:1] == ["سيما"]:
        return False
    if _is_place(word) and (not previous or re.sub(r"^[وف]?(?:لل|ل)?", "", previous) in _ISSUERS):
        return False  # "مجلس أوروبا"; a place that opens a name ("اتفاقية جنيف")
    if word[:1] == "و" and _bare_noun(word[1:]) and _bare_noun(previous) \
            and following and _is_name_word(following[0]):
        return False
    if word[:1] in "وفبلك" or _is_verb(word):  # a proclitic, a verb ("يحمي")
        return True
    for after in following:
        if after in _NAME_STOP or after[:1] in "وفبلك" and not _is_name_word(after):
            return True
        if _is_name_word(after):
            return False
    return True


def _name_end(words: list[tuple[str, int]], start: int, keep_first: bool = False,
              subject: bool = False) -> int:
    """End offset of the name words from `start`: up to a stop word, a new instrument or a
    qualifier naming one ("المكمل لاتفاقية ...": a mention of its own), a state adjective,
    or words that cannot be part of a name. A protocol's name may open with its convention
    ("البروتوكول الاختياري لاتفاقية حقوق الطفل"); with `keep_first`, the first word is the
    name's whatever it is (an instrument's head, a subject after "الخاصة بـ"); in a
    "بشأن" `subject`, "أو" may join two alternatives ("العمل الجبري أو الإلزامي")."""
    end, index = (words[start][1], start + 1) if keep_first else (0, start)
    while index < len(words) and index - start < _MAX_NAME_WORDS:
        word, word_end = words[index]
        if index > start and (held := _held_phrase(words, index)):
            index, end = held[0], held[1] or end
            if held[2]:
                break
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if subject and word == "او" and index > start \
                and _joins_alternatives(words[index - 1][0], [following]):
            index += 1
            continue
        if _is_stop(word) or _ADJECTIVE_WORD.match(word) or _names_other_instrument(word) \
                or index > start and _in_place(words, index):
            break
        if word == "عبر" and following not in ("الوطنيه", "الحدود") \
                or following in _PRONOUN_PREPS and not _governs(word, following) \
                or following in _TIME_ADJECTIVES or _persons_clause(word, following):
            break
        previous = words[index - 1][0] if index > start else ""
        if _after_genitive(previous, word) or _object_after_name(previous, word):
            break
        if _outside_name(word, [w for w, _ in words[index + 1:index + 3]], previous):
            if _possessed_conjunct(word):  # "... الوافدين وإقامتهم": the name's last word
                end = word_end
            break
        if word not in _LIST_LEAD and word not in ("لا", "سيما") and word not in _LINKERS:
            end = word_end
        index += 1
    return end


def _in_place(words: list[tuple[str, int]], index: int) -> bool:
    """"بالكويت", "بالسعودية", "بالمملكة العربية السعودية": "ب" and a state's or a place's
    name (one word, or a state's phrase of "state_phrases") after a law's subject say where
    the law holds ("قانون الإقامة بالكويت" is "قانون الإقامة"), as "بدولة الكويت" does;
    "بالبشر", "بالقطاع الأهلي" go on with the name."""
    word = words[index][0]
    if word[:1] != "ب" or len(word) <= 3:
        return False
    return word[1:] in place_states() or _state_phrase(
        " ".join([word[1:], *(w for w, _ in words[index + 1:index + 4])])) is not None


def _state_phrase(text: str) -> str | None:
    """The phrase of "state_phrases" that `text` opens with ("المملكه العربيه السعوديه ..."),
    whole words only, or None."""
    match = _STATE_PHRASE.match(text)
    return match[0] if match else None


_PLACE_AFTER = re.compile(r"\s+ب(?P<place>[^\s\d،,.؛:()]+(?:\s+[^\s\d،,.؛:()]+){0,3})")


def _state_after(norm: str, end: int) -> str | None:
    """The Gulf state a law's name is placed in by "ب" and the state right after it
    ("قانون الإقامة بالكويت", "... بالمملكة العربية السعودية", "... بدولة الكويت"), as
    "في دولة الكويت" places it (`_NAMED_TAIL`); None for any other word ("بالقطاع")."""
    match = _PLACE_AFTER.match(norm, end)
    if not match:
        return None
    phrase = _state_phrase(match["place"])
    if phrase is not None:
        return _STATE_PHRASES[phrase]
    return _gulf_state_words().get(match["place"].split()[0])


def _persons_clause(word: str, following: str) -> bool:
    """"والخارجين عن القانون", "والمتاجرين بـ": "و" and a plural of persons (a participle's
    "-ين|-ون") before the preposition it governs opens a clause of its own, not a subject."""
    return bool(_PERSONS_CONJUNCT.match(word)) \
        and (following in _PERSONS_PREPOSITIONS or following.startswith(("بال", "لل")))


def _governs(noun: str, word: str) -> bool:
    """"القضاء" + "على", "للقضاء" + "عليها": the preposition (bare or with a pronoun) that a
    verbal noun of "governed_prepositions" governs."""
    prep = _GOVERNED.get(re.sub(r"^[وف]?(?:لل|بال|ال|[بلك])", "", noun))
    return bool(prep) and (word == prep or word in {prep + s for s in _PRONOUN_SUFFIXES})


def _held_phrase(words: list[tuple[str, int]], index: int) -> tuple[int, int, bool] | None:
    """(next index, new end or 0, the name ends there) for a phrase that a name keeps though
    its first word would end it: a scope of "name_scopes" ("عهد حقوق الطفل في الإسلام"), or
    the preposition a verbal noun governs, before a name word ("القضاء على جميع أشكال ...")
    or with a pronoun that ends the name ("الإجراءات الفورية للقضاء عليها")."""
    word, following = words[index][0], words[index + 1] if index + 1 < len(words) else None
    for size in (3, 2):  # "في الإسلام", "في القطاع الأهلي"
        scope = words[index:index + size]
        if len(scope) == size and " ".join(w for w, _ in scope) in _NAME_SCOPES:
            return index + size, scope[-1][1], True  # the scope closes the name
    if not _governs(words[index - 1][0], word):
        return None
    if word != _GOVERNED[re.sub(r"^[وف]?(?:لل|بال|ال|[بلك])", "", words[index - 1][0])]:
        return index + 1, words[index][1], True
    later = [w for w, _ in words[index + 2:index + 4]]
    return (index + 1, 0, False) if following and not _outside_name(following[0], later) else None


def _after_genitive(previous: str, word: str) -> bool:
    """A bare noun right after a definite word: the construct chain ended with that word
    ("أحكام قانون العمل تأشيرات استقدام": "تأشيرات" is the verb's object, not the name's),
    a bare verbal noun of the name words too ("قانون العمل حقوق العامل")."""
    return previous.startswith(("ال", "وال", "بال", "لل")) and _bare_noun(word) \
        and (not _is_name_word(word) or word in _MASDARS)


def _object_after_name(previous: str, word: str) -> bool:
    """A definite word after the definite word that closed the name, that cannot describe it:
    the verb's object in a verb-first sentence ("ويحظر قانون العمل الاحتفاظ بالجوازات",
    "ويجرم قانون مكافحة الاتجار بالبشر الأفعال التالية", "ويمنح قانون الإقامة الوافدين
    مهلة"), not an adjective ("الجزائية", "المتحدة", "اللائق", "الدائمة", "الأدنى", "الثاني")."""
    return previous.startswith(_DEFINITE_PREFIXES) and word.startswith("ال") \
        and not (_adjective_like(word) or _participle(word) or _ordinal(word))


_DEFINITE_PREFIXES = ("ال", "وال", "بال", "لل", "وبال", "ولل", "فال", "كال")


def _participle(word: str) -> bool:
    """A definite participle that can be an adjective: of a derived form ("المتحدة", "المنظمة",
    "المهاجرين") or of the first form, singular ("اللائق", "الدائمة", "العابرة"); not the
    first form's plural of persons ("الوافدين": a noun, the object). A derived form's plural
    of persons that is a verb's object ("ويعاقب قانون العمل المخالفين") cannot be told from an
    adjective ("العمال المهاجرين") by its shape, and still reads as one (a known limit)."""
    return word.startswith("الم") and len(word) > 4 or bool(re.fullmatch(r"ال\wا\w\wه?", word))


def _is_stop(word: str) -> bool:
    """A stop word, also after "و" ("والذين", "وفي")."""
    return word in _NAME_STOP or word[:1] == "و" and word[1:] in _NAME_STOP


def _names_other_instrument(word: str) -> bool:
    """A new head, a qualifier naming one ("المكمل"), or a plural of instruments ("واللوائح",
    "بالقوانين")."""
    return bool(_HEAD_WORD.match(word) or _COMPLEMENT.match(word) or _PLURAL_HEAD.match(word))


def _possessed_conjunct(word: str) -> bool:
    """"وإقامتهم": "و", a verbal noun of the name words and a possessive pronoun."""
    stem = re.sub(r"(?:هما|هم|هن|ها|ه)$", "", word[1:])
    return word[:1] == "و" and stem.endswith("ت") and stem[:-1] + "ه" in _MASDARS


def _ends_subject(word: str) -> bool:
    """A word that cannot continue a law's subject: a relative pronoun, a particle, a new head."""
    return word in _SUBJECT_STOP or _HEAD_WORD.match(word) is not None


def _subject_end(norm: str, end: int, limit: int) -> int:
    """End of a trailing "في شأن|بشأن" subject after a citation, or `end` when there is none."""
    lead = _SUBJECT_LEAD.match(norm, end)
    if not lead:
        return end
    subject_end, position, previous = end, lead.end(), ""
    complement = False  # inside a verbal noun's "بـ" complement and its adjectives
    for count in range(_MAX_SUBJECT_WORDS):
        word = _SUBJECT_WORD.match(norm, position)
        if not word or word.end() > limit:
            break
        following = _next_words(norm, word.end(), 2)
        if word[1] == "او" and _joins_alternatives(previous, following):
            position, previous = word.end(), word[1]  # "العمل الجبري أو الإلزامي"
            continue
        if _ends_subject(word[1]) or complement and _closes_complement(word[1]):
            break
        if word[1] == "في":  # "في القطاع الأهلي", not "في البلاد" after a verb
            if not following[:1] or not following[0].startswith("ال"):
                break
        elif _VERB_LIKE.match(word[1]) or _after_genitive(previous, word[1]) \
                or _outside_name(word[1], following) and not _about_first(lead, previous, word[1]) \
                or following[:1] and following[0] in _PRONOUN_PREPS:  # "الهدف منه": a clause
            break
        subject_end = position = word.end()
        # not the subject's first word: "الخاصة بإلغاء العمل الجبري"
        complement = count > 0 and (word[1].startswith("بال") or complement and _adjective_like(word[1]))
        previous = word[1]
    return subject_end


_COMPLEMENT_ADJECTIVES = _NAME_WORDS["complement_adjectives"]  # "بالحد الأدنى": besides nisbas


def _adjective_like(word: str) -> bool:
    """A definite word that can describe the noun before it: a nisba ("الأهلي", "البشرية",
    "العربية") or one of law_names.json's complement_adjectives ("الأدنى", "الخاص")."""
    return word.startswith("ال") and (word.endswith(("ي", "يه", "يين", "يون"))
                                     or word in _COMPLEMENT_ADJECTIVES)


def _closes_complement(word: str) -> bool:
    """After a verbal noun's complement with "بـ" and its adjectives ("بشأن مكافحة الاتجار
    بالأشخاص في المملكة", "... بالبشر العقوبات", "بشأن العمل بالقطاع الأهلي الأسبوع الماضي"),
    "في" or a definite word that is no adjective is the sentence's again."""
    return word == "في" or word.startswith("ال") and not _adjective_like(word)


def _joins_alternatives(previous: str, following: list[str]) -> bool:
    """"أو" between two definite words or verbal nouns of a subject ("بشأن العمل الجبري أو
    الإلزامي", "بشأن الاتجار بالبشر أو تهريب المهاجرين"): one subject, not a clause."""
    def alternative(word: str) -> bool:
        bare = re.sub(r"^(?:بال|لل)", "ال", word)
        return bare.startswith("ال") and len(bare) > 3 and not _ends_subject(bare) \
            or word in _MASDARS
    return bool(following) and alternative(previous) and alternative(following[0])


def _about_first(lead: re.Match, previous: str, word: str) -> bool:
    """The first word after "الخاص(ة)|المتعلق(ة) بـ": the subject whatever its shape
    ("الخاصة بوضع اللاجئين"), unless a stop word."""
    return not previous and "شان" not in lead[0] and word[:1] == "ب" and not _is_stop(word[1:])


def _next_words(norm: str, position: int, count: int) -> list[str]:
    words = []
    while len(words) < count and (word := _SUBJECT_WORD.match(norm, position)):
        words.append(word[1])
        position = word.end()
    return words


def _known_first(norm: str, known: list[tuple], named: list[tuple]) -> list[tuple]:
    """Data-file instruments and grammar names together: where both start at one place, the
    data file's extent and fields win, unless the grammar's name goes on with a state
    adjective or a number ("نظام مكافحة ... السعودي"), which it keeps."""
    by_start = {cand[0]: cand for cand in known}
    merged = list(known)
    for cand in named:
        twin = by_start.get(cand[0])
        if twin is None:
            merged.append(cand)
        elif cand[1] > twin[1] and _goes_on(norm[twin[1]:cand[1]]):
            merged[merged.index(twin)] = (twin[0], cand[1], 0, _merge_fields(twin[3], cand[3]))
    return merged


def _goes_on(rest: str) -> bool:
    first = rest.split()[0] if rest.split() else ""
    return bool(_ADJECTIVE_WORD.match(first) or first == "رقم")


def _merge_fields(known: tuple, named: tuple) -> tuple:
    """The data file's fields, completed by the number, year and state the text writes after
    the name; a number, year or state that differs from the data file's is another state's
    law of that name ("قانون العمالة المنزلية القطري رقم 15 لسنة 2017"), not the entry."""
    kind, number, year, country, name = known
    if any(ours is not None and theirs is not None and ours != theirs
           for ours, theirs in zip(named[1:4], known[1:4])):
        return (kind, *named[1:4], _name_for_number(kind, *named[1:4]))
    return (kind, named[1] or number, named[2] or year, named[3] or country, name)


def _select(candidates: list[tuple]) -> list[tuple]:
    """Non-overlapping candidates, longest first (then by grammar priority), sorted by start."""
    chosen: list[tuple] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(cand[1] <= other[0] or cand[0] >= other[1] for other in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


def _with_subjects(norm: str, chosen: list[tuple]) -> list[tuple]:
    """Extend numbered citations (also a name with its number: "اتفاقية العمل الدولية رقم 29
    بشأن العمل الجبري") over their subject, never into the next mention."""
    extended = []
    for index, cand in enumerate(chosen):
        limit = chosen[index + 1][0] if index + 1 < len(chosen) else len(norm)
        numbered = cand[2] == 1 or cand[2] == 2 and cand[3][1] is not None
        end = _subject_end(norm, cand[1], limit) if numbered else cand[1]
        kind, number, year, country, name = cand[3]
        late = _LATE_YEAR.match(norm, end) if end > cand[1] and year is None else None
        if late and late.end() <= limit:  # "رقم 29 بشأن العمل الجبري لعام 1930"
            year = int(late["year"])
            end, name = late.end(), name or _name_for_number(kind, number, year, country)
        extended.append((cand[0], end, cand[2], (kind, number, year, country, name)))
    return extended


def _issued_by(norm: str, chosen: list[tuple]) -> list[tuple]:
    """A named law followed by the decree that issued it takes the decree's number, year and
    country, and (unless the data file knows it) its kind, so both key as one instrument;
    both stay mentions ("قانون الجزاء الصادر بالمرسوم السلطاني رقم 7/2018")."""
    linked = list(chosen)
    for index, (cand, after) in enumerate(pairwise(chosen)):
        link = _ISSUED_BY.match(norm, cand[1])
        if cand[2] != 1 and after[2] == 1 and link and link.end() + 1 == after[0]:
            kind, _, _, country, name = cand[3]
            decree_kind, number, year, decree_country, _ = after[3]
            fields = (kind if name else decree_kind, number, year, decree_country or country, name)
            linked[index] = (*cand[:3], fields)
    return linked


def _regulations(norm: str, chosen: list[tuple]) -> list[tuple]:
    """A law cited with its number or year after "اللائحة التنفيذية لـ" becomes its executive
    regulations, an instrument of their own (kind "regulation", the law's number, year and
    country): the number and year already name the law. A law named without either (the
    data file's year of a named law is not written: "لنظام مكافحة جرائم الاتجار ...") gives
    two mentions, the regulations round the law ("اللائحة التنفيذية لقانون إقامة الأجانب" and
    "قانون إقامة الأجانب"): the phrase names both instruments, and only the law's name says
    which law. This is the one place where LAW mentions nest."""
    found = []
    for cand in chosen:
        kind, number, year, country, _ = cand[3]
        lead = _REGULATION_BEFORE.search(norm, max(0, cand[0] - 40), cand[0])
        if lead and kind in _REGULATED:
            written = bool(re.search(r"\d", norm[cand[0]:cand[1]]))
            regulation = (lead.start("reg"), cand[1], cand[2],
                          ("regulation", *((number, year) if written else (None, None)), country,
                           None))
            if written:
                cand = regulation
            else:
                found.append(regulation)
        found.append(cand)
    return found


def _supplementing_protocols(norm: str, chosen: list[tuple]) -> list[tuple]:
    """An instrument after "البروتوكول الثاني المكمل لـ" is read into the protocol's name: a
    protocol that has no name but its rank and the instrument it supplements is one mention
    (kind "protocol"), that instrument's name in it."""
    found = []
    for cand in chosen:
        lead = _SUPPLEMENT_BEFORE.search(norm, max(0, cand[0] - 60), cand[0])
        if lead and cand[3][0] in ("convention", "treaty", "charter") \
                and _one_article(_SPLIT_WORD.split(lead["protocol"])[:-1]):
            cand = (lead.start("protocol"), cand[1], cand[2], ("protocol", None, None, None, None))
        found.append(cand)
    return found


def _year_named_supplements(norm: str, chosen: list[tuple]) -> list[tuple]:
    """An instrument named by its year and the one it supplements ("بروتوكول عام 2014 المكمل
    للاتفاقية رقم (29) المتعلقة بالعمل الجبري"): the year names no instrument alone, so the
    protocol's mention runs over the supplemented instrument's, which stays a mention of its
    own inside it (as a law inside its executive regulations, `_regulations`)."""
    found = list(chosen)
    for cand, after in pairwise(chosen):
        named = cand[2] == 1 and cand[3][1] is None and _YEAR_NAME.fullmatch(norm, cand[0], cand[1])
        link = _SUPPLEMENT_LINK.match(norm, cand[1])
        if named and link and link.end() == after[0] \
                and after[3][0] in _SUPPLEMENTED:
            found[found.index(cand)] = (cand[0], after[1], cand[2], cand[3])
    return sorted(found, key=lambda c: (c[0], -c[1]))


def _one_article(words: list[str]) -> bool:
    """Every word with the article or none: "البروتوكول الثاني المكمل" is one phrase,
    "البروتوكول مكمل" a sentence."""
    return len({word.startswith("ال") for word in words}) == 1


# --- public API ----------------------------------------------------------------

def find_laws(text: str, norm: NormText | None = None) -> list[LawMention]:
    """Every citation of a legal instrument in `text`, sorted and non-overlapping, but for
    a law named inside its executive regulations (`_regulations`).

    Args:
        text: the article text, as published (offsets index this string).
        norm: `normalise_with_offsets(text)` when the caller has it already.
    Returns:
        LawMention list with kind, number, year (Gregorian), country (ISO alpha-2) and,
        for instruments of the data file, their English name.
    """
    norm = norm or normalise_with_offsets(text)
    candidates = _known_first(norm.text, _named_instruments(norm.text), _named_laws(norm.text))
    candidates += _numbered_citations(norm.text) + _decisions_by_subject(norm.text) + _dated_decrees(norm.text) \
        + _named_by_year(norm.text) + _regulations_by_subject(norm.text) + _dual_conventions(norm.text)
    mentions = []
    candidates = [cand for cand in candidates
                  if not _in_title(norm.text, cand[0]) and not _bilateral(norm.text, cand)]
    chosen = _issued_by(norm.text, _with_subjects(norm.text, _select(candidates)))
    chosen = _supplementing_protocols(norm.text, _regulations(norm.text, chosen))
    chosen = _year_named_supplements(norm.text, chosen)
    for start, end, _, (kind, number, year, country, name) in chosen:
        orig_start, orig_end = norm.to_original(start, end)
        orig_start = _past_proclitic(text, orig_start, orig_end)
        orig_end = end_over_marks(text, orig_end)
        mentions.append(LawMention(orig_start, orig_end, text[orig_start:orig_end],
                                   kind, number, year, country, name))
    return mentions


def _bilateral(norm: str, cand: tuple) -> bool:
    """An agreement between two parties, named by its subject ("اتفاقية استقدام العمالة
    المنزلية بين البلدين", "اتفاقية العمل الثنائية", "اتفاقية تنظيم استقدام العمال مع
    الفلبين"): an agreement event, not a convention; the name says "الثنائية" or is followed by
    "بين" and the two parties or "مع" and a state. A convention cited by its number is none, and
    so is a known or a UN instrument before "مع" (worked on with a state, not agreed)."""
    if cand[3][0] not in ("convention", "treaty") or re.search(r"\d", norm[cand[0]:cand[1]]):
        return False
    if any(re.sub(r"^[وف]?(?:ال)?", "", word) in ("ثنائيه", "ثنائي")
           for word in norm[cand[0]:cand[1]].split()):
        return True
    party = _PARTY_AFTER.match(norm, cand[1])
    if not party:
        return False
    words = party["rest"].split()
    if party["prep"] == "مع" and (cand[3][4] or _MULTILATERAL.search(norm[cand[0]:cand[1]])):
        return False  # "تطبيق اتفاقية حقوق الطفل مع الفلبين": a known or a UN instrument
    return party["prep"] == "بين" and words[0] in _BOTH_PARTIES \
        or any(" ".join(words[:size]) in _country_words() for size in (3, 2, 1))


_PARTY_AFTER = re.compile(r"[^\S\n]+(?:(?:ال)?موقعه?[^\S\n]+)?(?P<prep>بين|مع)[^\S\n]+"
                          r"(?P<rest>[^\s\d،,.؛:()]+(?:[^\S\n]+[^\s\d،,.؛:()]+){0,2})")
_BOTH_PARTIES = frozenset(("البلدين", "الدولتين", "الجانبين", "البلدان", "الطرفين"))
_MULTILATERAL = re.compile(r"(?<!\w)الامم المتحده(?!\w)")


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Every state's name in the places gazetteer, normalised, with "و" before it too ("بين
    الكويت والفلبين")."""
    names = set(place_states("country"))
    return frozenset(names | {"و" + name for name in names})


def _in_title(norm: str, start: int) -> bool:
    """An instrument's name right after an office in a person's title ("مسؤولة إعلان المبادئ
    والحقوق الأساسية في العمل خولة مطر", "منسق اتفاقية ..."): the name of a programme that
    the person runs, not a citation (law_names.json's "title_nouns")."""
    before = _WORD_BEFORE.search(norm, max(0, start - 24), start)
    return bool(before) and re.sub(r"^[وف](?=\w{4})", "", before[1]) in _TITLE_NOUNS


_WORD_BEFORE = re.compile(r"(\w+)[^\S\n]+$")


def _past_proclitic(text: str, start: int, end: int) -> int:
    """`start` moved past a proclitic that the offset map left on the name ("لاتفاقية")."""
    head = normalise_text(text[start:end])
    if head[:1] in "وفبلك" and _HEAD_WORD.match(head.split()[0]) and head[1:2] in ("ا", "ق", "م", "ن"):
        return start + 1 if not head.startswith(("قانون", "قرار", "مرسوم", "نظام", "ميثاق")) else start
    return start


def written_year(text: str, year: int | None) -> int | None:
    """`year` when the citation `text` writes it: a Gregorian year, a two-digit one
    ("97/99") or a full date (Hijri too: "21/7/1430هـ"), else None. The year a data file
    knows of a named instrument ("نظام مكافحة جرائم الاتجار بالأشخاص", 2009) is no year the
    article refers to, and a Hijri year alone ("لسنة 1430هـ") spans two (`nlp.dates`)."""
    norm = normalise_text(text)
    written = _FULL_DATE.search(norm) or _SHORT_YEAR.search(norm) or any(
        int(four) in GREGORIAN_YEARS for four in _FOUR_DIGITS.findall(norm))
    return year if year and written else None


def _usual_scopes(name: str) -> str:
    """`name` (normalised) with each "في" phrase of "scope_keys" in its usual form: "الاتجار
    في البشر" keyed as "الاتجار بالبشر"."""
    for scope, usual in _SCOPE_KEYS.items():
        name = re.sub(r"(?<!\S)" + re.escape(scope) + r"(?!\S)", usual, name)
    return name


def _subject_of(text: str, brackets: bool = False) -> str:
    """The normalised subject of an unnumbered named law, without head, connector, adjective,
    quotes or words in brackets ("قانون حماية الطفل (وديمة)"); a name all in brackets keeps
    them (`brackets`: "قانون (مكافحة الاتجار بالبشر)")."""
    text = _QUOTES.sub(" ", text)
    if not brackets:
        subject = _subject_of(_BRACKETED.sub(" ", text), True)
        return subject or _subject_of(re.sub(r"[()]", " ", text), True)
    words = _usual_scopes(_name_key(text)).split()
    tail = next((i for i, w in enumerate(words) if w in ("رقم", "لسنه", "لعام") or w.isdigit()
                 or w == "في" and words[i + 1:i + 2] != ["شان"]), None)
    words = words[:tail]
    regulated = False
    while words[1:] and _REGULATION_WORD.match(words[0]):  # "اللائحة التنفيذية لقواعد ..."
        words, regulated = words[1:], True
    heads = [i for i, w in enumerate(words) if _HEAD_WORD.match(w)]
    first = heads[0] + 1 if heads else 0
    while first in heads:  # "مرسوم بقانون بشأن ...": the head is two words
        first += 1
    words = [w for w in words[first:]
             if not _ADJECTIVE_WORD.match(w) and not _is_head_adjective(w)
             and w not in (*_ABOUT, "بشان", "في", "شان") and not _COMPLEMENT.match(w)
             and w not in _PRONOUN_PREPS]
    if words[1:] and words[0] in ("خاص", *_ACCUSATIVE_ABOUT):  # "قانون خاص لمكافحة ..."
        words = words[1:]
    if words and words[0].startswith(("لل", "بال")):
        words[0] = "ال" + words[0][3 if words[0].startswith("بال") else 2:]
    elif words and words[0][:1] in ("ل", "ب") and (words[0][1:] in _MASDARS or regulated
                                                 or _MASDAR_SHAPE.match(words[0][1:])):
        words[0] = words[0][1:]
    return " ".join(words)


def link_named_laws(mentions: list[LawMention], text: str | None = None) -> list[LawMention]:
    """Give an unnumbered named law the kind, number, year and country of a numbered law
    or decree in the same article that it names: one with the same "في شأن" subject
    ("قانون مكافحة الاتجار بالأشخاص وتهريب المهاجرين" and "القانون رقم 91 لسنة 2013 في شأن
    مكافحة الاتجار بالأشخاص وتهريب المهاجرين"), else, given the article's `text`, the only one
    whose subject (read on after the citation) holds every word of the name, each by its stem
    ("قانون الإقامة والكفالة" and "القانون رقم (4) لسنة 2009 الخاص بتنظيم دخول وخروج الوافدين
    وإقامتهم وكفالتهم"; "قانون المخدرات" and "المرسوم بقانون رقم 195 ... في شأن مكافحة
    المخدرات ...")."""
    cited = {}
    for mention in mentions:
        _, found, subject = _name_key(mention.text).partition("شان ")
        if found and mention.number:
            cited.setdefault(_subject_of(subject), mention)
    subjects = _citation_subjects(mentions, text) if text else []
    return [replace(m, kind=c.kind, number=c.number, year=c.year, country=c.country or m.country)
            if m.kind == "law" and m.number is None and m.name is None
            and (c := cited.get(_subject_of(m.text)) or _named_citation(m, subjects)) else m
            for m in mentions]


_LINKED_FAMILIES = frozenset(("law", "decree_law", "decree"))
_SUBJECT_WINDOW = 10  # words read after a citation for its subject
_WINDOW_END = re.compile(r"[.؛!؟?]|\n\s*\n")
_STEM_PREFIX = re.compile(r"^[وف]?(?:بال|لل|ال|كال|[بل](?=\w{4}))?")
_STEM_PRONOUN = re.compile(r"(?<=\w\w\w)(?:هما|هم|هن|ها)$")
_STEM_ENDING = re.compile(r"(?<=\w\w)(?:ات|ه|ت|ين|ون)$")


def _stems(words: list[str]) -> set[str]:
    """"وإقامتهم" and "الإقامة" -> "اقام", "كفالاتهم" -> "كفال": words without proclitics,
    pronoun and ending, to compare a law's name with a citation's subject."""
    stems = (_STEM_ENDING.sub("", _STEM_PRONOUN.sub("", _STEM_PREFIX.sub("", w, count=1)))
             for w in words)
    return {stem for stem in stems if len(stem) >= 2}


def _citation_subjects(mentions: list[LawMention], text: str) -> list[tuple[LawMention, set]]:
    """(numbered law or decree, the stems of its text and of up to `_SUBJECT_WINDOW` words
    after it, before the next mention, a stop or a new instrument)."""
    found = []
    for index, mention in enumerate(mentions):
        if not (mention.number and re.search(r"\d", normalise_text(mention.text))) \
                or KEY_FAMILY.get(mention.kind, mention.kind) not in _LINKED_FAMILIES:
            continue  # a named law numbered by its issuing decree (`_issued_by`) is no citation
        limit = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        after = text[mention.end:limit]
        stop = _WINDOW_END.search(after)
        words = []
        for word in normalise_text(after[:stop.start() if stop else len(after)]).split():
            word = word.strip("()،,:\"«»“”")
            if _HEAD_WORD.match(word) or _PLURAL_HEAD.match(word) or len(words) == _SUBJECT_WINDOW:
                break
            words.append(word)
        found.append((mention, _stems(_name_key(mention.text).split() + words)))
    return found


def _named_citation(named: LawMention, subjects: list[tuple[LawMention, set]]) -> LawMention | None:
    """The one citation of `subjects` whose stems hold every word of `named`'s subject."""
    wanted = _stems(_subject_of(named.text).split())
    matches = {law_key(c): c for c, stems in subjects if wanted and wanted <= stems}
    return next(iter(matches.values())) if len(matches) == 1 else None


def law_key(m: LawMention) -> str:
    """A stable key shared by every citation of the same law (see the module docstring)."""
    entry = _instruments().get("en:" + (m.name or ""))
    if entry:
        return entry["key"]
    if (m.name or "").startswith(DATED):  # "مرسوم صادر في 15 فبراير 2017": its day of issue
        return f"{KEY_FAMILY.get(m.kind, m.kind)}:{m.name}"
    if m.number is None and m.kind in ("cabinet_decision", "ministerial_decision"):
        return f"{m.kind}:{_subject_of(_name_key(m.text).partition('شان ')[2])}"  # its subject
    if m.number is None and (m.year is None or _subject_of(m.text)):
        return f"{m.kind}:{_subject_of(m.text)}"
    family = KEY_FAMILY.get(m.kind, m.kind)
    key = f"{family}:{m.number or '-'}:{m.year or '-'}"
    return f"{key}:{m.country}" if m.country else key
