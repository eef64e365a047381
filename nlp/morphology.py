"""Stage 2 of the NLP flow, inside the tokenizer: morphological tagging with CAMeL Tools, or a light fallback.

With CAMeL's morphology database (found through CAMELTOOLS_DATA) every distinct word form
is analysed once (a cache) by an `Analyzer` and ranked by `MLEDisambiguator`, which, with
no pretrained model, ranks by the database's own scores. The result gives the lemma, the
part of speech and the proclitics (d3tok segmentation) that the tokenizer splits off.

Without the data, `light_analysis` splits the common proclitics (و ف ب ك ل and the
article) by rule, and a warning says once how to turn tagging on. Data that is there but
will not load is tried again twice (a folder still being copied), then the warning names
the exception, where it was raised and the folder (`load_tagger`).
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.errors import MorphologyDataMissing, MorphologyLoadFailed
from nlp.normalise import normalise_text

log = logging.getLogger(__name__)

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
PREPOSITION_TAGS = ("bi_", "li_", "ka_", "la_")
# enclitics of a preposition reading that mark it as a foreign word's (`_foreign_word`):
# "you" (feminine plural), "you two": news prose addresses no one so ("بحقوقهن" stays split)
FOREIGN_ENCLITICS = ("2fp", "2d")


@dataclass(frozen=True)
class WordAnalysis:
    """What the tagger says of one word form."""

    prefix_length: int  # characters of proclitics in the surface form (0 if none)
    restore_article: bool  # "للهجرة" = ل + الهجرة: the stem's norm gets its ال back
    lemma: str | None = None
    pos: str | None = None
    d3tok: str | None = None


def camel_data_dir() -> Path | None:
    """The CAMeL data folder, when CAMELTOOLS_DATA points at one with a catalogue."""
    value = os.environ.get("CAMELTOOLS_DATA")
    if value and (Path(value) / "catalogue.json").is_file():
        return Path(value)
    return None


def light_analysis(word: str, lexicon: frozenset[str] = frozenset()) -> WordAnalysis:
    """Split proclitics by rule: a conjunction, then a preposition, then the article.

    A prefix is split when what remains starts with the article, or is a known word of
    `lexicon` (normalised forms) while the whole word is not.
    """
    norm = normalise_text(word)
    if norm in lexicon or len(norm) < 3:
        return WordAnalysis(0, False)
    cut = 0
    if norm[0] in CONJUNCTIONS and _splittable(norm[1:], lexicon):
        cut = 1
    rest = norm[cut:]
    if rest.startswith("لل") and len(rest) > 4:
        return WordAnalysis(_surface_length(word, cut + 1), True)
    if rest[:1] in PREPOSITIONS and _splittable(rest[1:], lexicon):
        cut += 1
    return WordAnalysis(_surface_length(word, cut), False)


def _splittable(rest: str, lexicon: frozenset[str]) -> bool:
    return (rest.startswith(("ال", "لل")) and len(rest) > 3) or rest in lexicon or (
        rest[:1] in PREPOSITIONS and rest[1:].startswith("ال") and len(rest) > 4)


def _surface_length(word: str, norm_chars: int) -> int:
    """How many surface characters hold the first `norm_chars` normalised ones."""
    seen = 0
    for index, char in enumerate(word):
        if seen == norm_chars:
            return index
        seen += len(normalise_text(char))
    return len(word) if seen == norm_chars else 0


class CamelTagger:
    """CAMeL Tools analyser + disambiguator over the MSA database, cached per word."""

    def __init__(self, cache_size: int = 200_000):
        from camel_tools.disambig.mle import MLEDisambiguator
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        analyzer = Analyzer(MorphologyDB.builtin_db(), backoff="NOAN_PROP")
        self._mle = MLEDisambiguator(analyzer)
        self._cache: dict[str, WordAnalysis] = {}
        self._cache_size = cache_size

    def analyse(self, word: str, lexicon: frozenset[str] = frozenset()) -> WordAnalysis:
        """The top analysis of `word`; words of `lexicon` keep their prefixes."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self._analyse(word, lexicon)
            if len(self._cache) < self._cache_size:
                self._cache[word] = cached
        return cached

    def _analyse(self, word: str, lexicon: frozenset[str]) -> WordAnalysis:
        scored = self._mle.disambiguate_word([word], 0).analyses
        if not scored:
            return light_analysis(word, lexicon)
        analysis = scored[0].analysis
        lemma = normalise_text(analysis.get("lex", "")) or None
        pos = analysis.get("pos")
        if _foreign_word(analysis):  # "بلينكن" is no "بـ + لين + كن": a foreign name
            pos, lemma = "noun_prop", normalise_text(word)
        elif pos == "verb" and word.endswith(TA_MARBUTA):  # no verb ends in ة: a guess
            split = light_analysis(word, lexicon)  # "وجدة" among places: و + جدة
            if split.prefix_length:
                pos, lemma = "noun_prop", normalise_text(word[split.prefix_length:])
        if normalise_text(word) in lexicon:
            prefix, restore = 0, False
        elif pos == "noun_prop":  # unknown name: trust the rule
            split = light_analysis(word, lexicon)
            prefix, restore = split.prefix_length, split.restore_article
        else:
            prefix, restore = _camel_prefix(word, analysis)
        return WordAnalysis(prefix, restore, lemma, pos, analysis.get("d3tok"))


TA_MARBUTA = "ة"


def _foreign_word(analysis: dict) -> bool:
    """A reading no news prose has: a preposition, then a stem, then a second-person plural
    feminine or dual pronoun ("بلينكن" read as بـ + لين + كن "with your (women's) soft"). Such a reading
    is the database's last resort for a foreign word it does not know, most often a name."""
    enclitic = str(analysis.get("enc0", "0"))
    return str(analysis.get("prc1", "0")).startswith(PREPOSITION_TAGS) and \
        enclitic.startswith(FOREIGN_ENCLITICS)


def _camel_prefix(word: str, analysis: dict) -> tuple[int, bool]:
    """Surface length of the conjunction and preposition proclitics of an analysis."""
    cut = 0
    if str(analysis.get("prc2", "0")).startswith(("wa_", "fa_")):
        cut += 1
    prep = str(analysis.get("prc1", "0"))
    restore = False
    if prep.startswith(("bi_", "li_", "ka_", "la_")):  # not the future "sa_"
        cut += 1
        # "للجنة": ل + (ال)لجنة; the tokenizer's lexicon decides whether the article was there
        stem = normalise_text(word)[cut:]
        restore = prep.startswith(("li_", "la_")) and (  # la_emph: the database's tie-break
            analysis.get("prc0") == "Al_det" or stem.startswith("ل"))
    return _surface_length(word, cut), restore


# set (to anything) where a run must not fall back to light mode: a scoring run, say
REQUIRE_TAGGER = "GULF_TIP_REQUIRE_TAGGER"
# A data folder read while it is being written (a fresh copy of ../shared, say) fails to
# load for a moment, with FileNotFoundError, DownloaderError (no catalogue.json, so CAMeL
# tries to download one) or a parse error: when CAMELTOOLS_DATA names a folder, a failed
# load is tried again after RETRY_WAIT seconds, then twice that, before giving up.
LOAD_ATTEMPTS = 3
RETRY_WAIT = 2.0


@lru_cache(maxsize=1)
def load_tagger() -> CamelTagger | None:
    """The CAMeL tagger if its data is installed, else None (with one warning that names
    the cause), or that error itself when REQUIRE_TAGGER is set in the environment."""
    attempts = LOAD_ATTEMPTS if _data_folder_given() else 1
    for attempt in range(1, attempts + 1):
        loaded = _try_load(attempt)
        if isinstance(loaded, CamelTagger) or attempt == attempts:
            break
        wait = RETRY_WAIT * 2 ** (attempt - 1)
        log.warning("CAMeL tagger not loaded (attempt %d of %d), trying again in %g s: %s",
                    attempt, attempts, wait, loaded.reason)
        time.sleep(wait)
    return loaded if isinstance(loaded, CamelTagger) else _without_tagger(loaded)


def _try_load(attempt: int) -> CamelTagger | MorphologyDataMissing | MorphologyLoadFailed:
    """The tagger, or the error that says why there is none."""
    folder = camel_data_dir()
    if folder is None:
        return MorphologyDataMissing(_why_no_data())
    try:
        return CamelTagger()
    except Exception as error:  # noqa: BLE001 - the data folder is there but unusable
        return MorphologyLoadFailed(folder, error_cause(error), attempt)


def _data_folder_given() -> bool:
    value = os.environ.get("CAMELTOOLS_DATA")
    return bool(value) and Path(value).is_dir()


def _why_no_data() -> str:
    value = os.environ.get("CAMELTOOLS_DATA")
    if not value:
        return "CAMELTOOLS_DATA is not set"
    return f"CAMELTOOLS_DATA={value} " + (
        "holds no catalogue.json" if Path(value).is_dir() else "is not a folder")


def error_cause(error: BaseException) -> str:
    """What an exception says, for a message: its type, its text, the file and line that
    raised it, and the type and text of the exception it was raised from (if any)."""
    cause = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        cause += f" (at {'/'.join(Path(frames[-1].filename).parts[-3:])}:{frames[-1].lineno})"
    origin = error.__cause__ or error.__context__
    if origin is not None:
        cause += f"; raised from {type(origin).__name__}: {origin}"
    return cause


def _without_tagger(problem: MorphologyDataMissing | MorphologyLoadFailed) -> None:
    if os.environ.get(REQUIRE_TAGGER):
        raise problem
    log.warning(str(problem))
