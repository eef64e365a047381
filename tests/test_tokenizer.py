import pytest
import spacy

from nlp.morphology import light_analysis
from nlp.tokenizer import ArabicTokenizer

LEXICON = frozenset({"وزاره", "لجنه", "المنظمه"})


@pytest.fixture(scope="module")
def tokenizer():
    return ArabicTokenizer(spacy.blank("ar").vocab, LEXICON)


@pytest.mark.parametrize("text", [
    "وبادرت بوزارة الداخلية  للمنظمة الدولية\n\nللهجرة، (رقم ٩١ لسنة 2013).",
    " بداية بمسافة  ونهاية ",
    "وَبِوزارة الـداخلية",
    "النيابة العامةquot; قالت",
    "",
])
def test_doc_text_is_the_original(tokenizer, text):
    assert tokenizer(text).text == text


@pytest.mark.parametrize("text,tokens,norms", [
    ("بوزارة الداخلية", ["ب", "وزارة", "الداخلية"], ["ب", "وزاره", "الداخليه"]),
    ("للمنظمة", ["ل", "لمنظمة"], ["ل", "المنظمه"]),
    ("والنيابة", ["و", "النيابة"], ["و", "النيابه"]),
    ("وللجنة", ["و", "ل", "لجنة"], ["و", "ل", "اللجنه"]),
    ("لجنة", ["لجنة"], ["لجنه"]),
    ("وزارة", ["وزارة"], ["وزاره"]),
    ("وَالهَيْئَةِ", ["وَ", "الهَيْئَةِ"], ["و", "الهيئه"]),  # the clitic keeps its diacritic
    ("كـالإدارة", ["كـ", "الإدارة"], ["ك", "الاداره"]),  # and its tatweel
])
def test_clitics_split_with_norms(tokenizer, text, tokens, norms):
    doc = tokenizer(text)
    assert [t.text for t in doc] == tokens
    assert [t.norm_ for t in doc] == norms


@pytest.mark.parametrize("text,tokens", [
    ("النيابة العامةquot; قالت", ["النيابة", "العامة", "quot", ";", "قالت"]),
    ("ampالنيابة", ["amp", "النيابة"]),
    ("كوفيد19 وCNN", ["كوفيد19", "و", "CNN"]),  # digits stay on their word
])
def test_arabic_and_latin_letters_glued_are_two_words(tokenizer, text, tokens):
    """A page's broken entity ("quot;") glued to an Arabic word must not join a name."""
    assert [t.text for t in tokenizer(text)] == tokens


@pytest.mark.parametrize("word,prefix,restore", [
    ("بالأشخاص", 1, False), ("للهجرة", 1, True), ("وبالتعاون", 2, False),
    ("بلاد", 0, False), ("فيينا", 0, False), ("كونا", 0, False),
])
def test_light_analysis(word, prefix, restore):
    analysis = light_analysis(word)
    assert (analysis.prefix_length, analysis.restore_article) == (prefix, restore)
