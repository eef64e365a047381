"""Stage 2 of the NLP flow: Arabic text -> spaCy `Doc`, with proclitics split off.

Words come from CAMeL Tools' `simple_word_tokenize`, aligned back to the text so that
the `Doc` holds the original text exactly. Each word's proclitics (و ف ب ك ل, "لل") become
tokens of their own, so "بوزارة الداخلية" yields the tokens ب | وزارة | الداخلية and a
mention can start after the clitic. Each token's `norm_` is its normalised form
(`nlp.normalise`), with the article given back where "لل" swallowed it: the norm of
"لمنظمة" in "للمنظمة" is "المنظمه". Where the CAMeL tagger is loaded, tokens carry its
lemma (`token.lemma_`) and part of speech (`token.tag_`). The text is normalised once,
with offsets, and kept on the doc (`doc._.normalised`) for the grammars that read it.
A line break that only wraps a running sentence (`nlp.wrapping`) gets the norm " " there
and on its token, so later stages read it as a space; the doc's text stays the original.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.morphology import CamelTagger, WordAnalysis, light_analysis
from nlp.normalise import NormText, normalise_text, normalise_with_offsets
from nlp.wrapping import soft_breaks

if not Doc.has_extension("normalised"):
    Doc.set_extension("normalised", default=None)
# quotation marks, opening -> closing: the one table of the rules that read a quoted name
# (places' outlets, people's quoted names, agencies' quoted short forms and names)
QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”"}
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u0640\u064b-\u0652\u0670\u0671-\u06d3]+$")
# where Arabic letters meet Latin ones inside one word ("العامةquot", a page's broken entity)
_SCRIPT_CHANGE = re.compile(r"(?<=[\u0621-\u064a])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0621-\u064a])")


def is_word(token) -> bool:
    """A word or number (diacritics allowed), not punctuation or space."""
    return token.norm_.isalnum()


def next_token(token):
    """The token after `token` in its doc, or None at the doc's end."""
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


class ArabicTokenizer:
    """A spaCy tokenizer: `tokenizer(text) -> Doc` (see the module docstring)."""

    def __init__(self, vocab: Vocab, lexicon: frozenset[str] = frozenset(),
                 tagger: CamelTagger | None = None):
        self.vocab = vocab
        self.lexicon = lexicon
        self.tagger = tagger

    def __call__(self, text: str) -> Doc:
        words, spaces, norms, tags = [], [], [], []
        for piece, is_word, space in _pieces(text):
            if not is_word:
                words.append(piece), spaces.append(space), norms.append(piece), tags.append(None)
                continue
            analysis = self._analyse(piece)
            parts = _split(piece, analysis, self.lexicon)
            for number, (part, norm) in enumerate(parts, 1):
                words.append(part), spaces.append(False), norms.append(norm)
                tags.append(analysis if number == len(parts) else None)  # the stem's tags
            spaces[-1] = space
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, norm, analysis in zip(doc, norms, tags):
            token.norm_ = norm
            if analysis is not None and analysis.pos:
                token.tag_ = analysis.pos
                token.lemma_ = analysis.lemma or norm
        doc._.normalised = _unwrap(doc, normalise_with_offsets(text))
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        """Saved with the pipeline: the lexicon (CAMeL's data comes from CAMELTOOLS_DATA)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lexicon.json").write_text(json.dumps(sorted(self.lexicon), ensure_ascii=False),
                                           encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> ArabicTokenizer:
        self.lexicon = frozenset(json.loads((Path(path) / "lexicon.json").read_text(encoding="utf-8")))
        return self

    def _analyse(self, word: str) -> WordAnalysis:
        if not _ARABIC_WORD.match(word):
            return WordAnalysis(0, False)
        if self.tagger is not None:
            return self.tagger.analyse(word, self.lexicon)
        return light_analysis(word, self.lexicon)


def _split(word: str, analysis: WordAnalysis,
           lexicon: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The word's parts with their norms: one token per proclitic, then the stem.

    Where "لل" swallowed the article, the stem's norm gets it back: "للمنظمة" -> ل +
    "المنظمه"; for a stem that itself starts with lam ("للجنة" -> ل + "اللجنه") the
    lexicon decides."""
    cut = analysis.prefix_length
    while 0 < cut < len(word) and not normalise_text(word[cut]):
        cut += 1  # a clitic's diacritic or tatweel stays with it: "وَ|الهيئة", "كـ|الإدارة"
    if not 0 < cut < len(word):
        return [(word, normalise_text(word))]
    parts: list[str] = []
    for char in word[:cut]:
        if parts and not normalise_text(char):  # a diacritic stays with its letter
            parts[-1] += char
        else:
            parts.append(char)
    stem = word[cut:]
    norm = normalise_text(stem)
    if analysis.restore_article and norm.startswith("ل"):
        whole = norm in lexicon and norm[1:] not in lexicon
        norm = ("ال" if whole else "ا") + norm
    return [(part, normalise_text(part)) for part in parts] + [(stem, norm)]


def _unwrap(doc: Doc, normalised: NormText) -> NormText:
    """Give the line breaks that only wrap a sentence (`nlp.wrapping`) the norm " ", on
    the tokens and in the normalised text; the doc's text is unchanged."""
    soft = soft_breaks(doc.text)
    if not soft:
        return normalised
    for token in doc:
        if "\n" in token.text:
            token.norm_ = "".join(" " if token.idx + k in soft else char
                                  for k, char in enumerate(token.text))
    chars = [" " if at in soft else char for char, at in zip(normalised.text, normalised.offsets)]
    return replace(normalised, text="".join(chars))


def _pieces(text: str):
    """Yield (piece, is_word, followed_by_space) covering `text` exactly."""
    cursor = 0
    for word in simple_word_tokenize(text):
        start = text.find(word, cursor)
        if start < 0:  # the tokenizer changed the word: keep the raw text instead
            continue
        if start > cursor:
            yield from _gap(text[cursor:start])
        cursor = start + len(word)
        space = text.startswith(" ", cursor) and not text.startswith("  ", cursor)
        if space:
            cursor += 1
        *glued, last = _SCRIPT_CHANGE.split(word)
        yield from ((part, True, False) for part in glued)
        yield last, True, space
    if cursor < len(text):
        yield from _gap(text[cursor:])


def _gap(gap: str):
    """White space (or skipped text) between words, as spaCy-style tokens."""
    if gap.endswith(" ") and len(gap) > 1:
        yield gap[:-1], False, True
    else:
        yield gap, False, False
