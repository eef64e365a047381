"""Component `event_detector`: the article's events for the timeline.

Stages, in order:
1. each sentence is cut into clauses ("كما", "؛", "فيما", "بينما", "إضافة إلى");
2. each clause gets candidate types from the trigger cues of
   `data/patterns/event_triggers.json`, and a probability per type from the trained
   sentence classifier (`nlp.classifiers`, when its model file is there);
3. clauses that state a plan (a future marker before or right after the cue), a call or
   a negation (before the cue: "لم توقع"; a slogan's "وعدم ترك أحد" after it negates
   nothing) are left out;
4. a clause becomes an event when it can be placed in time: the nearest date that
   governs it — in the clause, else earlier in its sentence (or in the sentence it goes on
   from after a semicolon the segmenter cut at) — resolved against the
   article's reference date (the publication date, else its dateline's, `nlp.dateline`);
   a plan's or a vision's year ("رؤية 2030", "خطة 2025-2028") dates nothing, nor does a
   founding told of a noun after the cue ("زيارة وفد إلى المركز الذي أنشئ في 2014": the
   centre's date, an event of its own; the visit before it is the clause's news). Or when it
   is the article's own news: a cued clause of the lead, or one dated "today"/"yesterday"
   anywhere; the first needs a weaker signal than the further ones (several own-news
   events of different types may come from one article); they are dated by the
   reference date (null when unknown);
5. each event gets its arguments from its clause: agencies (canonical ids), laws,
   country, place, a short title, the evidence sentence with offsets, a confidence;
6. a law cited with its year is a legislation event of that year (a 2013 law named in
   a 2025 speech is a 2013 legislation event), unless its clause already made it the
   instrument of an accession ("انضمت ... بموجب القانون رقم 5 لسنة 2006");
7. the same type at dates that agree (`nlp.dates.dates_agree`) twice in one article is
   one event; two arrests in March and November 2024 are two;
8. an article that gave no event at all takes its lead's act that the classifier reads
   surely enough (LEAD_EVENT), from a lead clause dropped only for want of confidence;
   a gathering whose cue word names its kind ("الورشة") keeps that kind; an article that
   names its topic only by the bare word for migrants takes none.
With `trace` set, each doc keeps what became of each clause (`doc.user_data[TRACE]`):
`data/realtext/events_check.py --why` reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from core.errors import DataFileError
from core.paths import PATTERNS as PATTERN_DIR
from nlp.classifiers import EventClassifier, load_event_classifier
from nlp.components.data_files import DataFiles, data_path
from nlp.components.grammar import law_text
from nlp.dates import dates_agree
from nlp.laws import written_year
from nlp.normalise import DEMONSTRATIVES, normalise_text
from nlp.relevance_terms import load_terms
from nlp.stamp import model_file, tokenizer_mode
from nlp.tokenizer import is_word, next_token

PATTERNS = PATTERN_DIR / "event_triggers.json"
CLAUSE_BREAKS = {"كما", "؛", "فيما", "بينما", "وتلاها", "وتلا", "ثم",
                 # participles that open a clause of their own after a statement
                 "مشيرا", "مشيره", "مؤكدا", "مؤكده", "موضحا", "موضحه", "لافتا", "لافته",
                 "منوها", "منوهه", "مضيفا", "مضيفه", "معربا", "معربه", "مبينا", "مبينه"}
LEAD_SENTENCES = 3
TITLED = re.compile(r"(^| )(ب ?)?عنوان( |$)")  # "بعنوان", "تحت عنوان": the event's own title follows
STATEMENT = {"مشيرا", "مشيره", "مؤكدا", "مؤكده", "موضحا", "موضحه", "لافتا", "لافته", "منوها",
             "منوهه", "مضيفا", "مضيفه", "معربا", "معربه", "مبينا", "مبينه"}
STATEMENT_NONE = 0.7  # classifier "none" above which a speaker's undated words are no news
FOR_THE_YEAR = re.compile(r"(^|\s)(ل|عن|لعام|للعام|لسنه|للسنه) ((ال)?(عام|سنه) )?(19|20)\d\d$")
DATELINE_MAX_WORDS = 2  # a dated line with no more other words is a dateline (place, section)
LEAD_MIN_WORDS = 6  # a shorter line (a byline, a dateline, a wrapped heading) is not a lead sentence
CAPTION = re.compile(r"(^|\s)[(«]?(أرشيفية|ارشيفية|أرشيف|ارشيف|تعبيرية)[)»]?[.]?\s*$")  # a line
# that ends on a photo's credit ("... أرشيفية") is its caption, no lead sentence either
MIN_WEAK = 0.07  # classifier confidence below which a weak cue makes no event
WEAK_NONE = 0.85  # classifier "none" above which a weak cue makes no event either
# classifier confidence a clause with no cue needs: undated, or dated by its own words
# ("استقبل ... اليوم الأحد 20 أبريل 2025 المدير الإقليمي ..."), then always twice "none"'s
UNCUED, UNCUED_DATED, UNCUED_MARGIN = 0.7, 0.35, 2.0
OWN_FIRST, OWN_MORE = 0.3, 0.5  # classifier confidence an own-news clause needs without a strong cue
# an article whose clauses gave no event at all takes its lead's act that the classifier
# reads most surely as an event, at this confidence and LEAD_EVENT_MARGIN times "none"'s
# (None: never); set on all the spent real-text sets together: 0.3-0.4 give the same events
# there, 0.2 two false ones (README, ninth round)
LEAD_EVENT, LEAD_EVENT_MARGIN = 0.3, 1.0
DONE = re.compile(r"(^| )[وف]?(تم|تمت|اعلن|اعلنت|اصدر|اصدرت)( |$)"  # "it was done", "announced",
                  r"|(^| )(?<!علي )[وف]? ?(كشف|كشفت|كشفا|كشفوا|تكشف|يكشف)( \S+){0,10} عن ?$")
# "issued (a decision)", "revealed" the act the cue names right after its "عن" ("وكشف المدير
# في هذا الإطار عن ضبط شركة ...", "وكشفوا ... عن ضبط"; not the noun after "على": "تعمل على
# كشف الشبكات والبحث عن الضحايا وضبط ...", nor "كشف الحالات ... عن طريق فرق ... وإحالتها")
# before a strong cue
# "أصدرت اللجنة أخيراً قراراً": done lately, the article's news (with a strong cue or a
# confident classifier, as DONE), when the word qualifies the cue's own act (`_lately`)
WITHIN = frozenset(("ضمن", "اطار"))  # "ضمن حملتها", "في إطار حملته": within the speaker's own
OWNER_SUFFIXES = ("ها", "هم", "هما", "ته", "نا")  # ... campaign (a possessed noun, not "ورشه")
HABITUAL_WORDS = frozenset(("سنويا", "دائما", "دوما", "عاده", "باستمرار"))  # "وتنظم الوزارة
# سنويا ضمن حملتها": what the campaign always does, no act of today
PAST_CAMPAIGN = frozenset(("السابقه", "السابقتين", "الماضيه", "الماضي", "السابق"))  # "ضمن
# حملاتها التوعوية السابقة": a campaign that ran before, not one told as it runs
LATELY_WORDS = frozenset(("اخيرا", "مؤخرا", "موخرا"))
LATELY_REACH = 12  # words between a cue and its "أخيراً" (a long body's name may stand between)
BACKGROUND_OPENS = frozenset(("وكان", "وكانت", "كان", "كانت", "ويذكر", "يذكر", "ويشار", "يشار"))
RELATIVE_WORDS = frozenset(("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"))
PLANNED_REACH = 2  # words after a cue where a future marker ("المقبل") still makes it a plan
PLAN_WORDS = {"رؤيه", "خطه", "الخطه", "استراتيجيه", "الاستراتيجيه", "للاعوام", "الاعوام",
              "للفتره", "الفتره", "للسنوات", "برنامج", "البرنامج", "مئويه"}
PLAN_POSSESSED = re.compile(r"^[وبل]?(رؤيت|خطت|استراتيجيت|برنامج)(ها|ه|هم|نا)$")  # "استراتيجيتها"
TITLE_TOKENS = 12
TITLE_STOPS = {"،", ",", ".", ":", "؛", "\n", "«", "»", "\"", "(", ")"}  # after the cue and two words
ATTENDANCE = {"برئاسه", "بحضور", "برعايه", "بمشاركه"}
SPEECH_FRAME = {"قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اشار", "اشارت", "تصريح", "تصريحات",
                "كلمه", "جاء", "تتحدث", "يتحدث", "هامش"}
TITLE_LEAD = 8  # tokens between a clause's opening word and its cue that a title keeps
LEADING = {"و", "ف", "كما", "فيما", "بينما", "ثم", "وقد", "قد", "كان", "كانت", "ان", "انه", "حيث",
           "يذكر", "ذكر", "اشار", "يشير", "اضاف", "مشيرا", "مشيره", "مبينا", "مبينه", "الي",
           "تلاها", "تلا", "ياتي", "وذلك", "بعدما", "بعد"}
PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
ORDINALS = {"الاول", "الاولي", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع", "الرابعه",
            "الخامس", "الخامسه", "السادس", "السادسه", "السابع", "السابعه", "الثامن", "الثامنه",
            "التاسع", "التاسعه", "العاشر", "العاشره", "عشر", "عشره"}
RELATIVE = {"الذي", "التي", "الذين", "اللذين", "اللتين", "حيث", "والتي", "والذي"}
# a type cue matches whole words: proclitics may open it, a pronoun suffix close it
WHOLE_WORDS = r"(?<!\S)(?:[وف]?[بلك]?)(?:{})(?:ه|ها|هم|هما|هن|ت|ا|وا)?(?!\S)"
EXTRA_REACH = 8  # tokens between a further date and its cue
FOUNDING_REACH = 5  # tokens from a founding cue to the decision after it that set the body up
BY_VIRTUE_REACH = 16  # ... or to a decision introduced by "بموجب" after the body's long name
BY_VIRTUE = {"بموجب", "بمقتضي", "موجب", "مقتضي", "بناءعلي", "استناداالي", "استنادا"}
# ("بناء على قرار ...", "استنادا إلى المرسوم ..."); a decision named before its content
# ("قرار مجلس الوزراء رقم 261 لسنة 2018، القاضي باعتماد الاستراتيجية")
DECIDING = {"،", ",", "القاضي", "القاضيه", "ب", "الخاص", "الخاصه", "بشان", "الذي", "التي", "قضي"}
DECIDED_TYPES = ("institution", "strategy")  # a decision's year dates the body or plan it made
# (a decision before the cue must be joined to it: "... لسنة 2019 بتشكيل")
DANGLING = {"و", "ف", "ب", "ل", "ك", "في", "من", "الي", "علي", "عن", "مع", "بين", "ان", "الذي",
            "التي", "«", "(", "\"", "لدي", "حول", "ضمن", "عبر", "خلال", "بعد", "قبل", "منذ", "رقم",
            "لسنه", "سنه", "عام", "لعام", "نحو", "بشان", "شان", "الخاص", "المعني", "تحت", "عند", "ال", "بعنوان", "لمده"}
INSTRUMENTS = ("legislation", "accession")  # types a law's own year dates (and whose further
# dates are cited instruments)
ACCESSION_REACH = 12  # tokens after a law where the accession it enacted is told
TREATY_KINDS = {"convention", "protocol", "treaty", "charter", "declaration"}
REPORT_REACH = 16  # tokens after a report's cue where the year of its name stands
# ("تقرير الاتجار بالبشر 2022", "تقرير وزارة الخارجية ... المعني بتصنيف الدول ... 2024")
BARE_YEAR = re.compile(r"(19|20)\d\d")
REPORT_VERBS = "اشاد|اثني|افاد|اشار|ذكر|اوضح|انتقد|لفت|اعتبر|رصد|قال|اكد|ابرز|كشف|قسم|صنف|لاحظ"
REPORT_VOICE = re.compile(  # "وأثنى التقرير على ...", "أن التقرير أشاد بجهود ...": the report speaks
    rf"(^| )[وف]?(({REPORT_VERBS}) (التقرير|تقرير)|(التقرير|تقرير) (\S+ )?({REPORT_VERBS}))( |$)")
TOPIC_NOUNS = ("الورشه|ورشه|الدوره|الندوه|المحاضره|المحاضرات|البرنامج|الحلقه|الجلسه|المؤتمر|"
               "الملتقي|المنتدي|الاجتماع|اللقاء|الفعاليه|الحمله|محاور|المحاور|موضوعات|مواضيع|"
               "محاوره|محاورها|موضوعاتها|مواضيعها")
TOPIC_VERBS = "سلطت|سلط|تناولت|تناول|ناقشت|ناقش|استعرضت|استعرض|تطرقت|تطرق|ركزت|ركز|شرحت|شرح|" \
    "عرضت|تضمنت|تضمن|تخللت|تخلل|بحثت|بحث|" \
    "تتناول|يتناول|تناقش|يناقش|تستعرض|يستعرض|تركز|يركز|تتضمن|يتضمن|تشمل|يشمل|شملت|شمل|تدور|يدور"
TOPIC_VOICE = re.compile(  # "وسلطت الورشة الضوء على دور الشرطة في ضبط ...": what a gathering
    # discussed is its topic, not the article's news
    rf"(^| )[وف]?(({TOPIC_VERBS}) (ال)?({TOPIC_NOUNS})|({TOPIC_NOUNS}) ({TOPIC_VERBS}))( |$)")
NAMED_TYPES = {"meeting", "training", "awareness"}  # gatherings, whose cue words also name bodies
NAMING_TYPES = NAMED_TYPES | {"victim_support"}  # ... as a shelter's do ("مركز أمان لإيواء النساء")
DESCRIBED = re.compile(  # an instrument's participle before a gathering: where it was adopted
    r"(^| )(المقره|المعتمده|المعتمد|المقر|الصادر|الصادره|الموقع|الموقعه|المبرمه)( \S+){0,2} $")
DESCRIBED_AT = re.compile(r"(^| )(المقره|المعتمده|المعتمد|الصادر|الصادره|الموقع|الموقعه|المبرمه)( |$)")
INSTRUMENT_REACH = 8  # words between an instrument's participle and the date it gives
LISTING = re.compile(r"(^| )(تتمثل|يتمثل|تمثلت|تمثل|منها|بينها|ابرزها|مقدمتها|منظومه|"
                     r"خلال)( \S+){0,30}$")  # a record's list opens before the cue
DONE_AFTER = re.compile(r"(^| )(تم|تمت|حيث|اذ|عندما)( |$)")  # ... unless a verb tells it done
OCCASION_REACH = 14  # tokens from an occasion's marker to its date ("اليوم العالمي ... 2025")
OCCASION = re.compile(r"(^| )(تزامنا|بالتزامن|التزامن|بمناسبه|مناسبه|احتفالا|احياء)( |$)")
ITEMS = re.compile(r"(^| )(منها|بينها|ابرزها|مقدمتها)( \S+){0,45}$")  # any type's list: a
# statistic's breakdown ("سجلت 495 شكوى، منها ... وإحالة 77 شكوى") or a record's items
STARTED = {"منذ", "بدات", "بدا", "بدء", "انطلقت", "انطلق", "انطلاق"}  # "منذ 2008", "الجهود التي
# بدأت في عام 2006": the start of a running count or effort
LATER = {"حيث", "التي", "الذي"}  # words opening a clause of a later act after the cue
ACT_VERB = re.compile(r"(^| )[وف]?(اصدرت|اصدر|اطلقت|اطلق|اعلنت|اعلن|وقعت|وقع|"
                      r"اعتمدت|اعتمد|اقرت|اقر|ضبطت|ضبط|"
                      r"انشئ|انشئت|اسس|اسست|تاسس|تاسست|تشكل|تشكلت|افتتح|افتتحت)( |$)")  # ... told by its own
# verb, a founding too ("زيارة وفد إلى المركز الذي أنشئ في 2014" dates the centre, not the
# visit) (not "عقدت/نظمت": "الورشة التي عقدت في 10 مارس" dates the gathering itself)
RELATIVE_REACH = 5  # words from a relative pronoun to the date its clause gives
SITTINGS = {"الجلسه", "جلسته", "جلستها", "الاجتماع", "اجتماعه", "اجتماعها", "اللقاء", "المؤتمر",
            "الزياره", "زيارته", "زيارتها", "الدوره", "الاجتماعات", "القمه", "المنتدي", "الملتقي"}
EXAMPLES = {"منها", "بينها", "ابرزها", "مقدمتها", "ومنها", "ومن", "من"}  # a clause opening on these
# ("ومنها مؤسسة ... ومركز ...", "ومن بينها ...") lists examples of what the clause before named
WORD = re.compile(r"\w+")
SOURCED = re.compile(r"(^| )[وف]? ?(وفقا|حسب|بحسب|طبقا|استنادا|نقلا)( (ل|الي|عن))? $")  # a source
TELLING = re.compile(r"^(و )?(جاء|جاءت|ياتي|تاتي) (ذلك|هذا|ذلك الاعلان|الاعلان|التصريح)( |$)")
WEEKDAY = re.compile(r"(^| )[وف]?(السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)( |$)")
FRAMING = {"خلال", "اثناء", "في", "هامش", "ختام"}  # before a gathering named again
CLITICS = re.compile(r"^[وف]?([بلك]|لل)?(ال)?")
HEADLINE_WORDS, RESTATED_SHARE = 14, 0.7  # a headline's length; its words the lead repeats
RELATIVE_OPENS = re.compile(r"(^| )(التي|الذي|الذين)( |$)")  # a call or a negation before a
# relative clause ("بناء على توصيات اللجنة التي رفعت تقريرها") does not reach into it
DECISIONS = {"legislation", "institution", "strategy", "accession", "agreement"}
# plan, call and negation cues open on "(^| )"; without CAMeL tagging a conjunction may stay
# attached ("ودعا", "ولم"), so they may open on one, as the type cues may
WORD_START, CONJUNCTION = "(^| )", "[وف]?"
TRACE = "event_trace"  # doc.user_data key of the detector's trace (EventDetector.trace)
ADDED, REPLACED, MERGED = "event", "event (replaced an earlier report)", "merged by _add"
LEAD = "lead event"  # the trace's reason for the event _lead_event made
NO_CUE, WEAK_CUE = "no cue, classifier below the uncued bar", "weak cue not backed"
BELOW_OWN = "own news: classifier below "  # + the bar's name
UNSURE = (NO_CUE, WEAK_CUE, BELOW_OWN)  # drops for want of confidence, not for what a clause says


@dataclass(frozen=True)
class Cues:
    types: dict[str, list[re.Pattern]]
    strong: dict[str, list[re.Pattern]]
    planned: list[re.Pattern]
    negation: list[re.Pattern]
    intent: list[re.Pattern]
    lead_weak_topics: frozenset[str] = frozenset()  # topic groups that alone get no lead event


MACRO = re.compile(r"\{([A-Z_]+)\}")


def _patterns(items: list[str], macros: dict[str, str], path: Path) -> list[str]:
    """A list of the cue file without its comments, `{NAME}` macros (its `macros`) filled in;
    a macro the file does not define is an error naming it."""
    def fill(match: re.Match) -> str:
        if match.group(1) not in macros:
            raise DataFileError(path, None, f"cue macro {{{match.group(1)}}} is not defined under 'macros'")
        return macros[match.group(1)]
    return [MACRO.sub(fill, p) for p in items if not p.startswith("_")]


@lru_cache(maxsize=2)
def load_cues(path: Path = PATTERNS) -> Cues:
    """The cues of `path`: a type's cues are its `types` and `strong` patterns; its strong
    ones are `strong` and `confirm` (patterns that are no cue of their own)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    section = lambda key: {t: _patterns(ps, macros, path) for t, ps in data.get(key, {}).items()
                           if not t.startswith("_")}
    compile_all = lambda key: [re.compile(p.replace(WORD_START, WORD_START + CONJUNCTION))
                               for p in _patterns(data.get(key, []), macros, path)]
    whole = lambda items: [re.compile(WHOLE_WORDS.format(p)) for p in items]
    types, strong, confirm = section("types"), section("strong"), section("confirm")
    return Cues(
        {t: whole(p + strong.get(t, [])) for t, p in types.items()},
        {t: whole(strong.get(t, []) + confirm.get(t, [])) for t in {**strong, **confirm}},
        compile_all("planned"), compile_all("negation"), compile_all("intent"),
        frozenset(data.get("lead_event", {}).get("weak_topics", [])))


@lru_cache(maxsize=4)
def _topic_patterns(weak: frozenset[str]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(one expression of the `weak` topic groups of `data/patterns/relevance_terms.json`,
    one of all the others); None for a side with no group."""
    groups = load_terms()
    join = lambda names: re.compile("|".join(f"(?:{e})" for n in names for e in groups[n])) \
        if names else None
    return join([n for n in groups if n in weak]), join([n for n in groups if n not in weak])


def weak_topic_only(cues: Cues, text: str) -> bool:
    """Does the text name its topic only by a weak group (`lead_event.weak_topics`: the bare
    word for migrants, which an International Migrants Day celebration or a community story
    shares), with no word of trafficking, smuggling, a shelter or exploitation beside it?"""
    weak, other = _topic_patterns(cues.lead_weak_topics)
    norm = normalise_text(text)
    return weak is not None and weak.search(norm) is not None and \
        (other is None or other.search(norm) is None)


def clause_norm(span: Span) -> str:
    """The clause's normalised words, clitics apart, one space between."""
    return " ".join(t.norm_ for t in span if is_word(t))


def split_clauses(sent: Span, cues: Cues | None = None) -> list[Span]:
    """The sentence cut at clause-opening words; with `cues`, each clause is cut again at
    "، و…" where both halves hold a trigger cue (two events in one sentence)."""
    doc, clauses, start = sent.doc, [], sent.start
    for token in sent:
        if token.i > start and (token.text in CLAUSE_BREAKS or token.norm_ in CLAUSE_BREAKS):
            clauses.append(doc[start:token.i])
            start = token.i
    clauses.append(doc[start:sent.end])
    clauses = [c for c in clauses if any(is_word(t) for t in c)]
    if cues is None:
        return clauses
    return [part for clause in clauses for part in _split_coordinated(clause, cues)]


def _split_coordinated(clause: Span, cues: Cues) -> list[Span]:
    """The clause cut at "، و…" where both halves hold a trigger cue; never after a call or
    an aim that opens the left half before its cue ("وتهدف المذكرة إلى تعزيز التعاون ...،
    وتنمية القدرات عبر برامج التدريب"): what follows is more of what is aimed at, unless it
    opens on a finite verb of its own ("، وأحالت النيابة ...", `_acts`)."""
    doc, parts, start = clause.doc, [], clause.start
    for token in clause[1:-1]:
        nxt = doc[token.i + 1]
        if token.i <= start or token.text not in {"،", ","} or not nxt.norm_.startswith(("و", "ف")):
            continue
        left, right = doc[start:token.i], doc[token.i + 1:clause.end]
        left_cues = cue_types(cues, clause_norm(left))
        if _aimed(cues, clause_norm(left), left_cues) and not _acts(right):
            break
        if left_cues and cue_types(cues, clause_norm(right)):
            parts.append(left)
            start = token.i + 1
    return parts + [doc[start:clause.end]]


def _acts(span: Span) -> bool:
    """The span opens (after "و"/"ف") on a finite verb ("وأحالت النيابة ..."): an act of its
    own, not one more thing aimed at ("وتنمية القدرات")."""
    words = [t for t in span if is_word(t) and t.norm_ not in ("و", "ف")]
    return bool(words) and words[0].tag_ == "verb"


def _aimed(cues: Cues, norm: str, found: list[tuple[int, str, bool]]) -> bool:
    """Does an intent cue (a call, an aim: "تهدف", "دعت") open `norm` before its first
    trigger cue?"""
    first = min((position for position, _, _ in found), default=len(norm))
    return any(m.start() < first for p in cues.intent for m in p.finditer(norm))


def cue_hits(cues: Cues, norm: str, keep=None) -> list[tuple[int, str]]:
    """(position, type) of every trigger cue in `norm`; a cue that names its word with a
    group `at` ("اللجنة ... التي (أنشئت)") is placed there, not where its match opens.
    `keep(type, match)`, when given, says which matches count."""
    return sorted((m.start("at") if "at" in p.groupindex else m.start(), event_type)
                  for event_type, patterns in cues.types.items()
                  for p in patterns for m in p.finditer(norm)
                  if keep is None or keep(event_type, m))


def cue_types(cues: Cues, norm: str, keep=None) -> list[tuple[int, str, bool]]:
    """(position, type, strong) of every type whose cue occurs in `norm`, earliest first.
    The words of an event's title ("ورشة عمل تحت عنوان «التعرف على الضحايا وإحالتهم»")
    name its topic, not another event: after "عنوان", cues count only when none comes
    before it."""
    named = TITLED.search(norm)
    if named and cue_hits(cues, norm[:named.start()], keep):
        norm = norm[:named.start()]
    first: dict[str, int] = {}
    for position, event_type in cue_hits(cues, norm, keep):
        first.setdefault(event_type, position)
    return sorted((position, event_type,
                   any(p.search(norm) for p in cues.strong.get(event_type, [])))
                  for event_type, position in first.items())


class EventDetector(DataFiles):
    def __init__(self, nlp: Language, name: str = "event_detector", use_classifier: bool = True,
                 cues: str | None = None, model: str | None = None):
        self.mode = tokenizer_mode(nlp)
        self.files = {"event_triggers.json": data_path(cues, PATTERNS)}
        if use_classifier:  # without it, the trigger cues alone (model ablations)
            self.files["events.pkl"] = data_path(model, model_file("events", self.mode))
        self.classifier: EventClassifier | None = None
        self.trace = False  # True: each doc records why each clause gave or lost its event
        self.lead_event = LEAD_EVENT

    def load(self, paths: dict) -> None:
        self.cues = load_cues(paths["event_triggers.json"])
        self.classifier = load_event_classifier(self.mode, paths["events.pkl"]) \
            if "events.pkl" in paths else None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 64):
        """The docs with their events; the clauses of a batch of docs go through the
        classifier in one call."""
        for batch in minibatch(docs, batch_size):
            clauses = [self._clauses(doc) for doc in batch]
            probs = iter(self._probabilities([c[3] for doc_clauses in clauses for c in doc_clauses]))
            for doc, doc_clauses in zip(batch, clauses):
                yield self._detect(doc, [(*clause, next(probs)) for clause in doc_clauses])

    def _clauses(self, doc: Doc) -> list[tuple]:
        """(sentence index, sentence, clause, clause norm) of every clause of `doc`; the
        index counts only sentences of LEAD_MIN_WORDS words or more before it, so that a
        byline, a dateline, a subtitle line or a photo's caption does not push the lead out."""
        found, index = [], 0
        for sent in doc.sents:
            told = _telling_frame(sent) and index > 0  # "جاء ذلك خلال ...": the one before
            found += [(index - told, sent, clause, clause_norm(clause))
                      for clause in split_clauses(sent, self.cues)]
            index += len(sent.text.split()) >= LEAD_MIN_WORDS and not told and not _caption(sent) \
                and not _dateline(sent)
        return found

    def _probabilities(self, norms: list[str]) -> list[dict[str, float]]:
        if self.classifier is None or not norms:
            return [{} for _ in norms]
        return self.classifier.probabilities_many(norms)

    def _detect(self, doc: Doc, clauses: list[tuple]) -> Doc:
        events: list[dict] = []
        own_news_done = False
        doc.user_data[TRACE] = []  # kept on the doc only when tracing; the lead event reads it
        for index, sent, clause, norm, probs in clauses:
            gathered = any(e["type"] in NAMED_TYPES for e in events)
            found = self._clause_events(doc, sent, clause, norm, probs, index,
                                        (own_news_done, gathered))
            for event in found:
                own_news_done = event.get("_own", False) or own_news_done
                _trace(doc, clause, _add(events, event), event)
        for event in self._cited_laws(doc, events):
            _trace(doc, event.pop("_span"), _add(events, event), event)
        lead = None if events else self._lead_event(doc, clauses)
        if lead is not None:
            _trace(doc, lead.pop("_span"), LEAD, lead, lead.pop("_probs"))
            events.append(lead)
        if not self.trace:
            del doc.user_data[TRACE]
        doc._.events = [{k: v for k, v in e.items() if not k.startswith("_")} for e in events]
        return doc

    def _lead_event(self, doc: Doc, clauses: list[tuple]) -> dict | None:
        """The lead's act for an article that gave no event: of the clauses of the lead
        sentences dropped only for want of confidence (UNSURE: no cue or a weak one, the
        own-news bar; never a plan, call, negation, statement, listed item or told content),
        the one whose likeliest type the classifier reads at `lead_event` or more and at
        LEAD_EVENT_MARGIN times "none" or more (none when the article names its topic only by a
        weak word, `weak_topic_only`: "تحتفلان باليوم الدولي للمهاجرين" is no act of the
        topic); dated by its own date, else the reference
        date (never after publication). A gathering the classifier reads as one kind and
        the clause's cue names as another ("الورشة" read as a meeting) is the cue's kind."""
        if self.lead_event is None or weak_topic_only(self.cues, doc.text):
            return None
        unsure = {(r["start"], r["end"]): r["type"] for r in doc.user_data[TRACE]
                  if r["reason"].startswith(UNSURE)}
        best = None
        for index, sent, clause, norm, probs in clauses:
            kind = max((str(t) for t in probs if t != "none"), key=probs.get, default=None)
            if (clause.start_char, clause.end_char) not in unsure or \
                    index >= LEAD_SENTENCES or kind is None or probs[kind] < self.lead_event or \
                    probs[kind] < LEAD_EVENT_MARGIN * probs.get("none", 0.0) or \
                    any(p.search(norm) for p in self.cues.planned + self.cues.intent + self.cues.negation) or \
                    _says_not_does(doc, sent, clause, kind):
                continue
            if best is None or probs[kind] > best[0]:
                best = (probs[kind], kind, sent, clause, probs)
        if best is None:
            return None
        confidence, kind, sent, clause, probs = best
        named = unsure[(clause.start_char, clause.end_char)]
        if kind in NAMED_TYPES and named in NAMED_TYPES:
            kind = named  # the cue's word names the gathering's kind
        date = _nearest_date(_dating(doc, _clause_dates(doc, clause), kind), clause.start)
        reference = doc._.reference
        value = date[0] if date and date[0] else (reference.isoformat() if reference else None)
        if _after_publication(doc, value):
            return None
        return _event(doc, sent, clause, kind, value, round(confidence, 3), 0) | {
            "_span": clause, "_probs": probs}

    def _cited_laws(self, doc: Doc, events: list[dict]) -> list[dict]:
        found = []
        accessions = {(e["evidence"]["start"], e["year"]) for e in events
                      if e["type"] == "accession"}
        for span in doc.spans["mentions"]:
            law = span._.canonical if span.label_ == "LAW" else None
            if not law or not written_year(span.text, law.get("year")) or law.get("kind") in TREATY_KINDS:
                continue
            if (span.sent.start_char, law["year"]) in accessions:
                continue
            kind = "accession" if self._enacts_accession(span) else "legislation"
            event = _event(doc, span.sent, span, kind, str(law["year"]), 0.5, 0)
            event["_span"] = span
            event["title"] = law_text(span)[1].replace("\n", " ")  # wrapped over two lines
            event["country"] = law.get("country") or event["country"]
            found.append(event)
        return found

    def _enacts_accession(self, law: Span) -> bool:
        """A law whose words right after it say it made the state join ("القانون رقم 4 لسنة
        2004 بانضمام مملكة البحرين إليها", "... بالتصديق على الاتفاقية"): an accession of its
        year, not a piece of legislation of its own. Only a verbal noun with "ب" says so: "...
        لسنة 2013 وانضمت إلى البروتوكول" is a further act, and the law stays legislation."""
        if law.end >= law.sent.end or not law.doc[law.end].norm_.startswith("ب"):
            return False
        after = clause_norm(law.doc[law.end:min(law.sent.end, law.end + ACCESSION_REACH)])
        return any(len(after[:at].split()) <= 1 and kind == "accession"  # its first word, or
                   for at, kind in cue_hits(self.cues, after))  # after a split "ب"

    def _clause_events(self, doc, sent, clause, norm, probs, index, told) -> list[dict]:
        """The clause's main event, and one more for each further dated cue in it
        ("حكمت ... في أكتوبر 2024، قبل أن تخفف ... في فبراير 2025"); `probs` are the
        classifier's probabilities for the clause's norm."""
        own_dates = _clause_dates(doc, clause)
        if _examples(clause):
            return _trace(doc, clause, "listed examples", probs=probs) or []
        if _statement(clause, probs) and not own_dates:
            return _trace(doc, clause, "statement", probs=probs) or []
        dates = own_dates or [  # else a date earlier in the sentence governs it (not one that
            # describes a noun of its own clause: "الميثاق ... الذي اعتمدته الكويت عام 2018"),
            # or in the sentences it continues after a semicolon
            d for d in _sentence_dates(doc, sent, self.cues)
            if d.end <= clause.start and not _relative_date(d)] or (
            _told_dates(doc, sent) if _telling_frame(sent) else [])
        main = self._clause_event(doc, sent, clause, norm, probs, dates, index, told)
        if main is None:
            return []
        before = self._before_described(doc, sent, clause, main, index, told)
        if before is not None:  # "بمناسبة زيارة وفد إلى المركز الذي أنشئ في 2014": the visit too
            return [main, before]
        occasion = main["date"] is None and next(  # "نظمت أمس ندوة توعوية ... تزامنا مع اليوم
            (d for d in _clause_dates(doc, sent) if d.start >= clause.start and d._.value
             and not d._.canonical.get("relative") and _occasion(d) and not _told_act(d)), None)
        if occasion:  # العالمي ... 2025": an event without a known date is held at its occasion's
            main |= {"date": occasion._.value, "year": int(occasion._.value[:4])}
        found = [main]
        hits = [(_token_at(clause, pos), event_type) for pos, event_type in cue_hits(self.cues, norm)]
        for date in dates:
            year = int(date._.value[:4]) if date._.value else None
            if year is None or year == main["year"] or date._.canonical.get("relative") or \
                    _series_year(date):
                continue
            near = [(abs(i - date.start), t) for i, t in hits if abs(i - date.start) <= EXTRA_REACH]
            if not near:
                continue
            event_type = min(near)[1]
            if not _dating(doc, [date], event_type):
                continue  # a period a report covers ("تقريرها للعام 2024"): no second report
            if _inside_law(doc, date) and event_type not in INSTRUMENTS or _treaty_year(doc, date):
                continue  # ("انضمت في 2021 إلى بروتوكول عام 2014": the treaty's name, no act)
            if event_type == main["type"] and main["date"] is None and event_type not in INSTRUMENTS:
                # "دشنت اليوم حملة ... لعام 2023م" with no publication date: one event, at the
                main |= {"date": date._.value, "year": year, "_fallback": False}  # year its
                continue  # words give (a law's year in an approval told today is another event)
            found.append(_event(doc, sent, clause, event_type, date._.value, main["confidence"],
                                0) | {"title": main["title"], "_own": False})
        return found

    def _clause_event(self, doc, sent, clause, norm, probs, dates, index, told) -> dict | None:
        """`told`: (an own-news event is already found, a gathering is already told of)."""
        own_news_done, gathered = told
        choice = self._choose_type(norm, probs, clause, dates)
        if isinstance(choice, str):
            return _trace(doc, clause, choice, probs=probs)
        event_type, confidence, strong, cue_at = choice
        lost = lambda reason: _trace(doc, clause, reason, {"type": event_type}, probs)
        if any(_word_at(norm, m) < cue_at and not RELATIVE_OPENS.search(norm[m.end():cue_at])
               for p in self.cues.intent + self.cues.negation
               for m in p.finditer(norm)):
            return lost("intent or negation")
        if _planned(self.cues, norm, cue_at):
            return lost("planned")
        # a law's year dates the law (or the accession it enacted), not an arrest or a ruling
        # that cites it; "تقريرها السنوي ... خلال عامي 2014 2015": the years a report covers,
        # not when it came out; "ميثاق الرق الموقع في جنيف عام 1926": the instrument's date
        dates = _dating(doc, dates, event_type)
        cue = _token_at(clause, cue_at)
        if dates and all(self._later_act(d, cue, event_type) for d in dates):
            dates = [d for d in _clause_dates(doc, sent)  # "ووجه بإنشاء لجنة ...، والتي ...
                     if d.end <= clause.start and not _relative_date(d)]  # حيث أصدرت ... عام 2019"
        if event_type != "institution" and any(_since(d) and d.start > cue for d in dates):
            return lost("running count (since)")  # "استقبلت 1000 مكالمة منذ 2008": no event
        if event_type != "institution":  # nor does the start date of another item
            dates = [d for d in dates if not (_since(d) and self._owned_elsewhere(d, cue))]
        if _told_content(doc, sent, clause, cue, event_type):
            return lost("told content")  # "وأثنى التقرير على ... تعديل قانون": the report's
        date = _nearest_date(dates, cue)
        if (date is None or date[0] is None) and event_type == "report":
            date = _report_year(doc, clause, dates, cue) or date
        if (date is None or date[0] is None) and event_type in INSTRUMENTS:
            date = _law_year(doc, clause) or date  # "بموجب المرسوم السلطاني رقم 37/2005"
        if (date is None or date[0] is None) and event_type in DECIDED_TYPES:
            date = _founding_year(doc, _token_at(clause, cue_at), clause) or date
        current = bool(date is not None and date[1]) or bool(WEEKDAY.search(norm[:cue_at])) or (
            # "اليوم", "أمس", "أوضحت الإدارة، الثلاثاء، أنها ضبطت": reported as news;
            (strong or confidence >= OWN_MORE) and (
                DONE.search(norm[:cue_at]) is not None  # "تم تعديل مسمى اللجنة",
                or _lately(clause, cue_at)  # "أصدرت ... أخيراً قراراً",
                or _within_own(clause, norm, cue_at)  # "وأوضحت الوزارة، ضمن حملتها التوعوية، أن ...",
                or cue_at <= 2 and _done_before(sent, clause)))  # "وتم ضبط ...، ونقل"
        needed = OWN_MORE if own_news_done else OWN_FIRST
        bars = {"not own news: outside the lead, no current marker": index < LEAD_SENTENCES or current,
                "no date: an absolute date that does not resolve": date is None or date[1],
                # before the confidence bar: the first bar failed is the reason traced, and a
                # listed step must not pass for a clause dropped only for want of confidence
                "listed": not (date is None and _listed(doc, sent, cue, event_type in DECISIONS)),
                BELOW_OWN + ("OWN_MORE" if own_news_done else "OWN_FIRST"):
                    strong or confidence >= needed}
        own = all(bars.values())
        if date is None and _period(doc, sent, cue):
            return lost("a period's count")  # "خلال الفترة من عام 2008 حتى عام 2013 تم اكتشاف ..."
        if date is None and gathered and _anaphoric(norm, cue_at):
            return lost("anaphoric gathering")  # "وخلال الندوة، شددت الهيئة": told before
        if date is None or date[0] is None:
            if not own:
                return lost(next(reason for reason, passed in bars.items() if not passed))
            reference = doc._.reference  # the publication date, else the dateline's
            value = date[0] if date else _reference_value(reference, _lately(clause, cue_at))
        else:
            value = date[0]
        if _after_publication(doc, value):  # "في يناير المقبل": a plan, not an event
            return lost("after publication")
        return _event(doc, sent, clause, event_type, value, confidence,
                      _cue_opening(self.cues, event_type, norm, cue_at)) | {
            "_own": own, "_fallback": date is None, "_lead": index < LEAD_SENTENCES,
            "_series": bool(date and date[2])}

    def _before_described(self, doc, sent, clause, main, index, told) -> dict | None:
        """The act told before a noun whose relative clause gave the clause's event its date
        ("بمناسبة زيارة وفد أممي إلى المركز الذي أنشئ في نوفمبر 2014"): the founding is
        the dated event, and the visit, a cue of another type before the relative word, is
        an event of its own, read from the words before it without that date."""
        dated = [d for d in _clause_dates(doc, clause)
                 if d._.value and d._.value.startswith(str(main["year"])) and _relative_date(d)]
        if not dated:
            return None
        opener = next((t.i for t in reversed(doc[clause.start:dated[0].start])
                       if t.norm_.removeprefix("و") in RELATIVE_WORDS), None)
        head = doc[clause.start:opener] if opener is not None else None
        if head is None or not any(is_word(t) for t in head):
            return None
        norm = clause_norm(head)
        if not any(t != main["type"] for _, t, _ in cue_types(self.cues, norm)):
            return None
        event = self._clause_event(doc, sent, head, norm, self._probabilities([norm])[0], [],
                                   index, told)
        return event if event is not None and event["type"] != main["type"] else None

    def _owned_elsewhere(self, date: Span, cue: int) -> bool:
        """A date whose comma-delimited segment holds a cue of its own, and not the cue at
        `cue` ("برامج تدريبية استفاد منها 9500 متدرب منذ عام 2020، فضلا عن اعتماد خطة"):
        it belongs to that item; "كانت سباقة منذ عام 2006، من خلال انضمامها" frames the next."""
        doc, sent = date.doc, date.sent
        start = next((t.i + 1 for t in reversed(doc[sent.start:date.start]) if t.text in "،,"),
                     sent.start)
        end = next((t.i for t in doc[date.end:sent.end] if t.text in "،,"), sent.end)
        return not start <= cue < end and bool(cue_hits(self.cues, clause_norm(doc[start:end])))

    def _later_act(self, date: Span, cue: int, event_type: str) -> bool:
        """A date after the cue that a later act of another type tells, in a clause a
        relative word opens between them ("ووجه بإنشاء لجنة دائمة ...، والتي أخذت على عاتقها
        ... حيث أصدرت اللجنة في عام 2019 نظام ..."): that act's time, not the cue's."""
        doc = date.doc
        opener = next((t.i for t in doc[cue + 1:date.start] if t.norm_.removeprefix("و") in LATER), None)
        if opener is None:
            return False
        before = clause_norm(doc[opener:date.start])  # the act's verb or cue opens before the date
        return ACT_VERB.search(before) is not None or any(
            t != event_type and at <= len(before)
            for at, t in cue_hits(self.cues, clause_norm(doc[opener:date.sent.end])))

    def _choose_type(self, norm: str, probs: dict[str, float], clause: Span, dates: list[Span]):
        """(type, confidence, strong cue, cue position), or why the clause has none.

        Among several cued types: a strong cue, then the cue nearest a dated
        expression, then the classifier's favourite."""
        cues = _unframed(cue_types(self.cues, norm, _cue_filter(clause, norm)), norm)
        if cues:
            dated = [d for d in dates if d._.value]
            distance = lambda c: min((abs(_token_at(clause, c[0]) - d.start) for d in dated),
                                     default=0)
            position, event_type, strong = max(
                cues, key=lambda c: (c[2], -distance(c), probs.get(c[1], 0.0), -c[0]))
            confidence = probs.get(event_type, 0.5)
            if probs and not strong and (probs.get("none", 0.0) > WEAK_NONE or confidence < MIN_WEAK):
                return WEAK_CUE  # "حماية الضحايا" in a speech
            return event_type, round(confidence, 3), strong, position
        if probs:
            event_type = max(probs, key=probs.get)
            dated = any(d._.value and _inside(d, clause) for d in dates)
            needed = UNCUED_DATED if dated else UNCUED
            if event_type != "none" and probs[event_type] >= needed and \
                    probs[event_type] >= UNCUED_MARGIN * probs.get("none", 0.0):
                return str(event_type), round(probs[event_type], 3), False, 0
        return NO_CUE


def _norm_spans(clause: Span, spans: list[Span]) -> list[tuple[int, int]]:
    """Where each of `spans` (inside `clause`) lies in the clause's `clause_norm` text."""
    starts, position = {}, 0
    for token in clause:
        if is_word(token):
            starts[token.i] = position
            position += len(token.norm_) + 1
    found = []
    for span in spans:
        words = [t.i for t in span if t.i in starts]
        if words:
            last = span.doc[words[-1]]
            found.append((starts[words[0]], starts[words[-1]] + len(last.norm_)))
    return found


def _cue_filter(clause: Span, norm: str):
    """Which cue matches count: not a gathering's, course's, campaign's or shelter's word
    inside an agency's name ("منظمة المؤتمر الإسلامي", "المركز الإقليمي للتميز والتدريب",
    "مركز أمان لإيواء النساء والأطفال"), nor a
    gathering that only says where an instrument was adopted ("الاتفاقية ... المقرة في
    مؤتمر العمل الدولي")."""
    names = _norm_spans(clause, [s for s in clause.doc.spans["mentions"]
                                 if s.label_ == "AGENCY" and _inside(s, clause)])

    def keep(event_type: str, match: re.Match) -> bool:
        if event_type in NAMING_TYPES and any(a <= match.start() and match.end() <= b
                                             for a, b in names):
            return False
        return not (event_type == "meeting" and DESCRIBED.search(norm[:match.start()]))
    return keep


def _unframed(cues: list[tuple[int, str, bool]], norm: str) -> list[tuple[int, str, bool]]:
    """A session or meeting that only frames a decision taken in it ("وافق مجلس الوزراء في
    الجلسة التي عقدها ... على نظام ...") is no meeting event of its own when the clause has
    a strong cue of the decision; a report named as the source of what the clause tells
    ("ووفقا للتقرير السنوي للجنة ... فقد تأسست المراكز في 2008") is no report event when
    the clause has a cue of another type."""
    if any(t != "report" for _, t, _ in cues):  # "ووفقا للتقرير السنوي ... فقد تأسست": the source
        cues = [c for c in cues if not (c[1] == "report" and SOURCED.search(norm[:c[0]]))]
    if not any(strong and event_type in DECISIONS for _, event_type, strong in cues):
        return cues
    framed = lambda position: norm[:position].split()[-1:] in (["في"], ["خلال"], ["اثناء"])
    return [c for c in cues if not (c[1] == "meeting" and framed(c[0]))]


def _add(events: list[dict], event: dict) -> str:
    """Add `event` unless the article already has it: same type, dates that agree. A
    report of it dated by its own words replaces one dated only by the publication date
    (the headline's "توقعان مذكرة تفاهم" and the body's "أبرمت ... أمس"), or one left
    undated in the lead for want of a publication date ("يترأس اجتماع اللجنة" in the
    headline, "ترأس ... الاجتماع الثالث للعام 2022" in the first sentence). Says what became
    of it: ADDED, REPLACED (it took an earlier report's place) or MERGED (one known)."""
    for index, known in enumerate(events):
        if known["type"] != event["type"]:
            continue
        if _restated(known, event):
            replace = bool(known.get("_fallback"))
        elif _same_lead_news(known, event):
            replace = known["date"] is None
        elif dates_agree(known["date"], event["date"]):
            replace = bool(known.get("_fallback") and not event.get("_fallback"))
        else:
            continue
        if replace:
            events[index] = event
        return REPLACED if replace else MERGED
    events.append(event)
    return ADDED


def _trace(doc: Doc, clause: Span, reason: str, event: dict | None = None,
           probs: dict[str, float] | None = None) -> None:
    """Record in `doc.user_data[TRACE]` (set up by `_detect`, which leaves it on the doc
    only when the detector traces, `EventDetector.trace`; the lead event reads it) what
    became of `clause`: an event ADDED, REPLACED or MERGED, or the stage that dropped it,
    with the type it had and the classifier's probabilities. Returns None, so that a stage
    can `return _trace(...)`."""
    record, event = doc.user_data.get(TRACE), event or {}  # none: called outside _detect
    if record is not None:
        record.append({"start": clause.start_char, "end": clause.end_char, "reason": reason,
                       "type": event.get("type"), "year": event.get("year"),
                       "probs": {k: round(v, 3) for k, v in (probs or {}).items() if v >= 0.05}})


def _statement(clause: Span, probs: dict[str, float]) -> bool:
    """A speaker's words ("مؤكدا أن ملاحقة المال أقصر الطرق لتفكيك الشبكة") that the
    classifier reads as no event: without a date of their own, neither the article's news
    by their place in the lead nor dated by a date earlier in the sentence."""
    first = next((t.norm_ for t in clause if is_word(t)), "")
    return first.lstrip("و") in STATEMENT and probs.get("none", 0.0) >= STATEMENT_NONE


def _period(doc: Doc, sent: Span, cue: int) -> bool:
    """A range of years before the cue that names no plan, or that "خلال" frames ("خلال
    الفترة من عام 2008 حتى عام 2013 تم اكتشاف 4075 شركة ... وقد تمت إحالة 2067 شركة"): what
    the clause counts was done over that period, not the article's news."""
    covered = lambda d: any(t.norm_.removeprefix("و") == "خلال"
                            for t in doc[max(sent.start, d.start - 4):d.start])
    return any(len((d._.canonical or {}).get("years") or []) > 1 and
               (covered(d) or not _plan_year_words(doc, d))
               for d in doc.spans.get("dates", []) if sent.start <= d.start and d.end <= cue)


def _plan_year_words(doc: Doc, date: Span) -> bool:
    """A plan's or vision's word right before the date ("الخطة الوطنية للأعوام 2025")."""
    return any(t.norm_ in PLAN_WORDS or PLAN_POSSESSED.match(t.norm_)
               for t in doc[max(date.sent.start, date.start - 4):date.start])


def _relative_date(date: Span) -> bool:
    """A date in a relative clause ("الميثاق العالمي ... الذي اعتمدته الكويت عام 2018"):
    it dates what that clause tells of its noun, not a clause after it; but a sitting's
    ("وافق في الجلسة التي عقدها يوم الاثنين ...، كما وافق على تشكيل لجنة") is the time of
    all that was done in it."""
    doc, words = date.doc, 0
    for token in reversed(doc[date.sent.start:date.start]):
        if token.text in {"،", ",", "«", "»", ":"} or words > RELATIVE_REACH:
            return False
        if token.norm_.removeprefix("و") in {"الذي", "التي", "الذين"}:
            noun = next((t for t in reversed(doc[date.sent.start:token.i]) if is_word(t)), None)
            return noun is None or noun.norm_ not in SITTINGS
        words += is_word(token)
    return False


def _examples(clause: Span) -> bool:
    """A clause that opens a list of examples of what the clause before it named ("...
    مراكز إيواء الضحايا منذ عام 2007، ومنها مؤسسة ... ومركز ...", "ومن بينها"): the items
    of that clause's event, none of their own."""
    words = [t.norm_ for t in clause if is_word(t)][:3]
    words = words[1:] if words[:1] == ["و"] else words  # "و" split off (CAMeL)
    if not words or words[0] not in EXAMPLES:
        return False
    return words[0] not in ("من", "ومن") or words[1:2] == ["بينها"]


def _restated(a: dict, b: dict) -> bool:
    """A headline that restates, in fewer words, an event of the lead dated by its own words
    ("إحالة 28 قضية اتجار بالبشر للقضاء" over "... عن إحالة 28 حالة اتجار بالبشر للقضاء العام
    الماضي"): one event, at the date the lead gives."""
    if not (a.get("_lead") and b.get("_lead")) or a.get("_fallback") == b.get("_fallback"):
        return False
    short, long = sorted((a["evidence"]["text"], b["evidence"]["text"]), key=len)
    words = [_stem(w) for w in WORD.findall(normalise_text(short))]
    other = {_stem(w) for w in WORD.findall(normalise_text(long))}
    return len(words) <= HEADLINE_WORDS and \
        sum(w in other for w in words) >= RESTATED_SHARE * len(words)


def _done_before(sent: Span, clause: Span) -> bool:
    """A clause cut off a coordination ("وتم ضبط الكفيل، ونقل العاملة إلى مركز الإيواء")
    whose first part says it was done: the "تم" governs both."""
    base = next((c for c in split_clauses(sent) if c.start <= clause.start < c.end), clause)
    return base.start < clause.start and \
        DONE.search(clause_norm(clause.doc[base.start:clause.start])) is not None


def _telling_frame(sent: Span) -> bool:
    """A sentence that tells where the sentence before it was said or done ("جاء ذلك خلال
    لقائها ...", "جاء ذلك في تصريح ... عقب ..."): it shares that sentence's time and place
    in the lead."""
    words = [t.norm_ for t in sent if is_word(t)][:3]
    return sent.start > 0 and TELLING.match(" ".join(words)) is not None


def _caption(sent: Span) -> bool:
    """A sentence on a line that ends on a photo's credit ("... وضحايا الاتجار. أرشيفية"):
    the photo's caption."""
    text = sent.doc.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    return CAPTION.search(text[start:end if end >= 0 else len(text)]) is not None


def _dateline(sent: Span) -> bool:
    """A line that is a date and a place or two ("الخميس 28 مارس 2024 أبوظبي الإمارات",
    "الرياض - الأحد 5 يناير 2020"): a page's or a story's dateline, no lead sentence."""
    dated = {t.i for d in sent.doc.spans.get("dates", []) if _inside(d, sent) for t in d}
    words = [t for t in sent if is_word(t) and t.i not in dated and not t.like_num]
    return len(dated) > 0 and len(words) <= DATELINE_MAX_WORDS


def _told_dates(doc: Doc, sent: Span) -> list[Span]:
    """The dates a telling frame ("جاء ذلك خلال ندوة ...") shares with the sentence before
    it: the day or month of what was said, not a year it tells of ("تم احتضان الطفلة عام
    2015، حسب ما قالته ..." is no seminar of 2015)."""
    return [d for d in _clause_dates(doc, _sentence_before(sent))
            if d._.canonical.get("relative") or d._.canonical.get("precision") != "year"]


def _semicolon_cut(sent: Span) -> bool:
    """A sentence that ends on a semicolon ("... الثلاثاء 19/1/2010، فإن الإدارة قامت بعد التحري
    ...؛ بمداهمة المنزل ..."): the sentence after it goes on with it, cut there by the
    segmenter only."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == "؛"


def _continued(sent: Span) -> Span:
    """`sent` with the sentences it continues (`_semicolon_cut`) before it, over a line break
    of its own between them (`_sentence_before`): the span whose earlier dates govern its
    clauses."""
    start, before = sent.start, _sentence_before(sent)
    while before.start < start and _semicolon_cut(before):
        start, before = before.start, _sentence_before(before)
    return sent.doc[start:sent.end]


def _sentence_dates(doc: Doc, sent: Span, cues: Cues) -> list[Span]:
    """The dates of `sent` and of the sentences it continues (`_continued`), but for the
    carried ones when the nearest of those is after publication or a plan's ("؛ وتنظم الوزارة
    الأسبوع المقبل ورشة عمل ...؛ وتم ضبط 12 متهما": the arrest is not next week's, nor of a
    year told before that plan)."""
    dates = _clause_dates(doc, _continued(sent))
    carried = [d for d in dates if d.end <= sent.start]
    if not carried:
        return dates
    nearest = max(carried, key=lambda d: d.start)
    future = _after_publication(doc, nearest._.value) or \
        any(p.search(clause_norm(nearest)) for p in cues.planned)
    return [d for d in dates if d.end > sent.start] if future else dates


def _sentence_before(sent: Span) -> Span:
    """The sentence before `sent` that has words (not a line break of its own)."""
    word = next((t for t in reversed(sent.doc[:sent.start]) if is_word(t)), None)
    return word.sent if word is not None else sent


def _anaphoric(norm: str, cue_at: int) -> bool:
    """A definite gathering framed by "خلال", "في", "على هامش" ("وخلال الندوة", "في
    ختام الورشة"), or pointed at ("هذا الاجتماع", "هذه الورشة"): the one the article has
    already told of."""
    before, cue = norm[:cue_at].split()[-1:], norm[cue_at:].split()[:1]
    if before and before[0].removeprefix("ب").removeprefix("ل") in DEMONSTRATIVES:
        return True  # "ويعول على هذا الاجتماع", "شاركت في هذا المنتدى", "بهذه الورشة"
    return bool(before and cue) and before[0].removeprefix("و") in FRAMING and \
        cue[0].startswith("ال")


def _stem(word: str) -> str:
    """A word without its proclitics and article ("لمكافحه", "بالاشخاص" -> "مكافحه",
    "اشخاص"), for comparing a headline's words with the lead's."""
    return CLITICS.sub("", word) if len(word) > 4 else word


def _same_lead_news(a: dict, b: dict) -> bool:
    """Two reports in the lead: one undated own news (no publication date), the other
    dated by its own words: the year its meeting is numbered in ("الاجتماع الثالث للعام
    2022"), the year of the report's name ("تقرير الاتجار بالبشر 2022"): the undated one is
    the same news (`_add` keeps the dated one). A date other words of the lead give it
    ("وبحسب بيان صادر ... الثلاثاء 19/1/2010، فإن الإدارة قامت ...؛ بمداهمة المنزل") makes no
    such pair: that event is dated by it in `_clause_events` (`_continued`), not merged here."""
    undated = lambda e: e["date"] is None and e.get("_fallback")
    dated = lambda e: e.get("_series") or (e["type"] == "report" and e["date"] is not None)
    return bool(a.get("_lead") and b.get("_lead") and (
        (undated(a) and dated(b)) or (undated(b) and dated(a))))


def _token_at(clause: Span, norm_offset: int) -> int:
    """The doc index of the clause token at `norm_offset` of its `clause_norm` text."""
    position = 0
    for token in clause:
        if not is_word(token):
            continue
        if position >= norm_offset:
            return token.i
        position += len(token.norm_) + 1
    return clause.end - 1


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _law_year(doc: Doc, clause: Span) -> tuple[str, bool, bool] | None:
    """The year of the first law cited in the clause, as a date."""
    for span in doc.spans["mentions"]:
        if span.label_ == "LAW" and _inside(span, clause) and \
                written_year(span.text, span._.canonical.get("year")):
            return str(span._.canonical["year"]), False, False
    return None


def _founding_year(doc: Doc, cue: int, clause: Span) -> tuple[str, bool, bool] | None:
    """The year of the instrument a body was set up by, cited next to the founding cue
    ("أسست اللجنة بموجب القرار الوزاري رقم 12 لسنة 2019", "قرار مجلس الوزراء رقم 35 لسنة
    2019 بتشكيل اللجنة"): a decision's year dates what it set up."""
    for span in doc.spans["mentions"]:
        law = span._.canonical if span.label_ == "LAW" else None
        if law and _inside(span, clause) and law.get("kind") not in TREATY_KINDS and \
                written_year(span.text, law.get("year")) and \
                (0 < span.start - cue <= FOUNDING_REACH or 0 < cue - span.end + 1 <= 2 or
                 _decides(span, cue) or
                 0 < span.start - cue <= BY_VIRTUE_REACH and _by_virtue(span)):
            return str(law["year"]), False, False
    return None


# the voices that tell another text's content, and the event types they never hide
CONTENT_VOICES = ((REPORT_VOICE, ("report",)), (TOPIC_VOICE, ("training", "meeting")))


def _told_content(doc: Doc, sent: Span, clause: Span, cue: int, event_type: str) -> bool:
    """An undated clause whose cue comes after a report or a gathering speaking ("وأثنى
    التقرير على ...", "وسلطت الورشة الضوء على ..."): what it said or discussed, no event."""
    voices = [voice for voice, kept in CONTENT_VOICES if event_type not in kept]
    if not voices or _clause_dates(doc, clause):
        return False
    before = clause_norm(doc[sent.start:cue])
    return any(voice.search(before) for voice in voices)


def _listed(doc: Doc, sent: Span, cue: int, decision: bool = True) -> bool:
    """A step named in a list of a state's record ("عبر منظومة تتمثل في إصدار نظام ...
    وتشكيل لجنة", "ومنها إنشاء ..."): background, not the article's news."""
    listed = (LISTING if decision else ITEMS).search(clause_norm(doc[sent.start:cue]))
    return listed is not None and not DONE_AFTER.search(listed.group(0))


def _says_not_does(doc: Doc, sent: Span, clause: Span, event_type: str) -> bool:
    """What a clause with no cue (or a weak one) says rather than does, read as if its cue
    stood at its end: a report's or a gathering's content, a step listed in a record, a
    running count ("منذ 2008") — the checks `_clause_event` makes after a cue, for the lead
    event, whose clauses never reached them."""
    dates = _clause_dates(doc, clause)
    return _told_content(doc, sent, clause, clause.end, event_type) or \
        _listed(doc, sent, clause.end, event_type in DECISIONS) or \
        (event_type != "institution" and any(_since(d) for d in dates))


def _dating(doc: Doc, dates: list[Span], event_type: str) -> list[Span]:
    """The dates that may date an event of `event_type`: not a cited law's year (unless a
    law or accession), not the period a report covers, not an instrument's own date."""
    if event_type not in INSTRUMENTS:
        dates = [d for d in dates if not _inside_law(doc, d)]
    if event_type == "report":
        dates = [d for d in dates if not _covered(d) and not _for_the_year(d)]
    if event_type == "accession":
        dates = [d for d in dates if not _describes_instrument(d)]
    return dates


def _occasion(date: Span) -> bool:
    """A date a few words after "تزامنا مع", "بالتزامن مع", "بمناسبة": the occasion an
    event was held at."""
    before = clause_norm(date.doc[max(date.sent.start, date.start - OCCASION_REACH):date.start])
    return OCCASION.search(before) is not None


def _told_act(date: Span) -> bool:
    """A date a relative clause gives to an act of its own, told by its verb ("زيارة وفد إلى
    الدار التي أنشئت في مارس 2016"): that act's date, not an occasion's; "اليوم العالمي الذي
    يصادف 30 يوليو" tells no act, and stays the occasion's."""
    doc = date.doc
    opener = next((t.i for t in reversed(doc[max(date.sent.start, date.start - RELATIVE_REACH):date.start])
                   if t.norm_.removeprefix("و") in RELATIVE_WORDS), None)
    return opener is not None and ACT_VERB.search(clause_norm(doc[opener:date.start])) is not None


def _covered(date: Span) -> bool:
    """A date after "خلال" ("خلال عام 2023", "خلال عامي 2014 2015", the second year too):
    a period that something covers."""
    doc, i = date.doc, date.start - 1
    spans = doc.spans.get("dates", [])
    while i >= date.sent.start:
        token = doc[i]
        if token.norm_ == "خلال":
            return True
        if not (token.norm_ == "و" or token.norm_.isdigit() or
                any(d.start <= i < d.end for d in spans)):
            return False
        i -= 1
    return False


def _for_the_year(date: Span) -> bool:
    """A year a report is for ("التقرير الوطني للعام 2022", "تقريرها لعام 2021", "تقرير عن
    عام 2020"): the year it covers, not when it came out, where the article's date tells
    that; without one (no publication date, no dateline), the name's year is the best guess."""
    doc = date.doc
    if doc._.reference is None:
        return False
    words = [t.norm_ for t in doc[max(date.sent.start, date.start - 2):date.end] if is_word(t)]
    return FOR_THE_YEAR.search(" ".join(words)) is not None


def _describes_instrument(date: Span) -> bool:
    """A date a few words after an instrument's participle ("الموقع في جنيف عام 1926",
    "المقرة ... عام 1999"): when the instrument was signed or adopted."""
    before = clause_norm(date.doc[date.sent.start:date.start]).split()[-INSTRUMENT_REACH:]
    return DESCRIBED_AT.search(" ".join(before)) is not None


def _decides(span: Span, cue: int) -> bool:
    """A decision whose content follows it ("قرار مجلس الوزراء رقم 261 لسنة 2018، القاضي
    باعتماد الاستراتيجية الوطنية"): only such linking words stand between it and the cue."""
    between = span.doc[span.end:cue]
    return span.end <= cue and len(between) <= 4 and all(t.norm_ in DECIDING for t in between)


def _by_virtue(span: Span) -> bool:
    """A decision introduced by "بموجب" ("أنشئت اللجنة الوطنية لمكافحة الاتجار بالبشر بموجب
    قرار مجلس الوزراء رقم 15 لسنة 2017"): the instrument that set the body up."""
    before = [t.norm_ for t in span.doc[max(span.sent.start, span.start - 2):span.start]]
    return bool(before) and (before[-1] in BY_VIRTUE or "".join(before[-2:]) in BY_VIRTUE)


def _within_own(clause: Span, norm: str, cue_at: int) -> bool:
    """The cue names the speaker's own campaign or programme that frames what the clause
    tells ("وأوضحت الوزارة، ضمن حملتها التوعوية، أن ...", "في إطار حملته"): the statement is
    an act of that campaign, told as it runs: the article's news wherever it stands; not in
    a sentence told as background ("وكانت الوزارة قد نظمت، ضمن حملاتها ..."), nor of a
    campaign that ran before ("ضمن حملاتها التوعوية السابقة") or of what it does every year
    ("وتنظم الوزارة سنويا ضمن حملتها ...")."""
    before, after = norm[:cue_at].split(), norm[cue_at:].split()
    if not (before and after) or before[-1] not in WITHIN or not after[0].endswith(OWNER_SUFFIXES):
        return False
    sentence = [t.norm_ for t in clause.doc[clause.sent.start:clause.end] if is_word(t)]
    opening = sentence[1:2] if sentence[:1] in (["و"], ["ف"]) else sentence[:1]  # "و|كانت"
    return not (opening and opening[0].removeprefix("و") in BACKGROUND_OPENS) \
        and not HABITUAL_WORDS.intersection(sentence) and not PAST_CAMPAIGN.intersection(after[:4])


def _lately(clause: Span, cue_at: int) -> bool:
    """"أصدرت اللجنة ... أخيراً قراراً": "أخيراً/مؤخراً" qualifies the cue's own act: within
    LATELY_REACH words of the cue, with no punctuation and no relative word between them ("اللجنة
    التي شكلها المجلس مؤخراً"), nor a relative word just before it when it comes first ("الوزير
    الذي عين مؤخراً قد شارك"), in a clause that does not open as background ("وكان", "ويذكر أن")."""
    doc, cue = clause.doc, _token_at(clause, cue_at)
    words = [t for t in clause if is_word(t)]
    opening = words[1:2] if words[:1] and words[0].norm_ in ("و", "ف") else words[:1]  # "و|كان"
    if opening and opening[0].norm_.removeprefix("و") in BACKGROUND_OPENS:
        return False
    for token in (t for t in words if t.norm_ in LATELY_WORDS):
        low, high = sorted((token.i, cue))
        between = doc[low + 1:high]
        before = [t.norm_ for t in doc[max(clause.start, token.i - 3):token.i]] if token.i < cue else []
        if sum(is_word(t) for t in between) <= LATELY_REACH \
                and not any(not is_word(t) and not t.is_space for t in between) \
                and not any(t.norm_ in RELATIVE_WORDS for t in between) \
                and not RELATIVE_WORDS.intersection(before):
            return True
    return False


def _reference_value(reference, lately) -> str | None:
    """The date an undated own-news event takes from the publication (or dateline) date: the
    day, or only its year when the clause says the thing was done lately ("أخيراً", "مؤخراً"),
    not on the day."""
    if reference is None:
        return None
    return str(reference.year) if lately else reference.isoformat()


def _since(date: Span) -> bool:
    """A date right after "منذ" ("منذ 2008", not "منذ بداية العام 2024") or after a verb of
    starting ("الجهود التي بدأت في عام 2006"): the start of a running count, state or
    effort, which it dates only for a body founded then."""
    doc = date.doc
    before = [t.norm_.removeprefix("و") for t in doc[max(date.sent.start, date.start - 2):date.start]
              if is_word(t)]
    if before and before[-1] == "منذ":
        return True
    return before[-1:] in [[w] for w in STARTED - {"منذ"}] or (
        len(before) == 2 and before[1] == "في" and before[0] in STARTED - {"منذ"})


def _report_year(doc: Doc, clause: Span, dates: list[Span], cue: int) -> tuple | None:
    """A report's year where the nearest date says nothing (no publication date for its
    "أول من أمس"): a dated date of the clause, else the year its name ends on."""
    dated = [d for d in dates if d._.value and not _series_year(d) and d.start > cue]
    if dated:
        return dated[0]._.value, False, False
    for token in doc[cue:min(clause.end, cue + REPORT_REACH)]:
        if BARE_YEAR.fullmatch(token.norm_) and not _inside_law(doc, doc[token.i:token.i + 1]) \
                and not _covered(doc[token.i:token.i + 1]) \
                and not _for_the_year(doc[token.i:token.i + 1]):
            return token.norm_, False, False
    return None


def _inside_law(doc: Doc, date: Span) -> bool:
    return any(s.label_ == "LAW" and _inside(date, s) for s in doc.spans["mentions"])


def _treaty_year(doc: Doc, date: Span) -> bool:
    """A year inside a treaty's name ("بروتوكول عام 2014 الملحق باتفاقية العمل الجبري"): it names
    the instrument, and dates no further act of the clause that cites it."""
    return any(s.label_ == "LAW" and _inside(date, s) and
               (s._.canonical or {}).get("kind") in TREATY_KINDS for s in doc.spans["mentions"])


def _clause_dates(doc: Doc, clause: Span) -> list[Span]:
    """The dates inside `clause` that can date an event (not a plan's or vision's year)."""
    return [s for s in doc.spans.get("dates", []) if _inside(s, clause) and not _plan_year(doc, s)]


def _after_publication(doc: Doc, value: str | None) -> bool:
    reference = doc._.reference
    return bool(value and reference) and value > reference.isoformat()[:len(value)]


def _plan_year(doc: Doc, date: Span) -> bool:
    """A year range ("2025 - 2028") or a year that names a plan or a vision ("رؤية 2030",
    "الخطة الوطنية للأعوام 2025"): the plan's span, not the time of an event."""
    return len((date._.canonical or {}).get("years") or []) > 1 or _plan_year_words(doc, date)


def _planned(cues: Cues, norm: str, cue_at: int) -> bool:
    """A future marker before the cue ("ستعقد اللجنة اجتماعها"), or right after it
    ("الاجتماع المقبل"), makes the clause a plan."""
    for pattern in cues.planned:
        for m in pattern.finditer(norm):
            if _word_at(norm, m) == cue_at:  # the cue's own word: "اقتراح بقانون" is a bill
                continue
            if m.start() < cue_at or len(norm[cue_at:m.start()].split()) <= PLANNED_REACH:
                return True
    return False


def _word_at(norm: str, match: re.Match) -> int:
    """Where the word of a marker match opens (its pattern opens on "(^| )")."""
    return match.start() + (norm[match.start():match.start() + 1] == " ")


def _series_year(date: Span) -> bool:
    """The year after a meeting's ordinal ("اجتماعها الثاني لعام 1442ه", "الاجتماع الثالث
    للعام 2022") numbers the meeting within the year: it dates the meeting only when no
    other date in the clause does."""
    doc = date.doc
    before = [t.norm_ for t in doc[max(date.sent.start, date.start - 2):date.start] if is_word(t)]
    return any(w in ORDINALS or re.fullmatch(r"(ال)?\d+", w) for w in before[-2:])


def _nearest_date(dates: list[Span], token_index: int) -> tuple[str | None, bool, bool] | None:
    """(ISO value or None, is relative, is a series year) of the clause's date nearest the cue — a resolved
    or relative one ("اليوم" with no publication date) before an unresolved absolute one,
    a meeting's series year last — or None when the clause has no date."""
    if not dates:
        return None
    relative = lambda d: bool(d._.canonical and d._.canonical.get("relative"))
    best = min(dates, key=lambda d: (d._.value is None and not relative(d), _series_year(d),
                                     abs(d.start - token_index)))
    return best._.value, relative(best), _series_year(best)


def _cue_opening(cues: Cues, event_type: str, norm: str, cue_at: int) -> int | tuple[int, int]:
    """Where the title of a cue placed by its group `at` opens: at the body it tells of
    ("اللجنة الوطنية ... التي تأسست عام 2008"), as (opening, cue); else the cue itself."""
    for p in cues.types.get(event_type, []):
        for m in p.finditer(norm):
            if "at" in p.groupindex and m.start("at") == cue_at and m.start() < cue_at:
                return m.start(), cue_at
    return cue_at


def _event(doc, sent, clause, event_type, value, confidence, cue_at) -> dict:
    mentions = [s for s in doc.spans["mentions"] if _inside(s, clause)]
    agencies = list(dict.fromkeys(s._.canonical for s in mentions  # the outlet reports,
                                  if s.label_ == "AGENCY" and s._.kind != "media"))  # not acts
    laws = {}  # one entry a key (a law and its issuing decree share one), the first mention's
    for law in (dict(s._.canonical) for s in mentions if s.label_ == "LAW"):
        laws.setdefault(law.get("key"), law)
    places = [s for s in mentions if s.label_ == "LOCATION"]
    countries = [s._.country for s in places if s._.kind == "country" and s._.country]
    countries += [s._.country for s in mentions if s.label_ == "AGENCY" and s._.country]
    cities = [s.text for s in places if s._.kind == "city"]
    return {
        "type": event_type, "date": value, "year": int(value[:4]) if value else None,
        "country": countries[0] if countries else doc._.country,
        "agencies": agencies, "laws": list(laws.values()), "location": cities[0] if cities else None,
        "title": _title(clause, cue_at),
        "evidence": _evidence(sent),
        "confidence": confidence,
    }


def _evidence(sent: Span) -> dict:
    """The sentence without its edge white space, with offsets that match that text."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return {"text": stripped, "start": start, "end": start + len(stripped)}


def _leading(norm: str) -> bool:
    """A word a title does not start with, with or without an attached و/ف ("وكانت": the
    light splitter leaves it whole)."""
    return norm in LEADING or (norm[:1] in ("و", "ف") and norm[1:] in LEADING)


def _title(clause: Span, cue_at: int | tuple[int, int]) -> str:
    """A short whole phrase saying who did what: from the clause's opening verb or subject
    when it is close before the cue ("عقدت اللجنة الوطنية اجتماعها"), else from the cue;
    cut at punctuation or where a relative clause opens after the cue, and never ending
    on a particle, a preposition or a bare article word. With (opening, cue), a body and
    the relative clause telling its founding: from the body through that clause."""
    doc, told = clause.doc, None
    if isinstance(cue_at, tuple):
        cue_at, told = cue_at[0], _token_at(clause, cue_at[1])
    cue = _token_at(clause, cue_at)
    first = cue if told else next((t.i for t in clause if is_word(t) and not _leading(t.norm_)), cue)
    opening = doc[first:cue]  # a speech frame or a phrase set off by a comma is left out
    start = first if 0 <= cue - first <= TITLE_LEAD and not _speech_frame(opening) and \
        not any(t.text in {"،", ","} for t in opening) else cue
    while start < cue and _leading(doc[start].norm_) or _bare_proclitic(doc[start]):
        start += 1
    end, last = start, clause.end
    if told:  # the founding clause ends with its date: "التي تأسست عام 2008"
        last = next((d.end for d in doc.spans.get("dates", [])
                     if told < d.start <= told + 3 and d.end <= clause.end), last)
    for token in doc[start:last]:
        if token.norm_ in TITLE_STOPS and token.i > cue and _words(doc[start:token.i]) >= 2 \
                or end - start >= TITLE_TOKENS:
            break
        if token.i > cue + 1 and token.i != told and (
                token.norm_ in RELATIVE or token.norm_ == "ان" or _attendance(token)):
            break
        end = token.i + 1
    for m in doc.spans["mentions"]:  # never a name cut in two: a law runs to its year,
        if m.start < end < m.end and m.start >= start:  # an agency's name is left out,
            end = m.end if m.label_ == "LAW" else (m.start if m.start > start + 1 else end)
            if m.label_ != "LAW" and _construct_head(doc, start, end):  # with the noun it
                end -= 1  # completes ("ورشة عمل تدريبية لأعضاء" + the committee's name)
    while end - 1 > start and (_dangling(doc[end - 1]) or not is_word(doc[end - 1])):
        end -= 1  # no title ends on "و", "في", "رقم" or "بعنوان" (split: "ب" + "عنوان")
    title = doc[start:max(end, start + 1)].text.replace("\n", " ")  # a wrapped line
    return _balanced(title.strip(" «»\"()،,"))


def _speech_frame(span: Span) -> bool:
    """Words before a cue that frame it as said ("جاء ذلك خلال", "قالت الهيئة بمناسبة",
    "في تصريح لها على هامش"): the title then starts at the cue."""
    return any(t.norm_.removeprefix("و") in SPEECH_FRAME for t in span)


def _bare_proclitic(token) -> bool:
    """A split-off proclitic a title does not open on; not the "ل" of "للفئة", whose word
    lost its article's alef when it was split off ("ل" + "لفئة")."""
    nxt = next_token(token)
    return token.norm_ in PROCLITICS and not (
        token.norm_ == "ل" and not token.whitespace_ and nxt is not None and nxt.text.startswith("ل"))


def _dangling(token) -> bool:
    """A word no title ends on, alone ("في", the "في" of "و" + "في") or with the proclitic
    the tagger split off before it ("ب" + "عنوان")."""
    return token.norm_ in DANGLING or _word_norm(token) in DANGLING


def _word_norm(token) -> str:
    """The norm of the written word that `token` ends: with a proclitic the tagger split off
    before it ("ب" + "عنوان" -> "بعنوان", "ل" + "مده" -> "لمده")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and not before.whitespace_ and before.norm_ in PROCLITICS:
        return before.norm_ + token.norm_
    return token.norm_


def _construct_head(doc: Doc, start: int, end: int) -> bool:
    """The last word of doc[start:end] is an indefinite noun after a preposition ("لأعضاء",
    "ل" + "أعضاء"; not "للجنة" nor "بالوزارة"), the head of a construct whose other half
    is cut off after it, with three words or more before it."""
    last = doc[end - 1]
    word = _word_norm(last)
    return is_word(last) and word[:1] in ("ل", "ب") and \
        not word[1:].startswith(("ال", "ل")) and _words(doc[start:end - 1]) >= 3


def _words(span: Span) -> int:
    """The words of `span` outside date expressions ("أفتتح، اليوم، مركز": one word)."""
    dates = [d for d in span.doc.spans.get("dates", []) if d.end > span.start and d.start < span.end]
    return sum(1 for t in span if is_word(t) and not any(d.start <= t.i < d.end for d in dates))


def _attendance(token) -> bool:
    """"برئاسة", "بحضور", "برعاية" (or "ب" split off before them): who chaired or attended,
    where a title stops rather than run into a person's title."""
    nxt = next_token(token)
    return token.norm_ in ATTENDANCE or (
        token.norm_ == "ب" and nxt is not None and "ب" + nxt.norm_ in ATTENDANCE)


def _balanced(title: str) -> str:
    """The title without a quotation mark whose partner was cut off ("العدل» توقع ...")."""
    for opening, closing in (("«", "»"), ("“", "”")):
        if title.count(opening) != title.count(closing):
            title = " ".join(title.replace(opening, " ").replace(closing, " ").split())
    return title


@Language.factory("event_detector", assigns=["doc._.events"], requires=["token.is_sent_start", "doc.spans"],
                  default_config={"use_classifier": True, "cues": None, "model": None})
def make_event_detector(nlp: Language, name: str, use_classifier: bool, cues: str | None,
                        model: str | None) -> EventDetector:
    """`cues` (the trigger patterns, JSON) and `model` (the trained classifier) are read
    by `initialize()`; None, the bundled ones."""
    return EventDetector(nlp, name, use_classifier, cues, model)
