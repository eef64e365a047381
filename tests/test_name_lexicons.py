"""Checks of the person-name lexicons in `data/gazetteers/`.

first_names.txt, person_titles.txt, name_stopwords.txt and name_particles.txt are
one-entry-a-line files ('#' comments, blank lines ignored) that the rule-based person
finder reads through `nlp.gazetteer.load_word_list`, which normalises every entry.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from nlp.gazetteer import GAZETTEER_DIR, load_word_list
from nlp.normalise import normalise_text

MINIMUM = {
    "first_names": 1200,
    "person_titles": 200,
    "name_stopwords": 400,
    "name_particles": 10,
}
# Arabic letters (with hamza forms), spaces between words, and the dot of "د." / "أ.د.".
_ENTRY = re.compile(r"^[\u0621-\u063a\u0641-\u064a.]+(?: [\u0621-\u063a\u0641-\u064a.]+)*$")


def _path(name: str) -> Path:
    return GAZETTEER_DIR / f"{name}.txt"


def _lines(name: str) -> list[tuple[str, str]]:
    """(entry, comment) for every non-blank, non-comment line, stripped."""
    rows = []
    for line in _path(name).read_text(encoding="utf-8").splitlines():
        entry, _, comment = line.partition("#")
        entry = entry.strip()
        if entry:
            rows.append((entry, comment.strip()))
    return rows


def _entries(name: str) -> list[str]:
    return [entry for entry, _ in _lines(name)]


def _normalised(name: str) -> set[str]:
    return {normalise_text(entry) for entry in _entries(name)}


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_file_loads_and_has_minimum_size(name):
    entries = _entries(name)
    assert len(entries) >= MINIMUM[name], f"{name}: {len(entries)} entries"
    loaded = load_word_list(name)
    assert loaded == _normalised(name)


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_no_duplicates_after_stripping(name):
    counts = Counter(_entries(name))
    duplicates = sorted(entry for entry, count in counts.items() if count > 1)
    assert not duplicates, f"{name}: duplicated {duplicates}"


@pytest.mark.parametrize("name", ["first_names", "person_titles", "name_stopwords"])
def test_no_duplicates_after_normalisation(name):
    counts = Counter(normalise_text(entry) for entry in _entries(name))
    duplicates = sorted(entry for entry, count in counts.items() if count > 1)
    assert not duplicates, f"{name}: same normalised form written twice {duplicates}"


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_entries_are_arabic_words(name):
    bad = [entry for entry in _entries(name) if not _ENTRY.match(entry)]
    assert not bad, f"{name}: malformed entries {bad}"


def test_no_title_is_a_stopword():
    overlap = _normalised("person_titles") & _normalised("name_stopwords")
    assert not overlap, sorted(overlap)


def test_no_particle_is_a_stopword():
    stopwords = _normalised("name_stopwords")
    for particle in ("بن", "بنت", "ابن", "أبو", "أبا", "أبي", "بو", "آل", "عبد"):
        assert normalise_text(particle) in _normalised("name_particles")
        assert normalise_text(particle) not in stopwords, particle
    assert not _normalised("name_particles") & stopwords


def test_no_first_name_is_a_stopword_title_or_particle():
    names = _normalised("first_names")
    stopwords = _normalised("name_stopwords")
    assert not names & stopwords, sorted(names & stopwords)
    assert not names & _normalised("person_titles"), sorted(names & _normalised("person_titles"))
    assert not names & _normalised("name_particles"), sorted(names & _normalised("name_particles"))
    # No word of a compound name ("نور الدين", "عبد الله") may end the name half-way.
    split = sorted(name for name in names if any(word in stopwords for word in name.split()))
    assert not split, split


@pytest.mark.parametrize("given", ["محمد", "سعد", "جاسم", "ريا", "حاتم", "مازن", "أسامة",
                                   "أحمد", "عبدالعزيز", "سعود", "نورة", "فاطمة", "مريم", "دانة",
                                   "نواف", "مشعل", "ثامر", "تميم", "قابوس", "هيثم", "جون",
                                   "ماريا", "أنطونيو", "غادة"])
def test_known_names_are_listed(given):
    assert given in _entries("first_names")
    assert normalise_text(given) in load_word_list("first_names")


@pytest.mark.parametrize("joined, apart", [("عبدالله", "عبد الله"),
                                           ("عبدالرحمن", "عبد الرحمن"),
                                           ("عبدالعزيز", "عبد العزيز"),
                                           ("نورالدين", "نور الدين")])
def test_compounds_written_both_ways(joined, apart):
    entries = set(_entries("first_names"))
    assert joined in entries and apart in entries


def test_ambiguous_marks():
    comments = {entry: comment for entry, comment in _lines("first_names")}
    assert {comment for comment in comments.values()} \
        <= {"", "ambiguous", "ambiguous titled", "pastverb", "ambiguous pastverb"}
    for name in ("أشرف", "رفعت", "أكرم", "أسعد"):  # also a past verb ("وأشرف الخالد على")
        assert "pastverb" in comments[name], name
    for name in ("طالب", "لي"):  # a verb, a particle: a name only right after a title
        assert comments[name] == "ambiguous titled", name
    for name in ("علي", "أمل", "نور", "عادل", "سعيد", "كريم", "حسن", "صباح", "ناصر", "بدر"):
        assert comments[name] == "ambiguous", name
    for name in ("محمد", "جاسم", "حاتم", "مازن", "أسامة", "ريا"):
        assert comments[name] == "", name


@pytest.mark.parametrize("title", ["الشيخ", "صاحب السمو", "د.", "الفريق أول", "القائم بالأعمال",
                                   "وكيلة وزارة العدل المساعد", "الوزير المفوض",
                                   "نائب مساعد وزير الخارجية لشؤون حقوق الإنسان",
                                   "رئيس مجلس الأمة", "المتحدث الرسمي"])
def test_known_titles_are_listed(title):
    assert title in _entries("person_titles")


@pytest.mark.parametrize("word", ["قال", "أكد", "أضاف", "أوضح", "أشار", "ذكر", "أعلن", "شدد",
                                  "صرح", "بين", "لفت", "نوه", "أفاد", "كشف", "الوزارة", "اللجنة",
                                  "العام", "الوطنية", "الدولية", "الكويت", "مجلس", "حقوق",
                                  "الإنسان", "الاتجار", "الأشخاص", "المهاجرين"])
def test_known_stopwords_are_listed(word):
    assert word in _entries("name_stopwords")
