import pytest

from nlp.normalise import normalise_text, normalise_with_offsets, strip_article


@pytest.mark.parametrize("text,expected", [
    ("الأشخاص", "الاشخاص"),
    ("إدارة", "اداره"),
    ("آسيا", "اسيا"),
    ("مستشفى", "مستشفي"),
    ("وقّعت", "وقعت"),
    ("الـــكويت", "الكويت"),
    ("٩١ لسنة ٢٠١٣", "91 لسنه 2013"),
    ("ﻻ", "لا"),
    ("2025 – 2028", "2025 - 2028"),
])
def test_normalise_text(text, expected):
    assert normalise_text(text) == expected


@pytest.mark.parametrize("text,needle,original", [
    ("وقّعت الـكويت مذكرة", "الكويت", "الـكويت"),
    ("في سنة ٢٠١٣ أُقر", "2013", "٢٠١٣"),
    ("ثُمَّ الأَشْخاص", "الاشخاص", "الأَشْخاص"),
])
def test_offsets_map_back_to_original(text, needle, original):
    norm = normalise_with_offsets(text)
    start = norm.text.index(needle)
    s, e = norm.to_original(start, start + len(needle))
    assert text[s:e] == original


@pytest.mark.parametrize("word,expected", [("الكويت", "كويت"), ("ال", "ال"), ("وزاره", "وزاره")])
def test_strip_article(word, expected):
    assert strip_article(word) == expected
